// The statements about the corpus's shared entities (graph/shared.ts: countries, cities, languages,
// topics, as <base>corpus#<id>) are in every article's own N-Triples and Turtle that uses them, so
// each article's files stand alone; the combined corpus.nt and corpus.ttl hold them once. These
// take them out of an article's pieces (and give them back, for the combined files to write once).
//
// In an article's N-Triples, sorted, they are one run of lines (all start with <base>corpus#). In
// its Turtle body, each shared subject is one block ("corpus:canada a …;\n    …." then a blank
// line): a shared entity's statements hold names and codes, never a blank line.

import { SHARED } from "../graph/namespaces.ts";

const NEWLINE = 0x0a;

/** How the Turtle writer names a shared subject: by the corpus: prefix, or in full. */
export function sharedTurtleNames(): string[] {
  return ["corpus:", `<${SHARED}`];
}

/** The article's N-Triples without the shared entities' lines, and those lines (each ending in \n). */
export function splitSharedNTriples(bytes: Uint8Array, shared: string): { own: Uint8Array[]; shared: string[] } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const prefix = Buffer.from(`<${shared}`, "utf8");
  let start = buffer.subarray(0, prefix.length).equals(prefix) ? 0 : -1;
  if (start < 0) {
    const at = buffer.indexOf(Buffer.concat([Buffer.from([NEWLINE]), prefix]));
    if (at < 0) return { own: [bytes], shared: [] };
    start = at + 1;
  }
  let end = start;
  const lines: string[] = [];
  while (end < buffer.length && buffer.subarray(end, end + prefix.length).equals(prefix)) {
    const lineEnd = buffer.indexOf(NEWLINE, end);
    const next = lineEnd < 0 ? buffer.length : lineEnd + 1;
    lines.push(buffer.toString("utf8", end, next));
    end = next;
  }
  return { own: [bytes.subarray(0, start), bytes.subarray(end)], shared: lines };
}

/**
 * The article's Turtle body without the shared entities' blocks, as pieces of its bytes to write one
 * after another (blocks and the blank lines between them), and those blocks (without their blank
 * line) as text. `names`: how the Turtle writes a shared subject ("corpus:" and "<base>corpus#").
 * On bytes, not text: the export's main thread splits every article's body, and decoding each
 * (a few MB a second of garbage) was most of its memory at the end of a large export.
 */
export function splitSharedTurtle(body: Uint8Array, names: readonly string[]): { own: Uint8Array[]; shared: string[] } {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const starts = names.map((name) => Buffer.from(name, "utf8"));
  const own: Uint8Array[] = [];
  const shared: string[] = [];
  // Blocks as String.split("\n\n") would cut them: each blank line from the left, not overlapping.
  for (let at = 0; ; ) {
    const blank = buffer.indexOf(BLANK_LINE, at);
    const end = blank < 0 ? buffer.length : blank;
    let subject = at;
    while (subject < end && buffer[subject] === NEWLINE) subject++;
    if (starts.some((start) => end - subject >= start.length && buffer.compare(start, 0, start.length, subject, subject + start.length) === 0)) {
      let last = end;
      while (last > subject && buffer[last - 1] === NEWLINE) last--;
      shared.push(buffer.toString("utf8", subject, last));
    } else {
      if (own.length > 0) own.push(BLANK_LINE);
      own.push(body.subarray(at, end));
    }
    if (blank < 0) break;
    at = blank + BLANK_LINE.length;
  }
  return { own: shared.length === 0 ? [body] : own, shared };
}

const BLANK_LINE = Buffer.from("\n\n");

/** True when the pieces hold nothing but white space (as String.prototype.trim sees it). */
export function blankPieces(pieces: readonly Uint8Array[]): boolean {
  for (const piece of pieces) {
    for (const byte of piece) {
      if (byte === 0x20 || (byte >= 0x09 && byte <= 0x0d)) continue;
      // Beyond ASCII, white space such as U+00A0 takes several bytes: the text decides.
      return byte < 0x80 ? false : Buffer.concat(pieces).toString("utf8").trim() === "";
    }
  }
  return true;
}

/** True when the last byte of the pieces is a line feed. */
export function endsWithNewline(pieces: readonly Uint8Array[]): boolean {
  for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i]!.length > 0) return pieces[i]![pieces[i]!.length - 1] === NEWLINE;
  return false;
}

/**
 * An article's N-Triples lines (its pieces, lines in code-point order) with its links' lines merged
 * in, as pieces of bytes. UTF-8's byte order is code-point order, so the bytes are compared as they
 * are (decoding and splitting the article's lines took most of the main thread's memory at the end
 * of a large export).
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
