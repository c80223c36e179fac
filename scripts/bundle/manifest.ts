// manifest.json: what the output folder holds, for a person or a program checking a download.
// Every file (but itself and SHA256SUMS, which lists it) with its media type, size and SHA-256,
// and the SHA-256 of the source file(s) it was made from; the pipeline's name and version and the
// schema.org release. A time only when SOURCE_DATE_EPOCH gives one: the same input, same bytes.

import { compareCodePoints } from "../lib/code-point-order.ts";
import { WRITERS } from "../writers/index.ts";
import { formatOf } from "./formats.ts";
import { COMBINED_INFO } from "../corpus/combined.ts";
import type { BundleInput } from "./input.ts";
import { byteSize, sha256 } from "./sha256.ts";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestFile {
  path: string;
  /** The writer's format (csv, jsonld, ...), or the bundle file's kind (datapackage). */
  format: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  /** The article the file belongs to; absent for files about the whole folder. */
  article?: string;
  /** The source files it was made from: its article's, or every article's. */
  sources: { path: string; sha256: string }[];
}

/**
 * `extra` are the bundle files made before the manifest (datapackage.json): name → [format,
 * media type, content]. They come from every article's source.
 */
export function manifest(input: BundleInput, extra: ReadonlyMap<string, { format: string; mediaType: string; content: string }>) {
  const files: ManifestFile[] = [];
  for (const article of input.articles) {
    for (const [path, content] of article.artifacts) {
      const format = formatOf(article.slug, path);
      if (!format) throw new Error(`${path}: not a file any writer makes for the article ${article.slug}`);
      files.push({ path, format, mediaType: WRITERS[format].mediaType, bytes: byteSize(content), sha256: sha256(content), article: article.slug, sources: [article.sourceFile] });
    }
  }
  const allSources = input.articles.map((a) => a.sourceFile);
  for (const [path, content] of input.combined ?? []) {
    const info = COMBINED_INFO[path];
    if (!info) throw new Error(`${path}: not a combined file`);
    files.push({ path, format: `corpus-${info.format}`, mediaType: info.mediaType, bytes: byteSize(content), sha256: sha256(content), sources: allSources });
  }
  for (const [path, { format, mediaType, content }] of extra) {
    files.push({ path, format, mediaType, bytes: byteSize(content), sha256: sha256(content), sources: allSources });
  }
  files.sort((a, b) => compareCodePoints(a.path, b.path));
  return {
    pipeline: input.pipeline,
    schemaorg: { release: input.schemaorgRelease, context: "https://schema.org" },
    ...(input.created !== undefined && { created: input.created }),
    articles: input.articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      language: a.language,
      source: a.sourceFile,
      ...(a.origin && { basedOn: a.origin }),
      ...(a.license && { license: a.license }),
    })),
    files,
  };
}

export function writeManifest(input: BundleInput, extra: Parameters<typeof manifest>[1]): string {
  return `${JSON.stringify(manifest(input, extra), null, 2)}\n`;
}
