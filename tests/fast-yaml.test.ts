// The reader's fast path (js-yaml, scripts/read/fast-yaml.ts) must give exactly the data the `yaml`
// reader of record gives, and never accept a text that reader refuses; when unsure it declines.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { loadFast } from "../scripts/read/fast-yaml.ts";
import { readWithYamlLibrary, readYaml } from "../scripts/read/read-yaml.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { IFEX_SOURCE, ROOT, tempDir } from "./helpers.ts";

/** "same": the fast path read it as the `yaml` reader does; "declined": it left it to that reader. */
function compare(text: string): "same" | "declined" {
  const fast = loadFast(text);
  if (fast === undefined) return "declined";
  const reference = readWithYamlLibrary(text, "x.yaml");
  if (!reference.ok) throw new Error(`the fast path accepted what the yaml reader refuses (${reference.diagnostics[0]?.message}):\n${text}`);
  expect(fast.data, text).toStrictEqual(reference.source.data);
  return "same";
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

// Scalars whose meaning differs between YAML 1.1, js-yaml's default schema and YAML 1.2's core schema.
const TRICKY = [
  "0o17", "0x1F", "0x1f", "-0x1F", "017", "0b101", "1_000", "1,000", "+12", "-0", "1.", ".5", "-.5", "1e3", "1E-3", "+1.5e+3", "1.0", "3.14159",
  ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "nan", "inf", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "yes", "no",
  "on", "off", "y", "n", "Yes", "NO", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "12:30:45", "1:20", "0.1.2", "12345678901234567890", "=", "<<",
  "é", "𝔉𝔯𝔢𝔢", "حرية", "a # not a comment", "a#b", "x: y", "- item", "[a]", "{a: 1}", "'", '"', "\\", "@at", "`tick", "%pct", "!bang", "&amp", "*star", "|", ">",
];

const text = fc.array(fc.constantFrom("a", "b", " ", "  ", ":", ": ", "#", " #", "-", "- ", "'", '"', "[", "]", "{", "}", ",", "\t", "é", "𝔉", "\\", "\n", "1", ".", "?", "!", "&", "*"), { maxLength: 12 }).map((parts) => parts.join(""));
const word = fc.array(fc.constantFrom("a", "Zo", "é", "𝔉", "1", "-", " ", "x y", ".", "'", "("), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("").trim() || "w");
const scalarText = fc.oneof({ arbitrary: fc.constantFrom(...TRICKY), weight: 2 }, { arbitrary: word, weight: 3 }, { arbitrary: text, weight: 1 });

/** A scalar written in one of YAML's styles (plain ones may well be broken YAML: that is tested too). */
const scalar = (indent: string) =>
  fc.oneof(
    scalarText,
    scalarText.map((s) => `'${s.replace(/'/g, "''")}'`),
    scalarText.map((s) => JSON.stringify(s)),
    fc.tuple(fc.constantFrom("|", ">", "|-", ">-", "|+", ">+", "|2"), fc.array(text, { minLength: 1, maxLength: 3 })).map(([head, lines]) => `${head}\n${lines.map((l) => `${indent}  ${l}`).join("\n")}`),
    fc.tuple(scalarText, scalarText).map(([a, b]) => `${a}\n${indent}  ${b}`),
    fc.array(scalarText, { maxLength: 3 }).map((items) => `[${items.join(", ")}]`),
    fc.array(scalarText, { maxLength: 3 }).map((items) => `[\n${items.map((i) => `${indent}${i}`).join(",\n")}\n${indent}]`),
    fc.tuple(scalarText, scalarText).map(([k, v]) => `{${k}: ${v}}`),
  );

const key = fc.oneof(word, fc.constantFrom("name", "id", "type", "1", "01", "1.0", "true", "null", "~", "yes", "0x1", "a b", "é", "<<", "__proto__", "'q'", '"d"', "[k]"), text);
const comment = fc.oneof({ arbitrary: fc.constantFrom("", "  # note", " #x"), weight: 9 }, { arbitrary: fc.constant("\t# tab"), weight: 1 });

/** A block collection, `depth` levels deep at most, each entry maybe with a comment. */
function block(indent: string, depth: number): fc.Arbitrary<string> {
  const value = depth <= 1 ? scalar(indent).map((s) => ` ${s}`) : fc.oneof(scalar(indent).map((s) => ` ${s}`), block(`${indent}  `, depth - 1).map((b) => `\n${b}`));
  const mapping = fc.array(fc.tuple(key, value, comment), { minLength: 1, maxLength: 4 }).map((pairs) => pairs.map(([k, v, c]) => `${indent}${k}:${v}${v.includes("\n") ? "" : c}`).join("\n"));
  const sequence = fc.array(fc.tuple(value, comment), { minLength: 1, maxLength: 4 }).map((items) => items.map(([v, c]) => `${indent}-${v}${v.includes("\n") ? "" : c}`).join("\n"));
  return fc.oneof(mapping, sequence);
}

describe("the reader's fast path", () => {
  it("reads the project's article, every YAML fixture and synthetic articles as the yaml reader does", () => {
    const synthetic = generateCorpus(join(tempDir("fast-yaml-"), "source"), 30).dir;
    // tests/fixtures/ifex/ifex.yaml first: the project's article.
    const files = [join(IFEX_SOURCE, "ifex.yaml"), ...yamlFiles(join(ROOT, "tests/fixtures")), ...yamlFiles(synthetic)];
    const results = files.map((file) => compare(readFileSync(file, "utf8")));
    // The article and the synthetic ones are ordinary: all read by the fast path.
    expect(results[0]).toBe("same");
    expect(results.slice(-30).every((r) => r === "same")).toBe(true);
  });

  it("resolves every tricky scalar by YAML 1.2's core schema, plain, quoted and as a key", () => {
    let same = 0;
    for (const s of TRICKY) {
      for (const doc of [`value: ${s}\n`, `list: [${s}]\n`, `${s}: 1\n`, `q: '${s.replace(/'/g, "''")}'\n`, `- ${s}\n- ${JSON.stringify(s)}\n`]) {
        if (compare(doc) === "same") same++;
      }
    }
    expect(same).toBeGreaterThan(TRICKY.length * 3);
    expect(loadFast("a: 0o17\nb: 0x1F\nc: 1_000\nd: .inf\ne: ~\nf: yes\ng: 2001-12-14\nh: '12'\ni: 0b101\n")!.data).toStrictEqual({
      a: 15, b: 31, c: "1_000", d: Infinity, e: null, f: "yes", g: "2001-12-14", h: "12", i: "0b101",
    });
  });

  it("gives the yaml reader's data or declines, over generated documents", () => {
    // The yaml library warns on the console about collections as keys (`[a]: 1`), which it reads as text.
    const quiet = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    let same = 0;
    let runs = 0;
    try {
      fc.assert(
        fc.property(block("", 3), fc.constantFrom("", "\n", "\n\n", "# head\n", "", "\n", "---\n"), (body, head) => {
          const doc = `${head}${body}\n`;
          if (readWithYamlLibrary(doc, "x.yaml").ok) runs++;
          if (compare(doc) === "same") same++;
        }),
        { numRuns: Number(process.env.FAST_YAML_RUNS ?? 1500), seed: Number(process.env.FAST_YAML_SEED ?? 20260101) },
      );
    } finally {
      quiet.mockRestore();
    }
    // Not all declined: of the documents the yaml reader reads, the fast path read many.
    expect(same).toBeGreaterThan(runs / 3);
  });

  it("declines anchors, aliases, tags, duplicate keys, several documents, directives and broken YAML", () => {
    for (const doc of ["a: &x {b: 1}\nc: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: yes\n", "a: [1, 2\n", "a:\n\t- b\n", "~: 1\n", "? a\n: b\n", "[a]: 1\n", "- -\n- a\n", "-\n  -\n    #: []\n- []\n", "- {a: }#}\n", "- []#]\n", "a: |\n    \n  text\n"]) {
      expect(loadFast(doc), doc).toBeUndefined();
    }
  });

  it("finds positions with the yaml library, for data it read", () => {
    const read = readYaml("article:\n  slug: x\n  title: y\n", "x.yaml");
    expect(read.ok && loadFast("article:\n  slug: x\n  title: y\n")).toBeTruthy();
    if (read.ok) expect(read.source.positionOf(["article", "title"])).toEqual({ line: 3, col: 10 });
  });
});
