// The formats the writers make: each one's file extension and media type. Kept apart from the
// writers themselves (index.ts), so that what only names files (the command line, the data package, the
// export's main thread) does not load every writer's libraries.

export const FORMAT_FILES = {
  csv: { extension: ".csv", mediaType: "text/csv; charset=utf-8; header=present" },
  jsonld: { extension: ".jsonld", mediaType: "application/ld+json" },
  ttl: { extension: ".ttl", mediaType: "text/turtle" },
  infobox: { extension: ".infobox.json", mediaType: "application/json" },
  nt: { extension: ".nt", mediaType: "application/n-triples" },
  html: { extension: ".html", mediaType: "text/html; charset=utf-8" },
  xlsx: { extension: ".xlsx", mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
} as const satisfies Record<string, { extension: string; mediaType: string }>;

export type Format = keyof typeof FORMAT_FILES;
export const FORMATS = Object.keys(FORMAT_FILES) as Format[];

/** The formats that name the entities of other articles an article links to: an article with links gets them in its second job (corpus/article-job.ts). */
export const LINKED_FORMATS = ["csv", "xlsx"] as const satisfies readonly Format[];
