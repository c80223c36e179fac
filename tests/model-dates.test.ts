// The model's copy of the data (normalizeDates in scripts/model/build.ts): every object and list
// anew, numbers under date keys as text, everything else as it was, an own "__proto__" key kept as
// a key. Compared with the copy it replaced (a key at a time), over generated YAML-like data.

import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeDates } from "../scripts/model/build.ts";

const DATE_KEYS = new Set(["foundingDate", "dissolutionDate", "startDate", "endDate", "designationDate", "temporalCoverageFrom"]);

/** The copy as it was written before: a new object, its own keys set one by one. */
function reference(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reference);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      const copy = typeof item === "number" ? (DATE_KEYS.has(key) ? String(item) : item) : reference(item);
      Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Every object and list in a value. */
function containers(value: unknown, out = new Set<object>()): Set<object> {
  if (value !== null && typeof value === "object") {
    out.add(value);
    for (const item of Object.values(value)) containers(item, out);
  }
  return out;
}

const key = fc.constantFrom(...DATE_KEYS, "id", "name", "__proto__", "constructor", "1", "01", "a b");
const scalar = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(1992, 0, -1, NaN, Infinity), fc.string(), fc.boolean(), fc.constant(null));
const { data } = fc.letrec((tie) => ({
  data: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("data"), { maxLength: 4 }),
  map: fc.array(fc.tuple(key, tie("data")), { maxLength: 5 }).map((pairs) => {
    // Own keys set as YAML readers set them (an own "__proto__" too).
    const map: Record<string, unknown> = {};
    for (const [k, v] of pairs) Object.defineProperty(map, k, { value: v, enumerable: true, writable: true, configurable: true });
    return map;
  }),
}));

describe("the model's copy of the data", () => {
  it("equals the copy made key by key, dates as text, sharing no object or list with the data", () => {
    fc.assert(
      fc.property(data, (value) => {
        const copy = normalizeDates(value);
        // Node's comparison: own keys, values and prototypes (vitest's would read a "constructor" key as the class).
        expect(isDeepStrictEqual(copy, reference(value))).toBe(true);
        const theirs = containers(value);
        for (const object of containers(copy)) {
          expect(theirs.has(object)).toBe(false);
          if (!Array.isArray(object)) expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
        }
      }),
      { numRuns: 400, seed: 20260112 },
    );
  });

  it("keeps an own __proto__ key as a key, with its object copied", () => {
    const value = JSON.parse('{"__proto__": {"startDate": 1992}, "startDate": 2001, "endDate": "2002"}') as object;
    const copy = normalizeDates(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toStrictEqual(["__proto__", "startDate", "endDate"]);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toStrictEqual({ startDate: "1992" });
    expect(copy.startDate).toBe("2001");
  });
});
