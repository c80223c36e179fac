// A worker thread of pool.ts: runs the article jobs it is sent, a batch at a time.

import { parentPort, workerData } from "node:worker_threads";
import { jobRunner, type ArticleJob, type JobResult, type JobSettings } from "./article-job.ts";

const runJob = jobRunner(workerData as JobSettings);

parentPort!.on("message", (batch: ArticleJob[]) => {
  try {
    const results: JobResult[] = [];
    for (const job of batch) results.push(runJob(job));
    // The combined files' pieces are handed over, not copied: each has an ArrayBuffer of its own.
    parentPort!.postMessage({ results }, results.flatMap(transferable));
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});

function transferable(result: JobResult): ArrayBuffer[] {
  if (!result.ok || !result.combined) return [];
  const { nt, ttl } = result.combined;
  return [...(nt ? [nt.buffer as ArrayBuffer] : []), ...(ttl ? [ttl.buffer as ArrayBuffer] : [])];
}
