// Blocks of BENCHMARKS.md written by the smaller benchmarks (xlsx-choice.ts, compare-commits.ts)
// between <!-- name --> markers: one replaces its own block in place, adds it at the end when
// it is not there, and leaves the others alone; npm run bench keeps them all (KEPT_BLOCK).

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KEPT_BLOCK, keptBlock, writeKeptBlock } from "../scripts/bench/kept-block.ts";
import { tempDir } from "./helpers.ts";

describe("kept blocks of BENCHMARKS.md", () => {
  it("are replaced in place, added at the end, and found again by the bench", () => {
    const path = join(tempDir("kept-"), "BENCHMARKS.md");
    writeFileSync(path, `# Benchmarks\n\n${keptBlock("xlsx-choice", ["old figures"])}\n\n## After\n`);
    writeKeptBlock(path, "xlsx-choice", ["new figures, $& and $1 as written"]);
    writeKeptBlock(path, "compare-commits", ["| commit |"]);
    const text = readFileSync(path, "utf8");
    expect(text).toBe(
      "# Benchmarks\n\n<!-- xlsx-choice -->\nnew figures, $& and $1 as written\n<!-- /xlsx-choice -->\n\n## After\n\n<!-- compare-commits -->\n| commit |\n<!-- /compare-commits -->\n",
    );
    expect([...text.matchAll(KEPT_BLOCK)].map((m) => m[1])).toEqual(["xlsx-choice", "compare-commits"]);
  });
});
