// Every real article of ../shared/articles/ and the seed imports, exports and passes the check, with
// no hand edit; the seed's draft has the curated IFEX's infobox; the same text imports to the same
// bytes. The articles are read from ../shared (never copied into the project); without it the
// tests are skipped and say why.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ifexFile, ROOT, runExport, tempDir } from "./helpers.ts";
import { runCheck } from "./corpus-checks.ts";
import { runScript, type ScriptRun } from "./script-bundle.ts";
import { importedArticles } from "./shared-articles.ts";

const SHARED = resolve(ROOT, "../shared");
const ARTICLES = join(SHARED, "articles");
const SEED = join(SHARED, "seed", "ifex-article.txt");
const have = existsSync(ARTICLES) && existsSync(SEED);
if (!have) console.warn(`import tests skipped: ${ARTICLES} or ${SEED} is missing (CI and a checkout beside shared/ have them)`);
const articleFiles = have ? readdirSync(ARTICLES).filter((f) => f.endsWith(".txt")).sort().map((f) => join(ARTICLES, f)) : [];

/** The import command line, prebuilt (tests/script-bundle.ts). */
const runImport = (args: string[]) => runScript("scripts/cli/import.ts", args);

describe.skipIf(!have)("importing the real articles", () => {
  // The seed and the six articles, imported once for the tests below.
  let source = "";
  let imported: ScriptRun;
  beforeAll(() => {
    source = tempDir("import-src-");
    imported = runImport(["--out", source, SEED, ...articleFiles]);
  }, 60_000);

  it("imports the seed and all six articles, which export and pass make check as they are", async () => {
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    const names = readdirSync(source).sort();
    expect(names).toEqual(["article-19.yaml", "canadian-journalists-for-free-expression.yaml", "ford-foundation.yaml", "ifex.yaml", "knight-ridder.yaml", "national-union-of-journalists.yaml", "organisation-internationale-de-la-francophonie.yaml"]);
    // One report line per article: the file written and typed / text / dropped.
    for (const name of names) expect(imported.stdout).toMatch(new RegExp(`wrote .*${name} from .*: \\d+ infobox lines, \\d+ typed, \\d+ text, \\d+ dropped`));
    const dist = join(tempDir("import-dist-"), "dist");
    const exported = runExport(["--source", source, "--out", dist]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    const check = await runCheck(["--dist", dist]);
    expect(check.stdout + check.stderr).toContain("all pass");
    expect(check.status).toBe(0);

    // The seed's draft shows the same infobox as the curated IFEX (tests/fixtures/ifex/ifex.yaml).
    expect(readFileSync(join(dist, "ifex.infobox.json"), "utf8")).toBe(ifexFile("ifex.infobox.json"));

    // Every infobox line with a value is in the infobox JSON, label and value as written, in order.
    for (const file of [SEED, ...articleFiles]) {
      const lines = readFileSync(file, "utf8").split("\n").filter((l) => /^- [^:]+:/.test(l));
      const expected = lines.map((l) => {
        const m = /^- ([^:]+):(.*)$/.exec(l)!;
        return { label: m[1]!.trim(), value: m[2]!.trim() };
      }).filter((f) => f.value !== "");
      const slug = names.find((n) => readFileSync(join(source, n), "utf8").includes(`# A draft imported from ${file.replace(/^.*\//, "")} `))!.replace(/\.yaml$/, "");
      const infobox = JSON.parse(readFileSync(join(dist, `${slug}.infobox.json`), "utf8"));
      expect(infobox.fields.map((f: { label: string; value: string }) => ({ label: f.label, value: f.value }))).toEqual(expected);
    }
  }, 120_000);

  it("imports the same text to the same bytes", () => {
    // The run's import of the six articles alone (tests/shared-articles.ts), made by another
    // process of the import command line into another folder, against this file's, with the seed.
    expect(imported.status).toBe(0);
    const run = importedArticles();
    expect(readdirSync(run).sort()).toEqual(readdirSync(source).filter((name) => name !== "ifex.yaml").sort());
    for (const name of readdirSync(run)) expect(readFileSync(join(source, name)), name).toEqual(readFileSync(join(run, name)));
  }, 60_000);
});
