// What the combined files of a corpus (corpus.nt, corpus.ttl) take of an article's file, as the
// file's writer knows its layout: the corpus holds the statements about its shared entities
// (graph/shared.ts: <base>corpus#<id>) once for all articles, and each article's own statements.

export interface CorpusPart {
  /** Where the article's own statements lie in the file's text: [start, end) UTF-16 offsets, to be copied in order. */
  own: [start: number, end: number][];
  /** Its statements about the corpus's shared entities: N-Triples lines (each with its line break), or Turtle blocks. */
  shared: string[];
}

/** The parts' ranges in the file's UTF-8 bytes, from their offsets in its text (each byte length counted once). */
export function byteRanges(text: string, ranges: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  let bytes = 0;
  for (const [start, end] of ranges) {
    bytes += Buffer.byteLength(text.slice(at, start));
    const from = bytes;
    bytes += Buffer.byteLength(text.slice(start, end));
    at = end;
    out.push([from, bytes]);
  }
  return out;
}
