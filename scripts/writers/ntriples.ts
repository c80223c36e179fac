// Writer: graph → N-Triples, for bulk loaders and line diffs. One triple a line, in N3.js's
// canonical N-Triples form (RDF 1.1: `"`, `\`, line breaks and the like with short escapes, the
// other characters of U+0000 to U+001F, U+007F, U+FFFE and U+FFFF as upper-case \uXXXX), no
// duplicates, the lines sorted in code-point order (the order of their UTF-8 bytes, so
// `LC_ALL=C sort -c` agrees): two versions of the data then diff line by line, and a loader may
// split the file at any line end. Byte for byte what N3.Writer writes (tests/reference/rdf-n3.ts),
// each IRI escaped once per document.
//
// Sorting: a line is `<subject> `, `<predicate> ` and the rest, so the lines sort as the subjects,
// then within one subject by predicate, then by the rest. A document's predicates are a few dozen:
// each gets a rank (its place among them), and one subject's few lines are sorted by rank, comparing
// text only between lines of one predicate: three times faster than sorting whole lines
// (BENCHMARKS.md). Lines that may need care (a unit from U+D800, or a subject or predicate IRI holding
// "> ") are sorted as whole strings.

import type { Graph } from "../graph/build.ts";
import { RDF_LANG_STRING, XSD_STRING } from "../graph/namespaces.ts";
import type { ObjectTerm } from "../graph/terms.ts";
import { compareCodePoints, sortByCodePoints, sortUniqueByCodePoints } from "../lib/code-point-order.ts";
import type { CorpusPart } from "./corpus-part.ts";

const ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f" };

function escapeCharacter(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  const hex = character.charCodeAt(0).toString(16).toUpperCase();
  return "\\u0000".slice(0, 6 - hex.length) + hex;
}

export const escapeNTriples = (value: string): string => (ESCAPE.test(value) ? value.replace(ESCAPE_ALL, escapeCharacter) : value);

/** From U+D800 (surrogates, and what UTF-16 sorts after them): where sorting needs care. */
const FROM_SURROGATES = /[\uD800-\uFFFF]/;
/** A unit N-Triples escapes, or one from U+D800: most literals hold neither, and one test says so. */
const ESCAPED_OR_FROM_SURROGATES = /[^ !#-[\]-~\u0080-\uD7FF]/;

/** A predicate as an N-Triples line has it after the subject: `<iri> `, with what sorting it needs. */
interface Head {
  text: string;
  /** Holds a unit from U+D800. */
  high: boolean;
  /**
   * Its place among the document's heads, in code-point order; -1 when it has none: a head with `>`
   * before its end could begin another (`<a> ` and `<a> b> `), so only whole lines order it.
   */
  rank: number;
}

/** N-Triples text for the statements of one document, each IRI escaped once. */
export class NTriplesTerms {
  private readonly memo = new Map<string, string>();
  /** An object IRI's `<iri> .\n`, the end of every line that refers to it. */
  private readonly objectEnds = new Map<string, string>();
  /** The encoded IRIs (and object ends) that hold a unit from U+D800. */
  private readonly high = new Set<string>();
  private readonly heads = new Map<string, Head>();
  /** The last language tag, and what follows a text of it: `"@`, the tag in lower case, ` .` and the line feed (one article has one language). */
  private language = "";
  private languageEnd = "";
  /** Whether the last text returned holds a unit from U+D800: if none does, lines sort as UTF-16 strings. */
  lastFromSurrogates = false;

  iri(value: string): string {
    let encoded = this.memo.get(value);
    if (encoded === undefined) {
      // Most IRIs hold nothing escaped and no unit from U+D800: one test says so.
      if (ESCAPED_OR_FROM_SURROGATES.test(value)) {
        encoded = `<${escapeNTriples(value)}>`;
        if (FROM_SURROGATES.test(encoded)) this.high.add(encoded);
      } else encoded = `<${value}>`;
      this.memo.set(value, encoded);
    }
    this.lastFromSurrogates = this.high.size > 0 && this.high.has(encoded);
    return encoded;
  }

  head(predicate: string): Head {
    let head = this.heads.get(predicate);
    if (head === undefined) {
      const text = `<${escapeNTriples(predicate)}> `;
      head = { text, high: FROM_SURROGATES.test(text), rank: -1 };
      this.heads.set(predicate, head);
    }
    return head;
  }

  /** Ranks the heads made so far (those that cannot begin another), in code-point order. */
  rankHeads(): void {
    const ranked = [...this.heads.values()].filter((h) => h.text.indexOf(">") === h.text.length - 2);
    ranked.sort((a, b) => compareCodePoints(a.text, b.text));
    for (let i = 0; i < ranked.length; i++) ranked[i]!.rank = i;
  }

  /** The line of one statement, with its line feed. */
  line(subject: string, predicate: string, object: ObjectTerm): string {
    return `${this.iri(subject)} ${this.head(predicate).text}${this.objectEnd(object)}`;
  }

  /** The line after its head: the object, ` .` and the line feed. */
  objectEnd(object: ObjectTerm): string {
    if (object.termType === "NamedNode") {
      let end = this.objectEnds.get(object.value);
      if (end === undefined) {
        end = `${this.iri(object.value)} .\n`;
        if (this.lastFromSurrogates) this.high.add(end);
        this.objectEnds.set(object.value, end);
        return end;
      }
      this.lastFromSurrogates = this.high.size > 0 && this.high.has(end);
      return end;
    }
    const datatype = object.datatype;
    const isLanguageString = datatype === RDF_LANG_STRING && object.language !== "";
    if (isLanguageString && object.language !== this.language) {
      this.language = object.language;
      this.languageEnd = `"@${object.language.toLowerCase()} .\n`;
    }
    let value = object.value;
    let high = false;
    if (ESCAPED_OR_FROM_SURROGATES.test(value)) {
      value = escapeNTriples(value);
      high = FROM_SURROGATES.test(value);
    }
    let end: string;
    if (isLanguageString) end = `"${value}${this.languageEnd}`;
    else if (datatype === XSD_STRING || datatype === "") end = `"${value}" .\n`;
    else {
      end = `"${value}"^^${this.iri(datatype)} .\n`;
      high ||= this.lastFromSurrogates;
    }
    this.lastFromSurrogates = high;
    return end;
  }
}

/** One subject's lines: each as its predicate's head and the rest of the line. */
interface Group {
  heads: Head[];
  ends: string[];
  /** A line may need care to sort: a unit from U+D800. */
  careful: boolean;
}

/** Groups larger than this are sorted as strings, not by insertion. */
const INSERTION_LIMIT = 48;

export function writeNTriples(graph: Graph): string {
  return ntriplesPieces(graph).pieces.join("");
}

/**
 * The article's N-Triples, and what the combined corpus.nt takes of it (writers/index.ts's
 * CorpusPart): the lines about the corpus's shared entities (subjects under `shared`, the namespace
 * <base>corpus#), which corpus.nt holds once for all articles, and where the article's own lines
 * lie around them (the shared lines sort together: their subjects share a beginning).
 */
export function writeNTriplesParts(graph: Graph, shared: string): { content: string; part: CorpusPart } {
  const { pieces, from, to } = ntriplesPieces(graph, `<${shared}`);
  const content = pieces.join("");
  if (from === to) return { content, part: { own: [[0, content.length]], shared: [] } };
  let start = 0;
  for (let i = 0; i < from; i++) start += pieces[i]!.length;
  let end = start;
  for (let i = from; i < to; i++) end += pieces[i]!.length;
  const own: [number, number][] = [];
  if (start > 0) own.push([0, start]);
  if (end < content.length) own.push([end, content.length]);
  return { content, part: { own, shared: content.slice(start, end).split("\n").slice(0, -1).map((line) => `${line}\n`) } };
}

/**
 * The document's text in pieces, and the pieces [from, to) of the lines whose subject begins with
 * `shared` (sorted, they are one run).
 */
function ntriplesPieces(graph: Graph, shared?: string): { pieces: string[]; from: number; to: number } {
  const terms = new NTriplesTerms();
  /** `<subject> ` → its lines. */
  const groups = new Map<string, Group>();
  let subject: string | undefined;
  let key = "";
  let group: Group = { heads: [], ends: [], careful: false };
  let keysHigh = false;
  for (const s of graph.statements) {
    if (s.subject !== subject) {
      subject = s.subject;
      key = `${terms.iri(subject)} `;
      keysHigh ||= terms.lastFromSurrogates;
      const found = groups.get(key);
      if (found) group = found;
      else groups.set(key, (group = { heads: [], ends: [], careful: false }));
    }
    const head = terms.head(s.predicate);
    const end = terms.objectEnd(s.object);
    group.heads.push(head);
    group.ends.push(end);
    if (head.high || terms.lastFromSurrogates) group.careful = true;
  }
  terms.rankHeads();
  // Loops, not some/map with a closure: under tsx each closure made costs a defineProperty (its name).
  const keys: string[] = [];
  for (const k of groups.keys()) {
    // Subject by subject is the order of whole lines when no `<subject> ` begins another (an IRI
    // holding "> " could) and nothing holds a lone surrogate; else whole lines are sorted.
    if (k.indexOf("> ") !== k.length - 2) return wholeLines(graph, terms, shared);
    keys.push(k);
  }
  const sortedKeys = sortUniqueByCodePoints(keys, !keysHigh);
  if (!sortedKeys) return wholeLines(graph, terms, shared);
  const parts: string[] = [];
  let from = -1;
  let to = -1;
  for (const k of sortedKeys) {
    const isShared = shared !== undefined && k.startsWith(shared);
    if (isShared && from < 0) from = parts.length;
    if (!isShared && from >= 0 && to < 0) to = parts.length;
    const { heads, ends, careful } = groups.get(k)!;
    if (!careful && heads.length <= INSERTION_LIMIT && sortByRank(heads, ends)) {
      for (let i = 0; i < heads.length; i++) {
        if (i > 0 && heads[i] === heads[i - 1] && ends[i] === ends[i - 1]) continue;
        parts.push(k, heads[i]!.text, ends[i]!);
      }
      continue;
    }
    const rests: string[] = [];
    for (let i = 0; i < heads.length; i++) rests.push(heads[i]!.text + ends[i]!);
    const sorted = sortUniqueByCodePoints(rests, !careful);
    if (!sorted) return wholeLines(graph, terms, shared);
    for (const rest of sorted) parts.push(k, rest);
  }
  if (from < 0) return { pieces: parts, from: 0, to: 0 };
  return { pieces: parts, from, to: to < 0 ? parts.length : to };
}

/**
 * Sorts one subject's lines in place, by their heads' ranks, then the rest of the line (UTF-16
 * order, which is code-point order for text below U+D800). False, untouched, when a head has no rank.
 */
function sortByRank(heads: Head[], ends: string[]): boolean {
  for (const head of heads) if (head.rank < 0) return false;
  for (let i = 1; i < heads.length; i++) {
    const head = heads[i]!;
    const end = ends[i]!;
    let j = i - 1;
    while (j >= 0 && (heads[j]!.rank > head.rank || (heads[j]!.rank === head.rank && ends[j]! > end))) {
      heads[j + 1] = heads[j]!;
      ends[j + 1] = ends[j]!;
      j--;
    }
    heads[j + 1] = head;
    ends[j + 1] = end;
  }
  return true;
}

/** Every line whole, unique (in the order the statements come), in code-point order. */
function wholeLines(graph: Graph, terms: NTriplesTerms, shared: string | undefined): { pieces: string[]; from: number; to: number } {
  const lines = new Set<string>();
  for (const s of graph.statements) lines.add(terms.line(s.subject, s.predicate, s.object));
  const pieces = sortByCodePoints([...lines]);
  const from = shared === undefined ? -1 : pieces.findIndex((line) => line.startsWith(shared));
  if (from < 0) return { pieces, from: 0, to: 0 };
  let to = from;
  while (to < pieces.length && pieces[to]!.startsWith(shared!)) to++;
  return { pieces, from, to };
}
