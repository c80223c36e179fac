// uniqueItems with short lists of strings compared item by item (scripts/validate/unique-strings.ts)
// must judge every list as ajv's own keyword does, with the same errors in the same order.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileValidator } from "../scripts/validate/compiled-schema.ts";
import { PAIRWISE_MAX } from "../scripts/validate/unique-strings.ts";
import { edited, sampleArticles, schemaText, stock } from "./validator-reference.ts";




/** Every path to a list of strings in the data (the lists the schema wants unique). */
function listPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every((item) => typeof item === "string")) out.push(path);
    else value.forEach((item, i) => listPaths(item, [...path, i], out));
  } else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) listPaths(item, [...path, key], out);
  return out;
}

// Few distinct items, so lists repeat some; names an object's keys hold ("__proto__" is one ajv
// never finds twice); values valid for ids, refs, sections, texts and languages; and items of
// other types, which ajv skips when it looks for duplicates (and refuses for their type).
const ITEMS: unknown[] = ["en", "fr", "topic-1", "a", "History", "__proto__", "constructor", "toString", "hasOwnProperty", "0", "1", "01", "𝔉", "\ud800", "", 1, null, true, { a: 1 }];
// Lengths on both sides of the item-by-item limit, and one long list.
const lengths = fc.constantFrom(0, 1, 2, 3, 5, PAIRWISE_MAX - 1, PAIRWISE_MAX, PAIRWISE_MAX + 1, 40);
// Mostly items every such list accepts (ids, refs, sections, texts and languages alike), so that
// the validator that stops at the first error gets as far as uniqueItems.
const ANY_LIST = ["en", "fr", "de", "ar", "pt", "es"];
const item = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ANY_LIST) }, { weight: 1, arbitrary: fc.constantFrom(...ITEMS) });
const list = fc.tuple(lengths, fc.array(item, { minLength: 40, maxLength: 40 })).map(([n, items]) => items.slice(0, n));

describe("uniqueItems with short lists of strings compared item by item", () => {
  const articles = sampleArticles();

  for (const kind of ["first", "all"] as const) {
    it(`judges lists of every kind as ajv's own keyword (${kind} errors)`, () => {
      const ours = compileValidator(kind, schemaText).validate;
      const theirs = stock(kind);
      const refused = { short: 0, long: 0 };
      fc.assert(
        fc.property(fc.nat(articles.length - 1), fc.array(fc.tuple(fc.nat(), list), { minLength: 1, maxLength: 3 }), (which, edits) => {
          const data = structuredClone(articles[which]) as Record<string, unknown>;
          const paths = listPaths(data);
          const lengthAt = new Map<string, number>();
          for (const [at, value] of edits) {
            const path = paths[at % paths.length]!;
            const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], data);
            parent[path[path.length - 1]!] = value;
            lengthAt.set(path.map((key) => `/${key}`).join(""), value.length);
          }
          const verdict = theirs(data);
          expect(ours(data)).toBe(verdict);
          expect(ours.errors).toStrictEqual(theirs.errors);
          for (const error of theirs.errors ?? []) {
            if (error.keyword === "uniqueItems") refused[(lengthAt.get(error.instancePath) ?? 0) > PAIRWISE_MAX ? "long" : "short"]++;
          }
        }),
        { numRuns: 300, seed: 20260111 },
      );
      // Lists were refused for a duplicate, short and long ones, not only for other reasons.
      expect(refused.short).toBeGreaterThan(20);
      expect(refused.long).toBeGreaterThan(5);
    });
  }

  it("finds no duplicate of __proto__, as ajv does not", () => {
    const ours = compileValidator("all", schemaText).validate;
    const theirs = stock("all");
    const data = structuredClone(articles[0]) as { article: { sections: string[] } };
    data.article.sections = [...data.article.sections, "__proto__", "__proto__"];
    expect(theirs(data)).toBe(ours(data));
    expect(ours.errors).toStrictEqual(theirs.errors);
  });
});
