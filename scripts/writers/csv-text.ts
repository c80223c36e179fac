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
  return `${BOM}${Papa.unparse({ fields: header as string[], data: rows as string[][] }, OPTIONS)}\r\n`;
}
