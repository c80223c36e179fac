// `make check` for the CSVs that combine every article (corpus/combined-csv.ts): the documented header,
// every row as wide as the header, UTF-8 with a byte-order mark, and no cell a spreadsheet would run.

import Papa from "papaparse";
import type { PlacedFinding } from "./datapackage-check.ts";
import { COMBINED, EVENT_COLUMNS, ORGANIZATION_COLUMNS } from "../writers/combined-files.ts";
import { ORGANIZATION_TYPED_COLUMNS } from "../writers/organization-columns.ts";

export function checkCombinedCsv(name: string, text: string): { checked: string; findings: PlacedFinding[] } {
  const findings: PlacedFinding[] = [];
  const at = (line: number) => ({ line, col: 1 });
  if (!text.startsWith("\uFEFF")) findings.push({ check: "syntax", node: "", message: "the CSV has no byte-order mark", expected: "UTF-8 with a BOM, so Excel reads it as UTF-8", found: "none", position: at(1) });
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  for (const error of parsed.errors) findings.push({ check: "syntax", node: "", message: `not CSV as written: ${error.message}`, position: at((error.row ?? 0) + 1) });
  const fixed: readonly string[] = name === COMBINED.events ? EVENT_COLUMNS : [...ORGANIZATION_COLUMNS, ...ORGANIZATION_TYPED_COLUMNS.map((c) => c.name)];
  const exact = true;
  if (!header || header.slice(0, fixed.length).join(",") !== fixed.join(",") || (exact && header.length !== fixed.length)) {
    findings.push({ check: "syntax", node: "", message: "not the documented header", expected: fixed.join(","), found: (header ?? []).join(","), position: at(1) });
    return { checked: "header", findings };
  }
  let line = 2;
  for (const row of rows) {
    if (row.length !== header.length) findings.push({ check: "syntax", node: "", message: "a row is not as wide as the header", expected: `${header.length} cells`, found: `${row.length}`, position: at(line) });
    const formula = row.find((cell) => /^[=+\-@\t\r]/.test(cell));
    if (formula !== undefined) findings.push({ check: "syntax", node: "", message: "a cell a spreadsheet would run as a formula", expected: "the formula guard (a leading apostrophe)", found: JSON.stringify(formula.slice(0, 40)), position: at(line) });
    line += row.join("").split("\n").length;
  }
  // Every article has an organization; not every one has a dated event (a new article has none).
  if (rows.length === 0 && name !== COMBINED.events) findings.push({ check: "syntax", node: "", message: "the CSV has no rows", expected: "a row per article's organization", found: "none", position: at(1) });
  return { checked: `${rows.length} rows, header and cells`, findings };
}
