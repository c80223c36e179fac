// The reference for the files of dist/ that combine every article of the corpus (the engine streams
// them: scripts/corpus/export-corpus.ts), as pure functions of the articles' exports: one CSV with a row per organization (its infobox fields as columns), one CSV of every
// dated event across articles, and the union of all graphs as N-Triples and Turtle. Links between
// articles ("slug/id" references) are IRIs, so in the combined graph they simply connect.

import type { ArticleExport } from "./pipeline.ts";
import type { Graph, NodeInfo } from "../../scripts/graph/build.ts";
import { prefixesOf } from "../../scripts/graph/prefixes.ts";
import { compareCodePoints } from "../../scripts/lib/code-point-order.ts";
import { writeNTriples } from "../../scripts/writers/ntriples.ts";
import { writeTurtle } from "../../scripts/writers/turtle.ts";
import { FORMATS, type Format } from "../../scripts/writers/formats.ts";
import { COMBINED, RESERVED_SLUG } from "../../scripts/corpus/combined-info.ts";
import { eventRows, eventsCsvText, organizationRow, organizationsCsv, type EventRow } from "../../scripts/corpus/combined-csv.ts";

/**
 * The reference: name → content, in a fixed order; only those whose kind of file was asked for (the CSVs with
 * csv, each graph with its own format). Articles come in slug order.
 */
export function combinedFiles(articles: readonly ArticleExport[], formats: readonly Format[] = FORMATS): Map<string, string> {
  const sorted = [...articles].sort((a, b) => compareCodePoints(a.slug, b.slug));
  const files = new Map<string, string>();
  if (formats.includes("csv")) {
    files.set(COMBINED.organizations, organizationsCsv(sorted.map((a) => organizationRow(a.model))));
    files.set(COMBINED.events, eventsCsv(sorted.flatMap((a) => eventRows(a.model, a.graph))));
  }
  const graph = mergedGraph(sorted);
  if (formats.includes("nt")) files.set(COMBINED.nTriples, writeNTriples(graph));
  if (formats.includes("ttl")) files.set(COMBINED.turtle, writeTurtle(graph, prefixesOf(sorted.map((a) => a.slug))));
  return files;
}

function mergedGraph(articles: readonly ArticleExport[]): Graph {
  const nodes = new Map<string, NodeInfo>();
  for (const a of articles) for (const [iri, node] of a.graph.nodes) if (!nodes.has(iri)) nodes.set(iri, node);
  return { slug: RESERVED_SLUG, language: "", statements: articles.flatMap((a) => a.graph.statements), nodes };
}



/** corpus.events.csv's text from its rows. */
export function eventsCsv(rows: readonly EventRow[]): string {
  return [...eventsCsvText(rows.map((r) => r.date), (i) => rows[i]!.line)].join("");
}

/** A combined CSV's header, read back from its text. */
export function csvHeader(content: string): string[] {
  const line = content.replace(/^\uFEFF/, "").split("\r\n")[0]!;
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"').replace(/^'/, ""));
}
