// One article's work, on whichever thread runs it: read → validate → model → graph → writers, each
// artifact written straight into the staging folder. What goes back to the main thread is small: the
// facts the bundle and the combined files need (sizes, hashes, the organization's row, dated
// events), the article's ids and names (other articles may link to them), and its references to
// other articles, which are judged once every article is known (external-references.ts).
//
// An article that links to other articles needs their entities' names for its CSV and workbook (a
// value names the entity it refers to) and its rows of corpus.events.csv; those are made in a second
// job once every article has been read. Its graph, and so its other artifacts, do not depend on them.

import { readYaml } from "../read/read-yaml.ts";
import { validateAgainstSchema } from "../validate/json-schema.ts";
import { DeferredReferences, validateRules, type ExternalReference } from "../validate/rules.ts";
import { buildModel } from "../model/build.ts";
import type { ArticleModel } from "../model/types.ts";
import { buildGraph, type Graph, type NodeInfo } from "../graph/build.ts";
import { linkedArticles } from "../graph/prefixes.ts";
import { WRITERS, writerInput, type Format, type WriterInput } from "../writers/index.ts";
import { LINKED_FORMATS } from "../writers/formats.ts";
import { sharedTurtleNames, splitSharedTurtle, turtleBody } from "../writers/turtle.ts";
import { splitSharedNTriples } from "../writers/ntriples.ts";
import { writeStagedFile } from "../publish/stage-file.ts";
import { checkFileName } from "../pipeline.ts";
import { salvage } from "../validate/salvage.ts";
import { ENTITY_LISTS } from "../model/types.ts";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { slugOfFile } from "../lib/article-file.ts";
import { readSourceFile } from "../read/source-file.ts";
import { sha256 } from "../datapackage/sha256.ts";
import type { ArticleLicense, ArticleSource } from "../model/types.ts";
import { eventRows, organizationRow, type EventRow, type OrganizationRow } from "./combined-csv.ts";
import { entityTable } from "./entity-table.ts";
import { fileName } from "../lib/article-file.ts";
import type { CorpusSettings } from "../graph/shared.ts";
import { SHARED } from "../graph/namespaces.ts";
import { workbookPieces, type SheetPiece } from "./combined-xlsx.ts";

export interface JobSettings {
  staging: string;
  formats: readonly Format[];
  /** The corpus's settings (base IRI, shared entities): applied on each thread before its first job. */
  corpus?: CorpusSettings;
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
   * blocks, which corpus.nt and corpus.ttl hold once for all articles (writers/turtle.ts, ntriples.ts).
   */
  shared?: { nt: string[]; ttl: string[] };
}

/**
 * The bytes of an article's N-Triples, and of its Turtle's statements (what follows its prefix lines
 * and their blank line), for corpus.nt and corpus.ttl: copies of what was written, each with an
 * ArrayBuffer of its own, so a worker hands them over (transfers them) rather than the main thread
 * reading the files back. Not facts: they are not kept in the export's state.
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

export async function runJob(job: ArticleJob, settings: JobSettings): Promise<JobResult> {
  // Any problem: the job says every problem of the article, each at its line (as pipeline.ts's
  // checkCorpus does); the main thread adds those of references between articles.
  const fail = (problems: JobProblems): JobResult => ({ index: job.index, part: job.part, ok: false, problems });
  const fileSlug = slugOfFile(job.file);
  const read = readSourceFile(job.path, job.file);
  if (!read.ok) return fail({ diagnostics: [read.diagnostic], references: [], unchecked: [fileSlug] });
  const parsed = readYaml(read.text, job.file);
  if (!parsed.ok) return fail({ diagnostics: parsed.diagnostics, references: [], unchecked: [fileSlug] });
  const source = parsed.source;
  const deferred = new DeferredReferences();
  if (job.part === "all") {
    const schemaProblems = validateAgainstSchema(source);
    // With schema problems, the rules still run on what is left when the refused values are cut out (salvage.ts).
    const checked = schemaProblems.length > 0 ? salvage(source) : source;
    if (!checked) {
      const dataSlug = (source.data as { article?: { slug?: unknown } } | null)?.article?.slug;
      return fail({ diagnostics: schemaProblems, references: [], unchecked: typeof dataSlug === "string" ? [fileSlug, dataSlug] : [fileSlug] });
    }
    const ruleProblems = [...validateRules(checked, deferred), ...checkFileName(checked)];
    if (schemaProblems.length > 0 || ruleProblems.length > 0) {
      const data = checked.data as Record<string, { id?: unknown }[] | undefined> & { article: { slug: string } };
      const ids: [string, string][] = [];
      for (const kind of ENTITY_LISTS) for (const entity of data[kind] ?? []) ids.push([entity.id as string, kind]);
      return fail({ diagnostics: [...schemaProblems, ...ruleProblems], slug: data.article.slug, ids, references: deferred.references, unchecked: [] });
    }
  }
  const model = buildModel(source.data, source.file);
  if (job.part === "links") return linksJob(job, model, settings);
  const slug = model.article.slug;
  // Links to other articles are named in the second job; here they are plain IRIs.
  const graph = buildGraph(model, new Map());
  const linksTo = linkedArticles(graph);
  const files: ArticleFacts["files"] = [];
  const combined: CombinedPieces = {};
  const input = writerInput(model, graph);
  for (const format of settings.formats) {
    // An article with links gets these in its second job, with its links' names.
    if (linksTo.length > 0 && (LINKED_FORMATS as readonly Format[]).includes(format)) continue;
    const keep = format === "nt" ? keepNTriples(combined) : format === "ttl" ? keepTurtleBody(combined) : undefined;
    files.push(await writeArtifact(settings, slug, format, input, keep));
    if (format === "xlsx") combined.xlsx = workbookPieces(slug, input.tables(), input.rows());
  }
  const facts: ArticleFacts = {
    ...describe(model),
    source: { path: fileName(job.file), sha256: sha256(read.text) },
    files,
    entities: entityTable(model),
    references: deferred.references,
    linksTo,
    shared: {
      nt: combined.nt ? splitSharedNTriples(combined.nt, SHARED).shared : [],
      ttl: combined.ttl ? splitSharedTurtle(combined.ttl, sharedTurtleNames()).shared : [],
    },
  };
  if (settings.formats.includes("csv")) {
    facts.organization = organizationRow(model);
    if (linksTo.length === 0) facts.events = eventRows(model, graph);
  }
  return { index: job.index, part: job.part, ok: true, facts, combined };
}

function keepNTriples(combined: CombinedPieces): (bytes: Buffer) => void {
  return (bytes) => (combined.nt = new Uint8Array(bytes));
}

function keepTurtleBody(combined: CombinedPieces): (bytes: Buffer) => void {
  return (bytes) => (combined.ttl = new Uint8Array(turtleBody(bytes)));
}

/** The second job of an article with links: its CSV, workbook and events rows, now that its links are named. */
async function linksJob(job: ArticleJob, model: ArticleModel, settings: JobSettings): Promise<JobResult> {
  const external = new Map((job.linked ?? []).map((node) => [node.iri, node]));
  const graph = buildGraph(model, external);
  const input = writerInput(model, graph);
  const files: ArticleFacts["files"] = [];
  for (const format of LINKED_FORMATS) if (settings.formats.includes(format)) files.push(await writeArtifact(settings, model.article.slug, format, input));
  const combined: CombinedPieces = settings.formats.includes("xlsx") ? { xlsx: workbookPieces(model.article.slug, input.tables(), input.rows()) } : {};
  const facts: ArticleFacts = {
    ...describe(model),
    source: { path: fileName(job.file), sha256: "" },
    files,
    events: eventRows(model, graph),
    entities: "",
    references: [],
    linksTo: [],
  };
  return { index: job.index, part: job.part, ok: true, facts, combined };
}

/** `written`: sees the bytes written (stage-file.ts). */
async function writeArtifact(settings: JobSettings, slug: string, format: Format, input: WriterInput, written?: (bytes: Buffer) => void): Promise<ArticleFacts["files"][number]> {
  const name = `${slug}${WRITERS[format].extension}`;
  const output = await WRITERS[format].write(input);
  const { bytes, sha256: hash } = writeStagedFile(settings.staging, name, typeof output === "string" ? output : [output], { written });
  return [name, bytes, hash];
}

function describe(model: ArticleModel): Pick<ArticleFacts, "slug" | "title" | "language" | "origin" | "license" | "subject"> {
  const { slug, title, language, source, license, subject } = model.article;
  return { slug, title, language, subject, ...(source && { origin: source }), ...(license && { license }) };
}
