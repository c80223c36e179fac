// The writers, by format: each a function of the article's model and graph to the bytes of one
// file. To add a format: its extension and media type in formats.ts, its writer (one file in this
// folder) here. A writer may be asynchronous (return a Promise): the export awaits it.

import type { ArticleModel } from "../model/types.ts";
import type { Graph } from "../graph/build.ts";
import { csvCells, writeCsv } from "./csv.ts";
import { writeJsonLd } from "./jsonld.ts";
import { writeTurtle } from "./turtle.ts";
import { graphPrefixes } from "../graph/prefixes.ts";
import { FORMAT_FILES, FORMATS, type Format } from "./formats.ts";
import { writeInfobox } from "./infobox.ts";
import { writeNTriples } from "./ntriples.ts";
import { writeHtml } from "./html.ts";
import { writeXlsx, xlsxRows, xlsxTables, type XlsxRows, type XlsxTables } from "./xlsx.ts";

/** What a writer is given: one article's model and graph, and what other writers make of them once. */
export interface WriterInput {
  model: ArticleModel;
  graph: Graph;
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
  write(input: WriterInput): WriterOutput | Promise<WriterOutput>;
}

export const WRITERS = {
  csv: { ...FORMAT_FILES.csv, write: ({ csv }) => csv() },
  jsonld: { ...FORMAT_FILES.jsonld, write: ({ jsonLd }) => jsonLd() },
  ttl: { ...FORMAT_FILES.ttl, write: ({ graph }) => writeTurtle(graph, graphPrefixes(graph)) },
  infobox: { ...FORMAT_FILES.infobox, write: ({ model }) => writeInfobox(model) },
  nt: { ...FORMAT_FILES.nt, write: ({ graph }) => writeNTriples(graph) },
  html: { ...FORMAT_FILES.html, write: ({ model, jsonLd }) => writeHtml(model, jsonLd()) },
  xlsx: { ...FORMAT_FILES.xlsx, write: ({ model, tables, rows }) => writeXlsx(model, tables(), rows()) },
} satisfies Record<Format, Writer>;

/** The writers' input for one article: the JSON-LD, the CSV, the tables and their rows are made when first asked for, then kept. */
export function writerInput(model: ArticleModel, graph: Graph): WriterInput {
  let jsonLd: string | undefined;
  let cells: string[][] | undefined;
  let csv: string | undefined;
  let tables: XlsxTables | undefined;
  let rows: XlsxRows | undefined;
  const input: WriterInput = {
    model,
    graph,
    jsonLd: () => (jsonLd ??= writeJsonLd(graph)),
    csv: () => (csv ??= writeCsv(graph, (cells ??= csvCells(graph)))),
    tables: () => (tables ??= xlsxTables(model, graph, (cells ??= csvCells(graph)))),
    rows: () => (rows ??= xlsxRows(input.tables())),
  };
  return input;
}

export { FORMATS, type Format };
