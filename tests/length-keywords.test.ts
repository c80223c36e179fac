// maxLength and minLength with a cheap test first (scripts/validate/length-keywords.ts) must judge
// every string as ajv's own keywords do, with the same errors in the same order.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileValidator } from "../scripts/validate/compiled-schema.ts";
import { edited, sampleArticles, schemaText, stock } from "./validator-reference.ts";




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
  const articles = sampleArticles();

  for (const kind of ["first", "all"] as const) {
    it(`judge strings of every length around the limits as ajv's own keywords (${kind} errors)`, () => {
      const ours = compileValidator(kind, schemaText).validate;
      const theirs = stock(kind);
      let refused = 0;
      fc.assert(
        fc.property(fc.nat(articles.length - 1), fc.array(fc.tuple(fc.nat(), text), { minLength: 1, maxLength: 4 }), (which, edits) => {
          const data = edited(articles[which], stringPaths(articles[which]), edits);
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
