// Writer: graph → CSV, for spreadsheets. One row per fact (per statement of the graph), with the
// entity, the property in plain words, the value and what kind of value it is, its language and
// the article section it comes from, then the IRIs for machines.
//
// UTF-8 with a byte-order mark (Excel needs it to read UTF-8), CRLF rows, RFC 4180 quoting.
// Formula guard: a cell that a spreadsheet would run as a formula gets a leading apostrophe.

import Papa from "papaparse";
import type { Graph, NodeInfo, Statement } from "../graph/build.ts";
import { RDF_LANG_STRING, RDF_TYPE, SCHEMA_DATE, XSD, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING } from "../graph/namespaces.ts";
import { propertyLabel } from "../graph/vocabulary.ts";

export const CSV_COLUMNS = [
  "entity_id",
  "entity_name",
  "entity_type",
  "property",
  "value",
  "value_type",
  "language",
  "section",
  "entity_iri",
  "property_iri",
  "value_iri",
  "datatype_iri",
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

export const BOM = "\uFEFF";

export function csvRows(graph: Graph): CsvRow[] {
  return graph.statements.map((s) => row(s, graph.nodes));
}

export function writeCsv(graph: Graph): string {
  const rows = csvRows(graph).map((r) => CSV_COLUMNS.map((c) => guardFormula(r[c])));
  // quotes: true quotes every cell: unambiguous for every reader, whatever the cell holds.
  return BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { quotes: true, newline: "\r\n", header: true }) + "\r\n";
}

function row(s: Statement, nodes: ReadonlyMap<string, NodeInfo>): CsvRow {
  const entity = nodes.get(s.subject)!;
  const base = {
    entity_id: entity.id,
    entity_name: entity.name,
    entity_type: entity.type,
    property: propertyLabel(s.predicate),
    section: s.section,
    entity_iri: s.subject,
    property_iri: s.predicate,
  };
  const o = s.object;
  if (o.termType === "NamedNode") {
    const target = nodes.get(o.value);
    const isType = s.predicate === RDF_TYPE;
    return {
      ...base,
      value: isType ? o.value.replace(/^.*[/#]/, "") : target ? target.name : o.value,
      value_type: isType ? "type" : target ? `reference to ${target.type}` : "URL",
      language: "",
      value_iri: o.value,
      datatype_iri: "",
    };
  }
  return { ...base, value: o.value, value_type: datatypeLabel(o.datatype, o.value), language: o.language, value_iri: "", datatype_iri: o.datatype };
}

function datatypeLabel(datatype: string, value: string): string {
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
  // Also after other white space, and the full-width forms, which some spreadsheets take for = + - @.
  // The white space stops at line breaks, so a text of many empty lines is scanned once, not once per line.
  return /(^|[\r\n])[^\S\r\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

/** The inverse of `guardFormula`, for readers of the CSV. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
