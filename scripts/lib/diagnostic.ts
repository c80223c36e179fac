// A problem found in a source file, as a value: where it is and what a person can do about it.
// Every stage (read, validate) returns these instead of throwing, so all problems are reported at once.

export interface Diagnostic {
  /** Path of the source file as the user named it (relative paths stay relative). */
  file: string;
  /** 1-based line and column of the offending YAML node. */
  line: number;
  col: number;
  /** What is wrong, in plain words. */
  message: string;
  /** What would be right, and what is there instead (both optional). */
  expected?: string;
  found?: string;
}

/** Where something is written in a source file: 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

/** A source file's text, and its path as messages show it ("source/ifex.yaml"). */
export interface SourceText {
  file: string;
  text: string;
}

/** `file:line:col: error: message, expected X, found Y` — the form compilers and editors understand. */
export function formatDiagnostic(d: Diagnostic): string {
  let text = `${d.file}:${d.line}:${d.col}: error: ${d.message}`;
  if (d.expected !== undefined) text += `, expected ${d.expected}`;
  if (d.found !== undefined) text += `, found ${d.found}`;
  return text;
}

/** Sorted by file, then position, so the report reads top to bottom; duplicates dropped. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)))
    .filter((d) => {
      const key = formatDiagnostic(d);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A short, single-line rendering of a found value for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") return "a mapping";
  const text = typeof value === "string" ? JSON.stringify(value) : `${typeof value} ${String(value)}`;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
