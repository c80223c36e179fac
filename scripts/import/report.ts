// The import report: per article, the file written and how many infobox lines became typed facts,
// stayed text or were dropped, with the reason for each line that was not typed, and what a person
// should look at (an ambiguous place kept as text, a place name the gazetteer does not know).

import type { ReportLine } from "./draft.ts";

export interface ArticleReport {
  source: string;
  out: string;
  written: boolean;
  lines: ReportLine[];
  /** The infobox template its lines were read as (mapping.ts, chooseTemplate). */
  template?: { name: string; by: "title" | "labels" };
  /** Why the typed draft was refused, when every line was kept as text instead. */
  untyped?: string;
}

export function counts(lines: readonly ReportLine[]): { typed: number; text: number; dropped: number } {
  const c = { typed: 0, text: 0, dropped: 0 };
  for (const l of lines) c[l.outcome]++;
  return c;
}

export function formatReport(report: ArticleReport, verbose: boolean): string {
  const c = counts(report.lines);
  const reviews = report.lines.filter((l) => l.review !== undefined).length;
  const head = `${report.written ? "wrote" : "kept"} ${report.out} from ${report.source}: ${report.lines.length} infobox lines, ${c.typed} typed, ${c.text} text, ${c.dropped} dropped${reviews > 0 ? `, ${reviews} to review` : ""}${report.template ? `, read as ${report.template.name} (${report.template.by === "title" ? "its title" : "its labels"})` : ""}${report.untyped === undefined ? "" : ` (the typed draft was refused by the export's check, ${report.untyped}: every line kept as text; please report it)`}`;
  const details = report.lines
    .filter((l) => verbose || l.outcome !== "typed" || l.review !== undefined)
    .map((l) => `  ${report.source}:${l.line}: ${l.outcome}: ${l.label}: ${l.detail}${l.review !== undefined && l.review !== l.detail ? `; to review: ${l.review}` : ""}`);
  return [head, ...details].join("\n");
}
