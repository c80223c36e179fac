// The machine a benchmark ran on, as BENCHMARKS.md states it, and how much of it the host gives now:
// a fixed loop on one thread, then on every core at once (2.00 of 2 is two whole cores; a shared
// host gives less, and then everything measured is slower in the same proportion).

import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { Worker } from "node:worker_threads";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  date: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() names it
  }
  return { cpu, cores: availableParallelism(), memoryGb: totalmem() / 1024 ** 3, node: process.version, date: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
}

const LOOP = `const { parentPort } = require("node:worker_threads");
let x = 0;
const started = performance.now();
for (let i = 0; i < 150_000_000; i++) x = (x * 31 + i) | 0;
parentPort.postMessage(performance.now() - started + (x & 0));`;

const loops = (threads: number) =>
  Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(LOOP, { eval: true });
      return new Promise<number>((resolve, reject) => worker.once("message", resolve).once("error", reject)).finally(() => worker.terminate());
    }),
  ).then((times) => Math.max(...times));

/** Cores the host gives now (e.g. 1.97 of 2), and the loop's milliseconds on one core alone. */
export async function coresNow(): Promise<{ available: number; oneCoreMs: number }> {
  const cores = availableParallelism();
  const one = await loops(1);
  return { available: Math.min(cores, (cores * one) / (await loops(cores))), oneCoreMs: one };
}
