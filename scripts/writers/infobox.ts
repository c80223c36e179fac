// Writer: model → infobox JSON, what a site needs to render the article's infobox: the title and
// the fields in the article's order, with the article's labels and values as written, and each
// value's typed, normalized form (a year as a number, a URL as a URL, a count as an integer,
// a place as its parts from city to country).

import type { ArticleModel, InfoboxField, Place } from "../model/types.ts";
import type { ArticleIris } from "../graph/shared.ts";
import { escapeForHtml } from "./jsonld.ts";

export interface InfoboxDocument {
  article: string;
  title: string;
  subject: { id: string; iri: string };
  fields: InfoboxFieldOut[];
}

export type Normalized =
  | { type: "text"; text: string }
  | { type: "date"; iso: string; year: number; month?: number; day?: number; precision: "year" | "month" | "day"; end?: string }
  | { type: "count"; count: number; unit: string; comparison?: string; asOf?: string }
  | { type: "money"; amount: number; currency?: string; comparison?: string; asOf?: string }
  | { type: "display"; text: string }
  | { type: "url"; url: string; host: string }
  | { type: "place"; id: string; iri: string; name: string; parts: PlacePart[] } & Partial<Record<"city" | "region" | "country", string>>;

export interface PlacePart {
  id: string;
  iri: string;
  name: string;
  type: string;
}

export interface InfoboxFieldOut {
  label: string;
  value: string;
  normalized: Normalized;
}

/**
 * The infobox of the article. The web page (html.ts) shows the same infobox: the writers' input
 * (index.ts) makes it once per article for both.
 */
export function infoboxDocument(model: ArticleModel, iris: ArticleIris): InfoboxDocument {
  const slug = model.article.slug;
  const fields: InfoboxFieldOut[] = [];
  // Places by id only when a field names a place: most fields are text, dates, counts and URLs.
  let places: Map<string, Place> | undefined;
  for (const field of model.infobox.fields) {
    if (field.type === "place") places ??= placesById(model.places);
    fields.push({ label: field.label, value: field.value, normalized: normalize(field, places, iris) });
  }
  return { article: slug, title: model.infobox.title, subject: { id: model.article.subject, iri: iris.entity(model.article.subject) }, fields };
}

function placesById(places: readonly Place[]): Map<string, Place> {
  const byId = new Map<string, Place>();
  for (const p of places) byId.set(p.id, p);
  return byId;
}

export function writeInfobox(document: InfoboxDocument): string {
  return `${escapeForHtml(JSON.stringify(document, null, 2))}\n`;
}

function normalize(field: InfoboxField, places: ReadonlyMap<string, Place> | undefined, iris: ArticleIris): Normalized {
  const value = field.value;
  switch (field.type) {
    case "text":
      return { type: "text", text: value };
    case "date": {
      // A date written in words carries its ISO form; otherwise the value is it.
      const iso = field.date ?? value;
      const [year, month, day] = iso.split("-").map(Number);
      const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
      return { type: "date", iso, year: year!, ...(month !== undefined && { month }), ...(day !== undefined && { day }), precision, ...(field.endDate !== undefined && { end: field.endDate }) };
    }
    case "display":
      return { type: "display", text: value };
    case "money": {
      const m = field.money!;
      return { type: "money", amount: m.amount, ...(m.currency !== undefined && { currency: m.currency }), ...(m.comparison !== undefined && m.comparison !== "exactly" && { comparison: m.comparison }), ...(m.asOf !== undefined && { asOf: m.asOf }) };
    }
    case "count": {
      if (field.count) {
        const c = field.count;
        return { type: "count", count: c.value, unit: c.unit, ...(c.comparison !== "exactly" && { comparison: c.comparison }), ...(c.asOf !== undefined && { asOf: c.asOf }) };
      }
      const match = /^([0-9][0-9,]*)\s*(.*)$/s.exec(value)!;
      return { type: "count", count: Number(match[1]!.replace(/,/g, "")), unit: match[2]! };
    }
    case "url": {
      const url = new URL(value);
      return { type: "url", url: url.href, host: url.hostname };
    }
    case "place": {
      // From the place outwards through what contains it, each place once (a loop in the data ends it).
      const parts: PlacePart[] = [];
      for (let p = places!.get(field.place!); p && !hasPart(parts, p.id); p = p.containedIn ? places!.get(p.containedIn) : undefined) {
        parts.push({ id: p.id, iri: iris.ref(p.id), name: p.name, type: p.type });
      }
      const city = named(parts, "City");
      const region = named(parts, "State") ?? named(parts, "AdministrativeArea");
      const country = named(parts, "Country");
      return {
        type: "place",
        id: parts[0]!.id,
        iri: parts[0]!.iri,
        name: parts[0]!.name,
        ...(city !== undefined && { city }),
        ...(region !== undefined && { region }),
        ...(country !== undefined && { country }),
        parts,
      };
    }
  }
}

// Module functions, not closures: under tsx every closure made per call costs a defineProperty.
function hasPart(parts: readonly PlacePart[], id: string): boolean {
  for (const part of parts) if (part.id === id) return true;
  return false;
}

/** The name of the first part of this type, from the place outwards. */
function named(parts: readonly PlacePart[], type: string): string | undefined {
  for (const part of parts) if (part.type === type) return part.name;
  return undefined;
}
