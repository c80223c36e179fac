// Every SPARQL query the documentation shows (```sparql blocks of README.md and docs/*.md) runs in
// Oxigraph, an embedded SPARQL store, over the Turtle of an export of IFEX and the shared articles
// (tests/shared-articles.ts; IFEX's alone without ../shared): it parses, finds something, and binds
// every variable it selects in every row (a YEAR() of a date a store cannot read, or a comparison
// that matches nothing, would show here). Over IFEX's own Turtle, the query for `?e a schema:Event`
// gets every dated event of the article, whatever its kind.
//
// The same queries run in the other stores people use, Apache Jena and Python's rdflib
// (tests/sparql-engines.ts; each skipped, saying why, when not installed), and must give Oxigraph's
// answer there; and a founding year is asked of each store, the answer checked against the dates
// of the graph as N3.js reads them: the dates are xsd:gYear, xsd:gYearMonth or xsd:date by their
// precision, which the stores do not all read alike (rdflib's YEAR() gives nothing for an xsd:gYear).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import N3 from "n3";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { documentedQueries, expectRowsAllBound, isEventListing, select, sparqlBlocks, storeOf, turtleFiles, type SelectResults } from "./corpus-checks.ts";
import { ifexDist } from "./helpers.ts";
import { ifex } from "./ifex.ts";
import { importedCorpusOut, sharedArticlesMissing } from "./shared-articles.ts";
import { jenaEngine, oxigraphEngine, rdflibEngine, resultRows } from "./sparql-engines.ts";

const DIST = sharedArticlesMissing ? ifexDist() : importedCorpusOut();
const queries = documentedQueries();
const ifexTurtle = join(ifexDist(), "ifex.ttl");

describe("the SPARQL queries the documentation shows", () => {
  it("are found, indented in a list or not (the extraction can fail)", () => {
    expect(sparqlBlocks("a\n  ```sparql\n  SELECT 1\n  ```\n```sparql\nASK {}\n```\n")).toEqual([
      { line: 2, query: "SELECT 1" },
      { line: 5, query: "ASK {}" },
    ]);
    expect(queries.length).toBeGreaterThanOrEqual(2);
    expect(queries.filter((q) => isEventListing(q.query)).length, "a documented query lists every event").toBeGreaterThan(0);
  });

  it("would see an unbound YEAR() of a schema:Date literal (the check can fail)", () => {
    const s = new oxigraph.Store();
    s.load('<https://x.example/e> <http://schema.org/startDate> "1992"^^<http://schema.org/Date> .', { format: "text/turtle" });
    expect(select(s, "SELECT ?d (YEAR(?d) AS ?y) WHERE { ?e <http://schema.org/startDate> ?d }").results.bindings[0]!.y).toBeUndefined();
    expect(() => expectRowsAllBound(s, "SELECT ?d (YEAR(?d) AS ?y) WHERE { ?e <http://schema.org/startDate> ?d }", "test")).toThrow(/\?y unbound/);
  });

  const all = storeOf(turtleFiles(DIST));
  for (const { where, query } of queries) {
    it(`${where}: runs over every *.ttl of the export, finds rows, binds every variable it selects`, () => {
      expectRowsAllBound(all, query, where);
    });
  }

  it("over IFEX's own Turtle, each finds rows, and the event listing gets every dated event, the exhibition too", () => {
    const own = storeOf([ifexTurtle]);
    const { model } = ifex();
    const dated = model.events.filter((e) => e.startDate).map((e) => e.name).sort();
    expect(model.events.some((e) => e.type === "ExhibitionEvent" && e.startDate)).toBe(true);
    for (const { where, query } of queries) {
      const { results } = expectRowsAllBound(own, query, where);
      if (isEventListing(query)) expect(results.bindings.map((row) => row.name!.value).sort(), where).toEqual(dated);
    }
  });
});

const S = "http://schema.org/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

/** The README's question of a founding year: organizations founded before `year`, dates of any precision. */
function foundedBefore(year: number): string {
  return [
    "PREFIX schema: <http://schema.org/>",
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>",
    "SELECT ?name ?founded WHERE {",
    "  ?o a schema:Organization ; schema:name ?name ; schema:foundingDate ?founded .",
    `  FILTER (xsd:integer(SUBSTR(STR(?founded), 1, 4)) < ${year})`,
    "} ORDER BY STR(?founded) ?name",
  ].join("\n");
}

/** Every organization's name and founding date in the files, as N3.js reads them: "date name" lines. */
function foundingDates(files: readonly string[]): { date: string; name: string }[] {
  const organizations = new Set<string>();
  const names = new Map<string, Set<string>>();
  const dates = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => map.set(key, (map.get(key) ?? new Set()).add(value));
  for (const file of files) {
    for (const quad of new N3.Parser({ format: "text/turtle" }).parse(readFileSync(file, "utf8"))) {
      const subject = quad.subject.value;
      if (quad.predicate.value === RDF_TYPE && quad.object.value === `${S}Organization`) organizations.add(subject);
      if (quad.predicate.value === `${S}name`) add(names, subject, quad.object.value);
      if (quad.predicate.value === `${S}foundingDate`) add(dates, subject, quad.object.value);
    }
  }
  const rows = new Set<string>();
  for (const org of organizations) for (const date of dates.get(org) ?? []) for (const name of names.get(org) ?? []) rows.add(JSON.stringify({ date, name }));
  return [...rows].map((row) => JSON.parse(row) as { date: string; name: string });
}

/** Whether a query fixes the order of its rows (then the stores must give them in that order). */
const ordered = (query: string) => /ORDER BY/i.test(query);

/** A result's rows as "date name" of ?founded and ?name, in the order given. */
const datedNames = (results: SelectResults) => results.results.bindings.map((row) => `${row.founded?.value} ${row.name?.value}`);

describe("the comparison of the stores' answers (it can fail)", () => {
  type Term = { type: string; value: string; datatype?: string; "xml:lang"?: string };
  /** A result of ?y, one row per term given (undefined: unbound). */
  const result = (...terms: (Term | undefined)[]): SelectResults => ({ head: { vars: ["y"] }, results: { bindings: terms.map((y): Record<string, Term> => (y ? { y } : {})) } });
  const rows = (...terms: (Term | undefined)[]) => resultRows(result(...terms), true);

  it("tells an unbound variable, another value, datatype or language apart, and takes a plain literal for an xsd:string one", () => {
    const year = { type: "literal", value: "1992", datatype: "http://www.w3.org/2001/XMLSchema#integer" };
    expect(rows(year)).not.toEqual(rows(undefined));
    expect(rows(year)).not.toEqual(rows({ ...year, value: "1993" }));
    expect(rows(year)).not.toEqual(rows({ ...year, datatype: "http://www.w3.org/2001/XMLSchema#gYear" }));
    expect(rows({ type: "literal", value: "IFEX", "xml:lang": "en" })).not.toEqual(rows({ type: "literal", value: "IFEX" }));
    expect(rows({ type: "literal", value: "x", datatype: "http://www.w3.org/2001/XMLSchema#string" })).toEqual(rows({ type: "literal", value: "x" }));
    expect(rows(year, undefined)).not.toEqual(rows(undefined, year));
    expect(resultRows(result(year, undefined), false)).toEqual(resultRows(result(undefined, year), false));
  });
});

// Over IFEX and the shared articles (IFEX alone without ../shared): founding dates of different
// precisions, and events dated to the year, the month and the day.
const FILES = turtleFiles(DIST);
const FOUNDED_BEFORE = 2000;
const foundingQuery = queries.findIndex((q) => q.query === foundedBefore(FOUNDED_BEFORE));

for (const engine of [oxigraphEngine, jenaEngine, rdflibEngine]) {
  if (engine.missing) console.warn(`tests/readme-sparql.test.ts: ${engine.name} skipped: ${engine.missing}`);
  const title = `the documentation's queries in ${engine.name}${engine.missing ? ` (skipped: ${engine.missing})` : ""}`;
  describe.skipIf(engine.missing !== undefined)(title, () => {
    // Every documented query, run once per store (Jena starts a Java process for each).
    let answers: SelectResults[] | undefined;
    const answersHere = () => (answers ??= engine.selectAll(FILES, queries.map((q) => q.query)));

    it(`answer which organizations were founded before ${FOUNDED_BEFORE}, dates of every precision, in time order`, () => {
      expect(foundingQuery, "the README's founding-year query").toBeGreaterThanOrEqual(0);
      const expected = foundingDates(FILES).filter((row) => Number(row.date.slice(0, 4)) < FOUNDED_BEFORE);
      const found = datedNames(answersHere()[foundingQuery]!);
      expect([...found].sort()).toEqual(expected.map((row) => `${row.date} ${row.name}`).sort());
      const dates = found.map((row) => row.split(" ")[0]!);
      expect(dates, "in time order").toEqual([...dates].sort());
      // Something to find: IFEX (1992) at least.
      expect(found).toContain("1992 IFEX");
    });

    if (engine !== oxigraphEngine) {
      it("give every documented query Oxigraph's answer", () => {
        const oxigraph = oxigraphEngine.selectAll(FILES, queries.map((q) => q.query));
        queries.forEach(({ where, query }, i) => {
          expect(resultRows(answersHere()[i]!, ordered(query)), where).toEqual(resultRows(oxigraph[i]!, ordered(query)));
        });
      });
    }
  });
}
