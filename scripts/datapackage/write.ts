// The data package: the files that describe and verify the artifacts (table-schema.json,
// datapackage.json, manifest.json, SHA256SUMS), computed from each file's size and hash. Pure: no
// clock, no disk.
//
// Order matters: table-schema.json is the Table Schema every article's CSV shares (datapackage.json
// refers to it by path, rather than repeating it per article); datapackage.json describes the
// artifacts; manifest.json describes the artifacts, the Table Schema and datapackage.json;
// SHA256SUMS covers every file but itself.

import { CHECKSUMS_FILE, writeChecksums } from "./checksums.ts";
import { DATAPACKAGE_FILE, dataPackageChunks, TABLE_SCHEMA_FILE, tableSchemaText } from "./datapackage.ts";
import type { PackageInput, FileFacts } from "./input.ts";
import { MANIFEST_FILE, manifestChunks, type ExtraFile } from "./manifest.ts";
import { factsOf } from "./sha256.ts";
import { chunkText, type ArticlePart } from "./json-chunks.ts";

export const PACKAGE_FILES = [TABLE_SCHEMA_FILE, DATAPACKAGE_FILE, MANIFEST_FILE, CHECKSUMS_FILE] as const;

/**
 * Writes the three data package files through `emit` (name, then its text piece by piece; it returns the
 * facts of what it wrote): a corpus's data package is written without ever being one string. An
 * article's entries come as one ArticlePart when its input says what they are made of (`part`).
 */
export function writeDataPackage(input: PackageInput, emit: (name: string, chunks: Iterable<string | ArticlePart>) => FileFacts): void {
  const files = new Map<string, FileFacts>();
  for (const article of input.articles) {
    for (const [name, facts] of article.artifacts) {
      if (files.has(name) || (PACKAGE_FILES as readonly string[]).includes(name)) throw new Error(`two files named ${name} in the output`);
      files.set(name, facts);
    }
  }
  for (const [name, facts] of input.combined ?? []) {
    if (files.has(name)) throw new Error(`two files named ${name} in the output`);
    files.set(name, facts);
  }
  const extra = new Map<string, ExtraFile>();
  // Only when some article has a CSV.
  if (input.articles.some((a) => [...a.artifacts.keys()].some((name) => name === `${a.slug}.csv`))) {
    const schema = emit(TABLE_SCHEMA_FILE, [tableSchemaText()]);
    files.set(TABLE_SCHEMA_FILE, schema);
    extra.set(TABLE_SCHEMA_FILE, { format: "tableschema", mediaType: "application/json", ...schema });
  }
  const datapackage = emit(DATAPACKAGE_FILE, dataPackageChunks(input));
  files.set(DATAPACKAGE_FILE, datapackage);
  extra.set(DATAPACKAGE_FILE, { format: "datapackage", mediaType: "application/json", ...datapackage });
  files.set(MANIFEST_FILE, emit(MANIFEST_FILE, manifestChunks(input, extra)));
  emit(CHECKSUMS_FILE, [writeChecksums(files)]);
}

/** The whole output folder in memory (name → content): the artifacts, then the data package files. */
export function withDataPackage(input: PackageInput & { contents: ReadonlyMap<string, string | Uint8Array> }): Map<string, string | Uint8Array> {
  const files = new Map(input.contents);
  writeDataPackage(input, (name, chunks) => {
    const text = [...chunks].map(chunkText).join("");
    files.set(name, text);
    return factsOf(text);
  });
  return files;
}
