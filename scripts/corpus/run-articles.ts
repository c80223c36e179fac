// The articles run: every article not kept is made by its job on the pool's threads (article-job.ts),
// each result's facts parked and its line of the next export's state written as soon as its facts
// are final. Once every article is made, the references between them are judged, their links found,
// and the second jobs of the articles that link to others run while corpus.nt and corpus.ttl are
// appended (combined-rdf.ts), a slice of articles at a time, so that between slices the main thread
// hands out work: appended at once, they held the threads idle for 6 s of 80 at 10,000 articles.

import type { ArticleJob, JobResult } from "./article-job.ts";
import { park, parkEvents, unpark, type Article } from "./article-record.ts";
import type { ArticleLink } from "./article-links.ts";
import type { CombinedRdf } from "./combined-rdf.ts";
import type { WorkbookRows } from "./combined-tables.ts";
import { exportProblems } from "./export-problems.ts";
import type { ExportProblems, ExportRun } from "./export-run.ts";
import { EntityIndex, secondJobs, withLinkedNodes } from "./link-articles.ts";
import { tablesBefore } from "./plan.ts";
import { createPool, type Pool } from "./pool.ts";

/** The staging folder is flushed to disk this often while the articles run (StagedDist.flushInBackground). */
const FLUSH_EVERY_MS = 2000;

/** Articles appended to the combined files between two turns of the event loop. */
const COMBINE_SLICE = 8;

export type RunOutcome = { ok: true; rebuilt: number; links: ArticleLink[] } | ExportProblems;

/** Runs every article's jobs; `rdf` and `workbook` take what the combined files need of each. */
export async function runArticles(run: ExportRun, rdf: CombinedRdf, workbook: WorkbookRows | undefined): Promise<RunOutcome> {
  const { articles, options } = run;
  const results = new Results(run, rdf, workbook);
  // The kept articles count as done for the progress line; their statements about shared entities are the combined files' too.
  const jobs: ArticleJob[] = [];
  articles.forEach((article, index) => {
    if (article.reused) rdf.collect(article.facts);
    else jobs.push({ index, path: article.path, file: article.file, part: "all" });
  });
  results.done = articles.length - jobs.length;
  // Threads for the first jobs; the second ones (a share of the same articles) run on the same threads.
  const pool = createPool({ staging: run.staged.staging, formats: run.formats, corpus: run.corpus.settings }, jobs.length, options.threads, run.corpus);
  const flushing = setInterval(() => run.staged.flushInBackground(), FLUSH_EVERY_MS);
  flushing.unref();
  let combining: { stop: boolean; done?: Promise<void> } = { stop: false };
  try {
    await pool.run(jobs, results.take, options.signal);
    if (results.failed) return exportProblems(articles, run.spills, run.corpus);
    // References between articles, judged now that every article's ids are known.
    const index = new EntityIndex(articles, run.spills.tables, run.corpus);
    if (!index.judge()) return exportProblems(articles, run.spills, run.corpus);
    const links = index.links();
    rdf.link(links);
    combining = appendInSlices(rdf);
    const second = await runSecondJobs(run, pool, results, index);
    if (second) return second;
    return { ok: true, rebuilt: jobs.length, links };
  } finally {
    clearInterval(flushing);
    combining.stop = true;
    await combining.done;
    await pool.close();
  }
}

/** The articles that link to others: their CSV and workbook (and events rows), with the names of what they link to. */
async function runSecondJobs(run: ExportRun, pool: Pool, results: Results, index: EntityIndex): Promise<ExportProblems | undefined> {
  const jobs = secondJobs(run.articles, index, run.formats, run.staged, tablesBefore(run.plan));
  if (jobs.length === 0) return undefined;
  await pool.run(jobs, results.take, run.options.signal, withLinkedNodes(run.articles, index));
  return results.failed ? exportProblems(run.articles, run.spills, run.corpus) : undefined;
}

function appendInSlices(rdf: CombinedRdf): { stop: boolean; done?: Promise<void> } {
  const combining: { stop: boolean; done?: Promise<void> } = { stop: false };
  combining.done = (async () => {
    while (!combining.stop && rdf.append(COMBINE_SLICE)) await new Promise((resolve) => setImmediate(resolve));
  })();
  return combining;
}

/** What the main thread does with each job's result, as it comes (in no particular order). */
class Results {
  failed = false;
  /** Articles done, for the progress line. */
  done = 0;

  constructor(
    private readonly run: ExportRun,
    private readonly rdf: CombinedRdf,
    private readonly workbook: WorkbookRows | undefined,
  ) {}

  readonly take = (result: JobResult): void => {
    const article = this.run.articles[result.index]!;
    if (!result.ok) {
      this.failed = true;
      article.problems = result.problems;
      return;
    }
    const rows = result.combined?.xlsx;
    if (rows) {
      this.workbook!.put(article, rows);
      delete result.combined!.xlsx;
    }
    if (result.part === "links") return this.takeLinks(article, result);
    const { state, spills, formats, options } = this.run;
    // Its facts are final unless its CSV waits for a second job: its line of the next state now,
    // while other articles are still being made, rather than all of them at the end.
    if (result.facts.linksTo.length === 0 || !formats.includes("csv")) {
      state.add(result.facts, article.read);
      article.stated = true;
    }
    this.rdf.collect(result.facts);
    park(article, result.facts, spills);
    this.rdf.hold(article, result.combined);
    options.onProgress?.(++this.done, this.run.articles.length, article.file);
  };

  /** The second job of an article with links: its CSV and events rows join the first job's facts. */
  private takeLinks(article: Article, result: Extract<JobResult, { ok: true }>): void {
    const { state, spills } = this.run;
    article.facts!.files.push(...result.facts.files);
    const events = result.facts.events;
    if (!events) state.add(unpark(article, spills), article.read);
    else {
      article.events = parkEvents(events, spills.csvLines);
      // Its line of the state from the rows in hand, rather than read back from the spill.
      state.add({ ...unpark({ ...article, events: undefined }, spills), events }, article.read);
    }
    article.stated = true;
  }
}
