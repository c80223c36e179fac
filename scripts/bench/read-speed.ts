// Time per article of each reading stage (read YAML, JSON Schema, rules, model), in one thread,
// over a synthetic corpus: `node --import tsx scripts/bench/read-speed.ts [articles] [rounds]`.
// The first round warms the JIT and the compiled schema; the best of the later rounds is printed.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./generate-corpus.ts";
import { readYaml, type SourceDocument } from "../read/read-yaml.ts";
import { validateAgainstSchema } from "../validate/json-schema.ts";
import { validateRules } from "../validate/rules.ts";
import { buildModel } from "../model/build.ts";
import { corpusIndex } from "../pipeline.ts";

const count = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 5);
const dir = mkdtempSync(join(tmpdir(), "read-speed-"));
try {
  generateCorpus(dir, count);
  const texts = readdirSync(dir).sort().map((name) => ({ file: name, text: readFileSync(join(dir, name), "utf8") }));
  const best = new Map<string, number>();
  const time = (stage: string, work: () => void) => {
    const started = performance.now();
    work();
    const perArticle = (performance.now() - started) / texts.length;
    best.set(stage, Math.min(best.get(stage) ?? Infinity, perArticle));
  };
  for (let round = 0; round < rounds; round++) {
    let documents: SourceDocument[] = [];
    time("read YAML (readYaml)", () => {
      documents = texts.map(({ file, text }) => {
        const read = readYaml(text, file);
        if (!read.ok) throw new Error(`${file}: ${read.diagnostics[0]?.message}`);
        return read.source;
      });
    });
    time("JSON Schema", () => {
      for (const d of documents) if (validateAgainstSchema(d).length > 0) throw new Error(`${d.file} is not schema-valid`);
    });
    const corpus = corpusIndex(documents);
    time("rules", () => {
      for (const d of documents) if (validateRules(d, corpus).length > 0) throw new Error(`${d.file} breaks a rule`);
    });
    time("model", () => {
      for (const d of documents) buildModel(d.data, d.file);
    });
  }
  console.log(`${count} articles, ${rounds} rounds, best round, ms per article:`);
  for (const [stage, ms] of best) console.log(`  ${stage.padEnd(24)} ${ms.toFixed(3)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
