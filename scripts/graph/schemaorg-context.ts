// schema.org's JSON-LD context, shipped in schemas/schemaorg-30.0/ and loaded from there: the
// JSON-LD writer needs its term definitions, and every JSON-LD processor here needs a document
// loader that answers "https://schema.org" without the network.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";

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
let terms: Map<string, TermDefinition> | undefined;

export function schemaorgContextDocument(): { "@context": Record<string, unknown> } {
  document ??= JSON.parse(readFileSync(SCHEMAORG_CONTEXT_PATH, "utf8"));
  return document!;
}

/** Term → definition, for every term of the context that is not a keyword alias. */
export function schemaorgTerms(): ReadonlyMap<string, TermDefinition> {
  if (terms) return terms;
  const context = schemaorgContextDocument()["@context"];
  const prefixes = new Map<string, string>();
  for (const [key, value] of Object.entries(context)) if (typeof value === "string" && /[/#]$/.test(value)) prefixes.set(key, value);
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
  terms = new Map();
  for (const [key, value] of Object.entries(context)) {
    if (key.startsWith("@") || typeof value !== "object" || value === null) continue;
    const def = value as { "@id"?: string; "@type"?: string };
    if (typeof def["@id"] !== "string") continue;
    terms.set(key, { iri: expand(def["@id"]), type: def["@type"] === undefined ? undefined : expand(def["@type"]) });
  }
  return terms;
}

/** A jsonld.js document loader that serves schema.org's context from the file and refuses everything else. */
export async function localDocumentLoader(url: string): Promise<{ contextUrl?: string; documentUrl: string; document: object }> {
  const normalized = url.replace(/\/+$/, "").replace(/^http:/, "https:");
  if (normalized === SCHEMAORG_CONTEXT_URL || normalized === `${SCHEMAORG_CONTEXT_URL}/docs/jsonldcontext.jsonld`) {
    return { documentUrl: url, document: schemaorgContextDocument() };
  }
  throw new Error(`refusing to load ${url}: this project never fetches documents from the network`);
}
