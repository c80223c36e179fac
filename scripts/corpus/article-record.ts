// What the export's main thread keeps of each article while the export runs: where its source is,
// whether its files are kept from the current output, its facts (article-job.ts) with their larger
// texts parked on disk (spill.ts), its problems when it cannot be exported. Memory stays bounded by
// these records, not by the output's size.

import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { isArticleFile, slugOfFile } from "../lib/article-file.ts";
import type { ArticleFacts, CombinedPieces, JobProblems } from "./article-job.ts";
import type { EventRow } from "./combined-csv.ts";
import type { PlacedPiece } from "./combined-xlsx.ts";
import { statOf } from "./export-state.ts";
import { Spill, type SpillRef } from "./spill.ts";

export interface Article {
  slug: string;
  /** Where to read it, and how messages name it. */
  path: string;
  file: string;
  /** Its facts, but for its entity table, events and organization row, parked in the spills (spill.ts). */
  facts?: ArticleFacts;
  entities?: SpillRef;
  events?: ParkedEvents;
  organization?: SpillRef;
  /** What its job found wrong with it, when it cannot be exported. */
  problems?: JobProblems;
  /** Its files are the current output's (its source did not change). */
  reused: boolean;
  /** Its source's size and time when listed (the state records them: unchanged, it is not read again). */
  read: { bytes: number; mtimeMs: number };
  /** Its line of the next export's state is written (as soon as its facts are final). */
  stated?: boolean;
  /** Its N-Triples and Turtle as its job handed them over, until their statements are appended to the combined files. */
  combined?: CombinedPieces;
  /**
   * Its rows of corpus.xlsx, sheet by sheet: made now (the offsets are in the workbook's spill), or
   * kept where the current corpus.xlsx has them. Tuples, not objects: an object made by spreading
   * takes a hidden class of its own, some 15 MB at 10,000 articles.
   */
  workbook?: { made: PlacedPiece[] } | { kept: PlacedPiece[] };
}

/**
 * Every *.yaml (and *.yml) of the folder, in code-point order of the slugs (not of the file names:
 * "a.yaml" sorts after "a-b.yaml", but the article "a" comes before "a-b", as its IRIs do in the
 * sorted corpus.nt).
 */
export function listArticles(sourceDir: string): Article[] {
  const articles = readdirSync(sourceDir)
    .filter(isArticleFile)
    .map((name): Article => {
      const path = join(sourceDir, name);
      const shown = relative(process.cwd(), resolve(path)) || path;
      const stat = statOf(path);
      return { slug: slugOfFile(name), path, file: shown.startsWith("..") ? path : shown, reused: false, read: { bytes: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1 } };
    });
  return articles.sort((a, b) => compareCodePoints(a.slug, b.slug) || compareCodePoints(a.file, b.file));
}

/** x.yaml and x.yml would both be the article x, and write the same files: each second one is a problem. */
export function sameSlugTwice(articles: readonly Article[]): Diagnostic[] {
  const twice = articles.filter((a, i) => i > 0 && articles[i - 1]!.slug === a.slug);
  return twice.map((a) => ({ file: a.file, line: 1, col: 1, message: `a second source file for the article ${JSON.stringify(a.slug)}`, expected: "one file per article", found: `${a.slug}.yaml and ${a.slug}.yml` }));
}

/**
 * Where articles' texts are parked (spill.ts), in the staging folder until the combined files are
 * written: entity tables in one file, read back one at a time; the CSV lines of corpus.events.csv
 * and corpus.organizations.csv in another, read whole at the end. Apart, so that the end reads only
 * the lines whole (some 35 MB at 10,000 articles), not the tables as well (some 20 MB).
 */
export interface Spills {
  tables: Spill;
  csvLines: Spill;
}

export function openSpills(staging: string): Spills {
  return { tables: new Spill(join(staging, ".spill")), csvLines: new Spill(join(staging, ".spill-csv-lines")) };
}

/**
 * Parks the article's entity table, event lines and organization row in the spills; the facts keep
 * the rest. (The organization rows, kept as strings, are some 11.5 MB of the main thread's heap at
 * 10,000 articles, near the end of the jobs.)
 */
export function park(article: Article, facts: ArticleFacts, spills: Spills): void {
  if (facts.entities !== "") {
    article.entities = spills.tables.put(facts.entities);
    facts.entities = "";
  }
  if (facts.events) {
    article.events = parkEvents(facts.events, spills.csvLines);
    delete facts.events;
  }
  if (facts.organization) {
    article.organization = spills.csvLines.put(facts.organization.line);
    delete facts.organization;
  }
  article.facts = facts;
}

/**
 * An article's events, parked: their dates, and their CSV lines one after another in the events'
 * spill from `at`, of `lengths` bytes each. Not an object per event: 100,000 of them, each with its
 * place, are some 10 MB at 10,000 articles.
 */
export interface ParkedEvents {
  dates: string[];
  at: number;
  lengths: number[];
}

export function parkEvents(events: readonly EventRow[], spill: Spill): ParkedEvents {
  const parked: ParkedEvents = { dates: [], at: -1, lengths: [] };
  for (const { date, line } of events) {
    // Texts put one after another lie one after another (spill.ts).
    const [offset, length] = spill.put(line);
    if (parked.at < 0) parked.at = offset;
    parked.dates.push(date);
    parked.lengths.push(length);
  }
  return parked;
}

function unparkEvents(parked: ParkedEvents, spill: Spill): EventRow[] {
  let at = parked.at;
  return parked.dates.map((date, i) => {
    const line = spill.get([at, parked.lengths[i]!]);
    at += parked.lengths[i]!;
    return { date, line };
  });
}

/** The article's whole facts again (for the state of the next export). */
export function unpark(article: Article, spills: Spills): ArticleFacts {
  const facts = article.facts!;
  return {
    ...facts,
    entities: article.entities ? spills.tables.get(article.entities) : facts.entities,
    ...(article.events && { events: unparkEvents(article.events, spills.csvLines) }),
    ...(article.organization && { organization: { line: spills.csvLines.get(article.organization) } }),
  };
}
