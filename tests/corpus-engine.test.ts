// The export of a corpus as `make export` runs it (corpus/export-corpus.ts: worker threads, files
// written as they are made, combined files streamed, bundle from hashes) must write exactly what the
// in-memory pipeline makes, byte for byte; and after an edit it rebuilds only what changed: the
// files of untouched articles are the same files (same inodes, linked from the previous output).

import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { statePath } from "../scripts/corpus/export-state.ts";
import { createPool } from "../scripts/corpus/pool.ts";
import type { ArticleJob } from "../scripts/corpus/article-job.ts";
import { DEFAULT_SETTINGS } from "../scripts/graph/shared.ts";
import { ROOT, runExport, tempDir } from "./helpers.ts";
import { differences, referenceExport } from "./engine-helpers.ts";

// The summary line, after any "linked:" lines (links between articles, issue 15).
const SUMMARY = /^(exported|unchanged): (\d+) articles?, (\d+) files, (\d+) bytes in /m;
const inode = (path: string) => statSync(path).ino;

function exportTo(source: string, out: string, threads?: number) {
  const result = runExport(["--source", source, "--out", out, ...(threads === undefined ? [] : ["--threads", String(threads)])]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return SUMMARY.exec(result.stdout)![1];
}

describe("the linked corpus (two articles, on the main thread)", () => {
  it("writes what the in-memory pipeline makes", () => {
    const out = join(tempDir("engine-"), "dist");
    const source = join(ROOT, "tests/fixtures/linked-corpus");
    expect(exportTo(source, out)).toBe("exported");
    expect(differences(out, referenceExport(source))).toEqual([]);
  });
});

describe("slugs where one begins another", () => {
  it("keeps a private-use character in a linking article's CSV, which its second job writes", () => {
    const source = join(tempDir("engine-"), "source");
    cpSync(join(ROOT, "tests/fixtures/linked-corpus"), source, { recursive: true });
    const file = join(source, "member.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("  title: Ōtepoti Press Watch\n", "  title: Ōtepoti Press Watch \uE000\n"));
    expect(readFileSync(file, "utf8")).toContain("\uE000");
    // What both exports must write (the source does not change between them): made once.
    const reference = referenceExport(source);
    for (const threads of [0, 2]) {
      const out = join(tempDir("engine-"), "dist");
      expect(exportTo(source, out, threads)).toBe("exported");
      expect(differences(out, reference)).toEqual([]);
      expect(readFileSync(join(out, "member.csv"), "utf8")).toContain("\uE000");
    }
  });

  it("takes the articles in slug order (a before a-b, though a.yaml sorts after a-b.yaml), so corpus.nt stays sorted", () => {
    const root = tempDir("engine-");
    const source = join(root, "source");
    generateCorpus(source, 3);
    // org-00002 becomes org-00001-b: "org-00001-b.yaml" < "org-00001.yaml", but "org-00001" < "org-00001-b".
    const text = readFileSync(join(source, "org-00002.yaml"), "utf8").replace(/^ {2}slug: org-00002$/m, "  slug: org-00001-b");
    rmSync(join(source, "org-00002.yaml"));
    writeFileSync(join(source, "org-00001-b.yaml"), text);
    const reference = referenceExport(source);
    for (const threads of [0, 2]) {
      const out = join(root, `dist-${threads}`);
      expect(exportTo(source, out, threads)).toBe("exported");
      const lines = readFileSync(join(out, "corpus.nt"), "utf8").split("\n").slice(0, -1);
      const sorted = [...lines].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      expect(lines).toEqual(sorted);
      expect(differences(out, reference)).toEqual([]);
    }
  }, 60_000);
});

describe("two files for one article", () => {
  it("refuses x.yaml beside x.yml with exit 1, writing nothing", () => {
    const source = join(tempDir("engine-"), "source");
    cpSync(join(ROOT, "tests/fixtures/linked-corpus"), source, { recursive: true });
    cpSync(join(source, "member.yaml"), join(source, "member.yml"));
    const out = join(tempDir("engine-"), "dist");
    const result = runExport(["--source", source, "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/member\.ya?ml:1:1: error: a second source file for the article "member"/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("--threads", () => {
  it("takes a whole number, and refuses anything else with exit 2", () => {
    const out = join(tempDir("engine-"), "dist");
    for (const bad of ["x", "-1", "1.5", "65"]) {
      const result = runExport(["--source", join(ROOT, "tests/fixtures/linked-corpus"), "--out", out, `--threads=${bad}`]);
      expect(result.status, bad).toBe(2);
      expect(result.stderr).toContain("--threads takes a whole number");
    }
    expect(exportTo(join(ROOT, "tests/fixtures/linked-corpus"), out, 0)).toBe("exported");
  });
});

describe("the pool of worker threads", () => {
  it("fails the run, without crashing, when a result cannot be taken", async () => {
    const pool = createPool({ staging: tempDir("engine-"), formats: [], corpus: DEFAULT_SETTINGS }, 40, 1);
    try {
      // Files that are not there: each job fails at once. The third batch's results come back only
      // after the first ones were taken (two batches are in flight), outside the promise's own code.
      const jobs: ArticleJob[] = Array.from({ length: 40 }, (_, index) => ({ index, path: join(tempDir("engine-"), "none.yaml"), file: "none.yaml", part: "all" }));
      const results: unknown[] = [];
      const take = (result: { index: number }) => {
        if (result.index >= 32) throw new Error("no room for it");
        results.push(result);
      };
      await expect(pool.run(jobs, take)).rejects.toThrow("no room for it");
      expect(results.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 30_000);
});

describe("a synthetic corpus on two worker threads", () => {
  // Small, so the tests stay quick: --threads makes the export use workers for any corpus.
  const count = 30;
  const root = tempDir("engine-");
  const source = join(root, "source");
  const out = join(root, "dist");
  beforeAll(() => {
    generateCorpus(source, count);
    expect(exportTo(source, out, 2)).toBe("exported");
  }, 120_000);

  it("writes what the in-memory pipeline makes, byte for byte", () => {
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("writes datapackage.json and manifest.json as JSON.stringify(document, null, 2) writes them", () => {
    for (const name of ["datapackage.json", "manifest.json"]) {
      const text = readFileSync(join(out, name), "utf8");
      expect(text, name).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });

  it("does nothing when nothing changed", () => {
    const before = inode(join(out, "SHA256SUMS"));
    expect(exportTo(source, out, 2)).toBe("unchanged");
    expect(inode(join(out, "SHA256SUMS"))).toBe(before);
  });

  it("rebuilds only the edited article (and the combined and bundle files)", () => {
    const before = new Map(["org-00001", "org-00002", "network-0000"].flatMap((slug) => [".nt", ".csv", ".html"].map((ext) => [slug + ext, inode(join(out, slug + ext))])));
    const file = join(source, "org-00002.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/^ {2}title: (.*)$/m, (_, title: string) => `  title: ${JSON.stringify(`${JSON.parse(title)} — edited`)}`));
    expect(readFileSync(file, "utf8")).not.toBe(text);
    expect(exportTo(source, out, 2)).toBe("exported");
    for (const [name, number] of before) {
      if (name.startsWith("org-00002")) expect(inode(join(out, name)), name).not.toBe(number);
      else expect(inode(join(out, name)), name).toBe(number);
    }
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("rebuilds the CSV of the articles linking to an entity whose name changed, and only that", () => {
    // One member in three of network-0000 links to its organization (see generate-corpus.ts).
    const file = join(source, "network-0000.yaml");
    const text = readFileSync(file, "utf8");
    const name = /^ {2}- id: network-0000\n(?: {4}.*\n)*? {4}name: (.*)$/m.exec(text);
    expect(name).not.toBeNull();
    writeFileSync(file, text.replace(name![0], name![0].replace(/name: .*$/, `name: ${JSON.stringify(`${JSON.parse(name![1]!)} renamed`)}`)));
    const referrer = "org-00003";
    expect(readFileSync(join(source, `${referrer}.yaml`), "utf8")).toContain("network-0000/");
    const nt = inode(join(out, `${referrer}.nt`));
    const csv = inode(join(out, `${referrer}.csv`));
    expect(exportTo(source, out, 2)).toBe("exported");
    expect(inode(join(out, `${referrer}.nt`))).toBe(nt);
    expect(inode(join(out, `${referrer}.csv`))).not.toBe(csv);
    expect(readFileSync(join(out, `${referrer}.csv`), "utf8")).toContain("renamed");
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("remembers, after those edits, what a fresh export remembers (kept articles' lines are copied, not made again)", () => {
    const fresh = join(tempDir("engine-"), "dist");
    expect(exportTo(source, fresh, 2)).toBe("exported");
    const facts = (dir: string) => {
      const text = readFileSync(statePath(dir).replace(/\.state$/, ".facts"), "utf8");
      const lines = text.split("\n").filter((line) => line !== "");
      return new Map(lines.map((line) => [line.slice(0, line.indexOf("\t")), JSON.parse(line.slice(line.indexOf("\t") + 1)) as unknown]));
    };
    const edited = facts(out);
    expect(edited.size).toBe(count);
    expect(edited).toEqual(facts(fresh));
  }, 60_000);

  it("reports a reference into an article that is gone at the referring line, and leaves the output as it was", () => {
    const copy = join(tempDir("engine-"), "source");
    cpSync(source, copy, { recursive: true });
    const outCopy = join(tempDir("engine-"), "dist");
    cpSync(out, outCopy, { recursive: true });
    cpSync(statePath(out), statePath(outCopy));
    rmSync(join(copy, "network-0000.yaml"));
    const sums = readFileSync(join(outCopy, "SHA256SUMS"), "utf8");
    const result = runExport(["--source", copy, "--out", outCopy]);
    expect(result.status).toBe(1);
    const line = readFileSync(join(copy, "org-00003.yaml"), "utf8").split("\n").findIndex((l) => l.includes("network-0000/")) + 1;
    expect(result.stderr).toContain(`org-00003.yaml:${line}:`);
    expect(result.stderr).toContain('refers to the article "network-0000", which is not in the corpus');
    // Where that article would be: in the folder exported, not in source/.
    expect(result.stderr).toContain(`expected an article ${join(copy, "network-0000.yaml")}`);
    expect(readFileSync(join(outCopy, "SHA256SUMS"), "utf8")).toBe(sums);
  }, 60_000);

  it("makes an article again when one of its files was changed by hand", () => {
    // Some other article must change for the export to run at all.
    const file = join(source, "org-00004.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(/^ {2}title: (.*)$/m, (_, title: string) => `  title: ${JSON.stringify(`${JSON.parse(title)} — again`)}`));
    writeFileSync(join(out, "org-00005.csv"), "tampered\n");
    expect(exportTo(source, out, 2)).toBe("exported");
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);

  it("starts afresh when the output was changed by hand (its state no longer matches it)", () => {
    writeFileSync(join(out, "SHA256SUMS"), "tampered\n");
    expect(exportTo(source, out, 2)).toBe("exported");
    expect(differences(out, referenceExport(source))).toEqual([]);
  }, 60_000);
});
