// Per-article time of the graph and of each writer, on a synthetic corpus, in one thread: for work on
// the writers' speed (the full benchmark is run-bench.ts). Reading, validating and building the
// models is done first and not timed. Each stage runs over the whole corpus `rounds` times; the best
// round is reported, as milliseconds of CPU time (this process's user + system) per article: on a
// machine busy with other work, CPU time varies less than wall time.
//
//   node --import tsx scripts/bench/writer-speed.ts [articles=500] [rounds=7]

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./generate-corpus.ts";
import { readYaml } from "../read/read-yaml.ts";
import { buildModel } from "../model/build.ts";
import { buildGraph, type Graph } from "../graph/build.ts";
import { externalNodes } from "../../tests/reference/pipeline.ts";
import type { ArticleModel } from "../model/types.ts";
import { FORMATS, WRITERS, writerInput } from "../writers/index.ts";

const count = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 7);

const dir = mkdtempSync(join(tmpdir(), "writer-speed-"));
try {
  generateCorpus(dir, count);
  const models: ArticleModel[] = readdirSync(dir)
    .sort()
    .map((name) => {
      const read = readYaml(readFileSync(join(dir, name), "utf8"), name);
      if (!read.ok) throw new Error(`${name}: ${read.diagnostics[0]?.message}`);
      return buildModel(read.source.data, name);
    });
  const external = externalNodes(models);
  let graphs: Graph[] = [];

  const cpuMs = (work: () => void): number => {
    const started = process.cpuUsage();
    work();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / models.length;
  };

  const rows = new Map<string, number>([["graph", Infinity], ...FORMATS.map((f): [string, number] => [`writer: ${f}`, Infinity])]);
  let sink = 0;
  for (let round = 0; round < rounds; round++) {
    rows.set("graph", Math.min(rows.get("graph")!, cpuMs(() => (graphs = models.map((m) => buildGraph(m, external))))));
    // Each round on new writer inputs, and the writers in the pipeline's order: the web page reuses
    // the JSON-LD text written for the same article just before (writers/index.ts), as in an export.
    const inputs = graphs.map((g, i) => writerInput(models[i]!, g));
    for (const format of FORMATS) {
      const write = WRITERS[format].write;
      const ms = cpuMs(() => models.forEach((_m, i) => (sink += (write(inputs[i]!) as string).length)));
      rows.set(`writer: ${format}`, Math.min(rows.get(`writer: ${format}`)!, ms));
    }
  }
  const total = [...rows.values()].reduce((sum, ms) => sum + ms, 0);
  console.log(`${count} articles, best of ${rounds} rounds, ms of CPU per article (${sink > 0 ? "ok" : "empty"}):`);
  for (const [stage, ms] of [...rows, ["total", total] as [string, number]]) console.log(`  ${stage.padEnd(16)} ${ms.toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
