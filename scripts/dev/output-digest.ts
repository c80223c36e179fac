// The export's output as digests: fixed inputs exported in several ways (one thread or several, with
// a --base and without, all formats or some, afresh and after an edit, with problems), and the
// SHA-256 of every file written and of what the command line printed. Two commits whose digests
// agree write the same bytes: a change to how the pipeline is built is checked with it.
//
//   node --import tsx scripts/dev/output-digest.ts [--inputs DIR] [--list FILE]
//
// The inputs are made once into DIR (by default tmp/output-digest-inputs) and kept: source/ as it is
// now (IFEX and corpus.yaml), the same with ../shared/articles/ imported, and a generated corpus of
// 300 articles. Later runs, at other commits, export those same files, so what the importer or the
// generator does at that commit does not count. Prints one line per run (its files and the digest of
// their names and hashes) and the digest of all of them; --list writes every file's hash.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { prebuiltEntry } from "../lib/prebuilt-bundle.ts";
import { removeState } from "../corpus/export-state.ts";
import { projectPath } from "../lib/project-path.ts";

const GENERATED_ARTICLES = 300;
const BASE = "https://data.example.org/org-articles/";

interface Run {
  name: string;
  /** The inputs' folder it exports. */
  source: "ifex" | "shared" | "generated" | "broken";
  args: string[];
  /** Changes made to a copy of the source after a first export, before the export digested. */
  edits?: ((dir: string) => void)[];
}

const RUNS: Run[] = [
  { name: "ifex", source: "ifex", args: ["--threads", "0"] },
  { name: "ifex-base", source: "ifex", args: ["--threads", "0", "--base", BASE] },
  { name: "ifex-ttl-nt", source: "ifex", args: ["--formats", "ttl,nt"] },
  { name: "shared", source: "shared", args: ["--threads", "0"] },
  { name: "shared-threads", source: "shared", args: ["--threads", "2"] },
  { name: "shared-base-csv-xlsx-ttl", source: "shared", args: ["--threads", "0", "--base", BASE, "--formats", "csv,xlsx,ttl"] },
  { name: "generated", source: "generated", args: ["--threads", "0"] },
  { name: "generated-threads-base", source: "generated", args: ["--threads", "2", "--base", BASE] },
  { name: "generated-threads-nt-jsonld-infobox", source: "generated", args: ["--threads", "2", "--formats", "nt,jsonld,infobox"] },
  { name: "generated-edited", source: "generated", args: ["--threads", "2"], edits: [editTitle, editHubName] },
  { name: "broken", source: "broken", args: ["--threads", "0", "--errors", "json"] },
];

function main(): void {
  const { values } = parseArgs({ options: { inputs: { type: "string" }, list: { type: "string" } } });
  const inputs = resolve(values.inputs ?? projectPath("tmp/output-digest-inputs"));
  if (!existsSync(inputs)) makeInputs(inputs);
  const entry = prebuiltEntry();
  if (!entry) throw new Error("the prebuilt command line could not be made");
  const cli = new URL(entry).pathname;
  const lines: string[] = [];
  const listing: string[] = [];
  process.stdout.write(`inputs ${inputs}: ${digestFolder(inputs)}\n`);
  for (const run of RUNS) {
    const files = exportRun(cli, inputs, run);
    const digest = sha256(files.map(([name, hash]) => `${name} ${hash}\n`).join(""));
    for (const [name, hash] of files) listing.push(`${run.name} ${name} ${hash}`);
    const line = `${run.name}: ${files.length} files ${digest}`;
    lines.push(line);
    process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`all: ${sha256(lines.join("\n"))}\n`);
  if (values.list) writeFileSync(values.list, `${listing.join("\n")}\n`);
}

/** The inputs, made once: copies of source/, the shared articles imported, a generated corpus, a broken corpus. */
function makeInputs(dir: string): void {
  const ifex = join(dir, "ifex");
  mkdirSync(ifex, { recursive: true });
  cpSync(projectPath("source"), ifex, { recursive: true });
  const shared = join(dir, "shared");
  cpSync(ifex, shared, { recursive: true });
  const articles = projectPath("../shared/articles");
  const texts = readdirSync(articles).filter((name) => name.endsWith(".txt")).map((name) => join(articles, name));
  node([projectPath("scripts/cli/import.ts"), "--out", shared, ...texts], true);
  // The generator is imported only here: a later commit may change or move it; the files it made stay.
  const generated = join(dir, "generated");
  node(["-e", `import(${JSON.stringify(projectPath("scripts/bench/generate-corpus.ts"))}).then((m) => m.generateCorpus(${JSON.stringify(generated)}, ${GENERATED_ARTICLES}))`], true);
  cpSync(join(ifex, "corpus.yaml"), join(generated, "corpus.yaml"));
  // A schema problem, a rule problem and a reference to another article's missing entity.
  const broken = join(dir, "broken");
  cpSync(shared, broken, { recursive: true });
  const ifexText = readFileSync(join(broken, "ifex.yaml"), "utf8");
  const copy = (slug: string) => ifexText.replace(/^ {2}slug: ifex$/m, `  slug: ${slug}`).replaceAll("ifex/", `${slug}/`);
  writeFileSync(join(broken, "copy.yaml"), copy("copy").replace(/^ {2}language: .*$/m, "  language: 12"));
  writeFileSync(join(broken, "linking.yaml"), copy("linking").replace(/^( {4}location: )\S+$/m, "$1knight-ridder/nowhere"));
  writeFileSync(join(broken, "ifex.yaml"), ifexText.replace(/^( {4}parentOrganization: )\S+$/m, "$1nothing"));
}

function exportRun(cli: string, inputs: string, run: Run): [string, string][] {
  const work = mkdtempSync(join(tmpdir(), "output-digest-"));
  const out = join(work, "out");
  try {
    let source = join(inputs, run.source);
    if (run.edits) {
      source = join(work, "source");
      cpSync(join(inputs, run.source), source, { recursive: true });
      exportOnce(cli, source, out, run.args, work);
      for (const edit of run.edits) edit(source);
    }
    const printed = exportOnce(cli, source, out, run.args, work);
    const files: [string, string][] = [["(printed)", sha256(printed)]];
    if (existsSync(out)) for (const name of readdirSync(out).sort()) files.push([name, sha256(readFileSync(join(out, name)))]);
    return files;
  } finally {
    removeState(out);
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * What the command line printed, with its time of day taken out. It runs in the run's own folder,
 * so that how it shows the paths of the inputs does not depend on where the project is.
 */
function exportOnce(cli: string, source: string, out: string, args: string[], cwd: string): string {
  const result = spawnSync(process.execPath, [cli, "--source", source, "--out", out, ...args], { cwd, encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: "1700000000" } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`export failed (${result.status}): ${result.stderr}`);
  const printed = `status ${result.status}\n${result.stdout}\n${result.stderr}`;
  return printed.replaceAll(source, "<source>").replaceAll(out, "<out>").replace(/\(\d+\.\d+ s\)/g, "(<time>)");
}

/** The title of the generated corpus's second article (an article linked to no other's names). */
function editTitle(dir: string): void {
  edit(join(dir, "org-00001.yaml"), /^ {2}title: "/m, '  title: "Edited ');
}

/** The name of the first network's organization: the articles linking to it get new CSV and rows. */
function editHubName(dir: string): void {
  edit(join(dir, "network-0000.yaml"), /^(organizations:\n {2}- id: .*\n(?: {4}.*\n)*? {4}name: ")/m, "$1Edited ");
}

function edit(file: string, pattern: RegExp, replacement: string): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(pattern, replacement);
  if (edited === text) throw new Error(`${file}: nothing to edit`);
  writeFileSync(file, edited);
}

function node(args: string[], tsx: boolean): void {
  const result = spawnSync(process.execPath, [...(tsx ? ["--import", "tsx"] : []), ...args], { cwd: projectPath("."), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${result.stderr}`);
}

function digestFolder(dir: string): string {
  const hash = createHash("sha256");
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort()) {
    hash.update(`${entry.slice(dir.length)} ${sha256(readFileSync(entry))}\n`);
  }
  return hash.digest("hex");
}

function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

main();
