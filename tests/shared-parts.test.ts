// The byte-level cuts of an article's N-Triples and Turtle that the combined files are made of
// (scripts/writers/turtle.ts and ntriples.ts), against the plain text forms they replaced: split at blank
// lines, decode, sort, join.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareCodePoints } from "../scripts/lib/code-point-order.ts";
import { blankPieces, endsWithNewline, splitSharedTurtle } from "../scripts/writers/turtle.ts";
import { mergeLines } from "../scripts/writers/ntriples.ts";

const NAMES = ["corpus:", "<https://org-articles.example/corpus#"];
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const text = (pieces: readonly Uint8Array[]) => Buffer.concat(pieces).toString("utf8");

/** What the export did on text before: split at each blank line, keep the blocks not about a shared subject. */
function splitAsText(body: string): { own: string; shared: string[] } {
  const own: string[] = [];
  const shared: string[] = [];
  for (const block of body.split("\n\n")) {
    const subject = block.replace(/^\n+/, "");
    if (NAMES.some((name) => subject.startsWith(name))) shared.push(subject.replace(/\n+$/, ""));
    else own.push(block);
  }
  return { own: shared.length === 0 ? body : own.join("\n\n"), shared };
}

/** What the export did on text before: every line decoded, then both lists merged. */
function mergeAsText(lines: string, extra: string[]): string {
  const a = lines.split("\n").filter((l) => l !== "").map((l) => `${l}\n`);
  const b = [...extra].sort(compareCodePoints);
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compareCodePoints(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  return [...merged, ...a.slice(i), ...b.slice(j)].join("");
}

const TURTLE = [
  "<https://org-articles.example/ifex#ifex> a schema:NGO;\n    schema:name \"IFEX\"@en.",
  "corpus:canada a schema:Country;\n    schema:name \"Canada\"@en.",
  "<https://org-articles.example/ifex#toronto> schema:containedInPlace corpus:canada.",
  "<https://org-articles.example/corpus#montreal> a schema:City;\n    schema:name \"Montréal\"@fr.",
  "<https://org-articles.example/ifex#x> schema:name \"Ω 𝄞 日本\".",
].join("\n\n") + "\n";

describe("splitSharedTurtle", () => {
  it("takes the shared subjects' blocks out of an article's body, and keeps the rest byte for byte", () => {
    const { own, shared } = splitSharedTurtle(utf8(TURTLE), NAMES);
    expect(shared).toEqual([
      "corpus:canada a schema:Country;\n    schema:name \"Canada\"@en.",
      "<https://org-articles.example/corpus#montreal> a schema:City;\n    schema:name \"Montréal\"@fr.",
    ]);
    expect(text(own)).toBe(
      "<https://org-articles.example/ifex#ifex> a schema:NGO;\n    schema:name \"IFEX\"@en.\n\n<https://org-articles.example/ifex#toronto> schema:containedInPlace corpus:canada.\n\n<https://org-articles.example/ifex#x> schema:name \"Ω 𝄞 日本\".\n",
    );
  });

  it("cuts as splitting the decoded text at blank lines did, whatever the blocks and line feeds", () => {
    const block = fc.oneof(
      fc.constantFrom("corpus:a x y.", "<https://org-articles.example/corpus#b> x \"é\".", "<https://org-articles.example/a#c> x y.", "a:b c \"日本\".", ""),
      fc.string({ unit: fc.constantFrom("a", "\n", " ", "é", "𝄞", "c", "o", "r", "p", "u", "s", ":", "<") }),
    );
    const newlines = fc.constantFrom("\n\n", "\n\n\n", "\n", "\n\n\n\n");
    fc.assert(
      fc.property(fc.array(fc.tuple(block, newlines), { maxLength: 8 }), (parts) => {
        const body = parts.map(([b, n]) => b + n).join("");
        const got = splitSharedTurtle(utf8(body), NAMES);
        const want = splitAsText(body);
        expect(text(got.own)).toBe(want.own);
        expect(got.shared).toEqual(want.shared);
        expect(blankPieces(got.own)).toBe(want.own.trim() === "");
        expect(endsWithNewline(got.own)).toBe(want.own.endsWith("\n"));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("blankPieces", () => {
  it("sees white space as String.prototype.trim does, beyond ASCII too", () => {
    expect(blankPieces([utf8(" \n\t"), utf8("\r\n")])).toBe(true);
    expect(blankPieces([utf8("\u00a0\u2028 ")])).toBe(true);
    expect(blankPieces([utf8("\n"), utf8("é")])).toBe(false);
    expect(blankPieces([utf8("\n"), utf8("x")])).toBe(false);
    expect(blankPieces([])).toBe(true);
  });
});

describe("mergeLines", () => {
  it("merges an article's sorted lines and its links' lines as sorting the decoded lines did", () => {
    const line = fc.string({ unit: fc.constantFrom("<", "a", "b", "é", "𝄞", "\uffff", " ", ">", "."), minLength: 1 }).map((l) => `${l}\n`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 5 }), fc.nat(12), (own, extra, cut) => {
        const lines = [...own].sort(compareCodePoints).join("");
        // The article's lines come in one or two pieces (around its shared entities' lines).
        const bytes = utf8(lines);
        const at = Buffer.from(lines.split("\n").slice(0, cut).map((l) => `${l}\n`).join("").slice(0, lines.length), "utf8").length;
        const pieces = cut > 0 && at < bytes.length ? [bytes.subarray(0, at), bytes.subarray(at)] : [bytes];
        expect(text(mergeLines(pieces, extra))).toBe(mergeAsText(lines, extra));
      }),
      { numRuns: 2000 },
    );
  });

  it("merges links before, between and after an article's lines, and into none", () => {
    expect(text(mergeLines([utf8("<a> x y .\n<c> x y .\n")], ["<c> x y .\n", "<d> x y .\n", "<b> x y .\n"]))).toBe("<a> x y .\n<b> x y .\n<c> x y .\n<c> x y .\n<d> x y .\n");
    expect(text(mergeLines([], ["<b> x y .\n"]))).toBe("<b> x y .\n");
  });
});
