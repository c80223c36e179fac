// Texts the export's main thread must keep until the end but rarely reads (each article's entity
// table, its CSV lines of corpus.events.csv and corpus.organizations.csv): written to a scratch file as they come, and read back by position
// when needed. Memory then holds a few numbers per text: 10,000 articles' tables and lines are some
// 50 MB as UTF-8 (19 MB of tables, 26-35 MB of lines), more as strings, which the export's memory
// budget has no room for.

import { closeSync, openSync, readSync, rmSync } from "node:fs";
import { Appender } from "../lib/appender.ts";

/** Where a text was put: its byte offset and length. */
export type SpillRef = readonly [offset: number, length: number];

export class Spill {
  private readonly fd: number;
  /** Texts are gathered in memory and written a block at a time (appender.ts). */
  private readonly appender: Appender;
  constructor(private readonly path: string) {
    this.fd = openSync(path, "w+");
    this.appender = new Appender(this.fd);
  }

  /** Where the text is put: right after the text put before it. */
  put(text: string): SpillRef {
    return this.appender.append(text);
  }

  putBytes(bytes: Uint8Array): SpillRef {
    return this.appender.appendBytes(bytes);
  }

  /** Bytes put (`putBytes`), read back from the file. */
  readBytes([offset, length]: SpillRef): Buffer {
    this.appender.flush();
    return readRange(this.fd, offset, length, this.path);
  }

  /** The whole file, once everything is put (see `readAll`). */
  private whole: Buffer | undefined;

  /**
   * Reads the whole file into memory, for the end of the export: the events' lines are then taken
   * in date order, which would be one read per line (some 100,000 at 10,000 articles). Only for a
   * small spill: the events' is some 10 MB at 10,000 articles.
   */
  readAll(): void {
    this.appender.flush();
    const size = this.appender.bytes;
    const whole = Buffer.allocUnsafe(size);
    for (let at = 0; at < size; ) {
      const n = readSync(this.fd, whole, at, size - at, at);
      if (n === 0) throw new Error(`${this.path}: shorter than expected`);
      at += n;
    }
    this.whole = whole;
  }

  get([offset, length]: SpillRef): string {
    if (this.whole && offset + length <= this.whole.length) return this.whole.toString("utf8", offset, offset + length);
    const pending = this.appender.pendingText(offset, length);
    if (pending !== undefined) return pending;
    return readRange(this.fd, offset, length, this.path).toString("utf8");
  }

  /** A text's UTF-8 bytes, once the whole file is read (`readAll`): a view, valid until `dispose`. */
  bytesOf([offset, length]: SpillRef): Uint8Array {
    if (!this.whole || offset + length > this.whole.length) throw new Error(`${this.path}: bytes asked for before the whole spill is read`);
    return this.whole.subarray(offset, offset + length);
  }

  private disposed = false;

  /** Closes and removes the scratch file (once). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // The whole file read in memory goes with it, not when the export ends.
    this.whole = undefined;
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}

/** `length` bytes of the open file from `offset`. */
export function readRange(fd: number, offset: number, length: number, path: string): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let at = 0; at < length; ) {
    const n = readSync(fd, bytes, at, length - at, offset + at);
    if (n === 0) throw new Error(`${path}: shorter than expected`);
    at += n;
  }
  return bytes;
}

/**
 * Ranges of a file read in order through one window of some MB: the kept articles' pieces of
 * corpus.xlsx lie one after another in the current one, so some 6,000 small reads of an edit of
 * 1,000 articles become a few large ones. What `read` returns is a view, valid until the next read.
 */
export class WindowReader {
  private readonly fd: number;
  private readonly window = Buffer.allocUnsafe(WINDOW_BYTES);
  /** The file's bytes from `start` to `end` are in the window. */
  private start = 0;
  private end = 0;
  constructor(private readonly path: string) {
    this.fd = openSync(path, "r");
  }

  read(offset: number, length: number): Buffer {
    if (offset >= this.start && offset + length <= this.end) return this.window.subarray(offset - this.start, offset - this.start + length);
    if (length > this.window.length) return readRange(this.fd, offset, length, this.path);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < this.window.length; filled += n) n = readSync(this.fd, this.window, filled, this.window.length - filled, offset + filled);
    this.start = offset;
    this.end = offset + filled;
    if (filled < length) throw new Error(`${this.path}: shorter than expected`);
    return this.window.subarray(0, length);
  }

  close(): void {
    closeSync(this.fd);
  }
}

const WINDOW_BYTES = 4 << 20;
