// Command line: node --import tsx scripts/cli/export.ts [options]
// Reads every source/<slug>.yaml, and writes the artifacts of all of them into dist/ — or, on any
// problem, prints every problem as file:line:col and leaves dist/ as it was.
//
// Exit codes: 0 done, 1 invalid input, 2 wrong usage.

import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { exportCorpus, type SourceText } from "../pipeline.ts";
import { FORMATS, type Format } from "../writers/index.ts";
import { replaceDist } from "../dist/write-dist.ts";
import { bundle } from "../bundle/index.ts";
import { bundleInput, createdFromSourceDateEpoch, pipelineInfo } from "../bundle/from-export.ts";
import { progressLine } from "./progress.ts";
import { recoverDist } from "../dist/write-dist.ts";
import { unsafeOutDir } from "../dist/out-guard.ts";
import { readSourceFile } from "../read/source-file.ts";
import { renderReport } from "../report/report.ts";
import { withoutReferencesInto } from "../validate/salvage.ts";
import { PROJECT_ROOT } from "../lib/project-path.ts";

const HELP = `Usage: node --import tsx scripts/cli/export.ts [options]

Exports every <slug>.yaml of the source folder into the output folder: per article
<slug>.csv, .jsonld, .ttl, .nt, .infobox.json and .html (those of --formats), and for the
whole folder datapackage.json, manifest.json and SHA256SUMS. The folder is replaced as a
whole, and only when something changed; on any problem it is left as it was.

Options:
  --source DIR       folder of the article YAML files (default: source)
  --out DIR          output folder, replaced as a whole (default: dist)
  --formats LIST     comma-separated, some of: ${FORMATS.join(",")} (default: all)
  --errors FORMAT    how problems are reported: text on stderr (default) or json on stdout
  -h, --help         this help

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970: written as the "created" time of manifest.json and
                     datapackage.json; unset, no time is written (reproducible builds)

Prints one summary line at the end (articles, files, bytes, time); on a terminal, a progress
line while the work takes more than a moment.

Exit codes: 0 done, 1 invalid input, 2 wrong usage (or the output folder cannot be written).
With GITHUB_ACTIONS=true, problems are also printed as ::error workflow annotations.`;

function main(argv: string[]): number {
  let options;
  try {
    options = parseArgs({
      args: argv,
      options: {
        source: { type: "string", default: "source" },
        out: { type: "string", default: "dist" },
        formats: { type: "string" },
        errors: { type: "string", default: "text" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const formats = options.formats === undefined ? FORMATS : (options.formats.split(",").map((f) => f.trim()) as Format[]);
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length > 0 || formats.length === 0) {
    process.stderr.write(`unknown format ${unknown.join(", ")}: expected some of ${FORMATS.join(", ")}\n`);
    return 2;
  }
  if (options.errors !== "text" && options.errors !== "json") {
    process.stderr.write(`--errors takes text or json, not ${options.errors}\n`);
    return 2;
  }

  const unsafe = unsafeOutDir(options.out, { source: options.source, cwd: process.cwd(), projectRoot: PROJECT_ROOT });
  if (unsafe) {
    process.stderr.write(`refusing --out ${options.out}: ${unsafe}\n`);
    return 2;
  }

  const created = createdFromSourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
  if (!created.ok) {
    process.stderr.write(`${created.message}\n`);
    return 2;
  }

  let sources: SourceText[];
  let unreadable: Diagnostic[];
  try {
    ({ sources, unreadable } = readSources(options.source));
  } catch (error) {
    process.stderr.write(`cannot read the source folder ${options.source}: ${(error as Error).message}\n`);
    return 2;
  }

  const started = performance.now();
  const progress = progressLine(process.stderr);
  const result = exportCorpus(sources, formats, (stage, done, total, file) => progress.update(`${stage} ${done + 1}/${total}: ${file}`));
  progress.done();
  if (!result.ok || unreadable.length > 0) {
    // A run killed mid-swap may have left the old output aside: put it back even when this run fails.
    try {
      recoverDist(resolve(options.out));
    } catch (error) {
      process.stderr.write(`note: could not check ${options.out}/ for an interrupted export: ${(error as Error).message}\n`);
    }
    const unreadableSlugs = new Set(unreadable.map((d) => d.file.replace(/^.*[\\/]/, "").replace(/\.ya?ml$/, "")));
    const report = renderReport([...unreadable, ...(result.ok ? [] : withoutReferencesInto(result.diagnostics, unreadableSlugs))], {
      errors: options.errors,
      sources: new Map(sources.map((s) => [s.file, s.text])),
      codeFrames: process.stderr.isTTY === true,
      githubActions: process.env.GITHUB_ACTIONS === "true",
      out: options.out,
    });
    process.stdout.write(report.stdout);
    process.stderr.write(report.stderr);
    return 1;
  }
  // The artifacts and the files describing them (checksums, manifest, data package) in one swap.
  progress.update(`writing ${options.out}/`);
  let written;
  try {
    const files = bundle(bundleInput(result.articles, sources, { pipeline: pipelineInfo(), formats, ...(created.created !== undefined && { created: created.created }) }));
    written = replaceDist(resolve(options.out), files);
  } catch (error) {
    progress.done();
    process.stderr.write(`cannot write ${options.out}/: ${(error as Error).message}; ${options.out}/ left as it was\n`);
    return 2;
  }
  progress.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  // With --errors=json stdout is always JSON: no problems is [], and the summary goes to stderr.
  if (options.errors === "json") process.stdout.write("[]\n");
  (options.errors === "json" ? process.stderr : process.stdout).write(
    `${written.changed ? "exported" : "unchanged"}: ${result.articles.length} article${result.articles.length === 1 ? "" : "s"}, ${written.files} files, ${written.bytes} bytes in ${options.out}/ (${seconds} s)\n`,
  );
  return 0;
}

/** Every *.yaml of the folder, in code-point order of the names: independent of the file system's order. */
function readSources(dir: string): { sources: SourceText[]; unreadable: Diagnostic[] } {
  const names = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sources: SourceText[] = [];
  const unreadable: Diagnostic[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), resolve(path)) || path;
    const file = shown.startsWith("..") ? path : shown;
    // Too big, binary or not UTF-8: refused before it is decoded or parsed.
    const read = readSourceFile(path, file);
    if (read.ok) sources.push({ file, text: read.text });
    else unreadable.push(read.diagnostic);
  }
  return { sources, unreadable };
}

process.exitCode = main(process.argv.slice(2));
