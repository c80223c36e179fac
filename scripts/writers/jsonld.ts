// Writer: graph → compact JSON-LD with "@context": "https://schema.org", what web pages embed.
//
// It compacts by schema.org's own term definitions (read from the shipped context), so that a
// JSON-LD processor expanding this document with that context gets exactly the graph back:
// a value is written bare only when the context would turn it into the same RDF term;
// otherwise it is a value object that says its type or language.

import type { Graph, Statement } from "../graph/build.ts";
import { OA, RDF_LANG_STRING, RDF_TYPE, SCHEMA, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING, PREFIXES } from "../graph/namespaces.ts";
import type { ObjectTerm } from "../graph/terms.ts";
import { SCHEMAORG_CONTEXT_URL, schemaorgOtherTerms, schemaorgTerm, type TermDefinition } from "../graph/schemaorg-context.ts";
import { boundedMemo } from "../lib/bounded-memo.ts";

type JsonValue = string | number | boolean | { [key: string]: JsonValue } | JsonValue[];

/** The prefixes schema.org's context already defines need no repeating; ours do. */
const EXTRA_PREFIXES = { oa: OA };

export function jsonLdContext(language: string): JsonValue {
  const extra: Record<string, JsonValue> = { ...EXTRA_PREFIXES };
  // Plain strings are then text in the article's language; other strings say so.
  if (language) extra["@language"] = language;
  return [SCHEMAORG_CONTEXT_URL, extra];
}

export function toJsonLdDocument(graph: Graph): Record<string, JsonValue> {
  const compactor = predicateCompactor();
  const nodes = new Map<string, Record<string, JsonValue>>();
  for (const statement of graph.statements) {
    let node = nodes.get(statement.subject);
    if (!node) nodes.set(statement.subject, (node = { "@id": statement.subject }));
    addStatement(node, statement, compactor, graph.language);
  }
  return { "@context": jsonLdContext(graph.language), "@graph": [...nodes.values()] };
}

/**
 * Serialized with `<`, `>` and `&` escaped, so the same bytes are safe inside an HTML <script>.
 * The web page embeds this text: the writers' input (index.ts) makes it once per article.
 */
export function writeJsonLd(graph: Graph): string {
  return `${escapeForHtml(JSON.stringify(toJsonLdDocument(graph), null, 2))}\n`;
}

export function escapeForHtml(json: string): string {
  // Most documents hold none of them: five searches for one character (each a fast native scan)
  // cost a fraction of the regular expression's pass over the whole text.
  if (json.indexOf("<") < 0 && json.indexOf(">") < 0 && json.indexOf("&") < 0 && json.indexOf("\u2028") < 0 && json.indexOf("\u2029") < 0) return json;
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function addStatement(node: Record<string, JsonValue>, { predicate, object }: Statement, compactor: Compactor, language: string): void {
  if (predicate === RDF_TYPE && object.termType === "NamedNode") {
    push(node, "@type", compactor.type(object.value));
    return;
  }
  const { key, definition } = compactor.predicate(predicate);
  push(node, key, valueOf(object, definition, language));
}

function push(node: Record<string, JsonValue>, key: string, value: JsonValue): void {
  const existing = node[key];
  if (existing === undefined) node[key] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else node[key] = [existing, value];
}

function valueOf(term: ObjectTerm, definition: TermDefinition | undefined, language: string): JsonValue {
  const coercion = definition?.type;
  if (term.termType === "NamedNode") return coercion === "@id" ? term.value : { "@id": term.value };
  const { value, datatype } = term;
  if (datatype === RDF_LANG_STRING) {
    return !coercion && term.language === language ? value : { "@value": value, "@language": term.language };
  }
  if (datatype === XSD_STRING) return !coercion && !language ? value : { "@value": value };
  if (coercion === datatype) return value;
  if (!coercion && datatype === XSD_INTEGER && /^-?(0|[1-9][0-9]*)$/.test(value) && Number.isSafeInteger(Number(value))) return Number(value);
  if (!coercion && datatype === XSD_BOOLEAN && (value === "true" || value === "false")) return value === "true";
  return { "@value": value, "@type": compactIri(datatype) };
}

interface Compactor {
  predicate(iri: string): { key: string; definition?: TermDefinition };
  type(iri: string): string;
}

let cached: Compactor | undefined;

/**
 * IRI → the key to write: schema.org's own term (its local name) when the context defines it for
 * that IRI, else the first term of the context that stands for it, else a compact IRI.
 */
function predicateCompactor(): Compactor {
  if (cached) return cached;
  const termOf = (iri: string): { key: string; definition: TermDefinition } | undefined => {
    if (iri.startsWith(SCHEMA)) {
      const local = iri.slice(SCHEMA.length);
      const definition = schemaorgTerm(local);
      if (definition?.iri === iri) return { key: local, definition };
    }
    const other = schemaorgOtherTerms().get(iri);
    return other && { key: other.term, definition: other.definition };
  };
  const predicates = new Map<string, { key: string; definition?: TermDefinition }>();
  const types = new Map<string, string>();
  cached = {
    predicate(iri) {
      let found = predicates.get(iri);
      if (!found) {
        found = termOf(iri) ?? { key: compactIri(iri) };
        predicates.set(iri, found);
      }
      return found;
    },
    // By IRI once: a corpus has a few types, and compactIri tries every prefix with a regex.
    type(iri) {
      let found = types.get(iri);
      if (found === undefined) {
        const local = iri.slice(SCHEMA.length);
        found = iri.startsWith(SCHEMA) && schemaorgTerm(local)?.iri === iri ? local : compactIri(iri);
        if (types.size < 10_000) types.set(iri, found);
      }
      return found;
    },
  };
  return cached;
}

/** Compacted IRIs kept: datatypes and types recur in every article, and each try is a regex. */
const compactIri = boundedMemo(compactIriOnce);

function compactIriOnce(iri: string): string {
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && /^[A-Za-z_][\w-]*$/.test(local)) return `${prefix}:${local}`;
  }
  return iri;
}
