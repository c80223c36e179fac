// The bundle's big JSON files are written piece by piece (scripts/bundle/json-chunks.ts) and the
// export's rarely read texts are kept on disk (scripts/corpus/spill.ts): both must give back exactly
// what the plain way gives, JSON.stringify(document, null, 2) and the text put in.

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks, spread } from "../scripts/bundle/json-chunks.ts";
import { Spill } from "../scripts/corpus/spill.ts";
import { tempDir } from "./helpers.ts";

const json = fc.jsonValue({ maxDepth: 3 });
const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__");

describe("jsonChunks", () => {
  it("writes JSON.stringify(document, null, 2) and a line break, whatever the arrays hold", () => {
    fc.assert(
      fc.property(fc.dictionary(key, json, { maxKeys: 4 }), fc.array(json, { maxLength: 6 }), fc.array(json, { maxLength: 6 }), (rest, first, second) => {
        const document = { ...rest, first, second };
        const shape = { ...rest, first: spread("first"), second: spread("second") };
        const text = [...jsonChunks(shape, (name) => (name === "first" ? first : second))].join("");
        expect(text).toBe(`${JSON.stringify(document, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the spill", () => {
  it("gives back every text put in, by its place, in any order", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { minLength: 1, maxLength: 30 }), (texts) => {
        const spill = new Spill(join(tempDir("spill-"), "scratch"));
        try {
          const refs = texts.map((t) => spill.put(t));
          for (const i of [...texts.keys()].reverse()) expect(spill.get(refs[i]!)).toBe(texts[i]);
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 100 },
    );
  });
});
