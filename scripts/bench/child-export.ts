// The export as `make export` runs it: the prebuilt command line (scripts/cli/prebuilt.ts) in a child
// process, timed from the parent (Node start-up included), with its peak memory from max-rss-hook.ts
// (preloaded as plain JavaScript: the prebuilt command line loads no TypeScript, and neither does it).

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { prebuiltEntry } from "../cli/prebuilt.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectPath } from "../lib/project-path.ts";

export type ChildExport = { finished: true; seconds: number; maxRssMb: number; userSeconds: number; systemSeconds: number; summary: string } | { finished: false; limitSeconds: number; seconds: number; why: string };

/**
 * Killed after `limitSeconds`: a size that would take too long on this machine is reported as such.
 * `formats`: the command line's --formats (all of them when absent).
 */
export function exportInChild(sourceDir: string, outDir: string, limitSeconds: number, formats?: readonly string[]): ChildExport {
  const scratch = mkdtempSync(join(tmpdir(), "bench-rss-"));
  try {
    const usage = usageHook(scratch);
    const entry = prebuiltEntry();
    if (!entry) throw new Error("the prebuilt command line cannot be made (scripts/cli/prebuilt.ts)");
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--import", pathToFileURL(usage.hook).href, fileURLToPath(entry), "--source", sourceDir, "--out", outDir, ...(formats ? ["--formats", formats.join(",")] : [])], {
      cwd: projectPath("."),
      env: { ...process.env, ...usage.env },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      timeout: limitSeconds * 1000,
      killSignal: "SIGKILL",
    });
    const seconds = (performance.now() - started) / 1000;
    if ((run.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT") return { finished: false, limitSeconds, seconds, why: `did not finish in ${limitSeconds} s (stopped)` };
    // Out of memory, for one: reported as the figure it is, not lost with the rest of the run.
    if (run.status !== 0 && /heap out of memory|Allocation failed/i.test(run.stderr)) return { finished: false, limitSeconds, seconds, why: `ran out of memory (JavaScript heap limit) after ${seconds.toFixed(0)} s` };
    if (run.status !== 0) throw new Error(`the export of ${sourceDir} failed (exit ${run.status}):\n${run.stdout}${run.stderr.slice(0, 4000)}`);
    return { finished: true, seconds, ...usage.read(), summary: summaryLine(run.stdout) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * max-rss-hook.ts put into `scratch` for a child to preload (`--import hook`, with `env`), and what
 * it wrote once the child is done: peak memory of every thread, user and system CPU time.
 */
export function usageHook(scratch: string): { hook: string; env: { BENCH_MAX_RSS_FILE: string }; read(): { maxRssMb: number; userSeconds: number; systemSeconds: number } } {
  // The hook's code holds no type: the same text serves as JavaScript.
  const hook = join(scratch, "max-rss-hook.mjs");
  writeFileSync(hook, readFileSync(projectPath("scripts/bench/max-rss-hook.ts"), "utf8"));
  const file = join(scratch, "maxrss");
  return {
    hook,
    env: { BENCH_MAX_RSS_FILE: file },
    read() {
      const [maxRssKb, userMicroseconds, systemMicroseconds] = readFileSync(file, "utf8").trim().split("\n").map(Number) as [number, number, number];
      return { maxRssMb: maxRssKb / 1024, userSeconds: userMicroseconds / 1e6, systemSeconds: systemMicroseconds / 1e6 };
    },
  };
}

/** The export's summary line: its last line of output (the `linked:` lines before it name each link between articles, thousands in a large corpus). */
export function summaryLine(stdout: string): string {
  return stdout.trim().split("\n").pop() ?? "";
}
