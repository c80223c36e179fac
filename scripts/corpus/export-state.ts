// What an export remembers for the next one, in this machine's cache (node_modules/.cache: per output
// folder a header, <key>.state, one JSON line per article, <key>.facts, and where each article's
// parts lie in the combined files, <key>.places): each article's facts (corpus/article-job.ts), keyed by the hash of its
// source. The next export rebuilds only the articles whose source changed (and those whose CSV names
// an entity of an article that changed), and links the other files from the current output.
//
// The state is trusted only for the output it describes: its header lists every file of that output
// with its size and modification time as the export left it, the pipeline's fingerprint (its code,
// schemas and locked dependencies) and the export's settings. A file of the output deleted, added or
// changed by hand is seen by its size or time, and made again; anything else, and the export starts
// afresh. `upToDate` answers "nothing to do" from the header alone, without loading the pipeline.
// The next state is written by state-writer.ts.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PROJECT_ROOT } from "../lib/project-path.ts";
import { pipelineHash } from "../lib/pipeline-hash.ts";
import { isArticleFile } from "../lib/article-file.ts";
import type { ArticleFacts } from "./article-job.ts";
import type { PlacedPiece } from "./combined-xlsx.ts";
import type { PartPlace } from "./splice.ts";

export const STATE_VERSION = 5;

/** A file as an export left it: its name, size and modification time (ms, with its fraction). */
export type FileStat = [name: string, bytes: number, mtimeMs: number];

export interface StateHeader {
  version: number;
  /** Hash of the pipeline's code and settings (formats, created time). */
  fingerprint: string;
  /** How many files the output holds, and their bytes. */
  files: number;
  bytes: number;
  /** The output folder (its state is dropped once the folder is gone). */
  outDir: string;
  /** The size of the facts file this header vouches for. */
  factsBytes: number;
  /** Each article's source file name, the SHA-256 of its text, and its size and time when read, in the facts file's order. */
  sources: [name: string, sha256: string, bytes: number, mtimeMs: number][];
  /** Every file of the output after the export, in code-unit order of the names. */
  output: FileStat[];
}

/** One article's facts as the previous export stored them: the JSON line, parsed when first asked for. */
export interface StoredFacts {
  /** Its line's JSON, as written (bytes: a kept article's line is copied to the next state undecoded). */
  json(): Uint8Array;
  facts(): ArticleFacts;
}

export interface ExportState {
  header: StateHeader;
  /** Source file name (e.g. ifex.yaml) → the SHA-256 of its text, and its size and time when it was read. */
  sources: Map<string, { sha256: string; bytes: number; mtimeMs: number }>;
  /**
   * Source file name → its facts (each parsed when asked for), read from the facts file
   * only now; undefined when that file is not the one the header vouches for.
   */
  facts(): Map<string, StoredFacts> | undefined;
  /** Where each article's parts lie in the output's combined files, as the last export wrote them. */
  places(): Places | undefined;
}

/**
 * Where each article's parts lie in the combined files of the output: its rows of corpus.xlsx
 * (slug → its pieces, combined-xlsx.ts), and its parts of the other combined and data package files
 * (file name → slug → its place, splice.ts). JSON beside the state.
 */
export interface Places {
  workbook?: Record<string, PlacedPiece[]>;
  parts?: Record<string, Record<string, PartPlace>>;
  /**
   * The articles' statements about shared entities, each once: the facts' `shared` lists their
   * numbers here. Every article states much the same (some 16 KB of 25 KB of an article's facts
   * in copies of IFEX), which an edit would otherwise parse again for every kept article.
   */
  shared?: string[];
}

/** Per machine and per output folder: kept out of the output's own folder and of the repository. */
export function statePath(outDir: string): string {
  const key = createHash("sha256").update(resolve(outDir)).digest("hex").slice(0, 24);
  return join(PROJECT_ROOT, "node_modules", ".cache", "org-article-export", `${key}.state`);
}

/**
 * The state of `outDir` gone, with the facts and places beside it: for the benchmark's
 * scratch folders, whose facts (some 400 MB at 10,000 articles) would otherwise stay until the next
 * export into a new folder prunes them.
 */
export function removeState(outDir: string): void {
  for (const path of [statePath(outDir), factsPath(outDir), placesPath(outDir)]) rmSync(path, { force: true });
}

/** The fingerprint of this pipeline (its files, lib/pipeline-hash.ts) and of the run's settings. */
export function pipelineFingerprint(settings: unknown): string {
  return createHash("sha256").update(JSON.stringify({ version: STATE_VERSION, settings, pipeline: pipelineHash() })).digest("hex");
}

/** The state the last export of this pipeline and these settings left for `outDir`; otherwise undefined. */
export function loadState(outDir: string, fingerprint: string): ExportState | undefined {
  // No output folder: every article is made, and the previous facts would only be read for nothing.
  if (!existsSync(outDir)) return undefined;
  let header: StateHeader;
  try {
    header = JSON.parse(readFileSync(statePath(outDir), "utf8")) as StateHeader;
    if (header.version !== STATE_VERSION || header.fingerprint !== fingerprint) return undefined;
  } catch {
    return undefined;
  }
  let places: Places | undefined | null = null;
  const readOnce = () => (places === null ? (places = readPlaces(outDir)) : places);
  return {
    header,
    sources: new Map(header.sources.map(([name, sha256, bytes, mtimeMs]) => [name, { sha256, bytes, mtimeMs }])),
    facts: () => readFacts(outDir, header, readOnce()?.shared),
    places: readOnce,
  };
}

/** Where each article's parts lie in the output's combined files (Places): JSON beside the state. */
export function placesPath(outDir: string): string {
  return statePath(outDir).replace(/\.state$/, ".places");
}

function readPlaces(outDir: string): Places | undefined {
  try {
    return JSON.parse(readFileSync(placesPath(outDir), "utf8")) as Places;
  } catch {
    return undefined;
  }
}

/** The files of the output that are not as the last export left them: changed, deleted, or added since. */
export function outputChanges(outDir: string, header: StateHeader): Set<string> {
  const changed = new Set<string>();
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return new Set(header.output.map(([name]) => name));
  }
  const present = new Set(names);
  for (const [name, bytes, mtimeMs] of header.output) {
    if (!present.delete(name)) changed.add(name);
    else {
      const stat = statOf(join(outDir, name));
      if (stat === undefined || stat.size !== bytes || stat.mtimeMs !== mtimeMs) changed.add(name);
    }
  }
  for (const name of present) changed.add(name);
  return changed;
}

/** Whether an article's source is the one the state recorded: by size and time, else by its SHA-256. */
export function sourceUnchanged(path: string, recorded: { sha256: string; bytes: number; mtimeMs: number } | undefined): boolean {
  if (recorded === undefined) return false;
  const stat = statOf(path);
  if (stat === undefined) return false;
  if (stat.size === recorded.bytes && stat.mtimeMs === recorded.mtimeMs) return true;
  return stat.size === recorded.bytes && hashFile(path) === recorded.sha256;
}

/**
 * The last export's totals when it is still exactly the output: the same articles, none changed, and
 * every file of the output as it left it. Reads the state's header, lists both folders and looks at
 * each file's size and time: no article is read, no pipeline module loaded.
 */
export function upToDate(sourceDir: string, outDir: string, fingerprint: string): StateHeader | undefined {
  const state = loadState(outDir, fingerprint);
  if (!state) return undefined;
  let names: string[];
  try {
    names = readdirSync(sourceDir).filter(isArticleFile);
  } catch {
    return undefined;
  }
  if (names.length !== state.sources.size) return undefined;
  for (const name of names) if (!sourceUnchanged(join(sourceDir, name), state.sources.get(name))) return undefined;
  return outputChanges(outDir, state.header).size === 0 ? state.header : undefined;
}

/** The size and time of a file, as the state records them. */
export function statOf(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    const { size, mtimeMs } = statSync(path);
    return { size, mtimeMs };
  } catch {
    return undefined;
  }
}

function hashFile(path: string): string {
  try {
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch {
    return "";
  }
}

/**
 * The previous facts, each line decoded from the file's bytes when asked for: read as one string,
 * 10,000 articles' facts (126 MB, not all Latin-1) would take 250 MB of the heap, all held while the
 * export runs.
 */
function readFacts(outDir: string, header: StateHeader, shared: readonly string[] | undefined): Map<string, StoredFacts> | undefined {
  if (!shared) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(factsPath(outDir));
  } catch {
    return undefined;
  }
  if (bytes.length !== header.factsBytes) return undefined;
  const facts = new Map<string, StoredFacts>();
  for (let start = 0; start < bytes.length; ) {
    const end = bytes.indexOf(NEWLINE, start);
    const next = end < 0 ? bytes.length : end + 1;
    // "<file name>\t<facts as JSON>"
    const tab = bytes.indexOf(TAB, start);
    if (tab > start && tab < next) {
      const line = bytes.subarray(tab + 1, end < 0 ? bytes.length : end);
      // Parsed each time asked for, not kept: the export asks once per article (and again for the
      // few that articles with links point to), and kept, 10,000 articles' facts with their entity
      // tables and events would be some 100 MB of an edit's memory.
      facts.set(bytes.toString("utf8", start, tab), { json: () => line, facts: () => withSharedTexts(JSON.parse(line.toString("utf8")) as StoredArticleFacts, shared) });
    }
    start = next;
  }
  return facts;
}

const NEWLINE = 0x0a;
const TAB = 0x09;

/** An article's facts as the facts file holds them: its statements about shared entities by their numbers in Places.shared. */
export type StoredArticleFacts = Omit<ArticleFacts, "shared"> & { shared?: { nt: number[]; ttl: number[] } };

function withSharedTexts(stored: StoredArticleFacts, table: readonly string[]): ArticleFacts {
  const { shared, ...facts } = stored;
  if (!shared) return facts;
  const text = (n: number) => {
    const item = table[n];
    if (item === undefined) throw new Error(`the export's state names a statement about shared entities it does not hold (${n})`);
    return item;
  };
  return { ...facts, shared: { nt: shared.nt.map(text), ttl: shared.ttl.map(text) } };
}

export function factsPath(outDir: string): string {
  return statePath(outDir).replace(/\.state$/, ".facts");
}

/**
 * Forgets the state (before the output it describes is replaced). What replaces its header vouches
 * for nothing (loadState reads no state from it) but still names the output folder: another
 * export's pruneStates, in another process, would otherwise take this folder's facts for a dead
 * run's leftovers while this export swaps its output in, and the next export would make every
 * article again (seen as a flaky test when test files export side by side).
 */
export function dropState(outDir: string): void {
  const path = statePath(outDir);
  writeFileSync(`${path}.${process.pid}`, `${JSON.stringify({ outDir: resolve(outDir), replacing: process.pid })}\n`);
  renameSync(`${path}.${process.pid}`, path);
  rmSync(placesPath(outDir), { force: true });
}
