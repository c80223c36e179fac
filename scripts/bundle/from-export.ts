// From the pipeline's result to the bundle's input: each article's artifacts with the hash of the
// YAML it was read from. The source is named by its file name alone, so the bundle does not depend
// on where the source folder is.

import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { ArticleExport, SourceText } from "../pipeline.ts";
import { projectPath } from "../lib/project-path.ts";
import { SCHEMAORG_RELEASE } from "../graph/schemaorg-context.ts";
import type { BundleInput } from "./input.ts";
import { combinedFiles } from "../corpus/combined.ts";
import { FORMATS, type Format } from "../writers/index.ts";
import { sha256 } from "./sha256.ts";

export function bundleInput(articles: readonly ArticleExport[], sources: readonly SourceText[], run: Pick<BundleInput, "pipeline" | "created"> & { formats?: readonly Format[] }): BundleInput {
  const textOf = new Map(sources.map((s) => [s.file, s.text]));
  const { formats = FORMATS, ...rest } = run;
  return {
    ...rest,
    // The files combining every article, for the formats asked for.
    combined: combinedFiles(articles, formats),
    schemaorgRelease: SCHEMAORG_RELEASE,
    articles: articles.map(({ slug, model, artifacts }) => {
      const text = textOf.get(model.file);
      if (text === undefined) throw new Error(`no source text for ${model.file}`);
      return {
        slug,
        title: model.article.title,
        language: model.article.language,
        sourceFile: { path: basename(model.file), sha256: sha256(text) },
        ...(model.article.source && { origin: model.article.source }),
        ...(model.article.license && { license: model.article.license }),
        artifacts,
      };
    }),
  };
}

/** The pipeline's name and version, from the project's package.json. */
export function pipelineInfo(): BundleInput["pipeline"] {
  const pkg = JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970 in UTC. Unset or empty: no
 * time at all. Anything else is an error, as the specification asks.
 */
export function createdFromSourceDateEpoch(value: string | undefined): { ok: true; created?: string } | { ok: false; message: string } {
  if (value === undefined || value === "") return { ok: true };
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) * 1000 > 8.64e15) {
    return { ok: false, message: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found ${JSON.stringify(value)}` };
  }
  return { ok: true, created: new Date(Number(value) * 1000).toISOString().replace(/\.000Z$/, "Z") };
}
