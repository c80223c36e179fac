// A reader's questions about the article, asked of a real SPARQL store: every dist/*.ttl loaded into
// Oxigraph (embedded, from npm), each question a tests/sparql/NN-name.rq whose first line says the
// question and where the article answers it, and whose expected answer is NN-name.tsv beside it
// (SPARQL 1.1 TSV results, as Oxigraph writes them; "true"/"false" for ASK). The answers come from
// the article's facts (source/ifex.yaml), checked by hand when the question was written.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

const DIST = join(ROOT, "dist");
const QUESTIONS = join(ROOT, "tests/sparql");
const TURTLE_FILES = readdirSync(DIST).filter((name) => name.endsWith(".ttl")).sort();
const questionFiles = readdirSync(QUESTIONS).filter((name) => name.endsWith(".rq")).sort();

function loadDist(store: oxigraph.Store, name: string): void {
  store.load(readFileSync(join(DIST, name), "utf8"), { format: "text/turtle", base_iri: `file://${join(DIST, name)}` });
}

function storeWithDist(): oxigraph.Store {
  const store = new oxigraph.Store();
  for (const name of TURTLE_FILES) loadDist(store, name);
  return store;
}

/** The answer as TSV text, one final line break, so the expected file can end like any text file. */
function answer(store: oxigraph.Store, query: string): string {
  const result = store.query(query, { results_format: "text/tab-separated-values" });
  return `${String(result).replace(/\n+$/, "")}\n`;
}

describe("dist/*.ttl in Oxigraph", () => {
  it("loads every Turtle artifact", () => {
    expect(TURTLE_FILES.length).toBeGreaterThanOrEqual(1);
    const store = storeWithDist();
    expect(store.size).toBeGreaterThan(200);
  });

  it("gains no triple when the same file is loaded twice (every node has an IRI, no blank nodes)", () => {
    for (const name of TURTLE_FILES) {
      const store = new oxigraph.Store();
      loadDist(store, name);
      const once = store.size;
      expect(once).toBeGreaterThan(0);
      loadDist(store, name);
      expect(store.size).toBe(once);
    }
  });

  it("would gain triples on a second load if the file had blank nodes: the test can fail", () => {
    const store = new oxigraph.Store();
    const withBlankNode = "<https://org-articles.example/x#a> <http://schema.org/location> [ <http://schema.org/name> \"X\" ] .";
    store.load(withBlankNode, { format: "text/turtle" });
    const once = store.size;
    store.load(withBlankNode, { format: "text/turtle" });
    expect(store.size).toBeGreaterThan(once);
  });
});

describe("a reader's questions, answered by SPARQL", () => {
  const store = storeWithDist();

  it("has at least fifteen questions, each with its expected answer and its question in words", () => {
    expect(questionFiles.length).toBeGreaterThanOrEqual(15);
    for (const name of questionFiles) {
      const query = readFileSync(join(QUESTIONS, name), "utf8");
      expect(query, name).toMatch(/^# .+\?/);
      expect(readdirSync(QUESTIONS), name).toContain(name.replace(/\.rq$/, ".tsv"));
    }
  });

  for (const name of questionFiles) {
    const query = readFileSync(join(QUESTIONS, name), "utf8");
    const expected = readFileSync(join(QUESTIONS, name.replace(/\.rq$/, ".tsv")), "utf8");
    const question = query.split("\n")[0]!.replace(/^#\s*/, "");

    it(`${name}: ${question}`, () => {
      const rows = expected.trimEnd().split("\n").length - 1;
      // More than one row: the order must be fixed by the query, not by the store.
      if (rows > 1) expect(query, `${name} returns ${rows} rows: it needs ORDER BY`).toMatch(/ORDER BY/i);
      expect(answer(store, query)).toBe(expected);
    });
  }
});
