// manifest.json: what the output folder holds, for a person or a program checking a download.
// Every file (but itself and SHA256SUMS, which lists it) with its media type, size and SHA-256,
// and the SHA-256 of the source file(s) it was made from; the pipeline's name and version and the
// schema.org release. A time only when SOURCE_DATE_EPOCH gives one: the same input, same bytes.

import { compareCodePoints } from "../lib/code-point-order.ts";
import { FORMAT_FILES as WRITERS } from "../writers/formats.ts";
import { formatOf } from "./formats.ts";
import { COMBINED_INFO } from "../writers/combined-files.ts";
import type { PackageInput, FileFacts } from "./input.ts";
import { ElementGroup, ElementJson, jsonChunks, spread, tailText, withMembers, type ArticlePart } from "./json-chunks.ts";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestFile {
  path: string;
  /** The writer's format (csv, jsonld, ...), or the data package file's kind (datapackage). */
  format: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** The article the file belongs to; absent for files about the whole folder. */
  article?: string;
  /** The source files it was made from: its article's, or every article's. */
  sources: { path: string; sha256: string }[];
}

/** A data package file made before the manifest (datapackage.json): its kind, media type and facts. */
export type ExtraFile = { format: string; mediaType: string } & FileFacts;

/** The manifest's text, piece by piece (see json-chunks.ts). */
export function manifestChunks(input: PackageInput, extra: ReadonlyMap<string, ExtraFile>): Iterable<string | ArticlePart> {
  // Files in name order; only names and places are sorted, each entry is made when written.
  const places: { path: string; article?: number; extra?: boolean }[] = [];
  input.articles.forEach((article, index) => {
    for (const path of article.artifacts.keys()) places.push({ path, article: index });
  });
  for (const path of input.combined?.keys() ?? []) places.push({ path });
  for (const path of extra.keys()) places.push({ path, extra: true });
  places.sort((a, b) => compareCodePoints(a.path, b.path));
  const allSources = input.articles.map((a) => a.sourceFile);

  const sourceTexts: string[] = [];
  const entry = ({ path, article: index, extra: isExtra }: (typeof places)[number]): ManifestFile | ElementJson => {
    if (index !== undefined) {
      const article = input.articles[index]!;
      const format = formatOf(article.slug, path);
      if (!format) throw new Error(`${path}: not a file any writer makes for the article ${article.slug}`);
      const { bytes, sha256 } = article.artifacts.get(path)!;
      // Its article's source, the same for each of its files, serialized once (json-chunks.ts).
      // The members of { path, format, mediaType, bytes, sha256, article } (see withMembers).
      const q = JSON.stringify;
      const members = `      "path": ${q(path)},\n      "format": ${q(format)},\n      "mediaType": ${q(WRITERS[format].mediaType)},\n      "bytes": ${q(bytes)},\n      "sha256": ${q(sha256)},\n      "article": ${q(article.slug)}`;
      return withMembers(members, (sourceTexts[index] ??= tailText({ sources: [article.sourceFile] })));
    }
    if (isExtra) {
      const { format, mediaType, bytes, sha256 } = extra.get(path)!;
      return { path, format, mediaType, bytes, sha256, sources: allSources };
    }
    const info = COMBINED_INFO[path];
    if (!info) throw new Error(`${path}: not a combined file`);
    const { bytes, sha256 } = input.combined!.get(path)!;
    return { path, format: `corpus-${info.format}`, mediaType: info.mediaType, bytes, sha256, sources: allSources };
  };

  const shape = {
    pipeline: input.pipeline,
    schemaorg: { release: input.schemaorgRelease, context: "https://schema.org" },
    ...(input.created !== undefined && { created: input.created }),
    articles: spread("articles"),
    files: spread("files"),
  };
  return jsonChunks(shape, function* (name) {
    if (name === "articles") {
      for (const a of input.articles) {
        const element = { slug: a.slug, title: a.title, language: a.language, source: a.sourceFile, ...(a.origin && { basedOn: a.origin }), ...(a.license && { license: a.license }) };
        yield a.part ? new ElementGroup(`article ${a.slug}`, a.part.key, a.part.kept, 1, () => [element]) : element;
      }
    } else yield* filesInRuns(input, places, entry);
  });
}

/**
 * The files' entries, an article's that follow each other in name order as one group (its files
 * are one run, unless another file's name sorts among them: then a run each).
 */
function* filesInRuns<P extends { article?: number }>(input: PackageInput, places: readonly P[], entry: (place: P) => unknown): Generator<unknown> {
  const runs = new Map<number, number>();
  for (let i = 0; i < places.length; ) {
    const index = places[i]!.article;
    const article = index === undefined ? undefined : input.articles[index]!;
    if (!article?.part) {
      yield entry(places[i++]!);
      continue;
    }
    let end = i + 1;
    while (end < places.length && places[end]!.article === index) end++;
    const run = places.slice(i, end);
    const n = (runs.get(index!) ?? 0) + 1;
    runs.set(index!, n);
    yield new ElementGroup(n === 1 ? article.slug : `${article.slug} ${n}`, article.part.key, article.part.kept, run.length, () => run.map(entry));
    i = end;
  }
}
