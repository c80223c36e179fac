// The review list of an article: every flag for a curator its YAML holds, wherever it sits. A flag
// sits beside what it is about, so that a curator who corrects a value sees it and marks it there:
// an infobox field's `review:` (a line kept as text or typed with a doubt, its line in the article's
// text and why), and an entity's `prose:` entries (a fact read from a sentence, or one the prose
// states against the infobox), each with `reviewed`. One reader for the import's header, `make
// review` and `make check`'s count, so they agree. Works on the parsed data; where an item is
// written comes from the reader's positions.

import { ENTITY_LISTS } from "../model/types.ts";
import type { PathSegment } from "../read/read-yaml.ts";

type Data = Record<string, unknown>;

/** An infobox line, a fact of the prose, or a fact the prose states against the infobox. */
export type ReviewKind = "infobox" | "prose" | "contradiction";

export interface ReviewItem {
  /** Where the flag is written: the node at `path`, or its key `key` (the `review:` of an infobox field). */
  at: { path: PathSegment[]; key?: string };
  kind: ReviewKind;
  /** What it is about: the infobox label, or the entity and its field ("nuj foundingDate"). */
  what: string;
  /** The value it is about, as the draft holds it (a referenced entity by its name). */
  value?: string;
  /** Why it needs a look. */
  why: string;
  /** Where in the article's text it comes from: "text line 12", or the section and the sentence. */
  from?: string;
  reviewed: boolean;
}

const isData = (v: unknown): v is Data => v !== null && typeof v === "object" && !Array.isArray(v);

/** Every flag of an article's data, the infobox's first. Data not of the article's shape gives none. */
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
      ...(typeof field.value === "string" && { value: field.value }),
      why: String(r.why),
      ...(typeof r.line === "number" && { from: `text line ${r.line}` }),
      reviewed: r.reviewed === true,
    });
  });
  const shown = valueNames(data);
  for (const list of ENTITY_LISTS) {
    const entities = Array.isArray(data[list]) ? (data[list] as unknown[]) : [];
    entities.forEach((entity, e) => {
      if (!isData(entity) || !Array.isArray(entity.prose)) return;
      entity.prose.forEach((entry: unknown, p) => {
        if (!isData(entry)) return;
        const field = String(entry.field);
        const contradiction = entry.contradicts !== undefined;
        // The items of a list the sentence gives, else the whole field; a contradiction's value is what the prose says.
        const value = contradiction ? String(entry.says) : Array.isArray(entry.values) ? entry.values.map((v) => shown(v)).join("; ") : shown(entity[field]);
        items.push({
          at: { path: [list, e, "prose", p] },
          kind: contradiction ? "contradiction" : "prose",
          what: `${String(entity.id)} ${field}`,
          value,
          why: contradiction
            ? `the infobox says ${String(entry.contradicts)}: the infobox's is kept, the prose's is not exported`
            : "read from the prose: does the sentence state it?",
          from: `${String(entry.section)}: ${JSON.stringify(entry.sentence)}`,
          reviewed: entry.reviewed === true,
        });
      });
    });
  }
  return items;
}

/** A value of an entity as a person reads it: an id by the name of its entity (or a count by its words), a list item by item. */
function valueNames(data: Data): (value: unknown) => string {
  const byId = new Map<string, Data>();
  for (const list of ENTITY_LISTS) {
    for (const entity of Array.isArray(data[list]) ? (data[list] as unknown[]) : []) {
      if (!isData(entity) || typeof entity.id !== "string") continue;
      byId.set(entity.id, entity);
      // The nodes an entity holds with ids of their own (its counts of members).
      for (const value of Object.values(entity)) if (Array.isArray(value)) for (const node of value) if (isData(node) && typeof node.id === "string") byId.set(node.id, node);
    }
  }
  const one = (v: unknown): string => {
    if (typeof v === "string") {
      const node = byId.get(v);
      return node === undefined ? v : typeof node.name === "string" ? node.name : typeof node.asWritten === "string" ? node.asWritten : v;
    }
    // A nested node (a count, an amount) in words: as written, else its own id's.
    if (isData(v)) return typeof v.asWritten === "string" ? v.asWritten : typeof v.id === "string" ? one(v.id) : JSON.stringify(v);
    return JSON.stringify(v) ?? String(v);
  };
  return (value) => (Array.isArray(value) ? value.map(one).join("; ") : one(value));
}

export function unreviewed(data: unknown): ReviewItem[] {
  return reviewItems(data).filter((item) => !item.reviewed);
}
