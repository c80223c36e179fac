// The exports the benchmark times, each as users run it: the prebuilt command line in a child
// process (Node's start-up included), `make export` of the project's IFEX, `make test`, and the
// Python rdflib script of issue 28's throughput budget (rdflib-baseline.py).

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { prebuiltEntry } from "../lib/prebuilt-bundle.ts";
import { projectPath } from "../lib/project-path.ts";

export interface Run {
  seconds: number;
  userSeconds: number;
  systemSeconds: number;
  /** Peak resident memory of every thread (max-rss-hook.ts). */
  peakMb: number;
  summary: string;
}

/** Waits for what earlier work left to write, so that one export's writing does not slow the next. */
const settle = () => execFileSync("sync");

/** The prebuilt command line exporting `source` into `out`, its time, CPU and peak memory (preloaded max-rss-hook.ts). */
export function exportInChild(source: string, out: string): Run {
  settle();
  const scratch = mkdtempSync(join(tmpdir(), "bench-usage-"));
  try {
    // The hook holds no type: its text is JavaScript as it stands.
    const hook = join(scratch, "hook.mjs");
    writeFileSync(hook, readFileSync(projectPath("scripts/bench/max-rss-hook.ts")));
    const entry = prebuiltEntry();
    if (!entry) throw new Error("the prebuilt command line cannot be made (scripts/cli/prebuilt.ts)");
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--import", pathToFileURL(hook).href, fileURLToPath(entry), "--source", source, "--out", out], {
      cwd: projectPath("."),
      env: { ...process.env, BENCH_MAX_RSS_FILE: join(scratch, "usage") },
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    const seconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`the export of ${source} failed (exit ${run.status}):\n${run.stderr.slice(0, 4000)}`);
    const [rssKb, user, system] = readFileSync(join(scratch, "usage"), "utf8").trim().split("\n").map(Number) as [number, number, number];
    return { seconds, userSeconds: user / 1e6, systemSeconds: system / 1e6, peakMb: rssKb / 1024, summary: run.stdout.trim().split("\n").pop() ?? "" };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `count` copies of source/ifex.yaml in `dir`, each under its own slug (ifex-0000, …), with source/corpus.yaml. */
export function writeIfexCopies(dir: string, count: number): string[] {
  mkdirSync(dir, { recursive: true });
  cpSync(projectPath("source/corpus.yaml"), join(dir, "corpus.yaml"));
  const text = readFileSync(projectPath("source/ifex.yaml"), "utf8");
  const files: string[] = [];
  for (let n = 0; n < count; n++) {
    const slug = `ifex-${String(n).padStart(4, "0")}`;
    const copy = text.replace(/^ {2}slug: ifex$/m, `  slug: ${slug}`);
    if (copy === text) throw new Error("source/ifex.yaml has no line '  slug: ifex'");
    files.push(join(dir, `${slug}.yaml`));
    writeFileSync(files[files.length - 1]!, copy);
  }
  return files;
}

/** Changes an article's title, as a person editing it would. */
export function editTitle(file: string): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(/^ {2}title: (.*)$/m, (_, title: string) => `  title: ${title} (edited)`);
  if (edited === text) throw new Error(`${file}: no title line to edit`);
  writeFileSync(file, edited);
}

/** Python rdflib reading every article's Turtle of `dist` and writing Turtle, JSON-LD and N-Triples: wall seconds and its line. */
export function rdflibBaseline(dist: string, out: string, python = "/usr/bin/python3"): { seconds: number; summary: string } | undefined {
  settle();
  const started = performance.now();
  const run = spawnSync(python, [projectPath("scripts/bench/rdflib-baseline.py"), dist, out], { encoding: "utf8" });
  if (run.status !== 0) return undefined;
  return { seconds: (performance.now() - started) / 1000, summary: run.stdout.trim() };
}

export interface MakeTimes {
  /** `make export` from an empty dist/, with nothing changed, and Node's own start-up (`node -e 0`), in turns. */
  cold: number[];
  warm: number[];
  node: number[];
}

/**
 * `make export` of IFEX, in a copy of the project's tracked files (node_modules hard-linked), so
 * the worktree's dist/ is untouched; its command line made, and its code cache by a first export.
 */
export function timeMakeExport(runs: number): MakeTimes {
  const copy = mkdtempSync(join(tmpdir(), "bench-make-"));
  try {
    for (const file of execFileSync("git", ["ls-files", "-z"], { cwd: projectPath("."), encoding: "utf8" }).split("\0").filter(Boolean)) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(projectPath(file), join(copy, file), { preserveTimestamps: true });
    }
    execFileSync("cp", ["-al", projectPath("node_modules"), join(copy, "node_modules")]);
    rmSync(join(copy, "node_modules/.cache/org-article-export"), { recursive: true, force: true });
    const timed = (command: string, args: string[]) => {
      const started = performance.now();
      const run = spawnSync(command, args, { cwd: copy, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${copy}:\n${run.stdout}${run.stderr}`);
      return (performance.now() - started) / 1000;
    };
    rmSync(join(copy, "dist"), { recursive: true, force: true });
    timed("make", ["export"]);
    const times: MakeTimes = { cold: [], warm: [], node: [] };
    for (let i = 0; i < runs; i++) {
      rmSync(join(copy, "dist"), { recursive: true, force: true });
      times.cold.push(timed("make", ["export"]));
      times.warm.push(timed("make", ["export"]));
      // As make starts Node: without the certificates NODE_EXTRA_CA_CERTS names (see the Makefile).
      times.node.push(timed("env", ["-u", "NODE_EXTRA_CA_CERTS", process.execPath, "-e", "0"]));
    }
    return times;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

/** `make test` in the project, once: wall seconds, or the end of its output when it fails. */
export function timeMakeTest(): number | string {
  const started = performance.now();
  const run = spawnSync("make", ["test"], { cwd: projectPath("."), encoding: "utf8", maxBuffer: 1 << 28 });
  // Without the colours vitest writes.
  if (run.status !== 0) return `failed: ${`${run.stdout}\n${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, "").trimEnd().split("\n").slice(-5).join(" / ")}`;
  return (performance.now() - started) / 1000;
}

export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
