// The bundle: the writers' artifacts plus the files that describe and verify them, as one map
// (file name → content) for dist/write-dist.ts to swap in at once. Pure: no clock, no disk.
//
// Order matters: datapackage.json describes the artifacts; manifest.json describes the artifacts
// and datapackage.json; SHA256SUMS covers every file but itself.

import { CHECKSUMS_FILE, writeChecksums } from "./checksums.ts";
import { DATAPACKAGE_FILE, writeDataPackage } from "./datapackage.ts";
import type { BundleInput } from "./input.ts";
import { MANIFEST_FILE, writeManifest } from "./manifest.ts";

export const BUNDLE_FILES = [DATAPACKAGE_FILE, MANIFEST_FILE, CHECKSUMS_FILE] as const;

export function bundle(input: BundleInput): Map<string, string> {
  const files = new Map<string, string>();
  for (const article of input.articles) {
    for (const [name, content] of article.artifacts) {
      if (files.has(name) || (BUNDLE_FILES as readonly string[]).includes(name)) throw new Error(`two files named ${name} in the output`);
      files.set(name, content);
    }
  }
  for (const [name, content] of input.combined ?? []) {
    if (files.has(name)) throw new Error(`two files named ${name} in the output`);
    files.set(name, content);
  }
  const datapackage = writeDataPackage(input);
  files.set(DATAPACKAGE_FILE, datapackage);
  files.set(MANIFEST_FILE, writeManifest(input, new Map([[DATAPACKAGE_FILE, { format: "datapackage", mediaType: "application/json", content: datapackage }]])));
  files.set(CHECKSUMS_FILE, writeChecksums(files));
  return files;
}
