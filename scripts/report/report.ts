// How the command line reports problems: what goes to stdout and what to stderr, for people
// (file:line:col lines, with code frames on a terminal), for tools (--errors=json) and for
// GitHub Actions (workflow annotations). Pure: the command line only writes what this returns.

import { formatDiagnostic, sortDiagnostics, type Diagnostic } from "../lib/diagnostic.ts";
import { visible } from "../lib/characters.ts";
import { codeFrame } from "./code-frame.ts";
import { annotation } from "./github-annotations.ts";

export interface ReportOptions {
  errors: "text" | "json";
  /** Source texts by the file name the diagnostics use, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Code frames under each problem: when stderr is a terminal. */
  codeFrames: boolean;
  /** GITHUB_ACTIONS=true: add `::error` annotations. */
  githubActions: boolean;
  /** The output folder as the user named it, to say it was left alone. */
  out: string;
}

export function renderReport(diagnostics: readonly Diagnostic[], options: ReportOptions): { stdout: string; stderr: string } {
  const sorted = sortDiagnostics([...diagnostics]);
  let stdout = "";
  let stderr = "";
  if (options.errors === "json") stdout += `${JSON.stringify(sorted, null, 2)}\n`;
  else {
    for (const d of sorted) {
      stderr += `${visible(formatDiagnostic(d))}\n`;
      const text = options.codeFrames ? options.sources.get(d.file) : undefined;
      const frame = text === undefined ? "" : codeFrame(text, d.line, d.col);
      if (frame) stderr += `${frame}\n`;
    }
    stderr += `${sorted.length} problem${sorted.length === 1 ? "" : "s"}; ${options.out}/ left as it was\n`;
  }
  // The runner reads workflow commands from both streams; stdout stays pure JSON with --errors=json.
  const annotations = options.githubActions ? sorted.map((d) => `${annotation(d)}\n`).join("") : "";
  if (options.errors === "json") stderr += annotations;
  else stdout += annotations;
  return { stdout, stderr };
}
