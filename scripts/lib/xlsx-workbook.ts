// A workbook (.xlsx, Office Open XML SpreadsheetML) from tables: one sheet per table, its header
// row bold and frozen, an autofilter over the table, column widths from the longest text, typed
// cells (numbers, dates as date cells shown yyyy-mm-dd, text), and the same bytes for the same
// tables: the zip's entries carry one fixed time (zip.ts) and the document properties none.
//
// Written by hand, and zipped with Node's own zlib (zip.ts), rather than with ExcelJS: loading ExcelJS
// alone takes longer than the whole export of an article, and JavaScript deflate (fflate) three
// times as long as zlib's (BENCHMARKS.md); the export writes a workbook for every article. Texts
// are inline strings (no shared-strings table to build); OOXML's escape `_xHHHH_` is itself
// escaped, so a text reads back exactly as written.

import { boundedMemo } from "./bounded-memo.ts";
import { deflatePiece, zip, type DeflatedPiece } from "./zip.ts";

/** A cell: text, a number, a calendar date (YYYY-MM-DD, shown as a date), or nothing. */
export type CellValue = string | number | { date: string } | null;

export interface Table {
  /** The sheet's name: at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  header: readonly string[];
  rows: readonly (readonly CellValue[])[];
}

/** Excel's limits: rows per sheet (the header included), characters per cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_CELL_CHARS = 32_767;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Style indexes of styles.xml's cellXfs. */
const STYLE_HEADER = 1;
const STYLE_DATE = 2;

/** Text as XML character data: markup escaped, and OOXML's own `_xHHHH_` escape escaped. */
export function xmlText(text: string): string {
  let out = text.includes("_x") ? text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1") : text;
  if (/[&<>"]/.test(out)) out = out.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  return out;
}

/** A's column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/**
 * The serial number of a calendar date in the 1900 date system, or undefined for a date a
 * spreadsheet cannot show as one (before 1900-03-01, where Excel's serials count a 29 February 1900
 * that never was, so LibreOffice and Excel would disagree).
 */
export function dateSerial(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (time < Date.UTC(1900, 2, 1)) return undefined;
  return (time - EPOCH_1900) / DAY_MS;
}

export function cellXml(value: CellValue, style?: number): string {
  if (value === null || value === "") return "";
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number") return `<c${s}><v>${value}</v></c>`;
  if (typeof value === "object") {
    const serial = dateSerial(value.date);
    if (serial !== undefined) return `<c s="${STYLE_DATE}"><v>${serial}</v></c>`;
    value = value.date;
  }
  const text = value.length > MAX_CELL_CHARS ? value.slice(0, MAX_CELL_CHARS) : value;
  const space = /^\s|\s$|\n|\t/.test(text) ? ' xml:space="preserve"' : "";
  return `<c${s} t="inlineStr"><is><t${space}>${xmlText(text)}</t></is></c>`;
}

/** How wide a cell shows, for the column widths: its longest line (in UTF-16 units, near enough). */
function shownLength(value: CellValue): number {
  if (value === null) return 0;
  if (typeof value === "number") return String(value).length;
  if (typeof value === "object") return value.date.length;
  if (!value.includes("\n")) return value.length;
  return Math.max(...value.split("\n").map((line) => line.length));
}

/** Widths are capped: a long description wraps rather than pushing every other column away. */
const MAX_WIDTH = 60;

/** Column widths from the longest text of each column (the header's with room for the filter's button). */
export function columnWidths(header: readonly string[], rows: readonly (readonly CellValue[])[]): number[] {
  return header.map((h, c) => {
    let longest = shownLength(h) + 3;
    for (let r = 0; r < rows.length && longest < MAX_WIDTH; r++) longest = Math.max(longest, shownLength(rows[r]![c] ?? null));
    return Math.min(Math.max(longest + 1, 6), MAX_WIDTH);
  });
}

/**
 * Rows' XML, each row's cells in column order after `lead` (corpus.xlsx's slug cell). No row or
 * cell names its place (SpreadsheetML's `r` is optional): an empty cell is `<c/>` and trailing ones
 * are left out, so an article's rows are the same bytes wherever they land in corpus.xlsx.
 */
export function rowsXml(rows: readonly (readonly CellValue[])[], lead = "", style?: number): string {
  const row = rowMaker(lead, style);
  let xml = "";
  for (const values of rows) xml += row(values);
  return xml;
}

/**
 * Makes one row's XML at a time. A text is made into XML once per maker: the same names, types,
 * sections and IRIs fill many rows.
 */
function rowMaker(lead: string, style: number | undefined): (values: readonly CellValue[]) => string {
  const texts = new Map<string, string>();
  return (values) => {
    let cells = lead;
    let gap = 0;
    for (let c = 0; c < values.length; c++) {
      const value = values[c] ?? null;
      let cell: string;
      if (typeof value === "string") {
        const known = texts.get(value);
        if (known === undefined) texts.set(value, (cell = cellXml(value, style)));
        else cell = known;
      } else cell = cellXml(value, style);
      if (cell === "") gap++;
      else {
        if (gap > 0) cells += "<c/>".repeat(gap);
        gap = 0;
        cells += cell;
      }
    }
    return `<row>${cells}</row>`;
  };
}

/** Rows' XML in UTF-8 (rowsXml's bytes), with where each row starts in them (for withLead). */
export type RowsBytes = Uint8Array & { readonly rowStarts: readonly number[] };

/**
 * rowsXml's bytes, each row encoded into one buffer as it is made: encoding row by row is cheaper
 * than encoding the whole sheet's text (which must first be copied into one flat string), and
 * gives the rows' starts on the way.
 */
export function rowsBytes(rows: readonly (readonly CellValue[])[]): RowsBytes {
  const row = rowMaker("", undefined);
  const xmls = rows.map(row);
  // Room for the text in one byte per unit, and half as much again: a text of ASCII (the common
  // case) never makes the buffer grow; one that needs more gets it.
  const units = xmls.reduce((n, xml) => n + xml.length, 0);
  let out = Buffer.allocUnsafe(units + (units >> 1));
  let at = 0;
  const rowStarts: number[] = [];
  for (const text of xmls) {
    if (out.length - at < text.length * MAX_BYTES_PER_UNIT) {
      const needed = Buffer.byteLength(text, "utf8");
      if (out.length - at < needed) {
        const bigger = Buffer.allocUnsafe(Math.max(2 * out.length, at + needed));
        out.copy(bigger, 0, 0, at);
        out = bigger;
      }
    }
    rowStarts.push(at);
    at += out.write(text, at, "utf8");
  }
  return Object.assign(out.subarray(0, at), { rowStarts });
}

/** A UTF-16 code unit never takes more than 3 bytes in UTF-8. */
const MAX_BYTES_PER_UNIT = 3;

const ROW_START = Buffer.from("<row>");

/**
 * Rows' XML as UTF-8 (rowsXml's bytes) with `lead`'s cell XML put first in each row: corpus.xlsx's
 * rows of an article from the article's own workbook's, without making and encoding the XML again
 * (encoding a sheet of facts takes longer than making it). Where the rows start is known when they
 * come from rowsBytes, else searched for: no text holds "<row>", as cells escape "<".
 */
export function withLead(rows: Uint8Array | RowsBytes, lead: string): Uint8Array {
  const bytes = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  const starts = "rowStarts" in rows ? rows.rowStarts : rowStartsIn(bytes);
  const leadBytes = Buffer.from(lead, "utf8");
  const out = Buffer.allocUnsafe(bytes.length + starts.length * leadBytes.length);
  let from = 0;
  let at = 0;
  for (const start of starts) {
    const cut = start + ROW_START.length;
    at += bytes.copy(out, at, from, cut);
    at += leadBytes.copy(out, at);
    from = cut;
  }
  bytes.copy(out, at, from);
  return out;
}

function rowStartsIn(bytes: Buffer): number[] {
  const starts: number[] = [];
  for (let at = bytes.indexOf(ROW_START); at !== -1; at = bytes.indexOf(ROW_START, at + ROW_START.length)) starts.push(at);
  return starts;
}

/** A sheet's XML up to its rows: the frozen header's view, the columns' widths; then the header row. */
export function sheetHead(header: readonly string[], widths: readonly number[], index: number): string {
  return (
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ""} workbookViewId="0">` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    "</sheetView></sheetViews>" +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rowsXml([header], "", STYLE_HEADER)}`
  );
}

/** A sheet's XML after its rows: the autofilter over the table. */
export function sheetTail(columns: number, lastRow: number): string {
  return `</sheetData><autoFilter ref="A1:${columnName(Math.max(columns, 1) - 1)}${lastRow}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

/** A sheet's bytes, its rows' from `rows` when given (rowsXml's UTF-8, made once for corpus.xlsx too). */
function sheetBytes(table: Table, index: number, rows: Uint8Array = rowsBytes(table.rows)): Uint8Array {
  const head = Buffer.from(sheetHead(table.header, columnWidths(table.header, table.rows), index), "utf8");
  return Buffer.concat([head, rows, Buffer.from(sheetTail(table.header.length, table.rows.length + 1), "utf8")]);
}

const STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** A sheet as the workbook's other parts name it. */
export interface SheetPart {
  name: string;
  columns: number;
  lastRow: number;
}

export function checkSheetName(name: string): void {
  if (name.length === 0 || name.length > 31 || SHEET_NAME_FORBIDDEN.test(name)) throw new Error(`not a sheet name: ${JSON.stringify(name)}`);
}

/** The parts besides the sheets (xl/worksheets/sheet<n>.xml, n from 1), as name → XML. */
export function packageParts(sheets: readonly SheetPart[], properties: { title: string; language?: string }): [string, string][] {
  const sheetFiles = sheets.map((_, i) => `xl/worksheets/sheet${i + 1}.xml`);
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetFiles.map((f) => `<Override PartName="/${f}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${REL_DOC}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_DOC}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
  // No dates: the same tables give the same bytes.
  const core = `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(properties.title)}</dc:title>${properties.language ? `<dc:language>${xmlText(properties.language)}</dc:language>` : ""}<dc:creator>org-article-export</dc:creator></cp:coreProperties>`;
  const app = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>org-article-export</Application></Properties>`;
  const workbook = `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.map((t, i) => `<sheet name="${xmlText(t.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><definedNames>${sheets
    .map((t, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(t.name.replace(/'/g, "''"))}'!$A$1:$${columnName(Math.max(t.columns, 1) - 1)}$${t.lastRow}</definedName>`)
    .join("")}</definedNames></workbook>`;
  const workbookRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${sheetFiles.map((f, i) => `<Relationship Id="rId${i + 1}" Type="${REL_DOC}/worksheet" Target="${f.slice(3)}"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${REL_DOC}/styles" Target="styles.xml"/></Relationships>`;
  return [
    ["[Content_Types].xml", contentTypes],
    ["_rels/.rels", rootRels],
    ["docProps/core.xml", core],
    ["docProps/app.xml", app],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", workbookRels],
    ["xl/styles.xml", STYLES],
  ];
}

/**
 * A package part's text deflated, kept by text: the parts other than ARTICLE_PARTS (the styles,
 * the content types, the relationships) are the same in every workbook of as many sheets, and
 * deflating a small text costs some 20 µs whatever its size (zlib's state is made anew each time),
 * a tenth of an article's workbook's deflating.
 */
const deflatedPart = boundedMemo((text: string) => deflatePiece(Buffer.from(text, "utf8")), 64);

/** The parts that name the workbook's title and its sheets' rows: deflated for each workbook, not kept. */
const ARTICLE_PARTS = new Set(["docProps/core.xml", "xl/workbook.xml"]);

/**
 * The workbook's bytes. `title` and `language` go into its document properties; `rows`, when given,
 * are each table's rows as rowsXml's UTF-8, already made.
 */
export function writeWorkbook(tables: readonly Table[], properties: { title: string; language?: string }, rows?: readonly Uint8Array[]): Uint8Array {
  for (const table of tables) {
    checkSheetName(table.name);
    if (table.rows.length + 1 > MAX_ROWS) throw new Error(`the sheet ${table.name} has ${table.rows.length} rows, more than a spreadsheet holds (${MAX_ROWS - 1} below its header)`);
  }
  const entries: [string, Uint8Array | DeflatedPiece][] = packageParts(
    tables.map((t) => ({ name: t.name, columns: t.header.length, lastRow: t.rows.length + 1 })),
    properties,
  ).map(([name, text]) => [name, ARTICLE_PARTS.has(name) ? deflatePiece(Buffer.from(text, "utf8")) : deflatedPart(text)]);
  tables.forEach((table, i) => entries.push([`xl/worksheets/sheet${i + 1}.xml`, sheetBytes(table, i, rows?.[i])]));
  return zip(entries);
}
