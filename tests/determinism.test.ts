// The same input gives byte-identical artifacts, and the committed dist/ is what the source gives.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runExport, snapshot, tempDir } from "./helpers.ts";

describe("output", () => {
  it("is byte-identical across two exports, and equal to the committed dist/", () => {
    const first = tempDir("dist-a-");
    const second = tempDir("dist-b-");
    expect(runExport(["--source", join(ROOT, "source"), "--out", first]).status).toBe(0);
    expect(runExport(["--source", join(ROOT, "source"), "--out", second]).status).toBe(0);
    const a = snapshot(first);
    expect(a.size).toBeGreaterThanOrEqual(4);
    expect(snapshot(second)).toEqual(a);
    // A stale dist/ fails here: run `make export` and commit dist/.
    expect(snapshot(join(ROOT, "dist"))).toEqual(a);
  });

  it("does not depend on the time zone, the locale or the current directory", () => {
    const out = tempDir("dist-env-");
    const result = runExport(["--source", join(ROOT, "source"), "--out", out], { cwd: tempDir("cwd-"), env: { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" } });
    expect(result.status).toBe(0);
    expect(snapshot(out)).toEqual(snapshot(join(ROOT, "dist")));
  });
});
