// The in-memory export (tests/reference/pipeline.ts + the data package) as the reference the parallel, incremental export
// (corpus/export-corpus.ts) must match byte for byte.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { withDataPackage } from "../scripts/datapackage/write.ts";
import { packageInput, pipelineInfo } from "./reference/in-memory-package.ts";
import { exportInMemory } from "./reference/pipeline.ts";
import { compareCodePoints } from "../scripts/lib/code-point-order.ts";
import { isArticleFile } from "../scripts/lib/article-file.ts";
import { corpusSettingsOf } from "./ifex.ts";
import { FORMATS } from "../scripts/writers/formats.ts";

/** name → content of what the export of `sourceDir` must write, made in memory. */
export function referenceExport(sourceDir: string): Map<string, string | Uint8Array> {
  // In slug order, as the export takes them.
  const slug = (name: string) => name.replace(/\.ya?ml$/, "");
  const sources = readdirSync(sourceDir)
    .filter(isArticleFile)
    .sort((a, b) => compareCodePoints(slug(a), slug(b)))
    .map((name) => ({ file: join(sourceDir, name), text: readFileSync(join(sourceDir, name), "utf8") }));
  const result = exportInMemory(sources, FORMATS, corpusSettingsOf(sourceDir));
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  return withDataPackage(packageInput(result.articles, sources, { pipeline: pipelineInfo() }));
}

/** The names of files whose content differs between the folder and the reference (or that only one has). */
export function differences(dir: string, reference: ReadonlyMap<string, string | Uint8Array>): string[] {
  const present = readdirSync(dir);
  const names = new Set([...present, ...reference.keys()]);
  return [...names].filter((name) => !present.includes(name) || !reference.has(name) || !readFileSync(join(dir, name)).equals(Buffer.from(reference.get(name)! as string)));
}
