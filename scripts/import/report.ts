// The import report: per article, the file written and how many infobox lines became typed facts,
// stayed text or were dropped, with the reason for each line that was not typed, and each line a
// person should look at ("to review": flagged `reviewed: false` in the draft, by the same rule,
// scripts/import/review.ts): a line kept as text, or typed with a doubt (and the doubt); then
// the facts the prose states: how many the draft took, how many agree with the infobox, and each
// one taken or contradicting it (not exported; both to review) or left out, with its line.

import type { ReportLine } from "./draft.ts";
import { reviewOf } from "./review.ts";
import type { ProseOutcome, ProseReportLine } from "./prose/apply.ts";

export interface ArticleReport {
  source: string;
  out: string;
  written: boolean;
  lines: ReportLine[];
  /** The infobox template its lines were read as (mapping.ts, chooseTemplate). */
  template?: { name: string; by: "title" | "labels" };
  /** What became of the facts the prose states. */
  prose: ProseReportLine[];
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
  const reviews = report.lines.filter((l) => reviewOf(l, l.line) !== undefined).length + report.prose.filter(proseToReview).length;
  const head = `${report.written ? "wrote" : "kept"} ${report.out} from ${report.source}: ${report.lines.length} infobox lines, ${c.typed} typed, ${c.text} text, ${c.dropped} dropped${report.template ? `, read as ${report.template.name} (${report.template.by === "title" ? "its title" : "its labels"})` : ""}${report.untyped === undefined ? "" : ` (the typed draft was refused by the export's check, ${report.untyped}: every line kept as text; please report it)`}${reviews > 0 ? `; ${reviews} to review (reviewed: false in the draft)` : ""}`;
  const details = report.lines
    .filter((l) => verbose || l.outcome !== "typed" || l.review !== undefined)
    .map((l) => {
      const flag = reviewOf(l, l.line);
      const review = flag === undefined ? "" : flag.why === l.detail ? "; to review" : `; to review: ${flag.why}`;
      return `  ${report.source}:${l.line}: ${l.outcome}: ${l.label}: ${l.detail}${review}`;
    });
  const p = proseCounts(report.prose);
  const prose = `  prose: ${p.typed} ${p.typed === 1 ? "fact" : "facts"} typed, ${p.agrees} agreeing with the infobox or an earlier sentence, ${p.contradicts} contradicting the infobox (not exported), ${p.skipped} left out`;
  // Every fact the draft takes from the prose, and every contradiction, is to review: each is listed, with its line.
  const proseDetails = report.prose
    .filter((l) => verbose || l.outcome !== "agrees")
    .map((l) => `  ${report.source}:${l.line}: prose ${l.outcome}: ${l.section}: ${l.detail}${proseToReview(l) ? "; to review" : ""}`);
  return [head, ...details, prose, ...proseDetails].join("\n");
}

/** A prose fact the draft lists (typed, or against the infobox): flagged `reviewed: false` there. */
function proseToReview(line: ProseReportLine): boolean {
  return line.outcome === "typed" || line.outcome === "contradicts";
}

export function proseCounts(lines: readonly ProseReportLine[]): Record<ProseOutcome, number> {
  const c: Record<ProseOutcome, number> = { typed: 0, agrees: 0, contradicts: 0, skipped: 0 };
  for (const l of lines) c[l.outcome]++;
  return c;
}
