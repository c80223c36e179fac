// The bundle's big JSON files are written piece by piece (scripts/datapackage/json-chunks.ts) and the
// export's rarely read texts are kept on disk (scripts/corpus/spill.ts): both must give back exactly
// what the plain way gives, JSON.stringify(document, null, 2) and the text put in.

import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks, spread, tailText, withMembers } from "../scripts/datapackage/json-chunks.ts";
import { Spill } from "../scripts/corpus/spill.ts";
import { tempDir } from "./helpers.ts";

const json = fc.jsonValue({ maxDepth: 3 });
const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== "__proto__");
/** What the bundle's elements hold as their own members: texts (any characters) and numbers. */
const primitive = fc.oneof(fc.string({ unit: "grapheme" }), fc.string(), fc.integer({ min: 0 }), fc.double({ noNaN: true, noDefaultInfinity: true }));

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

describe("elements with a constant tail (the data package's CSV resources)", () => {
  it("write what JSON.stringify writes for the element with the tail's keys last", () => {
    // Keys that are not array indices: JavaScript puts those first in any object, whatever the order written.
    const named = key.filter((k) => !/^\d+$/.test(k));
    const tails = fc.dictionary(named, json, { minKeys: 1, maxKeys: 3 });
    fc.assert(
      fc.property(fc.dictionary(named, primitive, { minKeys: 1, maxKeys: 4 }), tails, fc.array(json, { maxLength: 3 }), (head, tail, others) => {
        // The tail's keys are not the head's (the caller's promise).
        const own = Object.fromEntries(Object.entries(head).filter(([k]) => !(k in tail)));
        fc.pre(Object.keys(own).length > 0);
        const text = tailText(tail);
        // The tail split in two (its first key, then the rest), and an empty tail.
        const [firstKey] = Object.keys(tail);
        const { [firstKey!]: firstValue, ...restOfTail } = tail;
        const split = [tailText({ [firstKey!]: firstValue }), tailText(restOfTail), tailText({})];
        // The element's own members as a caller writes them (constant keys, values by JSON.stringify).
        const members = Object.entries(own)
          .map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
          .join(",\n");
        const items = [...others, withMembers(members, text), withMembers(members, ...split), withMembers(members)];
        const document = { items: [...others, { ...own, ...tail }, { ...own, ...tail }, own] };
        expect([...jsonChunks({ items: spread("items") }, () => items)].join("")).toBe(`${JSON.stringify(document, null, 2)}\n`);
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

  it("gives them back when they were written out (many, or large), and after it read the file whole", () => {
    // Texts are gathered in memory (256 KB) before they are written: these sizes cross that, and
    // one text alone is larger than it.
    const sizes = fc.array(fc.constantFrom(0, 1, 700, 30_000, 90_000, 300_000), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(sizes, fc.string({ unit: "grapheme", minLength: 1, maxLength: 5 }), (lengths, unit) => {
        const spill = new Spill(join(tempDir("spill-"), "scratch"));
        try {
          const texts = lengths.map((n, i) => `${i}:${unit.repeat(Math.ceil(n / unit.length))}`);
          const refs = texts.map((t) => spill.put(t));
          for (const i of [...texts.keys()].reverse()) expect(spill.get(refs[i]!)).toBe(texts[i]);
          expect(() => spill.bytesOf(refs[0]!)).toThrow(/before the whole spill is read/);
          spill.readAll();
          for (const i of texts.keys()) expect(Buffer.from(spill.bytesOf(refs[i]!)).toString("utf8")).toBe(texts[i]);
          const more = spill.put("after");
          for (const i of texts.keys()) expect(spill.get(refs[i]!)).toBe(texts[i]);
          expect(spill.get(more)).toBe("after");
        } finally {
          spill.dispose();
        }
      }),
      { numRuns: 25 },
    );
  });
});
