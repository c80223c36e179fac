// How many cores the host really gives right now: a fixed loop timed on one thread alone, then on
// as many threads as there are cores at once. On an idle 2-core machine the answer is 2.00; a
// shared or throttled host gives less, and every figure measured then is slower than the same
// work on an idle machine. The bench states it before each export, so figures can be compared.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

const LOOP = `
const { parentPort } = require("node:worker_threads");
parentPort.once("message", () => {
  const started = performance.now();
  let x = 0;
  for (let i = 0; i < 150_000_000; i++) x = (x * 31 + i) | 0;
  parentPort.postMessage({ ms: performance.now() - started, x });
});`;

async function loops(threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(LOOP, { eval: true }));
  try {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const times = await Promise.all(
      workers.map(
        (worker) =>
          new Promise<number>((resolve, reject) => {
            worker.once("message", (m: { ms: number }) => resolve(m.ms));
            worker.once("error", reject);
            worker.postMessage("go");
          }),
      ),
    );
    return Math.max(...times);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/**
 * Cores available now, e.g. 1.97 of 2, and the loop's time on one thread alone: how fast one core
 * is now (a shared host's speed changes from hour to hour).
 */
export async function coresAvailable(): Promise<{ available: number; of: number; oneCoreMs: number }> {
  const of = availableParallelism();
  const one = await loops(1);
  const all = await loops(of);
  return { available: Math.min(of, (of * one) / all), of, oneCoreMs: one };
}
