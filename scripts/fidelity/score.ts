// The score of an exported graph against the gold: per article, what it asserts (judged) and what
// of the gold it holds (recalled), and the tallies per kind, per article and in total.

import { assertionsOf } from "./assertions.ts";
import type { Gold } from "./gold.ts";
import { judgeAll, type Judged } from "./judge.ts";
import { recallAll, type Recalled } from "./recall.ts";
import type { ExportedGraph } from "./read-graph.ts";
import type { Relations } from "./relations.ts";

export interface ArticleScore {
  slug: string;
  judged: Judged[];
  recalled: Recalled[];
  /** Properties of the subject not scored (the table's notScored), with how often each was seen. */
  notScored: Record<string, number>;
}

export interface Tally {
  right: number;
  wrong: number;
  accepted: number;
  infobox: { held: number; of: number };
  prose: { held: number; of: number };
}

export interface Score {
  articles: ArticleScore[];
  total: Tally;
  byKind: Record<string, Tally>;
  byArticle: Record<string, Tally>;
  wrongPersons: number;
  foreignPlaces: number;
}

export class ScoreError extends Error {}

export function scoreGraph(graph: ExportedGraph, golds: readonly Gold[], rel: Relations): Score {
  const articles = graph.articles();
  const scores: ArticleScore[] = golds.map((gold) => {
    const found = articles.get(gold.slug);
    if (!found) throw new ScoreError(`${gold.file}: the export has no article ${gold.slug} (articles: ${[...articles.keys()].join(", ") || "none"})`);
    const { assertions, notScored } = assertionsOf(graph, gold.slug, found.article, found.subject, rel);
    return { slug: gold.slug, judged: judgeAll(assertions, gold, rel), recalled: recallAll(gold, assertions, rel), notScored: Object.fromEntries([...notScored].sort()) };
  });
  return tallyScores(scores);
}

export function emptyTally(): Tally {
  return { right: 0, wrong: 0, accepted: 0, infobox: { held: 0, of: 0 }, prose: { held: 0, of: 0 } };
}

export function tallyScores(articles: ArticleScore[]): Score {
  const total = emptyTally();
  const byKind: Record<string, Tally> = {};
  const byArticle: Record<string, Tally> = {};
  let wrongPersons = 0;
  let foreignPlaces = 0;
  for (const a of articles) {
    const article = (byArticle[a.slug] = emptyTally());
    for (const j of a.judged) {
      for (const t of [total, article, (byKind[j.kind] ??= emptyTally())]) t[j.verdict]++;
      if (j.hard === "person") wrongPersons++;
      if (j.hard === "foreign-place") foreignPlaces++;
    }
    for (const r of a.recalled) {
      for (const t of [total, article, (byKind[r.kind] ??= emptyTally())]) {
        t[r.from].of++;
        if (r.held) t[r.from].held++;
      }
    }
  }
  return { articles, total, byKind: Object.fromEntries(Object.entries(byKind).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), byArticle, wrongPersons, foreignPlaces };
}

/** A percentage with one decimal; 100 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10;
}

export function precisionOf(t: Tally): number {
  return percent(t.right, t.right + t.wrong);
}
