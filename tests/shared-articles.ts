// The real articles of ../shared/articles/ (read from there, never copied into the project),
// imported at test time beside the tests' IFEX (tests/fixtures/ifex/): a corpus of several real
// articles that the suite builds itself, whatever the project's source/ holds. Without ../shared the
// tests that use it are skipped, and say why (CI and a checkout beside shared/ have it).

import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { IFEX_SOURCE, madeOncePerRun, ROOT, runExport, tempDir, type RunResult } from "./helpers.ts";
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
 * The drafts the import command line makes of every shared article (as `make import` makes them),
 * imported once per run (madeOncePerRun, tests/helpers.ts): read them; copy them to change them.
 */
export function importedArticles(): string {
  return madeOncePerRun("imported-articles", (dir) => {
    const imported = runScript("scripts/cli/import.ts", ["--out", dir, ...sharedArticleFiles()]);
    if (imported.status !== 0) throw new Error(`the import of ${SHARED_ARTICLES} failed: ${imported.stderr}`);
  });
}

/** Writes the tests' IFEX, the corpus's settings (`settings` put before them) and every shared article's draft into `source`. */
function writeImportedCorpus(source: string, settings: string): void {
  cpSync(importedArticles(), source, { recursive: true });
  cpSync(join(IFEX_SOURCE, "ifex.yaml"), join(source, "ifex.yaml"));
  writeFileSync(join(source, "corpus.yaml"), `${settings}${readFileSync(join(IFEX_SOURCE, "corpus.yaml"), "utf8")}`);
}

/**
 * A source folder holding the tests' IFEX, the corpus's settings (`settings` put before them, e.g.
 * a base line) and every shared article, imported by the import command line as `make import` does
 * (importedArticles: the import makes each draft of its article alone, whatever the folder holds).
 */
export function importedCorpusSource(settings = ""): string {
  const source = tempDir("imported-corpus-src-");
  writeImportedCorpus(source, settings);
  return source;
}

/** importedCorpusSource's folder exported by the command line: the source, the output folder and what the export said. */
export function importedCorpusDist(settings = ""): { source: string; dist: string; exported: RunResult } {
  const source = importedCorpusSource(settings);
  const dist = join(tempDir("imported-corpus-dist-"), "dist");
  return { source, dist, exported: runExport(["--source", source, "--out", dist]) };
}

/**
 * IFEX and every shared article (importedCorpusSource's, no base), exported once per run
 * (madeOncePerRun), as ifexDist (tests/helpers.ts) is: read it, copy it to change it.
 */
export function importedCorpusOut(): string {
  const made = madeOncePerRun("imported-corpus", (dir) => {
    const source = join(dir, "source");
    writeImportedCorpus(source, "");
    const result = runExport(["--source", source, "--out", join(dir, "dist")]);
    if (result.status !== 0) throw new Error(`the export of IFEX and the shared articles failed: ${result.stderr}`);
  });
  return join(made, "dist");
}
