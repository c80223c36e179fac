// What the export's steps share (export-corpus.ts runs them in turn): its options, what it returns,
// and the run itself: the articles' records, the staging folder, the spills, the next state.

import type { Diagnostic, SourceText } from "../lib/diagnostic.ts";
import type { CorpusContext, CorpusSettings } from "../graph/shared.ts";
import type { Format } from "../writers/formats.ts";
import type { StagedDist } from "../publish/staged-dist.ts";
import type { Article, Spills } from "./article-record.ts";
import type { ArticleLink } from "./article-links.ts";
import type { StateWriter } from "./state-writer.ts";
import type { Plan } from "./plan.ts";

export interface ExportOptions {
  sourceDir: string;
  outDir: string;
  formats: readonly Format[];
  /** manifest.json's and datapackage.json's time, from SOURCE_DATE_EPOCH. */
  created?: string;
  /** Worker threads; by default one per core (none for a small corpus), 0 for none. */
  threads?: number;
  /** The base IRI, over source/corpus.yaml's `base:` (the command line's --base). */
  base?: string;
  /** Called as articles are done, for a progress line. */
  onProgress?: (done: number, total: number, file: string) => void;
  /** Every article made again, whatever the state of the last export says. */
  force?: boolean;
  /**
   * Once aborted (Ctrl-C), the export stops at its next step and throws the signal's reason; the
   * output is left as it was, and the staging folder and the lock go.
   */
  signal?: AbortSignal;
}

export type ExportProblems = { ok: false; diagnostics: Diagnostic[]; sources: SourceText[] };

export type ExportOutcome = { ok: true; changed: boolean; articles: number; rebuilt: number; files: number; bytes: number; settings: CorpusSettings; links?: ArticleLink[] } | ExportProblems;

/** One export under way, from the moment its staging folder exists. */
export interface ExportRun {
  options: ExportOptions;
  formats: readonly Format[];
  corpus: CorpusContext;
  /** Every article, in slug order. */
  articles: Article[];
  plan: Plan;
  staged: StagedDist;
  spills: Spills;
  /** The next export's state, an article's line as soon as its facts are final. */
  state: StateWriter;
}
