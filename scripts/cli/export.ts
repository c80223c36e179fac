// Command line: node --import tsx scripts/cli/export.ts [options]
// Reads every source/<slug>.yaml, and writes the artifacts of all of them into dist/ — or, on any
// problem, prints every problem as file:line:col and leaves dist/ as it was.
//
// Exit codes: 0 done, 1 invalid input, 2 wrong usage.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic, sortDiagnostics } from "../lib/diagnostic.ts";
import { exportCorpus, type SourceText } from "../pipeline.ts";
import { FORMATS, type Format } from "../writers/index.ts";
import { replaceDist } from "../dist/write-dist.ts";
import { bundle } from "../bundle/index.ts";
import { bundleInput, createdFromSourceDateEpoch, pipelineInfo } from "../bundle/from-export.ts";
import { progressLine } from "./progress.ts";

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

Exit codes: 0 done, 1 invalid input, 2 wrong usage.`;

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

  const created = createdFromSourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
  if (!created.ok) {
    process.stderr.write(`${created.message}\n`);
    return 2;
  }

  let sources: SourceText[];
  try {
    sources = readSources(options.source);
  } catch (error) {
    process.stderr.write(`cannot read the source folder ${options.source}: ${(error as Error).message}\n`);
    return 2;
  }

  const started = performance.now();
  const progress = progressLine(process.stderr);
  const result = exportCorpus(sources, formats, (stage, done, total, file) => progress.update(`${stage} ${done + 1}/${total}: ${file}`));
  progress.done();
  if (!result.ok) {
    const diagnostics = sortDiagnostics(result.diagnostics);
    if (options.errors === "json") process.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
    else process.stderr.write(`${diagnostics.map(formatDiagnostic).join("\n")}\n${diagnostics.length} problem${diagnostics.length === 1 ? "" : "s"}; ${options.out}/ left as it was\n`);
    return 1;
  }
  // The artifacts and the files describing them (checksums, manifest, data package) in one swap.
  progress.update(`writing ${options.out}/`);
  const files = bundle(bundleInput(result.articles, sources, { pipeline: pipelineInfo(), ...(created.created !== undefined && { created: created.created }) }));
  const written = replaceDist(resolve(options.out), files);
  progress.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  process.stdout.write(
    `${written.changed ? "exported" : "unchanged"}: ${result.articles.length} article${result.articles.length === 1 ? "" : "s"}, ${written.files} files, ${written.bytes} bytes in ${options.out}/ (${seconds} s)\n`,
  );
  return 0;
}

/** Every *.yaml of the folder, in code-point order of the names: independent of the file system's order. */
function readSources(dir: string): SourceText[] {
  const names = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const path = join(dir, name);
    const shown = relative(process.cwd(), resolve(path)) || path;
    return { file: shown.startsWith("..") ? path : shown, text: readFileSync(path, "utf8") };
  });
}

process.exitCode = main(process.argv.slice(2));
