// The export of a whole source folder into the output folder, as `make export` runs it, step by step:
//
//   1. list the articles and read the corpus's settings (source/corpus.yaml, --base)   article-record.ts, corpus-file.ts
//   2. plan from the previous export's state: which articles keep their files            plan.ts
//   3. run the articles: each made by the pipeline on the pool's threads, the
//      references between them judged, their links found, their second jobs run     run-articles.ts, link-articles.ts
//   4. write the combined RDF (corpus.nt, corpus.ttl)                                 combined-rdf.ts
//   5. write the combined tables and workbook (corpus.*.csv, corpus.xlsx)             combined-tables.ts
//   6. publish: the data package from the files' sizes and hashes, then one swap       publish-export.ts
//
// Every file is written once into a staging folder beside the output, as soon as it is made; the
// output is replaced only at the end, as a whole (publish/staged-dist.ts). When any article has a
// problem, nothing is written: every problem is reported at its line (export-problems.ts).

import { resolve } from "node:path";
import { CorpusContext } from "../graph/shared.ts";
import type { CombinedFacts } from "../datapackage/input.ts";
import { StagedDist } from "../publish/staged-dist.ts";
import { fileName } from "../lib/article-file.ts";
import { listArticles, openSpills, sameSlugTwice, unpark, type Spills } from "./article-record.ts";
import { COMBINED } from "../writers/combined-files.ts";
import { CombinedRdf } from "./combined-rdf.ts";
import { WorkbookRows, writeCombinedCsv } from "./combined-tables.ts";
import { readCorpusFile } from "./corpus-file.ts";
import { corpusFingerprint } from "./corpus-fingerprint.ts";
import { pipelineFingerprint, type Places } from "./export-state.ts";
import { StateWriter } from "./state-writer.ts";
import type { ExportOptions, ExportOutcome, ExportProblems, ExportRun } from "./export-run.ts";
import type { ArticleLink } from "./article-links.ts";
import { keepUnchanged, planExport } from "./plan.ts";
import { swapIn, writePackage } from "./publish-export.ts";
import { runArticles } from "./run-articles.ts";

export type { ExportOptions, ExportOutcome };

export async function exportCorpus(options: ExportOptions): Promise<ExportOutcome> {
  // 1. The articles, and the corpus's settings: every IRI is minted under its base.
  const articles = listArticles(options.sourceDir);
  const twice = sameSlugTwice(articles);
  if (twice.length > 0) return { ok: false, sources: [], diagnostics: twice };
  const corpusFile = readCorpusFile(options.sourceDir, options.base);
  if (!corpusFile.ok) return { ok: false, diagnostics: corpusFile.diagnostics, sources: corpusFile.sources };
  const settings = corpusFile.settings;
  const { formats } = options;
  const fingerprint = pipelineFingerprint({ formats, created: options.created ?? null, ...corpusFingerprint(options.sourceDir, options.base) });
  // Under the lock from here on: another export cannot change the output (or its state) meanwhile.
  // A run killed mid-swap may have left the old output aside: it is put back first.
  const staged = new StagedDist(resolve(options.outDir));
  let spills: Spills | undefined;
  let state: StateWriter | undefined;
  try {
    // 2. The plan.
    const planned = planExport(articles, staged.outDir, fingerprint, formats, options.force === true);
    if (planned.unchanged) return { ok: true, changed: false, articles: articles.length, rebuilt: 0, files: planned.files, bytes: planned.bytes, settings };
    staged.begin();
    spills = openSpills(staged.staging);
    state = new StateWriter(staged.outDir, planned.plan.shared);
    const run: ExportRun = { options, formats, corpus: new CorpusContext(settings), articles, plan: planned.plan, staged, spills, state };
    keepUnchanged(articles, run.plan, spills, staged);
    const made = await build(run);
    if (!made.ok) return made;
    // Interrupted while the articles ran on this thread, or while the bundle was written: not swapped in.
    options.signal?.throwIfAborted();
    // 6. The swap.
    const changed = await swapIn(run, fingerprint, made, made.places);
    state = undefined;
    return { ok: true, changed, articles: articles.length, rebuilt: made.rebuilt, files: made.files, bytes: made.bytes, settings, links: made.links };
  } finally {
    spills?.tables.dispose();
    spills?.csvLines.dispose();
    state?.discard();
    staged.close();
  }
}

type Built = { ok: true; rebuilt: number; links: ArticleLink[]; files: number; bytes: number; places: Places } | ExportProblems;

/** Steps 3 to 6 but the swap: the articles, the combined files, the data package, all in the staging folder. */
async function build(run: ExportRun): Promise<Built> {
  const rdf = new CombinedRdf(run.articles, run.staged.staging, run.formats, run.corpus, run.plan.parts);
  const workbook = run.formats.includes("xlsx") ? new WorkbookRows(run.staged.staging) : undefined;
  try {
    // 3. The articles.
    const ran = await runArticles(run, rdf, workbook);
    if (!ran.ok) return ran;
    // 4, 5. The combined files, in the order the data package lists them.
    rdf.append();
    const combined = new Map<string, CombinedFacts>();
    run.spills.csvLines.readAll();
    if (run.formats.includes("csv")) for (const [name, facts] of writeCombinedCsv(run.articles, run.spills, run.staged.staging)) combined.set(name, facts);
    writeRemainingState(run);
    for (const [name, facts] of rdf.finish(ran.links)) combined.set(name, facts);
    const placed = workbook?.write(run.articles, run.staged);
    if (placed) combined.set(COMBINED.workbook, placed.facts);
    // 6. The data package.
    const { parts: packageParts, ...totals } = writePackage(run, combined);
    const parts = Object.fromEntries([...rdf.places(), ...packageParts].map(([name, places]) => [name, Object.fromEntries(places)]));
    return { ...ran, ...totals, places: { parts, ...(placed && { workbook: Object.fromEntries(placed.placed) }) } };
  } finally {
    rdf.release();
    workbook?.dispose();
  }
}

/**
 * The rest of the next export's state (articles kept as they were: their previous lines as they
 * are), then the spills go: the staging folder must hold only the output.
 */
function writeRemainingState({ articles, plan, spills, state }: ExportRun): void {
  for (const article of articles) {
    if (article.stated) continue;
    const kept = article.reused ? plan.stored?.get(fileName(article.file)) : undefined;
    if (kept) state.addStored(article.facts!.source.path, article.facts!.source.sha256, article.read, kept.json());
    else state.add(unpark(article, spills), article.read);
  }
  spills.tables.dispose();
  spills.csvLines.dispose();
}
