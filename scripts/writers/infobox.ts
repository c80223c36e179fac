// Writer: model → infobox JSON, what a site needs to render the article's infobox: the title and
// the fields in the article's order, with the article's labels and values as written, and each
// value's typed, normalized form (a year as a number, a URL as a URL, a count as an integer,
// a place as its parts from city to country).

import type { ArticleModel, InfoboxField, Place } from "../model/types.ts";
import { entityIri } from "../graph/namespaces.ts";
import { escapeForHtml } from "./jsonld.ts";

export interface InfoboxDocument {
  article: string;
  title: string;
  subject: { id: string; iri: string };
  fields: InfoboxFieldOut[];
}

export type Normalized =
  | { type: "text"; text: string }
  | { type: "date"; iso: string; year: number; month?: number; day?: number; precision: "year" | "month" | "day" }
  | { type: "count"; count: number; unit: string }
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

export function infoboxDocument(model: ArticleModel): InfoboxDocument {
  const slug = model.article.slug;
  const places = new Map(model.places.map((p) => [p.id, p]));
  return {
    article: slug,
    title: model.infobox.title,
    subject: { id: model.article.subject, iri: entityIri(slug, model.article.subject) },
    fields: model.infobox.fields.map((field) => ({ label: field.label, value: field.value, normalized: normalize(field, places, slug) })),
  };
}

export function writeInfobox(model: ArticleModel): string {
  return `${escapeForHtml(JSON.stringify(infoboxDocument(model), null, 2))}\n`;
}

function normalize(field: InfoboxField, places: ReadonlyMap<string, Place>, slug: string): Normalized {
  const value = field.value;
  switch (field.type) {
    case "text":
      return { type: "text", text: value };
    case "date": {
      const [year, month, day] = value.split("-").map(Number);
      const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
      return { type: "date", iso: value, year: year!, ...(month !== undefined && { month }), ...(day !== undefined && { day }), precision };
    }
    case "count": {
      const match = /^([0-9][0-9,]*)\s*(.*)$/s.exec(value)!;
      return { type: "count", count: Number(match[1]!.replace(/,/g, "")), unit: match[2]! };
    }
    case "url": {
      const url = new URL(value);
      return { type: "url", url: url.href, host: url.hostname };
    }
    case "place": {
      const parts: PlacePart[] = [];
      for (let p = places.get(field.place!); p && !parts.some((x) => x.id === p!.id); p = p.containedIn ? places.get(p.containedIn) : undefined) {
        parts.push({ id: p.id, iri: entityIri(slug, p.id), name: p.name, type: p.type });
      }
      const named = (type: string) => parts.find((p) => p.type === type)?.name;
      const city = named("City");
      const region = named("State") ?? named("AdministrativeArea");
      const country = named("Country");
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
