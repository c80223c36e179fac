// The output folder, replaced as a whole: everything is written into a staging folder beside it
// (by the main thread and by worker threads alike, see stage-file.ts), flushed to disk once, then
// swapped in with two renames. A failure, a crash or a kill at any moment before the swap leaves the
// previous folder as it was; a kill between the two renames leaves the old folder aside under a
// known name, and the next run puts it back before anything else (`recover` below). The
// lock (lock.ts) keeps two exports from touching the folders at once.
//
// Files of the previous output that are still right (their article did not change) are hard-linked
// into the staging folder, not rewritten.

import { childProcess } from "../lib/child-process.ts";
import { close, closeSync, existsSync, fsync, fsyncSync, linkSync, mkdirSync, open, openSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isAlive, lock } from "./lock.ts";
import { checkArtifactName } from "./stage-file.ts";
import { pauseAt } from "./test-pause.ts";

export class StagedDist {
  /** Made by `begin`. */
  staging = "";
  private readonly parent: string;
  private released = false;
  private readonly release: () => void;

  /** The files the staging folder held when last checked (holdsExactly). */
  private present: string[] | undefined;
  /** The files linked from the current output (`reuse`): on disk already, they need no flush. */
  private readonly linked = new Set<string>();

  /**
   * Takes the lock (until `close`), and puts back what a killed export left. Once swapped out, a
   * previous output of more than `removeInBackgroundAbove` files is removed by a process of its own.
   */
  constructor(
    readonly outDir: string,
    private readonly removeInBackgroundAbove = REMOVE_IN_BACKGROUND_ABOVE,
  ) {
    this.parent = dirname(outDir);
    mkdirSync(this.parent, { recursive: true });
    this.release = lock(outDir);
    try {
      pauseAt("locked");
      recover(outDir);
    } catch (error) {
      this.release();
      throw error;
    }
  }

  /** Makes the empty staging folder. */
  begin(): void {
    this.staging = join(this.parent, `.${basename(this.outDir)}.staging-${process.pid}`);
    rmSync(this.staging, { recursive: true, force: true });
    mkdirSync(this.staging);
  }

  /** The same file as the current output's (a hard link: no copy, no rewrite). */
  reuse(name: string): void {
    checkArtifactName(name);
    linkSync(join(this.outDir, name), join(this.staging, name));
    this.linked.add(name);
  }

  /** Whether the file of this name is the previous output's, linked (`reuse`), not written by this export (also once swapped in). */
  isLinked(name: string): boolean {
    return this.linked.has(name);
  }

  /** Removes a file of the staging folder (a reused one about to be made again). */
  unlink(name: string): void {
    checkArtifactName(name);
    rmSync(join(this.staging, name));
    this.linked.delete(name);
  }

  /** The staging folder holds exactly these names (nothing missing, nothing else). */
  holdsExactly(names: ReadonlySet<string>): boolean {
    const present = readdirSync(this.staging);
    this.present = present;
    return present.length === names.size && present.every((name) => names.has(name));
  }

  /** The current output's SHA256SUMS, which lists every other file of it with its hash. */
  currentChecksums(name: string): string | undefined {
    try {
      return readFileSync(join(this.outDir, name), "utf8");
    } catch {
      return undefined;
    }
  }

  private flushing = false;

  /**
   * Starts writing what is staged so far to the disk, in the background (`sync -f` in a child
   * process, one at a time), so the flush before the swap finds little left to write: the kernel
   * would otherwise keep gigabytes in memory until then.
   */
  flushInBackground(): void {
    if (this.flushing || !this.staging) return;
    this.flushing = true;
    try {
      const child = childProcess().spawn("sync", ["-f", this.staging], { stdio: "ignore" });
      child.on("error", () => (this.flushing = false));
      child.on("exit", () => (this.flushing = false));
      child.unref();
    } catch {
      this.flushing = false;
    }
  }

  /** Flushes the staging folder to disk, then swaps it in. */
  async commit(): Promise<void> {
    // The files holdsExactly listed (the export checks before it commits), or a listing now; those
    // linked from the current output are on disk already (its export flushed them): only the
    // directory's new entries for them are, by syncDirectory.
    const present = this.present ?? readdirSync(this.staging);
    await flushFiles(this.staging, present.filter((name) => !this.linked.has(name)));
    syncDirectory(this.staging);
    pauseAt("staged");
    const old = join(this.parent, `.${basename(this.outDir)}.old-${process.pid}`);
    if (existsSync(this.outDir)) renameSync(this.outDir, old);
    pauseAt("moved-aside");
    renameSync(this.staging, this.outDir);
    syncDirectory(this.parent);
    pauseAt("swapped");
    if (present.length > this.removeInBackgroundAbove && existsSync(old)) removeInBackground(old, trashName(this.outDir));
    else rmSync(old, { recursive: true, force: true });
    this.staging = "";
  }

  /** Leaves the output as it was: the staging folder goes. */
  abort(): void {
    if (this.staging) rmSync(this.staging, { recursive: true, force: true });
    this.staging = "";
    this.linked.clear();
  }

  /** Removes what is left of the staging folder, and releases the lock. */
  close(): void {
    try {
      this.abort();
    } finally {
      if (!this.released) this.release();
      this.released = true;
    }
  }

}

/**
 * One file fsynced on libuv's threads. With fs's callbacks, not fs.promises: loading that (with
 * the readline and file-watching modules it brings) takes about 1 ms of a one-article export.
 */
function fsyncFile(path: string): Promise<void> {
  return new Promise((resolve, reject) =>
    open(path, "r", (error, fd) => {
      if (error) return reject(error);
      fsync(fd, (syncError) => close(fd, (closeError) => (syncError ?? closeError ? reject(syncError ?? closeError) : resolve())));
    }),
  );
}

/**
 * The files this export wrote into the staging folder on disk before the swap, so that a power cut
 * cannot leave the new names pointing at empty files. Up to FSYNC_EACH_UP_TO of them (an edit of a
 * corpus writes a few dozen, however many it links), an fsync each, all at once on libuv's threads:
 * starting `sync` takes 4-5 ms, it waits for whatever else the file system has to write (other
 * programs' files too), and the disk takes the 16 fsyncs of one article's output together in about
 * half the time it takes them one by one (6-10 ms against 11-16 ms on this machine). More (a corpus
 * made afresh), one syncfs(2) of the file system (`sync -f`) instead: 60,000 fsyncs would each wait
 * for the disk. Where `sync -f` is missing, each file is fsynced.
 */
async function flushFiles(dir: string, names: readonly string[]): Promise<void> {
  if (names.length <= FSYNC_EACH_UP_TO) {
    await Promise.all(names.map((name) => fsyncFile(join(dir, name))));
    return;
  }
  try {
    childProcess().execFileSync("sync", ["-f", dir], { stdio: "ignore" });
    return;
  } catch {
    // not GNU coreutils: fsync each file, one at a time (tens of thousands would not all be open at once)
  }
  for (const name of names) {
    const fd = openSync(join(dir, name), "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** Up to this many files written, they are fsynced one by one. */
const FSYNC_EACH_UP_TO = 100;

/**
 * Past this many files, the previous output is renamed aside and removed by `rm -rf` in a process of
 * its own, which the export does not wait for: unlinking the 70,000 files of 10,000 articles takes
 * 2.3 s, some tenth of the export after an edit. A trash folder left by a killed `rm` is removed
 * the same way by the next export.
 */
const REMOVE_IN_BACKGROUND_ABOVE = 1000;

function trashName(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.trash-${process.pid}-${Date.now()}`);
}

function removeInBackground(path: string, trash: string): void {
  try {
    renameSync(path, trash);
  } catch {
    rmSync(path, { recursive: true, force: true });
    return;
  }
  try {
    const child = childProcess().spawn("rm", ["-rf", "--", trash], { detached: true, stdio: "ignore" });
    child.on("error", () => rmSync(trash, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(trash, { recursive: true, force: true });
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

/** A run killed between its two renames leaves the old folder aside: put it back. Staging leftovers go. */
export function recover(outDir: string): void {
  const parent = dirname(outDir);
  const prefix = `.${basename(outDir)}.`;
  const leftovers = readdirSync(parent)
    .filter((name) => name.startsWith(prefix))
    .sort();
  for (const name of leftovers) {
    const path = join(parent, name);
    // A previous output being removed in the background (or whose removal was killed): again, in the background.
    if (name.startsWith(`${prefix}trash-`)) removeInBackground(path, path);
    else if (name.startsWith(`${prefix}old-`) && !existsSync(outDir)) renameSync(path, outDir);
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
