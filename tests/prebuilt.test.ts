// The command line and its worker threads start from one prebuilt JavaScript bundle
// (scripts/cli/prebuilt.ts), not through tsx: the export they make is the same either way, byte for byte.

import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { exportCorpus } from "../scripts/corpus/export-corpus.ts";
import { execFileSync, spawnSync } from "node:child_process";
import { createPool, startWorker, withoutPreloads } from "../scripts/corpus/pool.ts";
import { pathToFileURL } from "node:url";
import { PREBUILT_CLI, pruneBundles, workerBundle } from "../scripts/cli/prebuilt.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { DEFAULT_SETTINGS } from "../scripts/graph/shared.ts";
import { IFEX_SOURCE, ROOT, tempDir } from "./helpers.ts";

const NO_BUNDLE = "ORG_ARTICLES_NO_WORKER_BUNDLE";

afterEach(() => {
  delete process.env[NO_BUNDLE];
});

describe("the prebuilt command line", () => {
  it("is made, and the worker threads start from it", async () => {
    const bundle = workerBundle();
    expect(bundle).toBeDefined();
    const dir = dirname(fileURLToPath(bundle!));
    const texts = readdirSync(dir).filter((name) => name.endsWith(".js")).map((name) => readFileSync(join(dir, name), "utf8"));
    const text = texts.join("\n");
    // Every module of the pipeline is inside (no TypeScript left to load; the pieces import only
    // each other), and none has an import.meta of its own (each sees cli/main.ts's URL, two folders
    // below the project).
    expect(text).not.toMatch(/(from |require\()["']\.{1,2}\//);
    expect(text).not.toMatch(/import\.meta\.url\b(?!=)/);
    // js-yaml is compiled in (with the code cache); the other packages are required when needed.
    expect(text).not.toMatch(/require\(["']js-yaml["']\)/);
    expect(text).toMatch(/\bloadDocuments\b/);
    expect(text).toMatch(/require\d*\(["']ajv\/dist\/2020\.js["']\)/);
    expect(text).toContain(JSON.stringify(new URL("../scripts/cli/main.ts", import.meta.url).href));
    const pool = createPool({ staging: tempDir("bundle-"), formats: FORMATS, corpus: DEFAULT_SETTINGS }, 100, 2);
    expect(pool.loader).toBe("bundle");
    await pool.close();
    process.env[NO_BUNDLE] = "1";
    const withTsx = createPool({ staging: tempDir("bundle-"), formats: FORMATS, corpus: DEFAULT_SETTINGS }, 100, 2);
    expect(withTsx.loader).toBe("tsx");
    await withTsx.close();
  });

  it("is compiled with V8's code cache beside it, made by the first run that exported and then used as it is", () => {
    // A copy of the bundle of its own: other test files run the prebuilt command line at the same
    // time, and would make or use the cache of the shared one. It sits in the project's
    // node_modules/.cache, where the bundle's require() finds the packages.
    const bundle = dirname(fileURLToPath(workerBundle()!));
    const copy = mkdtempSync(join(ROOT, "node_modules/.cache/code-cache-test-"));
    onTestFinished(() => rmSync(copy, { recursive: true, force: true }));
    for (const name of ["load.cjs", "main.js"]) copyFileSync(join(bundle, name), join(copy, name));
    const loader = join(copy, "load.cjs");
    const codeCache = join(copy, "main.js.v8");
    const out = join(tempDir("code-cache-"), "dist");
    const run = (...args: string[]) => spawnSync(process.execPath, [loader, ...args], { encoding: "utf8" });
    const exportOnce = (to = join(tempDir("code-cache-"), "dist")) => run("--source", IFEX_SOURCE, "--out", to);
    // Runs that compile a small part of an export leave no cache: --help, an input error, and an
    // output found unchanged.
    expect(run("--help").status).toBe(0);
    const invalid = tempDir("code-cache-invalid-");
    writeFileSync(join(invalid, "broken.yaml"), "name: [unclosed\n");
    expect(run("--source", invalid, "--out", join(tempDir("code-cache-"), "dist")).status).toBe(1);
    expect(existsSync(codeCache)).toBe(false);
    expect(exportOnce(out).stdout).toMatch(/^exported: 1 article/m);
    // Its size depends on which functions were compiled and still held when the run ended (V8
    // flushes the bytecode of functions unused for a while); anything over 100 kB holds far more
    // than the bundle's top level (some 460 kB after an export of IFEX).
    const made = statSync(codeCache);
    expect(made.size).toBeGreaterThan(100_000);
    // V8 accepts it: later runs neither reject nor rewrite it.
    expect(exportOnce().stdout).toMatch(/^exported: 1 article/m);
    expect(statSync(codeCache).mtimeMs).toBe(made.mtimeMs);
    // A cache V8 refuses (another V8, other flags) is made again, and the next run accepts it.
    writeFileSync(codeCache, "not a code cache");
    expect(exportOnce(out).stdout).toMatch(/^unchanged: 1 article/m);
    expect(readFileSync(codeCache, "utf8")).toBe("not a code cache");
    expect(exportOnce().stdout).toMatch(/^exported: 1 article/m);
    const remade = statSync(codeCache);
    expect(remade.size).toBeGreaterThan(100_000);
    expect(exportOnce().stdout).toMatch(/^exported: 1 article/m);
    expect(statSync(codeCache).mtimeMs).toBe(remade.mtimeMs);
  });

  it("makes the same export as the TypeScript loaded through tsx", async () => {
    const source = join(ROOT, "tests/fixtures/linked-corpus");
    const outputs: Map<string, Buffer>[] = [];
    for (const noBundle of [false, true]) {
      if (noBundle) process.env[NO_BUNDLE] = "1";
      const out = join(tempDir("bundle-out-"), "dist");
      const result = await exportCorpus({ sourceDir: source, outDir: out, formats: FORMATS, threads: 2 });
      expect(result.ok).toBe(true);
      outputs.push(new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))])));
    }
    const [bundled, throughTsx] = outputs;
    expect([...bundled!.keys()]).toEqual([...throughTsx!.keys()]);
    for (const [name, bytes] of bundled!) expect(bytes.equals(throughTsx!.get(name)!), name).toBe(true);
    expect(bundled!.size).toBeGreaterThan(10);
  });

  it("is started by make as CommonJS, so Node does not start its ES module loader for it", () => {
    execFileSync("make", ["-s", "node_modules/.cache/org-article-export/cli.cjs"], { cwd: ROOT, stdio: "ignore" });
    expect(PREBUILT_CLI.endsWith(".cjs")).toBe(true);
    expect(readFileSync(join(ROOT, "Makefile"), "utf8")).toMatch(/^CLI\s*:= node_modules\/\.cache\/org-article-export\/cli\.cjs$/m);
    // Which of Node's own modules the export loaded, written as it exits.
    const scratch = tempDir("bundle-entry-");
    const hook = join(scratch, "loaded.cjs");
    writeFileSync(hook, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(join(scratch, "loaded"))}, process.moduleLoadList.join("\\n")));\n`);
    const run = spawnSync(process.execPath, ["-r", hook, PREBUILT_CLI, "--source", IFEX_SOURCE, "--out", join(scratch, "dist")], { cwd: ROOT, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const loaded = readFileSync(join(scratch, "loaded"), "utf8").split("\n");
    expect(loaded).toContain("NativeModule zlib"); // the export ran (its workbook)
    expect(loaded).not.toContain("NativeModule internal/modules/esm/module_job");
  });

  it("starts when the command line preloads TypeScript (as the benchmark's child export does)", () => {
    // A worker started from a file inherits the process's --import options; the bundle's are
    // dropped, or the TypeScript hook fails to load in a worker without tsx.
    expect(withoutPreloads(["--import", "tsx", "--import=./hook.ts", "-r", "x", "--max-old-space-size=900", "--loader", "y", "--cpu-prof"])).toEqual(["--max-old-space-size=900", "--cpu-prof"]);
    const scratch = tempDir("bundle-preload-");
    const usage = join(scratch, "usage");
    const run = spawnSync(
      process.execPath,
      ["--import", "tsx", "--import", join(ROOT, "scripts/bench/max-rss-hook.ts"), join(ROOT, "scripts/cli/export.ts"), "--source", join(ROOT, "tests/fixtures/linked-corpus"), "--out", join(scratch, "dist"), "--threads", "2"],
      { cwd: ROOT, env: { ...process.env, BENCH_MAX_RSS_FILE: usage }, encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(usage, "utf8").trim().split("\n")).toHaveLength(3);
  });

  it("starts when the command line sets V8's options, which Node refuses in a worker's own", () => {
    // `node --max-old-space-size=… scripts/cli/export.ts` for a large corpus: the workers get the
    // process's other Node options, and V8's apply to them anyway.
    const scratch = tempDir("bundle-v8-options-");
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=700", "--stack-size=900", "--import", "tsx", join(ROOT, "scripts/cli/export.ts"), "--source", join(ROOT, "tests/fixtures/linked-corpus"), "--out", join(scratch, "dist"), "--threads", "2"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readdirSync(join(scratch, "dist"))).toContain("SHA256SUMS");
  });

  it("gives a worker the Node options it accepts, without the ones Node refuses there", async () => {
    const file = join(tempDir("worker-options-"), "echo.mjs");
    writeFileSync(file, 'import { parentPort } from "node:worker_threads";\nparentPort.postMessage(process.execArgv);\n');
    const execArgvOf = async (execArgv: string[]) => {
      const worker = startWorker(pathToFileURL(file), {}, execArgv);
      try {
        return await new Promise<string[]>((resolve, reject) => {
          worker.once("message", resolve);
          worker.once("error", reject);
        });
      } finally {
        await worker.terminate();
      }
    };
    expect(await execArgvOf(["--no-deprecation", "--max-old-space-size=700", "--stack-size=900"])).toEqual(["--no-deprecation"]);
    expect(await execArgvOf(["--no-deprecation"])).toEqual(["--no-deprecation"]);
    expect(await execArgvOf([])).toEqual([]);
  });

  it("keeps the newest bundles of other code, and nothing else of the cache is touched", () => {
    const dir = tempDir("bundles-");
    const names = [1, 2, 3, 4, 5, 6].map((n) => `worker-${n}-0.28.2-1.mjs`);
    names.forEach((name, i) => {
      writeFileSync(join(dir, name), "");
      utimesSync(join(dir, name), 1_000_000 + i, 1_000_000 + i);
    });
    writeFileSync(join(dir, "abc.state"), "{}");
    pruneBundles(dir, 4);
    expect(readdirSync(dir).sort()).toEqual(["abc.state", ...names.slice(2)].sort());
  });
});
