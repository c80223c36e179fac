// IFEX through the pipeline in this process (read, validate, model, graph, writers), for the tests
// that look at its model, graph or artifacts; apart from helpers.ts so that the other tests do not
// load the pipeline.

import { exportInMemory, type ArticleExport } from "./reference/pipeline.ts";
import { readCorpusFile } from "../scripts/corpus/corpus-file.ts";
import { applyCorpusSettings } from "../scripts/graph/shared.ts";
import { IFEX_SOURCE, ifexYaml } from "./helpers.ts";

let cached: ArticleExport | undefined;

/** The corpus settings of a source folder (its corpus.yaml, else the defaults), on this thread, as the export applies them. */
export function useCorpusSettingsOf(sourceDir: string): void {
  const read = readCorpusFile(sourceDir);
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics, null, 2));
  applyCorpusSettings(read.settings);
}

/**
 * Forgets the IFEX article made before: tests/fresh-module-state.ts calls it before each test file
 * of a worker that runs several, so each file makes its own under the settings it applies.
 */
export function forgetIfex(): void {
  cached = undefined;
}

/** The tests' IFEX article (tests/fixtures/ifex/) through the in-process pipeline (read, validate, model, graph, writers). */
export function ifex(): ArticleExport {
  if (!cached) {
    useCorpusSettingsOf(IFEX_SOURCE);
    const result = exportInMemory([{ file: "source/ifex.yaml", text: ifexYaml() }]);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
    cached = result.articles[0]!;
  }
  return cached;
}
