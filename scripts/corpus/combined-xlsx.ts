// corpus.xlsx: every article's workbook in one, the same six sheets with the article's slug as a
// first column, articles in slug order. It is made from the articles' own workbooks (their rows
// are copied, renumbered), so the export's main thread needs nothing of an article but its file,
// and written as it goes (zip-stream.ts): 10,000 articles' facts are gigabytes of XML. A sheet
// longer than a spreadsheet holds (1,048,575 rows under its header) goes on in "facts (2)", ….
// Column widths are fixed per column rather than measured, which would take a pass more.

import { unzipSync } from "fflate";
import { ZipStream } from "../lib/zip-stream.ts";
import { cellXml, checkSheetName, columnName, MAX_ROWS, packageParts, sheetHead, sheetTail, type SheetPart } from "../lib/xlsx-workbook.ts";
import { SHEET_NAMES, XLSX_SHEETS } from "../writers/xlsx-sheets.ts";

export interface ArticleWorkbook {
  slug: string;
  /** The article's <slug>.xlsx, read when its rows are copied (once per sheet). */
  read(): Uint8Array;
}

/** Widths by column name: wide for texts and IRIs, narrow for codes and numbers. */
function widthOf(column: string): number {
  if (/description|iri$|^value$|^url$|homepage/.test(column)) return 50;
  if (/name|^property$|works for|organizer|location|place|publisher|contained in|parent/.test(column)) return 30;
  if (/date|^recurs$/.test(column)) return 14;
  return Math.min(Math.max(column.length + 4, 10), 24);
}

const ROW = /<row r="(\d+)"[^>]*>(.*?)<\/row>/gs;
const CELL_REF = /<c r="([A-Z]+)\d+"/g;

/** Writes corpus.xlsx to `out`, chunk by chunk. */
export function writeCorpusWorkbook(articles: readonly ArticleWorkbook[], out: (chunk: Uint8Array) => void): void {
  const zip = new ZipStream(out);
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const sheets: SheetPart[] = [];
  /** Column letters one to the right (the slug's column comes first), by letters. */
  const shifted = new Map<string, string>();
  const shift = (letters: string): string => {
    let to = shifted.get(letters);
    if (to === undefined) {
      let n = 0;
      for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
      to = columnName(n);
      shifted.set(letters, to);
    }
    return to;
  };

  SHEET_NAMES.forEach((base, k) => {
    const header = ["article", ...XLSX_SHEETS[base]];
    const widths = header.map(widthOf);
    const part = `xl/worksheets/sheet${k + 1}.xml`;
    let continuation = 1;
    let r = 1;
    let name: string = base;
    const open = () => {
      checkSheetName(name);
      zip.begin(`xl/worksheets/sheet${sheets.length + 1}.xml`);
      zip.push(encoder.encode(sheetHead(header, widths, sheets.length)));
      r = 1;
    };
    const close = () => {
      zip.push(encoder.encode(sheetTail(header.length, r)));
      zip.end();
      sheets.push({ name, columns: header.length, lastRow: r });
    };
    open();
    for (const article of articles) {
      const files = unzipSync(article.read(), { filter: (file) => file.name === part });
      const bytes = files[part];
      if (!bytes) throw new Error(`${article.slug}.xlsx has no sheet ${base} (${part})`);
      const slugCell = cellXml(article.slug);
      let chunk = "";
      for (const [, number, cells] of decoder.decode(bytes).matchAll(ROW)) {
        if (number === "1") continue; // the article's header
        if (r + 1 > MAX_ROWS) {
          zip.push(encoder.encode(chunk));
          chunk = "";
          close();
          continuation++;
          name = `${base} (${continuation})`;
          open();
        }
        r++;
        chunk += `<row r="${r}"><c r="A${r}"${slugCell.slice(2)}${cells!.replace(CELL_REF, (_, letters: string) => `<c r="${shift(letters)}${r}"`)}</row>`;
      }
      zip.push(encoder.encode(chunk));
    }
    close();
  });
  // Sheets were numbered as written: continuations shift the later ones, so the parts follow them.
  for (const [partName, text] of packageParts(sheets, { title: "All articles" })) zip.add(partName, encoder.encode(text));
  zip.finish();
}

/** corpus.xlsx's bytes, for the in-memory export. */
export function corpusWorkbookBytes(articles: readonly ArticleWorkbook[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  writeCorpusWorkbook(articles, (chunk) => chunks.push(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}
