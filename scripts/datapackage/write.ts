// The bundle: the files that describe and verify the artifacts (datapackage.json, manifest.json,
// SHA256SUMS), computed from each file's size and hash. Pure: no clock, no disk.
//
// Order matters: datapackage.json describes the artifacts; manifest.json describes the artifacts
// and datapackage.json; SHA256SUMS covers every file but itself.

import { CHECKSUMS_FILE, writeChecksums } from "./checksums.ts";
import { DATAPACKAGE_FILE, dataPackageChunks } from "./datapackage.ts";
import type { PackageInput, FileFacts } from "./input.ts";
import { MANIFEST_FILE, manifestChunks } from "./manifest.ts";
import { factsOf } from "./sha256.ts";

export const PACKAGE_FILES = [DATAPACKAGE_FILE, MANIFEST_FILE, CHECKSUMS_FILE] as const;

/**
 * Writes the three data package files through `emit` (name, then its text piece by piece; it returns the
 * facts of what it wrote): a corpus's data package is written without ever being one string.
 */
export function writeDataPackage(input: PackageInput, emit: (name: string, chunks: Iterable<string>) => FileFacts): void {
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
  const datapackage = emit(DATAPACKAGE_FILE, dataPackageChunks(input));
  files.set(DATAPACKAGE_FILE, datapackage);
  files.set(MANIFEST_FILE, emit(MANIFEST_FILE, manifestChunks(input, new Map([[DATAPACKAGE_FILE, { format: "datapackage", mediaType: "application/json", ...datapackage }]]))));
  emit(CHECKSUMS_FILE, [writeChecksums(files)]);
}

/** The whole output folder in memory (name → content): the artifacts, then the data package files. */
export function withDataPackage(input: PackageInput & { contents: ReadonlyMap<string, string> }): Map<string, string> {
  const files = new Map(input.contents);
  writeDataPackage(input, (name, chunks) => {
    const text = [...chunks].join("");
    files.set(name, text);
    return factsOf(text);
  });
  return files;
}
