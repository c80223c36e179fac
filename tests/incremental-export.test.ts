// An export after a change (corpus/plan.ts keeps the unchanged articles' files; splice.ts copies
// their parts of the combined files from the current output, where the previous export recorded
// them) must write exactly what an export from scratch writes: every file, byte for byte. Each step
// below changes the source, exports again into the same folder, and compares it with a fresh export
// of the same source into a new folder.

import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { placesPath } from "../scripts/corpus/export-state.ts";
import { ROOT, runExport, tempDir } from "./helpers.ts";

const SUMMARY = /^(exported|unchanged): (\d+) articles?, (\d+) files, (\d+) bytes in /m;

function exportTo(source: string, out: string): string {
  const result = runExport(["--source", source, "--out", out, "--threads", "0"], { env: { SOURCE_DATE_EPOCH: "1700000000" } });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return SUMMARY.exec(result.stdout)![1]!;
}

/** The files that differ between the two folders (or that only one has). */
function differing(a: string, b: string): string[] {
  const names = [...new Set([...readdirSync(a), ...readdirSync(b)])].sort();
  return names.filter((name) => {
    try {
      return !readFileSync(join(a, name)).equals(readFileSync(join(b, name)));
    } catch {
      return true;
    }
  });
}

function edit(file: string, pattern: RegExp, replacement: string): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(pattern, replacement);
  expect(edited, file).not.toBe(text);
  writeFileSync(file, edited);
}

describe("an export after a change writes what an export from scratch writes", () => {
  const root = tempDir("incremental-");
  const source = join(root, "source");
  const out = join(root, "dist");
  beforeAll(() => {
    generateCorpus(source, 12);
    // IFEX's shared entities (Canada, Toronto…), which the articles' statements about them name.
    cpSync(join(ROOT, "tests/fixtures/ifex/corpus.yaml"), join(source, "corpus.yaml"));
    expect(exportTo(source, out)).toBe("exported");
  }, 60_000);

  /** Exports the changed source into `out` and into a new folder: the same files, and `kept` kept (the same inode). */
  function sameAsFresh(kept: string) {
    const inode = statSync(join(out, kept)).ino;
    expect(exportTo(source, out)).toBe("exported");
    expect(statSync(join(out, kept)).ino, `${kept} is linked from the previous output`).toBe(inode);
    const fresh = join(tempDir("incremental-"), "dist");
    exportTo(source, fresh);
    expect(differing(out, fresh)).toEqual([]);
    // The export recorded where the articles' parts lie, for the next one to copy them.
    const places = JSON.parse(readFileSync(placesPath(out), "utf8")) as { parts: object; shared: string[] };
    expect(Object.keys(places.parts)).toEqual(expect.arrayContaining(["corpus.nt", "corpus.ttl", "datapackage.json", "manifest.json"]));
    expect(places.shared.length).toBeGreaterThan(0);
  }

  it("after the first article's title is edited", () => {
    edit(join(source, "network-0000.yaml"), /^ {2}title: "/m, '  title: "Edited ');
    sameAsFresh("org-00005.nt");
  }, 60_000);

  it("after an article in the middle and the last one are edited", () => {
    edit(join(source, "org-00005.yaml"), /^ {2}title: "/m, '  title: "Edited ');
    edit(join(source, "org-00011.yaml"), /^ {2}title: "/m, '  title: "Edited ');
    sameAsFresh("org-00004.nt");
  }, 60_000);

  it("after a network's name changes (the kept articles that link to it get other link lines in corpus.nt)", () => {
    edit(join(source, "network-0000.yaml"), /^(organizations:\n {2}- id: .*\n(?: {4}.*\n)*? {4}name: ")/m, "$1Renamed ");
    sameAsFresh("org-00004.ttl");
  }, 60_000);

  it("after an article's subject takes the name of a kept article's organization (the kept article gets a link line in corpus.nt), and loses it again", () => {
    const kept = readFileSync(join(source, "org-00004.yaml"), "utf8");
    const name = /^ {2}- id: org-0\n(?: {4}.*\n)*? {4}name: (".*")$/m.exec(kept)![1]!;
    const subjectName = /^(organizations:\n {2}- id: .*\n(?: {4}.*\n)*? {4}name: )(".*")$/m;
    const file = join(source, "org-00006.yaml");
    const before = subjectName.exec(readFileSync(file, "utf8"))![2]!;
    edit(file, subjectName, `$1${name}`);
    sameAsFresh("org-00004.nt");
    expect(readFileSync(join(out, "corpus.nt"), "utf8")).toMatch(/^<[^>]*org-00004#org-0> <http:\/\/schema.org\/sameAs> /m);
    edit(file, subjectName, `$1${before}`);
    sameAsFresh("org-00004.nt");
  }, 60_000);

  it("after an article is added before every other (and before the shared entities' statements)", () => {
    const text = readFileSync(join(source, "org-00007.yaml"), "utf8").replaceAll("org-00007", "aaa-added");
    writeFileSync(join(source, "aaa-added.yaml"), text);
    sameAsFresh("org-00004.ttl");
  }, 60_000);

  it("after articles are removed (the first and one in the middle)", () => {
    rmSync(join(source, "aaa-added.yaml"));
    rmSync(join(source, "org-00007.yaml"));
    sameAsFresh("org-00004.ttl");
  }, 60_000);

  it("after an article is added at the end and another edited", () => {
    const text = readFileSync(join(source, "org-00002.yaml"), "utf8").replaceAll("org-00002", "zzz-added");
    writeFileSync(join(source, "zzz-added.yaml"), text);
    edit(join(source, "org-00001.yaml"), /^ {2}title: "/m, '  title: "Edited ');
    sameAsFresh("org-00004.ttl");
  }, 60_000);

  it("after a combined file was changed by hand (it is made again, not copied from)", () => {
    writeFileSync(join(out, "corpus.nt"), "tampered\n");
    edit(join(source, "org-00003.yaml"), /^ {2}title: "/m, '  title: "Edited ');
    sameAsFresh("org-00004.ttl");
  }, 60_000);
});
