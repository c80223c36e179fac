// Model: validated YAML data → ArticleModel. Validation has already proved the shape, so this only
// fills in defaults and normalizes (a year written as a number becomes the string "1992").

import type { ArticleModel, Event } from "./types.ts";

type Data = Record<string, unknown>;

export function buildModel(data: unknown, file: string): ArticleModel {
  // normalizeDates builds every object and list anew (YAML data holds only plain values inside),
  // so the model shares nothing with the source data, without a structuredClone (most of the time spent here).
  const d = normalizeDates(data) as Data;
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
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) out.push(normalizeDates(item));
    return out;
  }
  if (value && typeof value === "object") {
    const out: Data = {};
    // for...in, not Object.entries: no pair arrays to allocate; the same keys in the same order for
    // YAML data (plain objects, nothing enumerable inherited), own ones only to be sure.
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      const item = (value as Data)[key];
      const copy = typeof item === "number" ? (DATE_KEYS.has(key) ? String(item) : item) : normalizeDates(item);
      // An own "__proto__" key stays a key (as structuredClone kept it), not the object's prototype.
      if (key === "__proto__") Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else out[key] = copy;
    }
    return out;
  }
  return value;
}
