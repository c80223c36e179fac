// Model: validated YAML data → ArticleModel. Validation has already proved the shape, so this only
// fills in defaults and normalizes (a year written as a number becomes the string "1992").

import type { ArticleModel, Event } from "./types.ts";

type Data = Record<string, unknown>;

export function buildModel(data: unknown, file: string): ArticleModel {
  const d = normalizeDates(structuredClone(data)) as Data;
  const list = <T>(key: string) => ((d[key] as T[] | undefined) ?? []);
  return {
    file,
    article: d.article as ArticleModel["article"],
    infobox: d.infobox as ArticleModel["infobox"],
    organizations: list("organizations"),
    people: list("people"),
    places: list("places"),
    events: list<Event>("events").map((e) => ({ ...e, type: e.type ?? "Event" })),
    works: list("works"),
    topics: list("topics"),
    milestones: list("milestones"),
  };
}

const DATE_KEYS = new Set(["foundingDate", "dissolutionDate", "startDate", "endDate", "designationDate", "temporalCoverageFrom"]);

/** Dates may be written as bare years (numbers); the model always holds strings. */
function normalizeDates(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeDates);
  if (value && typeof value === "object") {
    const out: Data = {};
    for (const [key, item] of Object.entries(value)) out[key] = DATE_KEYS.has(key) && typeof item === "number" ? String(item) : normalizeDates(item);
    return out;
  }
  return value;
}
