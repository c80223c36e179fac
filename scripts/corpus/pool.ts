// Runs article jobs on every core: each worker thread takes batches of jobs in turn (two in flight,
// so it never waits for the main thread), so a slow batch on one core does not hold the other back.
// The main thread only hands out work and gathers small results. A small corpus runs on the main
// thread instead: starting a worker (it loads the pipeline's modules anew) costs more than a few
// articles do.

import { availableParallelism } from "node:os";
import type { Worker, WorkerOptions } from "node:worker_threads";
import { createRequire } from "node:module";
import type { ArticleJob, JobResult, JobSettings } from "./article-job.ts";
import type { CorpusContext } from "../graph/shared.ts";
import { workerBundle } from "../lib/prebuilt-bundle.ts";
import { projectPath } from "../lib/project-path.ts";
import { pathToFileURL } from "node:url";

// node:worker_threads is loaded when the first worker starts: a small corpus runs on the main thread,
// and loading it cost an export of one article a few milliseconds.
const require = createRequire(import.meta.url);
const workerClass = () => (require("node:worker_threads") as typeof import("node:worker_threads")).Worker;

/** What a worker thread finds in its process.argv: cli/main.ts then runs corpus/worker.ts. */
export const EXPORT_THREAD_ARGUMENT = "--org-article-export-thread";

const same = (job: ArticleJob): ArticleJob => job;

/**
 * Each worker thread's heap. The young generation is V8's default of 48 MB (semi-spaces of 16 MB):
 * each scavenge copies what the article being made holds at that moment (its model, graph and
 * writers' texts, 1-2 MB for a large article), so semi-spaces half as large scavenge twice as
 * often for the same garbage. At 1,000 copies of IFEX, 24 MB made 235 scavenges per thread
 * copying 380 MB, 48 MB 114 copying 240 MB; an export of 10,000 generated articles took 10 % less
 * CPU, for some 40 MB more peak memory (the two threads' young generations: 358 MB against 317).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 48 };

/** Below this many jobs they run on the main thread. */
export const INLINE_BELOW = 64;
const BATCH = 16;
const IN_FLIGHT = 2;

export interface Pool {
  /**
   * Runs the jobs; `onResult` sees each result as it arrives (in no particular order). Once `signal` is aborted (Ctrl-C), no more results are taken and the run fails with its reason.
   * `prepare` completes a job just before it is handed out (what it carries is then made for the
   * few jobs in flight, not held for all of them at once).
   */
  run(jobs: readonly ArticleJob[], onResult: (result: JobResult) => void, signal?: AbortSignal, prepare?: (job: ArticleJob) => ArticleJob): Promise<void>;
  close(): Promise<void>;
  /** How the jobs' code is loaded: on this thread, or worker threads from the bundle or through tsx. */
  readonly loader: "main thread" | "bundle" | "tsx";
}

/**
 * `threads`: how many worker threads; undefined: one per core, and none for fewer than
 * INLINE_BELOW jobs; 0: every job on the main thread, with `corpus` (else one made of the settings).
 */
export function createPool(settings: JobSettings, jobs: number, threads?: number, corpus?: CorpusContext): Pool {
  const count = threads !== undefined ? Math.min(threads, jobs) : jobs < INLINE_BELOW ? 0 : Math.max(1, Math.min(availableParallelism(), Math.ceil(jobs / BATCH)));
  if (count === 0) return inlinePool(settings, corpus);
  // The worker threads' code, bundled (lib/prebuilt-bundle.ts); without the bundle, a worker registers tsx
  // itself (it does not inherit the main thread's `--import tsx`), then loads worker.ts (both by
  // absolute URL, so the current directory does not matter).
  const bundle = workerBundle();
  const bootstrap = () => `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(projectPath("scripts/corpus/worker.ts")).href)}); });`;
  const options = { workerData: settings, resourceLimits: WORKER_HEAP };
  const workers = Array.from({ length: count }, () => (bundle ? startWorker(bundle, options, withoutPreloads(process.execArgv)) : new (workerClass())(bootstrap(), { ...options, eval: true })));
  return {
    loader: bundle ? "bundle" : "tsx",
    run: (list, onResult, signal, prepare = same) => runOnWorkers(workers, list, onResult, signal, prepare),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** Every job on this thread, one after the other, with a turn of the event loop between them. */
function inlinePool(settings: JobSettings, corpus: CorpusContext | undefined): Pool {
  return {
    run: async (list, onResult, signal, prepare = same) => {
      if (list.length === 0) return;
      // Loaded only when articles run here: with worker threads, this thread never reads an article.
      const { jobRunner } = await import("./article-job.ts");
      const runJob = jobRunner(settings, corpus);
      for (const job of list) {
        signal?.throwIfAborted();
        onResult(runJob(prepare(job)));
        // A turn of the event loop between articles, in which a signal (Ctrl-C) can be seen.
        if (signal) await new Promise((resolve) => setImmediate(resolve));
      }
      signal?.throwIfAborted();
    },
    close: async () => {},
    loader: "main thread",
  };
}

/** Hands the jobs out to the workers in batches, IN_FLIGHT batches per worker at a time. */
function runOnWorkers(workers: readonly Worker[], list: readonly ArticleJob[], onResult: (result: JobResult) => void, signal: AbortSignal | undefined, prepare: (job: ArticleJob) => ArticleJob): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let next = 0;
    let pending = 0;
    let failed = false;
    const cleanups: (() => void)[] = [];
    const send = (worker: Worker) => {
      if (failed || next >= list.length) return;
      const batch = list.slice(next, next + BATCH).map(prepare);
      next += batch.length;
      pending++;
      worker.postMessage(batch);
    };
    const finish = (error?: Error) => {
      failed = failed || error !== undefined;
      for (const cleanup of cleanups) cleanup();
      if (error) reject(error);
      else resolve();
    };
    if (signal) {
      // The batches in flight are left to the threads, which `close` ends.
      const onAbort = () => {
        if (!failed) finish(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      cleanups.push(() => signal.removeEventListener("abort", onAbort));
    }
    for (const worker of workers) {
      const onMessage = (message: { results?: JobResult[]; error?: string }) => {
        if (failed) return;
        pending--;
        if (message.error !== undefined) return finish(new Error(`an export thread failed: ${message.error}`));
        try {
          for (const result of message.results!) onResult(result);
        } catch (error) {
          return finish(error as Error);
        }
        send(worker);
        if (pending === 0 && next >= list.length) finish();
      };
      const onError = (error: Error) => {
        if (!failed) finish(error);
      };
      worker.on("message", onMessage);
      worker.on("error", onError);
      cleanups.push(() => {
        worker.off("message", onMessage);
        worker.off("error", onError);
      });
      for (let i = 0; i < IN_FLIGHT; i++) send(worker);
    }
    if (pending === 0) finish();
  });
}

/**
 * The process's Node options without the modules it preloads (`--import tsx`, a hook of the
 * benchmark's): a worker thread started from a file inherits them, and the bundle needs none
 * (a TypeScript hook would not even load there).
 */
export function withoutPreloads(execArgv: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (/^(--import|--require|-r|--loader|--experimental-loader)$/.test(arg)) i++;
    else if (!/^(--import|--require|--loader|--experimental-loader)=/.test(arg)) kept.push(arg);
  }
  return kept;
}

/**
 * A worker thread from a file, with the process's Node options (`--cpu-prof`, `--enable-source-maps`,
 * …). Node refuses a worker whose options hold V8's own (`--max-old-space-size`, `--stack-size`), yet
 * they are the whole process's and apply to the worker anyway: the ones Node names are dropped, and
 * should Node still refuse, the worker gets no options at all.
 */
export function startWorker(file: URL, options: WorkerOptions, execArgv: readonly string[]): Worker {
  const Worker = workerClass();
  options = { ...options, argv: [...(options.argv ?? []), EXPORT_THREAD_ARGUMENT] };
  try {
    return new Worker(file, { ...options, execArgv: [...execArgv] });
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw error;
    // "Initiated Worker with invalid execArgv flags: --a=1, --b"
    const refused = new Set((error as Error).message.replace(/^[^:]*:\s*/, "").split(/,\s*/));
    const kept = execArgv.filter((arg) => !refused.has(arg));
    if (kept.length < execArgv.length) {
      try {
        return new Worker(file, { ...options, execArgv: kept });
      } catch {
        // Node refused something else as well: no options.
      }
    }
    return new Worker(file, { ...options, execArgv: [] });
  }
}

