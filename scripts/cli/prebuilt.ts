// The worker threads' code as one plain JavaScript file: worker.ts and the pipeline's modules it
// imports, bundled by esbuild (the TypeScript compiler tsx itself uses) and kept in
// node_modules/.cache/org-article-export/, named by the hash of the pipeline's files
// (lib/pipeline-hash.ts): a change to the code gets a new bundle, never a stale one.
//
// Why: a worker thread that registers tsx loads each TypeScript module through tsx's loader
// thread; one started from the bundle loads one file. Measured on a 2-core machine, two workers
// gave their first result after 0.6 s and 1.2 s of CPU with tsx, after 0.14 s and 0.25 s of CPU
// from the bundle: for an export, time during which no article is made.
//
// Packages stay outside the bundle (imported from node_modules as before). Every module of the
// bundle sees import.meta.url as worker.ts's own: the pipeline's modules all sit two folders below
// the project (scripts/<part>/<file>.ts), and use it only to find the project (lib/project-path.ts)
// and its node_modules. When the bundle cannot be made (no esbuild for this platform, a read-only
// cache), or ORG_ARTICLES_NO_WORKER_BUNDLE=1 says not to, the workers load the TypeScript through
// tsx as before.

import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pipelineHash } from "../lib/pipeline-hash.ts";
import { projectPath } from "../lib/project-path.ts";

const require = createRequire(import.meta.url);
const ENTRY = projectPath("scripts/corpus/worker.ts");
const CACHE_DIR = projectPath("node_modules/.cache/org-article-export");
/** Changes when the bundle is made differently. */
const BUNDLE_VERSION = 1;
/** Bundles kept in the cache, the newest. */
const BUNDLES_KEPT = 4;

let made: URL | null | undefined;

/** The bundle's URL (made first if needed), or undefined when it cannot be made. */
export function workerBundle(): URL | undefined {
  // For a look at the workers' own TypeScript (stack traces, a debugger): no bundle.
  if (process.env.ORG_ARTICLES_NO_WORKER_BUNDLE === "1") return undefined;
  if (made !== undefined) return made ?? undefined;
  try {
    const esbuildVersion = (require("esbuild/package.json") as { version: string }).version;
    const name = `worker-${pipelineHash().slice(0, 24)}-${esbuildVersion}-${BUNDLE_VERSION}.mjs`;
    const file = join(CACHE_DIR, name);
    if (!existsSync(file)) {
      mkdirSync(CACHE_DIR, { recursive: true });
      // Written aside, then renamed: an export running at the same time never sees half a file.
      const temporary = `${file}.${process.pid}`;
      try {
        // esbuild's command line rather than its API: buildSync would keep a thread and a child
        // process of esbuild's for the rest of this process.
        execFileSync(
          require.resolve("esbuild/bin/esbuild"),
          [
            ENTRY,
            `--outfile=${temporary}`,
            "--bundle",
            "--platform=node",
            "--format=esm",
            "--target=node20",
            "--packages=external",
            `--define:import.meta.url=${JSON.stringify(pathToFileURL(ENTRY).href)}`,
            // Functions keep their names, as tsx keeps them.
            "--keep-names",
            "--log-level=error",
          ],
          { stdio: ["ignore", "ignore", "pipe"] },
        );
        renameSync(temporary, file);
      } finally {
        rmSync(temporary, { force: true });
      }
      pruneBundles(CACHE_DIR, BUNDLES_KEPT);
    }
    made = pathToFileURL(file);
  } catch {
    made = null;
  }
  return made ?? undefined;
}

/**
 * Bundles of earlier code go, but the `kept` newest: checkouts of other code may share this
 * node_modules, and one of their exports may be about to start its workers from its own. Best
 * effort: a file another export removes meanwhile is no error.
 */
export function pruneBundles(dir: string, kept: number): void {
  const bundles: { path: string; made: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^worker-.*\.mjs$/.test(name)) continue;
    try {
      bundles.push({ path: join(dir, name), made: statSync(join(dir, name)).mtimeMs });
    } catch {
      // gone already
    }
  }
  bundles.sort((a, b) => b.made - a.made);
  for (const { path } of bundles.slice(kept)) rmSync(path, { force: true });
}
