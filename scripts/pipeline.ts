// The pipeline for a corpus of articles, as pure functions of their texts:
// read (YAML with positions) → validate (JSON Schema, then rules) → model → graph → writers.
// Only dist/ writes files; the command line in cli/ ties the two together.

import type { Diagnostic } from "./lib/diagnostic.ts";
import { readYaml, type SourceDocument } from "./read/read-yaml.ts";
import { validateAgainstSchema } from "./validate/json-schema.ts";
import { validateRules, type CorpusIndex } from "./validate/rules.ts";
import { salvage, withoutReferencesInto } from "./validate/salvage.ts";
import { buildModel } from "./model/build.ts";
import type { ArticleModel } from "./model/types.ts";
import { ENTITY_LISTS } from "./model/types.ts";
import { buildGraph, type Graph, type NodeInfo } from "./graph/build.ts";
import { entityIri } from "./graph/namespaces.ts";
import { WRITERS, writerInput, type Format } from "./writers/index.ts";
import { slugOfFile } from "./lib/article-file.ts";

export interface SourceText {
  /** The path shown in messages, e.g. "source/ifex.yaml". */
  file: string;
  text: string;
}

export interface ArticleExport {
  slug: string;
  model: ArticleModel;
  graph: Graph;
  /** File name in dist/ → content. */
  artifacts: Map<string, string>;
}

export type CorpusResult = { ok: true; articles: ArticleExport[] } | { ok: false; diagnostics: Diagnostic[] };

/** Called as the work goes on, for a progress line: which stage, how many of how many, which file. */
export type ProgressCallback = (stage: "checking" | "exporting", done: number, total: number, file: string) => void;

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
    const artifacts = new Map<string, string>();
    const input = writerInput(model, graph);
    for (const format of formats) {
      const writer = WRITERS[format];
      const text = writer.write(input);
      if (typeof text !== "string") throw new Error(`the ${format} writer does not write text at once: export it with corpus/export-corpus.ts`);
      artifacts.set(`${model.article.slug}${writer.extension}`, text);
    }
    return { slug: model.article.slug, model, graph, artifacts };
  });
  return { ok: true, articles };
}

/** Every problem of the corpus, each at its line; none when every article can be exported. */
export function checkCorpus(sources: readonly SourceText[]): Diagnostic[] {
  return checkSources(sources).diagnostics;
}

function checkSources(sources: readonly SourceText[], onProgress?: ProgressCallback): { diagnostics: Diagnostic[]; read: SourceDocument[] } {
  const diagnostics: Diagnostic[] = [];
  const read: SourceDocument[] = [];
  // Files with schema problems whose rule problems can still be reported (validate/salvage.ts).
  const salvaged: SourceDocument[] = [];
  // Articles that cannot be checked: references into them are not judged until they are fixed.
  const unchecked = new Set<string>();
  for (const [index, source] of sources.entries()) {
    onProgress?.("checking", index, sources.length, source.file);
    const result = readYaml(source.text, source.file);
    if (!result.ok) {
      diagnostics.push(...result.diagnostics);
      unchecked.add(slugOfFile(source.file));
    } else {
      const schemaProblems = validateAgainstSchema(result.source);
      if (schemaProblems.length > 0) {
        diagnostics.push(...schemaProblems);
        const rest = salvage(result.source);
        if (rest) salvaged.push(rest);
        else {
          unchecked.add(slugOfFile(source.file));
          const slug = (result.source.data as { article?: { slug?: unknown } } | null)?.article?.slug;
          if (typeof slug === "string") unchecked.add(slug);
        }
      } else read.push(result.source);
    }
  }
  // Rules need the schema-valid shape, and the corpus for references between articles.
  const corpus = corpusIndex([...read, ...salvaged]);
  const ruleProblems: Diagnostic[] = [];
  for (const source of [...read, ...salvaged]) {
    ruleProblems.push(...validateRules(source, corpus), ...checkFileName(source));
  }
  diagnostics.push(...withoutReferencesInto(ruleProblems, unchecked));
  return { diagnostics, read };
}


/** The slug in the file must be the file's name: source/<slug>.yaml. */
const RESERVED_SLUGS = ["corpus", "vocab"];

export function checkFileName(source: SourceDocument): Diagnostic[] {
  const slug = (source.data as { article: { slug: string } }).article.slug;
  // "corpus" names the combined files (corpus.*), "vocab" the project's vocabulary's IRIs.
  if (RESERVED_SLUGS.includes(slug)) {
    return [{ file: source.file, ...source.positionOf(["article", "slug"]), message: `the slug ${JSON.stringify(slug)} is kept for the project's own files`, expected: `a slug other than ${RESERVED_SLUGS.join(" or ")}`, found: JSON.stringify(slug) }];
  }
  const base = slugOfFile(source.file);
  if (base === slug) return [];
  return [{ file: source.file, ...source.positionOf(["article", "slug"]), message: "the slug is not the file's name", expected: JSON.stringify(base), found: JSON.stringify(slug) }];
}

export function corpusIndex(sources: readonly SourceDocument[]): CorpusIndex {
  const index = new Map<string, Map<string, (typeof ENTITY_LISTS)[number] | "membership">>();
  for (const source of sources) {
    const data = source.data as Record<string, Record<string, unknown>[] | undefined> & { article: { slug: string; subject: string } };
    const ids = new Map<string, (typeof ENTITY_LISTS)[number] | "membership">();
    for (const kind of ENTITY_LISTS) for (const entity of data[kind] ?? []) ids.set(entity.id as string, kind);
    index.set(data.article.slug, ids);
  }
  return index;
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
