// The real articles of ../shared/articles/ (read from there, never copied into the project),
// imported at test time beside the tests' IFEX (tests/fixtures/ifex/): a corpus of several real
// articles that the suite builds itself, whatever the project's source/ holds. Without ../shared the
// tests that use it are skipped, and say why (CI and a checkout beside shared/ have it).

import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { IFEX_SOURCE, ROOT, runExport, tempDir, type RunResult } from "./helpers.ts";
import { runScript } from "./script-bundle.ts";

export const SHARED_ARTICLES = resolve(ROOT, "../shared/articles");

/** Why the shared articles cannot be used here, or undefined when they can. */
export const sharedArticlesMissing: string | undefined = existsSync(SHARED_ARTICLES)
  ? undefined
  : `${SHARED_ARTICLES} is missing (CI and a checkout beside shared/ have it)`;

/** The article texts of ../shared/articles/, sorted (none when it is missing). */
export function sharedArticleFiles(): string[] {
  if (sharedArticlesMissing) return [];
  return readdirSync(SHARED_ARTICLES).filter((name) => name.endsWith(".txt")).sort().map((name) => join(SHARED_ARTICLES, name));
}

/**
 * A source folder holding the tests' IFEX, the corpus's settings (`settings` put before them, e.g.
 * a base line) and every shared article, imported by the import command line as `make import` does.
 */
export function importedCorpusSource(settings = ""): string {
  const source = tempDir("imported-corpus-src-");
  cpSync(join(IFEX_SOURCE, "ifex.yaml"), join(source, "ifex.yaml"));
  writeFileSync(join(source, "corpus.yaml"), `${settings}${readFileSync(join(IFEX_SOURCE, "corpus.yaml"), "utf8")}`);
  const imported = runScript("scripts/cli/import.ts", ["--out", source, ...sharedArticleFiles()]);
  if (imported.status !== 0) throw new Error(`the import of ${SHARED_ARTICLES} failed: ${imported.stderr}`);
  return source;
}

/** importedCorpusSource's folder exported by the command line: the source, the output folder and what the export said. */
export function importedCorpusDist(settings = ""): { source: string; dist: string; exported: RunResult } {
  const source = importedCorpusSource(settings);
  const dist = join(tempDir("imported-corpus-dist-"), "dist");
  return { source, dist, exported: runExport(["--source", source, "--out", dist]) };
}

let sharedOut: string | undefined;

/**
 * IFEX and every shared article (importedCorpusSource, no base), exported once per test process
 * into a folder kept for the run, as ifexDist (tests/helpers.ts) is: read it, copy it to change it.
 */
export function importedCorpusOut(): string {
  if (sharedOut === undefined) {
    const source = importedCorpusSource();
    const out = join(tempDir("imported-corpus-dist-", "run"), "dist");
    const result = runExport(["--source", source, "--out", out]);
    if (result.status !== 0) throw new Error(`the export of IFEX and the shared articles failed: ${result.stderr}`);
    sharedOut = out;
  }
  return sharedOut;
}
