// The rule that ties an article to its file: the slug in the file is the file's name
// (source/<slug>.yaml), and is none of the names the project keeps for its own files.

import type { Diagnostic } from "../lib/diagnostic.ts";
import type { SourceDocument } from "../read/read-yaml.ts";
import { slugOfFile } from "../lib/article-file.ts";

/** "corpus" names the combined files (corpus.*), "vocab" the project's vocabulary's IRIs. */
const RESERVED_SLUGS = ["corpus", "vocab"];

export function checkFileName(source: SourceDocument): Diagnostic[] {
  const slug = (source.data as { article: { slug: string } }).article.slug;
  if (RESERVED_SLUGS.includes(slug)) {
    return [{ file: source.file, ...source.positionOf(["article", "slug"]), message: `the slug ${JSON.stringify(slug)} is kept for the project's own files`, expected: `a slug other than ${RESERVED_SLUGS.join(" or ")}`, found: JSON.stringify(slug) }];
  }
  const base = slugOfFile(source.file);
  if (base === slug) return [];
  return [{ file: source.file, ...source.positionOf(["article", "slug"]), message: "the slug is not the file's name", expected: JSON.stringify(base), found: JSON.stringify(slug) }];
}
