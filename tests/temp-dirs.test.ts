// The test files' temporary folders do not pile up in /tmp (tests/temp-dirs.ts removes them after
// each file).

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeTempDirs, tempDir } from "./helpers.ts";

describe("tempDir", () => {
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
});
