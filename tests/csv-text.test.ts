// The hand-written CSV code (scripts/writers/csv-text.ts, csv.ts, and the combined CSVs of
// corpus/combined-csv.ts) writes byte for byte what papaparse's unparse wrote, and the formula guard's
// fast path decides as its regular expression does: on IFEX, the linked corpus, synthetic and
// generated articles, generated hostile cells, and every UTF-16 unit as a cell's first.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { exportInMemory, type ArticleExport } from "./reference/pipeline.ts";
import { combinedFiles } from "./reference/combined.ts";
import { COMBINED } from "../scripts/writers/combined-files.ts";
import { guardFormula, writeCsv } from "../scripts/writers/csv.ts";
import { csvDocument } from "../scripts/writers/csv-text.ts";
import { writeTurtle } from "../scripts/writers/turtle.ts";
import { writeNTriples } from "../scripts/writers/ntriples.ts";
import { writeNTriplesWithN3, writeTurtleWithN3 } from "./reference/rdf-n3.ts";
import { turtlePrefixes } from "../scripts/writers/turtle.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { article, HOSTILE } from "./article-arbitrary.ts";
import { guardFormulaReference, unparseReference, writeCsvReference } from "./reference-writers.ts";
import { ifexFile, ROOT, tempDir } from "./helpers.ts";
import { ifex } from "./ifex.ts";

function exportDir(dir: string): ArticleExport[] {
  const names = readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort();
  const result = exportInMemory(names.map((name) => ({ file: name, text: readFileSync(join(dir, name), "utf8") })), ["csv"]);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  return result.articles;
}

const cellText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE, "", " ", "\u000B", "\u000C", "\u0085", "\u1680", "\u2000", "\u200A", "\u200B", "\u202F", "\u205F", "\u3000", "\uFEFF", "\uFF0B", "\uFF0D", "\uFF1D", "\uFF20", "\uFF21"), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 4 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);

describe("the formula guard", () => {
  it("decides as its regular expression for every UTF-16 unit first, with what may follow", () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      const first = String.fromCharCode(c);
      for (const rest of ["", "x", "=", " =1", "\n=1", "\r", "\nx"]) if (guardFormula(first + rest) !== guardFormulaReference(first + rest)) differ.push(first + rest);
    }
    expect(differ).toEqual([]);
    expect(guardFormula("")).toBe("");
  });

  it("decides as its regular expression on generated hostile cells", () => {
    fc.assert(
      fc.property(cellText, (cell) => {
        expect(guardFormula(cell)).toBe(guardFormulaReference(cell));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("CSV text as papaparse's unparse writes it", () => {
  it("for generated headers and rows (quotes, line breaks, commas, short and empty rows; every file has a header)", () => {
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 5 }), fc.array(fc.array(cellText, { maxLength: 6 }), { maxLength: 5 }), (header, rows) => {
        expect(csvDocument(header, rows)).toBe(unparseReference(header, rows));
      }),
      { numRuns: 2000 },
    );
  });

  it("for IFEX, the linked corpus (and its combined CSVs) and synthetic articles", () => {
    expect(writeCsv(ifex().graph)).toBe(writeCsvReference(ifex().graph));
    expect(ifexFile("ifex.csv")).toBe(writeCsvReference(ifex().graph));
    const linked = exportDir(join(ROOT, "tests/fixtures/linked-corpus"));
    for (const { graph } of linked) expect(writeCsv(graph)).toBe(writeCsvReference(graph));
    const files = combinedFiles(linked, ["csv"]);
    // Each combined CSV read back into rows, and written again by papaparse: the same text.
    for (const name of [COMBINED.events, COMBINED.organizations]) {
      const text = files.get(name) as string;
      const [header, ...rows] = Papa.parse<string[]>(text.slice(1), { newline: "\r\n" }).data.slice(0, -1);
      expect(rows.length).toBeGreaterThan(0);
      expect(text).toBe(unparseReference(header!, rows));
    }
    for (const { graph } of exportDir(generateCorpus(join(tempDir("csv-text-"), "source"), 20).dir)) expect(writeCsv(graph)).toBe(writeCsvReference(graph));
    const empty = { ...ifex().graph, statements: [] };
    expect(writeCsv(empty)).toBe(writeCsvReference(empty));
  });
});

describe("generated articles (hostile texts everywhere)", () => {
  it("CSV, Turtle and N-Triples as papaparse and N3.Writer write them", () => {
    fc.assert(
      fc.property(article, (generated) => {
        const slug = (generated.data.article as { slug: string }).slug;
        const result = exportInMemory([{ file: `source/${slug}.yaml`, text: generated.yaml }], ["csv"]);
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 2)));
        const { graph } = result.articles[0]!;
        expect(writeCsv(graph)).toBe(writeCsvReference(graph));
        expect(writeTurtle(graph, turtlePrefixes(graph.slug))).toBe(writeTurtleWithN3(graph, turtlePrefixes(graph.slug)));
        expect(writeNTriples(graph)).toBe(writeNTriplesWithN3(graph));
      }),
      { numRuns: 60 },
    );
  });
});
