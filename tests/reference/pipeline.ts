// The whole export in memory, the oracle the export engine (scripts/corpus/export-corpus.ts) is
// compared with byte for byte: every article through the pipeline (scripts/pipeline.ts) at once,
// each with every other article's entities named; not in jobs, on threads, in two passes, or from
// the previous export's state as the engine does it.

import { checkTexts } from "../../scripts/corpus/check-corpus.ts";
import { exportArticle } from "../../scripts/pipeline.ts";
import type { ArticleModel } from "../../scripts/model/types.ts";
import type { Graph, NodeInfo } from "../../scripts/graph/build.ts";
import { CorpusContext, DEFAULT_SETTINGS, type ArticleIris, type CorpusSettings } from "../../scripts/graph/shared.ts";
import { FORMATS, type Format } from "../../scripts/writers/formats.ts";
import type { Diagnostic, SourceText } from "../../scripts/lib/diagnostic.ts";

export type { SourceText };

export interface ArticleExport {
  slug: string;
  /** The data the pipeline read from the article's YAML, which the model was built from. */
  data: unknown;
  model: ArticleModel;
  iris: ArticleIris;
  graph: Graph;
  /** File name in dist/ → content: text, or bytes for a workbook. */
  artifacts: Map<string, string | Uint8Array>;
}

export type CorpusResult = { ok: true; articles: ArticleExport[] } | { ok: false; diagnostics: Diagnostic[] };

/** Every article's files when the whole corpus is valid (under the corpus's settings: its base, its shared entities), else every problem. */
export function exportInMemory(sources: readonly SourceText[], formats: readonly Format[] = FORMATS, settings: CorpusSettings = DEFAULT_SETTINGS): CorpusResult {
  const corpus = new CorpusContext(settings);
  const checked = checkTexts(sources, corpus);
  if (checked.diagnostics.length > 0) return { ok: false, diagnostics: checked.diagnostics };
  const linked = externalNodes(checked.results.map((result) => (result.ok ? result : unreachable())));
  const articles = sources.map(({ file, text }) => {
    const result = exportArticle(text, file, { corpus, formats, linked, validate: false });
    if (!result.ok) return unreachable();
    const { model, iris, graph, source } = result;
    return { slug: model.article.slug, data: source.data, model, iris, graph, artifacts: new Map(result.files.map((f) => [f.name, f.content])) };
  });
  return { ok: true, articles };
}

function unreachable(): never {
  throw new Error("a valid corpus's article failed");
}

/** Every named entity of the corpus, so an article referring to another's entity can name it. */
export function externalNodes(articles: readonly { model: ArticleModel; iris: ArticleIris }[]): Map<string, NodeInfo> {
  const nodes = new Map<string, NodeInfo>();
  for (const { model, iris } of articles) {
    const slug = model.article.slug;
    const add = (id: string, name: string, type: string) => nodes.set(iris.entity(id), { iri: iris.entity(id), id: `${slug}/${id}`, name, type });
    for (const o of model.organizations) add(o.id, o.name, o.type);
    for (const p of model.people) add(p.id, p.name, "Person");
    for (const p of model.places) add(p.id, p.name, p.type);
    for (const e of model.events) add(e.id, e.name, e.type);
    for (const w of model.works) add(w.id, w.name, w.type);
    for (const t of model.topics) add(t.id, t.name, "DefinedTerm");
  }
  return nodes;
}
