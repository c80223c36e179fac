// `make export` of the project's own source/ (IFEX), timed as a user runs it: in a copy of the
// project (tracked files, node_modules hard-linked) so the worktree's dist/ and cache are untouched.
// The copy's prebuilt command line is made first, untimed (make makes it once per change of the
// code). The first export after that makes V8's code cache of the command line (once per change of
// the code, cli/prebuilt.ts): timed, and reported on its own. Then each of the runs: cold (dist/
// removed first), warm (run again with nothing changed), and Node's own start-up, one after the
// other, so that the three see the same moments of a shared host.

import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { projectPath } from "../lib/project-path.ts";

export interface MakeTimes {
  /** The first export after the command line was made: it also makes the code cache. */
  first?: number;
  cold: number[];
  warm: number[];
  /** Node's own start-up, `node -e 0`, timed between them: what no command line in Node can beat. */
  node?: number[];
  /**
   * `node -e 0` as make starts Node, without NODE_EXTRA_CA_CERTS (the Makefile clears it: Node 20
   * reads those certificates at every start): timed only where the environment sets it.
   */
  nodeAsMake?: number[];
}

export function timeMakeExport(runs: number): MakeTimes {
  const root = projectPath(".");
  const copy = mkdtempSync(join(tmpdir(), "bench-make-"));
  try {
    const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    for (const file of tracked) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(root, file), join(copy, file), { preserveTimestamps: true });
    }
    // Hard links: a copy in a second; the copy's cache (its prebuilt command line, its export's
    // state) is its own.
    execFileSync("cp", ["-al", join(root, "node_modules"), join(copy, "node_modules")]);
    rmSync(join(copy, "node_modules/.cache/org-article-export"), { recursive: true, force: true });
    execFileSync("make", ["node_modules/.cache/org-article-export/cli.cjs"], { cwd: copy, stdio: "ignore" });
    const make = (): number => {
      const started = performance.now();
      const run = spawnSync("make", ["export"], { cwd: copy, encoding: "utf8" });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`make export failed in ${copy}:\n${run.stdout}${run.stderr}`);
      return seconds;
    };
    rmSync(join(copy, "dist"), { recursive: true, force: true });
    const times: Required<MakeTimes> = { first: make(), cold: [], warm: [], node: [], nodeAsMake: [] };
    const nodeStart = (env: NodeJS.ProcessEnv): number => {
      const started = performance.now();
      spawnSync(process.execPath, ["-e", "0"], { env });
      return (performance.now() - started) / 1000;
    };
    const { NODE_EXTRA_CA_CERTS: extraCertificates, ...withoutExtraCertificates } = process.env;
    for (let i = 0; i < runs; i++) {
      rmSync(join(copy, "dist"), { recursive: true, force: true });
      times.cold.push(make());
      times.warm.push(make());
      times.node.push(nodeStart(process.env));
      if (extraCertificates) times.nodeAsMake.push(nodeStart(withoutExtraCertificates));
    }
    return times;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Where a failed `make test` of the benchmark leaves its whole output. */
export const MAKE_TEST_LOG = join(tmpdir(), "org-article-export-bench-make-test.log");

/**
 * `make test` in the project itself, once, as the README runs it: seconds of wall time. When it
 * fails, its whole output goes to MAKE_TEST_LOG and the error names it with the output's last lines
 * (where vitest sums up what failed).
 */
export function timeMakeTest(): number {
  const started = performance.now();
  const run = spawnSync("make", ["test"], { cwd: projectPath("."), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) {
    writeFileSync(MAKE_TEST_LOG, `${run.stdout}\n--- stderr ---\n${run.stderr}`);
    const last = `${run.stdout}\n${run.stderr}`.trimEnd().split("\n").slice(-40).join("\n");
    throw new Error(`make test failed (${run.signal ? `signal ${run.signal}` : `exit ${run.status}`}) after ${seconds.toFixed(1)} s; its whole output: ${MAKE_TEST_LOG}; its last lines:\n${last}`);
  }
  return seconds;
}
