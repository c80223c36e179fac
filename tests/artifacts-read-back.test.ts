// Every artifact, read back by a reader other than the writer that wrote it, holds every fact of
// the model and nothing else.

import Papa from "papaparse";
import * as rdflib from "rdflib";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, unguardFormula } from "../scripts/writers/csv.ts";
import { SCHEMA } from "../scripts/graph/namespaces.ts";
import { graphKeys, jsonLdKeys, tripleKey } from "./rdf-helpers.ts";
import { ifexFile } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const dist = ifexFile;

describe("the graph holds the model's facts", () => {
  const { model, iris, graph } = ifex();
  // Its places and topics are the corpus's shared entities (graph/shared.ts): named as the corpus names them.
  const objects = (subjectId: string, property: string) => graph.statements.filter((s) => s.subject === iris.ref(subjectId) && s.predicate === SCHEMA + property).map((s) => s.object.value);
  const sharedName = (id: string) => iris.shared.get(iris.redirects.get(id)!)!.name;
  const sharedIri = (id: string) => iris.iris.sharedIri(id);

  it("names every entity of the model, each once", () => {
    const entities = [...model.organizations, ...model.people, ...model.places, ...model.events, ...model.works, ...model.topics];
    expect(entities.length).toBeGreaterThan(30);
    for (const e of entities) expect(objects(e.id, "name")).toEqual([iris.redirects.has(e.id) ? sharedName(e.id) : e.name]);
  });

  it("dates every event and the organization at the article's precision", () => {
    expect(objects("ifex", "foundingDate")).toEqual(["1992"]);
    for (const e of model.events) {
      expect(objects(e.id, "startDate")).toEqual(e.startDate ? [e.startDate] : []);
      expect(objects(e.id, "endDate")).toEqual(e.endDate ? [e.endDate] : []);
    }
    expect(objects("tunisia-monitoring-group", "endDate")).toEqual(["2013-01"]);
    expect(objects("faces-of-free-expression-exhibit", "startDate")).toEqual(["2021-05-03"]);
  });

  it("places form a hierarchy from city to country", () => {
    expect(objects("toronto", "containedInPlace")).toEqual([sharedIri("ontario")]);
    expect(objects("ontario", "containedInPlace")).toEqual([sharedIri("canada")]);
    expect(objects("montreal", "containedInPlace")).toEqual([sharedIri("quebec")]);
    // One node per place of the corpus, its ISO code and its Wikidata item (source/corpus.yaml).
    expect(objects("canada", "addressCountry")).toEqual(["CA"]);
    expect(objects("toronto", "sameAs")).toEqual(["http://www.wikidata.org/entity/Q172", "https://sws.geonames.org/6167865/"]);
  });

  it("has no blank nodes and no subject without a type", () => {
    const subjects = new Set(graph.statements.map((s) => s.subject));
    for (const subject of subjects) {
      expect(subject).toMatch(/^https:\/\//);
      expect(graph.statements.some((s) => s.subject === subject && s.predicate.endsWith("#type"))).toBe(true);
    }
  });
});

describe("Turtle, read by rdflib (written by N3.js)", () => {
  it("is exactly the graph", () => {
    const store = rdflib.graph();
    rdflib.parse(dist("ifex.ttl"), store, "https://org-articles.example/ifex", "text/turtle");
    const keys = store.statements.map((s) => tripleKey(s.subject, s.predicate, s.object as never)).sort();
    expect(keys).toEqual(graphKeys(ifex().graph));
  });
});

describe("JSON-LD, read by jsonld.js with the shipped schema.org context", () => {
  it("declares the schema.org context and is exactly the graph", async () => {
    const document = JSON.parse(dist("ifex.jsonld"));
    expect(document["@context"][0]).toBe("https://schema.org");
    expect(await jsonLdKeys(document)).toEqual(graphKeys(ifex().graph));
  });

  it("makes IFEX a schema.org NGO, and so an Organization, founded in the year 1992", () => {
    const document = JSON.parse(dist("ifex.jsonld"));
    expect(document["@graph"][0]).toMatchObject({ "@type": ["NGO", "Organization"], name: "IFEX", foundingDate: { "@value": "1992", "@type": "xsd:gYear" }, url: "https://ifex.org/" });
  });
});

describe("CSV, read by papaparse", () => {
  const text = dist("ifex.csv");
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });

  it("is UTF-8 with a BOM, CRLF rows and the documented header", () => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  });

  it("has one row per fact of the graph, nothing more", () => {
    const keys = parsed.data
      .map((row) => {
        const cell = (name: string) => unguardFormula(row[name]!);
        const object = cell("value_iri")
          ? { termType: "NamedNode", value: cell("value_iri") }
          : { termType: "Literal", value: cell("value"), language: cell("language"), datatype: { value: cell("datatype_iri") } };
        return tripleKey({ termType: "NamedNode", value: cell("entity_iri") }, { termType: "NamedNode", value: cell("property_iri") }, object);
      })
      .sort();
    expect(keys).toEqual(graphKeys(ifex().graph));
  });

  it("says in plain words which entity, which property and where from", () => {
    const row = parsed.data.find((r) => r.entity_id === "tunisia-monitoring-group" && r.property === "end date")!;
    expect(row).toMatchObject({ entity_name: "Tunisia Monitoring Group", value: "2013-01", value_type: "date (month)", section: "Campaigns and advocacy" });
    const founded = parsed.data.find((r) => r.entity_id === "ifex" && r.property === "founding place")!;
    expect(founded).toMatchObject({ value: "Montreal", value_type: "reference to City", section: "History" });
  });

  it("has no cell a spreadsheet would run as a formula", () => {
    for (const row of parsed.data) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe("infobox JSON", () => {
  const infobox = JSON.parse(dist("ifex.infobox.json"));

  it("has the article's nine fields in order, with labels and values as written", () => {
    expect(infobox.title).toBe("IFEX");
    expect(infobox.fields.map((f: { label: string }) => f.label)).toEqual(["Type", "Founded Date", "Location", "Area Served", "Focus", "Method", "Num Members", "Former Name", "Homepage"]);
    expect(infobox.fields.map((f: { value: string }) => f.value)).toEqual(ifex().model.infobox.fields.map((f) => f.value));
  });

  it("normalizes a year to a number, a count to an integer, a URL, and a place into its parts", () => {
    const byLabel = (label: string) => infobox.fields.find((f: { label: string }) => f.label === label).normalized;
    expect(byLabel("Founded Date")).toEqual({ type: "date", iso: "1992", year: 1992, precision: "year" });
    expect(byLabel("Num Members")).toEqual({ type: "count", count: 120, unit: "independent organizations worldwide" });
    expect(byLabel("Homepage")).toEqual({ type: "url", url: "https://ifex.org/", host: "ifex.org" });
    expect(byLabel("Location")).toMatchObject({ type: "place", name: "Toronto", city: "Toronto", region: "Ontario", country: "Canada" });
    expect(byLabel("Location").parts.map((p: { type: string }) => p.type)).toEqual(["City", "State", "Country"]);
  });
});
