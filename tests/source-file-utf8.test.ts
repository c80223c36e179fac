// readSourceFile accepts a file as UTF-8 when Node's isUtf8 does, and locates the first bad byte
// with firstInvalidUtf8: the two must agree on which byte strings are UTF-8.

import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInvalidUtf8 } from "../scripts/read/source-file.ts";

// Bytes near every boundary of UTF-8: ASCII, continuation bytes, lead bytes of each length, the
// leads of overlong forms (C0, C1, E0, F0), of surrogates (ED) and of code points past U+10FFFF (F4, F5+).
const BYTES = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfe, 0xff];
const encoded = fc.string({ unit: "binary", maxLength: 8 }).map((s) => [...Buffer.from(s, "utf8")]);
// A lead byte and up to three bytes at the edges of the continuation range: overlong, surrogate and too-large forms.
const sequence = fc.tuple(fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5), fc.array(fc.constantFrom(0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0), { maxLength: 3 })).map(([lead, rest]) => [lead, ...rest]);
const bytes = fc.array(fc.oneof(fc.constantFrom(...BYTES).map((b) => [b]), encoded, sequence), { maxLength: 12 }).map((parts) => Buffer.from(parts.flat()));

describe("the UTF-8 check of source files", () => {
  it("accepts exactly the byte strings Node's isUtf8 accepts", () => {
    let valid = 0;
    fc.assert(
      fc.property(bytes, (b) => {
        expect(isUtf8(b), b.toString("hex")).toBe(firstInvalidUtf8(b) < 0);
        if (isUtf8(b)) valid++;
      }),
      { numRuns: 5_000, seed: 20260104 },
    );
    // Both kinds were tried, many times.
    expect(valid).toBeGreaterThan(250);
    expect(valid).toBeLessThan(4_750);
  });
});
