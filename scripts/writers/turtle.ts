// Writer: graph → Turtle, for knowledge graphs: one block per subject (`;` between its predicates,
// `,` between the objects of one predicate), a blank line between blocks, the article's prefixes,
// characters beyond U+FFFF written as themselves (rdflib.js 2.4 decodes N3's \U escapes wrongly).
//
// The text is byte for byte what N3.js's N3.Writer writes for the pipeline's graphs and prefixes
// (tests/reference/rdf-n3.ts, the reference; tests/rdf-text.test.ts compares the two), written
// straight from the graph's plain terms, each IRI encoded once per document: N3.Writer needs a term
// object per subject, predicate and object and takes about three times as long (BENCHMARKS.md).
//
// The rules copied from N3.Writer (n3 2.13.12, src/N3Writer.js):
// - `"`, `\`, tab, line feed, carriage return, backspace, form feed get their short escapes, U+0000
//   to U+0019 \u00XX. (N3 also writes characters past U+FFFF as \UXXXXXXXX: written as they are.)
// - An IRI becomes `prefix:local` when it is a declared namespace followed by a local name of ASCII
//   letters, digits, `_`, `-` and inner dots; of several such namespaces the first declared wins
//   (a namespace declared twice keeps its first place and its last prefix name). An IRI that
//   already reads `prefix:rest` with a declared prefix is written bare when `rest` is a valid
//   PN_LOCAL, else in <>.
// - Language tags are lower-cased. Plain strings have no datatype; integers, decimals, doubles and
//   booleans of valid form are written bare.
// Prefix names are slugs and namespaces IRIs without characters N3 escapes; language tags are
// letters and digits between single hyphens (the schema says so): what N3.Writer writes otherwise
// is not copied.

import type { Graph, Statement } from "../graph/build.ts";
import { prefixesOf } from "../graph/prefixes.ts";
import { Namespaces, RDF_LANG_STRING, RDF_TYPE, XSD, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING } from "../graph/namespaces.ts";
import type { ObjectTerm } from "../graph/terms.ts";
import type { CorpusPart } from "./corpus-part.ts";

const XSD_DECIMAL = `${XSD}decimal`;
const XSD_DOUBLE = `${XSD}double`;

/** The common prefixes and the article's own (see graph/prefixes.ts), under the example base unless `iris` says otherwise. */
export function turtlePrefixes(slug: string, iris: Namespaces = new Namespaces()): Record<string, string> {
  return prefixesOf(iris, [slug]);
}

/** `prefixes`: the common ones, the article's, and those of the articles it links to (graph/prefixes.ts). */
export function writeTurtle(graph: Graph, prefixes: Record<string, string>): string {
  // The graph's order keeps each subject's statements together, so every subject is written once.
  return turtleText(graph.statements, prefixes);
}

/**
 * The article's Turtle, and what the combined corpus.ttl takes of it (writers/index.ts's
 * CorpusPart): the blocks of the corpus's shared entities (subjects under `shared`, the namespace
 * <base>corpus#), which corpus.ttl holds once for all articles, each as written but for the line
 * breaks after it; and where the article's own blocks lie in the text, each with the blank line
 * that parts it from the next own block, the last with its line break. corpus.ttl is one prefix
 * block (`turtlePrefixBlock`), then these of each article.
 */
export function writeTurtleParts(graph: Graph, prefixes: Record<string, string>, shared: string): { content: string; part: CorpusPart } {
  const blocks: TurtleBlocks = { starts: [], shared: [] };
  const content = turtleText(graph.statements, prefixes, { namespace: shared, blocks });
  const { starts } = blocks;
  const ends = (i: number) => (i + 1 < starts.length ? starts[i + 1]! : content.length);
  const part: CorpusPart = { own: [], shared: [] };
  for (let i = 0; i < starts.length; i++) {
    if (blocks.shared[i]) {
      part.shared.push(content.slice(starts[i]!, ends(i) - (i + 1 < starts.length ? 2 : 1)));
      continue;
    }
    // A run of own blocks: up to the next shared block, with one line break when no own block follows it.
    let last = i;
    while (last + 1 < starts.length && !blocks.shared[last + 1]) last++;
    const ownAfter = blocks.shared.indexOf(false, last + 1) >= 0;
    part.own.push([starts[i]!, last + 1 < starts.length && !ownAfter ? ends(last) - 1 : ends(last)]);
    i = last;
  }
  return { content, part };
}

/** The prefix lines of a Turtle file, then the blank line before its statements, as `writeTurtle` writes them. */
export function turtlePrefixBlock(prefixes: Readonly<Record<string, string>>): string {
  return `${Object.entries(prefixes)
    .map(([name, iri]) => `@prefix ${name}: <${iri}>.\n`)
    .join("")}\n`;
}

const ESCAPE = /["\\\t\n\r\b\f\u0000-\u0019]/;
const ESCAPE_ALL = /["\\\t\n\r\b\f\u0000-\u0019]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f" };

function escapeCharacter(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  const hex = character.charCodeAt(0).toString(16);
  return "\\u0000".slice(0, 6 - hex.length) + hex;
}

export const escapeTurtle = (value: string): string => (ESCAPE.test(value) ? value.replace(ESCAPE_ALL, escapeCharacter) : value);

/** A local name N3.Writer puts after a namespace's prefix. */
const LOCAL_NAME = /^[_a-zA-Z0-9](?:\.?[-_a-zA-Z0-9])*$/;
// PN_LOCAL without escapes, as N3.Writer checks an IRI that already reads `prefix:rest`.
const PN_START = "A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD_:0-9";
const PN_CHAR = `${PN_START}\\-\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
const PERCENT = "%[0-9A-Fa-f]{2}";
const PN_LOCAL = new RegExp(`^(?:(?:[${PN_START}]|${PERCENT})(?:(?:[${PN_CHAR}.]|${PERCENT})*(?:[${PN_CHAR}]|${PERCENT}))?)?$`);

/** A character a local name may hold: `-`, `.`, digits, letters, `_`. */
function isLocalNameCharacter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e;
}

/** Turtle terms for one document's prefixes, each IRI encoded once. */
class TurtleTerms {
  /** The namespaces in N3.Writer's order, with their prefix names and colons. */
  private readonly ordered: { namespace: string; prefixed: string }[] = [];
  /** The prefix names with their colon, for IRIs that already read `prefix:rest`. */
  private readonly names = new Set<string>();
  private readonly memo = new Map<string, string>();
  /** The last language tag written, and what follows a text of it: the closing quote, `@`, the tag in lower case. */
  private language = "";
  private languageEnd = "";

  constructor(prefixes: Readonly<Record<string, string>>) {
    // N3.Writer keys its prefixes by namespace in an object, so its order (and a repeated
    // namespace's place and name) is that object's.
    const byNamespace: Record<string, string> = Object.create(null);
    for (const name in prefixes) byNamespace[prefixes[name]!] = `${name}:`;
    for (const namespace in byNamespace) {
      this.ordered.push({ namespace, prefixed: byNamespace[namespace]! });
      this.names.add(byNamespace[namespace]!);
    }
  }

  get hasPrefixes(): boolean {
    return this.ordered.length > 0;
  }

  iri(value: string): string {
    let encoded = this.memo.get(value);
    if (encoded === undefined) {
      encoded = this.encodeIri(value);
      this.memo.set(value, encoded);
    }
    return encoded;
  }

  private encodeIri(value: string): string {
    const iri = escapeTurtle(value);
    // The local name is a run of local-name characters at the end: the first declared namespace
    // that leaves one is the one.
    let start = iri.length;
    while (start > 0 && isLocalNameCharacter(iri.charCodeAt(start - 1))) start--;
    for (const { namespace, prefixed } of this.ordered) {
      const k = namespace.length;
      if (k >= start && k < iri.length && iri.startsWith(namespace) && LOCAL_NAME.test(iri.slice(k))) return prefixed + iri.slice(k);
    }
    const colon = iri.indexOf(":");
    if (colon >= 0 && this.names.has(iri.slice(0, colon + 1))) return PN_LOCAL.test(iri.slice(colon + 1)) ? iri : `<${iri}>`;
    return `<${iri}>`;
  }

  predicate(value: string): string {
    return value === RDF_TYPE ? "a" : this.iri(value);
  }

  object(term: ObjectTerm): string {
    if (term.termType === "NamedNode") return this.iri(term.value);
    const value = escapeTurtle(term.value);
    const datatype = term.datatype;
    if (datatype === RDF_LANG_STRING && term.language) {
      // One article has one language: its tag is lower-cased once, not for every text.
      if (term.language !== this.language) {
        this.language = term.language;
        this.languageEnd = `"@${term.language.toLowerCase()}`;
      }
      return `"${value}${this.languageEnd}`;
    }
    switch (datatype) {
      case XSD_STRING:
      case "":
        return `"${value}"`;
      case XSD_BOOLEAN:
        if (value === "true" || value === "false") return value;
        break;
      case XSD_INTEGER:
        if (/^[+-]?\d+$/.test(value)) return value;
        break;
      case XSD_DECIMAL:
        if (/^[+-]?\d*\.\d+$/.test(value)) return value;
        break;
      case XSD_DOUBLE:
        if (/^[+-]?(?:\d+\.\d*|\.?\d+)[eE][+-]?\d+$/.test(value)) return value;
        break;
    }
    return `"${value}"^^${this.iri(datatype)}`;
  }
}

/** Where each subject's block starts in a document's text (a UTF-16 offset), and whether its subject is under a namespace. */
interface TurtleBlocks {
  starts: number[];
  shared: boolean[];
}

/**
 * A Turtle document: the prefix lines, a blank line, then one block per subject (`;` between its
 * predicates, `,` between the objects of one predicate), a blank line between blocks; each
 * subject's statements must be consecutive (graph/build.ts groups them). `blocks`, when given, is
 * filled with where each block starts, and whether its subject is under `namespace`.
 */
export function turtleText(statements: readonly Statement[], prefixes: Readonly<Record<string, string>>, blocks?: { namespace: string; blocks: TurtleBlocks }): string {
  const terms = new TurtleTerms(prefixes);
  /** The index in `pieces` of each block's first piece. */
  const firsts: number[] = [];
  // Pieces joined once: one flat string, not a string per piece appended (encoding that as UTF-8
  // would first copy it whole).
  const pieces: string[] = [];
  for (const name in prefixes) pieces.push("@prefix ", name, ": <", prefixes[name]!, ">.\n");
  let subject: string | undefined;
  let predicate: string | undefined;
  for (const s of statements) {
    const object = terms.object(s.object);
    if (s.subject === subject) {
      if (s.predicate === predicate) pieces.push(", ", object);
      else pieces.push(";\n    ", terms.predicate(s.predicate), " ", object);
    } else {
      // A blank line after the prefixes, and between subjects.
      if (subject !== undefined) pieces.push(".\n\n");
      else if (terms.hasPrefixes) pieces.push("\n");
      if (blocks) {
        firsts.push(pieces.length);
        blocks.blocks.shared.push(s.subject.startsWith(blocks.namespace));
      }
      pieces.push(terms.iri(s.subject), " ", terms.predicate(s.predicate), " ", object);
    }
    subject = s.subject;
    predicate = s.predicate;
  }
  if (subject !== undefined) pieces.push(".\n");
  // No statements: exactly one line break at the end, as N3.Writer ends.
  else if (!terms.hasPrefixes) pieces.push("\n");
  if (blocks) {
    // The offsets of the blocks' first pieces, from the lengths of the pieces before them.
    let length = 0;
    for (let i = 0, next = 0; next < firsts.length; i++) {
      if (i === firsts[next]) blocks.blocks.starts[next++] = length;
      length += pieces[i]!.length;
    }
  }
  return pieces.join("");
}
