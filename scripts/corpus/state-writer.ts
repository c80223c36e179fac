// The next export's state (export-state.ts reads it), written as the export goes: the articles'
// facts first, line by line, so never one string, then, once the output is swapped in, the header
// that vouches for them.

import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { isAlive } from "../publish/lock.ts";
import { Appender } from "../lib/appender.ts";
import type { ArticleFacts } from "./article-job.ts";
import { dropState, factsPath, placesPath, STATE_VERSION, statePath, statOf, type FileStat, type Places, type StateHeader, type StoredArticleFacts } from "./export-state.ts";

export class StateWriter {
  private readonly temporary: string;
  private readonly fd: number;
  /** The facts' lines, gathered and written a block at a time (appender.ts). */
  private readonly lines: Appender;
  /** Whether this output folder had a state before: the others' are pruned only when it had none. */
  private readonly known: boolean;
  /** The statements about shared entities the facts name by number (Places.shared), and each one's number. */
  private readonly shared: string[];
  private readonly sharedNumbers = new Map<string, number>();
  /**
   * `shared`: the previous state's statements about shared entities, when its facts lines are
   * copied (addStored): they keep their numbers, and new ones are numbered after them.
   */
  constructor(
    private readonly outDir: string,
    shared: readonly string[] = [],
  ) {
    this.shared = [...shared];
    this.shared.forEach((item, n) => this.sharedNumbers.set(item, n));
    this.known = existsSync(statePath(outDir));
    const path = factsPath(outDir);
    mkdirSync(dirname(path), { recursive: true });
    this.temporary = `${path}.${process.pid}`;
    this.fd = openSync(this.temporary, "w");
    this.lines = new Appender(this.fd);
  }

  private readonly sources: StateHeader["sources"] = [];

  /** `read`: the source's size and time when it was read. */
  add(facts: ArticleFacts, read: { bytes: number; mtimeMs: number }): void {
    const stored: StoredArticleFacts = { ...facts, shared: facts.shared && { nt: facts.shared.nt.map(this.number), ttl: facts.shared.ttl.map(this.number) } };
    this.addStored(facts.source.path, facts.source.sha256, read, JSON.stringify(stored));
  }

  private readonly number = (item: string): number => {
    let n = this.sharedNumbers.get(item);
    if (n === undefined) {
      n = this.shared.push(item) - 1;
      this.sharedNumbers.set(item, n);
    }
    return n;
  };

  /** An article kept as it was: its line of the previous state, as it was (not parsed and written again). */
  addStored(path: string, sha256: string, read: { bytes: number; mtimeMs: number }, json: string | Uint8Array): void {
    this.sources.push([path, sha256, read.bytes, read.mtimeMs]);
    if (typeof json === "string") {
      this.lines.append(`${path}\t${json}\n`);
      return;
    }
    this.lines.append(`${path}\t`);
    this.lines.appendBytes(json);
    this.lines.append("\n");
  }

  /**
   * After the swap: the facts, then the header (the header last: it is what makes the state valid),
   * with every file of the output as it is now. `kept(name)`: a file linked from the previous output,
   * its size and time as the previous state recorded them (the same inode: linking changes neither),
   * so that only the files written are looked at (some 7,000 stat calls fewer after an edit of 1,000 articles).
   */
  finish(fingerprint: string, totals: { files: number; bytes: number }, places: Places, kept: (name: string) => FileStat | undefined = () => undefined): void {
    this.lines.flush();
    closeSync(this.fd);
    dropState(this.outDir);
    renameSync(this.temporary, factsPath(this.outDir));
    writeFileSync(placesPath(this.outDir), JSON.stringify({ ...places, shared: this.shared }));
    const output: FileStat[] = [];
    for (const name of readdirSync(this.outDir).sort()) {
      const previous = kept(name);
      if (previous) {
        output.push(previous);
        continue;
      }
      const stat = statOf(join(this.outDir, name));
      if (stat) output.push([name, stat.size, stat.mtimeMs]);
    }
    const header: StateHeader = {
      version: STATE_VERSION,
      fingerprint,
      ...totals,
      outDir: resolve(this.outDir),
      factsBytes: this.lines.bytes,
      sources: this.sources,
      output,
    };
    const path = statePath(this.outDir);
    writeFileSync(`${path}.${process.pid}`, `${JSON.stringify(header)}\n`);
    renameSync(`${path}.${process.pid}`, path);
    // Reading every state costs some 10 ms where tests and benchmarks left hundreds: done when a
    // new output folder gets one (a folder of another run may be gone by then), not on every export.
    if (!this.known) pruneStates(dirname(path));
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
        const { outDir, replacing } = JSON.parse(readFileSync(path, "utf8")) as Partial<StateHeader> & { replacing?: number };
        // An export swapping its output in (dropState): its folder may be gone for an instant.
        if (typeof replacing === "number" && isAlive(replacing)) continue;
        if (typeof outDir !== "string" || !existsSync(outDir)) {
          rmSync(path, { force: true });
          rmSync(path.replace(/\.state$/, ".facts"), { force: true });
          rmSync(path.replace(/\.state$/, ".places"), { force: true });
        }
      } else if ((name.endsWith(".facts") || name.endsWith(".places")) && !existsSync(path.replace(/\.(facts|places)$/, ".state"))) rmSync(path, { force: true });
      else if (/\.(facts|state)\.(\d+)$/.test(name) && !isAlive(Number(/\.(\d+)$/.exec(name)![1]))) rmSync(path, { force: true });
    } catch {
      rmSync(path, { force: true });
    }
  }
}
