// Each export of a new output folder prunes the states of folders that are gone (tests and
// benchmarks leave hundreds). It must not take the state of an output that another export is
// swapping in for a dead run's leftovers: that export's next run would make every article again.

import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportCorpus } from "../scripts/corpus/export-corpus.ts";
import { dropState, removeState, statePath } from "../scripts/corpus/export-state.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { ifexSources, tempDir } from "./helpers.ts";

const exportTo = async (outDir: string) => expect((await exportCorpus({ sourceDir: ifexSources(), outDir, formats: FORMATS, threads: 0 })).ok).toBe(true);
const factsOf = (outDir: string) => statePath(outDir).replace(/\.state$/, ".facts");

describe("the export's state beside other exports", () => {
  it("is kept while its export swaps the output in, and pruned once its folder is gone", async () => {
    const a = join(tempDir("prune-a-"), "dist");
    await exportTo(a);
    expect(existsSync(factsOf(a))).toBe(true);
    // As the export does just before it swaps its output in; meanwhile another export, of a new folder, prunes.
    dropState(a);
    await exportTo(join(tempDir("prune-b-"), "dist"));
    expect(existsSync(factsOf(a))).toBe(true);

    // Exported again, then its folder gone: the next new folder's export takes its state away.
    await exportTo(a);
    rmSync(a, { recursive: true });
    await exportTo(join(tempDir("prune-c-"), "dist"));
    expect(existsSync(statePath(a))).toBe(false);
    expect(existsSync(factsOf(a))).toBe(false);
  });

  it("goes with its facts and workbook places when removed (the benchmark's scratch folders)", async () => {
    const a = join(tempDir("remove-"), "dist");
    await exportTo(a);
    const beside = [statePath(a), factsOf(a), statePath(a).replace(/\.state$/, ".places")];
    for (const path of beside) expect(existsSync(path), path).toBe(true);
    removeState(a);
    for (const path of beside) expect(existsSync(path), path).toBe(false);
  });
});
