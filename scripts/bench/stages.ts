// The time of each stage of the export, measured in this process by calling the pipeline's own
// functions in the order exportCorpus (pipeline.ts) and the command line (cli/export.ts) call them,
// so no production code carries timers. Each stage runs over the whole corpus before the next.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { corpusIndex, externalNodes, type ArticleExport, type SourceText } from "../pipeline.ts";
import { readSourceFile } from "../read/source-file.ts";
import { readYaml, type SourceDocument } from "../read/read-yaml.ts";
import { validateAgainstSchema } from "../validate/json-schema.ts";
import { validateRules } from "../validate/rules.ts";
import { buildModel } from "../model/build.ts";
import { buildGraph, type Graph } from "../graph/build.ts";
import { FORMATS, WRITERS } from "../writers/index.ts";
import { bundle } from "../bundle/index.ts";
import { bundleInput, pipelineInfo } from "../bundle/from-export.ts";
import { replaceDist } from "../dist/write-dist.ts";

export interface StageTimes {
  /** Stage name → milliseconds, in pipeline order. */
  ms: Map<string, number>;
  graphs: Graph[];
}

export function timeStages(sourceDir: string, outDir: string): StageTimes {
  const ms = new Map<string, number>();
  const timed = <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    ms.set(stage, (ms.get(stage) ?? 0) + performance.now() - started);
    return result;
  };

  const sources: SourceText[] = timed("read files", () =>
    readdirSync(sourceDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => {
        const read = readSourceFile(join(sourceDir, name), name);
        if (!read.ok) throw new Error(`${name}: ${read.diagnostic.message}`);
        return { file: name, text: read.text };
      }),
  );
  const documents: SourceDocument[] = timed("parse YAML", () =>
    sources.map((s) => {
      const result = readYaml(s.text, s.file);
      if (!result.ok) throw new Error(`${s.file}: ${result.diagnostics[0]?.message}`);
      return result.source;
    }),
  );
  timed("validate: JSON Schema", () => {
    for (const d of documents) if (validateAgainstSchema(d).length > 0) throw new Error(`${d.file} is not schema-valid`);
  });
  timed("validate: rules", () => {
    const corpus = corpusIndex(documents);
    for (const d of documents) if (validateRules(d, corpus).length > 0) throw new Error(`${d.file} breaks a rule`);
  });
  const models = timed("model", () => documents.map((d) => buildModel(d.data, d.file)));
  const graphs = timed("graph", () => {
    const external = externalNodes(models);
    return models.map((m) => buildGraph(m, external));
  });
  const articles: ArticleExport[] = models.map((model, i) => ({ slug: model.article.slug, model, graph: graphs[i]!, artifacts: new Map() }));
  for (const format of FORMATS) {
    const writer = WRITERS[format];
    timed(`writer: ${format}`, () => {
      for (const a of articles) a.artifacts.set(`${a.slug}${writer.extension}`, writer.write(a.model, a.graph));
    });
  }
  // bundleInput computes the combined corpus files (corpus/combined.ts); bundle adds checksums, manifest, data package.
  const input = timed("combined files (corpus.*)", () => bundleInput(articles, sources, { pipeline: pipelineInfo(), formats: FORMATS }));
  const files = timed("bundle (manifest, datapackage, SHA256SUMS)", () => bundle(input));
  timed("write files (replaceDist)", () => replaceDist(outDir, files));
  return { ms, graphs };
}
