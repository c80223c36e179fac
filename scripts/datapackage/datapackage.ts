// datapackage.json: the output folder as a Frictionless Data Package (v1), so data tools open it by
// itself: every CSV a tabular resource with its Table Schema and dialect, every other artifact a
// resource with its format and media type; sizes and SHA-256 hashes; where the articles' text comes
// from and its license, for the package and for each resource.

import type { ArticleLicense, ArticleSource } from "../model/types.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { FORMAT_FILES as WRITERS } from "../writers/formats.ts";
import { csvTableSchema, CSV_DIALECT } from "./csv-table-schema.ts";
import { baseMediaType, FORMAT_INFO, formatOf } from "./formats.ts";
import type { PackageArticle, PackageInput, CombinedFacts, FileFacts } from "./input.ts";
import { COMBINED_COLUMN_DESCRIPTIONS, COMBINED_INFO } from "../writers/combined-files.ts";
import { ORGANIZATION_TYPED_COLUMNS } from "../writers/organization-columns.ts";

const TYPED = new Map(ORGANIZATION_TYPED_COLUMNS.map((c) => [c.name, c]));

/** A combined CSV's column in the Table Schema: a typed column of the organizations CSV with its type. */
function combinedField(name: string) {
  const typed = TYPED.get(name);
  if (typed) return { name, type: typed.type, ...(typed.format && { format: typed.format }), description: typed.description, ...(typed.pattern && { constraints: { pattern: typed.pattern } }) };
  return { name, type: "string", description: COMBINED_COLUMN_DESCRIPTIONS[name] ?? `The column ${name}.` };
}
import { once } from "../lib/once.ts";
import { ElementGroup, jsonChunks, spread, tailText, withMembers, type ArticlePart, type ElementJson } from "./json-chunks.ts";

export const DATAPACKAGE_FILE = "datapackage.json";
/** The Table Schema of every article's CSV, one file the resources refer to by path (Frictionless allows it). */
export const TABLE_SCHEMA_FILE = "table-schema.json";

/** table-schema.json's text. */
export function tableSchemaText(): string {
  return `${JSON.stringify(csvTableSchema(), null, 2)}\n`;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The data package's text, piece by piece (see json-chunks.ts): one resource at a time. */
export function dataPackageChunks(input: PackageInput): Iterable<string | ArticlePart> {
  const sources = new Map<string, Json>();
  const licenses = new Map<string, Json>();
  for (const article of input.articles) {
    if (article.origin) sources.set(article.origin.url, sourceOf(article.origin));
    if (article.license) licenses.set(article.license.id, licenseOf(article.license));
  }
  const shape = {
    profile: "data-package",
    name: input.pipeline.name,
    title: "Encyclopedia articles about organizations, as structured data",
    description:
      "The facts of each article as a graph (schema.org first): JSON-LD, Turtle and N-Triples, a CSV of one fact per row, the infobox as JSON, and a web page. manifest.json lists every file with its SHA-256 and the SHA-256 of its source; SHA256SUMS is for `sha256sum -c`.",
    ...(input.created !== undefined && { created: input.created }),
    ...(sources.size > 0 && { sources: [...sources.values()] }),
    ...(licenses.size > 0 && { licenses: [...licenses.values()] }),
    resources: spread("resources"),
  };
  const combinedSources = [...sources.values()];
  const combinedLicenses = [...licenses.values()];
  return jsonChunks(shape, function* () {
    for (const article of input.articles) {
      const resources = function* () {
        // Its source and license members, the same in each of its resources: serialized once.
        const origin = originOf(article);
        for (const path of [...article.artifacts.keys()].sort(compareCodePoints)) yield resource(article, path, article.artifacts.get(path)!, origin);
      };
      if (article.part) yield new ElementGroup(article.slug, article.part.key, article.part.kept, article.artifacts.size, resources);
      else yield* resources();
    }
    for (const [path, facts] of input.combined ?? []) yield combinedResource(path, facts, combinedSources, combinedLicenses);
  });
}

/** A CSV resource's dialect and Table Schema's path, the same for every article's CSV: serialized once. */
const csvTail = once(() => tailText({ dialect: CSV_DIALECT, schema: TABLE_SCHEMA_FILE }));

/** An article's source and license members. */
function originOf(article: PackageArticle): string {
  return tailText({ ...(article.origin && { sources: [sourceOf(article.origin)] }), ...(article.license && { licenses: [licenseOf(article.license)] }) });
}

function resource(article: PackageArticle, path: string, facts: FileFacts, origin: string): ElementJson {
  const format = formatOf(article.slug, path);
  if (!format) throw new Error(`${path}: not a file any writer makes for the article ${article.slug}`);
  const info = FORMAT_INFO[format];
  const tabular = format === "csv";
  // The members JSON.stringify would write for { profile, name, path, title, description, format,
  // mediatype, encoding, bytes, hash } (see withMembers); a workbook is binary, so no encoding.
  const q = JSON.stringify;
  const members =
    `      "profile": ${q(tabular ? "tabular-data-resource" : "data-resource")},\n      "name": ${q(`${article.slug}-${format}`)},\n      "path": ${q(path)},\n` +
    `      "title": ${q(`${article.title}: ${info.title}`)},\n      "description": ${q(info.description)},\n      "format": ${q(info.format)},\n` +
    `      "mediatype": ${q(baseMediaType(WRITERS[format].mediaType))},\n${format === "xlsx" ? "" : '      "encoding": "utf-8",\n'}      "bytes": ${q(facts.bytes)},\n      "hash": ${q(`sha256:${facts.sha256}`)}`;
  return withMembers(members, origin, tabular ? csvTail() : "");
}

/** A file combining every article: a tabular resource for the CSVs, with their header's fields. */
function combinedResource(path: string, facts: CombinedFacts, origins: Json[], licenses: Json[]): Record<string, Json> {
  const info = COMBINED_INFO[path];
  if (!info) throw new Error(`${path}: not a combined file`);
  const tabular = info.format === "csv";
  if (tabular && !facts.header) throw new Error(`${path}: the CSV's header is not known`);
  return {
    profile: tabular ? "tabular-data-resource" : "data-resource",
    name: path.replace(/\./g, "-").toLowerCase(),
    path,
    title: info.title,
    description: info.description,
    format: info.format,
    mediatype: info.mediaType,
    ...(info.format !== "xlsx" && { encoding: "utf-8" }),
    bytes: facts.bytes,
    hash: `sha256:${facts.sha256}`,
    ...(origins.length > 0 && { sources: origins }),
    ...(licenses.length > 0 && { licenses }),
    ...(tabular && { dialect: CSV_DIALECT, schema: { fields: facts.header!.map((name) => combinedField(name)) } }),
  };
}

function sourceOf(origin: ArticleSource): Json {
  return { title: origin.publisher ? `${origin.title}, ${origin.publisher}` : origin.title, path: origin.url };
}

function licenseOf(license: ArticleLicense): Json {
  return { name: license.id, path: license.url, ...(license.title && { title: license.title }) };
}
