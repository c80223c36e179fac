// schema.org's context read one term at a time (graph/schemaorg-context.ts), as the JSON-LD writer
// asks: each term's definition is what jsonld.js makes of the whole context.

import { describe, expect, it } from "vitest";
import jsonld from "jsonld";
import { localDocumentLoader, schemaorgContextDocument, schemaorgOtherTerms, schemaorgTerm } from "../scripts/graph/schemaorg-context.ts";
import { SCHEMA } from "../scripts/graph/namespaces.ts";

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

describe("schema.org's context, a term at a time", () => {
  it("defines each term as jsonld.js expands it: its IRI, and the type its values are coerced to", async () => {
    const context = schemaorgContextDocument()["@context"];
    const terms = Object.keys(context).filter((key) => typeof context[key] === "object" && context[key] !== null);
    expect(terms.length).toBeGreaterThan(3000);
    // A document with every term once, each with a string value, expanded by jsonld.js.
    const document = Object.fromEntries([["@context", "https://schema.org"], ...terms.map((term) => [term, "x"])]);
    const expanded = (await jsonld.expand(document, { documentLoader: localDocumentLoader as never }))[0] as Record<string, { "@type"?: string; "@id"?: string }[]>;
    for (const term of terms) {
      const definition = schemaorgTerm(term)!;
      const value = expanded[definition.iri]?.[0];
      expect(value, term).toBeDefined();
      if (definition.type === "@id") expect(value!["@id"], term).toBeDefined();
      else if (definition.type !== undefined) expect(value!["@type"], term).toBe(definition.type);
    }
  });

  it("says which terms stand for another IRI than schema.org's of their name, and knows no keyword", () => {
    expect(schemaorgTerm("name")).toEqual({ iri: `${SCHEMA}name`, type: undefined });
    expect(schemaorgTerm("foundingDate")).toEqual({ iri: `${SCHEMA}foundingDate`, type: `${SCHEMA}Date` });
    expect(schemaorgTerm("HTML")?.iri).toBe(`${RDF}HTML`);
    expect(schemaorgOtherTerms().get(`${RDF}HTML`)?.term).toBe("HTML");
    expect([...schemaorgOtherTerms().keys()]).toEqual([`${RDF}HTML`]);
    for (const missing of ["@vocab", "schema", "toString", "__proto__", "noSuchTerm"]) expect(schemaorgTerm(missing), missing).toBeUndefined();
  });
});
