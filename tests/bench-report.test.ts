// BENCHMARKS.md's measured block as the benchmark writes it (scripts/bench/report.ts), from made-up
// figures: the budgets' verdicts and the hand-written parts' follow the figures. The figures
// themselves are the benchmark's job (npm run bench), never measured here.

import { describe, expect, it } from "vitest";
import { benchmarksBlock, costs, partRows, slowerStages, STAGES_BEFORE, type Figures } from "../scripts/bench/report.ts";
import type { Run } from "../scripts/bench/exports.ts";
import { PARTS, linesOf, type Timing } from "../scripts/bench/parts.ts";

const run = (seconds: number, cpu = seconds * 2): Run => ({ seconds, userSeconds: cpu * 0.9, systemSeconds: cpu * 0.1, peakMb: 200, summary: "exported: …" });
const timing = (load: number, first: number, perArticle: number): Timing => ({ load, first, perArticle });

function figures(over: Partial<Figures> = {}): Figures {
  const parts = new Map<string, Timing>();
  for (const part of PARTS) {
    parts.set(part.hand, timing(1, 1, 0.1));
    // Each library 10 ms slower to load than its part: 10 % of a 0.1 s export of one article.
    for (const library of part.libraries) parts.set(library.name, timing(11, 1, 0.1));
  }
  return {
    machine: { cpu: "Test CPU", cores: 2, memoryGb: 8, node: "v20.0.0", date: "2026-01-01T00:00:00Z" },
    host: { available: 2, oneCoreMs: STAGES_BEFORE.oneCoreMs },
    make: { cold: [0.1, 0.12, 0.09], warm: [0.01, 0.01, 0.03], node: [0.03, 0.03, 0.03] },
    copies: { articles: 1000, run: run(5, 10), edited: run(0.7), unchanged: run(0.1), rdflib: { seconds: 25, summary: "rdflib 6.1.1: 1000 articles" } },
    generated: [{ articles: 1000, yamlBytes: 2 ** 20, run: run(4), edited: run(0.5), unchanged: run(0.1) }],
    stages: new Map([["parse YAML", 0.46], ["writer: ttl", 0.19]]),
    parts,
    makeTest: 50,
    ...over,
  };
}

/** The "holds" cell of a budget's row. */
const holds = (markdown: string, budget: string) => markdown.split("\n").find((line) => line.startsWith(`| ${budget}`))?.split(" | ").at(-1);

describe("BENCHMARKS.md's measured block", () => {
  it("says each budget holds or not by its figure", () => {
    const good = benchmarksBlock(figures());
    expect(good.startsWith("<!-- bench -->") && good.endsWith("<!-- /bench -->")).toBe(true);
    expect(holds(good, "`make export` of IFEX from an empty dist/")).toBe("yes |");
    expect(holds(good, "1,000 copies of IFEX")).toBe("yes |");
    expect(good).toContain("5.0× (5.00 s against 25.00 s)");
    expect(holds(good, "one article of 1,000 copies")).toBe("yes |");
    expect(holds(good, "`make test`")).toBe("yes |");
    const bad = benchmarksBlock(figures({ make: { cold: [0.3], warm: [0.05], node: [0.03] }, makeTest: 70, copies: { ...figures().copies, run: run(10), edited: run(0.9) } }));
    for (const budget of ["`make export` of IFEX from an empty dist/", "`make export` with nothing changed", "1,000 copies of IFEX", "one article of 1,000 copies", "`make test`"]) expect(holds(bad, budget)).toBe("**no** |");
    expect(holds(benchmarksBlock(figures({ copies: { ...figures().copies, rdflib: undefined } })), "1,000 copies of IFEX")).toBe("not measured |");
  });

  it("finds a stage slower only beyond the host's speed and 10 %", () => {
    const before = STAGES_BEFORE.ms["parse YAML"]!;
    expect(slowerStages(new Map([["parse YAML", before * 1.05]]), STAGES_BEFORE.oneCoreMs)).toEqual([]);
    // A time before of 0.03 ms may have been 0.034 ms.
    expect(slowerStages(new Map([["model", 0.037]]), STAGES_BEFORE.oneCoreMs)).toEqual([]);
    expect(slowerStages(new Map([["model", 0.04]]), STAGES_BEFORE.oneCoreMs)).toEqual(["model"]);
    expect(slowerStages(new Map([["parse YAML", before * 1.2]]), STAGES_BEFORE.oneCoreMs)).toEqual(["parse YAML"]);
    // On a host half as fast, twice the time is no slower.
    expect(slowerStages(new Map([["parse YAML", before * 2]]), STAGES_BEFORE.oneCoreMs * 2)).toEqual([]);
  });

  it("keeps a hand-written part only where it saves 5 % of one article's export or of 1,000 articles'", () => {
    expect(costs(timing(2, 3, 0.5), 2)).toEqual({ one: 5, thousand: 504 });
    const rows = partRows(figures());
    expect(rows.length).toBe(PARTS.reduce((n, p) => n + p.libraries.length, 0));
    // 10 ms more of a 0.1 s export of one article.
    expect(rows[0]).toEqual([PARTS[0]!.part, String(linesOf(PARTS[0]!)), PARTS[0]!.libraries[0]!.label, "1.0 / 11.0", "1.0 / 1.0", "0.100 / 0.100", "10.0 %", "0.2 %", "clears 5 %"]);
    const close = figures();
    for (const part of PARTS) for (const library of part.libraries) close.parts.set(library.name, timing(2, 1, 0.1));
    expect(partRows(close).every((row) => row.at(-1) === "**does not clear 5 %**")).toBe(true);
  });
});
