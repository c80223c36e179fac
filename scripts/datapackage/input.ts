// What the data package files (datapackage.json, manifest.json, SHA256SUMS) are computed from: each file's
// size and SHA-256, and a few facts about the articles and the run. Plain data, so the functions over
// it are pure: the same input gives the same bytes. Only facts, never contents: an export of 10,000
// articles hashes each file as it writes it and keeps a few bytes per file.

import type { ArticleLicense, ArticleSource } from "../model/types.ts";

/** What the bundle says of one file: its size and hash, over the UTF-8 bytes written. */
export interface FileFacts {
  bytes: number;
  sha256: string;
}

export interface PackageArticle {
  slug: string;
  title: string;
  language: string;
  /** The YAML file the artifacts come from: its name in the source folder and the SHA-256 of its bytes. */
  sourceFile: { path: string; sha256: string };
  /** Where the article's text is published, and its license, when the YAML says. */
  origin?: ArticleSource;
  license?: ArticleLicense;
  /** File name in the output folder → its facts, as the writers made them (in the writers' order). */
  artifacts: ReadonlyMap<string, FileFacts>;
  /**
   * For an export that copies what did not change from its previous output: what this article's
   * entries are made of beyond its own facts (a key the previous export recorded with them), and
   * whether they may be copied (the article was kept as it was).
   */
  part?: { key: string; kept: boolean };
}

/** A file combining every article; a CSV also names its columns (its header row). */
export interface CombinedFacts extends FileFacts {
  header?: readonly string[];
}

export interface PackageInput {
  articles: readonly PackageArticle[];
  /** package.json's name and version. */
  pipeline: { name: string; version: string };
  /** The schema.org release whose context the JSON-LD uses, e.g. "30.0". */
  schemaorgRelease: string;
  /** The files combining every article (corpus/combined-rdf.ts, combined-tables.ts): name → facts, in a fixed order. */
  combined?: ReadonlyMap<string, CombinedFacts>;
  /** ISO 8601 time from SOURCE_DATE_EPOCH; absent unless it is set, so builds stay reproducible. */
  created?: string;
}
