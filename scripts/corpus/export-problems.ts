// An export that cannot be made: every problem of the corpus, each at its line (references.ts), those
// the failed articles' jobs found, then those of references between articles. Only the articles with
// a wrong reference are read again, for its position; the texts of the files with problems go with
// them, for the report's code frames.

import type { SourceText } from "../lib/diagnostic.ts";
import { readSourceFile } from "../read/source-file.ts";
import { readYaml } from "../read/read-yaml.ts";
import type { CorpusContext } from "../graph/shared.ts";
import type { Article, Spills } from "./article-record.ts";
import { readEntityTable } from "./entity-table.ts";
import type { ExportProblems } from "./export-run.ts";
import { corpusProblems, type JudgedArticle } from "./references.ts";

export function exportProblems(articles: readonly Article[], spills: Spills, corpus: CorpusContext): ExportProblems {
  const diagnostics = corpusProblems(articles.map((a) => judged(a, spills, corpus)));
  if (diagnostics.length === 0) throw new Error("an article failed to export, yet no problem was found");
  const sources: SourceText[] = [];
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    const article = articles.find((a) => a.file === file);
    const read = article ? readSourceFile(article.path, article.file) : undefined;
    if (read?.ok) sources.push({ file, text: read.text });
  }
  return { ok: false, diagnostics, sources };
}

function judged(a: Article, spills: Spills, corpus: CorpusContext): JudgedArticle {
  const facts = a.facts;
  return {
    file: a.file,
    ...(a.problems && { failed: { problems: a.problems.diagnostics, ...a.problems } }),
    ...(!a.problems && facts && { valid: { slug: facts.slug, kinds: () => readEntityTable(facts.slug, a.entities ? spills.tables.get(a.entities) : facts.entities, corpus.iris).kinds } }),
    references: a.problems?.references ?? facts?.references ?? [],
    source: () => {
      const read = readSourceFile(a.path, a.file);
      const parsed = read.ok ? readYaml(read.text, a.file) : undefined;
      if (!parsed?.ok) throw new Error(`${a.file} changed during the export`);
      return parsed.source;
    },
  };
}
