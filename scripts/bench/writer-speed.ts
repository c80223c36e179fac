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
import { externalNodes } from "../pipeline.ts";
import type { ArticleModel } from "../model/types.ts";
import { FORMATS, WRITERS } from "../writers/index.ts";

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

  const best = (work: () => void): number => {
    let fastest = Infinity;
    for (let round = 0; round < rounds; round++) {
      const started = process.cpuUsage();
      work();
      const used = process.cpuUsage(started);
      fastest = Math.min(fastest, (used.user + used.system) / 1000);
    }
    return fastest / models.length;
  };

  const rows: [string, number][] = [];
  rows.push(["graph", best(() => (graphs = models.map((m) => buildGraph(m, external))))]);
  let sink = 0;
  for (const format of FORMATS) {
    const write = WRITERS[format].write;
    rows.push([`writer: ${format}`, best(() => models.forEach((m, i) => (sink += write(m, graphs[i]!).length)))]);
  }
  const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`${count} articles, best of ${rounds} rounds, ms of CPU per article (${sink > 0 ? "ok" : "empty"}):`);
  for (const [stage, ms] of [...rows, ["total", total] as [string, number]]) console.log(`  ${stage.padEnd(16)} ${ms.toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
