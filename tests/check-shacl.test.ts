// The SHACL shapes (schemas/article.shapes.ttl): the export conforms, and each shape rejects a graph
// that breaks it, saying which node, which property and what is expected.

import N3 from "n3";
import { describe, expect, it } from "vitest";
import { checkShapes } from "../scripts/check/shacl.ts";
import type { TripleLike } from "../scripts/check/vocabulary-check.ts";
import { schemaOrgVocabulary } from "../scripts/vocabulary/schemaorg-vocabulary.ts";
import { ifexFile } from "./helpers.ts";

const { namedNode, literal, quad } = N3.DataFactory;
const vocabulary = schemaOrgVocabulary();
const I = "https://org-articles.example/ifex#";
/** The corpus's shared entities (graph/shared.ts): IFEX's places are Toronto, Canada… of the whole corpus. */
const C = "https://org-articles.example/corpus#";
const S = "http://schema.org/";
const OA = "https://org-articles.example/vocab#";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const ARTICLE = `${I}article`;
const exported = new N3.Parser().parse(ifexFile("ifex.ttl"));

/** The exported graph without the statements of `subject` (and `predicate`, when given). */
const without = (triples: readonly N3.Quad[], subject: string, predicate?: string) =>
  triples.filter((t) => !(t.subject.value === subject && (predicate === undefined || t.predicate.value === predicate)));
/** The exported graph with one statement's object replaced. */
const replacing = (subject: string, predicate: string, object: N3.Quad_Object) => [...without(exported, subject, predicate), quad(namedNode(subject), namedNode(predicate), object)];
const XSD = "http://www.w3.org/2001/XMLSchema#";
/** A date typed as the export types it: xsd:gYear, xsd:gYearMonth or xsd:date by its precision. */
const date = (value: string) => literal(value, namedNode(XSD + (value.length === 4 ? "gYear" : value.length === 7 ? "gYearMonth" : "date")));

async function findings(triples: readonly TripleLike[]) {
  return checkShapes(triples, vocabulary, ARTICLE);
}

describe("the export", () => {
  it("conforms to every shape", async () => {
    expect(await findings(exported)).toEqual([]);
  });

  it("has a recurring event with a schedule and no start date, which the shapes accept", () => {
    const scheduled = exported.filter((t) => t.predicate.value === `${S}eventSchedule`).map((t) => t.subject.value);
    expect(scheduled).toEqual([`${I}international-day-to-end-impunity`]);
    expect(exported.some((t) => t.subject.value === scheduled[0] && t.predicate.value === `${S}startDate`)).toBe(false);
  });
});

describe("a graph checked again (the same graph from another artifact)", () => {
  it("gets the findings of the first check, and a graph that differs in one value gets its own", async () => {
    const broken = replacing(`${I}ifex`, `${S}foundingDate`, date("1992-13"));
    const first = await findings(broken);
    expect(first.length).toBeGreaterThan(0);
    // The same statements in another order, one of them twice: the same graph.
    const again = await findings([...broken].reverse().concat(broken[0]!));
    expect(again).toEqual(first);
    // Findings handed out are copies: changing one changes nothing for the next check.
    again[0]!.message = "changed";
    expect(await findings(broken)).toEqual(first);
    // One value differs: validated again, with the findings of that graph.
    expect(await findings(replacing(`${I}ifex`, `${S}foundingDate`, date("1992")))).toEqual([]);
    expect(await findings(exported)).toEqual([]);
    // Another article node to validate is another question.
    expect(await checkShapes(broken, vocabulary, `${I}no-such-article`)).not.toEqual(first);
  });
});

interface BrokenCase {
  shape: string;
  breaks: string;
  graph: () => TripleLike[];
  expected: { node: string; property?: string; message: RegExp; found?: string };
}

const cases: BrokenCase[] = [
  {
    shape: "shape:Country",
    breaks: "a country has no ISO 3166-1 code",
    graph: () => without(exported, `${C}canada`, `${S}addressCountry`),
    expected: { node: `${C}canada`, property: `${S}addressCountry`, message: /ISO 3166-1 alpha-2 code/ },
  },
  {
    shape: "shape:Country",
    breaks: "a country's code is its name",
    graph: () => replacing(`${C}canada`, `${S}addressCountry`, literal("Canada")),
    expected: { node: `${C}canada`, property: `${S}addressCountry`, message: /ISO 3166-1 alpha-2 code/, found: '"Canada"^^xsd:string' },
  },
  {
    shape: "shape:PostalAddress",
    breaks: "a postal address has no country",
    graph: () => without(exported, `${I}ifex.address`, `${S}addressCountry`),
    expected: { node: `${I}ifex.address`, property: `${S}addressCountry`, message: /postal address has exactly one country/ },
  },
  {
    shape: "shape:Language",
    breaks: "a language has no ISO 639 code",
    graph: () => without(exported, `${C}french`, `${S}identifier`),
    expected: { node: `${C}french`, property: `${S}identifier`, message: /ISO 639 code/ },
  },
  {
    shape: "shape:SameAs",
    breaks: "a sameAs names no known authority",
    graph: () => [...exported, quad(namedNode(`${C}canada`), namedNode(`${S}sameAs`), namedNode("https://example.com/canada"))],
    expected: { node: "https://example.com/canada", message: /Wikidata item/ },
  },
  {
    shape: "shape:Article",
    breaks: "the graph has no article node",
    graph: () => without(exported, ARTICLE),
    expected: { node: ARTICLE, property: RDF_TYPE, message: /article node is missing/ },
  },
  {
    shape: "shape:Article",
    breaks: "the article has no language",
    graph: () => without(exported, ARTICLE, `${S}inLanguage`),
    expected: { node: ARTICLE, property: `${S}inLanguage`, message: /exactly one language/ },
  },
  {
    shape: "shape:Article / shape:SubjectOrganization",
    breaks: "the organization has no type",
    graph: () => exported.filter((t) => !(t.subject.value === `${I}ifex` && t.predicate.value === RDF_TYPE)),
    expected: { node: ARTICLE, property: `${S}about`, message: /about exactly one organization/, found: "ifex:ifex" },
  },
  {
    shape: "shape:SubjectOrganization",
    // A founding date is no longer required (real infoboxes lack one); two homepages still break it.
    breaks: "the organization has two homepages",
    graph: () => [...exported, quad(namedNode(`${I}ifex`), namedNode(`${S}url`), namedNode("https://example.org/other"))],
    expected: { node: ARTICLE, property: `${S}about`, message: /about exactly one organization/ },
  },
  {
    shape: "shape:Named",
    breaks: "the organization has no name",
    graph: () => without(exported, `${I}ifex`, `${S}name`),
    expected: { node: `${I}ifex`, property: `${S}name`, message: /needs exactly one name/ },
  },
  {
    shape: "shape:Organization / shape:Date",
    breaks: "the founding date is a plain string",
    graph: () => replacing(`${I}ifex`, `${S}foundingDate`, literal("1992")),
    expected: { node: `${I}ifex`, property: `${S}foundingDate`, message: /founding date .* typed xsd:gYear, xsd:gYearMonth or xsd:date/, found: '"1992"^^xsd:string' },
  },
  {
    shape: "shape:Organization / shape:Date",
    breaks: "the founding date is typed schema:Date, which SPARQL stores cannot compare",
    graph: () => replacing(`${I}ifex`, `${S}foundingDate`, literal("1992", namedNode(`${S}Date`))),
    expected: { node: `${I}ifex`, property: `${S}foundingDate`, message: /typed xsd:gYear/, found: '"1992"^^schema:Date' },
  },
  {
    shape: "shape:Organization / shape:Date",
    breaks: "the founding date's type is not its precision's",
    graph: () => replacing(`${I}ifex`, `${S}foundingDate`, literal("1992-05", namedNode(`${XSD}gYear`))),
    expected: { node: `${I}ifex`, property: `${S}foundingDate`, message: /typed xsd:gYear/ },
  },
  {
    shape: "shape:Organization / shape:Date",
    breaks: "the founding date is not an ISO 8601 date",
    graph: () => replacing(`${I}ifex`, `${S}foundingDate`, date("'92")),
    expected: { node: `${I}ifex`, property: `${S}foundingDate`, message: /ISO 8601/ },
  },
  {
    shape: "shape:Named",
    breaks: "an event has no name",
    graph: () => without(exported, `${I}founding-meeting`, `${S}name`),
    expected: { node: `${I}founding-meeting`, property: `${S}name`, message: /needs exactly one name/ },
  },
  {
    shape: "shape:EventDated",
    breaks: "an event has neither a start date nor a schedule",
    graph: () => without(exported, `${I}founding-meeting`, `${S}startDate`),
    expected: { node: `${I}founding-meeting`, message: /needs a start date .* or a schedule/ },
  },
  {
    shape: "shape:Event",
    breaks: "an event ends before it starts",
    graph: () => replacing(`${I}tunisia-monitoring-group`, `${S}endDate`, date("2003")),
    expected: { node: `${I}tunisia-monitoring-group`, property: `${S}startDate`, message: /end date .* is before the start date/, found: '"2004"^^xsd:gYear' },
  },
  {
    shape: "shape:Event",
    breaks: "an event has two start dates",
    graph: () => [...exported, quad(namedNode(`${I}founding-meeting`), namedNode(`${S}startDate`), date("1993"))],
    expected: { node: `${I}founding-meeting`, property: `${S}startDate`, message: /one ISO 8601 date/ },
  },
  {
    shape: "shape:Schedule",
    breaks: "a schedule has no repeat frequency",
    graph: () => without(exported, `${I}international-day-to-end-impunity.schedule`, `${S}repeatFrequency`),
    expected: { node: `${I}international-day-to-end-impunity.schedule`, property: `${S}repeatFrequency`, message: /repeat frequency/ },
  },
  {
    shape: "shape:Named",
    breaks: "a place has no name",
    graph: () => without(exported, `${C}toronto`, `${S}name`),
    expected: { node: `${C}toronto`, property: `${S}name`, message: /needs exactly one name/ },
  },
  {
    shape: "shape:Place",
    breaks: "a place is contained in a text",
    graph: () => replacing(`${C}toronto`, `${S}containedInPlace`, literal("Ontario", "en")),
    expected: { node: `${C}toronto`, property: `${S}containedInPlace`, message: /schema:Place of the graph/, found: '"Ontario"@en' },
  },
  {
    shape: "shape:Person",
    breaks: "a person works for a place",
    graph: () => replacing(`${I}rachael-kay`, `${S}worksFor`, namedNode(`${C}toronto`)),
    expected: { node: `${I}rachael-kay`, property: `${S}worksFor`, message: /schema:Organization of the graph/, found: "corpus:toronto" },
  },
  {
    shape: "shape:Event / shape:Agent",
    breaks: "an event's organizer is a node the graph does not describe",
    graph: () => replacing(`${I}founding-meeting`, `${S}organizer`, namedNode(`${I}nobody`)),
    expected: { node: `${I}founding-meeting`, property: `${S}organizer`, message: /organizer .* schema:Organization or schema:Person/ },
  },
  {
    shape: "shape:CreativeWork / shape:LanguageTag",
    breaks: "a work's language is a name, not a tag",
    graph: () => [...exported, quad(namedNode(`${I}ifex-website`), namedNode(`${S}inLanguage`), literal("English"))],
    expected: { node: `${I}ifex-website`, property: `${S}inLanguage`, message: /BCP 47/, found: '"English"^^xsd:string' },
  },
  {
    shape: "shape:QuantitativeValue",
    breaks: "a count has no number",
    graph: () => without(exported, `${I}tunisia-monitoring-group.participants`, `${S}value`),
    expected: { node: `${I}tunisia-monitoring-group.participants`, message: /needs its number/ },
  },
  {
    shape: "shape:QuantitativeValue",
    breaks: "a count is negative",
    graph: () => replacing(`${I}tunisia-monitoring-group.participants`, `${S}value`, literal("-21", namedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    expected: { node: `${I}tunisia-monitoring-group.participants`, property: `${S}value`, message: /not negative/ },
  },
  {
    shape: "shape:Milestone",
    breaks: "a milestone has no date",
    graph: () => without(exported, `${I}strategic-campaigns`, `${OA}endDate`),
    expected: { node: `${I}strategic-campaigns`, message: /milestone needs a date/ },
  },
  {
    shape: "shape:Milestone",
    breaks: "a milestone ends before it starts",
    graph: () => replacing(`${I}consolidation`, `${OA}endDate`, literal("1990", namedNode("http://www.w3.org/2001/XMLSchema#gYear"))),
    expected: { node: `${I}consolidation`, property: `${OA}startDate`, message: /before its start/ },
  },
  {
    shape: "shape:DescribedNodeIri / shape:Iri",
    breaks: "a node's IRI has a space in it",
    graph: () => [...exported, quad(namedNode(`${I}bad place`), namedNode(RDF_TYPE), namedNode(`${S}Place`)), quad(namedNode(`${I}bad place`), namedNode(`${S}name`), literal("Bad", "en"))],
    expected: { node: `${I}bad place`, message: /not a well-formed absolute IRI/ },
  },
  {
    shape: "shape:LinkIri / shape:Iri",
    breaks: "a homepage is an IRI with a broken percent-escape",
    graph: () => replacing(`${I}ifex`, `${S}url`, namedNode("https://ifex.org/%zz")),
    expected: { node: "https://ifex.org/%zz", message: /not a well-formed absolute IRI/ },
  },
  {
    shape: "shape:LinkIri / shape:Iri",
    breaks: "a homepage is an http IRI without a host",
    graph: () => replacing(`${I}ifex`, `${S}url`, namedNode("https:ifex.org")),
    expected: { node: "https:ifex.org", message: /not a well-formed absolute IRI/ },
  },
];

describe("each shape rejects a graph that breaks it", () => {
  for (const c of cases) {
    it(`${c.shape}: ${c.breaks}`, async () => {
      const found = await findings(c.graph());
      const { message, ...where } = c.expected;
      expect(found).toContainEqual(expect.objectContaining({ check: "SHACL", ...where, message: expect.stringMatching(message), expected: expect.stringMatching(/^sh:/) }));
    });
  }
});
