// escapeForHtml skips its regular expression when a text holds none of the five characters: each
// one alone, at the start, the end or in the middle, must still be escaped as the expression does.

import { describe, expect, it } from "vitest";
import { escapeForHtml } from "../scripts/writers/jsonld.ts";

const ESCAPED: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

describe("escapeForHtml", () => {
  it("escapes each of < > & U+2028 U+2029 when it is the only one in the text", () => {
    for (const [character, escaped] of Object.entries(ESCAPED)) {
      for (const [before, after] of [["", ""], ["", ' "x"'], ['{"a": "', '"}'], ["é 言", ""]]) {
        expect(escapeForHtml(`${before}${character}${after}`)).toBe(`${before}${escaped}${after}`);
      }
    }
  });

  it("returns a text without them as it is, and escapes all of them together", () => {
    expect(escapeForHtml('{"name": "Société 言論 𝔉"}')).toBe('{"name": "Société 言論 𝔉"}');
    expect(escapeForHtml("<>&\u2028\u2029<")).toBe("\\u003c\\u003e\\u0026\\u2028\\u2029\\u003c");
  });
});
