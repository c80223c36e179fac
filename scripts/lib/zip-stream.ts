// A zip archive written as it goes (corpus.xlsx, whose facts sheet can be gigabytes of XML), in a
// separate module so that the articles' writers do not load fflate. Same format and fixed time as
// zip.ts.

import { Deflate } from "fflate";
import { centralHeader, CRC_TABLE, LIMIT, localHeader } from "./zip.ts";

/**
 * A zip archive written as it goes, for entries too large to hold: each entry's bytes are deflated
 * as they come (fflate's synchronous Deflate) and its CRC and sizes follow it in a data descriptor
 * (general-purpose flag bit 3), as well as in the central directory at the end.
 */
export class ZipStream {
  private offset = 0;
  private readonly centrals: Buffer[] = [];
  private count = 0;
  private current: { name: Buffer; flags: number; start: number; crc: number; size: number; compressed: number; deflate: Deflate } | undefined;

  constructor(
    private readonly out: (chunk: Uint8Array) => void,
    private readonly level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 1,
  ) {}

  private emit(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.out(chunk);
    this.offset += chunk.length;
  }

  /** Starts an entry; `push` its bytes, then `end` it. */
  begin(name: string): void {
    if (this.current) throw new Error(`zip: ${name} begun before the entry before it ended`);
    const nameBytes = Buffer.from(name, "utf8");
    const flags = 0x0008 | (/[^\x20-\x7e]/.test(name) ? 0x0800 : 0);
    // CRC and sizes: 0 here, in the data descriptor after the data.
    const local = localHeader(flags, 0, 0, 0, nameBytes.length);
    const start = this.offset;
    this.emit(local);
    this.emit(nameBytes);
    const entry = { name: nameBytes, flags, start, crc: 0xffffffff, size: 0, compressed: 0, deflate: new Deflate({ level: this.level }) };
    entry.deflate.ondata = (chunk) => {
      entry.compressed += chunk.length;
      this.emit(chunk);
    };
    this.current = entry;
  }

  push(data: Uint8Array): void {
    const entry = this.current;
    if (!entry) throw new Error("zip: bytes pushed outside an entry");
    let crc = entry.crc;
    for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
    entry.crc = crc;
    entry.size += data.length;
    entry.deflate.push(data, false);
  }

  end(): void {
    const entry = this.current;
    if (!entry) throw new Error("zip: no entry to end");
    entry.deflate.push(new Uint8Array(0), true);
    const crc = (entry.crc ^ 0xffffffff) >>> 0;
    if (entry.size >= LIMIT || entry.compressed >= LIMIT || entry.start >= LIMIT) throw new Error(`zip: ${entry.name.toString()} is too large for an archive without ZIP64`);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    this.emit(descriptor);
    const central = centralHeader(entry.flags, crc, entry.compressed, entry.size, entry.name.length, entry.start);
    this.centrals.push(central, entry.name);
    this.count++;
    this.current = undefined;
  }

  /** A whole entry at once. */
  add(name: string, data: Uint8Array): void {
    this.begin(name);
    this.push(data);
    this.end();
  }

  /** The central directory and the end record. */
  finish(): void {
    if (this.current) throw new Error("zip: finished inside an entry");
    const directory = Buffer.concat(this.centrals);
    const start = this.offset;
    this.emit(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    this.emit(end);
  }
}
