// vitest's global setup (vitest.config.ts): the whole run's temporary files go into one folder of
// its own (TMPDIR, which the test processes and the command lines they start inherit), removed when
// the run ends. tempDir's folders go after each test file already (tests/temp-dirs.ts); this also
// removes what outlives a file (what madeOncePerRun makes for the whole run: ifexDist's output, the
// shared articles' drafts and export) and what a command line under test leaves in the temporary folder.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** The prefix of the run's folder, which tests/temp-dirs.test.ts looks for. */
export const TEMP_ROOT_PREFIX = "org-article-tests-";

export default function setup(): (() => void) | undefined {
  const before = process.env.TMPDIR;
  // Each project of vitest.config.ts runs the global setup: the first makes the folder, the others
  // use it (not one inside another: Chromium's socket path there would pass the 107 bytes a Unix
  // socket's path may have).
  if (basename(tmpdir()).startsWith(TEMP_ROOT_PREFIX)) return undefined;
  const root = mkdtempSync(join(tmpdir(), TEMP_ROOT_PREFIX));
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
