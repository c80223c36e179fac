// The check of a corpus of articles' texts, as `make new` and `make import` run it before they write
// a file: each text through the pipeline (scripts/pipeline.ts) without writing a format, then the
// references between articles judged against every article's ids (references.ts). Every problem at
// its line, as the export would report it.

import type { Diagnostic, SourceText } from "../lib/diagnostic.ts";
import { readYaml } from "../read/read-yaml.ts";
import { CorpusContext, DEFAULT_SETTINGS, type CorpusSettings } from "../graph/shared.ts";
import { exportArticle, type ArticleResult } from "../pipeline.ts";
import { entityTable, readEntityTable } from "./entity-table.ts";
import { corpusProblems, type JudgedArticle } from "./references.ts";

/** Every problem of the corpus, each at its line; none when every article can be exported. */
export function checkCorpus(sources: readonly SourceText[], settings: CorpusSettings = DEFAULT_SETTINGS): Diagnostic[] {
  return checkTexts(sources, new CorpusContext(settings)).diagnostics;
}

/** The corpus's problems, and each text's pipeline result (no file written). */
export function checkTexts(sources: readonly SourceText[], corpus: CorpusContext): { diagnostics: Diagnostic[]; results: ArticleResult[] } {
  const results = sources.map(({ file, text }) => exportArticle(text, file, { corpus, formats: [], linked: "later" }));
  const articles = sources.map(({ file, text }, index): JudgedArticle => {
    const result = results[index]!;
    const again = () => {
      const read = readYaml(text, file);
      if (!read.ok) throw new Error(`${file}: read once, not twice`);
      return read.source;
    };
    if (!result.ok) return { file, failed: result, references: result.references, source: again };
    const slug = result.model.article.slug;
    const valid = { slug, kinds: () => readEntityTable(slug, entityTable(result.model, result.iris), result.iris.iris).kinds };
    return { file, valid, references: result.references, source: () => result.source };
  });
  return { diagnostics: corpusProblems(articles), results };
}
