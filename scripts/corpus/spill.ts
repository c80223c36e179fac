// Texts the export's main thread must keep until the end but rarely reads (each article's entity
// table, its events' CSV lines): written to a scratch file as they come, and read back by position
// when needed. Memory then holds a few numbers per text: 10,000 articles' tables and lines are some
// 100 MB of strings, which would not fit the export's memory budget.

import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

/** Where a text was put: its byte offset and length. */
export type SpillRef = readonly [offset: number, length: number];

/** Texts are gathered in memory up to this many bytes, then written in one call (not one per text). */
const PENDING_BYTES = 1 << 18;
/** A UTF-16 code unit never takes more than 3 bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

export class Spill {
  private readonly fd: number;
  /** Bytes put so far, written or pending. */
  private size = 0;
  /** Texts put but not yet written: they start at `size - pendingBytes` in the file. */
  private readonly pending = Buffer.allocUnsafe(PENDING_BYTES);
  private pendingBytes = 0;
  constructor(private readonly path: string) {
    this.fd = openSync(path, "w+");
  }

  put(text: string): SpillRef {
    if ((this.pendingBytes + text.length * MAX_BYTES_PER_UNIT) > PENDING_BYTES) this.flush();
    let length: number;
    if (text.length * MAX_BYTES_PER_UNIT > PENDING_BYTES) {
      const bytes = Buffer.from(text, "utf8");
      this.writeAt(bytes, this.size);
      length = bytes.length;
    } else {
      length = this.pending.write(text, this.pendingBytes, "utf8");
      this.pendingBytes += length;
    }
    const ref = [this.size, length] as const;
    this.size += length;
    return ref;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    this.writeAt(this.pending.subarray(0, this.pendingBytes), this.size - this.pendingBytes);
    this.pendingBytes = 0;
  }

  private writeAt(bytes: Buffer, position: number): void {
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, position + at);
  }

  /** The whole file, once everything is put (see `readAll`). */
  private whole: Buffer | undefined;

  /**
   * Reads the whole file into memory, for the end of the export, when the worker threads are gone
   * and their memory with them: the events' lines are then taken in date order, which would be one
   * read per line (some 100,000 at 10,000 articles).
   */
  readAll(): void {
    this.flush();
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
    const pendingFrom = this.size - this.pendingBytes;
    if (offset >= pendingFrom) return this.pending.toString("utf8", offset - pendingFrom, offset - pendingFrom + length);
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
