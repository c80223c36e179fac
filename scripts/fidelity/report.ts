// The score in words: tables per kind and per article, every wrong and every missed fact with what
// the graph said, and a three-line summary at the end (the hook shows `npm run -s fidelity | tail -3`).

import { percent, precisionOf, type Score, type Tally } from "./score.ts";

function ratio(part: number, whole: number): string {
  return `${percent(part, whole).toFixed(1)} % (${part}/${whole})`;
}

function row(name: string, t: Tally): string {
  const asserted = t.right + t.wrong;
  const cell = (held: number, of: number) => (of === 0 ? "–" : ratio(held, of));
  return `| ${name} | ${asserted === 0 ? "–" : ratio(t.right, asserted)} | ${t.wrong} | ${t.accepted} | ${cell(t.infobox.held, t.infobox.of)} | ${cell(t.prose.held, t.prose.of)} |`;
}

/** The tables per kind and per article, as Markdown. */
export function scoreTables(score: Pick<Score, "byKind" | "byArticle" | "total">): string {
  const head = (first: string) => [`| ${first} | precision | wrong | accepted | recall (infobox) | recall (prose) |`, "| --- | --- | --- | --- | --- | --- |"];
  return [
    ...head("kind"),
    ...Object.entries(score.byKind).map(([kind, t]) => row(kind, t)),
    row("**all**", score.total),
    "",
    ...head("article"),
    ...Object.entries(score.byArticle).map(([slug, t]) => row(slug, t)),
    row("**all**", score.total),
  ].join("\n");
}

/** The summary: its last three lines. */
export function summaryLines(score: Score): string[] {
  const t = score.total;
  return [
    `fidelity of ${score.articles.length} articles: ${t.right + t.wrong} facts judged (${t.wrong} wrong, ${t.accepted} accepted), ${t.infobox.of + t.prose.of} gold facts required`,
    `precision ${ratio(t.right, t.right + t.wrong)} · recall infobox ${ratio(t.infobox.held, t.infobox.of)} · prose ${ratio(t.prose.held, t.prose.of)}`,
    `wrong persons ${score.wrongPersons} · places in a foreign country ${score.foreignPlaces}`,
  ];
}

export function textReport(score: Score, { verbose = false }: { verbose?: boolean } = {}): string {
  const lines: string[] = [scoreTables(score), ""];
  for (const a of score.articles) {
    const wrong = a.judged.filter((j) => j.verdict === "wrong");
    const missed = a.recalled.filter((r) => !r.held);
    lines.push(`## ${a.slug}: ${wrong.length} wrong, ${missed.length} missed`);
    for (const j of wrong) lines.push(`  wrong  ${j.kind}: ${j.said} — ${j.reason}${j.hard ? ` [${j.hard === "person" ? "not a person" : "foreign place"}]` : ""}`);
    for (const r of missed) lines.push(`  missed ${r.kind} (${r.from}): ${r.fact} — graph: ${r.graphSaid}`);
    if (verbose) {
      for (const j of a.judged.filter((x) => x.verdict !== "wrong")) lines.push(`  ${j.verdict.padEnd(6)} ${j.kind}: ${j.said}${j.reason ? ` — ${j.reason}` : ""}`);
      for (const r of a.recalled.filter((x) => x.held)) lines.push(`  held   ${r.kind} (${r.from}): ${r.fact}`);
    }
    const notScored = Object.entries(a.notScored).map(([p, n]) => (n > 1 ? `${p} ×${n}` : p));
    if (notScored.length > 0) lines.push(`  not scored: ${notScored.join(", ")}`);
  }
  lines.push("", ...summaryLines(score));
  return `${lines.join("\n")}\n`;
}

export function jsonReport(score: Score): string {
  const t = score.total;
  return `${JSON.stringify(
    {
      precision: precisionOf(t),
      recallInfobox: percent(t.infobox.held, t.infobox.of),
      recallProse: percent(t.prose.held, t.prose.of),
      wrongPersons: score.wrongPersons,
      foreignPlaces: score.foreignPlaces,
      total: t,
      byKind: score.byKind,
      byArticle: score.byArticle,
      articles: score.articles,
    },
    null,
    2,
  )}\n`;
}
