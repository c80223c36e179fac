// CSV text as Papa.unparse writes it with { quotes: true, newline: "\r\n", header: true } (RFC 4180,
// every cell quoted, a quote doubled), with the UTF-8 byte-order mark before it and a line break
// after the last row, which is what the CSV writers wrote with papaparse. Written by hand because
// papaparse's per-cell checks (bad delimiters, quotes, edge spaces) cost more than the rest of the
// CSV writer; tests/csv-text.test.ts keeps it equal to Papa.unparse on generated hostile cells.

export const BOM = "\uFEFF";

/** One cell between quotes, its quotes doubled. */
export function quoteCell(cell: string): string {
  return cell.indexOf('"') < 0 ? `"${cell}"` : `"${cell.replace(/"/g, '""')}"`;
}

/**
 * One row: every cell quoted, separated by commas. Joined once, one flat string (the export keeps
 * some 100,000 event rows until the end), not a string per cell appended.
 */
export function quotedRow(cells: readonly string[]): string {
  if (cells.length === 0) return "";
  const parts: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    parts.push(i === 0 ? '"' : '","', cell.indexOf('"') < 0 ? cell : cell.replace(/"/g, '""'));
  }
  parts.push('"');
  return parts.join("");
}

/**
 * The whole file: BOM, the header row, the rows (CRLF between rows and after the last). A row has
 * the header's number of cells: a missing cell is written empty and unquoted, as papaparse does.
 */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines: string[] = [quotedRow(header)];
  // papaparse takes an empty list of rows for one row with no cells: an empty line.
  for (const row of rows.length > 0 ? rows : [[]]) {
    if (row.length === header.length) {
      lines.push(quotedRow(row));
      continue;
    }
    let line = "";
    for (let col = 0; col < header.length; col++) {
      const cell = row[col];
      // papaparse writes no commas at all in a row with no cells.
      if (col > 0 && row.length > 0) line += ",";
      if (cell !== undefined) line += quoteCell(cell);
    }
    lines.push(line);
  }
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
