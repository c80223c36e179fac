// Nothing lost: an export killed at any step leaves the previous output byte-identical (or puts it
// back on the next run, whether that run succeeds or not), and two exports at once do not mix.

import { cpSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ifexDist, snapshot, tempDir } from "./helpers.ts";
import { sourcesTitled, startExport } from "./process-helpers.ts";
import type { PauseStep } from "../scripts/publish/test-pause.ts";
import { recoverDist } from "../scripts/publish/staged-dist.ts";

/** The previous output: IFEX's export (IFEX alone, tests/helpers.ts ifexDist). */
const previous = () => snapshot(ifexDist());

/** An output folder holding a copy of the previous output, alone in its parent (leftovers are its siblings). */
function previousOutput(): { parent: string; out: string } {
  const parent = tempDir("kill-");
  const out = join(parent, "dist");
  cpSync(ifexDist(), out, { recursive: true });
  return { parent, out };
}

async function killAt(step: PauseStep, source: string, out: string) {
  const run = startExport(["--source", source, "--out", out], { EXPORT_TEST_PAUSE_AT: step });
  await run.said(`paused at ${step}`);
  run.child.kill("SIGKILL");
  const ended = await run.done;
  expect(ended.signal).toBe("SIGKILL");
}

describe("an export killed midway", () => {
  it("leaves the previous output byte-identical at every step, or recovered on the next run", async () => {
    const changed = sourcesTitled("IFEX, retitled");
    expect(changed.files).not.toEqual(previous());
    const steps: PauseStep[] = ["locked", "staging-file", "staged", "moved-aside", "swapped"];
    const cases = steps.map((step) => ({ step, ...previousOutput() }));
    await Promise.all(cases.map((c) => killAt(c.step, changed.dir, c.out)));

    for (const c of cases) {
      if (c.step === "moved-aside") {
        // Between the two renames the old folder is aside under a known name, whole.
        expect(existsSync(c.out)).toBe(false);
        const aside = readdirSync(c.parent).filter((name) => name.startsWith(".dist.old-"));
        expect(aside).toHaveLength(1);
        expect(snapshot(join(c.parent, aside[0]!))).toEqual(previous());
      } else if (c.step === "swapped") {
        // Killed after the swap: the new output is complete.
        expect(snapshot(c.out)).toEqual(changed.files);
      } else {
        expect(snapshot(c.out)).toEqual(previous());
      }
    }

    // The next run, even one that fails on invalid input, puts the old folder back and clears leftovers
    // (the dead export's lock included: it would otherwise hang). The command line does it for the
    // case that needs it most; the same recovery, called directly, for the others.
    const broken = tempDir("broken-source-");
    writeFileSync(join(broken, "ifex.yaml"), "article: [\n");
    for (const c of cases) {
      if (c.step === "moved-aside") expect((await startExport(["--source", broken, "--out", c.out]).done).status).toBe(1);
      else recoverDist(c.out);
      expect(snapshot(c.out)).toEqual(c.step === "swapped" ? changed.files : previous());
      expect(readdirSync(c.parent)).toEqual(["dist"]);
    }
  });
});

describe("two exports started at once", () => {
  it("wait for each other: the second to take the lock writes the final, complete output", async () => {
    const { parent, out } = previousOutput();
    const a = sourcesTitled("IFEX, version A");
    const b = sourcesTitled("IFEX, version B");
    // A holds the lock for a while with its files staged; B starts meanwhile and must wait for it.
    const first = startExport(["--source", a.dir, "--out", out], { EXPORT_TEST_PAUSE_AT: "staged:1500" });
    await first.said("paused at staged");
    const second = startExport(["--source", b.dir, "--out", out]);
    const [ra, rb] = await Promise.all([first.done, second.done]);
    expect(ra.status).toBe(0);
    expect(rb.status).toBe(0);
    expect(snapshot(out)).toEqual(b.files);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });

  it("end with one export's output whole, never a mix", async () => {
    const { parent, out } = previousOutput();
    const a = sourcesTitled("IFEX, version A");
    const b = sourcesTitled("IFEX, version B");
    const runs = await Promise.all([startExport(["--source", a.dir, "--out", out]).done, startExport(["--source", b.dir, "--out", out]).done]);
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    const final = snapshot(out);
    expect([a.files, b.files]).toContainEqual(final);
    expect(readdirSync(parent)).toEqual(["dist"]);
  });
});
