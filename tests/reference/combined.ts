// The reference for the files of dist/ that combine every article of the corpus (the engine streams
// them: scripts/corpus/export-corpus.ts), as pure functions of the articles' exports: one CSV with a row per organization (its infobox fields as columns), one CSV of every
// dated event across articles, and the union of all graphs as N-Triples and Turtle. Links between
// articles ("slug/id" references) are IRIs, so in the combined graph they simply connect.

import type { ArticleExport } from "./pipeline.ts";
import type { Graph, NodeInfo, Statement } from "../../scripts/graph/build.ts";
import { Namespaces } from "../../scripts/graph/namespaces.ts";
import { prefixesOf } from "../../scripts/graph/prefixes.ts";
import { compareCodePoints } from "../../scripts/lib/code-point-order.ts";
import { writeNTriples } from "../../scripts/writers/ntriples.ts";
import { writeTurtle } from "../../scripts/writers/turtle.ts";
import { FORMATS, type Format } from "../../scripts/writers/formats.ts";
import { COMBINED, RESERVED_SLUG } from "../../scripts/writers/combined-files.ts";
import { findArticleLinks, linkNTriples, linkTurtle } from "../../scripts/corpus/article-links.ts";
import { eventRows, eventsCsvText, organizationRow, organizationsCsv, type EventRow } from "../../scripts/corpus/combined-csv.ts";
import { corpusWorkbookBytes, type SheetPiece } from "../../scripts/corpus/combined-xlsx.ts";
import { xlsxTables, type XlsxTables } from "../../scripts/writers/xlsx.ts";
import { SHEET_NAMES } from "../../scripts/writers/xlsx-sheets.ts";
import { cellXml, rowsXml } from "../../scripts/lib/xlsx-workbook.ts";
import { deflatePiece } from "../../scripts/lib/zip.ts";

/**
 * The reference: name → content, in a fixed order; only those whose kind of file was asked for (the CSVs with
 * csv, each graph with its own format). Articles come in slug order.
 */
export function combinedFiles(articles: readonly ArticleExport[], formats: readonly Format[] = FORMATS): Map<string, string | Uint8Array> {
  const sorted = [...articles].sort((a, b) => compareCodePoints(a.slug, b.slug));
  // Every article of one export has the same base.
  const iris = articles[0]?.iris.iris ?? new Namespaces();
  const files = new Map<string, string | Uint8Array>();
  if (formats.includes("csv")) {
    files.set(COMBINED.organizations, [...organizationsCsv(sorted.map((a) => organizationRow(a.model, a.iris)))].join(""));
    files.set(COMBINED.events, eventsCsv(sorted.flatMap((a) => eventRows(a.model, a.iris, a.graph))));
  }
  const graph = mergedGraph(sorted);
  const links = findArticleLinks(
    iris,
    sorted.map((a) => ({
      slug: a.slug,
      subject: a.model.article.subject,
      organizations: () => a.model.organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.formerNames ?? []), ...(o.alternateNames ?? [])] })),
    })),
  );
  if (formats.includes("nt")) {
    const text = writeNTriples(graph);
    files.set(COMBINED.nTriples, links.length === 0 ? text : [...text.split("\n").filter((l) => l !== "").map((l) => `${l}\n`), ...linkNTriples(links)].sort(compareCodePoints).join(""));
  }
  if (formats.includes("ttl")) {
    const text = writeTurtle(graph, prefixesOf(iris, sorted.map((a) => a.slug)));
    files.set(COMBINED.turtle, links.length === 0 ? text : `${text}\n${linkTurtle(links)}`);
  }
  if (formats.includes("xlsx")) {
    // Each article's rows made with the slug's cell from the start, not put into its workbook's rows.
    const piecesOf = (slug: string, tables: XlsxTables): SheetPiece[] => SHEET_NAMES.map((name) => ({ ...deflatePiece(Buffer.from(rowsXml(tables[name], cellXml(slug)), "utf8")), rows: tables[name].length }));
    files.set(COMBINED.workbook, corpusWorkbookBytes(sorted.map((a) => piecesOf(a.slug, xlsxTables(a.model, a.graph)))));
  }
  return files;
}

/**
 * Every article's statements, in slug order; the corpus's shared entities (corpus#canada…, which
 * each article using them states alike) once, by subject, where their IRIs sort among the articles'.
 */
export function mergedGraph(articles: readonly ArticleExport[]): Graph {
  const nodes = new Map<string, NodeInfo>();
  for (const a of articles) for (const [iri, node] of a.graph.nodes) if (!nodes.has(iri)) nodes.set(iri, node);
  const shared = new Map<string, Statement[]>();
  const seen = new Set<string>();
  const before: Statement[] = [];
  const after: Statement[] = [];
  for (const a of articles) {
    const own = compareCodePoints(`${a.slug}#`, "corpus#") < 0 ? before : after;
    // A subject's statements as its first article states them.
    const firstHere = new Set<string>();
    for (const statement of a.graph.statements) {
      if (!statement.subject.startsWith(a.iris.iris.shared)) {
        own.push(statement);
        continue;
      }
      if (seen.has(statement.subject) && !firstHere.has(statement.subject)) continue;
      seen.add(statement.subject);
      firstHere.add(statement.subject);
      const list = shared.get(statement.subject);
      if (list) list.push(statement);
      else shared.set(statement.subject, [statement]);
    }
  }
  const sharedStatements = [...shared.keys()].sort(compareCodePoints).flatMap((subject) => shared.get(subject)!);
  return { slug: RESERVED_SLUG, language: "", statements: [...before, ...sharedStatements, ...after], nodes };
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
