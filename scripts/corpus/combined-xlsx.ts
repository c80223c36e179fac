// corpus.xlsx: every article's workbook in one, the same six sheets with the article's slug as a
// first column, articles in slug order. Each article's job makes its rows of every sheet once and
// deflates them apart (`workbookPieces`, lib/zip.ts): the main thread lays the pieces end to end,
// so it neither inflates the articles' workbooks nor deflates 10,000 articles' gigabytes of XML
// again; after an edit, the unchanged articles' pieces are copied from the current corpus.xlsx.
// A sheet longer than a spreadsheet holds (1,048,575 rows under its header) goes on in
// "facts (2)", …, at an article's first row. Column widths are fixed per column name rather than
// measured, which would take a pass more.

import { cellXml, checkSheetName, MAX_ROWS, packageParts, sheetHead, sheetTail, withLead, type CellValue, type SheetPart } from "../lib/xlsx-workbook.ts";
import { deflatePiece, ZipWriter, type DeflatedPiece } from "../lib/zip.ts";
import { SHEET_NAMES, XLSX_SHEETS, type SheetName } from "../writers/xlsx-sheets.ts";

/** An article's rows of one sheet of corpus.xlsx, deflated apart, and how many rows they are. */
export interface SheetPiece extends DeflatedPiece {
  rows: number;
}

/**
 * The article's rows of corpus.xlsx, sheet by sheet in SHEET_NAMES's order: its workbook's rows
 * (`rows`, their XML in UTF-8) with the slug's cell first in each.
 */
export function workbookPieces(slug: string, tables: Record<SheetName, readonly (readonly CellValue[])[]>, rows: Record<SheetName, Uint8Array>): SheetPiece[] {
  const slugCell = cellXml(slug);
  return SHEET_NAMES.map((name) => ({ ...deflatePiece(withLead(rows[name], slugCell)), rows: tables[name].length }));
}

/** Widths by column name: wide for texts and IRIs, narrow for codes and numbers. */
function widthOf(column: string): number {
  if (/description|iri$|^value$|^url$|homepage/.test(column)) return 50;
  if (/name|^property$|works for|organizer|location|place|publisher|contained in|parent/.test(column)) return 30;
  if (/date|^recurs$/.test(column)) return 14;
  return Math.min(Math.max(column.length + 4, 10), 24);
}

/** Where an article's piece lies in corpus.xlsx (its deflated bytes), and what it is: read back after an edit. */
export type PlacedPiece = [offset: number, length: number, crc: number, size: number, rows: number];

/**
 * Writes corpus.xlsx to `out` as it goes. `pieces(i, k)` gives the i-th article's (in slug order)
 * piece of sheet k: asked once each, so they are read where they are kept, not held. Returns where
 * each article's pieces were placed.
 */
export function writeCorpusWorkbook(count: number, pieces: (article: number, sheet: number) => SheetPiece, out: (chunk: Uint8Array) => void): PlacedPiece[][] {
  const zip = new ZipWriter(out);
  const placed: PlacedPiece[][] = Array.from({ length: count }, () => []);
  const sheets: SheetPart[] = [];
  SHEET_NAMES.forEach((base, k) => {
    const header = ["article", ...XLSX_SHEETS[base]];
    let rows = 0;
    const open = (name: string) => {
      checkSheetName(name);
      zip.begin(`xl/worksheets/sheet${sheets.length + 1}.xml`);
      zip.piece(deflatePiece(Buffer.from(sheetHead(header, header.map(widthOf), sheets.length), "utf8")));
      sheets.push({ name, columns: header.length, lastRow: 1 });
      rows = 0;
    };
    const close = () => {
      sheets.at(-1)!.lastRow = rows + 1;
      zip.piece(deflatePiece(Buffer.from(sheetTail(header.length, rows + 1), "utf8")));
      zip.end();
    };
    open(base);
    for (let i = 0; i < count; i++) {
      const piece = pieces(i, k);
      if (piece.rows === 0) {
        placed[i]!.push([0, 0, 0, 0, 0]);
        continue;
      }
      if (rows + piece.rows > MAX_ROWS - 1) {
        if (rows === 0) throw new Error(`article ${i + 1} has ${piece.rows} rows of ${base}, more than a sheet holds`);
        close();
        open(`${base} (${sheets.filter((s) => s.name === base || s.name.startsWith(`${base} (`)).length + 1})`);
      }
      placed[i]!.push([zip.piece(piece), piece.deflated.length, piece.crc, piece.size, piece.rows]);
      rows += piece.rows;
    }
    close();
  });
  // Sheets were numbered as written: continuations shift the later ones, so the parts follow them.
  for (const [partName, text] of packageParts(sheets, { title: "All articles" })) zip.add(partName, Buffer.from(text, "utf8"));
  zip.finish();
  return placed;
}

/** corpus.xlsx's bytes from every article's pieces in memory (small corpora, and the tests' reference). */
export function corpusWorkbookBytes(articles: readonly SheetPiece[][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  writeCorpusWorkbook(articles.length, (i, k) => articles[i]![k]!, (chunk) => chunks.push(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}
