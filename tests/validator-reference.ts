// What the tests of the validator's own keywords (length-keywords, unique-strings, pattern-matchers)
// share: the schema compiled by ajv alone, as the reference, and articles to break in many ways.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ARTICLE_SCHEMA_PATH, OPTIONS, type ValidatorKind } from "../scripts/validate/compiled-schema.ts";
import { inlineDefs } from "../scripts/validate/inline-defs.ts";
import { readYaml } from "../scripts/read/read-yaml.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { ROOT, tempDir } from "./helpers.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => unknown;
export const schemaText = readFileSync(ARTICLE_SCHEMA_PATH, "utf8");

/** The schema compiled as ajv alone compiles it. */
export function stock(kind: ValidatorKind) {
  const ajv = new Ajv2020(OPTIONS[kind]);
  addFormats(ajv);
  return ajv.compile(inlineDefs(JSON.parse(schemaText)));
}

/** The data of source/ifex.yaml and of four generated articles. */
export function sampleArticles(): unknown[] {
  const dir = generateCorpus(join(tempDir("reference-"), "source"), 4).dir;
  return [readFileSync(join(ROOT, "source/ifex.yaml"), "utf8"), ...readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"))].map((text) => {
    const result = readYaml(text, "x.yaml");
    if (!result.ok) throw new Error("an article does not read");
    return result.source.data;
  });
}

type Path = (string | number)[];

/** A copy of the data with each value put at one of the paths (the edit's number picks which). */
export function edited(data: unknown, paths: readonly Path[], edits: readonly [at: number, value: unknown][]): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const [at, value] of edits) {
    const path = paths[at % paths.length]!;
    const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
    parent[path[path.length - 1]!] = value;
  }
  return copy;
}
