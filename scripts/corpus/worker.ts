// A worker thread of pool.ts: runs the article jobs it is sent, a batch at a time.

import { parentPort, workerData } from "node:worker_threads";
import { runJob, type ArticleJob, type JobSettings } from "./article-job.ts";

const settings = workerData as JobSettings;

parentPort!.on("message", (batch: ArticleJob[]) => {
  try {
    parentPort!.postMessage({ results: batch.map((job) => runJob(job, settings)) });
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).stack ?? String(error) });
  }
});
