// The project's command lines as the tests run them: each from one prebuilt JavaScript file, not
// through tsx. Starting `node --import tsx scripts/cli/<script>.ts` costs some 0.5 s (1.2 s for
// check.ts) of loading TypeScript before the script does anything, and the tests start hundreds.
//
// The export is the prebuilt command line `make export` runs (scripts/cli/prebuilt.ts). Any other
// script is bundled here the same way (esbuild, packages left outside, every module seeing
// import.meta.url as the script's own, as prebuilt.ts does), into one file named by the hash of the
// pipeline's files (lib/pipeline-hash.ts): a change to the code gets a new bundle, never a stale one.
// The bundle sets process.argv[1] to the script's path before the script runs, so the script's
// `import.meta.url === argv[1]` test holds, as when Node runs the script itself.
//
// tests/prebuilt.test.ts checks that the prebuilt export writes what the TypeScript loaded through
// tsx writes, and a few tests still start the TypeScript through tsx (runExport's `tsx` option).

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { prebuiltEntry } from "../scripts/cli/prebuilt.ts";
import { pipelineHash } from "../scripts/lib/pipeline-hash.ts";

const ROOT = join(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const CACHE = join(ROOT, "node_modules/.cache/org-article-export");
/** Bundles kept per script, the newest (other checkouts may share this node_modules). */
const KEPT = 4;

const made = new Map<string, string>();

/** The prebuilt export command line's entry (scripts/cli/prebuilt.ts), made first if needed. */
export function exportBundle(): string {
  const entry = prebuiltEntry();
  if (entry === undefined) throw new Error("the prebuilt command line could not be made (scripts/cli/prebuilt.ts)");
  return fileURLToPath(entry);
}

/** A JavaScript file that runs `script` (a path from the project, e.g. scripts/cli/check.ts) as `node --import tsx script` does. */
export function scriptBundle(script: string): string {
  const known = made.get(script);
  if (known !== undefined) return known;
  const source = join(ROOT, script);
  const name = basename(script).replace(/\.ts$/, "");
  const file = join(CACHE, `test-${name}-${pipelineHash().slice(0, 24)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    // Written aside, then renamed: another test file making the same bundle never sees half of it.
    const temporary = `${file}.${process.pid}`;
    try {
      execFileSync(
        require.resolve("esbuild/bin/esbuild"),
        [
          source,
          `--outfile=${temporary}`,
          "--bundle",
          "--platform=node",
          "--format=esm",
          "--target=node20",
          "--packages=external",
          `--define:import.meta.url=${JSON.stringify(pathToFileURL(source).href)}`,
          // Runs after the packages' imports, before the bundled modules: the script sees itself as argv[1].
          `--banner:js=process.argv[1] = ${JSON.stringify(source)};`,
          "--keep-names",
          "--log-level=error",
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      renameSync(temporary, file);
    } finally {
      rmSync(temporary, { force: true });
    }
    prune(name);
  }
  made.set(script, file);
  return file;
}

/** This script's bundles of earlier code go, but the newest; best effort. */
function prune(name: string): void {
  const pattern = new RegExp(`^test-${name}-[0-9a-f]{24}\\.mjs$`);
  const bundles: { path: string; made: number }[] = [];
  for (const entry of readdirSync(CACHE)) {
    if (!pattern.test(entry)) continue;
    try {
      bundles.push({ path: join(CACHE, entry), made: statSync(join(CACHE, entry)).mtimeMs });
    } catch {
      // gone already
    }
  }
  bundles.sort((a, b) => b.made - a.made);
  for (const { path } of bundles.slice(KEPT)) rmSync(path, { force: true });
}

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command line of the project (e.g. scripts/cli/import.ts) in a child process from its
 * bundle, as `node --import tsx <script>` runs it from the project; with `tsx`, through tsx itself
 * (for the tests that the script starts as make starts it).
 */
export function runScript(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; tsx?: boolean } = {}): ScriptRun {
  const command = options.tsx ? ["--import", import.meta.resolve("tsx"), join(ROOT, script)] : [scriptBundle(script)];
  const result = spawnSync(process.execPath, [...command, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
