// Every file descriptor an export opens (its articles' files, the combined files it streams, its
// scratch files) is closed again, whether the export succeeds or an article fails, on worker
// threads or on the main thread alone: a process that goes on (a test runner, a watcher) would
// otherwise hold them, and the disk space of the deleted staging folder with them.

import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportCorpus } from "../scripts/corpus/export-corpus.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { ROOT, tempDir } from "./helpers.ts";

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

});
