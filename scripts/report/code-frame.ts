// The lines around a problem with a caret under its column, as compilers print them, so a person
// sees the mistake without opening the file. Invisible and control characters of the source are
// shown escaped (lib/characters.ts `visible`), so a hostile line cannot act on the terminal.

import { visible } from "../lib/characters.ts";

/** Lines this wide are cut around the caret. */
const MAX_WIDTH = 120;

export function codeFrame(text: string, line: number, col: number): string {
  const lines = text.split("\n");
  if (line < 1 || line > lines.length) return "";
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const gutter = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const raw = lines[n - 1]!.replace(/\r$/, "");
    const prefix = visible(raw.slice(0, Math.max(0, col - 1)));
    const whole = visible(raw);
    // The same window for the line and its caret, so the caret stays under the column.
    const start = n === line && prefix.length > MAX_WIDTH - 20 ? prefix.length - (MAX_WIDTH - 40) : 0;
    const shown = (start > 0 ? "…" : "") + whole.slice(start, start + MAX_WIDTH) + (whole.length > start + MAX_WIDTH ? "…" : "");
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(gutter)} | ${shown}`.trimEnd());
    if (n === line) out.push(`  ${" ".repeat(gutter)} | ${" ".repeat(prefix.length - start + (start > 0 ? 1 : 0))}^`);
  }
  return out.join("\n");
}
