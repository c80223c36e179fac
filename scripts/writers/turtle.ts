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
 * A Turtle file's statements: what follows its prefix lines and their blank line (bytes, not
 * decoded). The combined corpus.ttl is one prefix block (`turtlePrefixBlock`) then each article's body.
 */
export function turtleBody(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("\n\n") + 2);
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

/**
 * A Turtle document: the prefix lines, a blank line, then one block per subject (`;` between its
 * predicates, `,` between the objects of one predicate), a blank line between blocks; each
 * subject's statements must be consecutive (graph/build.ts groups them).
 */
export function turtleText(statements: readonly Statement[], prefixes: Readonly<Record<string, string>>): string {
  const terms = new TurtleTerms(prefixes);
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
      pieces.push(terms.iri(s.subject), " ", terms.predicate(s.predicate), " ", object);
    }
    subject = s.subject;
    predicate = s.predicate;
  }
  if (subject !== undefined) pieces.push(".\n");
  // No statements: exactly one line break at the end, as N3.Writer ends.
  else if (!terms.hasPrefixes) pieces.push("\n");
  return pieces.join("");
}

// An article's Turtle in the combined corpus.ttl: the statements about the corpus's shared entities
// (graph/shared.ts: countries, cities, languages, topics, as <base>corpus#<id>) are in every article's
// own file that uses them, so that each file stands alone; corpus.ttl holds them once. Each shared
// subject is one block of the body ("corpus:canada a …;\n    …." then a blank line): a shared
// entity's statements hold names and codes, never a blank line. On bytes, not text: the export's
// main thread cuts every article's body, and decoding each (a few MB a second of garbage) was most
// of its memory at the end of a large export.

const NEWLINE = 0x0a;
const BLANK_LINE = Buffer.from("\n\n");

/** How the Turtle writer names a shared subject: by the corpus: prefix, or in full. */
export function sharedTurtleNames(iris: Namespaces): string[] {
  return ["corpus:", `<${iris.shared}`];
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
