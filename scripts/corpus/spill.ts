// Texts the export's main thread must keep until the end but rarely reads (each article's entity
// table, its events' CSV lines): written to a scratch file as they come, and read back by position
// when needed. Memory then holds a few numbers per text: 10,000 articles' tables and lines are some
// 100 MB of strings, which would not fit the export's memory budget.

import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

/** Where a text was put: its byte offset and length. */
export type SpillRef = readonly [offset: number, length: number];

export class Spill {
  private readonly fd: number;
  private size = 0;
  constructor(private readonly path: string) {
    this.fd = openSync(path, "w+");
  }

  put(text: string): SpillRef {
    const bytes = Buffer.from(text, "utf8");
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, this.size + at);
    const ref = [this.size, bytes.length] as const;
    this.size += bytes.length;
    return ref;
  }

  /** The whole file, once everything is put (see `readAll`). */
  private whole: Buffer | undefined;

  /**
   * Reads the whole file into memory, for the end of the export, when the worker threads are gone
   * and their memory with them: the events' lines are then taken in date order, which would be one
   * read per line (some 100,000 at 10,000 articles).
   */
  readAll(): void {
    const whole = Buffer.allocUnsafe(this.size);
    for (let at = 0; at < this.size; ) {
      const n = readSync(this.fd, whole, at, this.size - at, at);
      if (n === 0) throw new Error(`${this.path}: shorter than expected`);
      at += n;
    }
    this.whole = whole;
  }

  get([offset, length]: SpillRef): string {
    if (this.whole && offset + length <= this.whole.length) return this.whole.toString("utf8", offset, offset + length);
    const bytes = Buffer.allocUnsafe(length);
    for (let at = 0; at < length; ) {
      const n = readSync(this.fd, bytes, at, length - at, offset + at);
      if (n === 0) throw new Error(`${this.path}: shorter than expected`);
      at += n;
    }
    return bytes.toString("utf8");
  }

  private disposed = false;

  /** Closes and removes the scratch file (once). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
