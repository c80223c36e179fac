// What an export remembers for the next one, in this machine's cache (node_modules/.cache: per output
// folder a header, <key>.state, and one JSON line per article, <key>.facts): each article's facts (corpus/article-job.ts), keyed by the hash of its
// source. The next export rebuilds only the articles whose source changed (and those whose CSV names
// an entity of an article that changed), and links the other files from the current output.
//
// The state is trusted only for the output it describes: its header holds the hash of that output's
// SHA256SUMS (which covers every other file), the pipeline's fingerprint (its code, schemas and
// locked dependencies) and the export's settings. Anything else, and the export starts afresh.

import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { isAlive } from "../publish/lock.ts";
import { Appender } from "../lib/appender.ts";
import { dirname, join, resolve } from "node:path";
import { PROJECT_ROOT } from "../lib/project-path.ts";
import { pipelineHash } from "../lib/pipeline-hash.ts";
import type { ArticleFacts } from "./article-job.ts";

const VERSION = 1;

export interface StateHeader {
  version: number;
  /** Hash of the pipeline's code and settings (formats, created time). */
  fingerprint: string;
  /** SHA-256 of the output's SHA256SUMS when the state was written. */
  checksums: string;
  /** How many files the output holds, and their bytes. */
  files: number;
  bytes: number;
  /** The output folder (its state is dropped once the folder is gone). */
  outDir: string;
  /** The size of the facts file this header vouches for. */
  factsBytes: number;
  /** Each article's source file name and the SHA-256 of its text, in the facts file's order. */
  sources: [name: string, sha256: string][];
}

/** One article's facts as the previous export stored them: the JSON line, parsed when first asked for. */
export interface StoredFacts {
  json: string;
  facts(): ArticleFacts;
}

export interface ExportState {
  header: StateHeader;
  /** Source file name (e.g. ifex.yaml) → the SHA-256 of its text: enough to see that nothing changed. */
  sources: Map<string, string>;
  /**
   * Source file name → its facts (each parsed when first asked for), read from the facts file
   * only now; undefined when that file is not the one the header vouches for.
   */
  facts(): Map<string, StoredFacts> | undefined;
}

/** Per machine and per output folder: kept out of the output's own folder and of the repository. */
export function statePath(outDir: string): string {
  const key = createHash("sha256").update(resolve(outDir)).digest("hex").slice(0, 24);
  return join(PROJECT_ROOT, "node_modules", ".cache", "org-article-export", `${key}.state`);
}

/** The fingerprint of this pipeline (its files, lib/pipeline-hash.ts) and of the run's settings. */
export function pipelineFingerprint(settings: unknown): string {
  return createHash("sha256").update(JSON.stringify({ version: VERSION, settings, pipeline: pipelineHash() })).digest("hex");
}

/** The state, if there is one and it describes the output as it is now; otherwise undefined. */
export function loadState(outDir: string, fingerprint: string, checksumsFile: string): ExportState | undefined {
  let header: StateHeader;
  try {
    header = JSON.parse(readFileSync(statePath(outDir), "utf8")) as StateHeader;
    if (header.version !== VERSION || header.fingerprint !== fingerprint) return undefined;
    const checksums = readFileSync(join(outDir, checksumsFile));
    if (header.checksums !== createHash("sha256").update(checksums).digest("hex")) return undefined;
  } catch {
    return undefined;
  }
  return { header, sources: new Map(header.sources), facts: () => readFacts(outDir, header) };
}

function readFacts(outDir: string, header: StateHeader): Map<string, StoredFacts> | undefined {
  let text: string;
  try {
    text = readFileSync(factsPath(outDir), "utf8");
  } catch {
    return undefined;
  }
  if (Buffer.byteLength(text) !== header.factsBytes) return undefined;
  const facts = new Map<string, StoredFacts>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    // "<file name>\t<facts as JSON>"
    const name = line.slice(0, line.indexOf("\t"));
    const json = line.slice(name.length + 1);
    let parsed: ArticleFacts | undefined;
    facts.set(name, { json, facts: () => (parsed ??= JSON.parse(json) as ArticleFacts) });
  }
  return facts;
}

function factsPath(outDir: string): string {
  return statePath(outDir).replace(/\.state$/, ".facts");
}

/**
 * The next state, written as the export goes: the articles' facts first (line by line, so never one
 * string), then, once the output is swapped in, the header that vouches for them.
 */
export class StateWriter {
  private readonly temporary: string;
  private readonly fd: number;
  /** The facts' lines, gathered and written a block at a time (appender.ts). */
  private readonly lines: Appender;
  constructor(private readonly outDir: string) {
    const path = factsPath(outDir);
    mkdirSync(dirname(path), { recursive: true });
    this.temporary = `${path}.${process.pid}`;
    this.fd = openSync(this.temporary, "w");
    this.lines = new Appender(this.fd);
  }

  private readonly sources: [string, string][] = [];

  add(facts: ArticleFacts): void {
    this.addStored(facts.source.path, facts.source.sha256, JSON.stringify(facts));
  }

  /** An article kept as it was: its line of the previous state, as it was (not parsed and written again). */
  addStored(path: string, sha256: string, json: string): void {
    this.sources.push([path, sha256]);
    this.lines.append(`${path}\t${json}\n`);
  }

  /** After the swap: the facts, then the header (the header last: it is what makes the state valid). */
  finish(fingerprint: string, checksums: Buffer, totals: { files: number; bytes: number }): void {
    this.lines.flush();
    closeSync(this.fd);
    dropState(this.outDir);
    renameSync(this.temporary, factsPath(this.outDir));
    const header: StateHeader = {
      version: VERSION,
      fingerprint,
      checksums: createHash("sha256").update(checksums).digest("hex"),
      ...totals,
      outDir: resolve(this.outDir),
      factsBytes: this.lines.bytes,
      sources: this.sources,
    };
    const path = statePath(this.outDir);
    writeFileSync(`${path}.${process.pid}`, `${JSON.stringify(header)}\n`);
    renameSync(`${path}.${process.pid}`, path);
    pruneStates(dirname(path));
  }

  /** The export failed: no new state. */
  discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // closed already
    }
    rmSync(this.temporary, { force: true });
  }
}

/** States of output folders that are gone (temporary folders of tests and benchmarks) go too. */
function pruneStates(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (name.endsWith(".state")) {
        const outDir = (JSON.parse(readFileSync(path, "utf8")) as Partial<StateHeader>).outDir;
        if (typeof outDir !== "string" || !existsSync(outDir)) {
          rmSync(path, { force: true });
          rmSync(path.replace(/\.state$/, ".facts"), { force: true });
        }
      } else if (name.endsWith(".facts") && !existsSync(path.replace(/\.facts$/, ".state"))) rmSync(path, { force: true });
      else if (/\.(facts|state)\.(\d+)$/.test(name) && !isAlive(Number(/\.(\d+)$/.exec(name)![1]))) rmSync(path, { force: true });
    } catch {
      rmSync(path, { force: true });
    }
  }
}

/** Forgets the state (before the output it describes is replaced). */
export function dropState(outDir: string): void {
  rmSync(statePath(outDir), { force: true });
}
