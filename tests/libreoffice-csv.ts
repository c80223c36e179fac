// A check with a real spreadsheet, run by hand (LibreOffice is not a dependency of the project):
//
//   apt-get install libreoffice-calc-nogui
//   node --import tsx tests/libreoffice-csv.ts
//
// Exports an article whose alternate names are every hostile string of the tests (formula starts
// included), opens its CSV in LibreOffice with formula evaluation ON, and reports how many cells
// became formulas (must be 0) and how many values came back exactly after the documented formula
// guard, with quoted fields read as text and with LibreOffice's defaults.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { stringify } from "yaml";
import { exportInMemory } from "./reference/pipeline.ts";
import { unguardFormula } from "../scripts/writers/csv.ts";
import { firstForbidden } from "../scripts/lib/characters.ts";
import { HOSTILE } from "./article-arbitrary.ts";

const names = [...new Set([...HOSTILE, "=1+1", "=cmd|' /C calc'!A0", "first line\n=2+2", "@SUM(1,2)", "-3+4", "+5", "\t=6", " =8", "＝9", "'already", '=HYPERLINK("http://evil.example","click")'])].filter((s) => s.length > 0 && !firstForbidden(s));
const data = {
  article: { slug: "lo", title: "LibreOffice check", language: "en", subject: "org", sections: ["Lead"] },
  infobox: { title: "x", fields: [{ label: "x", value: "x", type: "text" }] },
  organizations: [{ id: "org", section: "Lead", type: "NGO", name: "Org", alternateNames: names }],
};
const result = exportInMemory([{ file: "lo.yaml", text: stringify(data) }]);
if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
const dir = mkdtempSync(join(tmpdir(), "libreoffice-"));
writeFileSync(join(dir, "lo.csv"), result.articles[0]!.artifacts.get("lo.csv")!);

const version = execFileSync("soffice", ["--version"], { encoding: "utf8" }).trim();
process.stdout.write(`${version}\n${names.length} hostile strings as alternate names\n`);
// CSV import options: comma, double quote, UTF-8, from line 1, ..., quoted field as text, ..., evaluate formulas.
for (const [label, quotedAsText] of [["quoted fields as text", "true"], ["LibreOffice's defaults", "false"]] as const) {
  const filter = `CSV:44,34,76,1,,0,${quotedAsText},false,false,false,false,-1,true`;
  execFileSync("soffice", ["--headless", "--norestore", `--infilter=${filter}`, "--convert-to", "ods", "--outdir", dir, join(dir, "lo.csv")], { stdio: "ignore" });
  const content = execFileSync("unzip", ["-p", join(dir, "lo.ods"), "content.xml"], { encoding: "utf8", maxBuffer: 1 << 28 });
  const formulas = (content.match(/table:formula=/g) ?? []).length;
  execFileSync("soffice", ["--headless", "--norestore", `--infilter=${filter}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,false,false,false,false,-1", "--outdir", join(dir, "back"), join(dir, "lo.csv")], { stdio: "ignore" });
  // LibreOffice names the file after the sheet too (lo-lo.csv).
  const written = join(dir, "back", readdirSync(join(dir, "back"))[0]!);
  const rows = Papa.parse<Record<string, string>>(readFileSync(written, "utf8").replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  const back = rows.filter((r) => r.property === "alternate name").map((r) => unguardFormula(r.value!));
  rmSync(join(dir, "back"), { recursive: true });
  const changed = names.filter((name, i) => back[i] !== name);
  process.stdout.write(`${label}: ${formulas} formula cells; ${names.length - changed.length} of ${names.length} values exact${changed.length ? `; changed: ${changed.map((c) => JSON.stringify(c)).join(", ")}` : ""}\n`);
}
