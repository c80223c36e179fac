// The fast path's text checks (scripts/read/fast-yaml-precheck.ts) are the regular expressions below,
// but for the block scalar header, asked line by line (the expression over the whole text is
// quadratic): on every text they must decline exactly what these decline and give the same indentation.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { precheck } from "../scripts/read/fast-yaml-precheck.ts";
import { MAX_SOURCE_BYTES } from "../scripts/read/source-limits.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { ifexYaml, tempDir } from "./helpers.ts";

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const UNUSUAL = /[\t\r\uFEFF\u2028\u2029]/;
const AT_START = /^(?:%|---|\.\.\.| *:|!|[&*][^\s[\]{},]|\?(?:\s|$))/;
const AT_LINE_START = /\n(?:%|---|\.\.\.| *:)/;
const AT_NODE_START = /[\s[\]{},](?:!|[&*][^\s[\]{},]|\?(?:\s|$))/;
const FLOW_KEY = /[\]}] *:/;
const BARE_ITEM = /(?:^|[\n ])- *(?:#|\n|$)/;
const HASH_AFTER_CLOSE = /["'\]}]#/;
const BLANK_BLOCK_START = /[|>][-+0-9]* *(?:#[^\n]*)?\n *\n/;

function deepestIndent(text: string): number | undefined {
  let deepest = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let i = start;
    while (text.charCodeAt(i) === 0x20) i++;
    if (i - start > deepest) deepest = i - start;
    if (end - start > 1024 && text.slice(start + 1024, end).includes(":")) return undefined;
    start = end + 1;
  }
  return deepest;
}

/** The checks as they were, one expression each. */
function reference(text: string): number | undefined {
  const wellFormed = (text as unknown as { isWellFormed(): boolean }).isWellFormed();
  if (text.length > MAX_SOURCE_BYTES || CONTROL.test(text) || !wellFormed || UNUSUAL.test(text)) return undefined;
  if (AT_START.test(text) || AT_LINE_START.test(text) || AT_NODE_START.test(text) || FLOW_KEY.test(text) || BARE_ITEM.test(text)) return undefined;
  if (HASH_AFTER_CLOSE.test(text) || BLANK_BLOCK_START.test(text)) return undefined;
  if (Buffer.byteLength(text, "utf8") > MAX_SOURCE_BYTES) return undefined;
  return deepestIndent(text);
}

// Every character some check is about, white space of all kinds (JavaScript's \s and lookalikes
// that are not), controls, surrogate halves, and runs that make a line reach 1024 characters.
const PIECES = [
  "a", "Z", "1", " ", "  ", "\n", "\n  ", ":", ": ", "#", " #", "-", "- ", "--", "---", "...", ".", "..", "%", "!", "&", "*", "?", "? ",
  "[", "]", "{", "}", ",", "'", '"', "|", ">", "|-", ">+", "2", "+", "\t", "\r", "\r\n", "\u0000", "\u0007", "\u000b", "\u000c", "\u001f", "\u007f",
  "\u0080", "\u0085", "\u009f", "\u00a0", "é", "\u07ff", "\u0800", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f",
  "\u205f", "\u3000", "\ufeff", "\ufffe", "𝔉", "\ud800", "\udbff", "\udc00", "\udfff", "x".repeat(1000), " ".repeat(20),
];
const piece = fc.constantFrom(...PIECES);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));

const agree = (t: string): void => void expect(precheck(t), JSON.stringify(t.length > 200 ? `${t.slice(0, 200)}…` : t)).toBe(reference(t));

describe("the fast path's text checks", () => {
  it("give the regular expressions' verdict and indentation on strings of the characters they are about", () => {
    fc.assert(fc.property(text, (t) => agree(t)), { numRuns: 5_000, seed: 20260102 });
  });

  it("give the same verdicts on articles with such characters put in anywhere", () => {
    const dir = generateCorpus(join(tempDir("precheck-"), "source"), 12).dir;
    const articles = [ifexYaml(), ...readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"))];
    // Ordinary articles pass the checks, as the reference passes them.
    for (const article of articles) {
      expect(precheck(article)).toBeGreaterThan(0);
      agree(article);
    }
    const edited = fc.tuple(fc.constantFrom(...articles), fc.array(fc.tuple(fc.nat(), text), { minLength: 1, maxLength: 3 })).map(([article, edits]) =>
      edits.reduce((t, [at, insert]) => t.slice(0, at % (t.length + 1)) + insert + t.slice(at % (t.length + 1)), article),
    );
    fc.assert(fc.property(edited, (t) => agree(t)), { numRuns: 1_000, seed: 20260103 });
  });

  it("decline texts of more UTF-8 bytes than the limit, and a `:` past the 1024th character of a line", () => {
    for (const t of ["a".repeat(MAX_SOURCE_BYTES), "a".repeat(MAX_SOURCE_BYTES + 1), "é".repeat(MAX_SOURCE_BYTES / 2), `${"é".repeat(MAX_SOURCE_BYTES / 2)}a`, "𝔉".repeat(MAX_SOURCE_BYTES / 4 + 1)]) agree(t);
    expect(precheck("a".repeat(MAX_SOURCE_BYTES))).toBe(0);
    expect(precheck(`${"é".repeat(MAX_SOURCE_BYTES / 2)}a`)).toBeUndefined();
    for (const at of [1022, 1023, 1024, 1025]) agree(`k: v\n  ${"x".repeat(at - 2)}: y\n`);
    expect(precheck(`${"x".repeat(1024)}: y\n`)).toBeUndefined();
    expect(precheck(`${"x".repeat(1023)}: y\n`)).toBe(0);
  });

  it("stay linear on a long line of block scalar headers with comments", () => {
    // Each `>#` looks for the line's end; a pass that searched it anew each time would take minutes
    // (so would the reference expression BLANK_BLOCK_START, which is why it is not asked here).
    const t = ">#".repeat(MAX_SOURCE_BYTES / 4);
    expect(precheck(`${t}\n`)).toBe(0);
    expect(precheck(`${t}\n\n`)).toBeUndefined();
    expect(precheck(t)).toBe(0);
  });
});
