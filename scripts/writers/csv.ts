// Writer: graph → CSV, for spreadsheets. One row per fact (per statement of the graph), with the
// entity, the property in plain words, the value and what kind of value it is, its language and
// the article section it comes from, then the IRIs for machines.
//
// UTF-8 with a byte-order mark (Excel needs it to read UTF-8), CRLF rows, every cell quoted (RFC
// 4180), written by papaparse (csv-text.ts): a writer by hand from cached pieces saved under 5 % of
// an export's time (BENCHMARKS.md, hand-written parts).
// Formula guard: a cell that a spreadsheet would run as a formula gets a leading apostrophe.

import type { Graph } from "../graph/build.ts";
import { RDF_LANG_STRING, RDF_TYPE, SCHEMA_DATE, XSD, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING } from "../graph/namespaces.ts";
import { propertyLabel } from "../graph/vocabulary.ts";
import { BOM, csvDocument } from "./csv-text.ts";
import { CSV_COLUMNS } from "./csv-columns.ts";
import { boundedMemo } from "../lib/bounded-memo.ts";

export { BOM, CSV_COLUMNS };

/** A row by its columns' names (the data package's Table Schema names them so). */
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/**
 * The graph's rows as the CSV's cells, one row per statement, formula-guarded: what the CSV writes and
 * the workbook's facts sheet holds. A subject's statements are together (graph/build.ts), so its
 * cells are made once for all of them; a predicate's, a type's and a datatype's cells are the same
 * in every article and are kept (`termCells`).
 */
export function csvCells(graph: Graph): string[][] {
  const { statements, nodes } = graph;
  const rows: string[][] = [];
  let subject: string | undefined;
  let id = "";
  let name = "";
  let type = "";
  let subjectIri = "";
  let section: string | undefined;
  let sectionCell = "";
  for (let i = 0; i < statements.length; i++) {
    const s = statements[i]!;
    if (s.subject !== subject) {
      subject = s.subject;
      const node = nodes.get(subject)!;
      id = guardFormula(node.id);
      name = guardFormula(node.name);
      type = guardFormula(node.type);
      subjectIri = guardFormula(subject);
    }
    if (s.section !== section) sectionCell = guardFormula((section = s.section));
    const predicate = termCells(s.predicate);
    const o = s.object;
    if (o.termType === "Literal") {
      const datatype = termCells(o.datatype);
      const valueType = datatype.valueType ?? datatypeLabel(o.datatype, o.value);
      rows.push([id, name, type, predicate.label, guardFormula(o.value), valueType, o.language === "" ? "" : guardFormula(o.language), sectionCell, subjectIri, predicate.iri, "", datatype.iri]);
    } else if (s.predicate === RDF_TYPE) {
      const typeCells = termCells(o.value);
      rows.push([id, name, type, predicate.label, typeCells.localName, "type", "", sectionCell, subjectIri, predicate.iri, typeCells.iri, ""]);
    } else {
      const target = nodes.get(o.value);
      const iri = guardFormula(o.value);
      rows.push([id, name, type, predicate.label, target ? guardFormula(target.name) : iri, target ? referenceTo(target.type) : "URL", "", sectionCell, subjectIri, predicate.iri, iri, ""]);
    }
  }
  return rows;
}

/** An IRI's cells, guarded: itself, its property label, what follows its last "/" or "#", its value type as a datatype. */
interface TermCells {
  iri: string;
  label: string;
  localName: string;
  /** Undefined for the dates' datatypes, whose value type is their value's precision ("date (year)"). */
  valueType: string | undefined;
}

/** Kept by IRI: predicates, types and datatypes are a few hundred IRIs that every article repeats. */
const termCells = boundedMemo((iri: string): TermCells => {
  // A date's value type depends on its value: "date (year)", "date (month)", "date (day)", which
  // need no guard.
  const label = datatypeLabel(iri, "");
  return {
    iri: guardFormula(iri),
    label: guardFormula(propertyLabel(iri)),
    localName: guardFormula(iri.replace(/^.*[/#]/, "")),
    valueType: label === datatypeLabel(iri, "1992") ? guardFormula(label) : undefined,
  };
});

/** The value type of a reference to a node of that type, guarded, kept by type. */
const referenceTo = boundedMemo((type: string) => guardFormula(`reference to ${type}`));

/** The CSV file of the graph's rows (`cells`, when already made). */
export function writeCsv(graph: Graph, cells = csvCells(graph)): string {
  return csvDocument(CSV_COLUMNS, cells);
}

export function datatypeLabel(datatype: string, value: string): string {
  switch (datatype) {
    case RDF_LANG_STRING:
    case XSD_STRING:
      return "text";
    case XSD_INTEGER:
      return "integer";
    case XSD_BOOLEAN:
      return "boolean";
    case SCHEMA_DATE:
    case `${XSD}gYear`:
    case `${XSD}gYearMonth`:
    case `${XSD}date`:
      return value.length === 4 ? "date (year)" : value.length === 7 ? "date (month)" : "date (day)";
    default:
      return datatype.replace(/^.*[/#]/, "");
  }
}

/**
 * Spreadsheets run a cell as a formula when it starts with = + - @ (or a tab or carriage return
 * before them). Checked on every line of the cell, since some importers split cells on newlines
 * (papaparse's own escapeFormulae looks only at the first character). Such a cell gets a leading
 * apostrophe, which spreadsheets show as text and readers strip (see `unguardFormula`).
 */
export function guardFormula(cell: string): string {
  // Most cells start with a letter, a digit or a character that is neither white space nor a formula
  // start, and hold no line break: the expression could only match at their start, and cannot.
  if (cell === "" || (startsAsText(cell.charCodeAt(0)) && cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0)) return cell;
  return FORMULA.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

// Also after other white space, and the full-width forms, which some spreadsheets take for = + - @.
// The white space stops at line breaks, so a text of many empty lines is scanned once, not once per line.
const FORMULA = /(^|[\r\n])[^\S\r\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Whether a cell starting with this UTF-16 unit is text for `FORMULA` at its start: not JavaScript
 * white space (`\s`), not a formula start, not an apostrophe. (NaN, an empty cell, is not.)
 */
function startsAsText(c: number): boolean {
  if (c < 0x80) return c > 0x20 && c < 0x7f && c !== 0x3d && c !== 0x2b && c !== 0x2d && c !== 0x40 && c !== 0x27;
  if (c >= 0xff0b) return c !== 0xff1d && c !== 0xff0b && c !== 0xff0d && c !== 0xff20 && c !== 0xfeff;
  if (c >= 0x2000) return c > 0x200a && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0x3000 && c !== 0xfeff;
  return c !== 0xa0 && c !== 0x1680;
}

/** The inverse of `guardFormula`, for readers of the CSV. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
