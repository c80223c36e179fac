// The machine a benchmark ran on, as BENCHMARKS.md states it.

import { readFileSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  /** Node's default JavaScript heap limit here (V8 derives it from the memory): what an export may hold. */
  heapLimitGb: number;
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
  return { cpu, cores: availableParallelism(), memoryGb: totalmem() / 1024 ** 3, heapLimitGb: getHeapStatistics().heap_size_limit / 1024 ** 3, node: process.version, date: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
}
