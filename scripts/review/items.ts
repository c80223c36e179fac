// The review list of an article: every flag for a curator its YAML holds, wherever it sits. A flag
// sits beside what it is about, so that a curator who corrects a value sees it and marks it there:
// an infobox field's `review:` (a line kept as text or typed with a doubt, its line in the article's
// text and why). One reader for the import's header, `make review` and `make check`'s count, so they
// agree. Works on the parsed data; where an item is written comes from the reader's positions.

import type { PathSegment } from "../read/read-yaml.ts";

type Data = Record<string, unknown>;

export type ReviewKind = "infobox";

export interface ReviewItem {
  /** Where the flag is written: the node at `path`, or its key `key` (the `review:` of an infobox field). */
  at: { path: PathSegment[]; key?: string };
  kind: ReviewKind;
  /** What it is about: the infobox label. */
  what: string;
  /** Why it needs a look. */
  why: string;
  /** Where in the article's text it comes from: "text line 12". */
  from?: string;
  reviewed: boolean;
}

const isData = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every flag of an article's data, in the order of the file. Data not of the article's shape gives none. */
export function reviewItems(data: unknown): ReviewItem[] {
  if (!isData(data)) return [];
  const items: ReviewItem[] = [];
  const infobox = data.infobox;
  const fields = isData(infobox) && Array.isArray(infobox.fields) ? infobox.fields : [];
  fields.forEach((field: unknown, i) => {
    if (!isData(field) || !isData(field.review)) return;
    const r = field.review;
    items.push({
      at: { path: ["infobox", "fields", i], key: "review" },
      kind: "infobox",
      what: String(field.label),
      why: String(r.why),
      ...(typeof r.line === "number" && { from: `text line ${r.line}` }),
      reviewed: r.reviewed === true,
    });
  });
  return items;
}

export function unreviewed(data: unknown): ReviewItem[] {
  return reviewItems(data).filter((item) => !item.reviewed);
}
