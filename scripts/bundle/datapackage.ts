// datapackage.json: the output folder as a Frictionless Data Package (v1), so data tools open it by
// itself: every CSV a tabular resource with its Table Schema and dialect, every other artifact a
// resource with its format and media type; sizes and SHA-256 hashes; where the articles' text comes
// from and its license, for the package and for each resource.

import type { ArticleLicense, ArticleSource } from "../model/types.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { WRITERS } from "../writers/index.ts";
import { csvTableSchema, CSV_DIALECT } from "./csv-table-schema.ts";
import { baseMediaType, FORMAT_INFO, formatOf } from "./formats.ts";
import type { BundleArticle, BundleInput } from "./input.ts";
import { byteSize, sha256 } from "./sha256.ts";
import { COMBINED_COLUMN_DESCRIPTIONS, COMBINED_INFO } from "../corpus/combined.ts";

export const DATAPACKAGE_FILE = "datapackage.json";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function dataPackage(input: BundleInput): Record<string, Json> {
  const sources = new Map<string, Json>();
  const licenses = new Map<string, Json>();
  for (const article of input.articles) {
    if (article.origin) sources.set(article.origin.url, sourceOf(article.origin));
    if (article.license) licenses.set(article.license.id, licenseOf(article.license));
  }
  return {
    profile: "data-package",
    name: input.pipeline.name,
    title: "Encyclopedia articles about organizations, as structured data",
    description:
      "The facts of each article as a graph (schema.org first): JSON-LD, Turtle and N-Triples, a CSV of one fact per row, the infobox as JSON, and a web page. manifest.json lists every file with its SHA-256 and the SHA-256 of its source; SHA256SUMS is for `sha256sum -c`.",
    ...(input.created !== undefined && { created: input.created }),
    ...(sources.size > 0 && { sources: [...sources.values()] }),
    ...(licenses.size > 0 && { licenses: [...licenses.values()] }),
    resources: [
      ...input.articles.flatMap((article) => [...article.artifacts.keys()].sort(compareCodePoints).map((path) => resource(article, path, article.artifacts.get(path)!))),
      ...[...(input.combined ?? [])].map(([path, content]) => combinedResource(input, path, content)),
    ],
  };
}

export function writeDataPackage(input: BundleInput): string {
  return `${JSON.stringify(dataPackage(input), null, 2)}\n`;
}

function resource(article: BundleArticle, path: string, content: string): Record<string, Json> {
  const format = formatOf(article.slug, path);
  if (!format) throw new Error(`${path}: not a file any writer makes for the article ${article.slug}`);
  const info = FORMAT_INFO[format];
  const tabular = format === "csv";
  return {
    profile: tabular ? "tabular-data-resource" : "data-resource",
    name: `${article.slug}-${format}`,
    path,
    title: `${article.title}: ${info.title}`,
    description: info.description,
    format: info.format,
    mediatype: baseMediaType(WRITERS[format].mediaType),
    encoding: "utf-8",
    bytes: byteSize(content),
    hash: `sha256:${sha256(content)}`,
    ...(article.origin && { sources: [sourceOf(article.origin)] }),
    ...(article.license && { licenses: [licenseOf(article.license)] }),
    ...(tabular && { dialect: CSV_DIALECT, schema: csvTableSchema() }),
  };
}

/** A file combining every article: a tabular resource for the CSVs, with their header's fields. */
function combinedResource(input: BundleInput, path: string, content: string): Record<string, Json> {
  const info = COMBINED_INFO[path];
  if (!info) throw new Error(`${path}: not a combined file`);
  const tabular = info.format === "csv";
  const origins = [...new Map(input.articles.flatMap((a) => (a.origin ? [[a.origin.url, sourceOf(a.origin)] as const] : []))).values()];
  const licenses = [...new Map(input.articles.flatMap((a) => (a.license ? [[a.license.id, licenseOf(a.license)] as const] : []))).values()];
  return {
    profile: tabular ? "tabular-data-resource" : "data-resource",
    name: path.replace(/\./g, "-").toLowerCase(),
    path,
    title: info.title,
    description: info.description,
    format: info.format,
    mediatype: info.mediaType,
    encoding: "utf-8",
    bytes: byteSize(content),
    hash: `sha256:${sha256(content)}`,
    ...(origins.length > 0 && { sources: origins }),
    ...(licenses.length > 0 && { licenses }),
    ...(tabular && { dialect: CSV_DIALECT, schema: { fields: csvHeader(content).map((name) => ({ name, type: "string", description: COMBINED_COLUMN_DESCRIPTIONS[name] ?? `The infobox field "${name}", as the article writes it.` })) } }),
  };
}

/** The column names of a CSV this project wrote (BOM, every cell quoted, CRLF). */
function csvHeader(content: string): string[] {
  const line = content.replace(/^\uFEFF/, "").split("\r\n")[0]!;
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"').replace(/^'/, ""));
}

function sourceOf(origin: ArticleSource): Json {
  return { title: origin.publisher ? `${origin.title}, ${origin.publisher}` : origin.title, path: origin.url };
}

function licenseOf(license: ArticleLicense): Json {
  return { name: license.id, path: license.url, ...(license.title && { title: license.title }) };
}
