// Issue 16's budget on the size of the code: scripts/read, scripts/validate, scripts/writers and
// scripts/corpus together at least 1,400 lines shorter than the 5,467 they had when it was filed.
// Counted as `wc -l` counts them (newlines in every .ts file of the four folders), when the
// benchmark runs, so that BENCHMARKS.md's row cannot drift from the code.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../lib/project-path.ts";

export const LINE_BUDGET = {
  folders: ["read", "validate", "writers", "corpus"],
  /** Their lines when issue 16 was filed. */
  before: 5467,
  shorterBy: 1400,
} as const;

/** The most lines the four folders may have: 4,067. */
export const LINE_LIMIT = LINE_BUDGET.before - LINE_BUDGET.shorterBy;

/** Newlines in every .ts file of the budget's folders under `scriptsDir` (the project's scripts/ by default). */
export function budgetLines(scriptsDir = projectPath("scripts")): number {
  let lines = 0;
  for (const folder of LINE_BUDGET.folders) {
    const dir = join(scriptsDir, folder);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(".ts")) continue;
      const text = readFileSync(join(dir, name), "utf8");
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
    }
  }
  return lines;
}
