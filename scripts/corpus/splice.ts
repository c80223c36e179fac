// A combined file written again after an edit: each article's part that is as it was (its article
// kept, and what else made the part the same, its `key`) is copied from the current output's file,
// where the previous export recorded its place, and only the others are made. Runs of parts that lay
// one after another are copied as one range, read through a window of some MB (spill.ts), so an
// edit of one article of 1,000 reads each combined file in a few large reads instead of reading
// every article's own file, or making every article's part, again.

import type { FileFacts } from "../datapackage/input.ts";
import type { ArticlePart } from "../datapackage/json-chunks.ts";
import { StagedStream } from "../publish/stage-file.ts";
import { pauseAt } from "../publish/test-pause.ts";
import { WindowReader } from "./spill.ts";

/** Where an article's part lies in a combined file (bytes from `start` to `end`), and what besides the article made it. */
export type PartPlace = [start: number, end: number, key: string];

/** The parts of the previous export's file of this name, by slug; and where that file is now. */
export interface PreviousParts {
  path: string;
  places: ReadonlyMap<string, PartPlace>;
}

export class SplicedStream {
  private readonly places = new Map<string, PartPlace>();
  /** A range of the previous file not yet copied (copies that follow each other are gathered). */
  private copyStart = 0;
  private copyEnd = 0;
  private reader: WindowReader | undefined;

  constructor(
    private readonly stream: StagedStream,
    private readonly previous: PreviousParts | undefined,
  ) {}

  write(piece: string | Uint8Array): void {
    this.flushCopy();
    this.stream.write(piece);
  }

  /**
   * The article's part: copied from the previous file when `kept` (the article's own files are as
   * they were) and its place there has the same key; otherwise written by `make`.
   */
  part(slug: string, key: string, kept: boolean, make: () => void): void {
    const start = this.stream.bytes + (this.copyEnd - this.copyStart);
    const before = kept ? this.previous?.places.get(slug) : undefined;
    if (before && before[2] === key) {
      if (this.copyEnd !== before[0]) {
        this.flushCopy();
        this.copyStart = before[0];
      }
      this.copyEnd = before[1];
    } else {
      this.flushCopy();
      make();
    }
    const end = this.stream.bytes + (this.copyEnd - this.copyStart);
    if (end > start) this.places.set(slug, [start, end, key]);
  }

  /** Where each article's part lies in the file written, for the next export. */
  written(): Map<string, PartPlace> {
    return this.places;
  }

  close(): FileFacts {
    try {
      this.flushCopy();
    } finally {
      this.reader?.close();
      this.reader = undefined;
    }
    return this.stream.close();
  }

  release(): void {
    this.reader?.close();
    this.reader = undefined;
    this.stream.release();
  }

  private flushCopy(): void {
    if (this.copyEnd === this.copyStart) return;
    this.reader ??= new WindowReader(this.previous!.path);
    for (let at = this.copyStart; at < this.copyEnd; ) {
      const length = Math.min(this.copyEnd - at, COPY_BYTES);
      this.stream.write(this.reader.read(at, length));
      at += length;
    }
    this.copyStart = this.copyEnd = 0;
  }
}

/** Copied in pieces of this size at most (within the reader's window). */
const COPY_BYTES = 2 << 20;

/** Text gathered into one write (the data package's pieces come one element at a time). */
const BATCH_UNITS = 1 << 17;

/**
 * A data package file into the staging folder from its pieces: the articles' parts (ArticlePart)
 * copied from the previous file where they may be, the rest written. Its facts, and where each
 * article's part now lies.
 */
export function writeSplicedFile(staging: string, name: string, chunks: Iterable<string | ArticlePart>, previous: PreviousParts | undefined): { facts: FileFacts; places: Map<string, PartPlace> } {
  const out = new SplicedStream(new StagedStream(staging, name), previous);
  try {
    let batch = "";
    for (const chunk of chunks) {
      if (typeof chunk === "string") {
        batch += chunk;
        if (batch.length < BATCH_UNITS) continue;
        out.write(batch);
        batch = "";
        continue;
      }
      if (batch !== "") out.write(batch);
      batch = "";
      out.part(chunk.part, chunk.key, chunk.kept, () => out.write(chunk.text()));
    }
    if (batch !== "") out.write(batch);
  } catch (error) {
    out.release();
    throw error;
  }
  const facts = out.close();
  pauseAt("staging-file");
  return { facts, places: out.written() };
}
