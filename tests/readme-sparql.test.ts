// Every SPARQL query the documentation shows (```sparql blocks of README.md and docs/*.md) runs in
// Oxigraph, an embedded SPARQL store, over the Turtle of an export of IFEX and the shared articles
// (tests/shared-articles.ts; IFEX's alone without ../shared): it parses, finds something, and binds
// every variable it selects in every row (a YEAR() of a date a store cannot read, or a comparison
// that matches nothing, would show here). Over IFEX's own Turtle, the query for `?e a schema:Event`
// gets every dated event of the article, whatever its kind.

import { join } from "node:path";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { documentedQueries, expectRowsAllBound, isEventListing, select, sparqlBlocks, storeOf, turtleFiles } from "./corpus-checks.ts";
import { ifexDist } from "./helpers.ts";
import { ifex } from "./ifex.ts";
import { importedCorpusOut, sharedArticlesMissing } from "./shared-articles.ts";

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
