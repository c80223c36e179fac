// Reads every artifact of an exported article with readers other than the writers that wrote it,
// and checks each gives back exactly the graph (and the infobox exactly the model's infobox).
// Used by the hostile-string tests and the property-based tests.

import Papa from "papaparse";
import * as rdflib from "rdflib";
import { expect } from "vitest";
import type { ArticleExport } from "./reference/pipeline.ts";
import { CSV_COLUMNS, unguardFormula } from "../scripts/writers/csv.ts";
import { graphKeys, jsonLdKeys, n3TurtleKeys, tripleKey } from "./rdf-helpers.ts";

const artifact = (article: ArticleExport, extension: string): string => article.artifacts.get(`${article.slug}${extension}`) as string;

/** Turtle through N3.js's parser (cheap): the graph's triples, each string exact. */
export function checkTurtle(article: ArticleExport, keys = graphKeys(article.graph)): void {
  expect(n3TurtleKeys(artifact(article, ".ttl"))).toEqual(keys);
}

/** Turtle through rdflib, a second, unrelated parser. */
export function checkTurtleWithRdflib(article: ArticleExport, keys = graphKeys(article.graph)): void {
  const store = rdflib.graph();
  rdflib.parse(artifact(article, ".ttl"), store, `https://org-articles.example/${article.slug}`, "text/turtle");
  expect(store.statements.map((s) => tripleKey(s.subject, s.predicate, s.object as never)).sort()).toEqual(keys);
}

/** JSON-LD through jsonld.js with the shipped schema.org context; and safe to paste into an HTML <script>. */
export async function checkJsonLd(article: ArticleExport, keys = graphKeys(article.graph)): Promise<void> {
  const text = artifact(article, ".jsonld");
  expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  expect(await jsonLdKeys(JSON.parse(text))).toEqual(keys);
}

/** A cell a spreadsheet would run: one whose first character (after spaces) starts a formula. */
const FORMULA_START = /^[\s]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** CSV through papaparse: one row per triple, exact strings after the documented formula guard; no cell runs. */
export function checkCsv(article: ArticleExport, keys = graphKeys(article.graph)): void {
  const text = artifact(article, ".csv");
  expect(text.startsWith("\uFEFF")).toBe(true);
  // The delimiter given, not guessed: papaparse's guess tries every delimiter on the whole text.
  const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true, delimiter: "," });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
  // No line of any cell may start a formula unless the cell is marked as text by a leading apostrophe.
  const running = parsed.data.flatMap((row) => Object.values(row).filter((cell) => !cell.startsWith("'") && cell.split(/\r\n|\r|\n/).some((line) => FORMULA_START.test(line))));
  expect(running).toEqual([]);
  const rows = parsed.data.map((row) => {
    const cell = (name: string) => unguardFormula(row[name]!);
    const object = cell("value_iri")
      ? { termType: "NamedNode", value: cell("value_iri") }
      : { termType: "Literal", value: cell("value"), language: cell("language"), datatype: { value: cell("datatype_iri") } };
    return { key: tripleKey({ termType: "NamedNode", value: cell("entity_iri") }, { termType: "NamedNode", value: cell("property_iri") }, object), section: cell("section"), name: cell("entity_name") };
  });
  expect(rows.map((r) => r.key).sort()).toEqual(keys);
  // The section and the entity's name of each fact, exactly as in the graph.
  const expected = article.graph.statements.map((s) => `${s.section}\u0000${article.graph.nodes.get(s.subject)!.name}`).sort();
  expect(rows.map((r) => `${r.section}\u0000${r.name}`).sort()).toEqual(expected);
}

/** The infobox JSON: the model's title, labels and values, exactly. */
export function checkInfobox(article: ArticleExport): void {
  const text = artifact(article, ".infobox.json");
  expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  const infobox = JSON.parse(text) as { title: string; fields: { label: string; value: string }[] };
  expect(infobox.title).toBe(article.model.infobox.title);
  expect(infobox.fields.map((f) => [f.label, f.value])).toEqual(article.model.infobox.fields.map((f) => [f.label, f.value]));
}

/** The cheap readers, for every case of a property. */
export function checkCheapReaders(article: ArticleExport): void {
  const keys = graphKeys(article.graph);
  checkTurtle(article, keys);
  checkCsv(article, keys);
  checkInfobox(article);
}
