// The time of each stage of an article's work, on one thread: each stage over a round of articles
// before the next, the writers article by article in the export's order (the web page reuses the
// JSON-LD its article's writer made). Links between articles are left unnamed (no entity tables):
// what is timed is each article's own work. The export spreads it over the cores. Run in a process
// of its own (`node --import tsx scripts/bench/stages.ts DIR` prints the times as JSON), so that
// nothing the bench did before weighs on it.

import { readdirSync, readFileSync, realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { readCorpusFile } from "../corpus/corpus-file.ts";
import { ArticleIris, CorpusContext } from "../graph/shared.ts";
import { readYaml, type SourceDocument } from "../read/read-yaml.ts";
import { validateAgainstSchema } from "../validate/json-schema.ts";
import { validateRules } from "../validate/rules.ts";
import { buildModel } from "../model/build.ts";
import { buildGraph } from "../graph/build.ts";
import { FORMATS, WRITERS, writerInput } from "../writers/index.ts";

const ROUND = 500;

/** Stage → milliseconds per article, in the pipeline's order. */
export function timeStages(sourceDir: string): Map<string, number> {
  const settings = readCorpusFile(sourceDir);
  if (!settings.ok) throw new Error(`${sourceDir}: ${settings.diagnostics[0]?.message}`);
  const corpus = new CorpusContext(settings.settings);
  const ms = new Map<string, number>();
  const timed = <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    ms.set(stage, (ms.get(stage) ?? 0) + performance.now() - started);
    return result;
  };
  const names = readdirSync(sourceDir).filter((name) => name.endsWith(".yaml") && name !== "corpus.yaml").sort();
  for (let start = 0; start < names.length; start += ROUND) {
    const round = names.slice(start, start + ROUND);
    const texts = timed("read files", () => round.map((name) => readFileSync(join(sourceDir, name), "utf8")));
    const documents = timed("parse YAML", () =>
      texts.map((text, i): SourceDocument => {
        const read = readYaml(text, round[i]!);
        if (!read.ok) throw new Error(`${round[i]}: ${read.diagnostics[0]?.message}`);
        return read.source;
      }),
    );
    timed("validate: JSON Schema", () => documents.forEach((d) => validateAgainstSchema(d).length === 0 || fail(d.file)));
    timed("validate: rules", () => documents.forEach((d) => validateRules(d, corpus.shared).problems.length === 0 || fail(d.file)));
    const models = timed("model", () => documents.map((d) => buildModel(d.data, d.file)));
    // The article's IRIs (which of its places are the corpus's) are the graph's work.
    const iris: ArticleIris[] = [];
    const graphs = timed("graph", () => models.map((m, i) => buildGraph(m, (iris[i] = new ArticleIris(corpus, m)), new Map())));
    models.forEach((model, i) => {
      const input = writerInput(model, iris[i]!, graphs[i]!);
      for (const format of FORMATS) timed(`writer: ${format}`, () => WRITERS[format].write(input));
    });
  }
  return new Map([...ms].map(([stage, total]) => [stage, total / names.length]));
}

function fail(file: string): never {
  throw new Error(`${file} does not export without a problem`);
}

if (process.argv[2] && import.meta.url === pathToFileURL(realpathSync(process.argv[1]!)).href) process.stdout.write(JSON.stringify([...timeStages(process.argv[2])]));
