// The schema.org vocabulary check: the derived vocabulary is schema.org's release 30.0, the export
// passes, and each kind of mistake a knowledge graph or a search engine would trip on is reported
// with the node, the property and what schema.org expects.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import N3 from "n3";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { checkVocabulary } from "../scripts/check/vocabulary-check.ts";
import { DEFAULT_VENDOR_DIR, deriveVocabulary, serializeVocabulary, VOCABULARY_TURTLE } from "../scripts/vocabulary/derive-schemaorg.ts";
import { SCHEMAORG_VOCABULARY_PATH, schemaOrgVocabulary } from "../scripts/vocabulary/schemaorg-vocabulary.ts";
import { ifexFile } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const vocabulary = schemaOrgVocabulary();
const PREFIXES = `
@prefix schema: <http://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix oa: <https://org-articles.example/vocab#> .
@prefix ex: <https://org-articles.example/test#> .
`;
const check = (turtle: string) => checkVocabulary(new N3.Parser().parse(PREFIXES + turtle), vocabulary);
const EX = "https://org-articles.example/test#";
const S = "http://schema.org/";

describe("the derived vocabulary (schemas/schemaorg-30.0/vocabulary.json)", () => {
  it("holds schema.org 30.0's classes, properties, domains and ranges", () => {
    expect(vocabulary.file.release).toBe("30.0");
    expect(Object.keys(vocabulary.file.properties).length).toBeGreaterThan(1400);
    expect(vocabulary.isSubClassOf("NGO", "Organization")).toBe(true);
    expect(vocabulary.isSubClassOf("City", "Place")).toBe(true);
    expect(vocabulary.isSubClassOf("Organization", "NGO")).toBe(false);
    expect(vocabulary.property("foundingDate")).toEqual({ domain: ["Organization"], range: ["Date"] });
    expect(vocabulary.isDataType("URL") && vocabulary.isDataType("Integer") && !vocabulary.isDataType("Place")).toBe(true);
    expect(vocabulary.file.members.True).toEqual(["Boolean"]);
  });

  const vendor = join(DEFAULT_VENDOR_DIR, VOCABULARY_TURTLE);
  // The release files are beside the project on developers' machines and CI, not at users'.
  it.skipIf(!existsSync(vendor))("is exactly what scripts/vocabulary/derive-schemaorg.ts derives from the release", () => {
    const derived = serializeVocabulary(deriveVocabulary(readFileSync(vendor, "utf8")));
    expect(derived).toBe(readFileSync(SCHEMAORG_VOCABULARY_PATH, "utf8"));
  });

  it.skipIf(!existsSync(vendor))("agrees with schema.org's own properties table (schemaorg-current-http-properties.csv)", () => {
    const csv = Papa.parse<Record<string, string>>(readFileSync(join(DEFAULT_VENDOR_DIR, "schemaorg-current-http-properties.csv"), "utf8"), { header: true, skipEmptyLines: true }).data;
    const names = (cell: string) => cell.split(",").map((s) => s.trim()).filter(Boolean).map((iri) => iri.replace(S, "")).sort();
    expect(csv.length).toBe(Object.keys(vocabulary.file.properties).length);
    for (const row of csv) {
      const name = row.id!.replace(S, "");
      expect(vocabulary.property(name), name).toEqual({ domain: names(row.domainIncludes!), range: names(row.rangeIncludes!) });
    }
  });
});

describe("the export", () => {
  it("uses schema.org 30.0 correctly: every term exists, on its domain, with a value in its range", () => {
    const { graph } = ifex();
    const triples = graph.statements.map((s) => ({
      subject: { termType: "NamedNode", value: s.subject },
      predicate: { termType: "NamedNode", value: s.predicate },
      object: s.object.termType === "NamedNode" ? s.object : { termType: "Literal", value: s.object.value, datatype: { value: s.object.datatype }, language: s.object.language },
    }));
    expect(triples.filter((t) => t.predicate.value.startsWith(S)).length).toBeGreaterThan(100);
    expect(checkVocabulary(triples, vocabulary)).toEqual([]);
  });
});

describe("what the check accepts", () => {
  it("xsd:gYear/gYearMonth/date and schema:Date for Date; language-tagged or plain text for Text; an IRI for URL; integers for Number", () => {
    expect(
      check(`
        ex:o a schema:NGO, schema:Organization ; schema:name "O"@en ; schema:alternateName "Oh" ; schema:foundingDate "1992"^^schema:Date ;
          schema:dissolutionDate "2001-02"^^xsd:gYearMonth ; schema:url <https://example.org/> ; schema:numberOfEmployees ex:n .
        ex:n a schema:QuantitativeValue, schema:StructuredValue, schema:Intangible ; schema:value 12 ; schema:minValue "1.5"^^xsd:decimal .
        ex:e a schema:ExhibitionEvent, schema:Event ; schema:startDate "2021"^^xsd:gYear ; schema:endDate "2021-07-04"^^xsd:date ;
          schema:eventStatus schema:EventScheduled ; schema:isAccessibleForFree true ; schema:organizer ex:o .`),
    ).toEqual([]);
  });

  it("leaves the project's own terms alone", () => {
    expect(check(`ex:m a oa:Milestone ; oa:startDate "whenever" ; oa:anything ex:nowhere .`)).toEqual([]);
  });
});

describe("what the check reports", () => {
  it("a property schema.org does not have, with the nearest one", () => {
    expect(check(`ex:o a schema:Organization ; schema:foundingdate "1992"^^schema:Date .`)).toEqual([
      { check: "schema.org vocabulary", node: `${EX}o`, property: `${S}foundingdate`, message: "schema:foundingdate is not a property of schema.org 30.0", expected: "schema:foundingDate", found: `<${S}foundingdate>` },
    ]);
  });

  it("a class schema.org does not have, and a class used as a property", () => {
    const findings = check(`ex:o a schema:NonGovernmentalOrganization ; schema:Place ex:p .`);
    expect(findings.map((f) => f.message)).toEqual(["schema:NonGovernmentalOrganization is not a class of schema.org 30.0", "schema:Place is a class of schema.org 30.0, not a property"]);
  });

  it("https://schema.org/ terms, which schema.org's context does not produce", () => {
    const [finding] = checkVocabulary(new N3.Parser().parse(`<${EX}o> a <https://schema.org/Organization> .`), vocabulary);
    expect(finding).toMatchObject({ node: `${EX}o`, expected: `<${S}Organization>`, message: expect.stringMatching(/https:/) });
  });

  it("a superseded term, with its replacement", () => {
    expect(check(`ex:m a schema:Movie, schema:CreativeWork ; schema:actors ex:p . ex:p a schema:Person .`)).toEqual([
      { check: "schema.org vocabulary", node: `${EX}m`, property: `${S}actors`, message: "schema:actors is superseded in schema.org 30.0", expected: "schema:actor", found: `<${S}actors>` },
    ]);
  });

  it("a property on a type outside its domain", () => {
    expect(check(`ex:p a schema:Person ; schema:foundingDate "1992"^^schema:Date .`)).toEqual([
      { check: "schema.org vocabulary", node: `${EX}p`, property: `${S}foundingDate`, message: "schema:foundingDate is used on a type outside its domain", expected: "a node of type schema:Organization (or a subtype)", found: "a node of type schema:Person" },
    ]);
  });

  it("a property on a node with no schema.org type", () => {
    expect(check(`ex:x schema:name "X" .`)).toMatchObject([{ node: `${EX}x`, property: `${S}name`, message: "schema:name is used on a node with no schema.org type", found: "no rdf:type of schema.org" }]);
  });

  it("a literal of the wrong datatype: the founding date as a plain string", () => {
    expect(check(`ex:o a schema:Organization ; schema:foundingDate "1992" .`)).toEqual([
      {
        check: "schema.org vocabulary",
        node: `${EX}o`,
        property: `${S}foundingDate`,
        message: "a literal of a datatype outside the range of schema:foundingDate",
        expected: "Date (xsd:date, xsd:gYear, xsd:gYearMonth, schema:Date)",
        found: '"1992"^^xsd:string',
      },
    ]);
  });

  it("a node without its schema.org superclasses, up to the top-level types: each one missing, once", () => {
    expect(check(`ex:e a schema:ExhibitionEvent ; schema:name "E" .`)).toEqual([
      {
        check: "schema.org vocabulary",
        node: `${EX}e`,
        property: "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
        message: "a superclass of schema:ExhibitionEvent is not stated: every node is typed with its schema.org superclasses up to the top-level types, so that `?x a schema:Event` finds it",
        expected: "rdf:type schema:Event",
        found: "a node of type schema:ExhibitionEvent",
      },
    ]);
    expect(check(`ex:t a schema:City, schema:Place ; schema:name "T" .`).map((f) => f.expected)).toEqual(["rdf:type schema:AdministrativeArea"]);
    // schema:Thing, above the top-level types, is not asked for.
    expect(check(`ex:t a schema:City, schema:AdministrativeArea, schema:Place ; schema:name "T" .`)).toEqual([]);
  });

  it("a literal whose text is not a value of its datatype", () => {
    expect(check(`ex:o a schema:Organization ; schema:foundingDate "1992-02-30"^^schema:Date .`)).toMatchObject([
      { property: `${S}foundingDate`, message: "not a valid schema:Date value", expected: "an ISO 8601 date YYYY, YYYY-MM or YYYY-MM-DD", found: '"1992-02-30"^^schema:Date' },
    ]);
    expect(check(`ex:q a schema:QuantitativeValue, schema:StructuredValue, schema:Intangible ; schema:value "twelve"^^xsd:integer .`)).toMatchObject([{ message: "not a valid xsd:integer value", expected: "an integer" }]);
  });

  it("text given where schema.org expects a thing", () => {
    expect(check(`ex:t a schema:City, schema:AdministrativeArea, schema:Place ; schema:containedInPlace "Ontario"@en .`)).toEqual([
      {
        check: "schema.org vocabulary",
        node: `${EX}t`,
        property: `${S}containedInPlace`,
        message: "text given where schema.org expects a thing: schema:containedInPlace takes a node",
        expected: "a node of type schema:Place",
        found: '"Ontario"@en',
      },
    ]);
  });

  it("a URL given as text", () => {
    expect(check(`ex:o a schema:Organization ; schema:url "https://ifex.org/" .`)).toMatchObject([{ message: "a literal of a datatype outside the range of schema:url", expected: "URL (xsd:anyURI, schema:URL)" }]);
  });

  it("a node of a type outside the range", () => {
    expect(check(`ex:p a schema:Person ; schema:nationality ex:o . ex:o a schema:Organization .`)).toMatchObject([
      { node: `${EX}p`, property: `${S}nationality`, message: "the value of schema:nationality is a node of a type outside its range (it is a schema:Organization)", expected: "a node of type schema:Country", found: "test:o" },
    ]);
  });

  it("a node with no type where schema.org expects a thing, and a node where it expects a literal", () => {
    const findings = check(`ex:o a schema:Organization ; schema:location ex:nowhere ; schema:name ex:n . ex:n a schema:Thing .`);
    expect(findings.map((f) => [f.property, f.message])).toEqual([
      [`${S}location`, "the value of schema:location is a node with no schema.org type"],
      [`${S}name`, "a node given where schema:name takes a literal"],
    ]);
  });

  it("an enumeration member of another enumeration", () => {
    expect(check(`ex:e a schema:Event ; schema:eventStatus schema:True .`)).toMatchObject([{ message: "the value of schema:eventStatus is a node of a type outside its range (it is a schema:Boolean)", expected: "a node of type schema:EventStatusType" }]);
  });

  it("reads its input from the committed artifact too", () => {
    const turtle = ifexFile("ifex.ttl").replace('schema:foundingDate "1992"^^xsd:gYear', 'schema:foundingDate "1992"^^xsd:string');
    expect(checkVocabulary(new N3.Parser().parse(turtle), vocabulary)).toMatchObject([{ node: "https://org-articles.example/ifex#ifex", property: `${S}foundingDate` }]);
  });
});
