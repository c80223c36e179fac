// The same input gives byte-identical artifacts, whatever the time zone, the locale or the current
// directory; and the project's dist/ is what its source/ makes now, whatever articles it holds (the
// one test that reads source/ and dist/: the others use their own fixtures).

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IFEX_SOURCE, ifexDist, ROOT, runExport, snapshot, tempDir } from "./helpers.ts";

describe("output", () => {
  it("is byte-identical across exports, whatever the time zone, the locale or the current directory", () => {
    const out = tempDir("dist-env-");
    const result = runExport(["--source", IFEX_SOURCE, "--out", out], { cwd: tempDir("cwd-"), env: { TZ: "Pacific/Kiritimati", LANG: "tr_TR.UTF-8", LC_ALL: "tr_TR.UTF-8" } });
    expect(result.status).toBe(0);
    const written = snapshot(out);
    expect(written.size).toBeGreaterThanOrEqual(4);
    // ifexDist: the same source exported by another process, in the test's own environment.
    expect(written).toEqual(snapshot(ifexDist()));
  });
});

describe("the project's dist/", () => {
  it("is what the export of source/ writes now, of every article source/ holds", () => {
    const out = tempDir("dist-now-");
    const result = runExport(["--source", join(ROOT, "source"), "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const now = snapshot(out);
    const committed = snapshot(join(ROOT, "dist"));
    expect([...committed.keys()], "the files of dist/").toEqual([...now.keys()]);
    // A stale dist/ fails here: run `make export` (and commit dist/).
    expect([...now.keys()].filter((name) => committed.get(name) !== now.get(name)), "files of dist/ that source/ no longer makes: run make export").toEqual([]);
  });
});
