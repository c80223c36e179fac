// The CSV writers as they were with papaparse, and the formula guard's original expression: the
// references the hand-written CSV code is compared with (tests/csv-text.test.ts).

import Papa from "papaparse";
import type { Graph } from "../scripts/graph/build.ts";
import { BOM, CSV_COLUMNS } from "../scripts/writers/csv.ts";
import { csvRows } from "./reference/csv-rows.ts";

export function guardFormulaReference(cell: string): string {
  return /(^|[\r\n])[^\S\r\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

export function unparseReference(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + Papa.unparse({ fields: [...header], data: rows.map((r) => [...r]) }, { quotes: true, newline: "\r\n", header: true }) + "\r\n";
}

export function writeCsvReference(graph: Graph): string {
  const rows = csvRows(graph).map((r) => CSV_COLUMNS.map((c) => guardFormulaReference(r[c])));
  return unparseReference(CSV_COLUMNS, rows);
}
