// Command line of `make check`: validates every artifact in a dist folder and prints one line per
// article and artifact, each violation under its artifact (file:line:col, the node, the property,
// what was expected and what was found), then a summary.
//
//   node --import tsx scripts/cli/check.ts [--dist DIR] [--source DIR]
//
// With --source (as make runs it), one more line says how many values the curators have not yet
// reviewed in the articles of that folder (`make review` lists them): work to do, not a violation.
//
// Exit codes: 0 every artifact passes, 1 a violation, 2 wrong usage, no artifacts, or a check that cannot run.

import { existsSync, readdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { checkDist, type ArtifactReport } from "../check/artifacts.ts";
import { formatViolation } from "../check/finding.ts";
import { RESERVED_SLUG } from "../writers/combined-files.ts";
import { collectReviews } from "../review/collect.ts";
import { totalLine } from "../review/format.ts";

export function formatReports(reports: readonly ArtifactReport[]): { text: string; violations: number } {
  const lines: string[] = [];
  // Columns line up: the article (a slug, "corpus" or "bundle") and the file are padded to the longest.
  const articleWidth = Math.max(...reports.map((r) => r.article.length));
  const width = Math.max(...reports.map((r) => r.file.length));
  for (const r of reports) {
    const status = r.violations.length === 0 ? "ok  " : "FAIL";
    lines.push(`${status} ${r.article.padEnd(articleWidth)}  ${r.file.padEnd(width)}  ${r.checked}${r.violations.length > 0 ? `: ${r.violations.length} violation${r.violations.length === 1 ? "" : "s"}` : ""}`);
    for (const v of r.violations) lines.push(`     ${formatViolation(v, r.base)}`);
  }
  const violations = reports.reduce((sum, r) => sum + r.violations.length, 0);
  // The bundle's own files (SHA256SUMS, manifest, data package) belong to no article.
  const articles = new Set(reports.filter((r) => r.kind !== "bundle" && r.article !== RESERVED_SLUG).map((r) => r.article)).size;
  const failed = reports.filter((r) => r.violations.length > 0).length;
  lines.push(`check: ${articles} article${articles === 1 ? "" : "s"}, ${reports.length} artifact${reports.length === 1 ? "" : "s"}, ${failed === 0 ? "all pass" : `${failed} failing`}, ${violations} violation${violations === 1 ? "" : "s"}`);
  return { text: `${lines.join("\n")}\n`, violations };
}

/** Where the command line writes: the process's streams, or a test's (tests/corpus-checks.ts runs it in its own process). */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

const PROCESS_OUTPUT: Output = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** The command line: its exit code. */
export async function main(args: string[], output: Output = PROCESS_OUTPUT): Promise<number> {
  let dist = "dist";
  let source: string | undefined;
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === "--dist" && args[i + 1]) dist = args[i + 1]!;
    else if (args[i] === "--source" && args[i + 1]) source = args[i + 1]!;
    else {
      output.stderr("usage: check.ts [--dist DIR] [--source DIR]\n");
      return 2;
    }
  }
  if (!existsSync(dist) || !statSync(dist).isDirectory() || readdirSync(dist).length === 0) {
    output.stderr(`${dist}: error: no artifacts to check, expected the files of \`make export\` in ${resolve(dist)}\n`);
    return 2;
  }
  let reports: ArtifactReport[];
  try {
    reports = await checkDist(dist);
  } catch (error) {
    // A check that cannot run (a schema or the shapes unreadable) is not a verdict on the artifacts.
    output.stderr(`${dist}: error: the checks could not run: ${(error as Error).message}\n`);
    return 2;
  }
  const { text, violations } = formatReports(reports);
  output.stdout(text);
  if (source !== undefined && existsSync(source) && statSync(source).isDirectory()) output.stdout(`${totalLine(collectReviews(source), "make review lists them")}\n`);
  return violations === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main(process.argv.slice(2));
