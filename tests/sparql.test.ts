// A reader's questions about the article, asked of a real SPARQL store, Oxigraph (embedded, from
// npm): each question a tests/sparql/NN-name.rq whose first line says the question and where the
// article answers it, and whose expected answer is NN-name.tsv beside it (SPARQL 1.1 TSV results,
// as Oxigraph writes them; "true"/"false" for ASK). The answers come from the article's facts
// (tests/fixtures/ifex/ifex.yaml), checked by hand when the question was written. They are asked of
// IFEX's own ifex.ttl (tests/helpers.ts ifexDist); the Turtle of IFEX's export and of IFEX with the
// shared articles imported (tests/shared-articles.ts) is checked here too, and the documentation's
// queries run over it (readme-sparql.test.ts).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { answer, ifexQuestions, storeOf, turtleFiles } from "./corpus-checks.ts";
import { ifexDist, ROOT } from "./helpers.ts";
import { importedCorpusOut, sharedArticlesMissing } from "./shared-articles.ts";
import { oxigraphEngine, rdflibEngine, resultRows } from "./sparql-engines.ts";

const QUESTIONS = join(ROOT, "tests/sparql");
// Every Turtle file of IFEX's export, and of IFEX's and the shared articles' when ../shared is there.
const TURTLE_FILES = [...turtleFiles(ifexDist()), ...(sharedArticlesMissing ? [] : turtleFiles(importedCorpusOut()))];
const questions = ifexQuestions();

describe("the exports' *.ttl in Oxigraph", () => {
  it("loads every Turtle artifact", () => {
    expect(TURTLE_FILES.length).toBeGreaterThanOrEqual(1);
    const store = storeOf(TURTLE_FILES);
    expect(store.size).toBeGreaterThan(200);
  });

  it("gains no triple when the same file is loaded twice (every node has an IRI, no blank nodes)", () => {
    for (const file of TURTLE_FILES) {
      const store = storeOf([file]);
      const once = store.size;
      expect(once).toBeGreaterThan(0);
      store.load(readFileSync(file, "utf8"), { format: "text/turtle", base_iri: `file://${file}` });
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

describe("a reader's questions, answered by SPARQL over ifex.ttl", () => {
  const store = storeOf([join(ifexDist(), "ifex.ttl")]);

  it("has at least fifteen questions, each with its expected answer and its question in words", () => {
    expect(questions.length).toBeGreaterThanOrEqual(15);
    for (const { name, query } of questions) {
      expect(query, name).toMatch(/^# .+\?/);
      expect(readdirSync(QUESTIONS), name).toContain(name.replace(/\.rq$/, ".tsv"));
    }
  });

  for (const { name, question, query, expected } of questions) {
    it(`${name}: ${question}`, () => {
      const rows = expected.trimEnd().split("\n").length - 1;
      // More than one row: the order must be fixed by the query, not by the store.
      if (rows > 1) expect(query, `${name} returns ${rows} rows: it needs ORDER BY`).toMatch(/ORDER BY/i);
      expect(answer(store, query)).toBe(expected);
    });
  }
});

// The same questions in Python's rdflib (tests/sparql-engines.ts; skipped, saying why, without it),
// all in one Python process: the same answers as Oxigraph's. (Jena's command line starts Java for
// each query: the documentation's queries run there, readme-sparql.test.ts.)
if (rdflibEngine.missing) console.warn(`tests/sparql.test.ts: rdflib skipped: ${rdflibEngine.missing}`);
describe.skipIf(rdflibEngine.missing !== undefined)(`a reader's questions in Python rdflib${rdflibEngine.missing ? ` (skipped: ${rdflibEngine.missing})` : ""}`, () => {
  it("get Oxigraph's answers, dates of every precision included", () => {
    const files = [join(ifexDist(), "ifex.ttl")];
    const texts = questions.map((q) => q.query);
    const [mine, oxigraph] = [rdflibEngine.selectAll(files, texts), oxigraphEngine.selectAll(files, texts)];
    questions.forEach(({ name, query }, i) => {
      const ordered = /ORDER BY/i.test(query);
      expect(resultRows(mine[i]!, ordered), name).toEqual(resultRows(oxigraph[i]!, ordered));
    });
  });
});
