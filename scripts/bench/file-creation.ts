// How long this file system takes to create an empty file next to where the export will write.
//
// Why it is measured: this machine's ext4 runs without a journal, and then, to choose a new file's
// inode, the kernel skips every inode of the folder's block group deleted in the last 30 seconds
// (5 minutes while that deletion is not yet on disk), reading each one (fs/ext4/ialloc.c,
// recently_deleted). Right after something deleted tens of thousands of files near the output
// folder (a previous output, a test run), creating each file costs hundreds of microseconds
// instead of about twenty, and an export of 60,000 files spends seconds in the kernel. The figure
// says in which state the export below found the disk. The probe's files stay until the
// benchmark ends: deleting them now would cause what it measures.

import { closeSync, mkdirSync, openSync } from "node:fs";
import { join } from "node:path";

const PROBE_FILES = 1000;

/** Microseconds per empty file created in a new folder `dir` (same parent as the output). */
export function fileCreationMicros(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  for (let i = 0; i < PROBE_FILES; i++) closeSync(openSync(join(dir, `probe-${i}`), "wx"));
  return ((performance.now() - started) * 1000) / PROBE_FILES;
}
