// The review list as text: per article, each flag not yet reviewed at its file:line:column, what it
// is about, why, and where in the article's text it comes from; and the line with the total that
// `make review` and `make check` end with.

import { formatDiagnostic } from "../lib/diagnostic.ts";
import type { FolderReviews } from "./collect.ts";
import type { ReviewItem } from "./items.ts";

/**
 * The line `make check` and `make review` end with: how many flags are not yet reviewed, in how
 * many articles; `hint` follows when there are some.
 */
export function totalLine(reviews: FolderReviews, hint: string): string {
  const total = reviews.articles.reduce((sum, a) => sum + a.items.length, 0);
  const flagged = reviews.articles.filter((a) => a.items.length > 0).length;
  const articles = reviews.articles.length;
  const unreadable = reviews.problems.length > 0 ? `; ${reviews.problems.length} file${reviews.problems.length === 1 ? "" : "s"} could not be read` : "";
  return `review: ${total} imported fact${total === 1 ? "" : "s"} not yet reviewed, in ${flagged} of ${articles} article${articles === 1 ? "" : "s"}${total > 0 ? ` (${hint})` : ""}${unreadable}`;
}

function describe(item: ReviewItem): string {
  // An infobox label in quotes (it may hold spaces), an entity's id and field as they are.
  return `${item.kind} ${item.kind === "infobox" ? JSON.stringify(item.what) : item.what}${item.value !== undefined ? ` = ${item.value}` : ""}${item.from !== undefined ? ` (${item.from})` : ""}: ${item.why}`;
}

export function formatReviews(reviews: FolderReviews): string {
  const lines: string[] = [];
  for (const article of reviews.articles) {
    if (article.items.length === 0) continue;
    lines.push(`${article.file}: ${article.items.length} to review`);
    // In the file's order, whatever order the article's lists come in.
    const placed = article.items.map((item) => ({ item, at: article.positionOf(item) })).sort((a, b) => a.at.line - b.at.line || a.at.col - b.at.col);
    for (const { item, at } of placed) lines.push(`  ${article.file}:${at.line}:${at.col}: ${describe(item)}`);
  }
  for (const problem of reviews.problems) lines.push(formatDiagnostic(problem));
  lines.push(totalLine(reviews, "set reviewed: true once checked"));
  return `${lines.join("\n")}\n`;
}
