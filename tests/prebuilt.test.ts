// The command line and its worker threads start from one prebuilt JavaScript bundle
// (scripts/cli/prebuilt.ts), not through tsx: the export they make is the same either way, byte for byte.

import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { exportCorpus } from "../scripts/corpus/export-corpus.ts";
import { spawnSync } from "node:child_process";
import { createPool, startWorker, withoutPreloads } from "../scripts/corpus/pool.ts";
import { pathToFileURL } from "node:url";
import { pruneBundles, workerBundle } from "../scripts/cli/prebuilt.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { ROOT, tempDir } from "./helpers.ts";

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
    expect(text).toContain(JSON.stringify(new URL("../scripts/cli/main.ts", import.meta.url).href));
    const pool = createPool({ staging: tempDir("bundle-"), formats: FORMATS }, 100, 2);
    expect(pool.loader).toBe("bundle");
    await pool.close();
    process.env[NO_BUNDLE] = "1";
    const withTsx = createPool({ staging: tempDir("bundle-"), formats: FORMATS }, 100, 2);
    expect(withTsx.loader).toBe("tsx");
    await withTsx.close();
  });

  it("is compiled with V8's code cache beside it, made by a first run and then used as it is", () => {
    const loader = fileURLToPath(workerBundle()!);
    const codeCache = join(dirname(loader), "main.js.v8");
    rmSync(codeCache, { force: true });
    const exportOnce = () => spawnSync(process.execPath, [loader, "--source", join(ROOT, "source"), "--out", join(tempDir("code-cache-"), "dist")], { encoding: "utf8" });
    expect(exportOnce().stdout).toMatch(/^exported: 1 article/m);
    const made = statSync(codeCache);
    expect(made.size).toBeGreaterThan(100_000);
    // V8 accepts it: a second run neither rejects nor rewrites it.
    expect(exportOnce().stdout).toMatch(/^exported: 1 article/m);
    expect(statSync(codeCache).mtimeMs).toBe(made.mtimeMs);
    // A cache V8 refuses (another V8, other flags) is made again.
    writeFileSync(codeCache, "not a code cache");
    expect(exportOnce().stdout).toMatch(/^exported: 1 article/m);
    expect(statSync(codeCache).size).toBeGreaterThan(100_000);
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
