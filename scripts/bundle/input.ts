// What the bundle files (datapackage.json, manifest.json, SHA256SUMS) are computed from: the
// artifacts of each article and a few facts about the run. Plain data, so that the functions over
// it are pure: the same input gives the same bytes.

import type { ArticleLicense, ArticleSource } from "../model/types.ts";

export interface BundleArticle {
  slug: string;
  title: string;
  language: string;
  /** The YAML file the artifacts come from: its name in the source folder and the SHA-256 of its bytes. */
  sourceFile: { path: string; sha256: string };
  /** Where the article's text is published, and its license, when the YAML says. */
  origin?: ArticleSource;
  license?: ArticleLicense;
  /** File name in the output folder → content, as the writers made them. */
  artifacts: ReadonlyMap<string, string>;
}

export interface BundleInput {
  articles: readonly BundleArticle[];
  /** package.json's name and version. */
  pipeline: { name: string; version: string };
  /** The schema.org release whose context the JSON-LD uses, e.g. "30.0". */
  schemaorgRelease: string;
  /** The files combining every article (corpus/combined.ts): name → content. */
  combined?: ReadonlyMap<string, string>;
  /** ISO 8601 time from SOURCE_DATE_EPOCH; absent unless it is set, so builds stay reproducible. */
  created?: string;
}
