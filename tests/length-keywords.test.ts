// maxLength and minLength with a cheap test first (scripts/validate/length-keywords.ts) must judge
// every string as ajv's own keywords do, with the same errors in the same order.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ARTICLE_SCHEMA_PATH, compileValidator, OPTIONS, type ValidatorKind } from "../scripts/validate/compiled-schema.ts";
import { inlineDefs } from "../scripts/validate/inline-defs.ts";
import { readYaml } from "../scripts/read/read-yaml.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { ROOT, tempDir } from "./helpers.ts";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => unknown;
const schemaText = readFileSync(ARTICLE_SCHEMA_PATH, "utf8");

/** The schema compiled as ajv alone compiles it. */
function stock(kind: ValidatorKind) {
  const ajv = new Ajv2020(OPTIONS[kind]);
  addFormats(ajv);
  return ajv.compile(inlineDefs(JSON.parse(schemaText)));
}

const read = (text: string) => {
  const result = readYaml(text, "x.yaml");
  if (!result.ok) throw new Error("an article does not read");
  return result.source.data;
};

/** Every path to a string in the data. */
function stringPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === "string") out.push(path);
  else if (Array.isArray(value)) value.forEach((item, i) => stringPaths(item, [...path, i], out));
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) stringPaths(item, [...path, key], out);
  return out;
}

// The schema's limits (1, 100, 200, 201, 2000, 10000) and their halves, where a string of
// characters outside the Basic Multilingual Plane (two units each) crosses them.
const LIMITS = [1, 100, 200, 201, 2000, 10000];
const lengths = fc.constantFrom(0, 1, 2, 3, ...LIMITS.flatMap((l) => [l, Math.floor(l / 2)]).flatMap((l) => [l - 1, l, l + 1].filter((n) => n >= 0)));
const PIECES = ["a", "𝔉", "a𝔉", "𝔉𝔉a", "é", "\ud800", "\udc00a"];
/** `n` code points of a repeated piece (a lone surrogate half counts as one character, as ajv counts it). */
const text = fc.tuple(lengths, fc.constantFrom(...PIECES)).map(([n, piece]) => [...piece.repeat(n)].slice(0, n).join(""));

describe("maxLength and minLength with a length test first", () => {
  const dir = generateCorpus(join(tempDir("lengths-"), "source"), 4).dir;
  const articles = [readFileSync(join(ROOT, "source/ifex.yaml"), "utf8"), ...readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"))].map(read);

  for (const kind of ["first", "all"] as const) {
    it(`judge strings of every length around the limits as ajv's own keywords (${kind} errors)`, () => {
      const ours = compileValidator(kind, schemaText).validate;
      const theirs = stock(kind);
      let refused = 0;
      fc.assert(
        fc.property(fc.nat(articles.length - 1), fc.array(fc.tuple(fc.nat(), text), { minLength: 1, maxLength: 4 }), (which, edits) => {
          const data = structuredClone(articles[which]) as Record<string, unknown>;
          const paths = stringPaths(data);
          for (const [at, value] of edits) {
            const path = paths[at % paths.length]!;
            const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], data);
            parent[path[path.length - 1]!] = value;
          }
          const verdict = theirs(data);
          expect(ours(data)).toBe(verdict);
          expect(ours.errors).toStrictEqual(theirs.errors);
          if (!verdict && theirs.errors!.some((e) => e.keyword === "maxLength" || e.keyword === "minLength")) refused++;
        }),
        { numRuns: 150, seed: 20260105 },
      );
      // Strings were refused for their length, not only for other reasons.
      expect(refused).toBeGreaterThan(15);
    });
  }
});
