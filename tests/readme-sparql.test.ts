// Every SPARQL query the documentation shows (```sparql blocks of README.md and docs/*.md) runs in
// Oxigraph, an embedded SPARQL store, over the Turtle of dist/: it parses, it finds something, and
// every variable it selects is bound in every row (a YEAR() of a date a store cannot read, or a
// comparison that matches nothing, would show here). Against IFEX's own Turtle, a query for
// `?e a schema:Event` with a start date gets every dated event of the article, whatever its kind.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { ifex, ROOT } from "./helpers.ts";

const DIST = join(ROOT, "dist");
const DOCS = [join(ROOT, "README.md"), ...(existsSync(join(ROOT, "docs")) ? readdirSync(join(ROOT, "docs")).filter((n) => n.endsWith(".md")).sort().map((n) => join(ROOT, "docs", n)) : [])];

/** The ```sparql blocks of a Markdown text, indented or not, with the line each starts at. */
export function sparqlBlocks(markdown: string): { line: number; query: string }[] {
  const blocks: { line: number; query: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```sparql\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    blocks.push({ line: i + 1, query: body.join("\n") });
    i = j;
  }
  return blocks;
}

function store(files: readonly string[]): oxigraph.Store {
  const s = new oxigraph.Store();
  for (const file of files) s.load(readFileSync(file, "utf8"), { format: "text/turtle", base_iri: `file://${file}` });
  return s;
}

interface Results {
  head: { vars: string[] };
  results: { bindings: Record<string, { value: string; type: string; datatype?: string }>[] };
}

function select(s: oxigraph.Store, query: string): Results {
  return JSON.parse(String(s.query(query, { results_format: "application/sparql-results+json" }))) as Results;
}

const queries = DOCS.flatMap((file) => sparqlBlocks(readFileSync(file, "utf8")).map((b) => ({ ...b, where: `${file.slice(ROOT.length + 1)}:${b.line}` })));
const everyTurtle = readdirSync(DIST).filter((n) => n.endsWith(".ttl")).map((n) => join(DIST, n));
const ifexTurtle = join(DIST, "ifex.ttl");

describe("the SPARQL queries the documentation shows", () => {
  it("finds the blocks, indented in a list or not (the extraction can fail)", () => {
    expect(sparqlBlocks("a\n  ```sparql\n  SELECT 1\n  ```\n```sparql\nASK {}\n```\n")).toEqual([
      { line: 2, query: "SELECT 1" },
      { line: 5, query: "ASK {}" },
    ]);
    expect(queries.length).toBeGreaterThanOrEqual(2);
  });

  it("would see an unbound YEAR() of a schema:Date literal (the check can fail)", () => {
    const s = new oxigraph.Store();
    s.load('<https://x.example/e> <http://schema.org/startDate> "1992"^^<http://schema.org/Date> .', { format: "text/turtle" });
    const { results } = select(s, "SELECT ?d (YEAR(?d) AS ?y) WHERE { ?e <http://schema.org/startDate> ?d }");
    expect(results.bindings[0]!.y).toBeUndefined();
  });

  const all = store(everyTurtle);
  for (const { where, query } of queries) {
    it(`${where}: runs over every dist/*.ttl, finds rows, binds every variable it selects`, () => {
      const { head, results } = select(all, query);
      expect(results.bindings.length, where).toBeGreaterThan(0);
      for (const row of results.bindings) for (const name of head.vars) expect(row[name], `${where}: ?${name} unbound`).toBeDefined();
    });
  }

  it.skipIf(!existsSync(ifexTurtle))("over IFEX's own Turtle, each query finds rows, and the query for ?e a schema:Event gets every dated event", () => {
    const own = store([ifexTurtle]);
    const { model } = ifex();
    const dated = model.events.filter((e) => e.startDate).map((e) => e.name).sort();
    expect(model.events.some((e) => e.type === "ExhibitionEvent" && e.startDate)).toBe(true);
    let eventQueries = 0;
    for (const { where, query } of queries) {
      const { results } = select(own, query);
      expect(results.bindings.length, where).toBeGreaterThan(0);
      if (/\?e\s+a\s+schema:Event\b/.test(query) && /schema:startDate/.test(query) && !/FILTER/i.test(query)) {
        eventQueries++;
        expect(results.bindings.map((row) => row.name!.value).sort(), where).toEqual(dated);
      }
    }
    expect(eventQueries, "a documented query lists every event").toBeGreaterThan(0);
  });
});
