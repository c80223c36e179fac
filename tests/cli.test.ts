// The command line as a person uses it: --help with every option, choosing the source folder, the
// output folder and the formats, one summary line at the end, and a progress line only on a
// terminal and only when the work takes more than a moment.

import { readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { progressLine } from "../scripts/cli/progress.ts";
import { FORMAT_FILES, FORMATS } from "../scripts/writers/formats.ts";
import { ifexProject, ifexSources, runExport, tempDir } from "./helpers.ts";

// The summary line; "; IRIs under the example base …" follows when no base was set (issue 15).
const SUMMARY = /^(exported|unchanged): (\d+) articles?, (\d+) files, (\d+) bytes in (.+)\/ \((\d+\.\d\d) s\)(?:; IRIs under the example base \S+ \(set base: in source\/corpus\.yaml, or --base\))?$/;

describe("export --help", () => {
  const help = runExport(["--help"]);

  it("lists every option and every format, and exits 0", () => {
    expect(help.status).toBe(0);
    for (const option of ["--source DIR", "--out DIR", "--formats LIST", "--errors FORMAT", "-h, --help", "SOURCE_DATE_EPOCH"]) expect(help.stdout).toContain(option);
    expect(help.stdout).toContain(FORMATS.join(","));
    // Each format's file by its extension, the workbook's too.
    for (const format of FORMATS) expect(help.stdout).toContain(FORMAT_FILES[format].extension);
    for (const file of ["datapackage.json", "manifest.json", "SHA256SUMS"]) expect(help.stdout).toContain(file);
  });

  it("is also shown, with the problem, for an unknown option (exit 2)", () => {
    const wrong = runExport(["--output", "x"]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("--output");
    expect(wrong.stderr).toContain("--formats LIST");
  });
});

describe("export with chosen folders and formats", () => {
  it("writes only the chosen formats and the data package files, which describe exactly those", () => {
    const source = ifexSources();
    const out = join(tempDir("cli-out-"), "nested", "bundle");
    const result = runExport(["--source", source, "--out", out, "--formats", "nt,csv"]);
    expect(result.status).toBe(0);
    // The combined files come with the formats they are made of: the CSVs with csv, corpus.nt with nt.
    expect(readdirSync(out).sort()).toEqual(["SHA256SUMS", "corpus.events.csv", "corpus.nt", "corpus.organizations.csv", "datapackage.json", "ifex.csv", "ifex.nt", "manifest.json", "table-schema.json"]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual(["corpus.events.csv", "corpus.nt", "corpus.organizations.csv", "datapackage.json", "ifex.csv", "ifex.nt", "table-schema.json"]);
    expect(spawnSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: out }).status).toBe(0);
  });

  it("ends with one summary line (articles, files, bytes, time), then says unchanged", () => {
    // The default --source, source/, of a folder holding IFEX alone.
    const cwd = ifexProject();
    const out = tempDir("cli-summary-");
    const first = runExport(["--out", out], { cwd });
    expect(first.status).toBe(0);
    expect(first.stderr).toBe("");
    const lines = first.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const [, verb, articles, files, bytes] = SUMMARY.exec(lines[0]!)!;
    expect([verb, articles, files]).toEqual(["exported", "1", String(readdirSync(out).length)]);
    const total = readdirSync(out).reduce((sum, name) => sum + readFileSync(join(out, name)).length, 0);
    expect(Number(bytes)).toBe(total);
    expect(SUMMARY.exec(runExport(["--out", out], { cwd }).stdout.trim())?.[1]).toBe("unchanged");
  });

  it("refuses a source folder without articles (a wrong --source), leaving the output as it was", () => {
    const out = tempDir("cli-no-articles-");
    expect(runExport(["--out", out], { cwd: ifexProject() }).status).toBe(0);
    const before = readdirSync(out).map((name) => [name, readFileSync(join(out, name), "utf8")]);
    const empty = tempDir("cli-empty-source-");
    const result = runExport(["--source", empty, "--out", out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`no article in ${empty}/ (no .yaml or .yml file): nothing to export; ${out}/ left as it was\n`);
    expect(readdirSync(out).map((name) => [name, readFileSync(join(out, name), "utf8")])).toEqual(before);
  });

  it("refuses an unknown format with exit 2", () => {
    const result = runExport(["--out", tempDir("cli-bad-"), "--formats", "csv,pdf"], { cwd: ifexProject() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown format pdf");
  });
});

describe("the progress line", () => {
  function fakeTerminal(isTTY: boolean) {
    const written: string[] = [];
    let clock = 0;
    const stream = { isTTY, columns: 40, write: (text: string) => written.push(text) };
    return { stream, written, now: () => clock, advance: (ms: number) => (clock += ms) };
  }

  it("shows nothing for work done in a moment", () => {
    const t = fakeTerminal(true);
    const progress = progressLine(t.stream, { now: t.now, delayMs: 300 });
    progress.update("checking 1/1: source/ifex.yaml");
    t.advance(100);
    progress.update("exporting 1/1: source/ifex.yaml");
    progress.done();
    expect(t.written).toEqual([]);
  });

  it("rewrites one line in place after the delay, at most ten times a second, and erases it when done", () => {
    const t = fakeTerminal(true);
    const progress = progressLine(t.stream, { now: t.now, delayMs: 300, intervalMs: 100 });
    t.advance(400);
    progress.update("exporting 1/3: a.yaml");
    t.advance(50);
    progress.update("exporting 2/3: b.yaml");
    t.advance(100);
    const long = "exporting 3/3: a very long file name that does not fit the terminal.yaml";
    progress.update(long);
    progress.done();
    // 40 columns: 39 characters, the last an ellipsis, so the cursor never wraps to a new line.
    expect(t.written).toEqual(["\r\u001b[Kexporting 1/3: a.yaml", `\r\u001b[K${long.slice(0, 38)}…`, "\r\u001b[K"]);
  });

  it("never writes to a pipe or a file", () => {
    const t = fakeTerminal(false);
    const progress = progressLine(t.stream, { now: t.now });
    t.advance(10_000);
    progress.update("exporting 1/1");
    progress.done();
    expect(t.written).toEqual([]);
  });
});
