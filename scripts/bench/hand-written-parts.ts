// The pipeline's hand-written parts that do a well-kept library's job, for BENCHMARKS.md's table
// (issue 16: each stays only where it saves at least 5 % of what users wait for). Lines are
// counted from the files when the report is written, so the table cannot drift from the code;
// what each saves is the measurement that kept it, and where this run measures it again, the
// report says so beside it.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";

/**
 * A whole file of scripts/, or the lines of one from the line matching `from` to the next matching
 * `to`, or up to the line before the next matching `until`.
 */
export type PartSource = string | { file: string; from: RegExp; to: RegExp } | { file: string; from: RegExp; until: RegExp };

export interface HandWrittenPart {
  /** What the table calls it. */
  name: string;
  sources: PartSource[];
  insteadOf: string;
  /** What it saves, as measured when it was kept (and by what), with this run's figure where the benchmark measures it again. */
  saves: string | ((run: RunFigures) => string);
}

/** This run's figures, as the report words them. */
export interface RunFigures {
  /** How much faster than N3.Writer the Turtle writer was. */
  turtle: string;
  /** The 10,000-article export's peak of memory. */
  peak: string;
  /** `make export` with nothing changed. */
  unchanged: string;
}

export const HAND_WRITTEN_PARTS: readonly HandWrittenPart[] = [
  {
    name: "`read/fast-yaml.ts`, `fast-yaml-precheck.ts`, `core-scalars.ts`",
    sources: ["read/fast-yaml.ts", "read/fast-yaml-precheck.ts", "read/core-scalars.ts"],
    insteadOf: "the `yaml` library with every node's position, for every article",
    saves: "some 20× on reading; the `yaml` library is loaded only for a broken file or a message (`scripts/bench/read-speed.ts`)",
  },
  {
    name: "`validate/compiled-schema.ts`, `inline-defs.ts`",
    sources: ["validate/compiled-schema.ts", "validate/inline-defs.ts"],
    insteadOf: "compiling the schema with ajv in every process",
    saves: "a few hundred ms of a one-article export (more than its whole export); the validator from V8's code cache: 56 ms → 24 ms; errors in linear time",
  },
  {
    name: "`writers/turtle.ts`",
    // The writer, not what cuts its bodies for corpus.ttl (no library's job), after it in the file.
    sources: [{ file: "writers/turtle.ts", from: /^\/\/ Writer: graph → Turtle/, until: /^\/\/ An article's Turtle in the combined corpus\.ttl/ }],
    insteadOf: "N3.js's `N3.Writer` (same bytes)",
    saves: (run) => run.turtle,
  },
  {
    name: "`writers/ntriples.ts` (lines sorted by predicate rank)",
    sources: [{ file: "writers/ntriples.ts", from: /^\/\/ Writer: graph → N-Triples/, until: /^\/\/ An article's N-Triples in the combined corpus\.nt/ }],
    insteadOf: "sorting every line whole",
    saves: "0.79 ms of 4.82 per article (16 %)",
  },
  {
    name: "`writers/csv.ts`, `csv-text.ts` (rows from cached pieces)",
    sources: ["writers/csv.ts", "writers/csv-text.ts"],
    insteadOf: "papaparse, rows as objects",
    saves: "5.9 ms per article with rows as objects; papaparse's per-cell checks cost more than the rest of the writer",
  },
  {
    name: "`corpus/spill.ts`",
    sources: ["corpus/spill.ts"],
    insteadOf: "keeping every article's entity table and event lines in memory",
    saves: (run) => `some 20 MB of entity tables and 30 MB of event lines (as UTF-8) at 10,000 articles, whose peak of memory is ${run.peak}`,
  },
  {
    name: "`lib/xlsx-workbook.ts`, `lib/zip.ts`",
    sources: ["lib/xlsx-workbook.ts", "lib/zip.ts"],
    insteadOf: "ExcelJS (and fflate's streaming zip for `corpus.xlsx`)",
    saves: "loading ExcelJS alone took longer than exporting an article (the workbook's writer, below); `corpus.xlsx` laid out of each article's rows deflated once, by its job: 300 articles on one thread 10.7 s → 5.3 s",
  },
  {
    name: "the prebuilt command line's loader (`LOADER` in `cli/prebuilt.ts`, `cli/code-cache.ts`)",
    sources: [{ file: "cli/prebuilt.ts", from: /^const LOADER = `/, to: /^`;$/ }, "cli/code-cache.ts"],
    insteadOf: "Node compiling the bundle on every run (Node 20 has no code cache of its own)",
    saves: "exporting IFEX: 0.42 s → 0.31 s of CPU (median of 10)",
  },
  {
    name: "`csvCells` in `writers/xlsx.ts`",
    sources: [{ file: "writers/xlsx.ts", from: /^export function csvCells\(/, to: /^}$/ }],
    insteadOf: "papaparse reading the CSV back for the workbook's facts sheet",
    saves: "0.2 ms against 1.6 ms for IFEX's CSV: some 11 % of an article's 12.8 ms of work",
  },
  {
    name: "`cli/make-state.ts` and the Makefile's record",
    sources: ["cli/make-state.ts"],
    insteadOf: "starting the command line to learn that nothing changed",
    saves: (run) => `\`make export\` with nothing changed: 0.13 s → 5 ms (this run: ${run.unchanged})`,
  },
];

/** How many lines the part's sources have now. */
export function linesOf(part: HandWrittenPart): number {
  let lines = 0;
  for (const source of part.sources) {
    const file = typeof source === "string" ? source : source.file;
    const text = readFileSync(projectPath(`scripts/${file}`), "utf8");
    const all = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
    if (typeof source === "string") {
      lines += all.length;
      continue;
    }
    const end = "to" in source ? source.to : source.until;
    const from = all.findIndex((line) => source.from.test(line));
    const to = from < 0 ? -1 : all.findIndex((line, i) => i > from && end.test(line));
    if (from < 0 || to < 0) throw new Error(`scripts/${file}: no lines from ${source.from} to ${end} (${part.name})`);
    lines += to - from + ("to" in source ? 1 : 0);
  }
  return lines;
}
