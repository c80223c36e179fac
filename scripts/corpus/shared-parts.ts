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
 * The article's Turtle body without the shared entities' blocks, and those blocks (without their
 * blank line). `names`: how the Turtle writes a shared subject ("corpus:" and "<base>corpus#").
 */
export function splitSharedTurtle(body: string, names: readonly string[]): { own: string; shared: string[] } {
  const blocks = body.split("\n\n");
  const own: string[] = [];
  const shared: string[] = [];
  for (const block of blocks) {
    const subject = block.replace(/^\n+/, "");
    if (names.some((name) => subject.startsWith(name))) shared.push(subject.replace(/\n+$/, ""));
    else own.push(block);
  }
  if (shared.length === 0) return { own: body, shared };
  return { own: own.join("\n\n"), shared };
}
