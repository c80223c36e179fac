// The files that make dist/ explain and verify itself: SHA256SUMS (checked by GNU sha256sum),
// manifest.json (every file, its size, media type and hash, its source's hash, the versions) and
// datapackage.json (a Frictionless Data Package, validated and read by Frictionless's own
// JavaScript libraries). No wall-clock time unless SOURCE_DATE_EPOCH gives one.

import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { Package } from "datapackage";
import { Table } from "tableschema";
import type { ManifestFile } from "../scripts/datapackage/manifest.ts";
import { describe, expect, it } from "vitest";
import { withDataPackage } from "../scripts/datapackage/write.ts";
import { packageInput, createdFromSourceDateEpoch, pipelineInfo } from "./reference/in-memory-package.ts";
import { CSV_COLUMNS } from "../scripts/writers/csv.ts";
import { WRITERS } from "../scripts/writers/index.ts";
import { ifexDist, ifexProject, ifexYaml, ROOT, runExport, snapshot, tempDir } from "./helpers.ts";
import { ifex } from "./ifex.ts";

// IFEX's data package: what the command line writes for IFEX alone (tests/helpers.ts ifexDist), so
// these tests hold whatever articles source/ holds; the committed dist/, of every article, is
// checked by `make check` and by determinism.test.ts (it is exactly what the export of source/ writes).
const DIST = ifexDist();
const read = (name: string) => readFileSync(join(DIST, name), "utf8");
const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");
const distFiles = () => readdirSync(DIST).sort();
const sourceSha = sha256(Buffer.from(ifexYaml(), "utf8"));
const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string };


describe("SHA256SUMS", () => {
  it("lists every other file of the export, and `sha256sum -c` accepts it", () => {
    const listed = read("SHA256SUMS")
      .trimEnd()
      .split("\n")
      .map((line) => line.split("  ")[1]);
    expect(listed).toEqual(distFiles().filter((f) => f !== "SHA256SUMS"));
    const check = spawnSync("sha256sum", ["-c", "--strict", "SHA256SUMS"], { cwd: DIST, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout.trimEnd().split("\n")).toEqual(listed.map((name) => `${name}: OK`));
  });

  it("makes `sha256sum -c` fail on a changed file", () => {
    const copy = tempDir("dist-tampered-");
    cpSync(DIST, copy, { recursive: true });
    writeFileSync(join(copy, "ifex.nt"), read("ifex.nt").replace("IFEX", "IFEZ"));
    const check = spawnSync("sha256sum", ["-c", "SHA256SUMS"], { cwd: copy, encoding: "utf8" });
    expect(check.status).not.toBe(0);
    expect(check.stdout).toContain("ifex.nt: FAILED");
  });
});

describe("manifest.json", () => {
  const manifest = JSON.parse(read("manifest.json"));

  it("names the pipeline's version and the schema.org release, and no time", () => {
    expect(manifest.pipeline).toEqual({ name: packageJson.name, version: packageJson.version });
    expect(manifest.schemaorg.release).toBe("30.0");
    expect(manifest).not.toHaveProperty("created");
    expect(read("manifest.json")).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it("lists every file but itself and SHA256SUMS, with its true size and SHA-256", () => {
    const files = manifest.files as ManifestFile[];
    expect(files.map((f) => f.path)).toEqual(distFiles().filter((f) => f !== "manifest.json" && f !== "SHA256SUMS"));
    for (const file of files) {
      const bytes = readFileSync(join(DIST, file.path));
      expect({ path: file.path, bytes: file.bytes, sha256: file.sha256 }).toEqual({ path: file.path, bytes: bytes.length, sha256: sha256(bytes) });
    }
  });

  it("gives each artifact its writer's media type and the SHA-256 of the YAML it came from", () => {
    const files = manifest.files as ManifestFile[];
    for (const [format, writer] of Object.entries(WRITERS)) {
      const file = files.find((f) => f.path === `ifex${writer.extension}`)!;
      expect(file).toMatchObject({ format, mediaType: writer.mediaType, article: "ifex", sources: [{ path: "ifex.yaml", sha256: sourceSha }] });
    }
    expect(files.find((f) => f.path === "datapackage.json")).toMatchObject({ mediaType: "application/json", sources: [{ path: "ifex.yaml", sha256: sourceSha }] });
    expect(manifest.articles).toEqual([
      expect.objectContaining({ slug: "ifex", title: "IFEX (organization)", source: { path: "ifex.yaml", sha256: sourceSha }, license: expect.objectContaining({ id: "CC-BY-SA-4.0" }) }),
    ]);
  });
});

describe("datapackage.json", () => {
  const descriptor = JSON.parse(read("datapackage.json"));

  it("is a valid Data Package for Frictionless's validator (its bundled data-package profile)", async () => {
    const dataPackage = await Package.load(descriptor, { basePath: DIST });
    expect(dataPackage.errors.map(String)).toEqual([]);
    expect(dataPackage.valid).toBe(true);
  });

  it("is rejected by the same validator when broken (so the check above can fail)", async () => {
    const broken = structuredClone(descriptor);
    broken.resources[0].schema = { fields: [{ name: "entity_id", type: "not-a-type" }] };
    broken.licenses[0] = { title: "no name, no path" };
    const dataPackage = await Package.load(broken, { basePath: DIST });
    expect(dataPackage.valid).toBe(false);
    expect(dataPackage.errors.length).toBeGreaterThan(0);
  });

  it("describes every artifact as a resource with its true size and hash, and the CSV as a table", () => {
    const resources = descriptor.resources as { name: string; path: string; profile: string; bytes: number; hash: string; mediatype: string }[];
    expect(resources.map((r) => r.path).sort()).toEqual(distFiles().filter((f) => !["SHA256SUMS", "manifest.json", "datapackage.json", "table-schema.json"].includes(f)));
    for (const resource of resources) {
      const bytes = readFileSync(join(DIST, resource.path));
      expect([resource.path, resource.bytes, resource.hash]).toEqual([resource.path, bytes.length, `sha256:${sha256(bytes)}`]);
    }
    expect(resources.filter((r) => r.profile === "tabular-data-resource").map((r) => r.path)).toEqual(["ifex.csv", "corpus.organizations.csv", "corpus.events.csv"]);
    expect(resources.find((r) => r.path === "ifex.nt")!.mediatype).toBe("application/n-triples");
  });

  it("gives every article's CSV the one shared Table Schema file: every column's name, type, format and description", () => {
    const csv = descriptor.resources.find((r: { path: string }) => r.path === "ifex.csv");
    // A path (Frictionless allows it), so datapackage.json does not repeat the schema per article.
    expect(csv.schema).toBe("table-schema.json");
    const fields = JSON.parse(read("table-schema.json")).fields as { name: string; type: string; format: string; description: string }[];
    expect(fields.map((f) => f.name)).toEqual([...CSV_COLUMNS]);
    for (const field of fields) {
      expect(field.type).toBe("string");
      expect(field.description.length).toBeGreaterThan(10);
    }
    expect(fields.filter((f) => f.format === "uri").map((f) => f.name)).toEqual(["entity_iri", "property_iri", "value_iri", "datatype_iri"]);
    expect(csv.dialect).toMatchObject({ delimiter: ",", lineTerminator: "\r\n", quoteChar: '"', header: true });
  });

  it("lets Frictionless's Table Schema library read every CSV row, cast and checked against that schema", async () => {
    const csv = descriptor.resources.find((r: { path: string }) => r.path === "ifex.csv");
    // The file starts with a byte-order mark (for Excel); `bom` tells the CSV parser to expect it.
    const table = await Table.load(join(DIST, csv.path), { schema: JSON.parse(read(csv.schema)), headers: 1, bom: true, delimiter: csv.dialect.delimiter, quote: csv.dialect.quoteChar });
    const rows = await table.read({ keyed: true });
    expect(table.headers).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(ifex().graph.statements.length);
    expect(rows.find((r) => r.entity_id === "ifex" && r.property === "URL")).toMatchObject({ value_iri: "https://ifex.org/", datatype_iri: null });
  });

  it("says where the article comes from and its license, for the package and each resource", () => {
    const source = { title: "IFEX (organization), English Wikipedia", path: "https://en.wikipedia.org/wiki/IFEX_(organization)" };
    const license = { name: "CC-BY-SA-4.0", path: "https://creativecommons.org/licenses/by-sa/4.0/", title: "Creative Commons Attribution-ShareAlike 4.0 International" };
    expect(descriptor.sources).toEqual([source]);
    expect(descriptor.licenses).toEqual([license]);
    for (const resource of descriptor.resources) expect(resource).toMatchObject({ sources: [source], licenses: [license] });
  });
});

describe("the data package, as a pure function of the artifacts", () => {
  const input = () => packageInput([ifex()], [{ file: "source/ifex.yaml", text: ifexYaml() }], { pipeline: pipelineInfo() });

  it("gives exactly what the command line writes for IFEX alone", () => {
    const files = withDataPackage(input());
    expect([...files.keys()].sort()).toEqual(distFiles());
    for (const [name, content] of files) expect(Buffer.from(content).toString("base64")).toBe(snapshot(DIST).get(name));
  });

  it("writes a time only when SOURCE_DATE_EPOCH gives one", () => {
    expect(createdFromSourceDateEpoch(undefined)).toEqual({ ok: true });
    expect(createdFromSourceDateEpoch("")).toEqual({ ok: true });
    expect(createdFromSourceDateEpoch("1700000000")).toEqual({ ok: true, created: "2023-11-14T22:13:20Z" });
    expect(createdFromSourceDateEpoch("yesterday")).toMatchObject({ ok: false, message: expect.stringContaining("SOURCE_DATE_EPOCH") });
    const files = withDataPackage({ ...input(), created: "2023-11-14T22:13:20Z" });
    expect(JSON.parse(files.get("manifest.json") as string).created).toBe("2023-11-14T22:13:20Z");
    expect(JSON.parse(files.get("datapackage.json") as string).created).toBe("2023-11-14T22:13:20Z");
    expect(files.get("ifex.jsonld")).toBe(read("ifex.jsonld"));
  });

  it("takes SOURCE_DATE_EPOCH from the environment on the command line, and refuses a bad one", () => {
    const out = tempDir("dist-epoch-");
    const result = runExport(["--out", out], { cwd: ifexProject(), env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).created).toBe("2023-11-14T22:13:20Z");
    expect(spawnSync("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: out }).status).toBe(0);
    const bad = runExport(["--out", tempDir("dist-epoch-bad-")], { cwd: ifexProject(), env: { SOURCE_DATE_EPOCH: "soon" } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("SOURCE_DATE_EPOCH must be a whole number of seconds");
  });
});
