// The hand-written matchers of the id, ref and date patterns (scripts/validate/pattern-matchers.ts)
// must give their regular expression's verdict for every string, and the validators that use them
// the same verdicts and errors as ajv's own pattern keyword.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileValidator } from "../scripts/validate/compiled-schema.ts";
import { MATCHERS, matcherOf } from "../scripts/validate/pattern-matchers.ts";
import { edited, sampleArticles, schemaText, stock } from "./validator-reference.ts";



// Characters on both sides of every range the patterns name, and some they never allow.
const CHARACTERS = ["a", "z", "m", "0", "9", "5", "1", "2", "3", "-", "/", "`", "{", "@", "[", ":", ".", "A", "Z", "_", " ", "\n", "é", "𝔉", "\ud800", "\u0000"];
const short = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 12 }).map((chars) => chars.join(""));
// Strings shaped like dates: digits and hyphens at every place of the three lengths.
const dateLike = fc.tuple(fc.constantFrom(4, 7, 10, 3, 5, 6, 8, 9, 11), fc.array(fc.constantFrom("0", "1", "2", "3", "4", "9", "-"), { minLength: 11, maxLength: 11 }), fc.constantFrom("2019-", "1000-12-", "0000-0", "9999-1")).map(([n, chars, head]) => (head + chars.join("")).slice(0, n));
// Strings shaped like ids and refs: words joined by hyphens and slashes.
const idLike = fc.array(fc.oneof(fc.constantFrom("a", "b1", "0", "zz9", ""), fc.constantFrom("-", "/", "--", "-/")), { maxLength: 6 }).map((parts) => parts.join(""));

describe("the hand-written pattern matchers", () => {
  for (const pattern of Object.keys(MATCHERS)) {
    it(`give the verdict of ${pattern} for every string`, () => {
      const expression = new RegExp(pattern, "u");
      const matcher = matcherOf(pattern)!;
      let matched = 0;
      fc.assert(
        fc.property(fc.oneof(short, dateLike, idLike, fc.string({ unit: "binary", maxLength: 12 })), (s) => {
          const verdict = expression.test(s);
          expect(matcher(s), JSON.stringify(s)).toBe(verdict);
          if (verdict) matched++;
        }),
        { numRuns: 5000, seed: 20260113 },
      );
      // Strings the expression accepts were compared too, not only ones it refuses.
      expect(matched).toBeGreaterThan(100);
    });
  }
});

describe("the validators with the pattern matchers", () => {
  const articles = sampleArticles();

  /** Every path to a string the three patterns are about (ids, references and dates), or to a date written as a number. */
  function patternPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
    if ((typeof value === "string" && /^[0-9a-z/-]*$/.test(value)) || typeof value === "number") out.push(path);
    else if (Array.isArray(value)) value.forEach((item, i) => patternPaths(item, [...path, i], out));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) patternPaths(item, [...path, key], out);
    return out;
  }

  for (const kind of ["first", "all"] as const) {
    it(`judge ids, references and dates as ajv's own keyword (${kind} errors)`, () => {
      const ours = compileValidator(kind, schemaText).validate;
      const theirs = stock(kind);
      let refused = 0;
      fc.assert(
        fc.property(fc.nat(articles.length - 1), fc.array(fc.tuple(fc.nat(), fc.oneof(short, dateLike, idLike)), { minLength: 1, maxLength: 3 }), (which, edits) => {
          const data = edited(articles[which], patternPaths(articles[which]), edits);
          const verdict = theirs(data);
          expect(ours(data)).toBe(verdict);
          expect(ours.errors).toStrictEqual(theirs.errors);
          if (!verdict && theirs.errors!.some((e) => e.keyword === "pattern")) refused++;
        }),
        { numRuns: 300, seed: 20260114 },
      );
      // Values were refused by their pattern, not only for other reasons.
      expect(refused).toBeGreaterThan(50);
    });
  }
});
