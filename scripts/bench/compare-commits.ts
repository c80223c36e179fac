// What an article costs at several commits, on one corpus: which change made the export slower
// (issue 16: "no slower than today"). BENCHMARKS.md's other tables measure one version of the
// code; this one sets versions side by side, on the same host, minutes apart.
//
//   node --import tsx scripts/bench/compare-commits.ts [--articles 2000] [--runs 2] [--write] COMMIT…
//
// Each commit is checked out into a worktree of its own (npm ci there, from npm's cache) and
// exports the same corpus `runs` times with its own command line, through tsx (every commit has
// scripts/cli/export.ts; the prebuilt one is newer), on the main thread alone (--threads 0: the
// workers' start-up and the host's scheduling stay out of the figure), with the six formats every
// commit since 2d80e7a writes. CPU is user and system time of the whole process (usageHook); the
// run of least user time is reported, the host being shared. The corpus is made by the first
// commit's generator (scripts/bench/generate-corpus.ts), whose articles every later commit reads.
// --write puts the table into BENCHMARKS.md between <!-- compare-commits --> and its closing
// marker (npm run bench keeps that block).

import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { machine as hostMachine } from "./machine.ts";
import { keptBlock, writeKeptBlock } from "./kept-block.ts";
import { usageHook } from "./child-export.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const SIX_FORMATS = "csv,jsonld,ttl,infobox,nt,html";
const { values, positionals: commits } = parseArgs({
  allowPositionals: true,
  options: { articles: { type: "string", default: "2000" }, runs: { type: "string", default: "2" }, write: { type: "boolean", default: false } },
});
const articles = Number(values.articles);
const runs = Number(values.runs);
if (commits.length === 0 || !Number.isInteger(articles) || articles < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("usage: node --import tsx scripts/bench/compare-commits.ts [--articles 2000] [--runs 2] [--write] COMMIT…");
  process.exit(2);
}

const git = (...args: string[]): string => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Measured {
  commit: string;
  date: string;
  subject: string;
  userSeconds: number;
  systemSeconds: number;
  wallSeconds: number;
  bytes: number;
}

/** Bytes of every file under `dir`. */
function bytesUnder(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? bytesUnder(path) : statSync(path).size;
  }
  return total;
}

const scratch = mkdtempSync(join(tmpdir(), "compare-commits-"));
const worktrees: string[] = [];
const results: Measured[] = [];
try {
  const usage = usageHook(scratch);
  const corpus = join(scratch, "corpus");
  const out = join(scratch, "out");
  // Node 20 reads NODE_EXTRA_CA_CERTS at every start (the Makefile leaves it out too).
  const env: NodeJS.ProcessEnv = { ...process.env, ...usage.env };
  delete env.NODE_EXTRA_CA_CERTS;

  const trees: { hash: string; tree: string; date: string; subject: string }[] = [];
  for (const [index, commit] of commits.entries()) {
    const hash = git("rev-parse", "--short", `${commit}^{commit}`);
    const tree = join(scratch, hash);
    git("worktree", "add", "--detach", tree, hash);
    worktrees.push(tree);
    log(`${hash}: npm ci`);
    execFileSync("npm", ["ci", "--prefer-offline", "--no-audit", "--no-fund"], { cwd: tree, stdio: "ignore" });
    if (index === 0) {
      log(`${hash}: generating ${articles} articles`);
      const generate = `const { generateCorpus } = await import("./scripts/bench/generate-corpus.ts"); generateCorpus(${JSON.stringify(corpus)}, ${articles});`;
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", generate], { cwd: tree, stdio: "ignore" });
    }
    trees.push({ hash, tree, date: git("log", "-1", "--format=%cs", hash), subject: git("log", "-1", "--format=%s", hash) });
  }
  // Round after round over the commits, not one commit's runs together: the file system's pace
  // changes from minute to minute (creating files is slow for a while after many deletions), and
  // each commit should meet the same spread of it.
  const best = new Map<string, Measured>();
  for (let run = 0; run < runs; run++) {
    for (const { hash, tree, date, subject } of trees) {
      rmSync(out, { recursive: true, force: true });
      const start = process.hrtime.bigint();
      const child = spawnSync(process.execPath, ["--import", "tsx", "--import", usage.hook, "scripts/cli/export.ts", "--source", corpus, "--out", out, "--threads", "0", "--formats", SIX_FORMATS], { cwd: tree, env, encoding: "utf8", maxBuffer: 1 << 30 });
      const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (child.status !== 0) throw new Error(`${hash} did not export the corpus (exit ${child.status}):\n${child.stderr.slice(-2000)}`);
      const { userSeconds, systemSeconds } = usage.read();
      const measured: Measured = { commit: hash, date, subject, userSeconds, systemSeconds, wallSeconds, bytes: bytesUnder(out) };
      log(`${hash} run ${run + 1}: user ${measured.userSeconds.toFixed(2)} s, system ${measured.systemSeconds.toFixed(2)} s, ${wallSeconds.toFixed(2)} s wall`);
      const previous = best.get(hash);
      if (!previous || measured.userSeconds < previous.userSeconds) best.set(hash, measured);
    }
  }
  results.push(...trees.map(({ hash }) => best.get(hash)!));
} finally {
  for (const tree of worktrees) git("worktree", "remove", "--force", tree);
  rmSync(scratch, { recursive: true, force: true });
}

const host = hostMachine();
const ms = (seconds: number): string => `${((seconds / articles) * 1000).toFixed(2)} ms`;
const firstSubject = (s: string): string => (s.length > 90 ? `${s.slice(0, 90).replace(/\s+\S*$/, "")} …` : s).replace(/\|/g, "\\|");
const lines = [
  "## The same articles at several commits (`scripts/bench/compare-commits.ts`)",
  "",
  `Measured ${host.date.slice(0, 16)}Z on ${host.cpu}, ${host.cores} cores, ${host.memoryGb.toFixed(1)} GB, Node.js ${host.node}: ` +
    `${articles} synthetic articles (the generator of ${results[0]!.commit}), exported by each commit's own command line on the main thread alone, ` +
    `with the six formats every one of them writes (${SIX_FORMATS}); the run of least user CPU of ${runs}, the runs taken in turns. The system time follows the file system's state more than the code (creating files is slow for a while after many deletions); the user time is the code's. The host is shared: compare the rows with each other, not with other tables.`,
  "",
  "| commit | date | change | user CPU per article | user, system | wall | written |",
  "|---|---|---|---|---|---|---|",
  ...results.map((r) => `| ${r.commit} | ${r.date} | ${firstSubject(r.subject)} | ${ms(r.userSeconds)} | ${r.userSeconds.toFixed(2)} s, ${r.systemSeconds.toFixed(2)} s | ${r.wallSeconds.toFixed(2)} s | ${(r.bytes / 1e6).toFixed(0)} MB |`),
];
console.log(keptBlock("compare-commits", lines));
if (values.write) writeKeptBlock(join(ROOT, "BENCHMARKS.md"), "compare-commits", lines);
