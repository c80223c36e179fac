// Command line: npm run fidelity [-- options] (node --import tsx scripts/fidelity/cli.ts).
// Imports the articles that have a gold file with the project's importer, exports them together
// with the project's exporter into a temporary folder, reads the graph back and scores it against
// the gold: precision, recall of infobox and prose facts, every wrong and missed fact.
//
// Exit codes: 0 scored, 1 the gold, the import or the export failed, 2 wrong usage.

import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { projectPath } from "../lib/project-path.ts";
import { GoldError, readGoldDir } from "./gold.ts";
import { ExportedGraph } from "./read-graph.ts";
import { loadRelations } from "./relations.ts";
import { jsonReport, scoreTables, textReport } from "./report.ts";
import { PipelineError, importAndExport } from "./run-pipeline.ts";
import { ScoreError, scoreGraph, type Score } from "./score.ts";
import { replaceMarked } from "./doc-table.ts";
import { articleSet, DEFAULT_SET } from "./sets.ts";

const HELP = `Usage: npm run fidelity [-- options]
       node --import tsx scripts/fidelity/cli.ts [options]

Imports each article of the gold standard (ARTICLES/<slug>.txt for each GOLD/<slug>.yaml) with
the project's importer, exports them together with the project's exporter (and the corpus's
settings, CORPUS) into a temporary folder, reads the N-Triples back and scores the graph against the gold:
precision of what it asserts, recall of the gold's infobox and prose facts, per kind and per
article, every wrong and missed fact. The last three lines are the summary.

Options:
  --set NAME       the articles and gold of a named set: shared (the default: ../shared/articles and
                   ../shared/gold) or heldout (tests/fixtures/heldout: texts written for testing that
                   the importer was never tuned on); not with --gold or --articles
  --gold DIR       the gold standard (default: the set's)
  --articles DIR   the article texts (default: the set's)
  --corpus FILE    the corpus's settings exported with them (default: source/corpus.yaml)
  --json           the whole score as JSON on stdout instead of the text report
  --write-doc      also rewrite the table between the fidelity markers of docs/importing.md (the
                   shared set's table: not with another --set)
  --verbose        also list the right, accepted and held facts
  --keep           keep the temporary folder (its path is printed)
  -h, --help       this help

Exit codes: 0 scored, 1 the gold, the import or the export failed, 2 wrong usage.`;

export const DOC_FILE = "docs/importing.md";

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        set: { type: "string" },
        gold: { type: "string" },
        articles: { type: "string" },
        corpus: { type: "string" },
        json: { type: "boolean", default: false },
        "write-doc": { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        keep: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (error) {
    err(`fidelity: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  const o = options.values;
  if (o.help) {
    out(`${HELP}\n`);
    return 0;
  }
  if (o.set !== undefined && (o.gold !== undefined || o.articles !== undefined)) {
    err("fidelity: --set names both folders: give --set, or --gold and --articles\nTry --help.\n");
    return 2;
  }
  const set = articleSet(o.set ?? DEFAULT_SET);
  if (typeof set === "string") {
    err(`fidelity: ${set}\n`);
    return 2;
  }
  if (o["write-doc"] && set.name !== DEFAULT_SET) {
    err(`fidelity: --write-doc writes the table of the ${DEFAULT_SET} set into ${DOC_FILE}, not the ${set.name} set's\n`);
    return 2;
  }
  const goldDir = resolve(o.gold ?? set.gold);
  const articlesDir = resolve(o.articles ?? set.articles);
  for (const dir of [goldDir, articlesDir]) {
    if (!existsSync(dir)) {
      err(`fidelity: ${dir} does not exist (the gold standard and the articles are in ../shared beside the project; --gold, --articles)\n`);
      return 2;
    }
  }
  if (o.corpus !== undefined && !existsSync(o.corpus)) {
    err(`fidelity: ${o.corpus} does not exist (--corpus names a corpus.yaml)\n`);
    return 2;
  }
  let score: Score;
  let workDir: string | undefined;
  try {
    const golds = readGoldDir(goldDir);
    if (golds.length === 0) throw new GoldError(goldDir, "(folder)", "no <slug>.yaml gold file");
    const texts = golds.map((g) => join(articlesDir, `${g.slug}.txt`));
    const missing = texts.filter((t) => !existsSync(t));
    if (missing.length > 0) throw new GoldError(goldDir, "(folder)", `no article text for ${missing.join(", ")}`);
    const run = importAndExport(texts, tmpdir(), o.corpus === undefined ? undefined : resolve(o.corpus));
    workDir = resolve(run.outDir, "..");
    const graph = ExportedGraph.read(run.outDir, golds.map((g) => g.slug));
    score = scoreGraph(graph, golds, loadRelations());
  } catch (error) {
    if (error instanceof GoldError || error instanceof PipelineError || error instanceof ScoreError) {
      err(`fidelity: ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    if (workDir !== undefined && !o.keep) rmSync(workDir, { recursive: true, force: true });
  }
  if (o["write-doc"]) {
    const file = projectPath(DOC_FILE);
    const written = replaceMarked(readFileSync(file, "utf8"), scoreTables(score));
    if (written === undefined) {
      err(`fidelity: ${DOC_FILE} has no fidelity markers (<!-- fidelity-table:start --> … <!-- fidelity-table:end -->)\n`);
      return 1;
    }
    writeFileSync(file, written);
  }
  out(o.json ? jsonReport(score) : textReport(score, { verbose: o.verbose! }));
  if (o.keep && workDir !== undefined) err(`fidelity: kept ${workDir}\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
