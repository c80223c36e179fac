// `make export` itself: with nothing changed make answers without starting Node (the record the
// export leaves, .dist.record.mk), and it still notices every way the output can go stale: dist/
// removed, a file of it deleted, edited or added by hand, an article added or removed, a source
// edited, FORCE=1, another SOURCE_DATE_EPOCH. Run in a copy of the project's tree (its code, schemas
// and node_modules linked, its own dist/, and IFEX alone in its source/: tests/fixtures/ifex/), so
// the project's own source/ and output are neither read nor touched.

import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { IFEX_SOURCE, ROOT, tempDir } from "./helpers.ts";

let dir: string;

/** What `make -s export` printed: the command line's summary line, or make's own "unchanged" line. */
function makeExport(env: Record<string, string> = {}, ...args: string[]): string {
  const { SOURCE_DATE_EPOCH: _, ...inherited } = process.env;
  // -o: the copy never installs packages (its node_modules is the project's) nor remakes the command line.
  const old = ["-o", "node_modules/.package-lock.json", "-o", "node_modules/.cache/org-article-export/cli.cjs"];
  return execFileSync("make", ["-s", ...old, "export", ...args], { cwd: dir, encoding: "utf8", env: { ...inherited, ...env } }).trim();
}

/** Gives the file a time later than the record's, as any edit after the export has (a coarse clock could give it the same). */
function touchLater(path: string): void {
  const record = statSync(join(dir, ".dist.record.stamp")).mtimeMs;
  while (Date.now() <= record + 20) execFileSync("sleep", ["0.02"]);
  const now = new Date();
  utimesSync(path, now, now);
}

const MAKE_UNCHANGED = "unchanged: dist/ is what source/ makes (make export FORCE=1 makes it again)";

beforeAll(() => {
  // The prebuilt command line, made in the project itself (as make export there makes it).
  execFileSync("make", ["-s", "node_modules/.cache/org-article-export/cli.cjs"], { cwd: ROOT, stdio: "ignore" });
  dir = tempDir("make-export-");
  for (const name of ["Makefile", "package.json", "package-lock.json", "tsconfig.json", "scripts", "schemas", "node_modules"]) symlinkSync(join(ROOT, name), join(dir, name));
  cpSync(IFEX_SOURCE, join(dir, "source"), { recursive: true });
});

describe("make export", () => {
  it("exports into a missing dist/, then says unchanged without running the command line", () => {
    expect(makeExport()).toMatch(/^exported: 1 article, 16 files, /m);
    expect(readdirSync(join(dir, "dist"))).toHaveLength(16);
    expect(readFileSync(join(dir, ".dist.record.mk"), "utf8")).toContain("EXPORTED_FILES := dist/SHA256SUMS ");
    expect(makeExport()).toBe(MAKE_UNCHANGED);
  });

  it("makes dist/ again when it was removed", () => {
    rmSync(join(dir, "dist"), { recursive: true });
    expect(makeExport()).toMatch(/^exported: 1 article, 16 files, /m);
    expect(makeExport()).toBe(MAKE_UNCHANGED);
  });

  it("makes a deleted, a hand-edited file again, and removes a file added by hand", () => {
    const nt = join(dir, "dist/ifex.nt");
    const text = readFileSync(nt, "utf8");
    rmSync(nt);
    expect(makeExport()).toMatch(/^exported: /m);
    expect(readFileSync(nt, "utf8")).toBe(text);
    appendFileSync(nt, "# edited\n");
    touchLater(nt);
    expect(makeExport()).toMatch(/^exported: /m);
    expect(readFileSync(nt, "utf8")).toBe(text);
    writeFileSync(join(dir, "dist/notes.txt"), "mine\n");
    expect(makeExport()).toMatch(/^exported: /m);
    expect(existsSync(join(dir, "dist/notes.txt"))).toBe(false);
    expect(makeExport()).toBe(MAKE_UNCHANGED);
  });

  it("asks the command line when a source is newer, which compares its text", () => {
    touchLater(join(dir, "source/ifex.yaml"));
    expect(makeExport()).toMatch(/^unchanged: 1 article, 16 files, /m);
    expect(makeExport()).toBe(MAKE_UNCHANGED);
  });

  it("exports an added article, and takes a removed one's files away", () => {
    const text = readFileSync(join(dir, "source/ifex.yaml"), "utf8");
    writeFileSync(join(dir, "source/ifex-copy.yaml"), text.replace(/^ {2}slug: ifex$/m, "  slug: ifex-copy"));
    expect(makeExport()).toMatch(/^exported: 2 articles, 23 files, /m);
    rmSync(join(dir, "source/ifex-copy.yaml"));
    expect(makeExport()).toMatch(/^exported: 1 article, 16 files, /m);
    expect(readdirSync(join(dir, "dist")).filter((name) => name.startsWith("ifex-copy"))).toEqual([]);
    expect(makeExport()).toBe(MAKE_UNCHANGED);
  });

  it("starts only Node for an export (the command line keeps make's record), and one process to say unchanged", () => {
    // make's job log names every process it starts, with the target it starts it for.
    const started = (output: string) => [...output.matchAll(/^Putting child \S+ \((\S+)\) PID/gm)].map((m) => m[1]);
    rmSync(join(dir, "dist"), { recursive: true });
    const exported = makeExport({}, "--debug=j");
    expect(exported).toMatch(/^exported: 1 article, 16 files, /m);
    expect(started(exported)).toEqual([".dist.record.stamp"]);
    const unchanged = makeExport({}, "--debug=j");
    expect(unchanged).toContain(MAKE_UNCHANGED);
    expect(started(unchanged)).toEqual(["export"]);
  });

  it("keeps no record of an export that failed, so the next make export runs the command line again", () => {
    const path = join(dir, "source/ifex.yaml");
    const text = readFileSync(path, "utf8");
    writeFileSync(path, text.replace(/^ {2}slug: ifex$/m, "  slug: 7 not a slug"));
    expect(() => makeExport()).toThrow();
    expect(existsSync(join(dir, ".dist.record.mk"))).toBe(false);
    expect(existsSync(join(dir, ".dist.record.stamp"))).toBe(false);
    writeFileSync(path, text);
    expect(makeExport()).toMatch(/^(exported|unchanged): 1 article, 16 files, /m);
    expect(makeExport()).toBe(MAKE_UNCHANGED);
  });

  it("runs Node without the user's NODE_EXTRA_CA_CERTS (read at every start), and npm ci with them", () => {
    // Node warns when the file it names cannot be read: the warning shows that it read it.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, "no-such-certificates.pem") };
    expect(spawnSync(process.execPath, ["-e", "0"], { env, encoding: "utf8" }).stderr).toContain("extra certs");
    rmSync(join(dir, "dist"), { recursive: true });
    const run = spawnSync("make", ["-s", "-o", "node_modules/.package-lock.json", "-o", "node_modules/.cache/org-article-export/cli.cjs", "export"], { cwd: dir, env, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^exported: 1 article, 16 files, /m);
    expect(run.stderr).not.toContain("extra certs");
    // make's database (-p, nothing run: -q) holds npm ci's own value of the variable.
    const database = spawnSync("make", ["-p", "-q", "install"], { cwd: dir, env, encoding: "utf8" }).stdout;
    expect(database).toContain(`node_modules/.package-lock.json: NODE_EXTRA_CA_CERTS := ${env.NODE_EXTRA_CA_CERTS}`);
  });

  it("runs the command line with FORCE=1, and again when SOURCE_DATE_EPOCH changes", () => {
    expect(makeExport({}, "FORCE=1")).toMatch(/^exported: 1 article, 16 files, /m);
    expect(makeExport({ SOURCE_DATE_EPOCH: "1700000000" })).toMatch(/^exported: /m);
    expect(readFileSync(join(dir, "dist/manifest.json"), "utf8")).toContain("2023-11-14");
    expect(makeExport({ SOURCE_DATE_EPOCH: "1700000000" })).toBe(MAKE_UNCHANGED);
    expect(makeExport()).toMatch(/^exported: /m);
    expect(readFileSync(join(dir, "dist/manifest.json"), "utf8")).not.toContain("2023-11-14");
  });
});
