// `make check` for the files that describe the bundle itself: SHA256SUMS, manifest.json and
// datapackage.json must say exactly what the folder holds (names, sizes, SHA-256), so a download
// verifies itself. Each problem is a Finding on the line of the file that says the wrong thing.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Finding } from "./finding.ts";
import type { Position } from "../read/read-yaml.ts";
import { SCHEMAORG_RELEASE } from "../graph/schemaorg-context.ts";
import { CSV_COLUMNS } from "../writers/csv.ts";

export const PACKAGE_FILES = ["SHA256SUMS", "manifest.json", "datapackage.json", "table-schema.json"] as const;
export type PackageFile = (typeof PACKAGE_FILES)[number];

export interface PlacedFinding extends Finding {
  position: Position;
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

export function checkPackageFile(dir: string, name: PackageFile): { checked: string; findings: PlacedFinding[] } {
  const text = readFileSync(join(dir, name), "utf8");
  if (name === "SHA256SUMS") return { checked: "checksums of every other file", findings: checkSums(dir, text) };
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { checked: "JSON", findings: [{ check: "syntax", node: "", message: `not JSON: ${(error as Error).message}`, position: { line: 1, col: 1 } }] };
  }
  const lineOfText = (needle: string): Position => {
    const at = text.indexOf(needle);
    return { line: at < 0 ? 1 : text.slice(0, at).split("\n").length, col: 1 };
  };
  if (name === "manifest.json") return { checked: "sizes and SHA-256 of every listed file", findings: checkManifest(dir, json, lineOfText) };
  if (name === "table-schema.json") {
    const fields = ((json.fields as { name?: string }[] | undefined) ?? []).map((f) => f.name).join(",");
    const findings: PlacedFinding[] = fields === CSV_COLUMNS.join(",") ? [] : [{ check: "syntax", node: "/fields", message: "the Table Schema's fields are not the articles' CSV columns", expected: CSV_COLUMNS.join(","), found: fields, position: lineOfText('"fields"') }];
    return { checked: "Table Schema of the articles' CSVs", findings };
  }
  return { checked: "resources, sizes, SHA-256 and CSV table schemas", findings: checkDataPackage(dir, json, lineOfText) };
}

function checkSums(dir: string, text: string): PlacedFinding[] {
  const findings: PlacedFinding[] = [];
  const listed = new Set<string>();
  text.split("\n").forEach((line, index) => {
    if (line === "") return;
    const position = { line: index + 1, col: 1 };
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) return findings.push({ check: "syntax", node: "", message: "not a checksum line", expected: "<64 hex digits>  <file name>", found: JSON.stringify(line.slice(0, 80)), position });
    const [, hash, file] = match as unknown as [string, string, string];
    listed.add(file);
    const path = join(dir, file);
    if (!existsSync(path)) findings.push({ check: "syntax", node: file, message: "lists a file that is not in the folder", position });
    else if (sha256(path) !== hash) findings.push(changedFile(dir, file, "SHA256SUMS", { expected: hash, found: sha256(path) }, position));
  });
  for (const file of readdirSync(dir).sort()) {
    if (file !== "SHA256SUMS" && !listed.has(file)) findings.push({ check: "syntax", node: file, message: "a file of the folder has no checksum", expected: `a line for ${file}`, found: "none", position: { line: 1, col: 1 } });
  }
  return findings;
}

function checkManifest(dir: string, manifest: Record<string, unknown>, lineOf: (needle: string) => Position): PlacedFinding[] {
  const findings: PlacedFinding[] = [];
  const release = (manifest.schemaorg as { release?: string } | undefined)?.release;
  if (release !== SCHEMAORG_RELEASE) findings.push({ check: "syntax", node: "/schemaorg/release", message: "names another schema.org release than the pipeline uses", expected: SCHEMAORG_RELEASE, found: JSON.stringify(release), position: lineOf('"schemaorg"') });
  const files = (manifest.files as { path?: string; bytes?: number; sha256?: string }[] | undefined) ?? [];
  const listed = new Set<string>();
  files.forEach((entry, i) => {
    const node = `/files/${i}`;
    const position = lineOf(`"path": ${JSON.stringify(entry.path)}`);
    listed.add(entry.path ?? "");
    const path = join(dir, entry.path ?? "");
    if (!entry.path || !existsSync(path)) return findings.push({ check: "syntax", node, message: "lists a file that is not in the folder", found: JSON.stringify(entry.path), position });
    if (entry.bytes !== statSync(path).size) findings.push(changedFile(dir, entry.path, "manifest.json", { expected: `${entry.bytes} bytes`, found: `${statSync(path).size} bytes` }, position));
    else if (entry.sha256 !== sha256(path)) findings.push(changedFile(dir, entry.path, "manifest.json", { expected: `SHA-256 ${entry.sha256}`, found: `SHA-256 ${sha256(path)}` }, position));
  });
  for (const file of readdirSync(dir).sort()) {
    if (file !== "manifest.json" && file !== "SHA256SUMS") {
      if (!listed.has(file)) findings.push({ check: "syntax", node: "/files", message: `${file} is in the folder but not in the manifest`, expected: `an entry for ${file}`, found: "none", position: lineOf('"files"') });
    }
  }
  return findings;
}

function checkDataPackage(dir: string, pkg: Record<string, unknown>, lineOf: (needle: string) => Position): PlacedFinding[] {
  const findings: PlacedFinding[] = [];
  const resources = (pkg.resources as { path?: string; bytes?: number; hash?: string; format?: string; schema?: string | { fields?: { name: string }[] } }[] | undefined) ?? [];
  if (resources.length === 0) findings.push({ check: "syntax", node: "/resources", message: "describes no resources", expected: "every artifact", found: "none", position: lineOf('"resources"') });
  resources.forEach((resource, i) => {
    const node = `/resources/${i}`;
    const position = lineOf(`"path": ${JSON.stringify(resource.path)}`);
    const path = join(dir, resource.path ?? "");
    if (!resource.path || !existsSync(path)) return findings.push({ check: "syntax", node, message: "describes a file that is not in the folder", found: JSON.stringify(resource.path), position });
    if (resource.bytes !== undefined && resource.bytes !== statSync(path).size) findings.push(changedFile(dir, resource.path, "datapackage.json", { expected: `${resource.bytes} bytes`, found: `${statSync(path).size} bytes` }, position));
    else if (resource.hash !== undefined && resource.hash !== `sha256:${sha256(path)}`) findings.push(changedFile(dir, resource.path, "datapackage.json", { expected: resource.hash, found: `sha256:${sha256(path)}` }, position));
    if (resource.format === "csv" && resource.path.endsWith(".csv")) {
      const header = readFileSync(path, "utf8").replace(/^\uFEFF/, "").split("\r\n")[0]!.replace(/"/g, "");
      // The schema itself, or the path of a file holding it (table-schema.json, shared by the articles' CSVs).
      const schema = typeof resource.schema === "string" ? schemaFile(dir, resource.schema) : resource.schema;
      const fields = (schema?.fields ?? []).map((f) => f.name).join(",");
      const perArticle = header === CSV_COLUMNS.join(",");
      if (fields !== header) findings.push({ check: "syntax", node: `${node}/schema`, message: `the table schema of ${resource.path} does not match its header${perArticle ? "" : " (a combined CSV)"}`, expected: header, found: fields, position });
    }
  });
  return findings;
}

/**
 * A file that is not what `record` says: named as the changed file (changed by hand, or damaged),
 * with what the record says (expected) and what the file is (found). When the other record
 * (SHA256SUMS for the manifest and the data package, the manifest for SHA256SUMS) agrees with the
 * file, it is the record that was changed.
 */
function changedFile(dir: string, file: string, record: string, { expected, found }: { expected: string; found: string }, position: Position): PlacedFinding {
  const recordChanged = otherRecord(dir, file, record) === sha256(join(dir, file));
  const message = recordChanged ? `${record} does not describe ${file} as it is (${record} was changed since the export?); make export restores it` : `${file} is not the file the export wrote (changed since, by hand?); make export restores it`;
  return { check: "integrity", node: file, message, expected: `${expected}, as ${record} records`, found: `${found}, as the file is`, position };
}

/** The SHA-256 of `file` as the other record lists it: SHA256SUMS's line, or for SHA256SUMS the manifest's entry. */
function otherRecord(dir: string, file: string, record: string): string | undefined {
  try {
    if (record !== "SHA256SUMS") return new RegExp(`^([0-9a-f]{64}) [ *]${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m").exec(readFileSync(join(dir, "SHA256SUMS"), "utf8"))?.[1];
    const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as { files?: { path?: string; sha256?: string }[] };
    return manifest.files?.find((f) => f.path === file)?.sha256;
  } catch {
    return undefined;
  }
}

/** A Table Schema given by path, relative to the package's folder; undefined when it cannot be read. */
function schemaFile(dir: string, path: string): { fields?: { name: string }[] } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, path), "utf8")) as { fields?: { name: string }[] };
  } catch {
    return undefined;
  }
}
