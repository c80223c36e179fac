// Model: validated YAML data → ArticleModel. Validation has already proved the shape, so this only
// fills in defaults and normalizes (a year written as a number becomes the string "1992").

import type { ArticleModel, Event } from "./types.ts";
import { MAPPING_TABLE } from "./infobox-mapping.ts";

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
    ...(d.text !== undefined && { text: d.text as ArticleModel["text"] }),
  };
}

/** Keys whose value is a date: the mapping table's dates of organizations, and the others'. */
const DATE_KEYS = new Set([...MAPPING_TABLE.keys.filter((k) => k.value === "date").map((k) => k.key), "startDate", "endDate", "designationDate", "temporalCoverageFrom", "asOf", "date"]);

/**
 * Dates may be written as bare years (numbers); the model always holds strings. Each object is
 * copied whole by a spread (V8 copies an object of fast properties with its shape at once, where
 * adding its keys one by one goes through a keyed store each) and each list by slice; then only
 * what needs it is replaced: nested objects and lists by their copies, numbers under date keys by
 * their text. A spread copies own enumerable keys in for...in's order, and an own "__proto__" key
 * as a key (as structuredClone keeps it), not as the object's prototype; assigning to it then sets
 * that own key. YAML data holds dense lists of plain values, so slice copies them as they are.
 */
export function normalizeDates(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = value.slice();
    for (let i = 0; i < out.length; i++) {
      const item = out[i];
      if (item !== null && typeof item === "object") out[i] = normalizeDates(item);
    }
    return out;
  }
  if (value !== null && typeof value === "object") {
    const out: Data = { ...(value as Data) };
    for (const key in out) {
      // Own keys only, to be sure (nothing enumerable is inherited by YAML data).
      if (!Object.prototype.hasOwnProperty.call(out, key)) continue;
      const item = out[key];
      if (typeof item === "number") {
        if (DATE_KEYS.has(key)) out[key] = String(item);
      } else if (item !== null && typeof item === "object") out[key] = normalizeDates(item);
    }
    return out;
  }
  return value;
}
