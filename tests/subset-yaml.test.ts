// The subset reader (scripts/read/subset-yaml.ts) reads articles as articles are written; whatever
// it reads it must read exactly as the `yaml` reader of record does, and it must decline the rest.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSubset } from "../scripts/read/subset-yaml.ts";
import { precheck } from "../scripts/read/fast-yaml-precheck.ts";
import { readWithYamlLibrary } from "../scripts/read/read-yaml.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { ROOT, tempDir } from "./helpers.ts";

/** "same": read as the `yaml` reader reads it; "declined": left to the other readers. As the fast path runs it: after the text checks. */
function compare(text: string): "same" | "declined" {
  if (precheck(text) === undefined) return "declined";
  const subset = readSubset(text);
  if (subset === undefined) return "declined";
  const reference = readWithYamlLibrary(text, "x.yaml");
  if (!reference.ok) throw new Error(`the subset reader accepted what the yaml reader refuses (${reference.diagnostics[0]?.message}):\n${text}`);
  expect(subset.data, text).toStrictEqual(reference.source.data);
  return "same";
}

const dir = generateCorpus(join(tempDir("subset-yaml-"), "source"), 12).dir;
const articles = [readFileSync(join(ROOT, "source/ifex.yaml"), "utf8"), ...readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"))];

// Scalars whose reading differs between YAML's schemas and styles, and characters that end or
// change a scalar, a key or a line.
const TRICKY = ["0o17", "0x1F", "017", "1_000", "+12", "-0", "1.", ".5", "1e3", ".inf", "-.Inf", ".nan", "~", "null", "Null", "true", "FALSE", "yes", "on", "2001-12-14", "1:20", "é", "𝔉𝔯", "a #b", "a#b", "x: y", "a,b", "[a]", "{a: 1}", "it's", '"', "\\", "@at", "%p", "|", ">", "-", "- a", "?", "\u00a0", "a ", " a"];
const PIECES = [...TRICKY, "\n", "\n  ", "\n    ", "\n- ", "\n  - ", "  ", " ", ":", ": ", "#", " # c", "'", "''", "[", "]", "{", "}", ",", ", ", "-", ">-\n      ", "|\n      ", "key: ", "\n  key: ", "\n\n", "\n\n  "];
const piece = fc.constantFrom(...PIECES);

describe("the subset reader", () => {
  it("reads the project's article and the synthetic articles (so it is what reads them)", () => {
    for (const article of articles) expect(compare(article)).toBe("same");
  });

  it("reads articles with pieces of YAML put in anywhere as the yaml reader does, or declines them", () => {
    let same = 0;
    const edited = fc.tuple(fc.constantFrom(...articles), fc.array(fc.tuple(fc.nat(), fc.array(piece, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 2 })).map(([article, edits]) =>
      edits.reduce((t, [at, parts]) => t.slice(0, at % (t.length + 1)) + parts.join("") + t.slice(at % (t.length + 1)), article),
    );
    fc.assert(
      fc.property(edited, (text) => {
        if (compare(text) === "same") same++;
      }),
      { numRuns: Number(process.env.SUBSET_YAML_RUNS ?? 400), seed: Number(process.env.SUBSET_YAML_SEED ?? 20260107) },
    );
    // Many edits leave an article the subset reads: what it reads was compared, not only declined.
    expect(same).toBeGreaterThan(40);
  });

  it("reads small documents of its shapes as the yaml reader does, or declines them", () => {
    const scalar = fc.oneof(
      fc.constantFrom(...TRICKY),
      fc.constantFrom(...TRICKY).map((s) => JSON.stringify(s)),
      fc.constantFrom(...TRICKY).map((s) => `'${s.replace(/'/g, "''")}'`),
    );
    const value = (indent: string) =>
      fc.oneof(
        scalar,
        fc.array(scalar, { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
        fc.array(fc.tuple(fc.constantFrom("a", "b", "id", "name"), scalar), { maxLength: 3 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
        fc.tuple(fc.constantFrom(">-", ">", "|", "|-"), fc.array(fc.constantFrom(...TRICKY), { minLength: 1, maxLength: 3 })).map(([head, lines]) => `${head}\n${lines.map((l) => `${indent}  ${l}`).join("\n")}`),
      );
    const key = fc.constantFrom("a", "b", "id", "name", "x-y", "k_1", "null", "True", "yes");
    const block = (indent: string, depth: number): fc.Arbitrary<string> => {
      const entry = depth <= 1 ? value(indent).map((v) => ` ${v}`) : fc.oneof(value(indent).map((v) => ` ${v}`), block(`${indent}  `, depth - 1).map((b) => `\n${b}`));
      const mapping = fc.array(fc.tuple(key, entry), { minLength: 1, maxLength: 3 }).map((pairs) => pairs.map(([k, v]) => `${indent}${k}:${v}`).join("\n"));
      const sequence = fc.array(entry, { minLength: 1, maxLength: 3 }).map((items) => items.map((v) => `${indent}-${v}`).join("\n"));
      return fc.oneof(mapping, sequence);
    };
    let same = 0;
    fc.assert(
      fc.property(block("", 3), fc.constantFrom("\n", "", "\n\n", "\n# end\n"), (body, end) => {
        if (compare(`${body}${end}`) === "same") same++;
      }),
      { numRuns: Number(process.env.SUBSET_YAML_RUNS ?? 1500), seed: Number(process.env.SUBSET_YAML_SEED ?? 20260108) },
    );
    expect(same).toBeGreaterThan(80);
  });

  it("reads each key as itself when many keys share its slot among the keys it keeps, and still declines the reserved words", () => {
    // More keys than the reader keeps slots for, prefixes of one another and of the same length:
    // some share a slot, so a kept key must be told from the key in the text by its characters.
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i.toString(36)}`).concat(["k", "ka", "kab", "kb", "id", "name"]);
    for (let round = 0; round < 2; round++) {
      for (const [i, key] of keys.entries()) {
        expect(readSubset(`${key}: ${i}\nx:\n  ${key}: {${key}: [a]}\n`)?.data, key).toStrictEqual({ [key]: i, x: { [key]: { [key]: ["a"] } } });
      }
      for (const word of ["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]) {
        expect(readSubset(`${word}: 1\n`), word).toBeUndefined();
        expect(readSubset(`a: {${word}: 1}\n`), word).toBeUndefined();
      }
    }
  });

  it("declines what it does not follow, however valid", () => {
    for (const doc of [
      "a:\nb: 1\n", // a null value
      "a:\n- x\n", // a sequence at its key's indentation
      "a: b\n  c\n", // a plain scalar over two lines
      'a: "b\\nc"\n', // an escape
      "a: [b,\n  c]\n", // a flow collection over two lines
      "a: >-\n  b\n\n  c\n", // a blank line in a block scalar
      "a: >-\n  b\n    c\n", // a more indented line in a block scalar
      "a: |+\n  b\n", // keep chomping
      "  # an indented comment\na: 1\n",
      "a: -1\n",
      "'a': 1\n",
      "a: 1\na: 2\n",
      "a: [[1]]\n",
    ]) {
      expect(readSubset(doc), doc).toBeUndefined();
    }
  });
});
