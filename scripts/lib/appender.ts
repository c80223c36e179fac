// Texts appended to a file one after another, gathered in memory and written some 256 KB at a
// time: one write call per block rather than per text (the export's spill and state files get one
// text per event row or per article, some 100,000 at 10,000 articles).

import { writeSync } from "node:fs";

/** A UTF-16 code unit never takes more than 3 bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

export class Appender {
  /** Bytes appended so far, written or pending. */
  private size = 0;
  /** Texts appended but not yet written: they start at `size - pendingBytes` in the file. */
  private readonly pending: Buffer;
  private pendingBytes = 0;
  constructor(
    private readonly fd: number,
    blockBytes = 1 << 18,
  ) {
    this.pending = Buffer.allocUnsafe(blockBytes);
  }

  /** Bytes appended so far. */
  get bytes(): number {
    return this.size;
  }

  /** Appends the text (UTF-8); its place in the file: byte offset and length. */
  append(text: string): readonly [offset: number, length: number] {
    const room = text.length * MAX_BYTES_PER_UNIT;
    if (this.pendingBytes + room > this.pending.length) this.flush();
    let length: number;
    if (room > this.pending.length) {
      const bytes = Buffer.from(text, "utf8");
      this.writeAt(bytes, this.size);
      length = bytes.length;
    } else {
      length = this.pending.write(text, this.pendingBytes, "utf8");
      this.pendingBytes += length;
    }
    const place = [this.size, length] as const;
    this.size += length;
    return place;
  }

  /** Appends the bytes; their place in the file. */
  appendBytes(bytes: Uint8Array): readonly [offset: number, length: number] {
    if (this.pendingBytes + bytes.length > this.pending.length) this.flush();
    if (bytes.length > this.pending.length) this.writeAt(bytes, this.size);
    else {
      this.pending.set(bytes, this.pendingBytes);
      this.pendingBytes += bytes.length;
    }
    const place = [this.size, bytes.length] as const;
    this.size += bytes.length;
    return place;
  }

  /** The text at this place if it is still pending (not yet written), else undefined. */
  pendingText(offset: number, length: number): string | undefined {
    const from = this.size - this.pendingBytes;
    return offset >= from ? this.pending.toString("utf8", offset - from, offset - from + length) : undefined;
  }

  /** Writes what is pending. */
  flush(): void {
    if (this.pendingBytes === 0) return;
    this.writeAt(this.pending.subarray(0, this.pendingBytes), this.size - this.pendingBytes);
    this.pendingBytes = 0;
  }

  private writeAt(bytes: Uint8Array, position: number): void {
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, position + at);
  }
}
