// Input built to exhaust the exporter is refused with a clear, located message before it can:
// alias bombs, huge files, deep nesting, empty files, binary files, other encodings, odd YAML.

import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readYaml } from "../scripts/read/read-yaml.ts";
import { readSourceFile } from "../scripts/read/source-file.ts";
import { MAX_NESTING, MAX_SOURCE_BYTES } from "../scripts/read/source-limits.ts";
import type { Diagnostic } from "../scripts/lib/diagnostic.ts";
import { ifexDist, ifexYaml, ROOT, runExport, snapshot, tempDir } from "./helpers.ts";
import { exportInMemory } from "./reference/pipeline.ts";
import { inlineDefs } from "../scripts/validate/inline-defs.ts";

function refused(text: string): Diagnostic[] {
  const result = readYaml(text, "a.yaml");
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.diagnostics;
}

/** `levels` anchors, each aliasing the one before ten times: 10^levels strings once expanded. */
function aliasBomb(levels: number): string {
  let text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (let i = 1; i <= levels; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return text;
}

describe("resource limits", () => {
  it("refuses a YAML alias bomb at its first alias", () => {
    const [problem, ...rest] = refused(aliasBomb(30));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 2, col: 10, message: expect.stringMatching(/^the YAML's aliases \(\*name\) expand to too much data/), expected: "at most 100 alias expansions" });
  });

  it("still allows a few aliases", () => {
    expect(readYaml("a: &x [1, 2]\nb: *x\n", "a.yaml").ok).toBe(true);
  });

  it("refuses a text bigger than the limit without parsing it", () => {
    const [problem] = refused(`a: "${"x".repeat(MAX_SOURCE_BYTES)}"\n`);
    expect(problem).toMatchObject({ line: 1, col: 1, message: "the file is too big for an article", expected: `at most ${MAX_SOURCE_BYTES} bytes`, found: `${MAX_SOURCE_BYTES + 6} bytes` });
  });

  it("refuses nesting a thousand levels deep, in flow and in block style, where it gets too deep", () => {
    const flow = refused(`a: ${"[".repeat(1000)}${"]".repeat(1000)}\n`);
    expect(flow).toEqual([{ file: "a.yaml", line: 1, col: 4 + MAX_NESTING, message: "the YAML is nested too deeply here", expected: `at most ${MAX_NESTING} levels of nesting (an article needs about 6)`, found: "more" }]);
    const block = refused(`${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n`);
    expect(block).toHaveLength(1);
    expect(block[0]!.line).toBeLessThanOrEqual(MAX_NESTING + 1);
    const oneLine = refused(`${"- ".repeat(1000)}x\n`);
    expect(oneLine[0]!.line).toBe(1);
    expect(readYaml(`a: ${"[".repeat(20)}${"]".repeat(20)}\n`, "a.yaml").ok).toBe(true);
  });

  it("does not count brackets inside quoted or block text as nesting", () => {
    const brackets = "[".repeat(200);
    expect(readYaml(`a: "${brackets}"\nb: '${brackets}'\nc: |\n  ${brackets}\nd: x${brackets}\n`, "a.yaml").ok).toBe(true);
  });

  it("refuses an empty file and a file of only comments", () => {
    for (const text of ["", "\n\n", "# nothing here\n", "---\n", "~\n"]) {
      expect(refused(text)).toEqual([{ file: "a.yaml", line: 1, col: 1, message: "the file holds no data", expected: "an article: a mapping with article, infobox and organizations", found: "an empty document" }]);
    }
  });

  it("refuses NUL and other control characters at their exact place", () => {
    expect(refused("a: 1\nb: x\u0000y\n")).toMatchObject([{ line: 2, col: 5, message: "the file is binary, not YAML text (it holds a NUL byte)" }]);
    const problems = refused("a: ok\nb: 'x\u001b[31my'\n# \u0085\n");
    expect(problems.map((p) => [p.line, p.col, p.found])).toEqual([
      [2, 6, "U+001B ESCAPE"],
      [3, 3, "U+0085 NEXT LINE"],
    ]);
    expect(problems[0]!.message).toMatch(/no output format can carry/);
  });

  it("lists at most twenty control characters, then says how many more", () => {
    const problems = refused(`a: "${"\u0007".repeat(50)}"\n`);
    expect(problems).toHaveLength(21);
    expect(problems[20]).toMatchObject({ line: 1, col: 25, message: "and 30 more control characters from here on" });
  });

  it("refuses a %YAML 1.1 directive, which would change what yes, 017 and dates mean", () => {
    expect(refused("%YAML 1.1\n---\na: 017\nb: yes\n")).toEqual([
      { file: "a.yaml", line: 1, col: 1, message: "the file asks for YAML 1.1, which reads yes, 017 and dates differently", expected: "YAML 1.2 (remove the %YAML directive)", found: "%YAML 1.1" },
    ]);
    expect(readYaml("%YAML 1.2\n---\na: 017\nb: yes\n", "a.yaml")).toMatchObject({ ok: true, source: { data: { a: 17, b: "yes" } } });
  });

  it("refuses YAML tags that would turn text into bytes, sets or unknown things", () => {
    expect(refused("a: !!binary aGk=\n")[0]).toMatchObject({ line: 1, col: 13, message: 'the YAML tag "!!binary" is not allowed in an article' });
    expect(refused("a: !!set {x}\n")[0]).toMatchObject({ message: 'the YAML tag "!!set" is not allowed in an article' });
    expect(refused("a: !custom x\n")[0]).toMatchObject({ line: 1, col: 4, message: expect.stringMatching(/^an unknown YAML tag/) });
    expect(readYaml("a: !!str 1992\n", "a.yaml")).toMatchObject({ ok: true, source: { data: { a: "1992" } } });
  });
});

describe("source files on disk", () => {
  const dir = tempDir("files-");
  const write = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  it("refuses a file of tens of megabytes by its size, without reading it", () => {
    const path = join(dir, "huge.yaml");
    execFileSync("truncate", ["-s", "40M", path]);
    expect(readSourceFile(path, "huge.yaml")).toEqual({ ok: false, diagnostic: { file: "huge.yaml", line: 1, col: 1, message: "the file is too big for an article", expected: `at most ${MAX_SOURCE_BYTES} bytes`, found: "41943040 bytes" } });
  });

  it("refuses a binary file at its first NUL byte", () => {
    const path = write("image.yaml", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const result = readSourceFile(path, "image.yaml");
    expect(result).toMatchObject({ ok: false, diagnostic: { message: "the file is binary, not YAML text (it holds a NUL byte)" } });
  });

  it("refuses text that is not UTF-8 at the first bad byte, instead of replacing it", () => {
    const path = write("latin1.yaml", Buffer.concat([Buffer.from("a: ok\nb: caf"), Buffer.from([0xe9]), Buffer.from("\n")]));
    expect(readSourceFile(path, "latin1.yaml")).toEqual({ ok: false, diagnostic: { file: "latin1.yaml", line: 2, col: 7, message: "the file is not UTF-8 text", expected: "UTF-8 (save the file as UTF-8)", found: "the byte 0xE9" } });
    for (const bytes of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      expect(readSourceFile(write("bad.yaml", Buffer.concat([Buffer.from("a: "), Buffer.from(bytes)])), "bad.yaml")).toMatchObject({ ok: false, diagnostic: { line: 1, col: 4 } });
    }
  });

  it("reads UTF-8 exactly, with or without a byte-order mark", () => {
    const text = "a: é 😀 مرحبا e\u0301\n";
    expect(readSourceFile(write("ok.yaml", text), "ok.yaml")).toEqual({ ok: true, text });
    expect(readSourceFile(write("bom.yaml", `\uFEFF${text}`), "bom.yaml")).toEqual({ ok: true, text: `\uFEFF${text}` });
  });

  it("refuses a folder or a device named like a source", () => {
    mkdirSync(join(dir, "folder.yaml"));
    expect(readSourceFile(join(dir, "folder.yaml"), "folder.yaml")).toMatchObject({ ok: false, diagnostic: { message: "this is not a regular file", found: "a folder" } });
    execFileSync("mkfifo", [join(dir, "pipe.yaml")]);
    expect(readSourceFile(join(dir, "pipe.yaml"), "pipe.yaml")).toMatchObject({ ok: false, diagnostic: { message: "this is not a regular file", found: "a special file" } });
  });

  it("the command line reports every unusable file at once, exits 1 and leaves the output folder alone", () => {
    const sources = tempDir("sources-");
    writeFileSync(join(sources, "ifex.yaml"), ifexYaml());
    execFileSync("truncate", ["-s", "30M", join(sources, "huge.yaml")]);
    writeFileSync(join(sources, "binary.yaml"), Buffer.from([0x00, 0x01, 0x02]));
    writeFileSync(join(sources, "empty.yaml"), "");
    writeFileSync(join(sources, "bomb.yaml"), aliasBomb(30));
    writeFileSync(join(sources, "deep.yaml"), `a: ${"[".repeat(1000)}${"]".repeat(1000)}\n`);
    const out = tempDir("out-");
    cpSync(ifexDist(), out, { recursive: true });
    const result = runExport(["--source", sources, "--out", out]);
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n").filter((l) => l.includes(": error: "));
    expect(lines.map((l) => l.replace(/^.*\/(\w+\.yaml)/, "$1").replace(/, expected.*$/, ""))).toEqual([
      "binary.yaml:1:1: error: the file is binary, not YAML text (it holds a NUL byte)",
      "bomb.yaml:2:10: error: the YAML's aliases (*name) expand to too much data: Excessive alias count indicates a resource exhaustion attack",
      `deep.yaml:1:${4 + MAX_NESTING}: error: the YAML is nested too deeply here`,
      "empty.yaml:1:1: error: the file holds no data",
      "huge.yaml:1:1: error: the file is too big for an article",
    ]);
    expect(snapshot(out)).toEqual(snapshot(ifexDist()));
    expect(readFileSync(join(sources, "ifex.yaml"), "utf8")).toBe(ifexYaml());
  });
});

describe("no input makes validation slow", () => {
  const ifex = ifexYaml();

  it("refuses a URL of nearly a megabyte at once (the URL pattern cannot backtrack: it took minutes)", () => {
    const url = `https://${"a".repeat(MAX_SOURCE_BYTES - ifex.length - 100)} x`;
    const result = exportInMemory([{ file: "source/ifex.yaml", text: ifex.replace("    homepage: https://ifex.org/", `    homepage: "${url}"`) }]);
    expect(result.ok ? [] : [...new Set(result.diagnostics.map((d) => d.message))]).toEqual(["organizations[0].homepage is too long", "organizations[0].homepage is not well formed"]);
  });

  it("finds a duplicate among 60 000 keys at its place (the yaml library's own check took a minute), 1 and \"1\" being the same key", () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`);
    const text = `${keys.join("\n")}\nk123: 2\n`;
    expect(refused(text)).toEqual([{ file: "a.yaml", line: 60_001, col: 1, message: 'duplicate key "k123"', expected: "each key once in a mapping", found: "it a second time" }]);
    expect(refused('a: 1\n1: x\n"1": y\n')).toMatchObject([{ line: 3, col: 1, message: 'duplicate key "1"' }]);
  });

  it("the schema is compiled with its definitions inlined, so ajv reports many errors in linear time", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas/article.schema.json"), "utf8"));
    const inlined = inlineDefs(schema);
    const refs = JSON.stringify({ ...inlined, $defs: {} }).match(/"\$ref"/g) ?? [];
    expect(JSON.stringify(schema)).toContain('"$ref"');
    expect(refs).toEqual([]);
    expect(inlineDefs({ a: { $ref: "#/$defs/x", description: "here" }, $defs: { x: { type: "string", description: "there" } } })).toEqual({ a: { type: "string", description: "here" }, $defs: { x: { type: "string", description: "there" } } });
    const problems = exportInMemory([{ file: "a.yaml", text: `article: {}\norganizations: [${Array(20_000).fill("1").join(",")}]\n` }]);
    expect(problems.ok ? 0 : problems.diagnostics.filter((d) => /^organizations\[\d+\] has the wrong type$/.test(d.message)).length).toBe(20_000);
  });

  it("every list whose items must differ declares their type, so ajv compares them in linear time, not pairwise", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schemas/article.schema.json"), "utf8"));
    const unique: unknown[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        const n = node as { uniqueItems?: boolean; items?: { type?: string } };
        if (n.uniqueItems) unique.push(n.items?.type);
        Object.values(node).forEach(walk);
      }
    };
    walk(schema);
    expect(unique.length).toBeGreaterThanOrEqual(4);
    expect(unique.every((type) => type === "string")).toBe(true);
  });
});

