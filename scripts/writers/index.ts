// The writers, by format: each a function of the article's model and graph to the text or bytes of
// one file. To add a format: its extension and media type in formats.ts, its writer (one file in
// this folder) here.

import type { ArticleModel } from "../model/types.ts";
import type { Graph } from "../graph/build.ts";
import type { ArticleIris } from "../graph/shared.ts";
import { linkedArticles, prefixesOf } from "../graph/prefixes.ts";
import { csvCells, writeCsv } from "./csv.ts";
import { writeJsonLd } from "./jsonld.ts";
import { writeTurtle, writeTurtleParts } from "./turtle.ts";
import type { CorpusPart } from "./corpus-part.ts";
import { FORMAT_FILES, FORMATS, type Format } from "./formats.ts";
import { infoboxDocument, writeInfobox, type InfoboxDocument } from "./infobox.ts";
import { writeNTriples, writeNTriplesParts } from "./ntriples.ts";
import { writeHtml } from "./html.ts";
import { writeXlsx, xlsxRows, xlsxTables, type XlsxRows, type XlsxTables } from "./xlsx.ts";

/** What a writer is given: one article's model, IRIs and graph, and what other writers make of them once. */
export interface WriterInput {
  model: ArticleModel;
  iris: ArticleIris;
  graph: Graph;
  /** The other articles the graph links to, in code-point order (graph/prefixes.ts), found once. */
  linkedArticles(): readonly string[];
  /** The article's Turtle prefixes: the common ones, its own, those of the articles it links to. */
  prefixes(): Record<string, string>;
  /** The infobox document, made once: the infobox JSON and the web page show it. */
  infobox(): InfoboxDocument;
  /** The article's JSON-LD text, made once however many writers ask (the web page embeds it). */
  jsonLd(): string;
  /** The article's CSV text, made once (from the same cells as the workbook's facts sheet). */
  csv(): string;
  /** The workbook's tables, made once: the article's workbook and its rows of corpus.xlsx are written from them. */
  tables(): XlsxTables;
  /** The workbook's rows as XML in UTF-8, made once for the article's workbook and its rows of corpus.xlsx. */
  rows(): XlsxRows;
}

export type WriterOutput = string | Uint8Array;

export interface Writer {
  extension: string;
  mediaType: string;
  write(input: WriterInput): WriterOutput;
  /**
   * For the formats the corpus combines (N-Triples, Turtle): the file, and in the same pass what the
   * combined file takes of it: the article's own statements and those about shared entities.
   */
  writeWithPart?(input: WriterInput): { content: string; part: CorpusPart };
}

export const WRITERS = {
  csv: { ...FORMAT_FILES.csv, write: ({ csv }) => csv() },
  jsonld: { ...FORMAT_FILES.jsonld, write: ({ jsonLd }) => jsonLd() },
  ttl: {
    ...FORMAT_FILES.ttl,
    write: ({ graph, prefixes }) => writeTurtle(graph, prefixes()),
    writeWithPart: ({ graph, prefixes, iris }) => writeTurtleParts(graph, prefixes(), iris.iris.shared),
  },
  infobox: { ...FORMAT_FILES.infobox, write: ({ infobox }) => writeInfobox(infobox()) },
  nt: { ...FORMAT_FILES.nt, write: ({ graph }) => writeNTriples(graph), writeWithPart: ({ graph, iris }) => writeNTriplesParts(graph, iris.iris.shared) },
  html: { ...FORMAT_FILES.html, write: ({ model, jsonLd, infobox }) => writeHtml(model, jsonLd(), infobox()) },
  xlsx: { ...FORMAT_FILES.xlsx, write: ({ model, tables, rows }) => writeXlsx(model, tables(), rows()) },
} satisfies Record<Format, Writer> as Record<Format, Writer>;

/** The writers' input for one article: what several writers share is made when first asked for, then kept. */
export function writerInput(model: ArticleModel, iris: ArticleIris, graph: Graph): WriterInput {
  let linked: string[] | undefined;
  let prefixes: Record<string, string> | undefined;
  let infobox: InfoboxDocument | undefined;
  let jsonLd: string | undefined;
  let cells: string[][] | undefined;
  let csv: string | undefined;
  let tables: XlsxTables | undefined;
  let rows: XlsxRows | undefined;
  const input: WriterInput = {
    model,
    iris,
    graph,
    linkedArticles: () => (linked ??= linkedArticles(graph, iris.iris)),
    prefixes: () => (prefixes ??= prefixesOf(iris.iris, [graph.slug, ...input.linkedArticles()])),
    infobox: () => (infobox ??= infoboxDocument(model, iris)),
    jsonLd: () => (jsonLd ??= writeJsonLd(graph)),
    csv: () => (csv ??= writeCsv(graph, (cells ??= csvCells(graph)))),
    tables: () => (tables ??= xlsxTables(model, graph, (cells ??= csvCells(graph)))),
    rows: () => (rows ??= xlsxRows(input.tables())),
  };
  return input;
}

export { FORMATS, type Format, type CorpusPart };
