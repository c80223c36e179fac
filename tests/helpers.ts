// Shared by the tests: run the real command line, copy the sources. (IFEX through the pipeline in
// this process is in ifex.ts: loading the pipeline costs a test file some 1 s.)

import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
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

/**
 * The tests' own copy of IFEX's article and of the corpus's settings (tests/fixtures/ifex/: the
 * project's source/ifex.yaml and source/corpus.yaml as they were committed). Tests of IFEX's data
 * read these, never source/, which holds whatever articles a user keeps there: only the test that
 * dist/ is current (determinism.test.ts) reads source/ and dist/.
 */
export const IFEX_SOURCE = join(ROOT, "tests/fixtures/ifex");

/** The text of the tests' IFEX article (tests/fixtures/ifex/ifex.yaml). */
export function ifexYaml(): string {
  return readFileSync(join(IFEX_SOURCE, "ifex.yaml"), "utf8");
}

/** A folder holding IFEX's source alone and the corpus's settings (a copy of tests/fixtures/ifex/), to change or break. */
export function ifexSources(): string {
  const dir = tempDir("ifex-source-");
  cpSync(IFEX_SOURCE, dir, { recursive: true });
  return dir;
}

/**
 * A folder to run the command line in, laid out as the project is: source/ holding IFEX alone and
 * the corpus's settings (tests/fixtures/ifex/). There the command line's default --source is that
 * copy, not the project's source/.
 */
export function ifexProject(): string {
  const dir = tempDir("ifex-project-");
  cpSync(IFEX_SOURCE, join(dir, "source"), { recursive: true });
  return dir;
}

let ifexOut: string | undefined;

/**
 * The output of IFEX alone (tests/fixtures/ifex/), exported by the real command line into a
 * temporary folder once per test process (the test files that run there share it): what dist/
 * holds when source/ holds IFEX only, its corpus files, manifest and data package describing IFEX
 * alone. Read it; copy it to break it.
 */
export function ifexDist(): string {
  if (ifexOut === undefined) {
    // Kept for the run: the next test file in this process gets the same folder.
    const out = join(tempDir("ifex-dist-", "run"), "dist");
    const result = runExport(["--source", IFEX_SOURCE, "--out", out]);
    if (result.status !== 0) throw new Error(`the export of IFEX alone failed: ${result.stderr}`);
    ifexOut = out;
  }
  return ifexOut;
}

/** A file of ifexDist(), as text. */
export function ifexFile(name: string): string {
  return readFileSync(join(ifexDist(), name), "utf8");
}

/** Every file of a folder, name → bytes. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) files.set(name, readFileSync(join(dir, name)).toString("base64"));
  return files;
}
