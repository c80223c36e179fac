// A zip archive (PKWARE APPNOTE 6.3: local headers, data descriptors, central directory, end record;
// no ZIP64, no extra fields), its entries deflated by Node's own zlib, written as it goes.
//
// An entry's data may come in pieces deflated apart (`deflatePiece`, on any thread): each piece is a
// raw deflate stream ended by a sync flush, so the pieces of an entry laid end to end, and one final
// empty block, are one valid deflate stream; the entry's CRC-32 is combined from the pieces' own
// (`crc32Combine`). That is how corpus.xlsx is made from every article's rows without deflating them
// again on the export's main thread, and how an edit copies the unchanged articles' bytes.
//
// The same entries give the same bytes: every entry carries one fixed time, 1980-01-01 00:00 (the
// format's first), whatever the clock or the time zone, and no attributes.

import { constants, crc32, deflateRawSync } from "node:zlib";

/** Bytes deflated apart: raw deflate ended by a sync flush (no final block), with what they inflate to. */
export interface DeflatedPiece {
  deflated: Uint8Array;
  /** CRC-32 and length of the bytes before deflating. */
  crc: number;
  size: number;
}

/**
 * Level 1 of deflate: a workbook is mostly repeated markup, which level 1 already shrinks some
 * ninefold, at a third of level 6's time.
 */
export function deflatePiece(data: Uint8Array): DeflatedPiece {
  return { deflated: deflateRawSync(data, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }), crc: crc32(data), size: data.length };
}

/** The final block that ends a deflate stream of pieces: fixed Huffman codes, no data. */
const FINAL_BLOCK = Uint8Array.of(0x03, 0x00);

// CRC-32 of two strings from the CRC of each and the second's length, as zlib's crc32_combine does
// (Node does not expose it): multiplying by x^(8·length) modulo the CRC's polynomial, over GF(2).
const POLY = 0xedb88320;

function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N = (() => {
  const table = new Array<number>(32);
  let p = 1 << 30; // x^1
  table[0] = p;
  for (let k = 1; k < 32; k++) table[k] = p = multModP(p, p);
  return table;
})();

/** x^(8·bytes) modulo the polynomial. */
function x8nModP(bytes: number): number {
  let p = 0x80000000; // x^0
  let k = 3;
  // The length in bits is 8·bytes: step through its binary digits.
  for (let n = bytes; n > 0; n = Math.floor(n / 2), k++) if (n % 2 === 1) p = multModP(X2N[k % 32]!, p);
  return p;
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  return (multModP(x8nModP(length2), crc1) ^ crc2) >>> 0;
}

/** MS-DOS date of 1980-01-01: year 0 (1980), month 1, day 1; time 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const LIMIT = 0xffffffff;

/** General purpose flags: bit 3, CRC and sizes in a data descriptor after the data; bit 11, a UTF-8 name. */
function flagsOf(name: string): number {
  return 0x0008 | (/[^\x20-\x7e]/.test(name) ? 0x0800 : 0);
}

function header(signature: number, fields: [bytes: 2 | 4, value: number][]): Buffer {
  const buffer = Buffer.alloc(4 + fields.reduce((n, [bytes]) => n + bytes, 0));
  buffer.writeUInt32LE(signature, 0);
  let at = 4;
  for (const [bytes, value] of fields) at = bytes === 2 ? buffer.writeUInt16LE(value, at) : buffer.writeUInt32LE(value, at);
  return buffer;
}

interface Entry {
  name: Buffer;
  flags: number;
  start: number;
  crc: number;
  size: number;
  compressed: number;
}

/** A zip archive written as it goes, to `out`, entry by entry. */
export class ZipWriter {
  private offset = 0;
  private readonly centrals: Buffer[] = [];
  private count = 0;
  private current: Entry | undefined;

  constructor(private readonly out: (chunk: Uint8Array) => void) {}

  private emit(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.out(chunk);
    this.offset += chunk.length;
  }

  /** Starts an entry: then its pieces, then `end`. */
  begin(name: string): void {
    if (this.current) throw new Error(`zip: ${name} begun before the entry before it ended`);
    const nameBytes = Buffer.from(name, "utf8");
    const flags = flagsOf(name);
    const start = this.offset;
    // Version 2.0, deflated, the fixed time; CRC and sizes 0 here, in the data descriptor.
    this.emit(header(0x04034b50, [[2, 20], [2, flags], [2, 8], [2, 0], [2, DOS_DATE], [4, 0], [4, 0], [4, 0], [2, nameBytes.length], [2, 0]]));
    this.emit(nameBytes);
    this.current = { name: nameBytes, flags, start, crc: 0, size: 0, compressed: 0 };
  }

  /** A piece of the entry's data, deflated apart (`deflatePiece`); where its bytes start in the archive. */
  piece(piece: DeflatedPiece): number {
    const entry = this.current;
    if (!entry) throw new Error("zip: a piece outside an entry");
    entry.crc = crc32Combine(entry.crc, piece.crc, piece.size);
    entry.size += piece.size;
    entry.compressed += piece.deflated.length;
    const at = this.offset;
    this.emit(piece.deflated);
    return at;
  }

  end(): void {
    const entry = this.current;
    if (!entry) throw new Error("zip: no entry to end");
    this.emit(FINAL_BLOCK);
    entry.compressed += FINAL_BLOCK.length;
    if (entry.size >= LIMIT || entry.compressed >= LIMIT || this.offset >= LIMIT) throw new Error(`zip: ${entry.name.toString()} is too large for an archive without ZIP64`);
    this.emit(header(0x08074b50, [[4, entry.crc], [4, entry.compressed], [4, entry.size]]));
    // Version made by and needed 2.0; no extra field, comment, disk number or attributes.
    const central = header(0x02014b50, [[2, 20], [2, 20], [2, entry.flags], [2, 8], [2, 0], [2, DOS_DATE], [4, entry.crc], [4, entry.compressed], [4, entry.size], [2, entry.name.length], [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, entry.start]]);
    this.centrals.push(central, entry.name);
    this.count++;
    this.current = undefined;
  }

  /** A whole entry at once. */
  add(name: string, data: Uint8Array): void {
    this.begin(name);
    if (data.length > 0) this.piece(deflatePiece(data));
    this.end();
  }

  /** The central directory and the end record. */
  finish(): void {
    if (this.current) throw new Error("zip: finished inside an entry");
    const directory = Buffer.concat(this.centrals);
    const start = this.offset;
    this.emit(directory);
    this.emit(header(0x06054b50, [[2, 0], [2, 0], [2, this.count], [2, this.count], [4, directory.length], [4, start], [2, 0]]));
  }
}

/** The archive of `entries` (name → bytes, or the bytes already deflated by deflatePiece), in their order. */
export function zip(entries: readonly (readonly [string, Uint8Array | DeflatedPiece])[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((chunk) => chunks.push(chunk));
  for (const [name, data] of entries) {
    if (data instanceof Uint8Array) writer.add(name, data);
    else {
      // As `add` writes it.
      writer.begin(name);
      if (data.size > 0) writer.piece(data);
      writer.end();
    }
  }
  writer.finish();
  return new Uint8Array(Buffer.concat(chunks));
}
