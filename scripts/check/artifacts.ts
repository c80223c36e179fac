// `make check`: every artifact of dist/ against the standards it claims.
// - <slug>.ttl, <slug>.jsonld, <slug>.csv carry the RDF graph: each is read back by a reader other
//   than its writer (N3.js, jsonld.js with the shipped schema.org context, papaparse), then checked
//   against schema.org's vocabulary (vocabulary-check.ts) and the SHACL shapes (shacl.ts).
// - <slug>.infobox.json against its JSON Schema (infobox-schema.ts).
// - <slug>.xlsx, corpus.xlsx: its sheets, headers, frozen rows, filters, and the facts sheet against
//   the CSV (xlsx-check.ts).
// - In every file, each IRI under the base names a node some graph of the folder describes (links.ts).
// A file of a kind no check knows is a violation too: nothing in dist/ goes unchecked.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import jsonld from "jsonld";
import N3 from "n3";
import Papa from "papaparse";
import { EXAMPLE_BASE, Namespaces, RDF_LANG_STRING, XSD_STRING } from "../graph/namespaces.ts";
import { localDocumentLoader } from "../graph/schemaorg-context.ts";
import { CSV_COLUMNS, unguardFormula } from "../writers/csv.ts";
import { schemaOrgVocabulary, type SchemaOrgVocabulary } from "../vocabulary/schemaorg-vocabulary.ts";
import type { Position } from "../read/read-yaml.ts";
import type { Finding, Violation } from "./finding.ts";
import { checkInfobox } from "./infobox-schema.ts";
import { jsonLdLocator, turtleLocator, type Locate } from "./locate.ts";
import { checkShapes } from "./shacl.ts";
import { parseJson } from "./parse-json.ts";
import { PACKAGE_FILES, checkPackageFile, type PackageFile } from "./datapackage-check.ts";
import { embeddedJsonLd } from "./html-page.ts";
import { checkCombinedCsv } from "./combined-csv.ts";
import { COMBINED, RESERVED_SLUG } from "../writers/combined-files.ts";
import { checkVocabulary, type TripleLike } from "./vocabulary-check.ts";
import { checkXlsx } from "./xlsx-check.ts";
import { XLSX_SHEETS } from "../writers/xlsx.ts";
import { artifactText, danglingLinks, irisInText, linkTargets, type LinkTargets } from "./links.ts";

export interface ArtifactReport {
  /** As shown: the folder as given, then the name ("dist/ifex.ttl"). */
  file: string;
  article: string;
  kind: ArtifactKind | "unknown";
  /** What was checked, in a few words ("268 triples: schema.org 30.0 vocabulary, SHACL"). */
  checked: string;
  violations: Violation[];
  /** The base IRI the output was exported with (its violations name its entities as slug:id). */
  base: string;
}

export type ArtifactKind = "ttl" | "nt" | "jsonld" | "html" | "csv" | "xlsx" | "infobox.json" | "bundle" | "combined.csv";

/** Longest first: ".infobox.json" before any shorter ending. */
const KINDS: readonly Exclude<ArtifactKind, "bundle" | "combined.csv">[] = ["infobox.json", "jsonld", "html", "ttl", "nt", "csv", "xlsx"];

export function kindOf(name: string): { article: string; kind: ArtifactKind | "unknown" } {
  if (PACKAGE_FILES.includes(name as PackageFile)) return { article: "bundle", kind: "bundle" };
  // The combined files: the CSVs have their own check; corpus.nt and corpus.ttl are graphs like any.
  if (name === COMBINED.organizations || name === COMBINED.events) return { article: RESERVED_SLUG, kind: "combined.csv" };
  const kind = KINDS.find((k) => name.endsWith(`.${k}`));
  return kind ? { article: name.slice(0, -(kind.length + 1)), kind } : { article: name.replace(/\..*$/, ""), kind: "unknown" };
}

/**
 * The graphs of the folder's articles, from their <slug>.ttl: an article may refer to another's
 * entity, and its own graph does not say what that entity is. Each node → the graph describing it.
 */
export type Corpus = ReadonlyMap<string, readonly TripleLike[]>;

function readCorpus(dir: string, names: readonly string[]): Corpus {
  const graphOf = new Map<string, TripleLike[]>();
  for (const name of names.filter((n) => kindOf(n).kind === "ttl")) {
    try {
      const triples = new N3.Parser({ format: "text/turtle" }).parse(readFileSync(join(dir, name), "utf8"));
      for (const t of triples) graphOf.set(t.subject.value, triples);
    } catch {
      // A file that does not parse is reported by its own check.
    }
  }
  return graphOf;
}

/**
 * The base IRI the output was exported with, as an article's N-Triples write its own subjects:
 * <base><slug>#<id>. Undefined when no article's N-Triples say.
 */
export function baseOf(dir: string, names: readonly string[]): string | undefined {
  for (const name of names) {
    const { article, kind } = kindOf(name);
    if (kind !== "nt" || article === RESERVED_SLUG) continue;
    try {
      // Its own subjects are <base><slug>#…: the first line that starts so (the corpus's shared
      // entities, <base>corpus#…, may sort before them).
      const text = readFileSync(join(dir, name), "utf8");
      const found = new RegExp(`^<([^>\\s]*/)${article}#`, "m").exec(text);
      if (found) return found[1];
    } catch {
      // An unreadable file is reported by its own check.
    }
  }
  return undefined;
}

/** Every file of the folder, in name order. */
export async function checkDist(dir: string, shownDir = dir): Promise<ArtifactReport[]> {
  const vocabulary = schemaOrgVocabulary();
  const names = readdirSync(dir).sort();
  // The IRIs are under the base the export was given (source/corpus.yaml, --base): read it back.
  const base = baseOf(dir, names) ?? EXAMPLE_BASE;
  const corpus = readCorpus(dir, names);
  const targets = linkTargets(dir, names, corpus.keys(), base);
  const reports: ArtifactReport[] = [];
  for (const name of names) {
    reports.push(await checkArtifact(join(dir, name), `${shownDir.replace(/\/+$/, "")}/${name}`, vocabulary, corpus, targets, base));
  }
  return reports;
}

export async function checkArtifact(path: string, file: string, vocabulary: SchemaOrgVocabulary = schemaOrgVocabulary(), corpus: Corpus = new Map(), targets?: LinkTargets, base: string = EXAMPLE_BASE): Promise<ArtifactReport> {
  const name = file.replace(/^.*\//, "");
  const { article, kind } = kindOf(name);
  const text = readFileSync(path, "utf8");
  const place = (finding: Finding, position: Position): Violation => ({ file, ...position, ...finding });
  // Every file's IRIs under the base point to a node of the folder's graphs (Turtle's are read as triples: it writes prefixed names).
  const links = (): Violation[] => {
    if (!targets || kind === "unknown") return [];
    const iris = kind === "ttl" ? turtleIris(text) : irisInText(kind === "xlsx" ? artifactText(path) : text, targets.base);
    return danglingLinks(iris, targets).map(({ finding, position }) => place(finding, position));
  };
  const report = (checked: string, violations: Violation[]): ArtifactReport => ({ file, article, kind, checked, violations: [...violations, ...links()], base });

  if (kind === "unknown") {
    return report("nothing", [place({ check: "syntax", node: "", message: "no check knows this kind of artifact", expected: `one of ${KINDS.map((k) => `<slug>.${k}`).join(", ")}`, found: JSON.stringify(name) }, { line: 1, col: 1 })]);
  }
  if (kind === "bundle") {
    const { checked, findings } = checkPackageFile(dirname(path), name as PackageFile);
    return report(checked, findings.map(({ position, ...finding }) => place(finding, position)));
  }
  if (kind === "combined.csv") {
    const { checked, findings } = checkCombinedCsv(name, text);
    return report(checked, findings.map(({ position, ...finding }) => place(finding, position)));
  }
  if (kind === "xlsx") {
    const { checked, findings } = checkXlsx(dirname(path), name, article, article === RESERVED_SLUG, XLSX_SHEETS);
    return report(checked, findings.map(({ position, ...finding }) => place(finding, position)));
  }
  if (kind === "infobox.json") {
    return report("JSON Schema schemas/infobox.schema.json", checkInfobox(text, file).map(({ position, ...finding }) => place(finding, position)));
  }

  const read = await readGraph(kind, text, path);
  if (!read.ok) return report("RDF syntax", [place(read.finding, read.position)]);
  // Nodes of other articles this graph refers to are checked with their articles' graphs, and only
  // what this artifact says is reported here: their own artifacts report theirs.
  const described = new Set(read.triples.map((t) => t.subject.value));
  const others = new Set<readonly TripleLike[]>();
  for (const t of read.triples) {
    const other = t.object.termType === "NamedNode" && !described.has(t.object.value) ? corpus.get(t.object.value) : undefined;
    if (other) others.add(other);
  }
  const graph = [...read.triples, ...[...others].flat()];
  // The combined graph (corpus.*) holds every article's node; each is checked as its shapes target it.
  const articleIri = article === RESERVED_SLUG ? undefined : new Namespaces(base).entityIri(article, "article");
  const foreign = new Set([...others].flatMap((triples) => triples.map((t) => t.subject.value)).filter((node) => !described.has(node)));
  const findings = [...checkVocabulary(graph, vocabulary, base), ...(await checkShapes(graph, vocabulary, articleIri, base))].filter((f) => !foreign.has(f.node));
  const violations = findings
    .map((finding) => place(finding, read.lineOf?.(finding.node, finding.property) ?? read.locate(finding.node, finding.property)))
    .sort((a, b) => a.line - b.line || a.col - b.col);
  return report(`${read.triples.length} triples: schema.org ${vocabulary.file.release} vocabulary, SHACL schemas/article.shapes.ttl`, violations);
}

/** The IRIs a Turtle file names (subjects and objects), each where it is first described or used. */
function turtleIris(text: string): Map<string, Position> {
  const out = new Map<string, Position>();
  let triples: TripleLike[];
  try {
    triples = new N3.Parser({ format: "text/turtle" }).parse(text);
  } catch {
    return out; // reported by the syntax check
  }
  const locate = turtleLocator(text);
  for (const t of triples) {
    for (const term of [t.subject, t.object]) {
      if (term.termType === "NamedNode" && !out.has(term.value)) out.set(term.value, locate(term === t.subject ? term.value : t.subject.value, term === t.subject ? undefined : t.predicate.value));
    }
  }
  return out;
}

type GraphRead =
  | { ok: true; triples: TripleLike[]; locate: Locate; lineOf?: (node: string, property?: string) => Position | undefined }
  | { ok: false; finding: Finding; position: Position };

async function readGraph(kind: "ttl" | "nt" | "jsonld" | "html" | "csv", text: string, path: string): Promise<GraphRead> {
  if (kind === "html") {
    const embedded = embeddedJsonLd(text, path);
    if (!embedded.ok) return { ok: false, finding: embedded.finding, position: embedded.position };
    return readJsonLd(embedded.json);
  }
  if (kind === "nt") {
    const lines = text.split("\n").filter((line) => line !== "");
    const unsorted = lines.findIndex((line, i) => i > 0 && !(lines[i - 1]! < line));
    if (unsorted > 0) return { ok: false, finding: { check: "syntax", node: "", message: "the N-Triples are not sorted and unique", expected: "lines in code-point order, each once", found: JSON.stringify(lines[unsorted]!.slice(0, 80)) }, position: { line: unsorted + 1, col: 1 } };
  }
  if (kind === "ttl" || kind === "nt") {
    try {
      return { ok: true, triples: new N3.Parser({ format: kind === "nt" ? "N-Triples" : "text/turtle" }).parse(text), locate: turtleLocator(text) };
    } catch (error) {
      const line = Number(/on line (\d+)/.exec((error as Error).message)?.[1] ?? 1);
      return { ok: false, finding: { check: "syntax", node: "", message: `not ${kind === "nt" ? "N-Triples" : "Turtle"}: ${(error as Error).message}` }, position: { line, col: 1 } };
    }
  }
  if (kind === "jsonld") return readJsonLd(text);
  return readCsv(text);
}

async function readJsonLd(text: string): Promise<GraphRead> {
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const document = parsed.value;
  try {
    // Safe mode: a term the context cannot expand is an error instead of silently dropped data.
    const quads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, { documentLoader: localDocumentLoader, safe: true } as unknown as jsonld.Options.ToRdf)) as unknown as TripleLike[];
    return { ok: true, triples: quads, locate: jsonLdLocator(text) };
  } catch (error) {
    const details = (error as { details?: { event?: { code?: string; details?: Record<string, unknown> } } }).details?.event;
    const what = details ? `${details.code ?? "error"} ${JSON.stringify(details.details ?? {})}` : (error as Error).message;
    return { ok: false, finding: { check: "syntax", node: "", message: `not JSON-LD that expands without loss: ${what}`, expected: "every term defined by the schema.org context or the document's own context" }, position: { line: 1, col: 1 } };
  }
}

function readCsv(text: string): GraphRead {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (parsed.errors.length > 0 || !header || header.join(",") !== CSV_COLUMNS.join(",")) {
    const error = parsed.errors[0];
    return {
      ok: false,
      finding: { check: "syntax", node: "", message: error ? `not CSV as written: ${error.message}` : "not the documented CSV header", expected: CSV_COLUMNS.join(","), found: error ? `row ${error.row}` : (header ?? []).join(",") },
      position: { line: error?.row !== undefined ? error.row + 1 : 1, col: 1 },
    };
  }
  const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
  const triples: (TripleLike & { line: number })[] = [];
  // Rows end with CRLF; a cell may hold line breaks of its own, so lines are counted, not rows.
  let line = 1 + header.join("").split("\n").length;
  for (const row of rows) {
    const cell = (name: (typeof CSV_COLUMNS)[number]) => unguardFormula(row[column(name)] ?? "");
    const valueIri = cell("value_iri");
    const datatype = cell("datatype_iri");
    const language = cell("language");
    triples.push({
      line,
      subject: { termType: "NamedNode", value: cell("entity_iri") },
      predicate: { termType: "NamedNode", value: cell("property_iri") },
      object: valueIri
        ? { termType: "NamedNode", value: valueIri }
        : { termType: "Literal", value: cell("value"), datatype: { value: datatype || (language ? RDF_LANG_STRING : XSD_STRING) }, ...(language && { language }) },
    });
    line += row.join("").split("\n").length;
  }
  const lineOf = (node: string, property?: string) => {
    const match = triples.find((t) => t.subject.value === node && (property === undefined || t.predicate.value === property)) ?? triples.find((t) => t.subject.value === node);
    return match ? { line: match.line, col: 1 } : undefined;
  };
  return { ok: true, triples, locate: () => ({ line: 1, col: 1 }), lineOf };
}
