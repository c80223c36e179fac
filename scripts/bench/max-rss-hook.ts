// Preloaded into the benchmark's child export (`node --import tsx --import ./max-rss-hook.ts`), so
// the peak memory of the real command line can be read without instrumenting it: at exit, the
// process's peak resident set size (kilobytes, every thread), then its user and system CPU time
// (microseconds, every thread), go to the file BENCH_MAX_RSS_FILE, one per line.
// Without that variable it does nothing.

import { writeFileSync } from "node:fs";

const file = process.env.BENCH_MAX_RSS_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS}\n${usage.userCPUTime}\n${usage.systemCPUTime}\n`);
  });
}
