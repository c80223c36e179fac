// The files of dist/ that combine every article of the corpus, as pure functions of the articles'
// exports: one CSV with a row per organization (its infobox fields as columns), one CSV of every
// dated event across articles, and the union of all graphs as N-Triples and Turtle. Links between
// articles ("slug/id" references) are IRIs, so in the combined graph they simply connect.

import type { ArticleExport } from "../pipeline.ts";
import type { Graph, NodeInfo } from "../graph/build.ts";
import { entityIri, PREFIXES } from "../graph/namespaces.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { guardFormula } from "../writers/csv.ts";
import { csvDocument } from "../writers/csv-text.ts";
import { concatenatedNTriples, writeNTriples } from "../writers/ntriples.ts";
import { turtlePrefixes, writeTurtle } from "../writers/turtle.ts";
import { FORMATS, type Format } from "../writers/index.ts";

/** Combined file names start with "corpus.": no article may have that slug (validate/rules.ts). */
export const COMBINED = {
  organizations: "corpus.organizations.csv",
  events: "corpus.events.csv",
  nTriples: "corpus.nt",
  turtle: "corpus.ttl",
} as const;

export const RESERVED_SLUG = "corpus";

export const ORGANIZATION_COLUMNS = ["article", "id", "name", "type", "iri"] as const;

export const EVENT_COLUMNS = ["start_date", "end_date", "name", "type", "category", "location", "organizer", "article", "event_id", "event_iri", "location_iri", "organizer_iri", "description"] as const;

/**
 * name → content, in a fixed order; only those whose kind of file was asked for (the CSVs with
 * csv, each graph with its own format). Articles come in slug order.
 */
export function combinedFiles(articles: readonly ArticleExport[], formats: readonly Format[] = FORMATS): Map<string, string> {
  const sorted = [...articles].sort((a, b) => compareCodePoints(a.slug, b.slug));
  const files = new Map<string, string>();
  if (formats.includes("csv")) {
    files.set(COMBINED.organizations, organizationsCsv(sorted));
    files.set(COMBINED.events, eventsCsv(sorted));
  }
  // Made only when a combined graph file needs it.
  let merged: Graph | undefined;
  const graph = () => (merged ??= mergedGraph(sorted));
  if (formats.includes("nt")) {
    // Each article's own .nt, already written, usually just follows the previous one's.
    const texts = sorted.map((a) => a.artifacts.get(`${a.slug}.nt`) ?? writeNTriples(a.graph));
    files.set(COMBINED.nTriples, concatenatedNTriples(texts) ?? writeNTriples(graph()));
  }
  if (formats.includes("ttl")) {
    const prefixes = { ...PREFIXES };
    for (const a of sorted) Object.assign(prefixes, turtlePrefixes(a.slug));
    files.set(COMBINED.turtle, writeTurtle(graph(), prefixes));
  }
  return files;
}

function mergedGraph(articles: readonly ArticleExport[]): Graph {
  const nodes = new Map<string, NodeInfo>();
  for (const a of articles) for (const [iri, node] of a.graph.nodes) if (!nodes.has(iri)) nodes.set(iri, node);
  return { slug: RESERVED_SLUG, language: "", statements: articles.flatMap((a) => a.graph.statements), nodes };
}

function csv(header: readonly string[], rows: readonly string[][]): string {
  const data = rows.map((row) => row.map(guardFormula));
  return csvDocument(header.map(guardFormula), data);
}

/**
 * One row per article, about its subject. The infobox labels become columns in the order they first
 * appear (articles in slug order, fields in the article's order); a label an article lacks is empty.
 */
export function organizationsCsv(articles: readonly ArticleExport[]): string {
  const labels: string[] = [];
  for (const a of articles) for (const f of a.model.infobox.fields) if (!labels.includes(f.label)) labels.push(f.label);
  const rows = articles.map(({ model, slug }) => {
    const subject = model.organizations.find((o) => o.id === model.article.subject)!;
    const values = new Map(model.infobox.fields.map((f) => [f.label, f.value]));
    return [slug, subject.id, subject.name, subject.type, entityIri(slug, subject.id), ...labels.map((l) => values.get(l) ?? "")];
  });
  return csv([...ORGANIZATION_COLUMNS, ...labels], rows);
}

/** Every event with a start (or else an end) date, in date order; one date keeps the articles' order. */
export function eventsCsv(articles: readonly ArticleExport[]): string {
  const rows: { date: string; cells: string[] }[] = [];
  for (const { model, graph, slug } of articles) {
    const named = (ref: string | undefined): [string, string] => {
      if (!ref) return ["", ""];
      const iri = entityIri(slug, ref);
      return [graph.nodes.get(iri)?.name ?? "", iri];
    };
    for (const e of model.events) {
      const date = e.startDate ?? e.endDate;
      if (date === undefined) continue;
      const [location, locationIri] = named(e.location);
      const [organizer, organizerIri] = named(e.organizer);
      rows.push({ date, cells: [e.startDate ?? "", e.endDate ?? "", e.name, e.type, e.category, location, organizer, slug, e.id, entityIri(slug, e.id), locationIri, organizerIri, e.description ?? ""] });
    }
  }
  // Stable: "1992" sorts before "1992-05" (a year is the start of its months and days).
  const ordered = rows.map((r, i) => ({ ...r, i })).sort((a, b) => compareCodePoints(a.date, b.date) || a.i - b.i);
  return csv(EVENT_COLUMNS, ordered.map((r) => r.cells));
}

/** What each combined file is, for manifest.json and datapackage.json. */
export const COMBINED_INFO: Readonly<Record<string, { format: string; mediaType: string; title: string; description: string }>> = {
  [COMBINED.organizations]: {
    format: "csv",
    mediaType: "text/csv",
    title: "All articles: one row per organization",
    description: "The organization each article is about: article slug, id, name, type and IRI, then every infobox label of the corpus as a column (values as written; empty where an article has no such field).",
  },
  [COMBINED.events]: {
    format: "csv",
    mediaType: "text/csv",
    title: "All articles: every dated event",
    description: "Every event with a start or end date across all articles, in date order: dates, name, type, category, location and organizer (names and IRIs), the article, and the description.",
  },
  [COMBINED.nTriples]: { format: "nt", mediaType: "application/n-triples", title: "All articles: one graph, N-Triples", description: "The union of every article's graph, one triple a line, sorted, no duplicates; links between articles are shared IRIs." },
  [COMBINED.turtle]: { format: "ttl", mediaType: "text/turtle", title: "All articles: one graph, Turtle", description: "The union of every article's graph as Turtle, each article's entities under its own prefix." },
};

/** Descriptions of the combined CSVs' fixed columns (the organizations CSV adds one per infobox label). */
export const COMBINED_COLUMN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  article: "The article's slug (its file source/<slug>.yaml).",
  id: "The organization's id in its article.",
  name: "The organization's name.",
  type: "Its schema.org type (e.g. NGO), or the event's.",
  iri: "The organization's IRI in the graph.",
  start_date: "When the event started: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the article.",
  end_date: "When it ended, at the article's precision; empty if not said.",
  category: "The kind of event (campaign, observance, meeting, ...).",
  location: "Where it took place (a place's name).",
  organizer: "Who organized it (a name).",
  event_id: "The event's id in its article.",
  event_iri: "The event's IRI in the graph.",
  location_iri: "The place's IRI.",
  organizer_iri: "The organizer's IRI.",
  description: "The event's description.",
};
