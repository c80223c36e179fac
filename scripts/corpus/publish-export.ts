// The last steps of an export: the data package (datapackage.json, manifest.json, SHA256SUMS and the
// CSVs' table schema) written from every file's size and hash, a check that the staging folder holds
// exactly the files built, then the swap into the output folder (publish/staged-dist.ts), unless the
// output already is what this export made; the next export's state is written after it.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SCHEMAORG_RELEASE } from "../graph/schemaorg-context.ts";
import { pipelineInfo } from "../datapackage/run-info.ts";
import type { CombinedFacts, PackageArticle, PackageInput } from "../datapackage/input.ts";
import { PACKAGE_FILES, writeDataPackage } from "../datapackage/write.ts";
import { TABLE_SCHEMA_FILE } from "../datapackage/datapackage.ts";
import { CHECKSUMS_FILE } from "../datapackage/checksums.ts";
import { sha256 } from "../datapackage/sha256.ts";
import type { Article } from "./article-record.ts";
import { writeSplicedFile, type PartPlace } from "./splice.ts";
import { dropState, type Places } from "./export-state.ts";
import type { ExportRun } from "./export-run.ts";

export interface Totals {
  files: number;
  bytes: number;
  /** Where each article's part lies in the data package files, by file name. */
  parts: Map<string, Map<string, PartPlace>>;
}

/**
 * The data package of every file staged, and the check that the staging folder holds exactly those.
 * A kept article's entries are copied from the current data package files (splice.ts).
 */
export function writePackage(run: ExportRun, combined: ReadonlyMap<string, CombinedFacts>): Totals {
  const { staged, formats, options } = run;
  const all = run.articles.map((a) => a.facts!);
  const input: PackageInput = {
    pipeline: pipelineInfo(),
    schemaorgRelease: SCHEMAORG_RELEASE,
    ...(options.created !== undefined && { created: options.created }),
    combined: new Map(combined),
    articles: run.articles.map(packageArticle),
  };
  const totals: Totals = { files: 0, bytes: 0, parts: new Map() };
  const count = <T extends { bytes: number }>(facts: T): T => {
    totals.files++;
    totals.bytes += facts.bytes;
    return facts;
  };
  for (const f of all) for (const [, size] of f.files) count({ bytes: size });
  for (const facts of combined.values()) count(facts);
  writeDataPackage(input, (name, chunks) => {
    const { facts, places } = writeSplicedFile(staged.staging, name, chunks, run.plan.parts?.get(name));
    if (places.size > 0) totals.parts.set(name, places);
    return count(facts);
  });
  const expected = new Set<string>([...all.flatMap((f) => f.files.map(([name]) => name)), ...combined.keys(), ...PACKAGE_FILES.filter((name) => name !== TABLE_SCHEMA_FILE || formats.includes("csv"))]);
  if (!staged.holdsExactly(expected)) throw new Error(`the staging folder ${staged.staging} does not hold exactly the files built; the output was left as it was`);
  return totals;
}

/**
 * Swaps the staging folder in, unless the output already is what it holds: from a fresh clone dist/
 * is already what this export makes (it is then left, just remembered). Not when a file was changed
 * by hand (its checksum in SHA256SUMS may be as it was), or with --force. True when it was swapped.
 */
export async function swapIn(run: ExportRun, fingerprint: string, totals: { files: number; bytes: number }, places: Places): Promise<boolean> {
  const { staged, options } = run;
  const checksums = readFileSync(join(staged.staging, CHECKSUMS_FILE));
  const current = staged.currentChecksums(CHECKSUMS_FILE);
  const changed = options.force === true || run.plan.damaged.size > 0 || current === undefined || current !== checksums.toString("utf8") || !sameNames(staged.outDir, staged.staging);
  dropState(staged.outDir);
  if (changed) await staged.commit();
  else staged.abort();
  run.state.finish(fingerprint, totals, places, (name) => (staged.isLinked(name) ? run.plan.output?.get(name) : undefined));
  return changed;
}

/** The article's facts for the data package; its entries are keyed by its files' sizes and hashes (a kept article's CSV may be made again). */
function packageArticle({ facts, reused }: Article): PackageArticle {
  const f = facts!;
  return {
    slug: f.slug,
    title: f.title,
    language: f.language,
    sourceFile: f.source,
    ...(f.origin && { origin: f.origin }),
    ...(f.license && { license: f.license }),
    artifacts: new Map(f.files.map(([name, bytes, hash]) => [name, { bytes, sha256: hash }])),
    part: { key: sha256(JSON.stringify(f.files)), kept: reused },
  };
}

function sameNames(outDir: string, staging: string): boolean {
  try {
    const a = readdirSync(outDir).sort();
    const b = readdirSync(staging).sort();
    return a.length === b.length && a.every((name, i) => name === b[i]);
  } catch {
    return false;
  }
}
