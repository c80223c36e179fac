// IFEX through the pipeline in this process (read, validate, model, graph, writers), for the tests
// that look at its model, graph or artifacts; apart from helpers.ts so that the other tests do not
// load the pipeline.

import { exportInMemory, type ArticleExport } from "./reference/pipeline.ts";
import { readCorpusFile } from "../scripts/corpus/corpus-file.ts";
import type { CorpusSettings } from "../scripts/graph/shared.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { IFEX_SOURCE, ifexYaml } from "./helpers.ts";

let cached: ArticleExport | undefined;

/** The corpus settings of a source folder (its corpus.yaml, else the defaults), as the export reads them. */
export function corpusSettingsOf(sourceDir: string): CorpusSettings {
  const read = readCorpusFile(sourceDir);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics, null, 2));
  return read.settings;
}

/** The tests' IFEX article (tests/fixtures/ifex/) through the in-process pipeline (read, validate, model, graph, writers). */
export function ifex(): ArticleExport {
  if (!cached) {
    const result = exportInMemory([{ file: "source/ifex.yaml", text: ifexYaml() }], FORMATS, corpusSettingsOf(IFEX_SOURCE));
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
    cached = result.articles[0]!;
  }
  return cached;
}
