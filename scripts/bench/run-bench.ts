// npm run bench: what users wait for, measured as they run it, into BENCHMARKS.md (between its
// <!-- bench --> markers; the rest of the file is left as it is). Run it alone on the machine
// (`flock /tmp/suite.lock npm run bench` where others share it); tests never time anything.
//
//   npm run bench                         # everything
//   npm run bench -- --sizes 1000,10000   # generated corpora (default 1000)
//   npm run bench -- --copies 1000        # copies of IFEX (default 1000)
//   npm run bench -- --runs 15            # make export runs (default 15); --part-runs 3 per contender
//   npm run bench -- --no-make-test --no-write
//
// In order: `make export` of IFEX from an empty dist/ and with nothing changed; copies of IFEX
// exported, one edited, nothing changed, and Python rdflib over their Turtle; each generated
// corpus the same way; the stages per article; the hand-written parts; `make test`.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readCorpusFile } from "../corpus/corpus-file.ts";
import { removeState } from "../corpus/export-state.ts";
import { ArticleIris, CorpusContext } from "../graph/shared.ts";
import { writerInput } from "../writers/index.ts";
import { buildGraph } from "../graph/build.ts";
import { buildModel } from "../model/build.ts";
import { readYaml } from "../read/read-yaml.ts";
import { xlsxTables } from "../writers/xlsx.ts";
import { projectPath } from "../lib/project-path.ts";
import { editOneArticle, generateCorpus } from "./generate-corpus.ts";
import { editTitle, exportInChild, rdflibBaseline, timeMakeExport, timeMakeTest, writeIfexCopies } from "./exports.ts";
import { coresNow, machine } from "./machine.ts";
import { timeParts } from "./parts.ts";
import { benchmarksBlock, type Exported, type Figures } from "./report.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000" },
    copies: { type: "string", default: "1000" },
    runs: { type: "string", default: "15" },
    "part-runs": { type: "string", default: "3" },
    "no-make-test": { type: "boolean" },
    "no-write": { type: "boolean" },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const scratch = mkdtempSync(join(tmpdir(), "bench-"));
const outs: string[] = [];

/** Exports `source` into a new folder, then again after `edit`, then with nothing changed. */
function exportEditUnchanged(source: string, articles: number, edit: () => void): Exported {
  const out = join(scratch, `dist-${outs.length}`);
  outs.push(out);
  const run = exportInChild(source, out);
  edit();
  const edited = exportInChild(source, out);
  const unchanged = exportInChild(source, out);
  log(`  ${run.summary}\n  edited: ${edited.seconds.toFixed(2)} s, unchanged: ${unchanged.seconds.toFixed(2)} s`);
  return { articles, run, edited, unchanged };
}

try {
  const host = await coresNow();
  log(`make export of IFEX, ${values.runs} times (${host.available.toFixed(2)} cores available)…`);
  const make = timeMakeExport(Number(values.runs));

  const copies = Number(values.copies);
  log(`${copies} copies of IFEX…`);
  const copiesDir = join(scratch, "copies");
  const files = writeIfexCopies(copiesDir, copies);
  const copied = exportEditUnchanged(copiesDir, copies, () => editTitle(files[1]!));
  log("Python rdflib over their Turtle…");
  const rdflib = rdflibBaseline(join(scratch, "dist-0"), join(scratch, "rdflib"));

  const generated: Figures["generated"] = [];
  for (const size of values.sizes.split(",").map(Number)) {
    log(`${size} generated articles…`);
    const corpus = generateCorpus(join(scratch, `generated-${size}`), size);
    generated.push({ ...exportEditUnchanged(corpus.dir, size, () => editOneArticle(corpus.dir)), yamlBytes: corpus.bytes });
  }
  log("the stages, per article…");
  const stagesRun = spawnSync(process.execPath, ["--import", "tsx", projectPath("scripts/bench/stages.ts"), generated.length > 0 ? join(scratch, `generated-${values.sizes.split(",")[0]}`) : copiesDir], { cwd: projectPath("."), encoding: "utf8" });
  if (stagesRun.status !== 0) throw new Error(`the stages: ${stagesRun.stderr}`);
  const stages = new Map(JSON.parse(stagesRun.stdout) as [string, number][]);

  log("the hand-written parts against their libraries…");
  const settings = readCorpusFile(projectPath("source"));
  if (!settings.ok) throw new Error("source/corpus.yaml does not read");
  const corpus = new CorpusContext(settings.settings);
  const text = readFileSync(projectPath("source/ifex.yaml"), "utf8");
  const read = readYaml(text, "ifex.yaml");
  if (!read.ok) throw new Error("source/ifex.yaml does not read");
  const model = buildModel(read.source.data, "ifex.yaml");
  const iris = new ArticleIris(corpus, model);
  const graph = buildGraph(model, iris, new Map());
  const prefixes = writerInput(model, iris, graph).prefixes();
  const input = { text, data: read.source.data, graph, prefixes, tables: xlsxTables(model, graph), title: model.article.title, language: model.article.language };
  const parts = await timeParts(join(scratch, "parts"), input, { runs: Number(values["part-runs"]), copies });

  const makeTest = values["no-make-test"] ? undefined : (log("make test…"), timeMakeTest());
  const block = benchmarksBlock({ machine: machine(), host, make, copies: { ...copied, ...(rdflib && { rdflib }) }, generated, stages, parts, ...(makeTest !== undefined && { makeTest }) });
  process.stdout.write(`${block}\n`);
  if (!values["no-write"]) {
    const path = projectPath("BENCHMARKS.md");
    const previous = readFileSync(path, "utf8");
    const marked = /<!-- bench -->[\s\S]*<!-- \/bench -->/;
    writeFileSync(path, marked.test(previous) ? previous.replace(marked, () => block) : `# Benchmarks\n\n${block}\n\n${previous}`);
    log("written to BENCHMARKS.md");
  }
} finally {
  // The exports' state kept in node_modules/.cache goes with their folders.
  for (const out of outs) removeState(out);
  rmSync(scratch, { recursive: true, force: true });
}
