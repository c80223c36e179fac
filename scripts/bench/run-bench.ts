// npm run bench: the speed and memory of the export that `make export` runs, on a deterministic
// synthetic corpus (generate-corpus.ts), written to BENCHMARKS.md with the machine it ran on.
//
//   npm run bench                          # 1,000 and 10,000 articles
//   npm run bench -- --sizes 1000          # other sizes
//   npm run bench -- --runs 15 --no-write  # make-export runs; print only, leave BENCHMARKS.md
//   npm run bench -- --no-make-test        # skip timing `make test` (about two minutes)
//   npm run bench -- --limit 360           # seconds an export may take before it is stopped and
//                                          # reported as not finished (its stages are then skipped)
//
// For each size: the real command line in a child process (wall time with Node's start-up, articles
// and MB of YAML per second, peak memory), then each stage timed in this process over the same
// corpus. At the largest size, the export with fewer formats, each then with one article edited.
// Then N3.js's and rdflib.js's Turtle writers on the same graphs, and `make export` of
// source/ from an empty dist/ and with nothing changed. Timings are never asserted in tests.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { editOneArticle, generateCorpus } from "./generate-corpus.ts";
import { removeState } from "../corpus/export-state.ts";
import { KEPT_BLOCK } from "./kept-block.ts";
import { budgetLines } from "./code-lines.ts";
import { exportInChild, type ChildExport } from "./child-export.ts";
import { timeStages } from "./stages.ts";
import { compareTurtleWriters, type WriterTiming } from "./turtle-writers.ts";
import { median, timeMakeExport, timeMakeTest, type MakeTimes } from "./make-export.ts";
import { machine } from "./machine.ts";
import { coresAvailable } from "./cores.ts";
import { fileCreationMicros } from "./file-creation.ts";
import { benchmarksMarkdown, SIX_BEFORE_WORKBOOK, type FormatRun, type SizeResult } from "./report.ts";
import { projectPath } from "../lib/project-path.ts";
import type { Format } from "../writers/formats.ts";

/** Graphs given to the Turtle-writer comparison: rdflib.js is slow enough that more adds only minutes. */
const TURTLE_GRAPHS = 1000;

/**
 * Fewer formats than all, at the largest size, each exported once: how much of the time the writers
 * of the formats left out take, and how fast the least an export can make (one small file per
 * article) goes. What deciding which formats to export needs to know.
 */
const FORMAT_SETS: readonly { label: string; formats: Format[] }[] = [
  // What issue 16 measured its 450 articles/s with: issue 17's workbooks came after.
  { label: SIX_BEFORE_WORKBOOK.label, formats: [...SIX_BEFORE_WORKBOOK.formats] },
  { label: "the four of issue 2", formats: ["csv", "jsonld", "ttl", "infobox"] },
  { label: "JSON-LD alone", formats: ["jsonld"] },
  { label: "infobox JSON alone (the smallest file)", formats: ["infobox"] },
];

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    // Each run of make export is a third of a second: 15 give a median that a shared host's slow
    // moments move less than 5 did (single runs range over 0.27-0.48 s).
    runs: { type: "string", default: "15" },
    "export-runs": { type: "string", default: "3" },
    limit: { type: "string", default: "360" },
    "no-write": { type: "boolean" },
    "no-make-test": { type: "boolean" },
  },
});
const sizes = values.sizes.split(",").map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes whole numbers, e.g. 1000,10000; found ${values.sizes}`);
const runs = Number(values.runs);
const exportRuns = Number(values["export-runs"]);
if (!Number.isInteger(exportRuns) || exportRuns < 1) throw new Error(`--export-runs takes a whole number of at least 1; found ${values["export-runs"]}`);
const limitSeconds = Number(values.limit);

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Before each timed export: what earlier work left to write goes to the disk first (`sync`). */
function settleDisk(): void {
  execFileSync("sync");
}
const results: SizeResult[] = [];
let turtle: WriterTiming[] = [];
const scratch = mkdtempSync(join(tmpdir(), "bench-"));
/** The output folders of the exports: of each run with all formats, and of each set of fewer formats. */
const cliDir = (size: number, run: number) => join(scratch, `dist-cli-${size}-${run}`);
const formatsDir = (size: number, formats: readonly Format[]) => join(scratch, `dist-formats-${size}-${formats.join("-")}`);
try {
  for (const size of sizes) {
    const sourceDir = join(scratch, `source-${size}`);
    log(`generating ${size} articles…`);
    const corpus = generateCorpus(sourceDir, size);
    const host = await coresAvailable();
    const cores = host.available;
    const oneCoreMs = host.oneCoreMs;
    log(`exporting ${size} articles with the command line (${cores.toFixed(2)} cores available; one core: ${oneCoreMs.toFixed(0)} ms for the fixed loop)…`);
    settleDisk();
    const createMicros = fileCreationMicros(join(scratch, `probe-${size}`));
    // Several exports, each into a folder of its own (none deleted before the end): the host's
    // speed varies from minute to minute, so the median run is the figure, and the others are shown.
    const exports: ChildExport[] = [];
    for (let run = 0; run < exportRuns; run++) {
      settleDisk();
      const one = exportInChild(sourceDir, cliDir(size, run), limitSeconds);
      exports.push(one);
      if (!one.finished) break;
      log(`  run ${run + 1}: ${one.seconds.toFixed(1)} s (CPU ${one.userSeconds.toFixed(1)} s user, ${one.systemSeconds.toFixed(1)} s system), peak ${one.maxRssMb.toFixed(0)} MB`);
    }
    const unfinished = exports.find((e) => !e.finished);
    const ranked = [...exports].sort((a, b) => a.seconds - b.seconds);
    const cli: ChildExport = unfinished ?? ranked[Math.floor((ranked.length - 1) / 2)]!;
    const outDir = cliDir(size, exports.indexOf(cli));
    const allRuns = exports.map((e) => e.seconds);
    const peakMb = Math.max(...exports.map((e) => (e.finished ? e.maxRssMb : 0)));
    if (!cli.finished) {
      log(`  ${cli.why}; its stages are not timed`);
      results.push({ articles: size, yamlBytes: corpus.bytes, cli, cores, oneCoreMs, createMicros });
      continue;
    }
    log(`  ${cli.summary}; median ${cli.seconds.toFixed(1)} s, peak ${peakMb.toFixed(0)} MB; ${createMicros.toFixed(0)} µs to create a file`);
    // Then as a person editing the corpus: one article changed, then nothing.
    editOneArticle(sourceDir);
    settleDisk();
    const edited = exportInChild(sourceDir, outDir, limitSeconds);
    settleDisk();
    const unchanged = exportInChild(sourceDir, outDir, limitSeconds);
    log(`  one article edited: ${edited.seconds.toFixed(2)} s; nothing changed: ${unchanged.seconds.toFixed(2)} s`);
    const formatRuns: FormatRun[] = [];
    if (size === sizes[sizes.length - 1]) {
      for (const set of FORMAT_SETS) {
        settleDisk();
        const dir = formatsDir(size, set.formats);
        const run = exportInChild(sourceDir, dir, limitSeconds, set.formats);
        // Then one article edited, in the same folder: what these formats' files cost an edit.
        let edited: ChildExport | undefined;
        if (run.finished) {
          editOneArticle(sourceDir);
          settleDisk();
          edited = exportInChild(sourceDir, dir, limitSeconds, set.formats);
        }
        formatRuns.push({ ...set, run, ...(edited && { edited }) });
        log(`  --formats ${set.formats.join(",")}: ${run.finished ? `${run.seconds.toFixed(1)} s` : run.why}${edited ? `; one article edited: ${edited.finished ? `${edited.seconds.toFixed(2)} s` : edited.why}` : ""}`);
      }
    }
    log(`timing the stages over ${size} articles…`);
    settleDisk();
    const stages = timeStages(sourceDir, join(scratch, `dist-stages-${size}`));
    if (turtle.length === 0) {
      log(`Turtle writers over ${Math.min(size, TURTLE_GRAPHS)} graphs…`);
      turtle = compareTurtleWriters(stages.graphs.slice(0, TURTLE_GRAPHS));
    }
    results.push({ articles: size, yamlBytes: corpus.bytes, cli: { ...cli, maxRssMb: peakMb }, runs: allRuns, cores, oneCoreMs, createMicros, edited, unchanged, stageMs: stages.ms, formatRuns });
  }

  const makeHost = await coresAvailable();
  const makeCores = makeHost.available;
  log(`make export of source/, ${runs} times cold and warm (${makeCores.toFixed(2)} cores available; one core: ${makeHost.oneCoreMs.toFixed(0)} ms for the fixed loop)…`);
  const make: MakeTimes = timeMakeExport(runs);
  let makeTest: number | "failed" | undefined;
  if (!values["no-make-test"]) {
    log("make test, once…");
    try {
      makeTest = timeMakeTest();
    } catch (error) {
      // Reported, not fatal: the figures above are kept.
      makeTest = "failed";
      log(`make test failed, so it is not timed: ${(error as Error).message}`);
    }
  }
  const markdown = benchmarksMarkdown({ codeLines: budgetLines(), machine: machine(), sizes: results, turtle, turtleGraphs: Math.min(sizes[0]!, TURTLE_GRAPHS), make, makeMedian: { cold: median(make.cold), warm: median(make.warm) }, makeCores, makeOneCoreMs: makeHost.oneCoreMs, ...(makeTest !== undefined && { makeTest }) });
  process.stdout.write(markdown);
  if (!values["no-write"]) {
    // Blocks other benchmarks wrote (<!-- name --> … <!-- /name -->, e.g. xlsx-choice.ts's) are kept.
    let previous = "";
    try {
      previous = readFileSync(projectPath("BENCHMARKS.md"), "utf8");
    } catch {
      // no previous file
    }
    const kept = [...previous.matchAll(KEPT_BLOCK)].map((m) => m[0]);
    writeFileSync(projectPath("BENCHMARKS.md"), kept.length > 0 ? `${markdown.trimEnd()}\n\n${kept.join("\n\n")}\n` : markdown);
    log("written to BENCHMARKS.md");
  }
} finally {
  // Removed only at the very end, after `make export` and `make test` are timed too: after tens of
  // thousands of deletions, creating files nearby is slow for minutes on a journal-less ext4 (see
  // file-creation.ts), which would slow down whatever is measured next.
  for (const size of sizes) for (let run = 0; run < exportRuns; run++) removeState(cliDir(size, run));
  for (const size of sizes) for (const set of FORMAT_SETS) removeState(formatsDir(size, set.formats));
  rmSync(scratch, { recursive: true, force: true });
}
