// Turtle and N-Triples text written straight from the graph's plain terms, byte for byte what
// N3.Writer writes (rdf-n3.ts, the reference; tests/rdf-text.test.ts compares the two on IFEX, the
// linked corpus, synthetic articles and generated hostile strings).
//
// Why not N3.Writer itself: it needs an N3 term object for every subject, predicate and object,
// re-escapes the same IRIs over and over, and matches every IRI against one regular expression of
// all prefixes, which for the combined corpus.ttl (one prefix per article) grows with the corpus.
// Here each IRI is encoded once per document, and its namespace is looked up in a Map.
//
// The rules copied from N3.Writer (n3 2.13.12, src/N3Writer.js):
// - Turtle escapes `"`, `\`, tab, line feed, carriage return, backspace, form feed with their short
//   escapes and U+0000 to U+0019 as \u00XX. (N3 also writes characters past U+FFFF as \UXXXXXXXX,
//   which writers/turtle.ts always turned back into the characters: they are written as they are.)
// - An IRI becomes `prefix:local` when it is a declared namespace followed by a local name of ASCII
//   letters, digits, `_`, `-` and inner dots; of several such namespaces the first declared wins
//   (a namespace declared twice keeps its first place and its last prefix name). An IRI that
//   already reads `prefix:rest` with a declared prefix is written bare when `rest` is a valid
//   PN_LOCAL, else in <>.
// - Language tags are lower-cased. Plain strings have no datatype; in Turtle, integers, decimals,
//   doubles and booleans of valid form are written bare.
// - N-Triples is N3's canonical form: `"`, `\`, line breaks and the like with short escapes, the
//   other characters of U+0000 to U+001F, U+007F, U+FFFE and U+FFFF as upper-case \uXXXX.
// Input these rules do not cover exactly is handed to N3.Writer itself: a prefix name or namespace
// with characters N3 escapes, an empty namespace (N3.Writer drops or keeps it depending on its
// place), a language tag that is not letters and digits between single hyphens, a datatype with `"`.

import type { Statement } from "../graph/build.ts";
import { PREFIXES, RDF_LANG_STRING, RDF_TYPE, XSD, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING } from "../graph/namespaces.ts";
import type { ObjectTerm } from "../graph/terms.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";

const XSD_DECIMAL = `${XSD}decimal`;
const XSD_DOUBLE = `${XSD}double`;

// ---- escapes ---------------------------------------------------------------------------------

const TURTLE_ESCAPE = /["\\\t\n\r\b\f\u0000-\u0019]/;
const TURTLE_ESCAPE_ALL = /["\\\t\n\r\b\f\u0000-\u0019]/g;
// Canonical N-Triples: everything but these is escaped.
const NT_ESCAPE = /[^ !#-[\]-~\u0080-\uFFFD]/;
const NT_ESCAPE_ALL = /[^ !#-[\]-~\u0080-\uFFFD]/g;
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f" };

function turtleCharacter(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  const hex = character.charCodeAt(0).toString(16);
  return "\\u0000".slice(0, 6 - hex.length) + hex;
}

function nTriplesCharacter(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short !== undefined) return short;
  const hex = character.charCodeAt(0).toString(16).toUpperCase();
  return "\\u0000".slice(0, 6 - hex.length) + hex;
}

export const escapeTurtle = (value: string): string => (TURTLE_ESCAPE.test(value) ? value.replace(TURTLE_ESCAPE_ALL, turtleCharacter) : value);
export const escapeNTriples = (value: string): string => (NT_ESCAPE.test(value) ? value.replace(NT_ESCAPE_ALL, nTriplesCharacter) : value);

// ---- what N3.Writer does that this writer does not copy --------------------------------------

/** What N3.Writer escapes in Turtle, characters past U+FFFF (surrogates) included. */
const N3_ESCAPES = /["\\\t\n\r\b\f\u0000-\u0019\ud800-\udfff]/;
/** Prefix names this writer handles: no `:`, nothing escaped, not starting with `@` or white space (slugs such as "2-x" included). */
const SIMPLE_PREFIX_NAME = /^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$/;
/** A language tag N3 writes as `@` + the tag in lower case (no `--`, which N3 reads as a direction). */
const SIMPLE_LANGUAGE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

/** Whether this writer writes exactly what N3.Writer writes with these prefixes. */
export function prefixesAreSimple(prefixes: Readonly<Record<string, string>>): boolean {
  for (const name in prefixes) {
    const namespace = prefixes[name]!;
    if (typeof namespace !== "string" || namespace === "" || !SIMPLE_PREFIX_NAME.test(name) || N3_ESCAPES.test(namespace)) return false;
  }
  return true;
}

/** Whether this writer writes the literal exactly as N3.Writer does. */
export function literalIsSimple(term: ObjectTerm): boolean {
  if (term.termType === "NamedNode") return true;
  if (term.datatype === RDF_LANG_STRING && term.language) return SIMPLE_LANGUAGE.test(term.language);
  return !term.datatype.includes('"');
}

// ---- Turtle ----------------------------------------------------------------------------------

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

/**
 * Memoized encodings per document, forgotten when there are this many: a combined corpus's IRIs come
 * article by article, so recent ones are what repeats, and a small map stays in the processor's cache.
 */
const MEMO_LIMIT = 16_384;

/** Up to this many namespaces, an IRI is tried against each in turn (see `namespaceSplit`). */
const FEW_NAMESPACES = 24;

/** Turtle terms for one document's prefixes (which must be simple: `prefixesAreSimple`). */
export class TurtleTerms {
  /** Namespace → its prefix name with the colon, and its place in N3.Writer's alternation. */
  private readonly namespaces = new Map<string, { prefixed: string; rank: number }>();
  /** The lengths of the namespaces, so only possible split points are looked up. */
  private readonly lengths = new Set<number>();
  /** The namespaces in N3.Writer's order, with their prefix names and colons: see `namespaceSplit`. */
  private readonly ordered: { namespace: string; prefixed: string }[] = [];
  /** The prefix names with their colon, for IRIs that already read `prefix:rest`. */
  private readonly names = new Set<string>();
  private readonly memo = new Map<string, string>();
  /** The last language tag found simple. */
  private simpleLanguage = "";
  /** The last language tag written, and what follows a text of it: the closing quote, `@`, the tag in lower case. */
  private language = "";
  private languageEnd = "";
  readonly hasPrefixes: boolean;
  /** The common prefixes (graph/namespaces.ts) come first, as declared there: see `vocabularyIri`. */
  private readonly common: boolean;

  constructor(prefixes: Readonly<Record<string, string>>) {
    // N3.Writer keys its prefixes by namespace in an object, so its order (and a repeated
    // namespace's place and name) is that object's.
    const byNamespace: Record<string, string> = Object.create(null);
    for (const name in prefixes) byNamespace[prefixes[name]!] = `${name}:`;
    let rank = 0;
    for (const namespace in byNamespace) {
      this.namespaces.set(namespace, { prefixed: byNamespace[namespace]!, rank: rank++ });
      this.ordered.push({ namespace, prefixed: byNamespace[namespace]! });
      this.lengths.add(namespace.length);
      this.names.add(byNamespace[namespace]!);
    }
    this.hasPrefixes = rank > 0;
    let place = 0;
    let common = true;
    for (const name in PREFIXES) {
      const found = this.namespaces.get(PREFIXES[name]!);
      if (found === undefined || found.prefixed !== `${name}:` || found.rank !== place++) common = false;
    }
    this.common = common;
  }

  /**
   * An IRI of the common vocabularies (a predicate, a type, a datatype), written as `iri` writes it,
   * from text kept for every document. When a document's prefixes begin with the common ones, in
   * their order and with their names, those namespaces come before every other: an IRI one of them
   * splits is written the same in every such document.
   */
  vocabularyIri(value: string): string {
    if (this.common) {
      let found = vocabularyIris.get(value);
      if (found === undefined) {
        found = commonTerms().namespaceSplit(escapeTurtle(value)) ?? null;
        if (vocabularyIris.size >= MEMO_LIMIT) vocabularyIris.clear();
        vocabularyIris.set(value, found);
      }
      if (found !== null) return found;
    }
    return this.iri(value);
  }

  iri(value: string): string {
    let encoded = this.memo.get(value);
    if (encoded === undefined) {
      encoded = this.encodeIri(value);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(value, encoded);
    }
    return encoded;
  }

  private encodeIri(value: string): string {
    const iri = escapeTurtle(value);
    if (!this.hasPrefixes) return `<${iri}>`;
    const split = this.namespaceSplit(iri);
    if (split !== undefined) return split;
    const colon = iri.indexOf(":");
    if (colon >= 0 && this.names.has(iri.slice(0, colon + 1))) return PN_LOCAL.test(iri.slice(colon + 1)) ? iri : `<${iri}>`;
    return `<${iri}>`;
  }

  /** The escaped IRI as `prefix:local` with the first declared namespace that leaves a local name, or undefined. */
  private namespaceSplit(iri: string): string | undefined {
    // The local name is a run of local-name characters at the end: only its start points can split.
    let start = iri.length;
    while (start > 0 && isLocalNameCharacter(iri.charCodeAt(start - 1))) start--;
    // An article's few namespaces are tried in their order (the first that leaves a local name is the
    // one); a combined corpus's many (one per article) by the lengths that could split.
    if (this.ordered.length <= FEW_NAMESPACES) {
      for (const { namespace, prefixed } of this.ordered) {
        const k = namespace.length;
        if (k >= start && k < iri.length && iri.startsWith(namespace) && LOCAL_NAME.test(iri.slice(k))) return prefixed + iri.slice(k);
      }
      return undefined;
    }
    let best: { prefixed: string; rank: number } | undefined;
    let split = 0;
    for (let k = start; k < iri.length; k++) {
      if (!this.lengths.has(k)) continue;
      const found = this.namespaces.get(iri.slice(0, k));
      if (found && (best === undefined || found.rank < best.rank) && LOCAL_NAME.test(iri.slice(k))) {
        best = found;
        split = k;
      }
    }
    return best ? best.prefixed + iri.slice(split) : undefined;
  }

  predicate(value: string): string {
    return value === RDF_TYPE ? "a" : this.vocabularyIri(value);
  }

  /**
   * The predicate as a line of its subject's block has it: after the subject (` p `) or after `;`
   * (`;\n    p `), each one flat piece: the text is joined once from its pieces, and joining costs
   * more per piece than per character. Kept for every document when written from the common
   * vocabularies (see `vocabularyIri`); undefined when not.
   */
  sharedPredicate(value: string): PredicatePieces | undefined {
    if (!this.common) return undefined;
    let found = predicatePieces.get(value);
    if (found === undefined) {
      const text = this.predicate(value);
      // Written from the common namespaces, the same in every such document (else from this one's).
      if (value !== RDF_TYPE && vocabularyIris.get(value) == null) return undefined;
      found = { first: [" ", text, " "].join(""), next: [";\n    ", text, " "].join("") };
      if (predicatePieces.size >= MEMO_LIMIT) predicatePieces.clear();
      predicatePieces.set(value, found);
    }
    return found;
  }

  /** The term's text when this writer writes it as N3.Writer does (`literalIsSimple`), else undefined. */
  simpleObject(term: ObjectTerm): string | undefined {
    if (term.termType === "NamedNode") return this.iri(term.value);
    if (term.datatype === RDF_LANG_STRING && term.language) {
      // One article has one language: its tag is checked once.
      if (term.language !== this.simpleLanguage) {
        if (!SIMPLE_LANGUAGE.test(term.language)) return undefined;
        this.simpleLanguage = term.language;
      }
    } else if (term.datatype.includes('"')) return undefined;
    return this.object(term);
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
    return `"${value}"^^${this.vocabularyIri(datatype)}`;
  }
}

/** `vocabularyIri`'s answers: the text, or null when no common namespace splits the IRI. */
const vocabularyIris = new Map<string, string | null>();

/** A predicate's text with what comes before and after it in a block (see `sharedPredicate`). */
interface PredicatePieces {
  first: string;
  next: string;
}
const predicatePieces = new Map<string, PredicatePieces>();
let common: TurtleTerms | undefined;
const commonTerms = (): TurtleTerms => (common ??= new TurtleTerms(PREFIXES));

/**
 * A Turtle document: the prefix lines, a blank line, then one block per subject (`;` between its
 * predicates, `,` between the objects of one predicate), a blank line between blocks; each
 * subject's statements must be consecutive (graph/build.ts groups them). Undefined when the input
 * needs N3.Writer (see `prefixesAreSimple`, `literalIsSimple`).
 */
export function turtleText(statements: readonly Statement[], prefixes: Readonly<Record<string, string>>): string | undefined {
  if (!prefixesAreSimple(prefixes)) return undefined;
  const terms = new TurtleTerms(prefixes);
  // Pieces joined once: one flat string, not a string per piece appended (encoding that as UTF-8
  // would first copy it whole).
  const pieces: string[] = [];
  for (const name in prefixes) pieces.push("@prefix ", name, ": <", prefixes[name]!, ">.\n");
  let subject: string | undefined;
  let predicate: string | undefined;
  for (const s of statements) {
    // A type is a term of a vocabulary (see `vocabularyIri`).
    const object = s.predicate === RDF_TYPE && s.object.termType === "NamedNode" ? terms.vocabularyIri(s.object.value) : terms.simpleObject(s.object);
    if (object === undefined) return undefined;
    if (s.subject === subject) {
      if (s.predicate === predicate) pieces.push(", ", object);
      else {
        const shared = terms.sharedPredicate(s.predicate);
        if (shared !== undefined) pieces.push(shared.next, object);
        else pieces.push(";\n    ", terms.predicate(s.predicate), " ", object);
      }
    } else {
      // A blank line after the prefixes, and between subjects.
      if (subject !== undefined) pieces.push(".\n\n");
      else if (terms.hasPrefixes) pieces.push("\n");
      const shared = terms.sharedPredicate(s.predicate);
      if (shared !== undefined) pieces.push(terms.iri(s.subject), shared.first, object);
      else pieces.push(terms.iri(s.subject), " ", terms.predicate(s.predicate), " ", object);
    }
    subject = s.subject;
    predicate = s.predicate;
  }
  if (subject !== undefined) pieces.push(".\n");
  // No statements: exactly one line break at the end, as writers/turtle.ts always wrote.
  else if (!terms.hasPrefixes) pieces.push("\n");
  return pieces.join("");
}

// ---- N-Triples -------------------------------------------------------------------------------

/** From U+D800 (surrogates, and what UTF-16 sorts after them): where sorting needs care. */
const FROM_SURROGATES = /[\uD800-\uFFFF]/;
/** A unit N-Triples escapes, or one from U+D800: most literals hold neither, and one test says so. */
const ESCAPED_OR_FROM_SURROGATES = /[^ !#-[\]-~\u0080-\uD7FF]/;

/** A predicate as an N-Triples line has it after the subject: `<iri> `, with what sorting it needs. */
export interface NTriplesHead {
  text: string;
  /** Holds a unit from U+D800. */
  high: boolean;
  /**
   * Its place among every head known, in code-point order (see `rankHeads`); -1 when it has none:
   * a head with `>` before its end could begin another (`<a> ` and `<a> b> `), so only whole lines
   * order it.
   */
  rank: number;
}

/**
 * Heads by predicate IRI, for every document: a graph uses a few dozen predicates, the same in every
 * article, so each is escaped and placed once. Past the limit a head is made for the call and not ranked.
 */
const heads = new Map<string, NTriplesHead>();
const ranked: NTriplesHead[] = [];
let unranked = false;
const HEAD_LIMIT = 4_096;

export function nTriplesHead(predicate: string): NTriplesHead {
  let head = heads.get(predicate);
  if (head === undefined) {
    const text = `<${escapeNTriples(predicate)}> `;
    const rankable = text.indexOf(">") === text.length - 2 && heads.size < HEAD_LIMIT;
    head = { text, high: FROM_SURROGATES.test(text), rank: -1 };
    if (rankable) {
      heads.set(predicate, head);
      ranked.push(head);
      unranked = true;
    }
  }
  return head;
}

/**
 * Gives every known head its rank. Two lines of one subject with different heads then sort as their
 * heads' ranks: neither head begins the other, so the first difference of the lines is the first
 * difference of their heads. Called before ranks are compared, after every head of a document is made.
 */
export function rankHeads(): void {
  if (!unranked) return;
  ranked.sort((a, b) => compareCodePoints(a.text, b.text));
  for (let i = 0; i < ranked.length; i++) ranked[i]!.rank = i;
  unranked = false;
}

/** N-Triples text for the statements of one document, each IRI escaped once. */
export class NTriplesTerms {
  private readonly memo = new Map<string, string>();
  /** An object IRI's `<iri> .\n`, the end of every line that refers to it. */
  private readonly objectEnds = new Map<string, string>();
  /** The encoded IRIs (and object ends) that hold a unit from U+D800. */
  private readonly high = new Set<string>();
  /** The last language tag found simple, and what follows a text of it: `"@`, the tag in lower case, ` .` and the line feed (one article has one language). */
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
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(value, encoded);
    }
    this.lastFromSurrogates = this.high.size > 0 && this.high.has(encoded);
    return encoded;
  }

  /** The line of one statement, with its line feed; undefined when the literal needs N3.Writer. */
  line(subject: string, predicate: string, object: ObjectTerm): string | undefined {
    const rest = this.rest(predicate, object);
    return rest === undefined ? undefined : `${this.iri(subject)} ${rest}`;
  }

  /** The line without its subject and the space after it. */
  rest(predicate: string, object: ObjectTerm): string | undefined {
    const head = `${this.iri(predicate)} `;
    const high = this.lastFromSurrogates;
    const end = this.objectEnd(object);
    if (end === undefined) return undefined;
    this.lastFromSurrogates ||= high;
    return head + end;
  }

  /** The line after its head: the object, ` .` and the line feed; undefined when the literal needs N3.Writer. */
  objectEnd(object: ObjectTerm): string | undefined {
    if (object.termType === "NamedNode") {
      let end = this.objectEnds.get(object.value);
      if (end === undefined) {
        end = `${this.iri(object.value)} .\n`;
        if (this.lastFromSurrogates) this.high.add(end);
        if (this.objectEnds.size >= MEMO_LIMIT) this.objectEnds.clear();
        this.objectEnds.set(object.value, end);
        return end;
      }
      this.lastFromSurrogates = this.high.size > 0 && this.high.has(end);
      return end;
    }
    const datatype = object.datatype;
    const isLanguageString = datatype === RDF_LANG_STRING && object.language !== "";
    if (isLanguageString) {
      if (object.language !== this.language) {
        if (!SIMPLE_LANGUAGE.test(object.language)) return undefined;
        this.language = object.language;
        this.languageEnd = `"@${object.language.toLowerCase()} .\n`;
      }
    } else if (datatype.includes('"')) return undefined;
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

/** For scripts/bench/replacements.ts: forgets what is kept across documents, as if each article were the first. */
export function resetSharedCaches(): void {
  vocabularyIris.clear();
  predicatePieces.clear();
  common = undefined;
  heads.clear();
  ranked.length = 0;
  unranked = false;
}
