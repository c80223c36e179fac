// The prebuilt command line: cli/main.ts (the export's command line on the main thread, an export
// thread in a worker) and every pipeline module it imports, bundled by esbuild into plain JavaScript
// and kept in node_modules/.cache/org-article-export/cli-<hash>/, named by the hash of the
// pipeline's files (lib/pipeline-hash.ts): a change to the code gets a new bundle, never a stale one.
// `make export` runs it (`node node_modules/.cache/org-article-export/cli.cjs`); make builds it with
// `node --import tsx scripts/cli/prebuilt.ts` when a pipeline source changed. Tests and development
// run the TypeScript through tsx; their worker threads start from the same bundle (corpus/pool.ts).
//
// Why: Node with tsx spends some 0.45 s loading TypeScript before an export of one article starts;
// from the bundle the command line starts in Node's own start-up time, and a worker thread loads one
// file instead of each module through tsx's loader thread.
//
// One CommonJS file, main.js, started by a small loader, load.cjs, which compiles it with V8's code
// cache beside it (main.js.v8, made at the exit of the first run that exported, so it holds every
// function an export compiles): an export of one article then spends a quarter less CPU (0.42 s -> 0.31 s measured,
// BENCHMARKS.md), most of it compiling JavaScript. Node 20 keeps no code cache of its own
// (module.enableCompileCache is Node 22), nor one for ES modules. Packages stay outside the bundle,
// required from node_modules when first needed (esbuild initialises a dynamically imported module
// only when it is imported), but js-yaml and papaparse (externalPackages below). Every module of the bundle sees import.meta.url as cli/main.ts's own: the pipeline's modules all sit two
// folders below the project (scripts/<part>/<file>.ts) and use it only to find the project
// (lib/project-path.ts). ORG_ARTICLES_NO_WORKER_BUNDLE=1 makes the worker threads load the
// TypeScript through tsx instead (stack traces, a debugger).

import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pipelineHash } from "./pipeline-hash.ts";
import { projectPath } from "./project-path.ts";
import { childProcess } from "./child-process.ts";
import { CODE_CACHE_WORTHY } from "./code-cache.ts";
import { once } from "./once.ts";

/** Set by esbuild in the bundle: its own entry's URL. */
declare const ORG_ARTICLES_PREBUILT_ENTRY: string | undefined;

const require = createRequire(import.meta.url);
const ENTRY = projectPath("scripts/cli/main.ts");
export const PREBUILT_DIR = projectPath("node_modules/.cache/org-article-export");
/**
 * What make runs: one line that requires the current bundle's entry. CommonJS, not an ES module:
 * an ES module as the entry starts Node's ESM loader first, some 15 ms of a one-article export
 * (median of 25 interleaved runs: 296 ms against 280 ms).
 */
export const PREBUILT_CLI = join(PREBUILT_DIR, "cli.cjs");
/** Changes when the bundle is made differently. */
const BUNDLE_VERSION = 6;
/** Bundles kept in the cache, the newest. */
const BUNDLES_KEPT = 4;

/**
 * load.cjs: compiles main.js with its code cache (when there is one V8 accepts) and runs it as a
 * CommonJS module; the main thread writes the cache at exit when it had none.
 */
const LOADER = `// Made by scripts/lib/prebuilt-bundle.ts: runs main.js, compiled with V8's code cache beside it.
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire, wrap } = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");
const file = join(__dirname, "main.js");
const codeCache = file + ".v8";
let cachedData;
try {
  cachedData = readFileSync(codeCache);
} catch {}
const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once("exit", () => {
    // Only a run that exported (cli/export.ts says so, on the main thread) has compiled what an
    // export needs: a cache made by --help, an error or an unchanged output would hold a sixth of
    // it, and be kept; a worker thread says nothing.
    if (globalThis[Symbol.for("${CODE_CACHE_WORTHY}")] !== true) return;
    try {
      writeFileSync(codeCache + "." + process.pid, script.createCachedData());
      renameSync(codeCache + "." + process.pid, codeCache);
    } catch {}
  });
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(file), module_, file, __dirname);
`;

/** The bundle's entry (made first if needed), or undefined when it cannot be made. */
export const prebuiltEntry = once((): URL | undefined => {
  // Inside the bundle: itself.
  if (typeof ORG_ARTICLES_PREBUILT_ENTRY === "string") return new URL(ORG_ARTICLES_PREBUILT_ENTRY);
  try {
    return buildBundle();
  } catch {
    return undefined;
  }
});

/** For the worker threads: the bundle's entry, unless ORG_ARTICLES_NO_WORKER_BUNDLE=1 asks for tsx. */
export function workerBundle(): URL | undefined {
  return process.env.ORG_ARTICLES_NO_WORKER_BUNDLE === "1" ? undefined : prebuiltEntry();
}

/** Makes the bundle, unless it is made already; throws esbuild's message when it cannot. */
export function buildBundle(): URL {
  const esbuildVersion = (require("esbuild/package.json") as { version: string }).version;
  const hash = pipelineHash();
  const dir = join(PREBUILT_DIR, `cli-${hash.slice(0, 24)}-${esbuildVersion}-${BUNDLE_VERSION}`);
  const entry = join(dir, "load.cjs");
  if (!existsSync(entry)) {
    mkdirSync(PREBUILT_DIR, { recursive: true });
    // Written aside, then renamed: an export running at the same time never sees half a bundle.
    const temporary = `${dir}.${process.pid}`;
    try {
      // esbuild's command line rather than its API: buildSync would keep a thread and a child
      // process of esbuild's for the rest of this process.
      childProcess().execFileSync(
        require.resolve("esbuild/bin/esbuild"),
        [
          ENTRY,
          `--outfile=${join(temporary, "main.js")}`,
          "--bundle",
          "--platform=node",
          "--format=cjs",
          "--target=node20",
          ...externalPackages().map((name) => `--external:${name}`),
          `--define:import.meta.url=${JSON.stringify(pathToFileURL(ENTRY).href)}`,
          `--define:ORG_ARTICLES_PREBUILT_ENTRY=${JSON.stringify(pathToFileURL(entry).href)}`,
          `--define:ORG_ARTICLES_PIPELINE_HASH=${JSON.stringify(hash)}`,
          // Functions keep their names, as tsx keeps them.
          "--keep-names",
          "--log-level=error",
        ],
        { stdio: ["ignore", "ignore", "pipe"] },
      );
      // A package.json that says main.js is CommonJS, wherever the cache is; then its loader.
      writeFileSync(join(temporary, "package.json"), '{ "type": "commonjs" }\n');
      writeFileSync(join(temporary, "load.cjs"), LOADER);
      renameSync(temporary, dir);
    } catch (error) {
      if (!existsSync(entry)) throw error;
      // Another export made the same bundle meanwhile.
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
    pruneBundles(PREBUILT_DIR, BUNDLES_KEPT);
  }
  return pathToFileURL(entry);
}

/**
 * Every package the project installs stays outside the bundle, required from node_modules when
 * first needed, but those in BUNDLED_PACKAGES, which every export runs: js-yaml, which reads the
 * articles (a dozen small CommonJS files that take some 20 ms to find and compile on each start),
 * and papaparse, which writes the CSVs; inside the bundle they are compiled with its code cache.
 */
function externalPackages(): string[] {
  const { dependencies = {}, devDependencies = {} } = JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  return Object.keys({ ...dependencies, ...devDependencies })
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/** The packages compiled into the bundle (see externalPackages). */
const BUNDLED_PACKAGES = ["js-yaml", "papaparse"];

/**
 * Bundles of earlier code go, but the `kept` newest: checkouts of other code may share this
 * node_modules, and one of their exports may be about to start its workers from its own. Best
 * effort: a bundle another export removes meanwhile is no error.
 */
export function pruneBundles(dir: string, kept: number): void {
  const bundles: { path: string; made: number }[] = [];
  for (const name of readdirSync(dir)) {
    if (!/^(cli|worker)-[0-9a-z]+-\d+\.\d+\.\d+-\d+(\.mjs)?$/.test(name)) continue;
    try {
      bundles.push({ path: join(dir, name), made: statSync(join(dir, name)).mtimeMs });
    } catch {
      // gone already
    }
  }
  bundles.sort((a, b) => b.made - a.made);
  for (const { path } of bundles.slice(kept)) rmSync(path, { recursive: true, force: true });
}
