// Reads one source file from disk, refusing before decoding what cannot be an article: not a regular
// file, too big (checked on its size, so a huge file is never read into memory), binary, or not
// UTF-8. Invalid UTF-8 is refused at its position instead of being silently replaced with U+FFFD.

import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { MAX_SOURCE_BYTES } from "./source-limits.ts";

export type SourceFileResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** `path` is where to read; `file` is how messages name it. */
export function readSourceFile(path: string, file: string): SourceFileResult {
  const refuse = (message: string, expected: string, found: string, line = 1, col = 1): SourceFileResult => ({ ok: false, diagnostic: { file, line, col, message, expected, found } });
  let fd: number;
  try {
    // Non-blocking, so a named pipe called x.yaml cannot make the export wait forever.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`the file cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, "a readable file", "none");
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse("this is not a regular file", "a YAML text file", stat.isDirectory() ? "a folder" : "a special file");
    if (stat.size > MAX_SOURCE_BYTES) return refuse("the file is too big for an article", `at most ${MAX_SOURCE_BYTES} bytes`, `${stat.size} bytes`);
    // Read at most one byte more than its size (or than allowed), to see if the file grew since fstat.
    // Sized by the file, not by the limit: zeroing 1 MiB per article was most of an export's reading.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, MAX_SOURCE_BYTES) + 1);
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    if (length > stat.size) {
      // It grew since fstat: read on, up to one byte more than allowed.
      const larger = Buffer.allocUnsafe(MAX_SOURCE_BYTES + 1);
      buffer.copy(larger, 0, 0, length);
      buffer = larger;
      for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0; ) length += n;
    }
    if (length > MAX_SOURCE_BYTES) return refuse("the file is too big for an article", `at most ${MAX_SOURCE_BYTES} bytes`, "more");
    const bytes = buffer.subarray(0, length);
    const nul = bytes.indexOf(0);
    if (nul >= 0) return refuse("the file is binary, not YAML text (it holds a NUL byte)", "a UTF-8 text file", "U+0000 NUL", ...bytePosition(bytes, nul));
    // Node's native check first (a fraction of the time of the loop in JavaScript); the loop then
    // only finds where a file that is not UTF-8 goes wrong. Both refuse the same bytes (tests/source-file-utf8.test.ts).
    const invalid = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
    if (invalid >= 0) {
      return refuse("the file is not UTF-8 text", "UTF-8 (save the file as UTF-8)", `the byte 0x${bytes[invalid]!.toString(16).toUpperCase().padStart(2, "0")}`, ...bytePosition(bytes, invalid));
    }
    return { ok: true, text: bytes.toString("utf8") };
  } finally {
    closeSync(fd);
  }
}

/** Line and column (UTF-16 units, as the YAML reader counts) of a byte offset in valid UTF-8 up to there. */
function bytePosition(bytes: Buffer, offset: number): [number, number] {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  let line = 1;
  for (let i = before.indexOf(0x0a); i >= 0; i = before.indexOf(0x0a, i + 1)) line++;
  return [line, bytes.subarray(lineStart, offset).toString("utf8").length + 1];
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i; // cut off at the end of the file
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}
