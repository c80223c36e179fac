// The workbook (<slug>.xlsx): read back by readers other than its writer (SheetJS; LibreOffice,
// converting every sheet to CSV), it holds the six sheets with their headers, typed cells (counts
// as numbers, full dates as date cells, partial dates as ISO text), the facts sheet equal to the
// CSV cell for cell, the header frozen and filtered, the formula guard, and the same bytes twice.

import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import { stringify } from "yaml";
import * as XLSX from "xlsx";
import { describe, expect, it } from "vitest";
import { exportInMemory } from "./reference/pipeline.ts";
import { XLSX_SHEETS, xlsxTables, type SheetName } from "../scripts/writers/xlsx.ts";
import { writeCsv } from "../scripts/writers/csv.ts";
import { cellXml, columnName, dateSerial, rowsBytes, rowsXml, withLead, writeWorkbook, xmlText, type CellValue } from "../scripts/lib/xlsx-workbook.ts";
import { ifexDist, ifexFile, ifexYaml, IFEX_SOURCE, tempDir } from "./helpers.ts";
import { corpusSettingsOf, ifex } from "./ifex.ts";

const SHEETS = Object.keys(XLSX_SHEETS) as SheetName[];
// IFEX's workbook and CSV as the command line writes them for IFEX alone (tests/helpers.ts ifexDist).
const exported = readFileSync(join(ifexDist(), "ifex.xlsx"));
const csvRows = Papa.parse<string[]>(ifexFile("ifex.csv").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

/** A cell as SheetJS reads it: its type and the value shown. */
function sheetJsCell(cell: XLSX.CellObject | undefined): { t: string; shown: string } | null {
  if (!cell) return null;
  if (cell.t === "n" && typeof cell.z === "string" && XLSX.SSF.is_date(cell.z)) {
    // The serial's calendar date, as SheetJS's own number formatting reads it (no time zone involved).
    const { y, m, d } = XLSX.SSF.parse_date_code(cell.v as number);
    return { t: "date", shown: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
  }
  if (cell.t === "n") return { t: "number", shown: String(cell.v) };
  return { t: cell.t === "s" ? "text" : cell.t, shown: String(cell.v) };
}

/** What a cell of ours must read back as. */
function expectedCell(value: CellValue): { t: string; shown: string } | null {
  if (value === null || value === "") return null;
  if (typeof value === "number") return { t: "number", shown: String(value) };
  if (typeof value === "object") return dateSerial(value.date) === undefined ? { t: "text", shown: value.date } : { t: "date", shown: value.date };
  return { t: "text", shown: value };
}

/** Workbooks as SheetJS read them, each once (the tests only read them). */
const books = new WeakMap<Uint8Array, XLSX.WorkBook>();

function sheetJsRows(bytes: Uint8Array, name: string): ({ t: string; shown: string } | null)[][] {
  let book = books.get(bytes);
  if (!book) books.set(bytes, (book = XLSX.read(bytes, { type: "buffer", cellNF: true })));
  const sheet = book.Sheets[name]!;
  const range = XLSX.utils.decode_range(sheet["!ref"]!);
  const rows: ({ t: string; shown: string } | null)[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: ({ t: string; shown: string } | null)[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push(sheetJsCell(sheet[XLSX.utils.encode_cell({ r, c })]));
    rows.push(row);
  }
  return rows;
}

describe("the workbook, read back by SheetJS", () => {
  const { model, graph, artifacts } = ifex();
  const tables = xlsxTables(model, graph);

  it("is what the pipeline writes now, and the same bytes when written again", () => {
    const written = artifacts.get("ifex.xlsx") as Uint8Array;
    expect(Buffer.from(written).equals(exported)).toBe(true);
    const again = exportInMemory([{ file: "source/ifex.yaml", text: ifexYaml() }], ["xlsx"], corpusSettingsOf(IFEX_SOURCE));
    expect(again.ok && Buffer.from(again.articles[0]!.artifacts.get("ifex.xlsx") as Uint8Array).equals(exported)).toBe(true);
  });

  it("has one sheet per table, in order, each with its header, and no formula anywhere", () => {
    const book = XLSX.read(exported, { type: "buffer", cellFormula: true });
    expect(book.SheetNames).toEqual(SHEETS);
    for (const name of SHEETS) {
      const sheet = book.Sheets[name]!;
      const header = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 })[0];
      expect(header, name).toEqual([...XLSX_SHEETS[name]]);
      expect(Object.values(sheet).some((cell) => typeof cell === "object" && cell !== null && "f" in cell), name).toBe(false);
    }
  });

  it("holds every table's cells with their types: counts as numbers, full dates as dates, partial dates as text", () => {
    for (const name of SHEETS) {
      const rows = sheetJsRows(exported, name).slice(1);
      expect(rows.length, name).toBe(tables[name].length);
      rows.forEach((row, r) => tables[name][r]!.forEach((value, c) => expect(row[c] ?? null, `${name}!${columnName(c)}${r + 2}`).toEqual(expectedCell(value))));
    }
    const organizations = sheetJsRows(exported, "organizations");
    const founders = XLSX_SHEETS.organizations.indexOf("founders");
    const founded = XLSX_SHEETS.organizations.indexOf("founding date");
    expect(organizations[1]![founders]).toEqual({ t: "number", shown: "12" });
    expect(organizations[1]![founded]).toEqual({ t: "text", shown: "1992" });
    const works = sheetJsRows(exported, "works");
    expect(works.some((row) => row[XLSX_SHEETS.works.indexOf("start date")]?.t === "date")).toBe(true);
  });

  it("has in its facts sheet exactly the CSV's cells, row for row", () => {
    const facts = sheetJsRows(exported, "facts");
    expect(facts.length).toBe(csvRows.length);
    facts.forEach((row, r) => expect(csvRows[r]!.map((_, c) => row[c]?.shown ?? ""), `row ${r + 1}`).toEqual(csvRows[r]));
    const typeColumn = XLSX_SHEETS.facts.indexOf("value_type");
    const valueColumn = XLSX_SHEETS.facts.indexOf("value");
    const typesOf = (valueType: string) => new Set(facts.filter((row) => row[typeColumn]?.shown === valueType).map((row) => row[valueColumn]!.t));
    expect(typesOf("integer")).toEqual(new Set(["number"]));
    expect(typesOf("date (day)")).toEqual(new Set(["date"]));
    expect(typesOf("date (year)")).toEqual(new Set(["text"]));
  });

  it("freezes each header row and filters each table", () => {
    const files = unzipSync(exported);
    const book = XLSX.read(exported, { type: "buffer" });
    SHEETS.forEach((name, i) => {
      const xml = new TextDecoder().decode(files[`xl/worksheets/sheet${i + 1}.xml`]);
      expect(xml, name).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
      const last = `${columnName(XLSX_SHEETS[name].length - 1)}${tables[name].length + 1}`;
      expect(book.Sheets[name]!["!autofilter"], name).toEqual({ ref: `A1:${last}` });
      expect(xml).toMatch(/<col min="1" max="1" width="\d+(\.\d+)?" customWidth="1"\/>/);
    });
  });

  it("keeps a text as written: markup, line breaks, spaces, OOXML's own escapes; the formula guard as in the CSV", () => {
    const texts = ["a & b < c > d \"e\"", "two\nlines", "  padded  ", "_x0041_ stays", "=HYPERLINK(\"http://evil.example\")", "+1", "日本 🎉"];
    const bytes = writeWorkbook([{ name: "t", header: ["text"], rows: texts.map((t) => [t]) }], { title: "t" });
    const rows = sheetJsRows(bytes, "t").slice(1);
    expect(rows.map((row) => row[0]!.shown)).toEqual(texts);
    expect(xmlText("_x0041_")).toBe("_x005F_x0041_");
    // Through the article's tables, a formula-like text gets the CSV's apostrophe.
    const yaml = stringify({ ...JSON.parse(JSON.stringify(minimal)), organizations: [{ ...minimal.organizations[0], name: "=1+1" }] });
    const result = exportInMemory([{ file: "source/guard.yaml", text: yaml }], ["xlsx"]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const organizations = sheetJsRows(result.articles[0]!.artifacts.get("guard.xlsx") as Uint8Array, "organizations");
    expect(organizations[1]![1]).toEqual({ t: "text", shown: "'=1+1" });
  });
});

describe("the facts sheet's cells", () => {
  it("are the CSV's cells, as papaparse reads IFEX's CSV back, integers and days typed", () => {
    const { model, graph } = ifex();
    const papa = Papa.parse<string[]>(writeCsv(graph).replace(/^\uFEFF/, ""), { newline: "\r\n", skipEmptyLines: true }).data.slice(1);
    const facts = xlsxTables(model, graph).facts;
    expect(facts.length).toBeGreaterThan(300);
    expect(facts.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "object" ? cell.date : String(cell))))).toEqual(papa);
    expect(facts.some((row) => row.some((cell) => typeof cell === "number"))).toBe(true);
  });
});

describe("an article's rows of corpus.xlsx, from its workbook's rows (withLead)", () => {
  it("are the rows made with the slug's cell first: IFEX's sheets, empty rows, and texts that look like markup", () => {
    const tables = xlsxTables(ifex().model, ifex().graph);
    const odd: CellValue[][] = [[], [null, null], ["<row>", "</row><row>x"], ["a<row>b", { date: "2001-02-03" }, 7], ["é\u{1F600}", "_x0041_", " spaced "]];
    const lead = cellXml("ifex");
    for (const rows of [...Object.values(tables), odd, []]) {
      expect(Buffer.from(withLead(Buffer.from(rowsXml(rows), "utf8"), lead)).toString("utf8")).toBe(rowsXml(rows, lead));
    }
    expect(tables.facts.length).toBeGreaterThan(300);
  });

  it("are the same from rowsBytes (rows encoded one by one, their starts kept), texts of three bytes a unit included", () => {
    const tables = xlsxTables(ifex().model, ifex().graph);
    // Texts that take more bytes than ASCII: the buffer rowsBytes starts with must grow.
    const wide: CellValue[][] = Array.from({ length: 40 }, (_, i) => ["\u6f22\u5b57".repeat(50 + i), `\u{1F600}${i}`, i]);
    const lead = cellXml("ifex");
    for (const rows of [...Object.values(tables), wide, [[]], []]) {
      const bytes = rowsBytes(rows);
      expect(Buffer.from(bytes).toString("utf8")).toBe(rowsXml(rows));
      expect(bytes.rowStarts.length).toBe(rows.length);
      expect(Buffer.from(withLead(bytes, lead)).toString("utf8")).toBe(rowsXml(rows, lead));
    }
  });
});

describe("corpus.xlsx", () => {
  it("holds every article's rows with its slug first, read by SheetJS (the zip written as it went, with data descriptors)", () => {
    const corpus = readFileSync(join(ifexDist(), "corpus.xlsx"));
    expect(XLSX.read(corpus, { type: "buffer" }).SheetNames).toEqual(SHEETS);
    for (const name of SHEETS) {
      const rows = sheetJsRows(corpus, name);
      expect(rows[0]!.map((c) => c?.shown), name).toEqual(["article", ...XLSX_SHEETS[name]]);
      expect(rows.slice(1), name).toEqual(sheetJsRows(exported, name).slice(1).map((row) => [{ t: "text", shown: "ifex" }, ...row]));
    }
  });
});

const minimal = {
  article: { slug: "guard", title: "Guard", language: "en", subject: "guard", sections: ["Lead"] },
  infobox: { title: "Guard", fields: [{ label: "Founded", value: "1992", type: "date" }] },
  organizations: [{ id: "guard", section: "Lead", type: "Organization", name: "Guard", foundingDate: "1992" }],
};

// LibreOffice converts every sheet to CSV, text quoted and numbers as shown, so each cell's type
// shows too: "…" is text, a bare value a number or a date.
const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
const haveSoffice = soffice.status === 0;
if (!haveSoffice) console.warn("tests/xlsx.test.ts: LibreOffice (soffice) is missing, so the workbook is not converted with it; install libreoffice-calc-nogui (.ci/run does)");

/** RFC 4180 fields with whether each was quoted. */
function quotedFields(text: string): { value: string; quoted: boolean }[][] {
  const rows: { value: string; quoted: boolean }[][] = [];
  let row: { value: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    let value = "";
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (value += '"'), (i += 2);
        else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
    } else while (i < text.length && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") value += text[i++];
    row.push({ value, quoted });
    if (text[i] === ",") i++;
    else {
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe.skipIf(!haveSoffice)(`the workbook in LibreOffice (${soffice.stdout?.trim() ?? "missing"})`, () => {
  it("converts with every sheet's cells as written, text as text and numbers and dates as such", { timeout: 120_000 }, () => {
    const dir = tempDir("xlsx-lo-");
    writeFileSync(join(dir, "ifex.xlsx"), exported);
    // corpus.xlsx too: its sheets are the article's with the slug first. Both in one start of
    // LibreOffice, which converts each file it is given.
    writeFileSync(join(dir, "corpus.xlsx"), readFileSync(join(ifexDist(), "corpus.xlsx")));
    // 44 comma, 34 quote, 76 UTF-8, 1 first line; quote all text; cells as shown; -1: every sheet to its own file.
    execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${join(dir, "profile")}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1", "--outdir", join(dir, "out"), join(dir, "ifex.xlsx"), join(dir, "corpus.xlsx")], { stdio: "ignore", timeout: 110_000 });
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["corpus", "ifex"].flatMap((book) => SHEETS.map((name) => `${book}-${name}.csv`)).sort());
    for (const name of SHEETS) {
      const own = readFileSync(join(dir, "out", `ifex-${name}.csv`), "utf8").split(/\r?\n/).filter(Boolean);
      const corpus = readFileSync(join(dir, "out", `corpus-${name}.csv`), "utf8").split(/\r?\n/).filter(Boolean);
      expect(corpus.slice(1), name).toEqual(own.slice(1).map((line) => `"ifex",${line}`));
    }
    const { model, graph } = ifex();
    const tables = xlsxTables(model, graph);
    for (const name of SHEETS) {
      const rows = quotedFields(readFileSync(join(dir, "out", `ifex-${name}.csv`), "utf8"));
      expect(rows[0]!.map((f) => f.value), name).toEqual([...XLSX_SHEETS[name]]);
      expect(rows.length - 1, name).toBe(tables[name].length);
      tables[name].forEach((row, r) =>
        row.forEach((value, c) => {
          const expected = expectedCell(value);
          const found = rows[r + 1]![c] ?? { value: "", quoted: false };
          const where = `${name}!${columnName(c)}${r + 2}`;
          if (expected === null) expect(found.value, where).toBe("");
          else expect({ shown: found.value, text: found.quoted }, where).toEqual({ shown: expected.shown, text: expected.t === "text" });
        }),
      );
    }
  });
});
