// The writers, by format: each a pure function of the model and its graph to the text of one file.

import type { ArticleModel } from "../model/types.ts";
import type { Graph } from "../graph/build.ts";
import { writeCsv } from "./csv.ts";
import { writeJsonLd } from "./jsonld.ts";
import { writeTurtle } from "./turtle.ts";
import { graphPrefixes } from "../graph/prefixes.ts";
import { FORMAT_FILES, FORMATS, type Format } from "./formats.ts";
import { writeInfobox } from "./infobox.ts";
import { writeNTriples } from "./ntriples.ts";
import { writeHtml } from "./html.ts";

export interface Writer {
  extension: string;
  mediaType: string;
  write(model: ArticleModel, graph: Graph): string;
}

export const WRITERS = {
  csv: { ...FORMAT_FILES.csv, write: (_m, g) => writeCsv(g) },
  jsonld: { ...FORMAT_FILES.jsonld, write: (_m, g) => writeJsonLd(g) },
  ttl: { ...FORMAT_FILES.ttl, write: (_m, g) => writeTurtle(g, graphPrefixes(g)) },
  infobox: { ...FORMAT_FILES.infobox, write: (m) => writeInfobox(m) },
  nt: { ...FORMAT_FILES.nt, write: (_m, g) => writeNTriples(g) },
  html: { ...FORMAT_FILES.html, write: (m, g) => writeHtml(m, g) },
} satisfies Record<Format, Writer>;

export { FORMATS, type Format };
