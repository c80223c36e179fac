// `make check` also proves the files that describe the download (SHA256SUMS, manifest.json,
// datapackage.json), the N-Triples and the web page: each fails on a broken copy with a message
// that says what is wrong and where.

import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDist } from "../scripts/check/artifacts.ts";
import { formatViolation } from "../scripts/check/finding.ts";
import { ifexDist, tempDir } from "./helpers.ts";

/** A copy of IFEX's export (IFEX alone, tests/helpers.ts ifexDist) with one file changed. */
function brokenDist(name: string, change: (text: string) => string): string {
  const dir = tempDir("dist-bundle-");
  cpSync(ifexDist(), dir, { recursive: true });
  const path = join(dir, name);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after, `the edit of ${name} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

async function violationsOf(dir: string, name: string): Promise<string[]> {
  const reports = await checkDist(dir);
  return reports.filter((r) => r.file.endsWith(`/${name}`)).flatMap((r) => r.violations.map((v) => formatViolation(v, r.base)));
}

describe("make check on the bundle", () => {
  it("passes the bundle files of an export", async () => {
    const reports = await checkDist(ifexDist());
    expect(reports.filter((r) => r.kind === "bundle").map((r) => [r.file.replace(/^.*\//, ""), r.violations.length])).toEqual([
      ["SHA256SUMS", 0],
      ["datapackage.json", 0],
      ["manifest.json", 0],
      ["table-schema.json", 0],
    ]);
  });

  it("fails when a file no longer matches its checksum (in SHA256SUMS, the manifest and the data package)", async () => {
    const dir = brokenDist("ifex.ttl", (t) => t.replace("IFEX Secretariat", "IFEX secretariat"));
    const sums = await violationsOf(dir, "SHA256SUMS");
    expect(sums).toHaveLength(1);
    // Named as the changed file, labelled integrity, the recorded value expected and the file's found.
    const recorded = /^([0-9a-f]{64})  ifex\.ttl$/m.exec(readFileSync(join(dir, "SHA256SUMS"), "utf8"))![1]!;
    const actual = createHash("sha256").update(readFileSync(join(dir, "ifex.ttl"))).digest("hex");
    expect(sums[0]).toContain(`error: [integrity] ifex.ttl: ifex.ttl is not the file the export wrote (changed since, by hand?); make export restores it, expected ${recorded}, as SHA256SUMS records, found ${actual}, as the file is`);
    expect((await violationsOf(dir, "manifest.json")).join("\n")).toContain(`[integrity] ifex.ttl: ifex.ttl is not the file the export wrote (changed since, by hand?); make export restores it, expected SHA-256 ${recorded}, as manifest.json records, found SHA-256 ${actual}, as the file is`);
    expect((await violationsOf(dir, "datapackage.json")).join("\n")).toContain(`expected sha256:${recorded}, as datapackage.json records, found sha256:${actual}, as the file is`);
  });

  it("fails when the manifest gives a wrong size or misses a file", async () => {
    const dir = brokenDist("manifest.json", (t) => t.replace(/"bytes": (\d+)/, (_m, n) => `"bytes": ${Number(n) + 1}`));
    writeFileSync(join(dir, "stray.txt"), "x");
    const found = (await violationsOf(dir, "manifest.json")).join("\n");
    // The file agrees with SHA256SUMS: the manifest is what was changed.
    const size = statSync(join(dir, "corpus.events.csv")).size;
    expect(found).toContain(`manifest.json does not describe corpus.events.csv as it is (manifest.json was changed since the export?); make export restores it, expected ${size + 1} bytes, as manifest.json records, found ${size} bytes, as the file is`);
    expect(found).toContain("stray.txt is in the folder but not in the manifest");
    expect((await violationsOf(dir, "SHA256SUMS")).join("\n")).toContain("stray.txt: a file of the folder has no checksum");
  });

  it("fails when a CSV's table schema does not match its header", async () => {
    // The articles' CSVs share table-schema.json, which datapackage.json names by path.
    const dir = brokenDist("table-schema.json", (t) => t.replace('"name": "entity_name"', '"name": "entity_label"'));
    expect((await violationsOf(dir, "datapackage.json")).join("\n")).toContain("the table schema of ifex.csv does not match its header");
    expect((await violationsOf(dir, "table-schema.json")).join("\n")).toContain("the Table Schema's fields are not the articles' CSV columns");
  });

  it("fails on N-Triples out of order", async () => {
    const dir = brokenDist("ifex.nt", (t) => {
      const lines = t.trimEnd().split("\n");
      return `${[lines[1], lines[0], ...lines.slice(2)].join("\n")}\n`;
    });
    expect((await violationsOf(dir, "ifex.nt"))[0]).toMatch(/ifex\.nt:2:1: error: \[syntax\] the N-Triples are not sorted and unique/);
  });

  it("fails on a page whose JSON-LD differs from the .jsonld, or that loads a script from elsewhere", async () => {
    const changed = brokenDist("ifex.html", (t) => t.replace('"name": "IFEX"', '"name": "IFEX!"'));
    expect((await violationsOf(changed, "ifex.html")).join("\n")).toContain("the embedded JSON-LD differs from the .jsonld artifact");
    const external = brokenDist("ifex.html", (t) => t.replace("</head>", '<script src="https://cdn.example/x.js"></script></head>'));
    expect((await violationsOf(external, "ifex.html")).join("\n")).toContain("the page loads something from elsewhere");
  });
});
