// Which articles an export makes again and which keep their files, from the state the previous
// export left (export-state.ts): an article whose source did not change keeps its files (hard-linked
// from the current output into the staging folder), unless its previous facts are missing, its rows
// of corpus.xlsx cannot be copied from the current one, or a file of it was changed by hand. When
// nothing changed at all, nothing is written.

import { join } from "node:path";
import { fileName, slugOfFile } from "../lib/article-file.ts";
import type { Format } from "../writers/formats.ts";
import type { StagedDist } from "../publish/staged-dist.ts";
import { park, type Article, type Spills } from "./article-record.ts";
import { COMBINED } from "../writers/combined-files.ts";
import { loadState, outputChanges, sourceUnchanged, type FileStat, type StoredFacts } from "./export-state.ts";
import type { PreviousParts } from "./splice.ts";

export interface Plan {
  /** The files of the output deleted, added or changed by hand since the last export. */
  damaged: ReadonlySet<string>;
  /** Source file name → its facts in the previous export's state. */
  stored?: ReadonlyMap<string, StoredFacts>;
  /** The previous output's files as the previous state recorded them (those not `damaged` are still so), by name. */
  output?: ReadonlyMap<string, FileStat>;
  /** Combined file name → where each article's part lies in the current one (when it is as the previous export wrote it). */
  parts?: ReadonlyMap<string, PreviousParts>;
  /** The statements about shared entities the previous facts name by number (export-state.ts Places.shared). */
  shared?: readonly string[];
}

export type PlanOrUnchanged = { unchanged: false; plan: Plan } | { unchanged: true; files: number; bytes: number };

/** Marks the articles that keep their files (`reused`), or says that nothing changed. `force`: none is kept. */
export function planExport(articles: readonly Article[], outDir: string, fingerprint: string, formats: readonly Format[], force: boolean): PlanOrUnchanged {
  const state = force ? undefined : loadState(outDir, fingerprint);
  if (!state) return { unchanged: false, plan: { damaged: new Set() } };
  const damaged = outputChanges(outDir, state.header);
  for (const article of articles) if (sourceUnchanged(article.path, state.sources.get(fileName(article.file)))) article.reused = true;
  // The same articles, every one unchanged, every file as it was.
  if (articles.length === state.sources.size && articles.every((a) => a.reused) && damaged.size === 0) {
    return { unchanged: true, files: state.header.files, bytes: state.header.bytes };
  }
  // The previous facts, read only now; without them every article is made again.
  const stored = state.facts();
  for (const article of articles) if (!stored?.has(fileName(article.file))) article.reused = false;
  const places = state.places();
  // So are those whose rows of corpus.xlsx cannot be copied from the current one.
  if (formats.includes("xlsx")) {
    const workbook = damaged.has(COMBINED.workbook) ? undefined : places?.workbook;
    for (const article of articles) {
      const kept = workbook?.[article.slug];
      if (kept) article.workbook = { kept };
      else article.reused = false;
    }
  }
  const output = new Map(state.header.output.map((file) => [file[0], file]));
  // The combined files as they are: each kept article's part is copied from where it lies (splice.ts).
  const parts = new Map<string, PreviousParts>();
  for (const [name, byArticle] of Object.entries(places?.parts ?? {})) {
    if (!damaged.has(name)) parts.set(name, { path: join(outDir, name), places: new Map(Object.entries(byArticle)) });
  }
  return { unchanged: false, plan: { damaged, output, parts, ...(stored && { stored, shared: places?.shared }) } };
}

/**
 * The kept articles' previous facts, parked; their files linked into the staging folder. An article
 * with a file deleted or changed by hand is made again after all.
 */
export function keepUnchanged(articles: readonly Article[], plan: Plan, spills: Spills, staged: StagedDist): void {
  for (const article of articles) {
    if (!article.reused) continue;
    // Each parse of the previous facts is a copy of its own: the one parked loses its entity table to
    // the spill, and the table is read again from the previous facts when compared (tablesBefore).
    park(article, plan.stored!.get(fileName(article.file))!.facts(), spills);
    if (article.facts!.files.some(([name]) => plan.damaged.has(name))) {
      article.reused = false;
      article.facts = article.entities = article.events = undefined;
      continue;
    }
    for (const [name] of article.facts!.files) staged.reuse(name);
  }
}

/** slug → its entity table in the previous export, read when asked for. */
export function tablesBefore(plan: Plan): ReadonlyMap<string, () => string> | undefined {
  const stored = plan.stored;
  return stored && new Map([...stored.keys()].map((name) => [slugOfFile(name), () => stored.get(name)!.facts().entities]));
}
