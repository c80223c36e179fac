// Benchmark: how long the exporter takes to refuse each kind of hostile input, and its peak memory.
// Each case runs in a fresh process so its peak resident memory is its own.
//
//   node --import tsx scripts/bench/hostile-inputs.ts          # all cases, a table on stdout
//   node --import tsx scripts/bench/hostile-inputs.ts CASE     # one case, JSON on stdout
//
// The figures in docs/benchmarks-notes.md come from this script, with the machine they were measured on.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { exportInMemory } from "../../tests/reference/pipeline.ts";
import { readSourceFile } from "../read/source-file.ts";
import { MAX_SOURCE_BYTES } from "../read/source-limits.ts";
import { projectPath } from "../lib/project-path.ts";

function aliasBomb(levels: number): string {
  let text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (let i = 1; i <= levels; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return text;
}

/** Each case: the text to export in memory, or a file to read first (for the checks made on files). */
const CASES: Record<string, () => { text?: string; bytes?: Buffer; size?: number }> = {
  "valid article (source/ifex.yaml)": () => ({ text: readFileSync(projectPath("source/ifex.yaml"), "utf8") }),
  "alias bomb (10^30 nodes)": () => ({ text: aliasBomb(30) }),
  "file of 40 MB": () => ({ size: 40 * 1024 * 1024 }),
  "text just under the 1 MiB limit, 20 000 entries": () => ({ text: `article: {slug: x}\nnotes:\n${"  - some text of about fifty characters, one per line\n".repeat(Math.floor((MAX_SOURCE_BYTES - 40) / 55))}` }),
  "nesting 1000 deep (flow)": () => ({ text: `a: ${"[".repeat(1000)}${"]".repeat(1000)}\n` }),
  "nesting 1000 deep (block)": () => ({ text: `${Array.from({ length: 1000 }, (_, i) => `${" ".repeat(i)}- `).join("\n")}x\n` }),
  "nesting 500 000 deep (flow, 1 MiB)": () => ({ text: `${"[".repeat(500_000)}${"]".repeat(500_000)}` }),
  "URL of nearly 1 MiB": () => ({ text: readFileSync(projectPath("source/ifex.yaml"), "utf8").replace("    homepage: https://ifex.org/", `    homepage: "https://${"a".repeat(1_000_000)} x"`) }),
  "list of 100 000 names (790 kB)": () => ({ text: readFileSync(projectPath("source/ifex.yaml"), "utf8").replace("    areaServed: [Worldwide]", `    areaServed: [${Array.from({ length: 100_000 }, (_, i) => `n${i}`).join(", ")}]`) }),
  "mapping of 60 000 keys, one twice": () => ({ text: `${Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join("\n")}\nk123: 2\n` }),
  "100 000 wrong list items (each reported)": () => ({ text: `article: {}\norganizations: [${Array(100_000).fill("1").join(",")}]\n` }),
  "30 000 unknown keys (each reported)": () => ({ text: `article:\n${Array.from({ length: 30_000 }, (_, i) => `  k${i}: 1`).join("\n")}\n` }),
  "empty file": () => ({ text: "" }),
  "binary file (1 MiB)": () => ({ bytes: Buffer.from(Array.from({ length: 1024 * 1024 }, (_, i) => (i * 7919) % 256)) }),
  "1 MiB of control characters": () => ({ text: `a: "${"\u0007".repeat(MAX_SOURCE_BYTES - 10)}"\n` }),
};

function runCase(name: string): { ms: number; maxRssMB: number; outcome: string } {
  const input = CASES[name]!();
  const started = performance.now();
  let outcome: string;
  if (input.bytes || input.size) {
    const dir = mkdtempSync(join(tmpdir(), "bench-"));
    const path = join(dir, "input.yaml");
    writeFileSync(path, input.bytes ?? "");
    // A big file is made sparse, so making it costs this process no memory.
    if (input.size) truncateSync(path, input.size);
    const t0 = performance.now();
    const read = readSourceFile(path, "input.yaml");
    const result = read.ok ? exportInMemory([{ file: "input.yaml", text: read.text }]) : undefined;
    outcome = read.ok ? (result!.ok ? "exported" : result!.diagnostics[0]!.message) : read.diagnostic.message;
    rmSync(dir, { recursive: true, force: true });
    return { ms: performance.now() - t0, maxRssMB: process.resourceUsage().maxRSS / 1024, outcome };
  }
  const result = exportInMemory([{ file: "ifex.yaml", text: input.text! }]);
  outcome = result.ok ? "exported" : `${result.diagnostics[0]!.message}${result.diagnostics.length > 1 ? ` (+${result.diagnostics.length - 1})` : ""}`;
  return { ms: performance.now() - started, maxRssMB: process.resourceUsage().maxRSS / 1024, outcome };
}

const only = process.argv[2];
if (only) {
  process.stdout.write(`${JSON.stringify(runCase(only))}\n`);
} else {
  const self = fileURLToPath(import.meta.url);
  const baseline = JSON.parse(spawnSync(process.execPath, ["--import", "tsx", "-e", "process.stdout.write(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024 }))"], { encoding: "utf8", cwd: projectPath(".") }).stdout) as { maxRssMB: number };
  process.stdout.write(`machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}\n`);
  process.stdout.write(`a Node process with tsx and nothing else peaks at ${baseline.maxRssMB.toFixed(0)} MB\n\n`);
  process.stdout.write("| input | time to the answer | peak memory of the process | answer |\n| --- | --- | --- | --- |\n");
  for (const name of Object.keys(CASES)) {
    const child = spawnSync(process.execPath, ["--import", "tsx", self, name], { encoding: "utf8", cwd: projectPath(".") });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as { ms: number; maxRssMB: number; outcome: string };
    process.stdout.write(`| ${name} | ${r.ms.toFixed(0)} ms | ${r.maxRssMB.toFixed(0)} MB | ${r.outcome.slice(0, 70)} |\n`);
  }
}
