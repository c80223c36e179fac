// dist: the only code that writes the artifacts to disk.
//
// All files are written into a staging folder beside the output folder, flushed to disk, read back
// and compared, then swapped in with two renames: a failure, a crash or a kill leaves the previous
// folder as it was. A kill between the two renames leaves the old folder aside under a known name;
// the next run (successful or not) puts it back before anything else. A lock file (lock.ts) keeps
// two exports from touching the folders at once.

import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isAlive, lock } from "./lock.ts";
import { pauseAt } from "./test-pause.ts";

export interface DistResult {
  changed: boolean;
  files: number;
  bytes: number;
}

/** Replaces `outDir` with exactly `files` (name → content). Does nothing when they are already there. */
export function replaceDist(outDir: string, files: ReadonlyMap<string, string>): DistResult {
  for (const name of files.keys()) {
    // Plain names only: nothing may land outside the folder or look like the staging folders.
    if (!/^[^/\\.][^/\\]*$/.test(name) || name.length > 200) throw new Error(`refusing to write an artifact named ${JSON.stringify(name)}`);
  }
  const bytes = [...files.values()].reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const release = lock(outDir);
  try {
    pauseAt("locked");
    recover(outDir);
    if (sameContent(outDir, files)) return { changed: false, files: files.size, bytes };
    const staging = join(parent, `.${basename(outDir)}.staging-${process.pid}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const name of [...files.keys()].sort()) {
      writeDurably(join(staging, name), files.get(name)!);
      pauseAt("staging-file");
    }
    // Checked: what is on disk is what was built, before anything is replaced.
    if (!sameContent(staging, files)) throw new Error(`the files written to ${staging} differ from the ones built; ${outDir} left as it was`);
    syncDirectory(staging);
    pauseAt("staged");
    const old = join(parent, `.${basename(outDir)}.old-${process.pid}`);
    if (existsSync(outDir)) renameSync(outDir, old);
    pauseAt("moved-aside");
    renameSync(staging, outDir);
    syncDirectory(parent);
    pauseAt("swapped");
    rmSync(old, { recursive: true, force: true });
    return { changed: true, files: files.size, bytes };
  } finally {
    release();
  }
}

/** Puts back an output folder that a killed export left aside, and removes its leftovers. */
export function recoverDist(outDir: string): void {
  if (!existsSync(dirname(outDir))) return;
  // Only when a killed export left something: a failing run must not wait for a running export's lock.
  const prefix = `.${basename(outDir)}.`;
  const leftover = (name: string) => name.startsWith(`${prefix}old-`) || name.startsWith(`${prefix}staging-`) || (name === `${prefix}lock` && !lockOwnerAlive(join(dirname(outDir), name)));
  if (!readdirSync(dirname(outDir)).some(leftover)) return;
  const release = lock(outDir);
  try {
    recover(outDir);
  } finally {
    release();
  }
}

function writeDurably(path: string, content: string): void {
  const fd = openSync(path, "wx");
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** So the renames survive a power cut, not only a kill. Some systems cannot open folders: then it is skipped. */
export function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not supported here (e.g. Windows); the rename itself is still atomic
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function sameContent(dir: string, files: ReadonlyMap<string, string>): boolean {
  if (!existsSync(dir)) return false;
  const present = readdirSync(dir);
  if (present.length !== files.size) return false;
  return present.every((name) => files.has(name) && statSync(join(dir, name)).isFile() && readFileSync(join(dir, name)).equals(Buffer.from(files.get(name)!)));
}

/** A run killed between its two renames leaves the old folder aside: put it back. Staging leftovers go. */
export function recover(outDir: string): void {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.`;
  const leftovers = readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .sort();
  for (const name of leftovers) {
    const path = join(parent, name);
    if (name.startsWith(`${prefix}old-`) && !existsSync(outDir)) renameSync(path, outDir);
    else if (name.startsWith(`${prefix}staging-`) || name.startsWith(`${prefix}old-`)) rmSync(path, { recursive: true, force: true });
    // Temporary files of the lock whose process is gone.
    else if (name.startsWith(`${prefix}lock.`) && !isAlive(Number(/^lock\.(?:stale-)?(\d+)-/.exec(name.slice(prefix.length))?.[1] ?? 0))) rmSync(path, { force: true });
  }
}

function lockOwnerAlive(path: string): boolean {
  try {
    return isAlive(Number(readFileSync(path, "utf8").split(" ")[0]));
  } catch {
    return true; // gone meanwhile, or unreadable: leave it to its owner
  }
}
