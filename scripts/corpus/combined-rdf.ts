// corpus.nt and corpus.ttl: every article's own statements in slug order, the statements about the
// corpus's shared entities once, and the links between articles. The articles' writers say which
// ranges of their files are their own statements and which statements are about shared entities
// (writers/corpus-part.ts); the bytes are copied as they are, never decoded: decoding every
// article's files would take most of the main thread's memory at the end of a large export.
//
// corpus.nt is sorted because each article's own subjects all start with its IRI, <base><slug>#,
// and the shared entities' lines (<base>corpus#…) go between the articles before and after
// "corpus". corpus.ttl is the prefix block, then each article's own blocks, the shared entities'
// blocks where corpus.nt has them, and the links' statements at the end.

import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { compareCodePoints } from "../lib/code-point-order.ts";
import type { CorpusContext } from "../graph/shared.ts";
import { prefixesOf } from "../graph/prefixes.ts";
import type { Format } from "../writers/formats.ts";
import { turtlePrefixBlock } from "../writers/turtle.ts";
import type { FileFacts } from "../datapackage/input.ts";
import { StagedStream } from "../publish/stage-file.ts";
import { sha256 } from "../datapackage/sha256.ts";
import type { ArticleFacts, CombinedPieces } from "./article-job.ts";
import type { Article } from "./article-record.ts";
import { linkNTriples, linkTurtle, type ArticleLink } from "./article-links.ts";
import { COMBINED } from "../writers/combined-files.ts";
import { SplicedStream, type PartPlace, type PreviousParts } from "./splice.ts";

const NEWLINE = 0x0a;
const LINE_BREAK = Buffer.from("\n");

/**
 * At most this many bytes of articles' N-Triples and Turtle wait in memory for the articles before
 * them (results come in any order); beyond it an article's are read back from its files instead.
 * Some 100 KB an article: two threads' batches in flight make a few MB.
 */
const HELD_BYTES = 8 << 20;

export class CombinedRdf {
  private readonly nt: SplicedStream | undefined;
  private readonly ttl: SplicedStream | undefined;
  /** The shared entities' lines and blocks, each kept once (interned), however many articles state them. */
  private readonly sharedNt = new Map<string, string>();
  private readonly sharedTtl = new Map<string, string>();
  private sharedWritten = false;
  private sharedTtlWritten = false;
  /** Articles appended so far, in slug order. */
  private appended = 0;
  /** Bytes of the articles' files held in memory (HELD_BYTES). */
  private held = 0;
  /** Each article's links' N-Triples lines, merged into its own: known once every article is made. */
  private linksBySlug = new Map<string, string[]>();
  private readonly ntFile = new ReusedBuffer();
  private readonly ttlFile = new ReusedBuffer();

  constructor(
    private readonly articles: readonly Article[],
    private readonly staging: string,
    formats: readonly Format[],
    corpus: CorpusContext,
    previous?: ReadonlyMap<string, PreviousParts>,
  ) {
    this.nt = formats.includes("nt") ? new SplicedStream(new StagedStream(staging, COMBINED.nTriples), previous?.get(COMBINED.nTriples)) : undefined;
    this.ttl = formats.includes("ttl") ? new SplicedStream(new StagedStream(staging, COMBINED.turtle), previous?.get(COMBINED.turtle)) : undefined;
    this.ttl?.write(turtlePrefixBlock(prefixesOf(corpus.iris, articles.map((a) => a.slug))));
  }

  /** The article's statements about shared entities, kept until their place in corpus.nt comes. */
  collect(facts: ArticleFacts | undefined): void {
    if (!facts?.shared) return;
    facts.shared = { nt: intern(this.sharedNt, facts.shared.nt), ttl: intern(this.sharedTtl, facts.shared.ttl) };
  }

  /** Keeps the bytes the article's job handed over, while there is room; otherwise they are read back from its files. */
  hold(article: Article, pieces: CombinedPieces | undefined): void {
    const size = (pieces?.nt?.length ?? 0) + (pieces?.ttl?.length ?? 0);
    if (size === 0 || this.held + size > HELD_BYTES) return;
    article.combined = pieces;
    this.held += size;
  }

  /** The links between articles, once every article is made: corpus.nt merges each article's into its lines. */
  link(links: readonly ArticleLink[]): void {
    const lines = linkNTriples(links);
    this.linksBySlug = new Map();
    links.forEach(({ fromSlug }, i) => {
      const had = this.linksBySlug.get(fromSlug);
      if (had) had.push(lines[i]!);
      else this.linksBySlug.set(fromSlug, [lines[i]!]);
    });
  }

  /** Appends the next articles, at most `limit` of them; true while some are left. Every article must be made. */
  append(limit = Infinity): boolean {
    const { articles } = this;
    for (let n = 0; n < limit && this.appended < articles.length; n++) {
      const article = articles[this.appended]!;
      if (!this.sharedWritten && compareCodePoints(`${article.slug}#`, "corpus#") > 0) this.writeShared();
      this.appendArticle(article);
      this.appended++;
    }
    if (this.appended === articles.length && !this.sharedWritten) this.writeShared();
    return this.appended < articles.length;
  }

  /** Appends the links' Turtle and closes both files: their sizes and hashes, by name. */
  finish(links: readonly ArticleLink[]): Map<string, FileFacts> {
    if (this.ttl && links.length > 0) {
      this.ttl.write(LINE_BREAK);
      this.ttl.write(Buffer.from(linkTurtle(links), "utf8"));
    }
    const closed = new Map<string, FileFacts>();
    if (this.nt) closed.set(COMBINED.nTriples, this.nt.close());
    if (this.ttl) closed.set(COMBINED.turtle, this.ttl.close());
    return closed;
  }

  /** Where each article's part lies in corpus.nt and corpus.ttl, by file name, for the next export (once finished). */
  places(): Map<string, Map<string, PartPlace>> {
    const places = new Map<string, Map<string, PartPlace>>();
    if (this.nt) places.set(COMBINED.nTriples, this.nt.written());
    if (this.ttl) places.set(COMBINED.turtle, this.ttl.written());
    return places;
  }

  /** Lets go of the files (a failed export: a process that goes on would hold them, deleted). */
  release(): void {
    this.nt?.release();
    this.ttl?.release();
  }

  /**
   * An article's own statements: copied from the current combined files when it is kept (with the
   * same links' lines, the key of its part of corpus.nt), else what its job handed over, or else its
   * files (kept from the current output, or not held).
   */
  private appendArticle(article: Article): void {
    const pieces = article.combined;
    if (pieces) {
      article.combined = undefined;
      this.held -= (pieces.nt?.length ?? 0) + (pieces.ttl?.length ?? 0);
    }
    const ranges = article.facts!.own;
    if (this.nt) {
      const nt = this.nt;
      // Its lines (in order already), and its links' lines merged in.
      const extra = this.linksBySlug.get(article.slug);
      nt.part(article.slug, extra ? sha256(extra.join("")) : "", article.reused, () => {
        const bytes = pieces?.nt ?? this.ntFile.read(join(this.staging, `${article.slug}.nt`));
        const own = (ranges?.nt ?? []).map(([start, end]) => bytes.subarray(start, end));
        for (const part of extra ? mergeLines(own, extra) : own) nt.write(part);
      });
    }
    if (this.ttl && ranges?.ttl && ranges.ttl.length > 0) {
      const ttl = this.ttl;
      // The line break before it is part of it (so kept articles' parts are copied as one range).
      const lineBreak = this.appended > 0 || this.sharedTtlWritten;
      ttl.part(article.slug, lineBreak ? "\n" : "", article.reused, () => {
        if (lineBreak) ttl.write(LINE_BREAK);
        const bytes = pieces?.ttl ?? this.ttlFile.read(join(this.staging, `${article.slug}.ttl`));
        for (const [start, end] of ranges.ttl!) ttl.write(bytes.subarray(start, end));
      });
    }
  }

  /** The shared entities' statements, once each: corpus.nt's lines sorted, corpus.ttl's blocks by subject. */
  private writeShared(): void {
    this.sharedWritten = true;
    if (this.nt && this.sharedNt.size > 0) this.nt.write(Buffer.from([...this.sharedNt.keys()].sort(compareCodePoints).join(""), "utf8"));
    if (this.ttl && this.sharedTtl.size > 0) {
      if (this.appended > 0) this.ttl.write(LINE_BREAK);
      // By subject, as the combined graph orders them (tests/reference/combined.ts does the same).
      const subjectOf = (block: string) => block.slice(0, block.search(/\s/));
      const blocks = [...this.sharedTtl.keys()].sort((a, b) => compareCodePoints(subjectOf(a), subjectOf(b)) || compareCodePoints(a, b));
      this.ttl.write(Buffer.from(`${blocks.join("\n\n")}\n`, "utf8"));
      this.sharedTtlWritten = true;
    }
  }
}

function intern(map: Map<string, string>, list: readonly string[]): string[] {
  return list.map((item) => map.get(item) ?? (map.set(item, item), item));
}

/**
 * An article's N-Triples lines (its pieces, lines in code-point order) with its links' lines merged
 * in, as pieces of bytes. UTF-8's byte order is code-point order, so the bytes are compared as they
 * are.
 */
export function mergeLines(pieces: readonly Uint8Array[], extra: readonly string[]): Uint8Array[] {
  const lines = extra.map((line) => Buffer.from(line, "utf8")).sort(Buffer.compare);
  const merged: Uint8Array[] = [];
  let next = 0;
  for (const piece of pieces) {
    const buffer = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    // The run of the piece's lines not yet written starts at `from`.
    let from = 0;
    for (let at = 0; at < buffer.length && next < lines.length; ) {
      const end = buffer.indexOf(NEWLINE, at);
      const lineEnd = end < 0 ? buffer.length : end + 1;
      while (next < lines.length && Buffer.compare(lines[next]!, buffer.subarray(at, lineEnd)) < 0) {
        if (at > from) merged.push(piece.subarray(from, at));
        from = at;
        merged.push(lines[next++]!);
      }
      at = lineEnd;
    }
    if (from < buffer.length) merged.push(piece.subarray(from));
  }
  while (next < lines.length) merged.push(lines[next++]!);
  return merged;
}

/**
 * Files read into one buffer, reused from file to file: what `read` returns is valid until the next
 * read. Read into buffers of their own, every article's N-Triples and Turtle would lie about as
 * garbage (some 60 MB at 10,000 articles) until the main thread's next collection.
 */
class ReusedBuffer {
  private buffer = Buffer.allocUnsafe(1 << 20);
  read(path: string): Buffer {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      for (let at = 0; at < size; ) {
        const n = readSync(fd, this.buffer, at, size - at, at);
        if (n === 0) throw new Error(`${path}: shorter than expected`);
        at += n;
      }
      return this.buffer.subarray(0, size);
    } finally {
      closeSync(fd);
    }
  }
}
