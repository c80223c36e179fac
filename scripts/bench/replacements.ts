// Does each hand-written replacement of a library earn its place (issue 16: at least 5 % of the
// export's time for one article or for 10,000)? It times, on one thread, (1) the first article
// (IFEX) in a fresh process, cold: what a one-article export pays; (2) an article's work warm (read,
// validate, model, graph, every writer, in memory), per article over a synthetic corpus, best of
// the rounds: what each of 10,000 articles pays; and (3) each hand-optimized piece against its
// plain form on the same articles. Each variant ran in its own process with one replacement
// switched off (ORG_BENCH_WITHOUT=…); those that did not save 5 % were removed with their switches
// (docs/internals.md lists them), so only the shipped variant is left.
//
//   node --import tsx scripts/bench/replacements.ts [articles=500] [rounds=5]

import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectPath } from "../lib/project-path.ts";

const VARIANTS = [""] as const;

interface Timing {
  /** ms for IFEX, cold, in a fresh process (modules loaded, schema from the cache). */
  first: number;
  /** ms of work per article, warm, best round. */
  perArticle: number;
  /** Hand-optimized code against its plain form, on the same articles: ms per article, warm, best round. */
  pairs?: Record<string, [optimized: number, plain: number]>;
}

async function child(dir: string, rounds: number): Promise<Timing> {
  const { readYaml } = await import("../read/read-yaml.ts");
  const { validateAgainstSchema } = await import("../validate/json-schema.ts");
  const { DeferredReferences, validateRules } = await import("../validate/rules.ts");
  const { buildModel } = await import("../model/build.ts");
  const { buildGraph } = await import("../graph/build.ts");
  const { FORMATS, WRITERS, writerInput } = await import("../writers/index.ts");
  let sink = 0;
  const work = (file: string, text: string) => {
    const read = readYaml(text, file);
    if (!read.ok) throw new Error(`${file}: ${read.diagnostics[0]?.message}`);
    if (validateAgainstSchema(read.source).length > 0) throw new Error(`${file} is not schema-valid`);
    validateRules(read.source, new DeferredReferences());
    const model = buildModel(read.source.data, file);
    const graph = buildGraph(model, new Map());
    const input = writerInput(model, graph);
    for (const format of FORMATS) sink += (WRITERS[format].write(input) as string).length;
  };
  const ifex = readFileSync(projectPath("source/ifex.yaml"), "utf8");
  const started = performance.now();
  work("ifex.yaml", ifex);
  const first = performance.now() - started;
  const texts = readdirSync(dir).sort().map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
  let perArticle = Infinity;
  for (let round = 0; round < rounds; round++) {
    const t = performance.now();
    for (const { name, text } of texts) work(name, text);
    perArticle = Math.min(perArticle, (performance.now() - t) / texts.length);
  }
  if (sink === 0) throw new Error("nothing written");
  return { first, perArticle, ...(process.env.ORG_BENCH_WITHOUT ? {} : { pairs: await pairs(texts, rounds) }) };
}

/**
 * Hand-optimized code against the plain form it replaced, on the same inputs: the N-Triples lines
 * sorted by predicate rank vs all lines sorted whole; the reader's one-pass text check vs the regular
 * expressions it replaced; the CSV written from cached pieces vs row by row.
 */
async function pairs(texts: { name: string; text: string }[], rounds: number): Promise<Record<string, [number, number]>> {
  const { readYaml } = await import("../read/read-yaml.ts");
  const { buildModel } = await import("../model/build.ts");
  const { buildGraph } = await import("../graph/build.ts");
  const { writeNTriples } = await import("../writers/ntriples.ts");
  const { NTriplesTerms } = await import("../writers/ntriples.ts");
  const { sortByCodePoints } = await import("../lib/code-point-order.ts");
  const { precheck } = await import("../read/fast-yaml-precheck.ts");
  const { writeCsv, guardFormula, CSV_COLUMNS } = await import("../writers/csv.ts");
  const { csvRows } = await import("../../tests/reference/csv-rows.ts");
  const { csvDocument } = await import("../writers/csv-text.ts");
  const graphs = texts.map(({ name, text }) => {
    const read = readYaml(text, name);
    if (!read.ok) throw new Error(name);
    return buildGraph(buildModel(read.source.data, name), new Map());
  });
  const plainNTriples = (graph: (typeof graphs)[number]) => {
    const terms = new NTriplesTerms();
    const lines = new Set<string>();
    for (const st of graph.statements) lines.add(terms.line(st.subject, st.predicate, st.object)!);
    return sortByCodePoints([...lines]).join("");
  };
  const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
  const UNUSUAL = /[\t\r\uFEFF\u2028\u2029]/;
  const CHECKS = [/^(?:%|---|\.\.\.| *:|!|[&*][^\s[\]{},]|\?(?:\s|$))/, /\n(?:%|---|\.\.\.| *:)/, /[\s[\]{},](?:!|[&*][^\s[\]{},]|\?(?:\s|$))/, /[\]}] *:/, /(?:^|[\n ])- *(?:#|\n|$)/, /["'\]}]#/, /[|>][-+0-9]* *(?:#[^\n]*)?\n *\n/];
  const plainPrecheck = (text: string): number | undefined => {
    if (CONTROL.test(text) || !(text as unknown as { isWellFormed(): boolean }).isWellFormed() || UNUSUAL.test(text)) return undefined;
    for (const check of CHECKS) if (check.test(text)) return undefined;
    let deepest = 0;
    for (const line of text.split("\n")) {
      const indent = line.length - line.trimStart().length;
      if (indent > deepest) deepest = indent;
    }
    return deepest;
  };
  const plainCsv = (graph: (typeof graphs)[number]) => csvDocument(CSV_COLUMNS, csvRows(graph).map((row) => CSV_COLUMNS.map((c) => guardFormula(row[c]))));
  const cases: Record<string, [() => unknown, () => unknown]> = {
    "N-Triples sorted by predicate rank (writers/ntriples.ts)": [() => graphs.map(writeNTriples), () => graphs.map(plainNTriples)],
    "text checks in one pass (read/fast-yaml-precheck.ts)": [() => texts.map((t) => precheck(t.text)), () => texts.map((t) => plainPrecheck(t.text))],
    "CSV from cached pieces (writers/csv.ts)": [() => graphs.map(writeCsv), () => graphs.map(plainCsv)],
  };
  const out: Record<string, [number, number]> = {};
  for (const [name, [optimized, plain]] of Object.entries(cases)) {
    const best = [Infinity, Infinity] as [number, number];
    for (let round = 0; round < rounds; round++) {
      [optimized, plain].forEach((run, i) => {
        const t = performance.now();
        run();
        best[i] = Math.min(best[i]!, (performance.now() - t) / texts.length);
      });
    }
    out[name] = best;
  }
  return out;
}

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await child(process.argv[3]!, Number(process.argv[4]))));
} else {
  const count = Number(process.argv[2] ?? 500);
  const rounds = Number(process.argv[3] ?? 5);
  const { generateCorpus } = await import("./generate-corpus.ts");
  const dir = mkdtempSync(join(tmpdir(), "bench-replacements-"));
  try {
    generateCorpus(dir, count);
    const results = new Map<string, Timing[]>();
    // Alternating variants, three processes each: the machine's load drifts less between them.
    for (let run = 0; run < 3; run++) {
      for (const variant of VARIANTS) {
        const proc = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child", dir, String(rounds)], {
          cwd: projectPath("."),
          env: { ...process.env, ORG_BENCH_WITHOUT: variant },
          encoding: "utf8",
        });
        if (proc.status !== 0) throw new Error(`${variant}: ${proc.stderr}`);
        results.set(variant, [...(results.get(variant) ?? []), JSON.parse(proc.stdout) as Timing]);
      }
    }
    const best = (variant: string, key: "first" | "perArticle") => Math.min(...results.get(variant)!.map((t) => t[key]));
    const base = { first: best("", "first"), perArticle: best("", "perArticle") };
    console.log(`${count} synthetic articles, best of ${rounds} rounds, best of 3 processes; ms on one thread`);
    console.log(`| switched off | first article, cold | saves | per article, warm | saves |`);
    console.log(`| --- | --- | --- | --- | --- |`);
    console.log(`| nothing (as shipped) | ${base.first.toFixed(1)} | | ${base.perArticle.toFixed(3)} | |`);
    for (const variant of VARIANTS.slice(1)) {
      const first = best(variant, "first");
      const perArticle = best(variant, "perArticle");
      const pct = (a: number, b: number) => `${(a - b).toFixed(b < 10 ? 3 : 1)} ms (${(((a - b) / b) * 100).toFixed(1)} % of the work)`;
      console.log(`| ${variant} | ${first.toFixed(1)} | ${pct(first, base.first)} | ${perArticle.toFixed(3)} | ${pct(perArticle, base.perArticle)} |`);
    }
    console.log(`\nHand-optimized code against its plain form, ms per article, warm (share: of the work per article above)`);
    console.log(`| code | optimized | plain | saves |`);
    console.log(`| --- | --- | --- | --- |`);
    for (const name of Object.keys(results.get("")![0]!.pairs!)) {
      const optimized = Math.min(...results.get("")!.map((t) => t.pairs![name]![0]));
      const plain = Math.min(...results.get("")!.map((t) => t.pairs![name]![1]));
      console.log(`| ${name} | ${optimized.toFixed(3)} | ${plain.toFixed(3)} | ${(plain - optimized).toFixed(3)} ms (${(((plain - optimized) / base.perArticle) * 100).toFixed(1)} %) |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
