// BENCHMARKS.md as the benchmark writes it (scripts/bench/report.ts), from made-up figures: the
// budgets' verdicts follow the figures, and the table of format sets shows each export's rate.
// The figures themselves are the benchmark's job (npm run bench), never measured here.

import { describe, expect, it } from "vitest";
import { summaryLine, type ChildExport } from "../scripts/bench/child-export.ts";
import { SIX_BEFORE_WORKBOOK, benchmarksMarkdown, type BenchFigures, type SizeResult } from "../scripts/bench/report.ts";
import { readdirSync, readFileSync } from "node:fs";
import { HAND_WRITTEN_PARTS, linesOf } from "../scripts/bench/hand-written-parts.ts";
import { projectPath } from "../scripts/lib/project-path.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { budgetLines, LINE_LIMIT } from "../scripts/bench/code-lines.ts";
import { tempDir } from "./helpers.ts";

const run = (seconds: number, bytes: number, maxRssMb = 300): ChildExport => ({
  finished: true,
  seconds,
  maxRssMb,
  userSeconds: seconds * 1.8,
  systemSeconds: seconds * 0.2,
  summary: `exported: N articles, M files, ${bytes} bytes in /tmp/x/ (${seconds} s)`,
});

const stages = (perArticleMs: number, articles: number) =>
  new Map([
    ["parse YAML", (perArticleMs / 2) * articles],
    ["writer: csv", (perArticleMs / 2) * articles],
  ]);

function figures(tenThousandSeconds: number, formatRuns?: SizeResult["formatRuns"]): BenchFigures {
  return {
    machine: { cpu: "Test CPU", cores: 2, memoryGb: 8, heapLimitGb: 4, node: "v20.0.0", date: "2026-01-01T00:00:00Z" },
    sizes: [
      { articles: 1000, yamlBytes: 10 * 1024 * 1024, cli: run(2, 200_000_000), stageMs: stages(3, 1000) },
      { articles: 10_000, yamlBytes: 100 * 1024 * 1024, cli: run(tenThousandSeconds, 2_000_000_000), stageMs: stages(3, 10_000), ...(formatRuns && { formatRuns }) },
    ],
    turtle: [],
    turtleGraphs: 1000,
    make: { first: 1.25, cold: [0.8, 0.7, 0.9], warm: [0.05, 0.06, 0.05], node: [0.08, 0.07, 0.09] },
    makeMedian: { cold: 0.8, warm: 0.05 },
    makeTest: 100,
  };
}

/** The "holds" cell of a budget's row. */
const verdict = (markdown: string, budget: string) => markdown.split("\n").find((line) => line.startsWith(`| ${budget} |`))?.split(" | ").at(-1);

describe("BENCHMARKS.md", () => {
  it("says the throughput budget holds only at 450 articles/s or more, and compares time per article", () => {
    const slow = benchmarksMarkdown(figures(25));
    expect(verdict(slow, "10,000 articles, all formats, end to end")).toBe("**no** |");
    expect(slow).toContain("| 10,000 articles, all formats, end to end | ≥ 450 articles/s | 400.0 articles/s |");
    // 2.5 ms per article at 10,000 against 2 ms at 1,000.
    expect(slow).toContain("| time per article at 10,000 vs at 1,000 | ≤ 1.25× | 1.25× | yes |");
    const fast = benchmarksMarkdown(figures(9.5));
    expect(verdict(fast, "10,000 articles, all formats, end to end")).toBe("yes |");
    expect(fast).toContain("1052.6 articles/s");
    expect(verdict(fast, "`make export` of IFEX from an empty dist/")).toBe("**no** |");
    expect(verdict(fast, "`make export` with nothing changed")).toBe("yes |");
    // Beside Node's own start-up, timed in the same runs.
    expect(fast).toContain("0.800 s (median of 3; Node's own start-up, `node -e 0`, 0.080 s)");
    expect(fast).toContain("| `node -e 0` | 0.080 s | 0.080, 0.070, 0.090 |");
    // The first export, which makes the code cache, is given on its own, not among the runs.
    expect(fast).toContain("its first export (1.25 s) made V8's code cache");
    expect(fast).toContain("| empty dist/ | 0.800 s | 0.800, 0.700, 0.900 |");
    // A median just over 0.25 s shows as such beside its "no", not rounded to 0.25.
    const edge = benchmarksMarkdown({ ...figures(25), makeMedian: { cold: 0.2513, warm: 0.05 } });
    expect(edge).toContain("| `make export` of IFEX from an empty dist/ | ≤ 0.25 s | 0.251 s (median of 3;");
    expect(verdict(edge, "`make export` of IFEX from an empty dist/")).toBe("**no** |");
    // Where the environment sets NODE_EXTRA_CA_CERTS, Node's start-up is also given as make starts it, and why.
    expect(fast).not.toContain("NODE_EXTRA_CA_CERTS");
    const certificates = benchmarksMarkdown({ ...figures(9.5), make: { ...figures(9.5).make, nodeAsMake: [0.03, 0.035, 0.032] } });
    expect(certificates).toContain("0.800 s (median of 3; Node's own start-up, `node -e 0`, 0.080 s, 0.032 s as make starts it, without NODE_EXTRA_CA_CERTS)");
    expect(certificates).toContain("| `node -e 0` without NODE_EXTRA_CA_CERTS (as make starts Node) | 0.032 s | 0.030, 0.035, 0.032 |");
    expect(certificates).toContain("nodejs/node#40524");
  });

  it("gives the throughput without the workbook beside the 450 articles/s, when the run measured it", () => {
    const formatRun = (label: string, seconds: number) => ({ label, formats: ["csv"], run: run(seconds, 1_000_000_000) });
    const markdown = benchmarksMarkdown(figures(80, [formatRun(SIX_BEFORE_WORKBOOK.label, 40), formatRun("JSON-LD alone", 18)]));
    expect(markdown).toContain("| 10,000 articles, all formats, end to end | ≥ 450 articles/s | 125.0 articles/s (250.0 articles/s with the six formats of before issue 17's workbook, which the target was set with");
    expect(verdict(markdown, "10,000 articles, all formats, end to end")).toBe("**no** |");
    expect(benchmarksMarkdown(figures(80, [formatRun("JSON-LD alone", 18)]))).toContain("| ≥ 450 articles/s | 125.0 articles/s | **no** |");
  });

  it("says whether make test ran under 2 minutes, failed, or was not run", () => {
    expect(verdict(benchmarksMarkdown(figures(25)), "`make test`")).toBe("yes |");
    expect(verdict(benchmarksMarkdown({ ...figures(25), makeTest: 130 }), "`make test`")).toBe("**no** |");
    const failed = benchmarksMarkdown({ ...figures(25), makeTest: "failed" });
    expect(failed).toContain("| `make test` | < 2 min | failed in this run, so not timed");
    expect(verdict(failed, "`make test`")).toBe("not measured |");
    const { makeTest: _, ...skipped } = figures(25);
    expect(benchmarksMarkdown(skipped)).toContain("| `make test` | < 2 min | not timed in this run (--no-make-test) | not measured |");
  });

  it("shows the exports with fewer formats beside the one with all of them, at the largest size", () => {
    const markdown = benchmarksMarkdown(
      figures(20, [
        { label: "the four of issue 2", formats: ["csv", "jsonld", "ttl", "infobox"], run: run(16, 1_200_000_000) },
        { label: "infobox JSON alone", formats: ["infobox"], run: run(8, 36_000_000, 240) },
        { label: "JSON-LD alone", formats: ["jsonld"], run: { finished: false, limitSeconds: 360, seconds: 360, why: "did not finish in 360 s (stopped)" } },
      ]),
    );
    const section = markdown.slice(markdown.indexOf("### What the formats cost"));
    expect(section).toContain("The same 10,000 articles exported again");
    expect(section).toContain("1,000 articles/s on 2 cores leaves at\nmost 2 ms of it per article.");
    expect(section).toContain("| all 7 | csv,jsonld,ttl,infobox,nt,html,xlsx | 20.00 s | 500.0 | 36.0 s, 4.0 s | 4.00 ms | 300 MB | 1907 MB |");
    expect(section).toContain("| the four of issue 2 | csv,jsonld,ttl,infobox | 16.00 s | 625.0 |");
    expect(section).toContain("| infobox JSON alone | infobox | 8.00 s | 1250.0 | 14.4 s, 1.6 s | 1.60 ms | 240 MB | 34 MB |");
    expect(section).toContain("| JSON-LD alone | jsonld | did not finish in 360 s (stopped) | none |");
  });

  it("lists each hand-written part with its lines as the code has them now, and this run's figures where it measures them", () => {
    const markdown = benchmarksMarkdown(figures(40));
    const row = (name: string) => markdown.split("\n").find((line) => line.startsWith(`| ${name} |`))?.split(" | ");
    for (const part of HAND_WRITTEN_PARTS) expect(row(part.name)?.[1], part.name).toBe(String(linesOf(part)));
    // The writer's lines, up to what cuts its bodies for corpus.ttl.
    const turtle = readFileSync(projectPath("scripts/writers/turtle.ts"), "utf8").split("\n");
    expect(row("`writers/turtle.ts`")?.[1]).toBe(String(turtle.findIndex((line) => line.startsWith("// An article's Turtle in the combined corpus.ttl"))));
    // A part of a file: from its first line to its closing brace.
    const xlsx = readFileSync(projectPath("scripts/writers/xlsx.ts"), "utf8").split("\n");
    const from = xlsx.findIndex((line) => line.startsWith("export function csvCells("));
    expect(row("`csvCells` in `writers/xlsx.ts`")?.[1]).toBe(String(xlsx.findIndex((line, i) => i > from && line === "}") - from + 1));
    expect(row("`corpus/spill.ts`")?.[3]).toContain("300 MB in this run");
    expect(row("`cli/make-state.ts` and the Makefile's record")?.[3]).toContain("(this run: 0.050 s)");
    expect(markdown).not.toMatch(/TURTLE|PEAK|UNCHANGED/);
  });

  it("gives the edit beside each set of formats, and says when it was not run", () => {
    const markdown = benchmarksMarkdown({
      ...figures(20, [
        { label: "JSON-LD alone", formats: ["jsonld"], run: run(12, 500_000_000), edited: run(1.5, 500_000_000) },
        { label: "infobox JSON alone", formats: ["infobox"], run: run(8, 36_000_000) },
      ]),
    });
    const withEdit = { ...figures(20, [{ label: "JSON-LD alone", formats: ["jsonld"], run: run(12, 500_000_000), edited: run(1.5, 500_000_000) }]) };
    withEdit.sizes[1] = { ...withEdit.sizes[1]!, edited: run(9.25, 2_000_000_000) };
    const section = (md: string) => md.slice(md.indexOf("### What the formats cost"));
    expect(section(markdown)).toMatch(/\| JSON-LD alone \| jsonld \| 12\.00 s \|.*\| 1\.50 s \|$/m);
    expect(section(markdown)).toMatch(/\| infobox JSON alone \| infobox \| 8\.00 s \|.*\| not run \|$/m);
    expect(section(markdown)).toMatch(/\| all 7 \|.*\| not run \|$/m);
    expect(section(benchmarksMarkdown(withEdit))).toMatch(/\| all 7 \|.*\| 9\.25 s \|$/m);
  });

  it("counts the lines of issue 16's budget and says whether they are at most 4,067", () => {
    const budget = "lines in `scripts/read`, `scripts/validate`, `scripts/writers`, `scripts/corpus`";
    expect(LINE_LIMIT).toBe(4067);
    expect(verdict(benchmarksMarkdown({ ...figures(25), codeLines: 4067 }), budget)).toBe("yes |");
    const over = benchmarksMarkdown({ ...figures(25), codeLines: 5641 });
    expect(over).toContain(`| ${budget} | ≤ 4,067 (1,400 fewer than the 5,467 of when the issue was filed) | 5,641 | **no** |`);
    expect(benchmarksMarkdown(figures(25))).toContain(`| ${budget} | ≤ 4,067 (1,400 fewer than the 5,467 of when the issue was filed) | not counted in this run | not measured |`);
  });

  it("counts lines as wc -l does, in the .ts files of the four folders only", () => {
    const scripts = tempDir("code-lines-");
    for (const folder of ["read", "validate", "writers", "corpus", "graph"]) mkdirSync(join(scripts, folder));
    writeFileSync(join(scripts, "read", "a.ts"), "one\ntwo\n");
    // No newline at its end: wc -l counts two.
    writeFileSync(join(scripts, "validate", "b.ts"), "one\ntwo\nthree");
    writeFileSync(join(scripts, "writers", "c.ts"), "\n\n\n");
    writeFileSync(join(scripts, "corpus", "notes.md"), "not\ncounted\n");
    writeFileSync(join(scripts, "graph", "d.ts"), "not\ncounted\n");
    expect(budgetLines(scripts)).toBe(7);
    // The project's own folders: as many as their files have.
    const own = ["read", "validate", "writers", "corpus"].flatMap((folder) => readdirSync(projectPath(`scripts/${folder}`)).filter((n) => n.endsWith(".ts")).map((n) => readFileSync(projectPath(`scripts/${folder}/${n}`), "utf8").split("\n").length - 1));
    expect(budgetLines()).toBe(own.reduce((a, b) => a + b, 0));
  });

  it("has no such section when no export with fewer formats was run", () => {
    expect(benchmarksMarkdown(figures(20))).not.toContain("What the formats cost");
  });
});

describe("the export's summary line in the report", () => {
  it("is the last line of the export's output, not the linked: lines before it (a table cell holds one line)", () => {
    const out = "linked: https://a.example/x#o schema:sameAs https://a.example/y#y (the subject of that article)\nlinked: …\nexported: 3 articles, 21 files, 100 bytes in out/ (0.1 s)\n";
    expect(summaryLine(out)).toBe("exported: 3 articles, 21 files, 100 bytes in out/ (0.1 s)");
  });
});
