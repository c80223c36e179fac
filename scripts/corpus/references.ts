// References between articles, judged once every article is known: each "slug/id" an article writes
// must name an entity of a fitting kind in that article (validate/rules.ts says which kinds fit).
// An article that could not be checked leaves references into it unjudged until it is fixed.
//
// The export (export-corpus.ts) and the checker (check-corpus.ts) both report with this, so they
// report the same problems in the same order: each failed article's own, then the references'.

import type { Diagnostic } from "../lib/diagnostic.ts";
import type { SourceDocument } from "../read/read-yaml.ts";
import { externalReferenceProblem, type CorpusIndex, type EntityKind, type ExternalReference } from "../validate/external-references.ts";
import type { ArticleProblems } from "../pipeline.ts";

export interface JudgedArticle {
  /** The article's file, as messages name it. */
  file: string;
  /** What the pipeline found wrong with it, when it cannot be exported. */
  failed?: Pick<ArticleProblems, "problems" | "slug" | "ids" | "unchecked">;
  /** When it did not fail: its slug, and its entities' ids and kinds (entity-table.ts), read when asked for. */
  valid?: { slug: string; kinds: () => ReadonlyMap<string, string> };
  /** Its references to other articles' entities. */
  references: readonly ExternalReference[];
  /** Its source read again, for the positions of its references (only when one is wrong). */
  source: () => SourceDocument;
}

/** Every problem of the corpus, each at its line: the failed articles' own, then those of references between articles. */
export function corpusProblems(articles: readonly JudgedArticle[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const unchecked = new Set<string>();
  const ids = new Map<string, ReadonlyMap<string, string>>();
  for (const a of articles) {
    if (a.failed) {
      diagnostics.push(...a.failed.problems);
      for (const slug of a.failed.unchecked) unchecked.add(slug);
      if (a.failed.slug !== undefined && a.failed.ids) ids.set(a.failed.slug, new Map(a.failed.ids));
    } else if (a.valid) ids.set(a.valid.slug, a.valid.kinds());
  }
  const corpus: CorpusIndex = { get: (slug) => ids.get(slug) as ReadonlyMap<string, EntityKind> | undefined };
  for (const a of articles) {
    let source: SourceDocument | undefined;
    for (const reference of a.references) {
      if (unchecked.has(reference.ref.slice(0, reference.ref.indexOf("/")))) continue;
      const problem = externalReferenceProblem(a.file, reference, corpus);
      if (!problem) continue;
      source ??= a.source();
      diagnostics.push({ file: a.file, ...source.positionOf(reference.path), ...problem });
    }
  }
  return diagnostics;
}
