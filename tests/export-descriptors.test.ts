// The export's main thread creates each article's files and the worker threads write into them
// (createStagedFile): every descriptor it opens is closed again, whether the export succeeds or an
// article fails, on worker threads or on the main thread alone.

import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportCorpus } from "../scripts/corpus/export-corpus.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { ROOT, tempDir } from "./helpers.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";

const openDescriptors = () => readdirSync("/proc/self/fd").length;

describe.runIf(existsSync("/proc/self/fd"))("the export's file descriptors", () => {
  for (const threads of [0, 2]) {
    it(`are all closed after an export and after a failed one (${threads} worker threads)`, async () => {
      const source = tempDir("descriptors-src-");
      cpSync(join(ROOT, "tests/fixtures/linked-corpus"), source, { recursive: true });
      const before = openDescriptors();
      const done = await exportCorpus({ sourceDir: source, outDir: join(tempDir("descriptors-out-"), "dist"), formats: FORMATS, threads });
      expect(done.ok).toBe(true);
      expect(openDescriptors()).toBe(before);
      // An article that cannot be read as an article: its job fails, after the others' files were made.
      writeFileSync(join(source, "zz-broken.yaml"), "article: [unclosed\n");
      const failed = await exportCorpus({ sourceDir: source, outDir: join(tempDir("descriptors-out-"), "dist"), formats: FORMATS, threads });
      expect(failed.ok).toBe(false);
      expect(openDescriptors()).toBe(before);
    });
  }

  it("are closed as each article is done, not at the end (a big corpus would run out of them)", async () => {
    const source = tempDir("descriptors-src-");
    generateCorpus(source, 200);
    for (const threads of [0, 2]) {
      const before = openDescriptors();
      let most = 0;
      const onProgress = () => void (most = Math.max(most, openDescriptors() - before));
      const done = await exportCorpus({ sourceDir: source, outDir: join(tempDir("descriptors-out-"), "dist"), formats: FORMATS, threads, onProgress });
      expect(done.ok).toBe(true);
      // Six files an article: the articles in flight (none beyond the one running without threads;
      // two batches of 16 per thread with them), and some of the export's own (its scratch files;
      // each worker thread's event loop and module loader); not 1,200.
      expect(most).toBeLessThanOrEqual(FORMATS.length * (threads === 0 ? 1 : 2 * 16 * threads) + 40);
      expect(most).toBeGreaterThan(0);
    }
  });
});
