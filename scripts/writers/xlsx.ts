// Writer: model and graph → a workbook (.xlsx) for spreadsheet users: one sheet per table
// (organizations, people, places, events, works, and facts, the CSV's rows), typed cells (counts as
// numbers, full dates as date cells, partial dates as ISO text), the header frozen, an autofilter,
// widths from the content (lib/xlsx-workbook.ts). Texts carry the CSV's formula guard, and the
// facts sheet holds the CSV's own cells: strip one leading apostrophe to get a value back.
//
// A reference names the entity when it is one of this article's, and is written as in the YAML
// (`slug/id`) when it is another article's.

import type { ArticleModel, Count, Schedule } from "../model/types.ts";
import type { Graph } from "../graph/build.ts";
import { CSV_COLUMNS, csvCells, guardFormula } from "./csv.ts";
import { rowsBytes, writeWorkbook, type CellValue, type RowsBytes, type Table } from "../lib/xlsx-workbook.ts";

import { XLSX_SHEETS, type SheetName } from "./xlsx-sheets.ts";

export { XLSX_SHEETS, type SheetName };

const VALUE = CSV_COLUMNS.indexOf("value");
const VALUE_TYPE = CSV_COLUMNS.indexOf("value_type");

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A text cell as the CSV writes it: formula-guarded; absent stays empty. */
const text = (value: string | undefined): CellValue => (value === undefined || value === "" ? null : guardFormula(value));

/** A date at the article's precision: a date cell when it is a day, ISO text when a year or month. */
export const dateCell = (value: string | undefined): CellValue => (value === undefined ? null : /^\d{4}-\d{2}-\d{2}$/.test(value) ? { date: value } : value);

const list = (values: readonly string[] | undefined): CellValue => (values && values.length > 0 ? guardFormula(values.join("; ")) : null);

const schedule = (s: Schedule | undefined): CellValue => (s ? `${s.repeat} on ${s.day} ${MONTHS[s.month - 1]}` : null);

const countValue = (c: Count | undefined): CellValue => (c ? c.value : null);

export type XlsxTables = Record<SheetName, CellValue[][]>;

/** The article's tables, for its workbook and for corpus.xlsx; `cells`: the CSV's (csvCells), when already made. */
export function xlsxTables(model: ArticleModel, graph: Graph, cells = csvCells(graph)): XlsxTables {
  const names = new Map<string, string>();
  for (const list of [model.organizations, model.people, model.places, model.events, model.works, model.topics]) for (const e of list) names.set(e.id, e.name);
  const ref = (id: string | undefined): CellValue => (id === undefined ? null : guardFormula(names.get(id) ?? id));

  return {
    organizations: model.organizations.map((o) => [o.id, text(o.name), o.type, text(o.category), dateCell(o.foundingDate), ref(o.foundingPlace), o.founderCount ?? null, dateCell(o.dissolutionDate), ref(o.location), ref(o.parentOrganization), text(o.homepage), list(o.alternateNames), list(o.formerNames), text(o.description)]),
    people: model.people.map((p) => [p.id, text(p.name), text(p.jobTitle), ref(p.worksFor), ref(p.nationality), text(p.description)]),
    places: model.places.map((p) => [p.id, text(p.name), p.type, ref(p.containedIn), list(p.alternateNames)]),
    events: model.events.map((e) => [e.id, text(e.name), e.type, e.category, dateCell(e.startDate), dateCell(e.endDate), schedule(e.schedule), ref(e.location), ref(e.organizer), countValue(e.participants), text(e.participants?.unit), text(e.description)]),
    works: model.works.map((w) => [w.id, text(w.name), w.type, text(w.genre), dateCell(w.startDate), ref(w.publisher), text(w.url), list(w.inLanguage), text(w.description)]),
    // The CSV's own cells (already formula-guarded), integers and days typed.
    facts: cells
      .map((row) =>
        row.map((value, c): CellValue => {
          if (c === VALUE) {
            if (row[VALUE_TYPE] === "integer" && /^-?\d{1,15}$/.test(value)) return Number(value);
            if (row[VALUE_TYPE] === "date (day)") return dateCell(value);
          }
          return value === "" ? null : value;
        }),
      ),
  };
}

export function tablesOf(rows: Record<SheetName, CellValue[][]>, extra?: { header: string; cell: (sheet: SheetName, index: number) => CellValue }): Table[] {
  return (Object.keys(XLSX_SHEETS) as SheetName[]).map((name) => ({
    name,
    header: extra ? [extra.header, ...XLSX_SHEETS[name]] : XLSX_SHEETS[name],
    rows: extra ? rows[name].map((row, i) => [extra.cell(name, i), ...row]) : rows[name],
  }));
}

/** Each sheet's rows as XML in UTF-8 (rowsBytes), made once for the article's workbook and corpus.xlsx. */
export type XlsxRows = Record<SheetName, RowsBytes>;

export function xlsxRows(tables: XlsxTables): XlsxRows {
  return Object.fromEntries((Object.keys(XLSX_SHEETS) as SheetName[]).map((name) => [name, rowsBytes(tables[name])])) as unknown as XlsxRows;
}

export function writeXlsx(model: ArticleModel, tables: XlsxTables, rows: XlsxRows = xlsxRows(tables)): Uint8Array {
  return writeWorkbook(tablesOf(tables), { title: model.article.title, language: model.article.language }, (Object.keys(XLSX_SHEETS) as SheetName[]).map((name) => rows[name]));
}
