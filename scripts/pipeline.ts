// The check of a corpus of articles, as pure functions of their texts: read (YAML with positions) →
// validate (JSON Schema, then the rules, references between articles included), every problem at its
// line. `make new` and `make import` check texts with it before writing them; the export
// (corpus/export-corpus.ts) reports problems with it. The whole export in memory, the engine's
// oracle, is tests/reference/pipeline.ts.

import type { Diagnostic } from "./lib/diagnostic.ts";
import { readYaml, type SourceDocument } from "./read/read-yaml.ts";
import { validateAgainstSchema } from "./validate/json-schema.ts";
import { validateRules, type CorpusIndex } from "./validate/rules.ts";
import { salvage, withoutReferencesInto } from "./validate/salvage.ts";
import { ENTITY_LISTS } from "./model/types.ts";
import { slugOfFile } from "./lib/article-file.ts";
import { sharedIndex, type PlaceLike } from "./graph/shared.ts";

export interface SourceText {
  /** The path shown in messages, e.g. "source/ifex.yaml". */
  file: string;
  text: string;
}

/** Called as the work goes on, for a progress line: which stage, how many of how many, which file. */
export type ProgressCallback = (stage: "checking" | "exporting", done: number, total: number, file: string) => void;

/** Every problem of the corpus, each at its line; none when every article can be exported. */
export function checkCorpus(sources: readonly SourceText[]): Diagnostic[] {
  return checkSources(sources).diagnostics;
}

export function checkSources(sources: readonly SourceText[], onProgress?: ProgressCallback): { diagnostics: Diagnostic[]; read: SourceDocument[] } {
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
  const index = new Map<string, Map<string, (typeof ENTITY_LISTS)[number] | "membership" | `shared:${string}`>>();
  for (const source of sources) {
    const data = source.data as Record<string, Record<string, unknown>[] | undefined> & { article: { slug: string; subject: string } };
    const ids = new Map<string, (typeof ENTITY_LISTS)[number] | "membership" | `shared:${string}`>();
    for (const kind of ENTITY_LISTS) for (const entity of data[kind] ?? []) ids.set(entity.id as string, kind);
    // Its places and topics that are the corpus's shared entities are referred to as corpus/<id>.
    const shared = sharedIndex().resolvePlaces((data.places ?? []) as unknown as PlaceLike[], (data.topics ?? []) as unknown as { id: string; name: string }[]);
    for (const [id, sharedId] of shared) ids.set(id, `shared:${sharedId}`);
    index.set(data.article.slug, ids);
  }
  return index;
}
