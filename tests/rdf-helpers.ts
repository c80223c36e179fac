// Graph comparison for the tests: every reader's triples become the same string keys.

import jsonld from "jsonld";
import N3 from "n3";
import type { Graph } from "../scripts/graph/build.ts";
import { localDocumentLoader } from "../scripts/graph/schemaorg-context.ts";

const LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/**
 * The shipped schema.org context, said to be static: jsonld.js then keeps it resolved from one call
 * to the next (it keeps only a document its loader tags "static"), instead of resolving its
 * thousands of terms again for each document read back.
 */
async function staticDocumentLoader(url: string): Promise<Awaited<ReturnType<typeof localDocumentLoader>> & { tag: "static" }> {
  return { ...(await localDocumentLoader(url)), tag: "static" };
}

interface TermLike {
  termType: string;
  value: string;
  datatype?: { value: string } | null;
  language?: string;
}

export function tripleKey(subject: TermLike, predicate: TermLike, object: TermLike): string {
  if (subject.termType !== "NamedNode") throw new Error(`a subject is a ${subject.termType}: every node must have an IRI`);
  if (object.termType === "BlankNode") throw new Error("an object is a blank node: every node must have an IRI");
  const o =
    object.termType === "NamedNode"
      ? `<${object.value}>`
      : object.language
        ? `${JSON.stringify(object.value)}@${object.language.toLowerCase()}`
        : `${JSON.stringify(object.value)}^^<${object.datatype?.value}>`;
  return `<${subject.value}> <${predicate.value}> ${o}`;
}

export function graphKeys(graph: Graph): string[] {
  return graph.statements
    .map((s) =>
      tripleKey(
        { termType: "NamedNode", value: s.subject },
        { termType: "NamedNode", value: s.predicate },
        s.object.termType === "NamedNode" ? s.object : { ...s.object, datatype: { value: s.object.datatype }, language: s.object.datatype === LANG_STRING ? s.object.language : "" },
      ),
    )
    .sort();
}

/** JSON-LD → RDF with jsonld.js and the shipped schema.org context. */
export async function jsonLdKeys(document: unknown): Promise<string[]> {
  const quads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { documentLoader: staticDocumentLoader, safe: true } as unknown as jsonld.Options.ToRdf)) as unknown as { subject: TermLike; predicate: TermLike; object: TermLike }[];
  return quads.map((q) => tripleKey(q.subject, q.predicate, q.object)).sort();
}

/** Turtle → RDF with N3.js's parser. */
export function n3TurtleKeys(turtle: string): string[] {
  return new N3.Parser({ format: "text/turtle" })
    .parse(turtle)
    .map((q) => tripleKey(q.subject, q.predicate, q.object))
    .sort();
}

export async function canonicalFromJsonLd(document: unknown): Promise<string> {
  return jsonld.canonize(document as jsonld.JsonLdDocument, { algorithm: "URDNA2015", format: "application/n-quads", documentLoader: staticDocumentLoader, safe: true } as unknown as jsonld.Options.Normalize);
}
