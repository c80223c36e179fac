// Ctrl-C (SIGINT) or a cancelled CI job (SIGTERM) during an export: it stops at its next step,
// leaves the output folder as it was, and removes what it made beside it (the staging folder, with
// whatever articles were written so far, and the lock), rather than leaving them for the next run.

import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ifexDist, snapshot, tempDir } from "./helpers.ts";
import { startExport } from "./process-helpers.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";

/** Eight articles, some linking to others: 48 files, or 8 × 6 waits as they are written. */
const ARTICLES = 8;
const source = tempDir("interrupt-source-");
generateCorpus(source, ARTICLES);

async function interrupt(signal: NodeJS.Signals, threads: string) {
  const parent = tempDir("interrupt-");
  const out = join(parent, "dist");
  cpSync(ifexDist(), out, { recursive: true });
  const before = snapshot(out);
  // Each file waits a moment as it is written: the signal comes while articles are being made.
  const run = startExport(["--source", source, "--out", out, "--threads", threads], { EXPORT_TEST_PAUSE_AT: "staging-file:150" });
  await run.said("paused at staging-file");
  expect(readdirSync(parent).some((name) => name.startsWith(".dist.staging-"))).toBe(true);
  run.child.kill(signal);
  const ended = await run.done;
  return { ended, parent, out, before };
}

describe("an interrupted export", () => {
  it.each([
    ["SIGINT", "2", 130],
    ["SIGINT", "0", 130],
    ["SIGTERM", "2", 143],
  ] as const)("on %s with %s worker threads: exits %i, the output as it was, nothing left beside it", async (signal, threads, status) => {
    const { ended, parent, out, before } = await interrupt(signal, threads);
    expect(ended.signal).toBeNull();
    expect(ended.status).toBe(status);
    expect(ended.stderr).toContain(`interrupted (${signal}): ${out}/ left as it was`);
    expect(ended.stdout).toBe("");
    // It stopped at its next step: the article being written when the signal came, perhaps the
    // next one, not the whole corpus (each file written says it waits).
    const waits = ended.stderr.split("paused at staging-file").length - 1;
    expect(waits).toBeGreaterThan(0);
    expect(waits).toBeLessThanOrEqual(threads === "0" ? 14 : 7 * 2 * 2);
    // The corpus would have replaced the copy of dist/ (other articles): it did not.
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });
});
