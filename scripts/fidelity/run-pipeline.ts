// The project's own importer and exporter, run as a user runs them (their command lines, in child
// processes): the article texts become drafts, the drafts with the project's source/corpus.yaml
// (its shared places and base, as `make import` writes beside it) are exported together, and the
// scorer reads what the export wrote. Nothing of the project's source/ or dist/ is touched.

import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectPath } from "../lib/project-path.ts";

export interface PipelineRun {
  /** The folder of the exported N-Triples (<slug>.nt and corpus.nt). */
  outDir: string;
  /** The folder of the drafts. */
  sourceDir: string;
  /** What the importer printed. */
  importReport: string;
}

export class PipelineError extends Error {}

/** Imports `articleFiles` and exports them (N-Triples only) under a new folder of `workDir`. */
export function importAndExport(articleFiles: readonly string[], workDir: string = tmpdir(), corpusFile: string = projectPath("source/corpus.yaml")): PipelineRun {
  const dir = mkdtempSync(join(workDir, "fidelity-"));
  const sourceDir = join(dir, "source");
  const outDir = join(dir, "out");
  mkdirSync(sourceDir);
  const imported = runTs("scripts/cli/import.ts", ["--out", sourceDir, ...articleFiles]);
  if (imported.status !== 0) throw new PipelineError(`the import of ${articleFiles.length} articles failed (exit ${imported.status}):\n${imported.stderr}${imported.stdout}`);
  if (existsSync(corpusFile)) copyFileSync(corpusFile, join(sourceDir, "corpus.yaml"));
  const exported = runTs("scripts/cli/export.ts", ["--source", sourceDir, "--out", outDir, "--formats", "nt", "--threads", "0"]);
  if (exported.status !== 0) throw new PipelineError(`the export of the drafts in ${sourceDir} failed (exit ${exported.status}):\n${exported.stderr}${exported.stdout}`);
  if (!readdirSync(outDir).includes("corpus.nt")) throw new PipelineError(`the export wrote no corpus.nt in ${outDir}`);
  return { outDir, sourceDir, importReport: imported.stdout };
}

function runTs(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", projectPath(script), ...args], { cwd: projectPath("."), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw new PipelineError(`${script}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
