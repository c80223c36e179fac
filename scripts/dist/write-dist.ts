// dist: the only code that writes the artifacts to disk.
//
// All files are written into a staging folder beside the output folder, then swapped in with
// renames: a failure, a crash or a kill leaves the previous folder as it was. A lock file keeps two
// exports from swapping at once; a leftover from a killed export is recovered on the next run.

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface DistResult {
  changed: boolean;
  files: number;
  bytes: number;
}

/** Replaces `outDir` with exactly `files` (name → content). Does nothing when they are already there. */
export function replaceDist(outDir: string, files: ReadonlyMap<string, string>): DistResult {
  const bytes = [...files.values()].reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const release = lock(outDir);
  try {
    recover(outDir);
    if (sameContent(outDir, files)) return { changed: false, files: files.size, bytes };
    const staging = join(parent, `.${basename(outDir)}.staging-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const name of [...files.keys()].sort()) writeFileSync(join(staging, name), files.get(name)!);
    const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(staging, outDir);
    rmSync(old, { recursive: true, force: true });
    return { changed: true, files: files.size, bytes };
  } finally {
    release();
  }
}

function sameContent(dir: string, files: ReadonlyMap<string, string>): boolean {
  if (!existsSync(dir)) return false;
  const present = readdirSync(dir);
  if (present.length !== files.size) return false;
  return present.every((name) => files.has(name) && readFileSync(join(dir, name), "utf8") === files.get(name));
}

/** A run killed between its two renames leaves the old folder aside: put it back. Staging leftovers go. */
function recover(outDir: string): void {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.`;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const path = join(parent, name);
    if (name.startsWith(`${prefix}old-`) && !existsSync(outDir)) renameSync(path, outDir);
    else if (name.startsWith(`${prefix}staging-`) || name.startsWith(`${prefix}old-`)) rmSync(path, { recursive: true, force: true });
  }
}

/** An exclusive lock file holding the owner's pid; a lock whose owner is gone is taken over. */
function lock(outDir: string): () => void {
  const path = join(dirname(outDir), `.${basename(outDir)}.lock`);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSafe(path));
      if (!owner || !isAlive(owner)) {
        rmSync(path, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${path} is held by process ${owner}; another export is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
