// One article's work, on whichever thread runs it: its source file read, the pipeline run
// (scripts/pipeline.ts), each file it returns written into the staging folder. What goes back to the
// main thread is small: the facts the bundle and the combined files need (sizes, hashes, the
// organization's row, dated events), the article's ids and names (other articles may link to them),
// and its references to other articles, which are judged once every article is known (references.ts).
//
// An article that links to other articles needs their entities' names for its CSV and workbook (a
// value names the entity it refers to) and its rows of corpus.events.csv; those are made in a second
// job once every article has been read. Its graph, and so its other artifacts, do not depend on them.

import { exportArticle, type ArticleProblems } from "../pipeline.ts";
import type { NodeInfo } from "../graph/build.ts";
import { CorpusContext, type CorpusSettings } from "../graph/shared.ts";
import type { WriterOutput } from "../writers/index.ts";
import { LINKED_FORMATS, type Format } from "../writers/formats.ts";
import { byteRanges } from "../writers/corpus-part.ts";
import { writeStagedFile } from "../publish/stage-file.ts";
import type { ExternalReference } from "../validate/external-references.ts";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { slugOfFile, fileName } from "../lib/article-file.ts";
import { readSourceFile } from "../read/source-file.ts";
import { sha256 } from "../datapackage/sha256.ts";
import type { ArticleLicense, ArticleModel, ArticleSource } from "../model/types.ts";
import { eventRows, organizationRow, type EventRow, type OrganizationRow } from "./combined-csv.ts";
import { entityTable } from "./entity-table.ts";
import { workbookPieces, type SheetPiece } from "./combined-xlsx.ts";

/** What every job of an export is given: plain data, handed to each worker thread as it starts. */
export interface JobSettings {
  staging: string;
  formats: readonly Format[];
  /** The corpus's settings (base IRI, shared entities): each thread makes its CorpusContext of them once. */
  corpus: CorpusSettings;
}

export interface ArticleJob {
  /** The article's place in the corpus (slug order). */
  index: number;
  /** Where to read the YAML, and how messages name it. */
  path: string;
  file: string;
  /** First job: everything; "links": the CSV and events rows of an article that links to others. */
  part: "all" | "links";
  /** For "links": the nodes of other articles the article links to. */
  linked?: NodeInfo[];
}

/** What the main thread keeps of an article. Plain data: it crosses threads and is cached on disk. */
export interface ArticleFacts {
  slug: string;
  /** The id of its subject organization (for links between articles, article-links.ts). */
  subject?: string;
  title: string;
  language: string;
  origin?: ArticleSource;
  license?: ArticleLicense;
  source: { path: string; sha256: string };
  /** Artifacts written: [name, bytes, sha256], in the writers' order. */
  files: [string, number, string][];
  /** Its row of corpus.organizations.csv (when CSV is asked for). */
  organization?: OrganizationRow;
  /** Its rows of corpus.events.csv (when CSV is asked for, and its links are named). */
  events?: EventRow[];
  /** Its entities, for references from other articles: JSON of [id, kind, name, type][]. */
  entities: string;
  /** Its references to other articles' entities. */
  references: ExternalReference[];
  /** The other articles it links to; when non-empty its CSV waits for their names. */
  linksTo: string[];
  /**
   * Its statements about the corpus's shared entities (corpus#canada…): N-Triples lines and Turtle
   * blocks, which corpus.nt and corpus.ttl hold once for all articles (writers/corpus-part.ts).
   */
  shared?: { nt: string[]; ttl: string[] };
  /** Where its own statements lie in its .nt and .ttl files: byte ranges, which corpus.nt and corpus.ttl copy in order. */
  own?: { nt?: [number, number][]; ttl?: [number, number][] };
}

/**
 * The bytes of an article's N-Triples and Turtle, for corpus.nt and corpus.ttl (its facts say which
 * ranges of them): copies of what was written, each with an ArrayBuffer of its own, so a worker
 * hands them over (transfers them) rather than the main thread reading the files back. Not facts:
 * they are not kept in the export's state.
 */
export interface CombinedPieces {
  nt?: Uint8Array;
  ttl?: Uint8Array;
  /** Its rows of corpus.xlsx, sheet by sheet (combined-xlsx.ts). */
  xlsx?: SheetPiece[];
}

/**
 * An article that cannot be exported: its own problems, each at its line, and what the main thread
 * needs to judge references between articles (its ids, when its data could be checked; its references
 * to other articles; the slugs whose references are not judged because it could not be checked).
 */
export interface JobProblems {
  diagnostics: Diagnostic[];
  slug?: string;
  ids?: [id: string, kind: string][];
  references: ExternalReference[];
  unchecked: string[];
}

export type JobResult =
  | { index: number; part: ArticleJob["part"]; ok: true; facts: ArticleFacts; combined?: CombinedPieces }
  | { index: number; part: ArticleJob["part"]; ok: false; problems: JobProblems };

/** Runs jobs with these settings: the corpus's context is made once, for every job the runner is given. */
export function jobRunner(settings: JobSettings, corpus = new CorpusContext(settings.corpus)): (job: ArticleJob) => JobResult {
  return (job) => runJob(job, settings, corpus);
}

function runJob(job: ArticleJob, settings: JobSettings, corpus: CorpusContext): JobResult {
  const read = readSourceFile(job.path, job.file);
  if (!read.ok) return { index: job.index, part: job.part, ok: false, problems: { diagnostics: [read.diagnostic], references: [], unchecked: [slugOfFile(job.file)] } };
  if (job.part === "links") return linksJob(job, read.text, settings, corpus);
  const result = exportArticle(read.text, job.file, { corpus, formats: settings.formats, linked: "later" });
  if (!result.ok) return failed(job, result);
  const { model, iris, graph, input, linksTo } = result;
  const files: ArticleFacts["files"] = [];
  const combined: CombinedPieces = {};
  const shared: NonNullable<ArticleFacts["shared"]> = { nt: [], ttl: [] };
  const own: NonNullable<ArticleFacts["own"]> = {};
  for (const file of result.files) {
    const rdf = file.format === "nt" || file.format === "ttl" ? file.format : undefined;
    files.push(stage(settings, file.name, file.content, rdf && ((bytes) => (combined[rdf] = new Uint8Array(bytes)))));
    if (rdf && file.part) {
      own[rdf] = byteRanges(file.content as string, file.part.own);
      shared[rdf] = file.part.shared;
    }
    if (file.format === "xlsx") combined.xlsx = workbookPieces(model.article.slug, input.tables(), input.rows());
  }
  const facts: ArticleFacts = {
    ...describe(model),
    source: { path: fileName(job.file), sha256: sha256(read.text) },
    files,
    entities: entityTable(model, iris),
    references: result.references,
    linksTo: [...linksTo],
    shared,
    own,
  };
  if (settings.formats.includes("csv")) {
    facts.organization = organizationRow(model, iris);
    if (linksTo.length === 0) facts.events = eventRows(model, iris, graph);
  }
  return { index: job.index, part: job.part, ok: true, facts, combined };
}

/** The second job of an article with links: its CSV, workbook and events rows, now that its links are named. */
function linksJob(job: ArticleJob, text: string, settings: JobSettings, corpus: CorpusContext): JobResult {
  const linked = new Map((job.linked ?? []).map((node) => [node.iri, node]));
  const formats = LINKED_FORMATS.filter((format) => settings.formats.includes(format));
  const result = exportArticle(text, job.file, { corpus, formats, linked, validate: false });
  if (!result.ok) return failed(job, result);
  const { model, iris, graph, input } = result;
  const files = result.files.map((file) => stage(settings, file.name, file.content));
  const combined: CombinedPieces = settings.formats.includes("xlsx") ? { xlsx: workbookPieces(model.article.slug, input.tables(), input.rows()) } : {};
  const facts: ArticleFacts = {
    ...describe(model),
    source: { path: fileName(job.file), sha256: "" },
    files,
    events: eventRows(model, iris, graph),
    entities: "",
    references: [],
    linksTo: [],
  };
  return { index: job.index, part: job.part, ok: true, facts, combined };
}

function failed(job: ArticleJob, { problems, slug, ids, references, unchecked }: ArticleProblems): JobResult {
  return { index: job.index, part: job.part, ok: false, problems: { diagnostics: problems, ...(slug !== undefined && { slug }), ...(ids && { ids }), references, unchecked } };
}

/** Writes one file into the staging folder; `written` sees the bytes written (stage-file.ts). */
function stage(settings: JobSettings, name: string, content: WriterOutput, written?: (bytes: Buffer) => void): ArticleFacts["files"][number] {
  const { bytes, sha256: hash } = writeStagedFile(settings.staging, name, typeof content === "string" ? content : [content], { written });
  return [name, bytes, hash];
}

function describe(model: ArticleModel): Pick<ArticleFacts, "slug" | "title" | "language" | "origin" | "license" | "subject"> {
  const { slug, title, language, source, license, subject } = model.article;
  return { slug, title, language, subject, ...(source && { origin: source }), ...(license && { license }) };
}
