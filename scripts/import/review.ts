// What of an infobox line needs a person's look, by one rule whatever parser flagged it: a line
// kept as text (an unknown label, a value its parser is not sure of, an ambiguous place) may be a
// fact the draft does not state, and a line typed with a doubt may state a wrong one. A dropped
// line (a display setting, template residue) is no fact and needs none. The flag is data in the
// draft (`review:` on the infobox field, `reviewed: false`), so it can be counted and a curator
// marks it reviewed by editing a value.

import type { Review } from "../model/types.ts";

/** What became of an infobox line in the draft. */
export type Outcome = "typed" | "text" | "dropped";

export function reviewOf(line: { outcome: Outcome; detail: string; review?: string }, lineNumber: number): Review | undefined {
  if (line.review !== undefined) return { why: line.review, line: lineNumber, reviewed: false };
  if (line.outcome === "text") return { why: line.detail, line: lineNumber, reviewed: false };
  return undefined;
}
