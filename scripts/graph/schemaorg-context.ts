// schema.org's JSON-LD context, shipped in schemas/schemaorg-30.0/ and loaded from there: the
// JSON-LD writer needs its term definitions, and every JSON-LD processor here needs a document
// loader that answers "https://schema.org" without the network.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";
import { SCHEMA } from "./namespaces.ts";

export const SCHEMAORG_CONTEXT_URL = "https://schema.org";
export const SCHEMAORG_RELEASE = "30.0";
export const SCHEMAORG_CONTEXT_PATH = projectPath("schemas/schemaorg-30.0/schemaorgcontext.jsonld");

/** How the context defines one term: the IRI it expands to, and the type it coerces values to. */
export interface TermDefinition {
  iri: string;
  /** "@id" for IRIs, or an expanded datatype IRI; absent for no coercion. */
  type?: string;
}

let document: { "@context": Record<string, unknown> } | undefined;

export function schemaorgContextDocument(): { "@context": Record<string, unknown> } {
  document ??= JSON.parse(readFileSync(SCHEMAORG_CONTEXT_PATH, "utf8"));
  return document!;
}

// Terms are expanded one at a time, as the writers ask for them: an article uses a few dozen of
// the context's 3,004, and expanding them all would take some 7 ms of exporting one article.
let expander: ((value: string) => string) | undefined;
const definitions = new Map<string, TermDefinition | null>();
let others: Map<string, { term: string; definition: TermDefinition }> | undefined;

/** How the context defines `term` (a term, not a keyword alias), or undefined. */
export function schemaorgTerm(term: string): TermDefinition | undefined {
  let definition = definitions.get(term);
  if (definition === undefined) {
    const context = schemaorgContextDocument()["@context"];
    const value = Object.hasOwn(context, term) && !term.startsWith("@") ? (context[term] as { "@id"?: unknown; "@type"?: string } | null) : null;
    const expand = expanderOf(context);
    definition = value !== null && typeof value === "object" && typeof value["@id"] === "string" ? { iri: expand(value["@id"]), type: value["@type"] === undefined ? undefined : expand(value["@type"]) } : null;
    definitions.set(term, definition);
  }
  return definition ?? undefined;
}

/**
 * The terms that do not stand for schema.org's IRI of their own name ("HTML" is rdf:HTML), by the
 * IRI they stand for; the first such term of the context for each.
 */
export function schemaorgOtherTerms(): ReadonlyMap<string, { term: string; definition: TermDefinition }> {
  if (others) return others;
  others = new Map();
  const context = schemaorgContextDocument()["@context"];
  for (const term in context) {
    const value = context[term] as { "@id"?: unknown } | null;
    if (term.startsWith("@") || value === null || typeof value !== "object" || typeof value["@id"] !== "string" || value["@id"] === `schema:${term}`) continue;
    const definition = schemaorgTerm(term)!;
    if (definition.iri !== SCHEMA + term && !others.has(definition.iri)) others.set(definition.iri, { term, definition });
  }
  return others;
}

function expanderOf(context: Record<string, unknown>): (value: string) => string {
  if (expander) return expander;
  const prefixes = new Map<string, string>();
  for (const key in context) {
    const value = context[key];
    if (typeof value === "string" && /[/#]$/.test(value)) prefixes.set(key, value);
  }
  const vocab = context["@vocab"] as string;
  const expand = (value: string): string => {
    if (value.startsWith("@")) return value;
    const colon = value.indexOf(":");
    if (colon > 0) {
      const prefix = prefixes.get(value.slice(0, colon));
      if (prefix) return prefix + value.slice(colon + 1);
      return value;
    }
    const term = context[value];
    if (term && typeof term === "object" && typeof (term as { "@id"?: string })["@id"] === "string") return expand((term as { "@id": string })["@id"]);
    return vocab + value;
  };
  return (expander = expand);
}

/** A jsonld.js document loader that serves schema.org's context from the file and refuses everything else. */
export async function localDocumentLoader(url: string): Promise<{ contextUrl?: string; documentUrl: string; document: object }> {
  const normalized = url.replace(/\/+$/, "").replace(/^http:/, "https:");
  if (normalized === SCHEMAORG_CONTEXT_URL || normalized === `${SCHEMAORG_CONTEXT_URL}/docs/jsonldcontext.jsonld`) {
    return { documentUrl: url, document: schemaorgContextDocument() };
  }
  throw new Error(`refusing to load ${url}: this project never fetches documents from the network`);
}
