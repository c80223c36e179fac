// The pipeline, for one article: its text and the export's settings in; its model, graph, files and
// problems out. Five steps, in this order:
//
//   read      the YAML, every value with its line and column            read/read-yaml.ts
//   validate  the JSON Schema, then the rules a schema cannot say      validate/
//   model     the typed article                                        model/build.ts
//   graph     the RDF graph (schema.org first), IRIs under the base     graph/build.ts
//   writers   one file per format, all from that one graph             writers/index.ts
//
// Everything it depends on is an argument (settings); nothing is kept from one call to the next. It
// writes no file: the export (corpus/article-job.ts) stages what it returns, the checker
// (corpus/check-corpus.ts) keeps only the problems, and the tests compare it with references.
//
// One article does not know the others: its references to their entities ("slug/id") are returned,
// and judged once every article is known (corpus/references.ts).

import type { Diagnostic } from "./lib/diagnostic.ts";
import { slugOfFile } from "./lib/article-file.ts";
import { readYaml, type SourceDocument } from "./read/read-yaml.ts";
import { validateAgainstSchema } from "./validate/json-schema.ts";
import { salvage } from "./validate/salvage.ts";
import { validateRules, type SharedEntities } from "./validate/rules.ts";
import type { ExternalReference } from "./validate/external-references.ts";
import { checkFileName } from "./validate/file-name.ts";
import { buildModel } from "./model/build.ts";
import { ENTITY_LISTS, type ArticleModel } from "./model/types.ts";
import { ArticleIris, type CorpusContext } from "./graph/shared.ts";
import { buildGraph, type ExternalNodes, type Graph } from "./graph/build.ts";
import { WRITERS, writerInput, type CorpusPart, type WriterInput, type WriterOutput } from "./writers/index.ts";
import { LINKED_FORMATS, type Format } from "./writers/formats.ts";

export interface ArticleSettings {
  /** Where IRIs are minted (the base IRI) and the corpus's shared entities (graph/shared.ts). */
  corpus: CorpusContext;
  /** The files to write, in this order. */
  formats: readonly Format[];
  /**
   * The entities of other articles this one links to, with their names: the formats that show them
   * (writers/formats.ts's LINKED_FORMATS: CSV, workbook) name them. "later" when they are not known
   * yet: an article that links to another is then written without those formats.
   */
  linked: ExternalNodes | "later";
  /** False when the text is known to be valid (an earlier run checked it): validation is skipped. */
  validate?: boolean;
}

export interface ArticleFile {
  /** Its name in the output folder: <slug><extension>. */
  name: string;
  format: Format;
  content: WriterOutput;
  /** For the formats the corpus combines (N-Triples, Turtle): what the combined file takes of it. */
  part?: CorpusPart;
}

export interface ExportedArticle {
  ok: true;
  source: SourceDocument;
  model: ArticleModel;
  iris: ArticleIris;
  graph: Graph;
  /** What the writers were given, with what they made once (the export makes its combined files from it). */
  input: WriterInput;
  /** The other articles the graph links to, in code-point order. */
  linksTo: readonly string[];
  files: ArticleFile[];
  /** Its references to other articles' entities, to be judged once every article is known. */
  references: ExternalReference[];
}

/**
 * An article that cannot be exported: its problems, each at its line, and what is needed to judge
 * references between articles: its slug and ids when its data could be checked, its references to
 * other articles, and the slugs whose references are not judged because it could not be checked.
 */
export interface ArticleProblems {
  ok: false;
  problems: Diagnostic[];
  slug?: string;
  ids?: [id: string, kind: string][];
  references: ExternalReference[];
  unchecked: string[];
}

export type ArticleResult = ExportedArticle | ArticleProblems;

export function exportArticle(text: string, file: string, settings: ArticleSettings): ArticleResult {
  // Read.
  const read = readYaml(text, file);
  if (!read.ok) return { ok: false, problems: read.diagnostics, references: [], unchecked: [slugOfFile(file)] };
  const source = read.source;

  // Validate.
  let references: ExternalReference[] = [];
  if (settings.validate !== false) {
    const checked = validate(source, settings.corpus.shared);
    if (!checked.ok) return checked;
    references = checked.references;
  }

  // Model.
  const model = buildModel(source.data, source.file);
  const iris = new ArticleIris(settings.corpus, model);

  // Graph.
  const linked = settings.linked === "later" ? undefined : settings.linked;
  const graph = buildGraph(model, iris, linked);

  // Writers.
  const input = writerInput(model, iris, graph);
  const linksTo = input.linkedArticles();
  const waitsForLinks = linked === undefined && linksTo.length > 0;
  const files: ArticleFile[] = [];
  for (const format of settings.formats) {
    if (waitsForLinks && (LINKED_FORMATS as readonly Format[]).includes(format)) continue;
    const writer = WRITERS[format];
    const name = `${model.article.slug}${writer.extension}`;
    files.push(writer.writeWithPart ? { name, format, ...writer.writeWithPart(input) } : { name, format, content: writer.write(input) });
  }
  return { ok: true, source, model, iris, graph, input, linksTo, files, references };
}

/**
 * The JSON Schema, then the rules. With schema problems the rules still run, on what is left when
 * the refused values are cut out (validate/salvage.ts), so one run reports both.
 */
function validate(source: SourceDocument, shared: SharedEntities): { ok: true; references: ExternalReference[] } | ArticleProblems {
  const schemaProblems = validateAgainstSchema(source);
  const checked = schemaProblems.length > 0 ? salvage(source) : source;
  if (!checked) {
    const slug = (source.data as { article?: { slug?: unknown } } | null)?.article?.slug;
    const unchecked = [slugOfFile(source.file), ...(typeof slug === "string" ? [slug] : [])];
    return { ok: false, problems: schemaProblems, references: [], unchecked };
  }
  const rules = validateRules(checked, shared);
  const problems = [...schemaProblems, ...rules.problems, ...checkFileName(checked)];
  if (problems.length === 0) return { ok: true, references: rules.references };
  const data = checked.data as Record<string, { id?: unknown }[] | undefined> & { article: { slug: string } };
  const ids: [string, string][] = [];
  for (const kind of ENTITY_LISTS) for (const entity of data[kind] ?? []) ids.push([entity.id as string, kind]);
  return { ok: false, problems, slug: data.article.slug, ids, references: rules.references, unchecked: [] };
}
