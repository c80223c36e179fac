// From the pipeline's result to the data package's input: each article's artifacts with the hash of the
// YAML it was read from. The source is named by its file name alone, so the bundle does not depend
// on where the source folder is.

import { basename } from "node:path";
import type { ArticleExport, SourceText } from "./pipeline.ts";
import { SCHEMAORG_RELEASE } from "../../scripts/graph/schemaorg-context.ts";
import type { PackageInput, CombinedFacts, FileFacts } from "../../scripts/datapackage/input.ts";
import { combinedFiles, csvHeader } from "./combined.ts";
import { FORMATS, type Format } from "../../scripts/writers/formats.ts";
import { factsOf, sha256 } from "../../scripts/datapackage/sha256.ts";

/** The bundle's input from an export made in memory, with the contents of every file it describes. */
export function packageInput(
  articles: readonly ArticleExport[],
  sources: readonly SourceText[],
  run: Pick<PackageInput, "pipeline" | "created"> & { formats?: readonly Format[] },
): PackageInput & { contents: Map<string, string | Uint8Array> } {
  const textOf = new Map(sources.map((s) => [s.file, s.text]));
  const { formats = FORMATS, ...rest } = run;
  const contents = new Map<string, string | Uint8Array>();
  const factsOfAll = (files: ReadonlyMap<string, string | Uint8Array>) => {
    const facts = new Map<string, FileFacts>();
    for (const [name, content] of files) {
      contents.set(name, content);
      facts.set(name, factsOf(content));
    }
    return facts;
  };
  const bundleArticles = articles.map(({ slug, model, artifacts }) => {
    const text = textOf.get(model.file);
    if (text === undefined) throw new Error(`no source text for ${model.file}`);
    return {
      slug,
      title: model.article.title,
      language: model.article.language,
      sourceFile: { path: basename(model.file), sha256: sha256(text) },
      ...(model.article.source && { origin: model.article.source }),
      ...(model.article.license && { license: model.article.license }),
      artifacts: factsOfAll(artifacts),
    };
  });
  // The files combining every article, for the formats asked for; a CSV's facts name its columns.
  const combined = new Map<string, CombinedFacts>();
  for (const [name, content] of combinedFiles(articles, formats)) {
    contents.set(name, content);
    combined.set(name, { ...factsOf(content), ...(name.endsWith(".csv") && { header: csvHeader(content as string) }) });
  }
  return { ...rest, combined, schemaorgRelease: SCHEMAORG_RELEASE, articles: bundleArticles, contents };
}

export { createdFromSourceDateEpoch, pipelineInfo } from "../../scripts/datapackage/run-info.ts";
