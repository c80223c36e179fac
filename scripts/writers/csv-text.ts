// CSV text as every CSV of the export is written: papaparse's unparse with every cell quoted (RFC
// 4180, a quote doubled) and CRLF between rows, the UTF-8 byte-order mark before it and a line
// break after the last row.

import Papa from "papaparse";

export const BOM = "\uFEFF";

const OPTIONS = { quotes: true, newline: "\r\n" } as const;

/** One row: every cell quoted, separated by commas. */
export function quotedRow(cells: readonly string[]): string {
  return cells.length === 0 ? "" : Papa.unparse([cells as string[]], OPTIONS);
}

/**
 * The whole file: BOM, the header row, the rows (CRLF between rows and after the last). A row
 * shorter than the header has its missing cells written empty and unquoted; papaparse writes no
 * rows at all as one empty line.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Rows as long as the header are given to papaparse as arrays after it, which it writes without
  // the per-row Object.keys it does for `fields` (the same text); other rows, and none, need `fields`.
  if (header.length > 0 && rows.length > 0 && sameLength(header, rows)) return `${BOM}${Papa.unparse([header, ...rows] as string[][], OPTIONS)}\r\n`;
  return `${BOM}${Papa.unparse({ fields: header as string[], data: rows as string[][] }, OPTIONS)}\r\n`;
}

function sameLength(header: readonly string[], rows: readonly (readonly string[])[]): boolean {
  for (const row of rows) if (row.length !== header.length) return false;
  return true;
}
