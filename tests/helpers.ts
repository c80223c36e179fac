// Shared by the tests: run the real command line, copy the sources. (IFEX through the pipeline in
// this process is in ifex.ts: loading the pipeline costs a test file some 1 s.)

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { exportBundle } from "./script-bundle.ts";

export const ROOT = resolve(import.meta.dirname, "..");
export const CLI = join(ROOT, "scripts/cli/export.ts");
/** tsx by absolute URL, so the command line also runs from another current directory. */
const TSX = import.meta.resolve("tsx");

/** The temporary folders made by the test file running now (removed after it: tests/temp-dirs.ts). */
const madeTempDirs: string[] = [];

/**
 * A new empty folder in the run's temporary folder (tests/temp-root.ts), removed when the test file
 * ends; one that the test files of a process share ("run") stays until the run's folder goes.
 */
export function tempDir(prefix = "export-test-", lifetime: "file" | "run" = "file"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (lifetime === "file") madeTempDirs.push(dir);
  return dir;
}

/**
 * Removes every folder tempDir made for the test file so far. Run after each test file: a run of
 * the suite made some 350 folders, and left them all in /tmp, where a developer's machine or a CI
 * runner kept them.
 */
export function removeTempDirs(): void {
  for (const dir of madeTempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the export command line as a user would: the prebuilt one `make export` runs (made from the
 * current code, tests/script-bundle.ts), or with `tsx` the TypeScript through tsx.
 */
export function runExport(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; tsx?: boolean } = {}): RunResult {
  const command = options.tsx ? ["--import", TSX, CLI] : [exportBundle()];
  const result = spawnSync(process.execPath, [...command, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of source/ in a temporary folder, to break without touching the real one. */
export function copyOfSources(): string {
  const dir = tempDir("sources-");
  cpSync(join(ROOT, "source"), dir, { recursive: true });
  return dir;
}

/**
 * A folder holding IFEX's source alone. Tests of IFEX's data use it (or IFEX's own files in dist/),
 * never the whole of source/, which may hold any number of articles: a user adds theirs there.
 */
export function ifexSources(): string {
  const dir = tempDir("ifex-source-");
  cpSync(join(ROOT, "source/ifex.yaml"), join(dir, "ifex.yaml"));
  // The corpus's settings (its base, its shared places) go with it: they are not an article.
  if (existsSync(join(ROOT, "source/corpus.yaml"))) cpSync(join(ROOT, "source/corpus.yaml"), join(dir, "corpus.yaml"));
  return dir;
}

let ifexOut: string | undefined;

/**
 * The output of IFEX alone, exported by the real command line into a temporary folder once per test
 * process (the test files that run there share it): what dist/ holds when source/ holds IFEX only
 * (so its corpus files, manifest and data package describe IFEX alone), whatever source/ holds.
 * Read it; copy it to break it.
 */
export function ifexDist(): string {
  if (ifexOut === undefined) {
    // Kept for the run: the next test file in this process gets the same folder.
    const out = join(tempDir("ifex-dist-", "run"), "dist");
    const result = runExport(["--source", ifexSources(), "--out", out]);
    if (result.status !== 0) throw new Error(`the export of IFEX alone failed: ${result.stderr}`);
    ifexOut = out;
  }
  return ifexOut;
}

/** Every file of a folder, name → bytes. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) files.set(name, readFileSync(join(dir, name)).toString("base64"));
  return files;
}
