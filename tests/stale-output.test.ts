// The output is never silently stale: the prebuilt command line (what `make export` runs every time)
// compares the sources and the output folder with what the last export recorded, and brings the
// folder back to exactly what the sources make: a removed article's files go, a deleted or
// hand-edited file is made again, --force makes everything again; with nothing changed it writes
// nothing and says "unchanged".

import { corpusFingerprint } from "../scripts/corpus/corpus-fingerprint.ts";
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, describe, expect, it } from "vitest";
import { prebuiltEntry } from "../scripts/cli/prebuilt.ts";
import { pipelineFingerprint, upToDate } from "../scripts/corpus/export-state.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { ROOT, tempDir } from "./helpers.ts";
import { differences, referenceExport } from "./engine-helpers.ts";

let source: string;
let out: string;

/** The prebuilt command line, as make runs it: its first word of output. */
function exportNow(...extra: string[]): string {
  const run = spawnSync(process.execPath, [fileURLToPath(prebuiltEntry()!), "--source", source, "--out", out, ...extra], { cwd: ROOT, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout.split(":")[0]!;
}

// The fingerprint as the command line makes it: the corpus file and --base count too (issue 15).
const fresh = () => upToDate(source, out, pipelineFingerprint({ formats: FORMATS, created: null, ...corpusFingerprint(source, undefined) }));

beforeEach(() => {
  const dir = tempDir("stale-");
  source = join(dir, "source");
  out = join(dir, "dist");
  cpSync(join(ROOT, "tests/fixtures/linked-corpus"), source, { recursive: true });
  expect(exportNow()).toBe("exported");
  expect(exportNow()).toBe("unchanged");
});

describe("make export with an output changed since the last export", () => {
  it("makes the whole output again after dist/ was removed", () => {
    rmSync(out, { recursive: true });
    expect(fresh()).toBeUndefined();
    expect(exportNow()).toBe("exported");
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("removes a removed article's files", () => {
    rmSync(join(source, "member.yaml"));
    expect(fresh()).toBeUndefined();
    expect(exportNow()).toBe("exported");
    expect(readdirSync(out).filter((name) => name.startsWith("member."))).toEqual([]);
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("makes a deleted file again, an article's or a combined one", () => {
    for (const name of ["member.nt", "corpus.ttl", "SHA256SUMS"]) {
      rmSync(join(out, name));
      expect(fresh()).toBeUndefined();
      expect(exportNow()).toBe("exported");
      expect(differences(out, referenceExport(source))).toEqual([]);
      expect(exportNow()).toBe("unchanged");
    }
  }, 60_000);

  it("undoes a hand edit, even one that keeps the file's size, and removes a file it did not write", () => {
    for (const name of ["network.csv", "corpus.nt", "manifest.json"]) {
      const path = join(out, name);
      const text = readFileSync(path, "utf8");
      // The same size: only the file's time tells.
      writeFileSync(path, text.replace(/[a-z]/, (c) => (c === "a" ? "b" : "a")));
      expect(fresh()).toBeUndefined();
      expect(exportNow()).toBe("exported");
      expect(readFileSync(path, "utf8")).toBe(text);
    }
    writeFileSync(join(out, "notes.txt"), "mine\n");
    expect(exportNow()).toBe("exported");
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("is unchanged when a source was only touched, and exported when its text changed", () => {
    const file = join(source, "network.yaml");
    const later = new Date(statSync(file).mtimeMs + 5_000);
    utimesSync(file, later, later);
    expect(fresh()).toBeDefined();
    expect(exportNow()).toBe("unchanged");
    writeFileSync(file, `${readFileSync(file, "utf8")}# a comment\n`);
    expect(fresh()).toBeUndefined();
    expect(exportNow()).toBe("exported");
  }, 60_000);

  it("makes everything again with --force, though nothing changed", () => {
    const before = statSync(join(out, "member.nt")).ino;
    expect(exportNow("--force")).toBe("exported");
    expect(statSync(join(out, "member.nt")).ino).not.toBe(before);
    expect(differences(out, referenceExport(source))).toEqual([]);
    expect(exportNow()).toBe("unchanged");
  }, 60_000);
});
