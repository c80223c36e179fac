// A zip archive (PKWARE APPNOTE 6.3: local headers, central directory, end record; no ZIP64, no
// extra fields), its entries deflated by Node's own zlib. The same entries give the same bytes:
// every entry carries one fixed time, 1980-01-01 00:00 (the format's first), whatever the clock or
// the time zone, and no attributes.

import { deflateRawSync } from "node:zlib";

/** CRC-32 (ISO-HDLC, the zip format's), by a table of 256 entries. */
export const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date of 1980-01-01: year 0 (1980), month 1, day 1; time 00:00:00. */
export const DOS_DATE = (0 << 9) | (1 << 5) | 1;
export const DOS_TIME = 0;
export const LIMIT = 0xffffffff;

/** An entry's local file header (deflated, the fixed time); zip-stream.ts gives 0 for what its data descriptor says after the data. */
export function localHeader(flags: number, crc: number, compressed: number, size: number, nameLength: number): Buffer {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(flags, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(compressed, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(nameLength, 26);
  local.writeUInt16LE(0, 28);
  return local;
}

/** An entry's header in the central directory, pointing at its local header (`offset`). */
export function centralHeader(flags: number, crc: number, compressed: number, size: number, nameLength: number, offset: number): Buffer {
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(compressed, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(nameLength, 28);
  // Extra field, comment, disk number, internal and external attributes: none.
  central.writeUInt32LE(offset, 42);
  return central;
}

/**
 * The archive of `entries` (name → bytes), in their order. Level 1 of deflate: a workbook is mostly
 * repeated markup, which level 1 already shrinks some ninefold, at a third of level 6's time.
 */
export function zip(entries: readonly (readonly [string, Uint8Array])[], level = 1): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data, { level });
    if (data.length >= LIMIT || compressed.length >= LIMIT || offset >= LIMIT) throw new Error(`zip: ${name} is too large for an archive without ZIP64`);
    const crc = crc32(data);
    // Bit 11: the name is UTF-8.
    const flags = /[^\x20-\x7e]/.test(name) ? 0x0800 : 0;
    const local = localHeader(flags, crc, compressed.length, data.length, nameBytes.length);
    const central = centralHeader(flags, crc, compressed.length, data.length, nameBytes.length, offset);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

