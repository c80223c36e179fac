// BENCHMARKS.md's measured part (between its <!-- bench --> markers) from one run's figures: the
// machine, issue 28's budgets, `make export` of IFEX, copies of IFEX against Python rdflib, a
// generated corpus, the stages per article, and the hand-written parts against their libraries.

import type { Machine } from "./machine.ts";
import { median, type MakeTimes, type Run } from "./exports.ts";
import { linesOf, PARTS, type Timing } from "./parts.ts";

export interface Exported {
  articles: number;
  run: Run;
  edited: Run;
  unchanged: Run;
}

export interface Figures {
  machine: Machine;
  host: { available: number; oneCoreMs: number };
  make: MakeTimes;
  copies: Exported & { rdflib?: { seconds: number; summary: string } };
  generated: (Exported & { yamlBytes: number })[];
  /** Milliseconds per article of each stage, over the first generated corpus. */
  stages: Map<string, number>;
  parts: Map<string, Timing>;
  makeTest?: number | string;
}

/**
 * The stages per article before issue 28 (BENCHMARKS.md at 1fbe692: 1,000 generated articles, one
 * core's loop 870 ms), for its budget "no stage slower per article than now".
 */
export const STAGES_BEFORE = { oneCoreMs: 870, ms: { "read files": 0.06, "parse YAML": 0.46, "validate: JSON Schema": 0.15, "validate: rules": 0.12, model: 0.03, graph: 0.24, "writer: csv": 0.32, "writer: jsonld": 0.19, "writer: ttl": 0.19, "writer: infobox": 0.06, "writer: nt": 0.25, "writer: html": 0.08, "writer: xlsx": 2.5 } as Record<string, number> };

const fixed = (n: number, digits = 2) => n.toFixed(digits);
const count = (n: number) => n.toLocaleString("en");
const cpu = (run: Run) => run.userSeconds + run.systemSeconds;
const yes = (holds: boolean) => (holds ? "yes" : "**no**");
const table = (head: string[], rows: string[][]) => [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const exportCells = (e: Exported) => [count(e.articles), `${fixed(e.run.seconds)} s`, fixed(e.articles / e.run.seconds, 1), `${fixed(e.run.userSeconds, 1)} s, ${fixed(e.run.systemSeconds, 1)} s`, `${fixed(e.run.peakMb, 0)} MB`, `${fixed(e.edited.seconds)} s`, `${fixed(e.unchanged.seconds)} s`];
const EXPORT_HEAD = ["articles", "wall time", "articles/s", "CPU: user, system", "peak memory", "one article edited", "nothing changed"];

/**
 * A stage is slower when it takes more than 10 % over its time before (given to 0.01 ms, so up to
 * 0.005 ms more), scaled by how fast the host's core was then and now.
 */
export function slowerStages(stages: ReadonlyMap<string, number>, oneCoreMs: number): string[] {
  const scale = oneCoreMs / STAGES_BEFORE.oneCoreMs;
  return [...stages].filter(([stage, ms]) => STAGES_BEFORE.ms[stage] !== undefined && ms > (STAGES_BEFORE.ms[stage]! + 0.005) * scale * 1.1).map(([stage]) => stage);
}

/** What each contender costs an export of one article (ms, wall) and of 1,000 on `threads` threads (ms of CPU). */
export const costs = (t: Timing, threads: number) => ({ one: t.load + t.first, thousand: threads * t.load + 1000 * t.perArticle });

/** The rows of the hand-written parts: each part against each library, what it saves of one article's and 1,000 articles' export. */
export function partRows(f: Pick<Figures, "parts" | "make" | "copies" | "machine">): string[][] {
  const oneMs = median(f.make.cold) * 1000;
  const thousandMs = (cpu(f.copies.run) * 1000 * 1000) / f.copies.articles;
  const rows: string[][] = [];
  for (const part of PARTS) {
    const hand = f.parts.get(part.hand);
    if (!hand) continue;
    const h = costs(hand, f.machine.cores);
    for (const library of part.libraries) {
      const lib = f.parts.get(library.name);
      if (!lib) continue;
      const l = costs(lib, f.machine.cores);
      const one = (100 * (l.one - h.one)) / oneMs;
      const thousand = (100 * (l.thousand - h.thousand)) / thousandMs;
      const pair = (a: number, b: number, digits = 1) => `${fixed(a, digits)} / ${fixed(b, digits)}`;
      rows.push([part.part, String(linesOf(part)), library.label, pair(hand.load, lib.load), pair(hand.first, lib.first), pair(hand.perArticle, lib.perArticle, 3), `${fixed(one, 1)} %`, `${fixed(thousand, 1)} %`, Math.max(one, thousand) >= 5 ? "clears 5 %" : "**does not clear 5 %**"]);
    }
  }
  return rows;
}

export function benchmarksBlock(f: Figures): string {
  const m = f.machine;
  const cold = median(f.make.cold);
  const warm = median(f.make.warm);
  const ratio = f.copies.rdflib ? f.copies.rdflib.seconds / f.copies.run.seconds : undefined;
  const slower = slowerStages(f.stages, f.host.oneCoreMs);
  const first = f.generated[0];
  const budgets = [
    ["`make export` of IFEX from an empty dist/", "≤ 0.2 s", `${fixed(cold, 3)} s (median of ${f.make.cold.length}; \`node -e 0\` ${fixed(median(f.make.node), 3)} s)`, yes(cold <= 0.2)],
    ["`make export` with nothing changed", "≤ 0.02 s", `${fixed(warm, 3)} s`, yes(warm <= 0.02)],
    [`${count(f.copies.articles)} copies of IFEX, all formats, against Python rdflib (Turtle in; Turtle, JSON-LD, N-Triples out)`, "≥ 4× as fast", ratio === undefined ? "rdflib not run (apt-get install python3-rdflib)" : `${fixed(ratio, 1)}× (${fixed(f.copies.run.seconds)} s against ${fixed(f.copies.rdflib!.seconds)} s)`, ratio === undefined ? "not measured" : yes(ratio >= 4)],
    [`one article of ${count(f.copies.articles)} copies of IFEX edited`, "≤ 0.75 s", `${fixed(f.copies.edited.seconds)} s${first ? ` (of ${count(first.articles)} generated articles: ${fixed(first.edited.seconds)} s)` : ""}`, yes(f.copies.edited.seconds <= 0.75)],
    ["no stage slower per article than before issue 28", "each ≤ its time then, scaled by the host's speed, +10 %", slower.length === 0 ? "none slower" : `slower: ${slower.join(", ")}`, yes(slower.length === 0)],
    ["`make test`", "≤ 60 s", typeof f.makeTest === "number" ? `${fixed(f.makeTest, 1)} s` : (f.makeTest ?? "not run (--no-make-test)"), typeof f.makeTest === "number" ? yes(f.makeTest <= 60) : "not measured"],
  ];
  const scale = f.host.oneCoreMs / STAGES_BEFORE.oneCoreMs;
  return `<!-- bench -->
Written by \`npm run bench\` (scripts/bench/run-bench.ts) from one run on this machine: ${m.cpu}, ${m.cores} cores, ${fixed(m.memoryGb, 1)} GB, Node.js ${m.node}, ${m.date}. The host gave ${fixed(f.host.available)} cores; one core ran the fixed loop in ${fixed(f.host.oneCoreMs, 0)} ms (scripts/bench/machine.ts; the less, the faster). What each figure is: docs/benchmarks-notes.md.

## Issue 28's budgets

${table(["budget", "limit", "measured", "holds"], budgets)}

## \`make export\` of source/ (IFEX)

${table(["case", "median", "all runs"], [
  ["empty dist/", `${fixed(cold, 3)} s`, f.make.cold.map((t) => fixed(t, 3)).join(", ")],
  ["nothing changed", `${fixed(warm, 3)} s`, f.make.warm.map((t) => fixed(t, 3)).join(", ")],
  ["`node -e 0`", `${fixed(median(f.make.node), 3)} s`, f.make.node.map((t) => fixed(t, 3)).join(", ")],
])}

## Copies of IFEX, and the same with Python rdflib

${table(EXPORT_HEAD, [exportCells(f.copies)])}

${f.copies.rdflib ? `Python rdflib (scripts/bench/rdflib-baseline.py, one thread) over the same ${count(f.copies.articles)} Turtle files: ${fixed(f.copies.rdflib.seconds)} s (${f.copies.rdflib.summary}).` : "Python rdflib was not run."}

## A generated corpus

${table(["YAML in", ...EXPORT_HEAD], f.generated.map((g) => [`${fixed(g.yamlBytes / 2 ** 20)} MB`, ...exportCells(g)]))}

## Time of each stage, per article

${first ? `Over the ${count(first.articles)} generated articles, on one thread; before issue 28 as measured then (one core's loop ${STAGES_BEFORE.oneCoreMs} ms), and scaled to this host (× ${fixed(scale)}).` : ""}

${table(["stage", "now", "before", "before, scaled"], [...f.stages].map(([stage, ms]) => [stage, `${fixed(ms, 3)} ms`, STAGES_BEFORE.ms[stage] === undefined ? "" : `${fixed(STAGES_BEFORE.ms[stage]!)} ms`, STAGES_BEFORE.ms[stage] === undefined ? "" : `${fixed(STAGES_BEFORE.ms[stage]! * scale, 3)} ms`]))}

## Hand-written parts against their libraries

Each part's lines, then hand-written / library: load (ms, with the code cache), first call on IFEX (ms, compiling included), CPU per article over ${count(f.copies.articles)} copies (ms); what the part saves of a one-article export (\`make export\` above) and of the ${count(f.copies.articles)} copies' CPU (the part loaded on each of ${m.cores} threads).

${table(["part", "lines", "library", "load", "first article", "per article", "saves: one article", `saves: ${count(f.copies.articles)}`, "verdict"], partRows(f))}
<!-- /bench -->`;
}
