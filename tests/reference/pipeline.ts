// The whole export in memory, as pure functions of the articles' texts: check (scripts/pipeline.ts)
// → model → graph → writers. The oracle the export engine (scripts/corpus/export-corpus.ts) is
// compared with, byte for byte; not used by the export itself.

import { checkSources, type ProgressCallback, type SourceText } from "../../scripts/pipeline.ts";
import { buildModel } from "../../scripts/model/build.ts";
import type { ArticleModel } from "../../scripts/model/types.ts";
import { buildGraph, type Graph, type NodeInfo } from "../../scripts/graph/build.ts";
import { entityIri } from "../../scripts/graph/namespaces.ts";
import { WRITERS, writerInput, type Format } from "../../scripts/writers/index.ts";
import type { Diagnostic } from "../../scripts/lib/diagnostic.ts";

export type { SourceText };

export interface ArticleExport {
  slug: string;
  /** The data the pipeline read from the article's YAML, which the model was built from. */
  data: unknown;
  model: ArticleModel;
  graph: Graph;
  /** File name in dist/ → content. */
  /** File name in dist/ → content: text, or bytes for a workbook. */
  artifacts: Map<string, string | Uint8Array>;
}

export type CorpusResult = { ok: true; articles: ArticleExport[] } | { ok: false; diagnostics: Diagnostic[] };


/**
 * The whole export in memory (the reference the engine, corpus/export-corpus.ts, is compared with):
 * reads and validates every article; builds artifacts only when the whole corpus is valid.
 */
export function exportInMemory(sources: readonly SourceText[], formats: readonly Format[] = Object.keys(WRITERS) as Format[], onProgress?: ProgressCallback): CorpusResult {
  const checked = checkSources(sources, onProgress);
  if (checked.diagnostics.length > 0) return { ok: false, diagnostics: checked.diagnostics };
  const read = checked.read;
  const models = read.map((source) => buildModel(source.data, source.file));
  const external = externalNodes(models);
  const articles = models.map((model, index) => {
    onProgress?.("exporting", index, models.length, model.file);
    const graph = buildGraph(model, external);
    const artifacts = new Map<string, string | Uint8Array>();
    const input = writerInput(model, graph);
    for (const format of formats) {
      const writer = WRITERS[format];
      const output = writer.write(input);
      if (output instanceof Promise) throw new Error(`the ${format} writer does not write at once: export it with corpus/export-corpus.ts`);
      artifacts.set(`${model.article.slug}${writer.extension}`, output);
    }
    return { slug: model.article.slug, data: read[index]!.data, model, graph, artifacts };
  });
  return { ok: true, articles };
}


/** Every named entity of the corpus, so an article referring to another's entity can name it. */
export function externalNodes(models: readonly ArticleModel[]): Map<string, NodeInfo> {
  const nodes = new Map<string, NodeInfo>();
  for (const model of models) {
    const slug = model.article.slug;
    const add = (id: string, name: string, type: string) => nodes.set(entityIri(slug, id), { iri: entityIri(slug, id), id: `${slug}/${id}`, name, type });
    for (const o of model.organizations) add(o.id, o.name, o.type);
    for (const p of model.people) add(p.id, p.name, "Person");
    for (const p of model.places) add(p.id, p.name, p.type);
    for (const e of model.events) add(e.id, e.name, e.type);
    for (const w of model.works) add(w.id, w.name, w.type);
    for (const t of model.topics) add(t.id, t.name, "DefinedTerm");
  }
  return nodes;
}
