// Writing one artifact into the staging folder, from whichever thread made it: the bytes written
// are hashed as they are written, so the data package (manifest, SHA256SUMS) never reads them back.

import { closeSync, fstatSync, ftruncateSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import * as crypto from "node:crypto";
import type { FileFacts } from "../datapackage/input.ts";
import { pauseAt } from "./test-pause.ts";
import { Appender } from "../lib/appender.ts";

/** Plain names only: nothing may land outside the folder or look like the staging folders. */
export function checkArtifactName(name: string): void {
  if (!/^[^/\\.][^/\\]*$/.test(name) || name.length > 200) throw new Error(`refusing to write an artifact named ${JSON.stringify(name)}`);
}

const BATCH_UNITS = 1 << 17;

/**
 * SHA-256 of bytes in one call: a file given whole needs no Hash object (crypto.hash, Node 20.12 and
 * later; createHash on an older Node 20). The same digest, some 0.01 ms less per article's six files.
 */
const sha256Of: (bytes: Uint8Array) => string =
  typeof crypto.hash === "function" ? (bytes) => crypto.hash("sha256", bytes, "hex") : (bytes) => crypto.createHash("sha256").update(bytes).digest("hex");

export interface StageOptions {
  /** The file is there already, written by this export, and is written again (see StagedFile). */
  replace?: boolean;
  /**
   * Sees the bytes written, when the text is given whole (the export appends an article's N-Triples
   * and Turtle to the combined files without reading them back). They are valid only during the
   * call: what is kept must be copied.
   */
  written?: (bytes: Buffer) => void;
}

/** Writes a new file (never an existing one, unless asked to replace it) of the staging folder; its text may come in pieces. */
export function writeStagedFile(staging: string, name: string, content: string | Iterable<string | Uint8Array>, options: StageOptions = {}): FileFacts {
  if (typeof content === "string") {
    // Written in one piece: hashed in one call, once written.
    const bytes = encode(content);
    const file = new StagedFile(staging, name, options.replace);
    try {
      file.append(bytes);
    } finally {
      file.finish();
    }
    options.written?.(bytes);
    pauseAt("staging-file");
    return { bytes: bytes.length, sha256: sha256Of(bytes) };
  }
  const stream = new StagedStream(staging, name, options.replace);
  let facts: FileFacts;
  try {
    // Small pieces of text (the bundle's JSON comes one element at a time) are gathered and
    // written together: one write, and one encoding, per some 128 K characters rather than per
    // piece. Bytes are written as they come (after the text before them).
    let batch = "";
    for (const piece of content) {
      if (typeof piece !== "string") {
        if (batch !== "") stream.write(batch);
        batch = "";
        stream.write(piece);
        continue;
      }
      batch += piece;
      if (batch.length >= BATCH_UNITS) {
        stream.write(batch);
        batch = "";
      }
    }
    if (batch !== "") stream.write(batch);
  } finally {
    facts = stream.close();
  }
  pauseAt("staging-file");
  return facts;
}

/**
 * Text is encoded into one buffer per thread, reused from piece to piece: encoding into a buffer
 * that is already there is about twice as fast as Buffer.from, which allocates one per piece (and
 * an article's six files are some 200 KB). The view returned is only valid until the next call.
 */
let scratch = Buffer.allocUnsafe(1 << 20);
/** A UTF-16 code unit never takes more than 3 bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;
/** Pieces longer than this are encoded on their own rather than growing the buffer for good. */
const LARGEST_SCRATCH = 1 << 24;

function encode(text: string): Buffer {
  const room = text.length * MAX_BYTES_PER_UNIT;
  if (room > LARGEST_SCRATCH) return Buffer.from(text, "utf8");
  if (room > scratch.length) scratch = Buffer.allocUnsafe(Math.max(room, scratch.length * 2));
  return scratch.subarray(0, scratch.write(text, 0, "utf8"));
}

/** A file of the staging folder, its bytes appended as they come. */
class StagedFile {
  protected readonly fd: number;
  /** Bytes written so far. */
  protected size = 0;
  /**
   * `replace`: the file is there already, written by this export, and is written again. A file with
   * another name (a file kept from the current output is linked into the staging folder) is refused
   * before anything is changed: writing it would change the current output too.
   */
  constructor(staging: string, readonly name: string, replace = false) {
    checkArtifactName(name);
    if (!replace) {
      this.fd = openSync(join(staging, name), "wx");
      return;
    }
    this.fd = openSync(join(staging, name), "r+");
    const stat = fstatSync(this.fd);
    if (stat.nlink !== 1) {
      closeSync(this.fd);
      throw new Error(`refusing to write ${name} again in place: the current output shares that file`);
    }
    // Written over from its start, and cut to its new length when done (if shorter): truncating it
    // first would free its blocks only to take them again.
    this.replacedBytes = stat.size;
  }
  private replacedBytes = 0;
  append(buffer: Uint8Array): void {
    for (let at = 0; at < buffer.length; ) at += writeSync(this.fd, buffer, at);
    this.size += buffer.length;
  }
  private closed = false;
  /** Cuts what is left of the text it replaced, and closes the file. */
  finish(): void {
    if (this.replacedBytes > this.size) ftruncateSync(this.fd, this.size);
    this.closed = true;
    closeSync(this.fd);
  }
  /** Closes the file if it was not finished (the export failed on the way); then nothing. */
  release(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/**
 * A file of the staging folder written in pieces as they come (corpus.nt, corpus.ttl, corpus.xlsx,
 * the CSVs and JSON of the bundle), hashed as they are written. The pieces are gathered and written
 * 1 MB at a time (lib/appender.ts): the combined files come in some 900,000 pieces at 10,000
 * articles, and one write per piece would take some 3 s of an edit's 13 s.
 */
export class StagedStream extends StagedFile {
  private readonly hash = crypto.createHash("sha256");
  private readonly out = new Appender(this.fd, 1 << 20);
  /** Bytes written so far. */
  get bytes(): number {
    return this.out.bytes;
  }
  write(piece: string | Uint8Array): void {
    const buffer = typeof piece === "string" ? encode(piece) : piece;
    this.hash.update(buffer);
    this.out.appendBytes(buffer);
  }
  close(): FileFacts {
    this.out.flush();
    this.size = this.out.bytes;
    this.finish();
    return { bytes: this.size, sha256: this.hash.digest("hex") };
  }
}
