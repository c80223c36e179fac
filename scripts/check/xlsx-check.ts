// `make check` for the workbooks (<slug>.xlsx, corpus.xlsx): a zip holding the parts of a
// SpreadsheetML workbook; the six sheets in order, each with its header row, frozen and filtered;
// every cell well formed (a text, a number, or a date cell); and the facts sheet holding exactly the
// rows of the article's CSV beside it, cell for cell (a date cell shows the CSV's ISO date, a number
// its digits). Read with fflate and the workbook's own XML, not with the writer's code.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import type { PlacedFinding } from "./datapackage-check.ts";

export const XLSX_SHEET_NAMES = ["organizations", "people", "places", "events", "works", "facts"] as const;

export type XlsxCell = { type: "text"; text: string } | { type: "number"; value: number } | { type: "date"; iso: string };

export interface XlsxSheet {
  name: string;
  rows: (XlsxCell | null)[][];
  frozenHeader: boolean;
  autoFilter: string | undefined;
}

const REQUIRED_PARTS = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&")
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function isoOfSerial(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** The workbook's sheets, read from its XML. Throws on what is not a workbook. */
export function readWorkbookXml(bytes: Uint8Array): XlsxSheet[] {
  const files = unzipSync(bytes);
  for (const part of REQUIRED_PARTS) if (!files[part]) throw new Error(`the workbook has no ${part}`);
  const text = (name: string) => new TextDecoder("utf-8", { fatal: true }).decode(files[name]);
  const rels = new Map([...text("xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
  const styles = text("xl/styles.xml");
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? "";
  const customFormats = new Map([...styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), decode(m[2]!)]));
  const dateStyles = new Set<number>();
  [...cellXfs.matchAll(/<xf\b[^>]*?numFmtId="(\d+)"/g)].forEach((m, i) => {
    const id = Number(m[1]);
    const code = customFormats.get(id) ?? "";
    if ((id >= 14 && id <= 22) || /[yd]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ""))) dateStyles.add(i);
  });
  const sheets: XlsxSheet[] = [];
  for (const m of text("xl/workbook.xml").matchAll(/<sheet\b[^>]*\bname="([^"]*)"[^>]*\br:id="([^"]+)"/g)) {
    const target = rels.get(m[2]!);
    if (!target) throw new Error(`the sheet ${m[1]} has no part`);
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    if (!files[path]) throw new Error(`the sheet ${m[1]} names a missing part ${path}`);
    const xml = text(path);
    const rows: (XlsxCell | null)[][] = [];
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>(.*?)<\/row>)/gs)) {
      const r = Number(/\br="(\d+)"/.exec(row[1]!)?.[1] ?? rows.length + 1);
      const cells: (XlsxCell | null)[] = [];
      let next = 0;
      for (const c of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const attributes = c[1]!;
        const ref = /\br="([A-Z]+)\d+"/.exec(attributes)?.[1];
        const index = ref ? columnIndex(ref) : next;
        next = index + 1;
        const type = /\bt="([^"]+)"/.exec(attributes)?.[1] ?? "n";
        const style = Number(/\bs="(\d+)"/.exec(attributes)?.[1] ?? 0);
        const body = c[2] ?? "";
        let cell: XlsxCell | null = null;
        if (type === "inlineStr") cell = { type: "text", text: decode([...body.matchAll(/<t\b[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")) };
        else if (type === "str") cell = { type: "text", text: decode(/<v>(.*?)<\/v>/s.exec(body)?.[1] ?? "") };
        else if (type === "n") {
          const v = /<v>(.*?)<\/v>/s.exec(body)?.[1];
          if (v !== undefined) cell = dateStyles.has(style) ? { type: "date", iso: isoOfSerial(Number(v)) } : { type: "number", value: Number(v) };
        } else throw new Error(`the sheet ${m[1]} has a cell of type ${type} at ${ref ?? "?"}${r}, which this check does not read`);
        cells[index] = cell;
      }
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      rows[r - 1] = cells;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets.push({ name: decode(m[1]!), rows, frozenHeader: /<pane\b[^>]*ySplit="1"[^>]*state="frozen"/.test(xml), autoFilter: /<autoFilter\b[^>]*ref="([^"]+)"/.exec(xml)?.[1] });
  }
  return sheets;
}

/** A cell as the CSV shows it. */
export function shown(cell: XlsxCell | null): string {
  if (cell === null) return "";
  return cell.type === "text" ? cell.text : cell.type === "date" ? cell.iso : String(cell.value);
}

/** `corpus`: the combined workbook, whose sheets start with the article's slug. */
export function checkXlsx(dir: string, name: string, slug: string, corpus: boolean, headers: Record<string, readonly string[]>): { checked: string; findings: PlacedFinding[] } {
  const findings: PlacedFinding[] = [];
  const at = { line: 1, col: 1 };
  const fail = (message: string, expected?: string, found?: string) => findings.push({ check: "syntax", node: "", message, ...(expected !== undefined && { expected }), ...(found !== undefined && { found }), position: at });
  let sheets: XlsxSheet[];
  try {
    sheets = readWorkbookXml(readFileSync(join(dir, name)));
  } catch (error) {
    fail(`not a workbook: ${(error as Error).message}`);
    return { checked: "workbook", findings };
  }
  // The combined workbook may go on in continuation sheets ("facts (2)", …) and has the slug first.
  const baseOf = (name: string) => (corpus ? name.replace(/ \(\d+\)$/, "") : name);
  const names = sheets.map((s) => baseOf(s.name)).filter((name, i, all) => all.indexOf(name) === i);
  if (names.join() !== XLSX_SHEET_NAMES.join()) fail("not the documented sheets", XLSX_SHEET_NAMES.join(", "), sheets.map((s) => s.name).join(", "));
  let cells = 0;
  for (const sheet of sheets) {
    const header = sheet.rows[0]?.map(shown) ?? [];
    const documented = headers[baseOf(sheet.name)];
    const expected = documented && corpus ? ["article", ...documented] : documented;
    if (expected && header.join("\u0000") !== expected.join("\u0000")) fail(`the sheet ${sheet.name} has not the documented header`, expected.join(", "), header.join(", "));
    if (!sheet.frozenHeader) fail(`the sheet ${sheet.name}'s header row is not frozen`);
    if (!sheet.autoFilter?.startsWith("A1:")) fail(`the sheet ${sheet.name} has no autofilter over its table`);
    for (const row of sheet.rows) cells += row.length;
  }
  // The facts are the CSV's rows, cell for cell.
  const facts = sheets.find((s) => s.name === "facts");
  const csvName = `${slug}.csv`;
  if (facts && !corpus && existsSync(join(dir, csvName))) {
    const csv = Papa.parse<string[]>(readFileSync(join(dir, csvName), "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.slice(1);
    const rows = facts.rows.slice(1);
    if (rows.length !== csv.length) fail(`the facts sheet has not the CSV's rows`, `${csv.length} rows, as ${csvName}`, `${rows.length}`);
    else {
      const differs = rows.findIndex((row, i) => csv[i]!.some((value, c) => shown(row[c] ?? null) !== value));
      if (differs >= 0) fail(`the facts sheet's row ${differs + 2} is not the CSV's`, JSON.stringify(csv[differs]), JSON.stringify(rows[differs]!.map(shown)));
    }
  }
  // The combined workbook holds each article's rows (with its slug first), where its workbook is beside it.
  let compared = 0;
  if (corpus) {
    const slugs = new Map<string, number>();
    for (const sheet of sheets) for (const row of sheet.rows.slice(1)) if (row[0]?.type === "text") slugs.set(row[0].text, 0);
    for (const slugOf of slugs.keys()) {
      if (!existsSync(join(dir, `${slugOf}.xlsx`))) continue;
      let own: XlsxSheet[];
      try {
        own = readWorkbookXml(readFileSync(join(dir, `${slugOf}.xlsx`)));
      } catch {
        continue; // reported by its own check
      }
      for (const base of XLSX_SHEET_NAMES) {
        const mine = own.find((s) => s.name === base)?.rows.slice(1).map((row) => row.map(shown).join("\u0000")) ?? [];
        const theirs = sheets.filter((s) => baseOf(s.name) === base).flatMap((s) => s.rows.slice(1)).filter((row) => row[0]?.type === "text" && row[0].text === slugOf).map((row) => row.slice(1).map(shown).join("\u0000"));
        if (mine.join("\n") !== theirs.join("\n")) fail(`the sheet ${base} does not hold the rows of ${slugOf}.xlsx`, `${mine.length} rows as there`, `${theirs.length} rows`);
      }
      compared++;
    }
  }
  return { checked: `${sheets.length} sheets, ${cells} cells${facts && !corpus ? `, facts as ${csvName}` : ""}${corpus ? `, the rows of ${compared} article workbook${compared === 1 ? "" : "s"}` : ""}`, findings };
}
