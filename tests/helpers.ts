// Shared by the tests: run the real command line, copy the sources. (IFEX through the pipeline in
// this process is in ifex.ts: loading the pipeline costs a test file some 1 s.)

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { exportBundle } from "./script-bundle.ts";

export const ROOT = resolve(import.meta.dirname, "..");
export const CLI = join(ROOT, "scripts/cli/export.ts");
/** tsx by absolute URL, so the command line also runs from another current directory. */
const TSX = import.meta.resolve("tsx");

/** The temporary folders made by the test file running now (removed after it: tests/temp-dirs.ts). */
const madeTempDirs: string[] = [];

/** A new empty folder in the run's temporary folder (tests/temp-root.ts), removed when the test file ends. */
export function tempDir(prefix = "export-test-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  madeTempDirs.push(dir);
  return dir;
}

/** How long a test process waits for another one to make what both need, at most. */
const WAIT_FOR_OTHER_MS = 300_000;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * A folder that every test file of the run shares, whatever process runs it (test files run in two
 * processes at a time): `make` fills it once per run of the suite, in the run's temporary folder
 * (tests/temp-root.ts), which goes when the run ends. The first process that needs it makes it,
 * holding a lock (a folder: made or refused in one step); one that needs it meanwhile waits for it.
 * Read it; copy it to change it.
 */
export function madeOncePerRun(name: string, make: (dir: string) => void): string {
  const dir = join(tmpdir(), `run-${name}`);
  const ready = `${dir}.ready`;
  const lock = `${dir}.lock`;
  for (const started = Date.now(); !existsSync(ready); sleep(50)) {
    try {
      mkdirSync(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (Date.now() - started > WAIT_FOR_OTHER_MS) throw new Error(`${dir}: another test process has been making it for ${WAIT_FOR_OTHER_MS / 1000} s`);
      continue;
    }
    try {
      // Made by another process between the look and the lock.
      if (existsSync(ready)) break;
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      make(dir);
      writeFileSync(ready, "");
    } finally {
      // Also when making it failed: the next process that needs it tries again (and fails with its own message).
      rmSync(lock, { recursive: true, force: true });
    }
  }
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

/**
 * The output of IFEX alone (tests/fixtures/ifex/), exported by the real command line once per run
 * (madeOncePerRun): what dist/ holds when source/ holds IFEX only, its corpus files, manifest and
 * data package describing IFEX alone. Read it; copy it to break it.
 */
export function ifexDist(): string {
  const made = madeOncePerRun("ifex-dist", (dir) => {
    const result = runExport(["--source", IFEX_SOURCE, "--out", join(dir, "dist")]);
    if (result.status !== 0) throw new Error(`the export of IFEX alone failed: ${result.stderr}`);
  });
  return join(made, "dist");
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
