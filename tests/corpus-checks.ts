// Checks of a whole export, whatever articles it holds: the tests run them on the committed dist/
// (check-cli.test.ts, sparql.test.ts, readme-sparql.test.ts), and added-article.test.ts on an
// export of IFEX plus a copy of it under another slug, so that adding an article cannot break them.
// IFEX's own questions are asked of IFEX's own Turtle only.

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { expect } from "vitest";
import { main as checkMain } from "../scripts/cli/check.ts";
import { ROOT } from "./helpers.ts";
import { scriptBundle } from "./script-bundle.ts";

export interface CheckRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `make check` on a folder: its status and output. By default the command line's own function
 * (scripts/cli/check.ts's main, what the process runs) in this process, which loads the checks once
 * per test process (a process of its own spends 1.5-2 s loading the vocabulary, the shapes and the
 * schemas before it checks anything); with `process`, the command line in a child process.
 */
export async function runCheck(args: string[], options: { process?: boolean } = {}): Promise<CheckRun> {
  if (options.process) {
    const result = spawnSync(process.execPath, [scriptBundle("scripts/cli/check.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  // As the child process would run: relative folders from the project.
  if (process.cwd() !== ROOT) throw new Error(`runCheck runs from ${ROOT}, not ${process.cwd()}`);
  let stdout = "";
  let stderr = "";
  const status = await checkMain(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** The slugs of an export: one `<slug>.infobox.json` per article. */
export function slugsOf(dist: string): string[] {
  return readdirSync(dist).filter((n) => n.endsWith(".infobox.json")).map((n) => n.slice(0, -".infobox.json".length)).sort();
}

/**
 * `make check` passes on `dist` with one line per file, in columns that line up, each saying what
 * was checked, then the summary counting the articles and files it holds.
 */
export async function expectCheckPasses(dist: string, options: { process?: boolean } = {}): Promise<void> {
  const { status, stdout, stderr } = await runCheck(["--dist", dist], options);
  expect(stderr).toBe("");
  expect(status).toBe(0);
  const lines = stdout.trimEnd().split("\n");
  const files = readdirSync(dist).sort();
  const slugs = slugsOf(dist);
  const shown = dist.replace(/\/+$/, "");
  const articles = slugs.length;
  expect(lines.at(-1)).toBe(`check: ${articles} article${articles === 1 ? "" : "s"}, ${files.length} artifacts, all pass, 0 violations`);
  const rows = lines.slice(0, -1);
  expect(rows).toHaveLength(files.length);
  const what = (file: string, article: string): RegExp => {
    const triples = /\d+ triples: schema\.org 30\.0 vocabulary, SHACL schemas\/article\.shapes\.ttl/.source;
    if (file === "SHA256SUMS") return /checksums of every other file/;
    if (file === "manifest.json") return /sizes and SHA-256 of every listed file/;
    if (file === "datapackage.json") return /resources, sizes, SHA-256 and CSV table schemas/;
    if (file === "table-schema.json") return /Table Schema of the articles' CSVs/;
    if (file === "corpus.organizations.csv") return new RegExp(`${articles} rows, header and cells`);
    if (file.endsWith(".csv") && article === "corpus") return /\d+ rows, header and cells/;
    if (file.endsWith(".infobox.json")) return /JSON Schema schemas\/infobox\.schema\.json/;
    if (file === "corpus.xlsx") return new RegExp(`6 sheets, \\d+ cells, the rows of ${articles} article workbooks?`);
    if (file.endsWith(".xlsx")) return new RegExp(`6 sheets, \\d+ cells, facts as ${article}\\.csv`);
    return new RegExp(triples);
  };
  const columns = new Set<string>();
  for (const file of files) {
    const row = rows.find((r) => r.split(/ +/)[2] === `${shown}/${file}`);
    expect(row, `a line for ${file}`).toBeDefined();
    const article = row!.split(/ +/)[1]!;
    expect(article === "bundle" || article === "corpus" || slugs.includes(article), `${file}: ${article}`).toBe(true);
    if (article !== "bundle" && article !== "corpus") expect(file.startsWith(`${article}.`), file).toBe(true);
    const description = row!.replace(/^ok +\S+ +\S+ +/, "");
    expect(description, file).toMatch(new RegExp(`^${what(file, article).source}$`));
    // Where the file's and the description's columns start.
    columns.add(`${row!.indexOf(`${shown}/${file}`)}/${row!.length - description.length}`);
  }
  expect([...columns], "the columns line up").toHaveLength(1);
}

export function storeOf(files: readonly string[]): oxigraph.Store {
  const store = new oxigraph.Store();
  for (const file of files) store.load(readFileSync(file, "utf8"), { format: "text/turtle", base_iri: `file://${file}` });
  return store;
}

export function turtleFiles(dist: string): string[] {
  return readdirSync(dist).filter((n) => n.endsWith(".ttl")).sort().map((n) => join(dist, n));
}

const QUESTIONS = join(ROOT, "tests/sparql");

/** A reader's questions about IFEX (tests/sparql/NN-name.rq) with their expected answers (.tsv). */
export function ifexQuestions(): { name: string; question: string; query: string; expected: string }[] {
  return readdirSync(QUESTIONS)
    .filter((name) => name.endsWith(".rq"))
    .sort()
    .map((name) => {
      const query = readFileSync(join(QUESTIONS, name), "utf8");
      const tsv = join(QUESTIONS, name.replace(/\.rq$/, ".tsv"));
      return { name, question: query.split("\n")[0]!.replace(/^#\s*/, ""), query, expected: existsSync(tsv) ? readFileSync(tsv, "utf8") : "" };
    });
}

/** The answer as TSV text, one final line break, so the expected file can end like any text file. */
export function answer(store: oxigraph.Store, query: string): string {
  const result = store.query(query, { results_format: "text/tab-separated-values" });
  return `${String(result).replace(/\n+$/, "")}\n`;
}

/** The ```sparql blocks of a Markdown text, indented or not, with the line each starts at. */
export function sparqlBlocks(markdown: string): { line: number; query: string }[] {
  const blocks: { line: number; query: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```sparql\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    blocks.push({ line: i + 1, query: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** Every SPARQL query README.md and docs/*.md show, with where. */
export function documentedQueries(): { where: string; query: string }[] {
  const docs = join(ROOT, "docs");
  const files = ["README.md", ...(existsSync(docs) ? readdirSync(docs).filter((n) => n.endsWith(".md")).sort().map((n) => `docs/${n}`) : [])];
  return files.flatMap((file) => sparqlBlocks(readFileSync(join(ROOT, file), "utf8")).map((b) => ({ where: `${file}:${b.line}`, query: b.query })));
}

export interface SelectResults {
  head: { vars: string[] };
  results: { bindings: Record<string, { value: string; type: string; datatype?: string }>[] };
}

export function select(store: oxigraph.Store, query: string): SelectResults {
  return JSON.parse(String(store.query(query, { results_format: "application/sparql-results+json" }))) as SelectResults;
}

/** The query finds rows, and binds every variable it selects in each (an unbound YEAR() shows here). */
export function expectRowsAllBound(store: oxigraph.Store, query: string, where: string): SelectResults {
  const results = select(store, query);
  expect(results.results.bindings.length, `${where}: no rows`).toBeGreaterThan(0);
  for (const row of results.results.bindings) for (const name of results.head.vars) expect(row[name], `${where}: ?${name} unbound`).toBeDefined();
  return results;
}

/** Whether a documented query lists every event with a start date (`?e a schema:Event`, no FILTER). */
export function isEventListing(query: string): boolean {
  return /\?e\s+a\s+schema:Event\b/.test(query) && /schema:startDate/.test(query) && /\?name\b/.test(query) && !/FILTER/i.test(query);
}
