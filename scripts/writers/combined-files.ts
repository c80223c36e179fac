// The files of dist/ that combine every article: their names, their columns, and what each is, for
// manifest.json and datapackage.json.

/** Combined file names start with "corpus.": no article may have that slug (validate/rules.ts). */
export const COMBINED = {
  organizations: "corpus.organizations.csv",
  events: "corpus.events.csv",
  nTriples: "corpus.nt",
  turtle: "corpus.ttl",
  workbook: "corpus.xlsx",
} as const;

export const RESERVED_SLUG = "corpus";

/** The organizations CSV's first columns; the typed columns of organization-columns.ts follow. */
export const ORGANIZATION_COLUMNS = ["slug", "id", "name", "type", "iri"] as const;

export const EVENT_COLUMNS = ["start_date", "end_date", "name", "type", "category", "location", "organizer", "article", "event_id", "event_iri", "location_iri", "organizer_iri", "description"] as const;

/** What each combined file is, for manifest.json and datapackage.json. */
export const COMBINED_INFO: Readonly<Record<string, { format: string; mediaType: string; title: string; description: string }>> = {
  [COMBINED.organizations]: {
    format: "csv",
    mediaType: "text/csv",
    title: "All articles: one row per organization",
    description: "The organization each article is about: article slug, id, name, type and IRI, then one typed column per property the mapping table (schemas/infobox-mapping.json) maps an infobox parameter to: ISO dates, numbers, IRIs, texts; the same columns for every article, empty where it does not say.",
  },
  [COMBINED.events]: {
    format: "csv",
    mediaType: "text/csv",
    title: "All articles: every dated event",
    description: "Every event with a start or end date across all articles, in date order: dates, name, type, category, location and organizer (names and IRIs), the article, and the description.",
  },
  [COMBINED.nTriples]: { format: "nt", mediaType: "application/n-triples", title: "All articles: one graph, N-Triples", description: "The union of every article's graph, one triple a line, sorted, no duplicates; links between articles are shared IRIs." },
  [COMBINED.turtle]: { format: "ttl", mediaType: "text/turtle", title: "All articles: one graph, Turtle", description: "The union of every article's graph as Turtle, each article's entities under its own prefix." },
  [COMBINED.workbook]: {
    format: "xlsx",
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    title: "All articles: one workbook",
    description: "Every article's workbook in one: the sheets organizations, people, places, events, works and facts, each row with its article's slug first; a sheet longer than a spreadsheet holds goes on in a sheet of its own (\"facts (2)\", …).",
  },
};

/** Descriptions of the combined CSVs' fixed columns (the organizations CSV adds one per infobox label). */
export const COMBINED_COLUMN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  slug: "The article's slug (its file source/<slug>.yaml).",
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
