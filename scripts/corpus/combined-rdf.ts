// corpus.nt and corpus.ttl: every article's own statements, in slug order, and the statements about
// the corpus's shared entities once. The articles' writers say which parts of their files are which
// (writers/corpus-part.ts); the bytes are copied as they are, never decoded.

const NEWLINE = 0x0a;

/**
 * An article's N-Triples lines (its pieces, lines in code-point order) with its links' lines merged
 * in, as pieces of bytes. UTF-8's byte order is code-point order, so the bytes are compared as they
 * are: decoding and splitting every article's lines took most of the main thread's memory at the
 * end of a large export.
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
