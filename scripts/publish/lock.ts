// An exclusive lock beside the output folder, so two exports never swap at once.
//
// The lock file is created complete and atomically (written under a unique name, then hard-linked
// to the lock's name, which fails if it exists), so no one ever reads a half-written lock. It holds
// the owner's pid and a random token. A lock whose owner is gone (killed) is taken over: moved aside
// under a unique name first, and put back if it turns out to be a fresh lock of a live export.

import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** How long an export waits for another one before giving up. */
export const LOCK_WAIT_MS = 60_000;

export class LockTimeoutError extends Error {}

export function lockPath(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.lock`);
}

/** Takes the lock of `outDir` (waiting for another export to finish); returns its release. */
export function lock(outDir: string, waitMs = LOCK_WAIT_MS): () => void {
  const path = lockPath(outDir);
  const content = `${process.pid} ${randomBytes(8).toString("hex")}\n`;
  const deadline = Date.now() + waitMs;
  let emptySince: number | undefined;
  for (;;) {
    if (create(path, content)) {
      return () => {
        // Remove it only while it is still ours.
        if (readFileSafe(path) === content) rmSync(path, { force: true });
      };
    }
    const held = readFileSafe(path);
    const owner = Number(held.split(" ")[0]);
    // Empty only for an instant while created without hard links; empty for long, its creator died.
    emptySince = held === "" ? (emptySince ?? Date.now()) : undefined;
    const deadOwner = held !== "" && (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner));
    if (deadOwner || (emptySince !== undefined && Date.now() - emptySince > 1000)) {
      takeOverStale(path, held);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(`${path} is held by process ${owner}: another export is running (waited ${Math.round(waitMs / 1000)} s)`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
  }
}

/** Creates the lock file with its whole content, or returns false when it exists. */
function create(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, content, { flag: "wx" });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code === "EPERM" || code === "ENOTSUP" || code === "ENOSYS") return createWithoutLinks(path, content);
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** File systems without hard links: exclusive create, then write (a reader may briefly see it empty). */
function createWithoutLinks(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeSync(fd, content);
  closeSync(fd);
  return true;
}

function takeOverStale(path: string, stale: string): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, aside);
  } catch {
    return; // someone else took it over first
  }
  if (readFileSafe(aside) !== stale) {
    // Between reading and moving, the stale lock was replaced by a live one: put that one back.
    try {
      linkSync(aside, path);
    } catch {
      // A third export created a lock meanwhile; it holds it.
    }
  }
  rmSync(aside, { force: true });
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
