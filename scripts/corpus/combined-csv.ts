// The two combined CSVs, from small per-article rows: an export of many articles keeps only these
// rows (not the models or graphs) until every article is done.
//
// - corpus.organizations.csv: one row per article, about its subject: its slug, id, name, type and
//   IRI, then one typed column per property the mapping table maps an infobox parameter to
//   (writers/organization-columns.ts): the same columns for every article, whatever its infobox's labels.
// - corpus.events.csv: every event with a start (or else an end) date, in date order; one date keeps
//   the articles' order (stable: "1992" sorts before "1992-05", a year being the start of its months).

import type { ArticleModel } from "../model/types.ts";
import type { Graph } from "../graph/build.ts";
import type { ArticleIris } from "../graph/shared.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { guardFormula } from "../writers/csv.ts";
import { BOM, csvDocument, quotedRow } from "../writers/csv-text.ts";
import { EVENT_COLUMNS, ORGANIZATION_COLUMNS } from "../writers/combined-files.ts";
import { ORGANIZATION_TYPED_COLUMNS, typedCells } from "../writers/organization-columns.ts";

/**
 * An article's row of corpus.organizations.csv, as its CSV line (cells guarded and quoted, in the
 * header's order): one string, where its some 30 cells as strings would be 15 MB at 10,000 articles.
 */
export interface OrganizationRow {
  line: string;
}

/**
 * One event's row of corpus.events.csv, with the date it is sorted by. The row is kept as its CSV
 * line (cells guarded and quoted): an export of 10,000 articles keeps some 100,000 of them.
 */
export interface EventRow {
  date: string;
  line: string;
}

// Loops and module-level functions, not closures: each closure made per call costs a defineProperty
// (its name) under tsx, and these run once per article.
export function organizationRow(model: ArticleModel, iris: ArticleIris): OrganizationRow {
  const slug = model.article.slug;
  let subject: ArticleModel["organizations"][number] | undefined;
  for (const o of model.organizations) {
    if (o.id !== model.article.subject) continue;
    subject = o;
    break;
  }
  if (subject === undefined) throw new Error(`${slug}: no organization ${model.article.subject}`);
  const cells = [slug, subject.id, subject.name, subject.type, iris.entity(subject.id), ...typedCells(iris, subject)];
  if (cells.length !== ORGANIZATIONS_HEADER.length) throw new Error(`${slug}: ${cells.length} cells for the ${ORGANIZATIONS_HEADER.length} columns of corpus.organizations.csv`);
  for (let i = 0; i < cells.length; i++) cells[i] = guardFormula(cells[i]!);
  return { line: quotedRow(cells) };
}

/** The article's dated events; locations and organizers are named from the graph's nodes (other articles' too). */
export function eventRows(model: ArticleModel, iris: ArticleIris, graph: Graph): EventRow[] {
  const slug = model.article.slug;
  const rows: EventRow[] = [];
  for (const e of model.events) {
    const date = e.startDate ?? e.endDate;
    if (date === undefined) continue;
    const locationIri = e.location ? iris.ref(e.location) : "";
    const organizerIri = e.organizer ? iris.ref(e.organizer) : "";
    const cells = [e.startDate ?? "", e.endDate ?? "", e.name, e.type, e.category, nameOf(graph, locationIri), nameOf(graph, organizerIri), slug, e.id, iris.entity(e.id), locationIri, organizerIri, e.description ?? ""];
    for (let i = 0; i < cells.length; i++) cells[i] = guardFormula(cells[i]!);
    rows.push({ date, line: quotedRow(cells) });
  }
  return rows;
}

/** A referenced node's name from the graph's nodes; "" for no reference or an unknown node. */
function nameOf(graph: Graph, iri: string): string {
  return iri === "" ? "" : (graph.nodes.get(iri)?.name ?? "");
}

/** The organizations CSV's columns: the fixed ones, then the typed ones; the same for every corpus. */
export function organizationsHeader(_rows?: readonly OrganizationRow[]): string[] {
  return [...ORGANIZATION_COLUMNS, ...ORGANIZATION_TYPED_COLUMNS.map((c) => c.name)];
}

/** The text, piece by piece, of the rows in the articles' slug order: what csvDocument writes for their cells. */
export function* organizationsCsv(rows: readonly OrganizationRow[]): Generator<string> {
  if (rows.length === 0) {
    yield csv(ORGANIZATIONS_HEADER, []);
    return;
  }
  yield ORGANIZATIONS_HEAD;
  for (const row of rows) yield `${row.line}\r\n`;
}

const ORGANIZATIONS_HEADER = organizationsHeader();
/** The BOM and the header line of corpus.organizations.csv. */
const ORGANIZATIONS_HEAD = `${BOM}${quotedRow(ORGANIZATIONS_HEADER.map(guardFormula))}\r\n`;

/**
 * corpus.events.csv's text piece by piece, from the rows' dates and a way to get a row's line (the export
 * keeps the lines on disk, see spill.ts).
 */
export function* eventsCsvText(dates: readonly string[], lineOf: (index: number) => string): Generator<string> {
  if (dates.length === 0) {
    yield csv(EVENT_COLUMNS, []);
    return;
  }
  // What csvDocument writes for these rows (each has the header's 13 cells), from the kept lines.
  let chunk = EVENTS_HEAD;
  let first = true;
  for (const index of eventOrder(dates)) {
    chunk += `${first ? "" : "\r\n"}${lineOf(index)}`;
    first = false;
    if (chunk.length > 1 << 16) {
      yield chunk;
      chunk = "";
    }
  }
  yield `${chunk}\r\n`;
}

/**
 * The same bytes, from each row's line as UTF-8 bytes: the export's lines are copied out of its
 * spill as they are, never decoded to text and encoded again (some 100,000 lines at 10,000
 * articles). The pieces share one block: each is valid only until the next one is asked for.
 */
export function* eventsCsvBytes(dates: readonly string[], lineOf: (index: number) => Uint8Array): Generator<Uint8Array> {
  if (dates.length === 0) yield Buffer.from(csv(EVENT_COLUMNS, []), "utf8");
  else yield* linesCsvBytes(EVENTS_HEAD, eventOrder(dates), lineOf);
}

/** What organizationsCsv writes, from the `count` rows' lines as UTF-8 bytes (as eventsCsvBytes). */
export function* organizationsCsvBytes(count: number, lineOf: (index: number) => Uint8Array): Generator<Uint8Array> {
  if (count === 0) yield Buffer.from(csv(ORGANIZATIONS_HEADER, []), "utf8");
  else yield* linesCsvBytes(ORGANIZATIONS_HEAD, Array.from({ length: count }, (_, i) => i), lineOf);
}

/** `head`, then the lines in `order`, each ended by CRLF, in blocks of 64 kB (one block, reused). */
function* linesCsvBytes(head: string, order: readonly number[], lineOf: (index: number) => Uint8Array): Generator<Uint8Array> {
  const block = Buffer.allocUnsafe(1 << 16);
  let used = block.write(head, 0, "utf8");
  let first = true;
  for (const index of order) {
    const line = lineOf(index);
    const separator = first ? 0 : 2;
    first = false;
    if (used + separator + line.length > block.length) {
      yield block.subarray(0, used);
      used = 0;
    }
    if (separator) used += block.write("\r\n", used, "latin1");
    if (line.length > block.length - used) {
      // A line longer than the block goes on its own.
      yield block.subarray(0, used);
      used = 0;
      yield line;
      continue;
    }
    block.set(line, used);
    used += line.length;
  }
  if (used + 2 > block.length) {
    yield block.subarray(0, used);
    used = 0;
  }
  used += block.write("\r\n", used, "latin1");
  yield block.subarray(0, used);
}

/** The BOM and the header line of corpus.events.csv. */
const EVENTS_HEAD = `${BOM}${quotedRow(EVENT_COLUMNS.map(guardFormula))}\r\n`;

/** The rows in date order; one date keeps the articles' order. */
function eventOrder(dates: readonly string[]): number[] {
  return dates.map((_, i) => i).sort((a, b) => compareCodePoints(dates[a]!, dates[b]!) || a - b);
}

function csv(header: readonly string[], rows: readonly string[][]): string {
  const data = rows.map((row) => row.map(guardFormula));
  return csvDocument(header.map(guardFormula), data);
}
