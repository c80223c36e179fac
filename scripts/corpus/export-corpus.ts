// The export of a whole source folder into the output folder, as `make export` runs it: every
// article on every core, each artifact written once into a staging folder as soon as it is made,
// the combined files streamed in slug order as articles finish, the data package written from the files'
// sizes and hashes, then one swap (publish/staged-dist.ts). Memory stays bounded by what the main thread
// keeps per article (corpus/article-job.ts's facts), not by the output's size.
//
// Only what changed is rebuilt: the state of the previous export (export-state.ts) says which
// source each file came from; unchanged articles' files are hard-linked from the current output.
//
// When any article has a problem, nothing is written: each article's job says its own problems,
// each at its line, and those of references between articles are judged once every article is known.

import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { createHash } from "node:crypto";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import type { SourceText } from "../lib/diagnostic.ts";
import { readSourceFile } from "../read/source-file.ts";
import { prefixesOf } from "../graph/prefixes.ts";
import { turtlePrefixBlock } from "../writers/turtle.ts";
import { mergeLines } from "./combined-rdf.ts";
import type { NodeInfo } from "../graph/build.ts";
import { FORMAT_FILES as WRITERS, LINKED_FORMATS, type Format } from "../writers/formats.ts";
import { SCHEMAORG_RELEASE } from "../graph/schemaorg-context.ts";
import { pipelineInfo } from "../datapackage/run-info.ts";
import type { PackageArticle, PackageInput, CombinedFacts } from "../datapackage/input.ts";
import { PACKAGE_FILES, writeDataPackage } from "../datapackage/write.ts";
import { TABLE_SCHEMA_FILE } from "../datapackage/datapackage.ts";
import { CHECKSUMS_FILE } from "../datapackage/checksums.ts";
import { StagedDist } from "../publish/staged-dist.ts";
import { StagedStream, writeStagedFile } from "../publish/stage-file.ts";
import type { ArticleFacts, ArticleJob, CombinedPieces, JobProblems, JobResult } from "./article-job.ts";
import { readYaml } from "../read/read-yaml.ts";
import { createPool } from "./pool.ts";
import { readEntityTable, readOrganizations, type ArticleEntities } from "./entity-table.ts";
import { COMBINED, EVENT_COLUMNS } from "./combined-info.ts";
import { eventsCsvBytes, organizationsCsvBytes, organizationsHeader, type EventRow } from "./combined-csv.ts";
import { writeCorpusWorkbook, type PlacedPiece, type SheetPiece } from "./combined-xlsx.ts";
import { readRange, Spill, type SpillRef } from "./spill.ts";
import { dropState, loadState, outputChanges, pipelineFingerprint, sourceUnchanged, StateWriter, statOf, type StoredFacts } from "./export-state.ts";
import { fileName, isArticleFile, slugOfFile } from "../lib/article-file.ts";
import { findArticleLinks, linkNTriples, linkTurtle, type ArticleLink } from "./article-links.ts";
import { readCorpusFile } from "./corpus-file.ts";
import { corpusFingerprint } from "./corpus-fingerprint.ts";
import { CorpusContext, type CorpusSettings } from "../graph/shared.ts";
import { corpusProblems } from "./references.ts";

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

export type ExportOutcome =
  | { ok: true; changed: boolean; articles: number; rebuilt: number; files: number; bytes: number; settings: CorpusSettings; links?: ArticleLink[] }
  | { ok: false; diagnostics: Diagnostic[]; sources: SourceText[] };

interface Article {
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
  /** Its N-Triples and Turtle statements as its job handed them over, until appended to the combined files. */
  combined?: CombinedPieces;
  /**
   * Its rows of corpus.xlsx, sheet by sheet: made now (the offsets are in the workbook's spill), or
   * kept where the current corpus.xlsx has them. Tuples, not objects: objects made by spreading
   * each took a hidden class of its own, some 15 MB at 10,000 articles.
   */
  workbook?: { made: PlacedPiece[] } | { kept: PlacedPiece[] };
}

/**
 * Where articles' texts are parked (spill.ts): entity tables in one file, read back one at a time;
 * the CSV lines of corpus.events.csv and corpus.organizations.csv in another, read whole at the end.
 * Apart, so that the end reads only the lines whole (some 35 MB at 10,000 articles), not the tables
 * as well (some 20 MB).
 */
interface Spills {
  tables: Spill;
  csvLines: Spill;
}

/**
 * Parks the article's entity table, event lines and organization row in the spills; the facts keep
 * the rest. (The organization rows, kept as strings, were 11.5 MB of the main thread's heap at
 * 10,000 articles, near the end of the jobs.)
 */
function park(article: Article, facts: ArticleFacts, spill: Spills): void {
  if (facts.entities !== "") {
    article.entities = spill.tables.put(facts.entities);
    facts.entities = "";
  }
  if (facts.events) {
    article.events = parkEvents(facts.events, spill.csvLines);
    delete facts.events;
  }
  if (facts.organization) {
    article.organization = spill.csvLines.put(facts.organization.line);
    delete facts.organization;
  }
  article.facts = facts;
}

/**
 * An article's events, parked: their dates, and their CSV lines one after another in the events'
 * spill from `at`, of `lengths` bytes each. Not an object per event: 100,000 of them, each with
 * its place, were some 10 MB at 10,000 articles.
 */
interface ParkedEvents {
  dates: string[];
  at: number;
  lengths: number[];
}

function parkEvents(events: readonly EventRow[], spill: Spill): ParkedEvents {
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
function unpark(article: Article, spill: Spills): ArticleFacts {
  const facts = article.facts!;
  return {
    ...facts,
    entities: article.entities ? spill.tables.get(article.entities) : facts.entities,
    ...(article.events && { events: unparkEvents(article.events, spill.csvLines) }),
    ...(article.organization && { organization: { line: spill.csvLines.get(article.organization) } }),
  };
}

export async function exportCorpus(options: ExportOptions): Promise<ExportOutcome> {
  const outDir = resolve(options.outDir);
  const formats = options.formats;
  const articles = listArticles(options.sourceDir);
  // x.yaml and x.yml would both be the article x, and write the same files.
  const twice = articles.filter((a, i) => i > 0 && articles[i - 1]!.slug === a.slug);
  if (twice.length > 0) {
    return {
      ok: false,
      sources: [],
      diagnostics: twice.map((a) => ({ file: a.file, line: 1, col: 1, message: `a second source file for the article ${JSON.stringify(a.slug)}`, expected: "one file per article", found: `${a.slug}.yaml and ${a.slug}.yml` })),
    };
  }
  // The corpus's own settings (source/corpus.yaml, --base): every IRI is minted under its base.
  const corpusFile = readCorpusFile(options.sourceDir, options.base);
  if (!corpusFile.ok) return { ok: false, diagnostics: corpusFile.diagnostics, sources: corpusFile.sources };
  const settings = corpusFile.settings;
  const fingerprint = pipelineFingerprint({ formats, created: options.created ?? null, ...corpusFingerprint(options.sourceDir, options.base) });
  // Under the lock from here on: another export cannot change the output (or its state) meanwhile.
  // A run killed mid-swap may have left the old output aside: it is put back first.
  const staged = new StagedDist(outDir);
  let spill: Spills | undefined;
  let state: StateWriter | undefined;
  try {
    const state0 = options.force ? undefined : loadState(outDir, fingerprint);
    // The files of the output deleted, added or changed by hand since the last export: made again.
    const damaged = state0 ? outputChanges(outDir, state0.header) : undefined;
    // Unchanged articles keep their files, when the previous export's state vouches for them.
    if (state0) {
      for (const article of articles) if (sourceUnchanged(article.path, state0.sources.get(fileName(article.file)))) article.reused = true;
      // Nothing changed: the same articles, every one unchanged, every file as it was. Nothing is written.
      if (articles.length === state0.sources.size && articles.every((a) => a.reused) && damaged!.size === 0) {
        return { ok: true, changed: false, articles: articles.length, rebuilt: 0, files: state0.header.files, bytes: state0.header.bytes, settings };
      }
    }
    // The previous facts, read only now; without them every article is made again.
    const previous = state0?.facts();
    for (const article of articles) if (!previous?.has(fileName(article.file))) article.reused = false;
    // So are those whose rows of corpus.xlsx cannot be copied from the current one.
    if (formats.includes("xlsx")) {
      const places = damaged?.has(COMBINED.workbook) ? undefined : state0?.workbook();
      for (const article of articles) {
        const kept = places?.get(article.slug);
        if (kept) article.workbook = { kept };
        else article.reused = false;
      }
    }
    staged.begin();
    spill = { tables: new Spill(join(staged.staging, SPILL)), csvLines: new Spill(join(staged.staging, CSV_LINES_SPILL)) };
    state = new StateWriter(outDir);
    // Each parse of the previous facts is a copy of its own: the one parked loses its entity table
    // to the spill, and the table is read again from the previous facts when compared below.
    for (const article of articles) if (article.reused) park(article, previous!.get(fileName(article.file))!.facts(), spill);
    const before = previous && new Map([...previous.keys()].map((name) => [slugOfFile(name), () => previous.get(name)!.facts().entities]));
    const outcome = await build(articles, staged, spill, state, options, new CorpusContext(settings), before, previous, damaged ?? new Set());
    if (!outcome.ok) return outcome;
    // Interrupted while the articles ran on this thread, or while the bundle was written: not swapped in.
    options.signal?.throwIfAborted();
    const checksums = readFileSync(join(staged.staging, CHECKSUMS_FILE));
    // From a fresh clone dist/ is already what this export makes: leave it, just remember it. Not
    // when a file was changed by hand (its checksum in SHA256SUMS may be as it was), or --force.
    const current = staged.currentChecksums(CHECKSUMS_FILE);
    const changed = options.force === true || (damaged !== undefined && damaged.size > 0) || current === undefined || current !== checksums.toString("utf8") || !sameNames(outDir, staged.staging);
    dropState(outDir);
    if (changed) await staged.commit();
    else staged.abort();
    state.finish(fingerprint, outcome, outcome.workbook);
    state = undefined;
    return { ok: true, changed, articles: articles.length, rebuilt: outcome.rebuilt, files: outcome.files, bytes: outcome.bytes, settings, links: outcome.links };
  } finally {
    spill?.tables.dispose();
    spill?.csvLines.dispose();
    state?.discard();
    staged.close();
  }
}

const FLUSH_EVERY_MS = 2000;

/**
 * At most this many bytes of articles' N-Triples and Turtle wait in memory for the articles before
 * them (results come in any order); beyond it an article's are read back from its files instead.
 * Some 100 KB an article: two threads' batches in flight make a few MB.
 */
const COMBINED_HELD_BYTES = 8 << 20;

/** The scratch file of spill.ts, in the staging folder until the combined files are written. */
const SPILL = ".spill";
const CSV_LINES_SPILL = ".spill-csv-lines";
const WORKBOOK_SPILL = ".spill-xlsx";

async function build(
  articles: Article[],
  staged: StagedDist,
  spill: Spills,
  state: StateWriter,
  options: ExportOptions,
  corpus: CorpusContext,
  /** slug → its entity table in the previous export. */
  previous: ReadonlyMap<string, () => string> | undefined,
  /** Source file name → its facts in the previous export's state. */
  stored: ReadonlyMap<string, StoredFacts> | undefined,
  /** The files of the output changed by hand since the last export (export-state.ts). */
  damaged: ReadonlySet<string>,
): Promise<{ ok: true; rebuilt: number; files: number; bytes: number; links: ArticleLink[]; workbook?: Map<string, PlacedPiece[]> } | Extract<ExportOutcome, { ok: false }>> {
  const { formats } = options;
  const staging = staged.staging;
  const total = articles.length;
  let done = 0;
  let links: ArticleLink[] = [];
  let failed = false;

  // corpus.nt and corpus.ttl grow as articles finish, in slug order: each article's N-Triples (its
  // subjects all start with its own IRI, so the concatenation is sorted) and Turtle body.
  const nt = formats.includes("nt") ? new StagedStream(staging, COMBINED.nTriples) : undefined;
  // Articles' rows of corpus.xlsx, as their jobs hand them over, until the workbook is written in slug order.
  const workbookSpill = formats.includes("xlsx") ? new Spill(join(staging, WORKBOOK_SPILL)) : undefined;
  const ttl = formats.includes("ttl") ? new StagedStream(staging, COMBINED.turtle) : undefined;
  ttl?.write(turtlePrefixBlock(prefixesOf(corpus.iris, articles.map((a) => a.slug))));
  // A failed export leaves them open otherwise (a process that goes on would hold them, deleted).
  try {
    let combinedUpTo = 0;
    let held = 0;
    const hold = (article: Article, pieces: CombinedPieces | undefined) => {
      const size = (pieces?.nt?.length ?? 0) + (pieces?.ttl?.length ?? 0);
      if (size === 0 || held + size > COMBINED_HELD_BYTES) return;
      article.combined = pieces;
      held += size;
    };
    // The shared entities' statements (corpus#canada…) are in every article's own files that use
    // them; the combined files hold them once, corpus.nt at their place in its order (the IRIs
    // <base>corpus#… sort between the articles before and after "corpus"), so it waits there until
    // every article is made. Lines and blocks are kept once (interned), however many articles state them.
    const sharedNt = new Map<string, string>();
    const sharedTtl = new Map<string, string>();
    const intern = (map: Map<string, string>, list: string[]) => list.map((item) => map.get(item) ?? (map.set(item, item), item));
    const collect = (facts: ArticleFacts | undefined) => {
      if (!facts?.shared) return;
      facts.shared = { nt: intern(sharedNt, facts.shared.nt), ttl: intern(sharedTtl, facts.shared.ttl) };
    };
    let allMade = false;
    let sharedWritten = false;
    const writeShared = () => {
      sharedWritten = true;
      if (nt && sharedNt.size > 0) nt.write(Buffer.from([...sharedNt.keys()].sort(compareCodePoints).join(""), "utf8"));
      if (ttl && sharedTtl.size > 0) {
        if (combinedUpTo > 0) ttl.write(NEWLINE);
        // By subject, as the combined graph orders them (corpus.ts's reference does the same).
        const subjectOf = (block: string) => block.slice(0, block.search(/\s/));
        const blocks = [...sharedTtl.keys()].sort((a, b) => compareCodePoints(subjectOf(a), subjectOf(b)) || compareCodePoints(a, b));
        ttl.write(Buffer.from(`${blocks.join("\n\n")}\n`, "utf8"));
        sharedTtlWritten = true;
      }
    };
    let sharedTtlWritten = false;
    // Links between articles (article-links.ts) join an article's lines of corpus.nt: they are
    // known once every article is made, so the combined files wait for that.
    let linksBySlug = new Map<string, string[]>();
    const ntFile = new ReusedBuffer();
    const ttlFile = new ReusedBuffer();
    /** Appends the next articles (at most `limit`) whose pieces can go in; true while some are left to append. */
    const combineReady = (limit = Infinity): boolean => {
      for (let n = 0; n < limit && allMade && combinedUpTo < total && articles[combinedUpTo]!.facts; n++) {
        const article = articles[combinedUpTo]!;
        if (!sharedWritten && compareCodePoints(`${article.slug}#`, "corpus#") > 0) writeShared();
        // What its job handed over, or else its files (kept from the current output, or not held).
        const pieces = article.combined;
        if (pieces) {
          article.combined = undefined;
          held -= (pieces.nt?.length ?? 0) + (pieces.ttl?.length ?? 0);
        }
        // Its own statements: the ranges of its files its writers named (writers/corpus-part.ts).
        const ranges = article.facts!.own;
        if (nt) {
          const bytes = pieces?.nt ?? ntFile.read(join(staging, `${article.slug}.nt`));
          const own = (ranges?.nt ?? []).map(([start, end]) => bytes.subarray(start, end));
          // Its lines (in order already), and its links' lines merged in.
          const extra = linksBySlug.get(article.slug);
          for (const part of extra ? mergeLines(own, extra) : own) nt.write(part);
        }
        if (ttl && ranges?.ttl && ranges.ttl.length > 0) {
          const bytes = pieces?.ttl ?? ttlFile.read(join(staging, `${article.slug}.ttl`));
          if (combinedUpTo > 0 || sharedTtlWritten) ttl.write(NEWLINE);
          for (const [start, end] of ranges.ttl) ttl.write(bytes.subarray(start, end));
        }
        combinedUpTo++;
      }
      if (allMade && combinedUpTo === total && !sharedWritten) writeShared();
      return allMade && combinedUpTo < total;
    };
    // Once every article is made, the combined files are appended while the second jobs run, a
    // slice of articles at a time, so that between slices the main thread hands out work: appended
    // at once, they held the threads idle for 6 s of 80 at 10,000 articles.
    let stopCombining = false;
    let combining: Promise<void> | undefined;
    const combineInSlices = async () => {
      while (!stopCombining && combineReady(COMBINE_SLICE)) await new Promise((resolve) => setImmediate(resolve));
    };

    // Reused articles: their files, linked from the current output.
    for (const article of articles) {
      if (!article.reused) continue;
      // A file deleted or changed by hand: the article is made again.
      if (article.facts!.files.some(([name]) => damaged.has(name))) {
        article.reused = false;
        article.facts = article.entities = article.events = undefined;
        continue;
      }
      for (const [name] of article.facts!.files) staged.reuse(name);
      collect(article.facts);
    }
    // Every article not kept is made (the kept ones count as done for the progress line).
    const jobs: ArticleJob[] = [];
    articles.forEach((article, index) => {
      if (!article.reused) jobs.push({ index, path: article.path, file: article.file, part: "all" });
      else done++;
    });
    combineReady();

    const settings = { staging, formats, corpus: corpus.settings };
    // Threads for the first jobs; the second ones (a share of the same articles) run on the same threads.
    const pool = createPool(settings, jobs.length, options.threads, corpus);
    const onResult = (result: JobResult) => {
      if (!result.ok) {
        failed = true;
        articles[result.index]!.problems = result.problems;
        return;
      }
      const article = articles[result.index]!;
      const rows = result.combined?.xlsx;
      if (rows) {
        article.workbook = { made: rows.map((piece): PlacedPiece => [...workbookSpill!.putBytes(piece.deflated), piece.crc, piece.size, piece.rows]) };
        delete result.combined!.xlsx;
      }
      if (result.part === "links") {
        // The second job of an article with links: its CSV and events rows join the first job's facts.
        article.facts!.files.push(...result.facts.files);
        const events = result.facts.events;
        if (!events) state.add(unpark(article, spill), article.read);
        else {
          article.events = parkEvents(events, spill.csvLines);
          // Its line of the state from the rows in hand, rather than read back from the spill.
          state.add({ ...unpark({ ...article, events: undefined }, spill), events }, article.read);
        }
        article.stated = true;
        return;
      }
      // Its facts are final unless its CSV waits for a second job: its line of the next state now,
      // while other articles are still being made, rather than all of them at the end.
      if (result.facts.linksTo.length === 0 || !formats.includes("csv")) {
        state.add(result.facts, article.read);
        article.stated = true;
      }
      collect(result.facts);
      park(article, result.facts, spill);
      hold(article, result.combined);
      options.onProgress?.(++done, total, article.file);
      if (!failed) combineReady();
    };
    // The disk writes what is staged while the articles go on (see StagedDist.flushInBackground).
    const flushing = setInterval(() => staged.flushInBackground(), FLUSH_EVERY_MS);
    flushing.unref();
    try {
      await pool.run(jobs, onResult, options.signal);
      if (failed) return problems(articles, spill, corpus);

      // References between articles, judged now that every article's ids are known.
      const index = new EntityIndex(articles, spill.tables, corpus);
      if (!index.judge()) return problems(articles, spill, corpus);
      links = findArticleLinks(corpus.iris, articles.map((a) => ({ slug: a.slug, subject: a.facts!.subject ?? "", organizations: () => readOrganizations(index.tableOf(a.slug)) })));
      linksBySlug = new Map();
      const lines = linkNTriples(links);
      links.forEach(({ fromSlug }, i) => {
        const had = linksBySlug.get(fromSlug);
        if (had) had.push(lines[i]!);
        else linksBySlug.set(fromSlug, [lines[i]!]);
      });
      allMade = true;
      combining = combineInSlices();

      // Articles with links: their CSV and workbook (and events rows), with the names of what they link to.
      if (LINKED_FORMATS.some((format) => formats.includes(format))) {
        const rebuiltSlugs = new Set(articles.filter((a) => !a.reused).map((a) => a.slug));
        const second: ArticleJob[] = [];
        articles.forEach((article, i) => {
          const facts = article.facts!;
          if (facts.linksTo.length === 0) return;
          if (article.reused) {
            const before = previous!;
            // Its CSV stays unless an article it links to changed what it calls its entities.
            const stale = facts.linksTo.some((slug) => rebuiltSlugs.has(slug) && before.get(slug)?.() !== index.tableOf(slug));
            if (!stale) return;
            const remade = LINKED_FORMATS.filter((format) => formats.includes(format)).map((format) => `${facts.slug}${WRITERS[format].extension}`);
            for (const name of remade) staged.unlink(name);
            facts.files = facts.files.filter(([name]) => !remade.includes(name));
            if (formats.includes("csv")) delete article.events;
          }
          second.push({ index: i, path: article.path, file: article.file, part: "links" });
        });
        // The nodes each links to, made as its job is handed out: made for all of them at once
        // (some 4,300 jobs at 10,000 articles), they were all held until the last job was done.
        const withLinked = (job: ArticleJob): ArticleJob => ({ ...job, linked: index.nodesOf(articles[job.index]!.facts!.linksTo) });
        await pool.run(second, onResult, options.signal, withLinked);
        if (failed) return problems(articles, spill, corpus);
      }
    } finally {
      clearInterval(flushing);
      stopCombining = true;
      await combining;
      await pool.close();
    }
    combineReady();
    if (ttl && links.length > 0) {
      ttl.write(NEWLINE);
      ttl.write(Buffer.from(linkTurtle(links), "utf8"));
    }

    // The combined files, then the data package describing every file.
    const combined = new Map<string, CombinedFacts>();
    const all = articles.map((a) => a.facts!);
    spill.csvLines.readAll();
    if (formats.includes("csv")) {
      const organizations = organizationsCsvBytes(articles.length, (i) => spill.csvLines.bytesOf(articles[i]!.organization!));
      combined.set(COMBINED.organizations, { ...writeStagedFile(staging, COMBINED.organizations, organizations), header: organizationsHeader() });
      // The events' lines are copied from the spill's bytes, in date order.
      const dates = articles.flatMap((a) => a.events?.dates ?? []);
      const lines = new Float64Array(dates.length * 2);
      let n = 0;
      for (const { events } of articles) {
        if (!events) continue;
        let at = events.at;
        for (const length of events.lengths) {
          lines[n++] = at;
          lines[n++] = length;
          at += length;
        }
      }
      combined.set(COMBINED.events, { ...writeStagedFile(staging, COMBINED.events, eventsCsvBytes(dates, (i) => spill.csvLines.bytesOf([lines[2 * i]!, lines[2 * i + 1]!]))), header: [...EVENT_COLUMNS] });
    }
    // The rest of the next export's state (articles kept as they were: their previous lines), then
    // the spill goes: the staging folder must hold only the output.
    for (const article of articles) {
      if (article.stated) continue;
      const kept = article.reused ? stored?.get(fileName(article.file)) : undefined;
      if (kept) state.addStored(article.facts!.source.path, article.facts!.source.sha256, article.read, kept.json());
      else state.add(unpark(article, spill), article.read);
    }
    spill.tables.dispose();
    spill.csvLines.dispose();
    if (nt) combined.set(COMBINED.nTriples, nt.close());
    if (ttl) combined.set(COMBINED.turtle, ttl.close());
    // corpus.xlsx from every article's rows, in slug order: those made now from the workbook's spill,
    // the others from where the current corpus.xlsx has them.
    let workbook: Map<string, PlacedPiece[]> | undefined;
    if (workbookSpill) {
      const stream = new StagedStream(staging, COMBINED.workbook);
      const currentPath = join(staged.outDir, COMBINED.workbook);
      let current: number | undefined;
      const piece = (i: number, k: number): SheetPiece => {
        const article = articles[i]!;
        const rows = article.workbook;
        if (rows && "made" in rows) {
          const [offset, length, crc, size, count] = rows.made[k]!;
          return { deflated: workbookSpill.readBytes([offset, length]), crc, size, rows: count };
        }
        if (!rows) throw new Error(`${article.file}: its rows of corpus.xlsx were neither made nor kept`);
        const [offset, length, crc, size, count] = rows.kept[k]!;
        current ??= openSync(currentPath, "r");
        return { deflated: length === 0 ? new Uint8Array(0) : readRange(current, offset, length, currentPath), crc, size, rows: count };
      };
      try {
        const placed = writeCorpusWorkbook(articles.length, piece, (chunk) => stream.write(chunk));
        workbook = new Map(articles.map((a, i) => [a.slug, placed[i]!]));
      } finally {
        combined.set(COMBINED.workbook, stream.close());
        if (current !== undefined) closeSync(current);
        workbookSpill.dispose();
      }
    }

    const input: PackageInput = {
      pipeline: pipelineInfo(),
      schemaorgRelease: SCHEMAORG_RELEASE,
      ...(options.created !== undefined && { created: options.created }),
      combined,
      articles: all.map(packageArticle),
    };
    let files = 0;
    let bytes = 0;
    const count = <T extends { bytes: number }>(facts: T): T => {
      files++;
      bytes += facts.bytes;
      return facts;
    };
    for (const f of all) for (const [, size] of f.files) count({ bytes: size });
    for (const facts of combined.values()) count(facts);
    writeDataPackage(input, (name, chunks) => count(writeStagedFile(staging, name, chunks)));
    const expected = new Set<string>([...all.flatMap((f) => f.files.map(([name]) => name)), ...combined.keys(), ...PACKAGE_FILES.filter((name) => name !== TABLE_SCHEMA_FILE || formats.includes("csv"))]);
    if (!staged.holdsExactly(expected)) throw new Error(`the staging folder ${staging} does not hold exactly the files built; the output was left as it was`);
    return { ok: true, rebuilt: jobs.length, files, bytes, links, workbook };
  } finally {
    nt?.release();
    ttl?.release();
    workbookSpill?.dispose();
  }
}

/**
 * Every problem of the corpus, each at its line (references.ts): those the failed articles' jobs
 * found, then those of references between articles. Only the articles with a wrong reference are
 * read again, for its position.
 */
function problems(articles: readonly Article[], spill: Spills, corpus: CorpusContext): Extract<ExportOutcome, { ok: false }> {
  const diagnostics = corpusProblems(
    articles.map((a) => ({
      file: a.file,
      ...(a.problems && { failed: { problems: a.problems.diagnostics, ...a.problems } }),
      ...(!a.problems && a.facts && { valid: { slug: a.facts.slug, kinds: () => readEntityTable(a.facts!.slug, a.entities ? spill.tables.get(a.entities) : a.facts!.entities, corpus.iris).kinds } }),
      references: a.problems?.references ?? a.facts?.references ?? [],
      source: () => {
        const read = readSourceFile(a.path, a.file);
        const parsed = read.ok ? readYaml(read.text, a.file) : undefined;
        if (!parsed?.ok) throw new Error(`${a.file} changed during the export`);
        return parsed.source;
      },
    })),
  );
  if (diagnostics.length === 0) throw new Error("an article failed to export, yet no problem was found");
  // The texts of the files with problems, for the report's code frames.
  const sources: SourceText[] = [];
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    const article = articles.find((a) => a.file === file);
    const read = article ? readSourceFile(article.path, article.file) : undefined;
    if (read?.ok) sources.push({ file, text: read.text });
  }
  return { ok: false, diagnostics, sources };
}

/**
 * Files read into one buffer, reused from file to file: what `read` returns is valid until the next
 * read. Read into buffers of their own, every article's N-Triples and Turtle lay about as garbage
 * (some 60 MB at 10,000 articles) until the main thread's next collection.
 */
class ReusedBuffer {
  private buffer = Buffer.allocUnsafe(1 << 20);
  read(path: string): Buffer {
    const fd = openSync(path, "r");
    try {
      const size = fstatSync(fd).size;
      if (size > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(size, this.buffer.length * 2));
      for (let at = 0; at < size; ) {
        const n = readSync(fd, this.buffer, at, size - at, at);
        if (n === 0) throw new Error(`${path}: shorter than expected`);
        at += n;
      }
      return this.buffer.subarray(0, size);
    } finally {
      closeSync(fd);
    }
  }
}

/** Articles appended to the combined files between two turns of the event loop. */
const COMBINE_SLICE = 8;

/** Entity tables EntityIndex keeps read. */
const ENTITY_TABLES_KEPT = 256;

/** Every article's ids, kinds and names, read from the spill when first asked for. */
class EntityIndex {
  private readonly bySlug = new Map<string, Article>();
  private readonly read = new Map<string, ArticleEntities>();
  constructor(
    private readonly articles: readonly Article[],
    private readonly spill: Spill,
    private readonly corpus: CorpusContext,
  ) {
    for (const a of articles) this.bySlug.set(a.facts!.slug, a);
  }
  /** The article's entity table (JSON), as its job made it. */
  tableOf(slug: string): string | undefined {
    const article = this.bySlug.get(slug);
    return article?.entities ? this.spill.get(article.entities) : article?.facts?.entities;
  }
  /**
   * The article's entities, read from its table. The most recently asked for are kept (references
   * go mostly to a few network articles); not all: every article's, read to find the links, took
   * some 140 MB at 10,000 articles, the export's peak of memory.
   */
  entities(slug: string): ArticleEntities | undefined {
    let entities = this.read.get(slug);
    if (entities) {
      this.read.delete(slug);
    } else {
      const table = this.tableOf(slug);
      if (table === undefined) return undefined;
      entities = readEntityTable(slug, table, this.corpus.iris);
      if (this.read.size >= ENTITY_TABLES_KEPT) this.read.delete(this.read.keys().next().value!);
    }
    this.read.set(slug, entities);
    return entities;
  }
  /** True when every reference to another article names an entity of the right kind there. */
  judge(): boolean {
    for (const article of this.articles) {
      for (const { ref, kinds } of article.facts!.references) {
        const slash = ref.indexOf("/");
        const kind = this.entities(ref.slice(0, slash))?.kinds.get(ref.slice(slash + 1));
        if (kind === undefined || !kinds.includes(kind as (typeof kinds)[number])) return false;
      }
    }
    return true;
  }
  nodesOf(slugs: readonly string[]): NodeInfo[] {
    return slugs.flatMap((slug) => [...(this.entities(slug)?.nodes.values() ?? [])]);
  }
}

function packageArticle(f: ArticleFacts): PackageArticle {
  return {
    slug: f.slug,
    title: f.title,
    language: f.language,
    sourceFile: f.source,
    ...(f.origin && { origin: f.origin }),
    ...(f.license && { license: f.license }),
    artifacts: new Map(f.files.map(([name, bytes, sha256]) => [name, { bytes, sha256 }])),
  };
}

const NEWLINE = Buffer.from("\n");


/**
 * Every *.yaml (and *.yml) of the folder, in code-point order of the slugs (not of the file names:
 * "a.yaml" sorts after "a-b.yaml", but the article "a" comes before "a-b", as its IRIs do in the
 * sorted corpus.nt).
 */
function listArticles(sourceDir: string): Article[] {
  const articles = readdirSync(sourceDir)
    .filter(isArticleFile)
    .map((name) => {
      const path = join(sourceDir, name);
      const shown = relative(process.cwd(), resolve(path)) || path;
      const stat = statOf(path);
      return { slug: slugOfFile(name), path, file: shown.startsWith("..") ? path : shown, reused: false, read: { bytes: stat?.size ?? -1, mtimeMs: stat?.mtimeMs ?? -1 } };
    });
  return articles.sort((a, b) => compareCodePoints(a.slug, b.slug) || compareCodePoints(a.file, b.file));
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
