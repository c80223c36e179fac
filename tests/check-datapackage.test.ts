// `make check` also proves the files that describe the download (SHA256SUMS, manifest.json,
// datapackage.json), the N-Triples and the web page: each fails on a broken copy with a message
// that says what is wrong and where.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDist } from "../scripts/check/artifacts.ts";
import { formatViolation } from "../scripts/check/finding.ts";
import { ROOT, tempDir } from "./helpers.ts";

function brokenDist(name: string, change: (text: string) => string): string {
  const dir = tempDir("dist-bundle-");
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  const path = join(dir, name);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after, `the edit of ${name} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
  return dir;
}

async function violationsOf(dir: string, name: string): Promise<string[]> {
  const reports = await checkDist(dir);
  return reports.filter((r) => r.file.endsWith(`/${name}`)).flatMap((r) => r.violations.map(formatViolation));
}

describe("make check on the bundle", () => {
  it("passes the committed bundle files", async () => {
    const reports = await checkDist(join(ROOT, "dist"));
    expect(reports.filter((r) => r.kind === "bundle").map((r) => [r.file.replace(/^.*\//, ""), r.violations.length])).toEqual([
      ["SHA256SUMS", 0],
      ["datapackage.json", 0],
      ["manifest.json", 0],
    ]);
  });

  it("fails when a file no longer matches its checksum (in SHA256SUMS, the manifest and the data package)", async () => {
    const dir = brokenDist("ifex.ttl", (t) => t.replace("IFEX Secretariat", "IFEX secretariat"));
    const sums = await violationsOf(dir, "SHA256SUMS");
    expect(sums).toHaveLength(1);
    expect(sums[0]).toMatch(/SHA256SUMS:\d+:1: error: \[syntax\] ifex\.ttl: the checksum does not match the file, expected [0-9a-f]{64}, found [0-9a-f]{64}/);
    expect((await violationsOf(dir, "manifest.json")).join("\n")).toContain("the SHA-256 of ifex.ttl is wrong");
    expect((await violationsOf(dir, "datapackage.json")).join("\n")).toContain("the hash of ifex.ttl is wrong");
  });

  it("fails when the manifest gives a wrong size or misses a file", async () => {
    const dir = brokenDist("manifest.json", (t) => t.replace(/"bytes": (\d+)/, (_m, n) => `"bytes": ${Number(n) + 1}`));
    writeFileSync(join(dir, "stray.txt"), "x");
    const found = (await violationsOf(dir, "manifest.json")).join("\n");
    expect(found).toMatch(/the size of corpus\.events\.csv is wrong, expected \d+, found \d+/);
    expect(found).toContain("stray.txt is in the folder but not in the manifest");
    expect((await violationsOf(dir, "SHA256SUMS")).join("\n")).toContain("stray.txt: a file of the folder has no checksum");
  });

  it("fails when a CSV's table schema does not match its header", async () => {
    const dir = brokenDist("datapackage.json", (t) => t.replace('"name": "entity_name"', '"name": "entity_label"'));
    expect((await violationsOf(dir, "datapackage.json")).join("\n")).toContain("the table schema of ifex.csv does not match its header");
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
