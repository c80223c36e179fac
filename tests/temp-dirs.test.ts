// The test files' temporary folders do not pile up in /tmp (tests/temp-dirs.ts removes them after
// each file).

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ifexDist, removeTempDirs, tempDir } from "./helpers.ts";
import { TEMP_ROOT_PREFIX } from "./temp-root.ts";

describe("tempDir", () => {
  it("makes its folders in the run's own temporary folder, which the run removes as it ends", () => {
    expect(basename(tmpdir()).startsWith(TEMP_ROOT_PREFIX)).toBe(true);
    // One such folder, not one per project of vitest.config.ts inside another.
    expect(basename(dirname(tmpdir())).startsWith(TEMP_ROOT_PREFIX)).toBe(false);
    expect(dirname(tempDir("temp-dirs-"))).toBe(tmpdir());
  });

  it("makes a new folder each time, and removeTempDirs removes each with what it holds", () => {
    const a = tempDir("temp-dirs-");
    const b = tempDir("temp-dirs-");
    expect(a).not.toBe(b);
    mkdirSync(join(a, "nested"));
    writeFileSync(join(a, "nested", "file.txt"), "x");
    writeFileSync(join(b, "file.txt"), "y");
    removeTempDirs();
    expect([existsSync(a), existsSync(b)]).toEqual([false, false]);
    // Called again with nothing made since: nothing to do, no error.
    removeTempDirs();
  });

  it("keeps what the test files of a process share (IFEX's output) for the run", () => {
    const shared = ifexDist();
    expect(existsSync(join(shared, "manifest.json"))).toBe(true);
    removeTempDirs(); // as after a test file
    expect(ifexDist()).toBe(shared);
    expect(existsSync(join(shared, "manifest.json"))).toBe(true);
  });
});
