// Command line: `make export` runs it prebuilt (cli/prebuilt.ts: node node_modules/.cache/org-article-export/cli.cjs);
// in development, node --import tsx scripts/cli/export.ts [options].
// Reads every source/<slug>.yaml, and writes the artifacts of all of them into dist/ — or, on any
// problem, prints every problem as file:line:col and leaves dist/ as it was. It first asks the last
// export's state whether anything changed (corpus/export-state.ts): when nothing did, it stops there,
// before loading the pipeline.
//
// Exit codes: 0 done, 1 invalid input, 2 wrong usage, 130 / 143 interrupted (SIGINT / SIGTERM).

import { existsSync, readdirSync } from "node:fs";
import { constants } from "node:os";
import { parseArgs } from "node:util";
import { FORMAT_FILES, FORMATS, type Format } from "../writers/formats.ts";
import { createdFromSourceDateEpoch } from "../datapackage/run-info.ts";
import { progressLine } from "./progress.ts";
import { unsafeOutDir } from "../publish/out-guard.ts";
import { renderReport } from "../report/report.ts";
import { PROJECT_ROOT } from "../lib/project-path.ts";
import type { ExportOutcome } from "../corpus/export-corpus.ts";
import { pipelineFingerprint, upToDate } from "../corpus/export-state.ts";
import { corpusFileSetsBase, corpusFingerprint } from "../corpus/corpus-fingerprint.ts";
import { EXAMPLE_BASE } from "../graph/namespaces.ts";
import { isArticleFile } from "../lib/article-file.ts";
import { forgetMakeState, writeMakeState, type MakeState } from "./make-state.ts";
import { markCodeCacheWorthy } from "../lib/code-cache.ts";
import type { CorpusSettings } from "../graph/shared.ts";

/** Every format's file, as the help names them: ".csv, .jsonld, … and .xlsx". */
const EXTENSIONS = FORMATS.map((format) => FORMAT_FILES[format].extension).join(", ").replace(/, ([^,]*)$/, " and $1");

const HELP = `Usage: node --import tsx scripts/cli/export.ts [options]

Exports every <slug>.yaml of the source folder into the output folder: per article
<slug>${EXTENSIONS}
(those of --formats), and for the whole folder the combined corpus.* files,
datapackage.json, manifest.json and SHA256SUMS. The folder is replaced as a whole, and only
when something changed (an article added, edited or removed, a file of the output deleted or
edited by hand); on any problem it is left as it was.

Options:
  --source DIR       folder of the article YAML files (default: source)
  --out DIR          output folder, replaced as a whole (default: dist)
  --base IRI         where every IRI of the export is minted, e.g. https://data.example.org/orgs/
                     (over base: of source/corpus.yaml; without either, the example base
                     https://org-articles.example/, which the summary line then names)
  --formats LIST     comma-separated, some of: ${FORMATS.join(",")} (default: all)
  --errors FORMAT    how problems are reported: text on stderr (default) or json on stdout
  --force            make every file again, whatever the last export left
  --threads N        worker threads for the articles (default: one per core, and none for
                     fewer than 64 articles, which the main thread exports faster alone);
                     0: everything on the main thread
  --make-state FILE  after a good export, write for make what it read and left (Makefile)
  --make-stamp FILE  with --make-state: the record's stamp, touched after it; FILE.ran says
                     the command line ran
  -h, --help         this help

Environment:
  SOURCE_DATE_EPOCH  seconds since 1970: written as the "created" time of manifest.json and
                     datapackage.json; unset, no time is written (reproducible builds)

Prints one summary line at the end (articles, files, bytes, time); on a terminal, a progress
line while the work takes more than a moment.

Exit codes: 0 done, 1 invalid input, 2 wrong usage (a source folder without any .yaml file, or
an output folder that cannot be written),
130 interrupted by Ctrl-C (SIGINT), 143 by SIGTERM: the output folder is left as it was.
With GITHUB_ACTIONS=true, problems are also printed as ::error workflow annotations.`;

/** The command line's options, checked. */
interface Options {
  source: string;
  out: string;
  formats: Format[];
  errors: "text" | "json";
  threads?: number;
  force: boolean;
  base?: string;
  makeState?: MakeState;
  created?: string;
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv);
  if (typeof parsed === "number") return parsed;
  if (parsed.makeState) forgetMakeState(parsed.makeState);
  const created = createdFromSourceDateEpoch(process.env.SOURCE_DATE_EPOCH);
  if (!created.ok) {
    process.stderr.write(`${created.message}\n`);
    return 2;
  }
  const options: Options = { ...parsed, ...(created.created !== undefined && { created: created.created }) };
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks (about 1 ms).
  const started = process.hrtime.bigint();
  const startedAt = Date.now();
  const forMake = () => {
    if (options.makeState) writeMakeState(options.makeState, options.source, options.out, process.env.SOURCE_DATE_EPOCH, startedAt);
  };
  // With --errors=json stdout is always JSON: no problems is [], and the summary goes to stderr.
  const said = options.errors === "json" ? process.stderr : process.stdout;
  // Nothing changed since the last export (the same sources, every file of the output as it left
  // them): said without loading the pipeline.
  const fresh = options.force ? undefined : upToDate(options.source, options.out, pipelineFingerprint({ formats: options.formats, created: options.created ?? null, ...corpusFingerprint(options.source, options.base) }));
  if (fresh) {
    forMake();
    if (options.errors === "json") process.stdout.write("[]\n");
    said.write(summary(false, fresh.sources.length, fresh.files, fresh.bytes, options.out, started, { base: EXAMPLE_BASE, exampleBase: options.base === undefined && !corpusFileSetsBase(options.source) }));
    return 0;
  }
  const outcome = await exportWithSignals(options);
  if (typeof outcome === "number") return outcome;
  if (!outcome.ok) {
    const report = renderReport(outcome.diagnostics, {
      errors: options.errors,
      sources: new Map(outcome.sources.map((s) => [s.file, s.text])),
      codeFrames: process.stderr.isTTY === true,
      githubActions: process.env.GITHUB_ACTIONS === "true",
      out: options.out,
    });
    process.stdout.write(report.stdout);
    process.stderr.write(report.stderr);
    return 1;
  }
  forMake();
  // The prebuilt loader keeps V8's code cache of a run that exported, not of a shorter one.
  if (outcome.changed) markCodeCacheWorthy();
  if (options.errors === "json") process.stdout.write("[]\n");
  // Each link between articles the export made (corpus/article-links.ts), before the summary.
  for (const link of outcome.links ?? []) said.write(`linked: ${link.from} schema:sameAs ${link.to} (the subject of that article, by the name ${JSON.stringify(link.name)})\n`);
  said.write(summary(outcome.changed, outcome.articles, outcome.files, outcome.bytes, options.out, started, outcome.settings));
  return 0;
}

/** The options, or the exit code of wrong usage (2) or of --help (0), with what was wrong said on stderr. */
function parseOptions(argv: string[]): Options | number {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        source: { type: "string", default: "source" },
        out: { type: "string", default: "dist" },
        formats: { type: "string" },
        errors: { type: "string", default: "text" },
        threads: { type: "string" },
        force: { type: "boolean" },
        base: { type: "string" },
        "make-state": { type: "string" },
        "make-stamp": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const wrong = (message: string) => (process.stderr.write(`${message}\n`), 2);
  const { source, out, errors } = values;
  const formats = values.formats === undefined ? FORMATS : (values.formats.split(",").map((f) => f.trim()) as Format[]);
  const unknown = formats.filter((f) => !FORMATS.includes(f));
  if (unknown.length > 0 || formats.length === 0) return wrong(`unknown format ${unknown.join(", ")}: expected some of ${FORMATS.join(", ")}`);
  if (errors !== "text" && errors !== "json") return wrong(`--errors takes text or json, not ${errors}`);
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!/^[0-9]+$/.test(values.threads!) || threads > 64)) return wrong(`--threads takes a whole number from 0 to 64, not ${values.threads}`);
  const unsafe = unsafeOutDir(out, { source, cwd: process.cwd(), projectRoot: PROJECT_ROOT });
  if (unsafe) return wrong(`refusing --out ${out}: ${unsafe}`);
  // A source folder without articles is a wrong path, not a wish for an empty output: replacing a
  // corpus's output with nothing because of a typo in --source would lose it.
  if (existsSync(source) && !holdsArticles(source)) return wrong(`no article in ${source}/ (no .yaml or .yml file): nothing to export; ${out}/ left as it was`);
  if ((values["make-state"] === undefined) !== (values["make-stamp"] === undefined)) return wrong("--make-state and --make-stamp go together");
  return {
    source,
    out,
    formats,
    errors,
    force: values.force === true,
    ...(threads !== undefined && { threads }),
    ...(values.base !== undefined && { base: values.base }),
    ...(values["make-state"] !== undefined && { makeState: { record: values["make-state"], stamp: values["make-stamp"]! } }),
  };
}

/**
 * The export, with a progress line. Ctrl-C (or a CI job cancelled: SIGTERM) stops it at its next
 * step, which leaves the output as it was and removes the staging folder and the lock, rather than
 * leaving them for the next run to clear; a second Ctrl-C kills at once (the handler is gone).
 * A number is the exit code of an interrupted or failed export, said on stderr.
 */
async function exportWithSignals(options: Options): Promise<ExportOutcome | number> {
  const { exportCorpus } = await import("../corpus/export-corpus.ts");
  const progress = progressLine(process.stderr);
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupt.abort(signal);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await exportCorpus({
      sourceDir: options.source,
      outDir: options.out,
      formats: options.formats,
      ...(options.threads !== undefined && { threads: options.threads }),
      ...(options.force && { force: true }),
      ...(options.base !== undefined && { base: options.base }),
      ...(options.created !== undefined && { created: options.created }),
      onProgress: (done, total, file) => progress.update(`exporting ${done}/${total}: ${file}`),
      signal: interrupt.signal,
    });
  } catch (error) {
    if (interrupt.signal.aborted) {
      const signal = interrupt.signal.reason as NodeJS.Signals;
      progress.done();
      process.stderr.write(`interrupted (${signal}): ${options.out}/ left as it was\n`);
      return 128 + constants.signals[signal];
    }
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === "ENOENT" && !existsSync(options.source) ? `cannot read the source folder ${options.source}` : `cannot write ${options.out}/`;
    progress.done();
    process.stderr.write(`${what}: ${(error as Error).message}; ${options.out}/ left as it was\n`);
    return 2;
  } finally {
    progress.done();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function summary(changed: boolean, articles: number, files: number, bytes: number, out: string, started: bigint, settings?: Pick<CorpusSettings, "base" | "exampleBase">): string {
  const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2);
  return `${changed ? "exported" : "unchanged"}: ${articles} article${articles === 1 ? "" : "s"}, ${files} files, ${bytes} bytes in ${out}/ (${seconds} s)${settings ? baseNote(settings) : ""}\n`;
}

/** The summary line's word on the base: said only when the example base was used. */
function baseNote(settings: Pick<CorpusSettings, "base" | "exampleBase">): string {
  return settings.exampleBase ? `; IRIs under the example base ${settings.base} (set base: in source/corpus.yaml, or --base)` : "";
}

function holdsArticles(dir: string): boolean {
  try {
    return readdirSync(dir).some(isArticleFile);
  } catch {
    return true; // not a readable folder: the export says why
  }
}

// Exits once stdout and stderr are flushed (at once on Linux; pipes are asynchronous on macOS), rather
// than when the event loop runs dry: Node then frees the heap page by page first, some 8 ms of a
// one-article export's 0.25 s. Whatever main started is done when it returns (the worker threads
// closed, every file written, fsynced and renamed), and 'exit' listeners (the code cache) still run.
void main(process.argv.slice(2)).then((code) => process.stdout.write("", () => process.stderr.write("", () => process.exit(code))));
