// The hand-written parts and the libraries they stand in for, each as one function of the same
// input (IFEX, or a copy of it), for scripts/bench/parts.ts: it bundles each function alone with
// esbuild, as the prebuilt command line bundles the pipeline, and times its load and its calls.
// The libraries' functions do the same job with the library's ordinary API; their output need not
// be byte for byte the pipeline's.

import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import N3 from "n3";
import jsonld from "jsonld";
import * as XLSX from "xlsx";
import { zipSync } from "fflate";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Graph } from "../graph/build.ts";
import { RDF_LANG_STRING } from "../graph/namespaces.ts";
import { localDocumentLoader } from "../graph/schemaorg-context.ts";
import { loadFast } from "../read/fast-yaml.ts";
import { ARTICLE_SCHEMA_PATH, articleValidator, OPTIONS } from "../validate/compiled-schema.ts";
import { writeTurtle } from "../writers/turtle.ts";
import { writeNTriples } from "../writers/ntriples.ts";
import { escapeForHtml, jsonLdContext, writeJsonLd } from "../writers/jsonld.ts";
import { tablesOf, type XlsxTables } from "../writers/xlsx.ts";
import { XLSX_SHEETS, type SheetName } from "../writers/xlsx-sheets.ts";
import { packageParts, rowsXml, sheetHead, sheetTail, writeWorkbook, type CellValue } from "../lib/xlsx-workbook.ts";
import { compareUtf8Bytes } from "../lib/code-point-order.ts";

/** What every contender is given: one article's text, data, graph, Turtle prefixes and workbook tables. */
export interface PartInput {
  text: string;
  data: unknown;
  graph: Graph;
  prefixes: Record<string, string>;
  tables: XlsxTables;
  title: string;
  language: string;
}

type Contender = (input: PartInput) => unknown;

// The YAML reader: the fast path (js-yaml with the `yaml` library's scalar rules) against the `yaml` library with positions.
export const yamlFast: Contender = (i) => loadFast(i.text);
export const yamlLibrary: Contender = (i) => parseDocument(i.text, { lineCounter: new LineCounter(), uniqueKeys: false, strict: true, version: "1.2" }).toJS({ maxAliasCount: 100 });

// The schema: ajv's standalone code compiled once per machine, against ajv compiling it in each process.
export const schemaCompiled: Contender = (i) => articleValidator("first")(i.data);
let compiledNow: ((data: unknown) => boolean) | undefined;
export const schemaAjv: Contender = (i) => {
  if (!compiledNow) {
    const ajv = new Ajv2020(OPTIONS.first);
    (addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
    compiledNow = ajv.compile(JSON.parse(readFileSync(ARTICLE_SCHEMA_PATH, "utf8")) as object);
  }
  return compiledNow(i.data);
};

// Turtle and N-Triples: the pipeline's writers, against N3.js's N3.Writer.
// No library is touched at the top level of this file, so that a bundle of one function holds only its own library.
const n3Quads = (graph: Graph, { DataFactory } = N3) =>
  graph.statements.map((s) => {
    const o = s.object;
    const object = o.termType === "NamedNode" ? DataFactory.namedNode(o.value) : DataFactory.literal(o.value, o.datatype === RDF_LANG_STRING ? o.language : DataFactory.namedNode(o.datatype));
    return DataFactory.quad(DataFactory.namedNode(s.subject), DataFactory.namedNode(s.predicate), object);
  });
export const turtleHand: Contender = (i) => writeTurtle(i.graph, i.prefixes);
export const turtleN3: Contender = ({ graph, prefixes }) => {
  const writer = new N3.Writer({ prefixes });
  writer.addQuads(n3Quads(graph));
  let text = "";
  writer.end((error, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text.replace(/\.\n(?=[^\s@])/g, ".\n\n");
};
export const ntriplesHand: Contender = (i) => writeNTriples(i.graph);
let nTriplesWriter: N3.Writer | undefined;
export const ntriplesN3: Contender = ({ graph }) => {
  const writer = (nTriplesWriter ??= new N3.Writer({ format: "N-Triples" }));
  return [...new Set(n3Quads(graph).map((q) => writer.quadToString(q.subject, q.predicate, q.object)))].sort(compareUtf8Bytes).join("");
};

// JSON-LD: the writer compacting by schema.org's term definitions, against jsonld.js's fromRDF and compact.
export const jsonldHand: Contender = (i) => writeJsonLd(i.graph);
export const jsonldJs: Contender = async ({ graph }) => {
  const node = (value: string) => ({ termType: "NamedNode", value });
  const quads = graph.statements.map((s) => ({
    subject: node(s.subject),
    predicate: node(s.predicate),
    object: s.object.termType === "NamedNode" ? node(s.object.value) : { termType: "Literal", value: s.object.value, datatype: node(s.object.datatype), language: s.object.language },
    graph: { termType: "DefaultGraph", value: "" },
  }));
  const expanded = await jsonld.fromRDF(quads as never);
  const compacted = await jsonld.compact(expanded, jsonLdContext(graph.language) as never, { documentLoader: localDocumentLoader as never });
  return `${escapeForHtml(JSON.stringify(compacted, null, 2))}\n`;
};

// The workbook: the hand-written SpreadsheetML and zip, against SheetJS, and the same XML zipped by fflate.
const SHEETS = Object.entries(XLSX_SHEETS) as [SheetName, readonly string[]][];
const asDate = (cell: CellValue) => (cell !== null && typeof cell === "object" ? new Date(`${cell.date}T00:00:00Z`) : cell);
const widths = (header: readonly string[], rows: readonly CellValue[][]) => header.map((h, c) => Math.min(60, Math.max(h.length + 4, ...rows.map((r) => String((r[c] as { date?: string } | null)?.date ?? r[c] ?? "").length + 1))));
export const xlsxHand: Contender = (i) => writeWorkbook(tablesOf(i.tables), { title: i.title, language: i.language });
export const xlsxSheetJs: Contender = (i) => {
  const book = XLSX.utils.book_new();
  for (const [name, header] of SHEETS) {
    const sheet = XLSX.utils.aoa_to_sheet([[...header], ...i.tables[name].map((row) => row.map(asDate))], { cellDates: true, dateNF: "yyyy-mm-dd" });
    sheet["!autofilter"] = { ref: sheet["!ref"]! };
    sheet["!cols"] = widths(header, i.tables[name]).map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(book, sheet, name);
  }
  book.Props = { Title: i.title };
  return XLSX.write(book, { type: "buffer", bookType: "xlsx", compression: true });
};
export const xlsxFflate: Contender = (i) => {
  const encoder = new TextEncoder();
  const tables = tablesOf(i.tables);
  const files: Record<string, [Uint8Array, { level: 1 }]> = {};
  for (const [name, text] of packageParts(tables.map((t) => ({ name: t.name, columns: t.header.length, lastRow: t.rows.length + 1 })), { title: i.title, language: i.language })) files[name] = [encoder.encode(text), { level: 1 }];
  tables.forEach((t, n) => (files[`xl/worksheets/sheet${n + 1}.xml`] = [encoder.encode(sheetHead(t.header, widths(t.header, t.rows as CellValue[][]), n) + rowsXml(t.rows) + sheetTail(t.header.length, t.rows.length + 1)), { level: 1 }]));
  return zipSync(files, { mtime: "1980-01-01T00:00:00Z" });
};
