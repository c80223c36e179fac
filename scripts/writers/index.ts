// The writers, by format: each a pure function of the model and its graph to the text of one file.

import type { ArticleModel } from "../model/types.ts";
import type { Graph } from "../graph/build.ts";
import { writeCsv } from "./csv.ts";
import { writeJsonLd } from "./jsonld.ts";
import { writeTurtle } from "./turtle.ts";
import { graphPrefixes } from "../graph/prefixes.ts";
import { writeInfobox } from "./infobox.ts";
import { writeNTriples } from "./ntriples.ts";
import { writeHtml } from "./html.ts";

export interface Writer {
  extension: string;
  mediaType: string;
  write(model: ArticleModel, graph: Graph): string;
}

export const WRITERS = {
  csv: { extension: ".csv", mediaType: "text/csv; charset=utf-8; header=present", write: (_m, g) => writeCsv(g) },
  jsonld: { extension: ".jsonld", mediaType: "application/ld+json", write: (_m, g) => writeJsonLd(g) },
  ttl: { extension: ".ttl", mediaType: "text/turtle", write: (_m, g) => writeTurtle(g, graphPrefixes(g)) },
  infobox: { extension: ".infobox.json", mediaType: "application/json", write: (m) => writeInfobox(m) },
  nt: { extension: ".nt", mediaType: "application/n-triples", write: (_m, g) => writeNTriples(g) },
  html: { extension: ".html", mediaType: "text/html; charset=utf-8", write: (m, g) => writeHtml(m, g) },
} satisfies Record<string, Writer>;

export type Format = keyof typeof WRITERS;
export const FORMATS = Object.keys(WRITERS) as Format[];
