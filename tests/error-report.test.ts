// How problems reach people and tools: file:line:col lines with a code frame on a terminal, JSON with
// --errors=json, GitHub workflow annotations under GITHUB_ACTIONS=true, and the exit codes.

import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../scripts/report/report.ts";
import { codeFrame } from "../scripts/report/code-frame.ts";
import { annotation, escapeData, escapeProperty } from "../scripts/report/github-annotations.ts";
import { visible } from "../scripts/lib/characters.ts";
import type { Diagnostic } from "../scripts/lib/diagnostic.ts";
import { CLI, ifexProject, ifexSources, ifexYaml, runExport, tempDir } from "./helpers.ts";

const base = { errors: "text" as const, sources: new Map<string, string>(), codeFrames: false, githubActions: false, out: "dist" };
const d = (line: number, col: number, message: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({ file: "source/a.yaml", line, col, message, ...extra });

describe("the text report", () => {
  it("prints file:line:col: error: what, expected X, found Y, sorted by position, then a summary", () => {
    const { stdout, stderr } = renderReport([d(9, 2, "second", { expected: "x", found: "y" }), d(3, 7, "first"), d(3, 7, "first")], base);
    expect(stdout).toBe("");
    expect(stderr).toBe("source/a.yaml:3:7: error: first\nsource/a.yaml:9:2: error: second, expected x, found y\n2 problems; dist/ left as it was\n");
  });

  it("adds a code frame with a caret under the column when asked (a terminal)", () => {
    const text = "article:\n  slug: ifex\n  title: [oops\n  language: en\n";
    const { stderr } = renderReport([d(3, 10, "bad")], { ...base, codeFrames: true, sources: new Map([["source/a.yaml", text]]) });
    expect(stderr).toBe(["source/a.yaml:3:10: error: bad", "  2 |   slug: ifex", "> 3 |   title: [oops", "    |          ^", "  4 |   language: en", "1 problem; dist/ left as it was", ""].join("\n"));
  });

  it("cannot be used to act on the terminal or the CI log: control, bidi and ##[ are shown escaped", () => {
    const hostile = 'x\u001b[31m\u202Eevil\u0085 ##[error]fake';
    const { stderr } = renderReport([d(1, 1, `bad ${hostile}`, { found: JSON.stringify(hostile) })], { ...base, codeFrames: true, sources: new Map([["source/a.yaml", `a: ${hostile}\n`]]) });
    expect(stderr).not.toMatch(/[\u001b\u202E\u0085]/);
    expect(stderr).not.toContain("##[");
    expect(stderr).toContain("\\u001B[31m\\u202Eevil\\u0085 #\\u0023[error]fake");
    expect(visible("ok 😀 مرحبا e\u0301")).toBe("ok 😀 مرحبا e\u0301");
  });

  it("cuts a very long line around the caret, keeping the caret under the column", () => {
    const line = `a: ${"x".repeat(500)}!${"y".repeat(500)}`;
    const frame = codeFrame(line, 1, 504);
    const [shown, caret] = frame.split("\n");
    expect(shown!.length).toBeLessThan(140);
    expect(shown![caret!.indexOf("^")]).toBe("!");
  });
});

describe("--errors=json", () => {
  it("puts the sorted problems on stdout as a JSON array, nothing on stderr", () => {
    const { stdout, stderr } = renderReport([d(9, 2, "second"), d(3, 7, "first", { expected: "e", found: "f" })], { ...base, errors: "json" });
    expect(JSON.parse(stdout)).toEqual([d(3, 7, "first", { expected: "e", found: "f" }), d(9, 2, "second")]);
    expect(stderr).toBe("");
  });
});

describe("GitHub Actions annotations", () => {
  it("escape the message (%, CR, LF) and the properties (also : and ,)", () => {
    expect(escapeData("100% a\r\nb")).toBe("100%25 a%0D%0Ab");
    expect(escapeProperty("C:\\x,y%.yaml")).toBe("C%3A\\x%2Cy%25.yaml");
    expect(annotation({ file: "dir,1/a:b.yaml", line: 4, col: 2, message: "50% wrong: here", expected: "a, b", found: '"x"' })).toBe(
      '::error file=dir%2C1/a%3Ab.yaml,line=4,col=2::50%25 wrong: here, expected a, b, found "x"',
    );
  });

  it("go to stdout with text errors and to stderr with JSON errors, so stdout stays JSON", () => {
    const text = renderReport([d(3, 7, "first")], { ...base, githubActions: true });
    expect(text.stdout).toBe("::error file=source/a.yaml,line=3,col=7::first\n");
    const json = renderReport([d(3, 7, "first")], { ...base, githubActions: true, errors: "json" });
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    expect(json.stderr).toBe("::error file=source/a.yaml,line=3,col=7::first\n");
  });
});

describe("the command line", () => {
  it("exits 1 on invalid input, with JSON on stdout and annotations on stderr", () => {
    const sources = ifexSources();
    const file = join(sources, "ifex.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    founderCount: 12\n", "    founderCount: twelve\n").replace("  language: en\n", "  language: en\n  colour: red\n"));
    const out = tempDir("out-");
    const result = runExport(["--source", sources, "--out", out, "--errors=json"], { env: { GITHUB_ACTIONS: "true" } });
    expect(result.status).toBe(1);
    const problems = JSON.parse(result.stdout) as Diagnostic[];
    expect(problems.map((p) => p.message)).toEqual(['unknown key "colour" in article', "organizations[0].founderCount has the wrong type"]);
    expect(problems[0]!.line).toBeLessThan(problems[1]!.line);
    const annotations = result.stderr.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toHaveLength(2);
    expect(annotations[1]).toMatch(new RegExp(`^::error file=[^,]*ifex\\.yaml,line=${problems[1]!.line},col=19::organizations\\[0\\]\\.founderCount has the wrong type, expected integer, found "twelve"$`));
  });

  it("keeps stdout JSON with --errors=json when there is no problem: []", () => {
    const result = runExport(["--out", tempDir("out-"), "--errors=json"], { cwd: ifexProject() });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).toMatch(/^exported: 1 article,/);
  });

  it("exits 2 on wrong usage: an unknown format, and an output folder it must not replace", () => {
    const formats = runExport(["--formats", "csv,pdf", "--out", tempDir()], { cwd: ifexProject() });
    expect(formats.status).toBe(2);
    expect(formats.stderr).toMatch(/unknown format pdf/);
    const sources = ifexSources();
    const out = runExport(["--source", sources, "--out", sources]);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/refusing --out .*source folder/);
    expect(readFileSync(join(sources, "ifex.yaml"), "utf8")).toBe(ifexYaml());
  });

  it("shows code frames when stderr is a terminal (run under script(1), which gives it one)", () => {
    const sources = ifexSources();
    const file = join(sources, "ifex.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    founderCount: 12\n", "    founderCount: twelve\n"));
    const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const command = [process.execPath, "--import", import.meta.resolve("tsx"), CLI, "--source", sources, "--out", tempDir()].map(quote).join(" ");
    const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    const lines = result.stdout.replace(/\r/g, "").split("\n");
    const at = lines.findIndex((l) => l.includes("founderCount has the wrong type"));
    const source = readFileSync(file, "utf8").split("\n");
    const n = source.indexOf("    founderCount: twelve") + 1;
    const w = String(n + 1).length;
    expect(lines.slice(at + 1, at + 5)).toEqual([
      `  ${String(n - 1).padStart(w)} | ${source[n - 2]}`,
      `> ${String(n).padStart(w)} |     founderCount: twelve`,
      `  ${" ".repeat(w)} |                   ^`,
      `  ${String(n + 1).padStart(w)} | ${source[n]}`,
    ]);
  });
});
