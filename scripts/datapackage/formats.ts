// What each artifact is, in words, for datapackage.json and manifest.json; and which writer made a
// file of the output folder. A new writer needs a line here (the type says so).

import { FORMAT_FILES as WRITERS, FORMATS, type Format } from "../writers/formats.ts";

export interface FormatInfo {
  /** The file format's short name, as Data Packages name it (csv, json, ...). */
  format: string;
  title: string;
  description: string;
}

export const FORMAT_INFO: Record<Format, FormatInfo> = {
  csv: {
    format: "csv",
    title: "facts, one per row",
    description: "Every statement of the graph as a row: entity, property in plain words, value, value type, language, the article section it comes from, and the IRIs. For spreadsheets.",
  },
  jsonld: {
    format: "jsonld",
    title: "JSON-LD (schema.org)",
    description: "The graph as JSON-LD with schema.org's context, what a web page embeds in <script type=\"application/ld+json\">.",
  },
  ttl: { format: "ttl", title: "Turtle", description: "The graph as Turtle, grouped by subject, for triple stores and people." },
  infobox: {
    format: "json",
    title: "infobox",
    description: "The article's infobox: its title and fields in order, each value as written and normalized.",
  },
  nt: {
    format: "nt",
    title: "N-Triples",
    description: "The graph as N-Triples: one triple a line, sorted, no duplicates; for bulk loaders and line diffs.",
  },
  html: {
    format: "html",
    title: "web page",
    description: "A self-contained page showing the infobox and the timeline of events, with the JSON-LD embedded.",
  },
  xlsx: {
    format: "xlsx",
    title: "workbook",
    description: "A spreadsheet workbook: one sheet each for the organizations, people, places, events, works and facts (the CSV's rows), with typed cells (counts as numbers, full dates as dates, partial dates as ISO text), the header frozen and an autofilter.",
  },
};

/** The format of an article's artifact, found by its exact file name. */
export function formatOf(slug: string, name: string): Format | undefined {
  return FORMATS.find((format) => `${slug}${WRITERS[format].extension}` === name);
}

/** The media type without parameters (text/csv, not text/csv; charset=utf-8). */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(";")[0]!.trim();
}
