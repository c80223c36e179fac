// The fidelity table of docs/importing.md lives between two marker comments; `npm run fidelity --
// --write-doc` rewrites what is between them and nothing else.

export const START = "<!-- fidelity-table:start -->";
export const END = "<!-- fidelity-table:end -->";

/** `doc` with the text between the markers replaced by `table`, or undefined without the markers. */
export function replaceMarked(doc: string, table: string): string | undefined {
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return `${doc.slice(0, start + START.length)}\n${table.trimEnd()}\n${doc.slice(end)}`;
}
