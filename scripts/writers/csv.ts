// Writer: graph → CSV, for spreadsheets. One row per fact (per statement of the graph), with the
// entity, the property in plain words, the value and what kind of value it is, its language and
// the article section it comes from, then the IRIs for machines.
//
// UTF-8 with a byte-order mark (Excel needs it to read UTF-8), CRLF rows, RFC 4180 quoting.
// Formula guard: a cell that a spreadsheet would run as a formula gets a leading apostrophe.

import type { Graph } from "../graph/build.ts";
import { RDF_LANG_STRING, RDF_TYPE, SCHEMA_DATE, XSD, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING } from "../graph/namespaces.ts";
import { propertyLabel } from "../graph/vocabulary.ts";
import { BOM, quoteCell, quotedRow } from "./csv-text.ts";
import { boundedMemo } from "../lib/bounded-memo.ts";

export { BOM };

import { CSV_COLUMNS } from "./csv-columns.ts";

export { CSV_COLUMNS };

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

const HEADER = quotedRow(CSV_COLUMNS);

/** A cell as written: formula-guarded, quoted. */
const cell = (value: string): string => quoteCell(guardFormula(value));

/** A cell's text between its quotes: formula-guarded, its quotes doubled. */
function cellText(value: string): string {
  const guarded = guardFormula(value);
  return guarded.indexOf('"') < 0 ? guarded : guarded.replace(/"/g, '""');
}

/** Parts as one flat string (joined), for cells kept and copied into many rows. */
const flat = (...parts: string[]): string => parts.join("");

/** Cells of the few distinct values of some columns (value types, languages, datatypes), kept. */
const vocabularyCell = boundedMemo((value: string): string => cell(value));

/**
 * The property's two cells (its plain words; its IRI and the comma after it), by predicate IRI; and
 * its words' cell with the comma and opening quote of a literal's value cell after it (one piece
 * fewer per literal row: joining costs per piece more than per character).
 */
const propertyOf = boundedMemo((predicate: string): { label: string; open: string; iri: string } => {
  const label = cell(propertyLabel(predicate));
  return { label: flat(label, ""), open: flat(label, ',"'), iri: flat(cell(predicate), ",") };
});

/**
 * The rows of `csvRows`, written as papaparse wrote them (csv-text.ts): each statement's row is
 * a few pieces; the cells of an entity, a property, a referenced node or type, and the few value
 * types, languages and datatypes are made once and reused, each one flat string with its commas.
 * The pieces are joined once: the text is one flat string, made without a string per row.
 */
export function writeCsv(graph: Graph): string {
  const pieces: string[] = [BOM, HEADER];
  let subject: string | undefined;
  /** The line break, the entity's three cells and a comma; its IRI's cell's text. */
  let entityCells = "";
  let entityIri = "";
  /** The section of the last statement, and its cell with the entity's IRI cell after it. */
  let sectionOf: string | undefined;
  let sectionIri = "";
  /** The last literal's datatype and language (not a date's), and their cells: most literals in a row share them. */
  let lastDatatype: string | undefined;
  let lastLanguage = "";
  let lastLiteral: LiteralCells = { close: "", iris: "" };
  /** A section's cell after a comma. */
  const sections = new Map<string, string>();
  /** The cells of a reference to a node, by its IRI (names come from this graph's nodes). */
  const references = new Map<string, ObjectCells>();
  for (const s of graph.statements) {
    if (s.subject !== subject) {
      subject = s.subject;
      const entity = graph.nodes.get(subject)!;
      // The cells' texts between the quotes and commas, not each quoted and then joined.
      entityCells = flat('\r\n"', cellText(entity.id), '","', cellText(entity.name), '","', cellText(entity.type), '",');
      entityIri = cellText(subject);
      sectionOf = undefined;
    }
    if (s.section !== sectionOf) {
      sectionOf = s.section;
      let section = sections.get(s.section);
      if (section === undefined) sections.set(s.section, (section = flat(',"', cellText(s.section), '"')));
      sectionIri = flat(section, ',"', entityIri, '",');
    }
    const property = propertyOf(s.predicate);
    const o = s.object;
    if (o.termType === "NamedNode") {
      const isType = s.predicate === RDF_TYPE;
      const known = isType ? typeCells : references;
      let found = known.get(o.value);
      if (!found) {
        const target = graph.nodes.get(o.value);
        const value = isType ? o.value.replace(/^.*[/#]/, "") : target ? target.name : o.value;
        const valueType = isType ? "type" : target ? `reference to ${target.type}` : "URL";
        found = { value: flat(',"', cellText(value), '",', vocabularyCell(valueType), ',""'), iris: flat('"', cellText(o.value), '",""') };
        if (known.size < 10_000) known.set(o.value, found);
      }
      pieces.push(entityCells, property.label, found.value, sectionIri, property.iri, found.iris);
    } else {
      let literal = lastLiteral;
      if (o.datatype !== lastDatatype || o.language !== lastLanguage) {
        literal = literalCellsOf(o.datatype, o.language, o.value.length);
        // A date's cells depend on its length too: not kept.
        if (!DATE_TYPES.has(o.datatype)) {
          lastDatatype = o.datatype;
          lastLanguage = o.language;
          lastLiteral = literal;
        }
      }
      const value = guardFormula(o.value);
      // The value's cell is its text between the property's piece (ending in the opening quote)
      // and the literal's (starting with the closing quote); a quote in it is doubled.
      pieces.push(entityCells, property.open, value.indexOf('"') < 0 ? value : value.replace(/"/g, '""'), literal.close, sectionIri, property.iri, literal.iris);
    }
  }
  // papaparse wrote a graph without statements as the header and an empty line.
  if (pieces.length === 2) pieces.push("\r\n");
  // The line break after the last row; quotes around every cell: unambiguous for every reader.
  pieces.push("\r\n");
  return pieces.join("");
}

/** A literal's cells but its value: the value's closing quote, value_type and language (after a comma), then value_iri and datatype_iri. */
interface LiteralCells {
  close: string;
  iris: string;
}

/** By datatype, then language; a date's by its length too (its precision names its value type). */
const literalCells = new Map<string, Map<string, LiteralCells | LiteralCells[]>>();

function literalCellsOf(datatype: string, language: string, length: number): LiteralCells {
  let byLanguage = literalCells.get(datatype);
  if (byLanguage === undefined) {
    byLanguage = new Map();
    if (literalCells.size < 10_000) literalCells.set(datatype, byLanguage);
  }
  let found = byLanguage.get(language);
  const isDate = DATE_TYPES.has(datatype);
  if (found === undefined) {
    found = isDate ? [] : makeLiteralCells(datatype, language, 0);
    if (byLanguage.size < 10_000) byLanguage.set(language, found);
  }
  if (!Array.isArray(found)) return found;
  // 4, 7 or any other length: "date (year)", "date (month)", "date (day)".
  const slot = length === 4 ? 0 : length === 7 ? 1 : 2;
  return (found[slot] ??= makeLiteralCells(datatype, language, slot === 0 ? 4 : slot === 1 ? 7 : 10));
}

function makeLiteralCells(datatype: string, language: string, length: number): LiteralCells {
  return { close: flat('",', vocabularyCell(datatypeLabel(datatype, "x".repeat(length))), ",", vocabularyCell(language)), iris: flat('"",', vocabularyCell(datatype)) };
}

const DATE_TYPES: ReadonlySet<string> = new Set([SCHEMA_DATE, `${XSD}gYear`, `${XSD}gYearMonth`, `${XSD}date`]);

/** A reference's cells: value, value_type and language (after a comma), then value_iri and datatype_iri. */
interface ObjectCells {
  value: string;
  iris: string;
}

/** The cells of a type (rdf:type's object), by its IRI: they depend on nothing else. */
const typeCells = new Map<string, ObjectCells>();

export function datatypeLabel(datatype: string, value: string): string {
  switch (datatype) {
    case RDF_LANG_STRING:
    case XSD_STRING:
      return "text";
    case XSD_INTEGER:
      return "integer";
    case XSD_BOOLEAN:
      return "boolean";
    case SCHEMA_DATE:
    case `${XSD}gYear`:
    case `${XSD}gYearMonth`:
    case `${XSD}date`:
      return value.length === 4 ? "date (year)" : value.length === 7 ? "date (month)" : "date (day)";
    default:
      return datatype.replace(/^.*[/#]/, "");
  }
}

/**
 * Spreadsheets run a cell as a formula when it starts with = + - @ (or a tab or carriage return
 * before them). Checked on every line of the cell, since some importers split cells on newlines
 * (papaparse's own escapeFormulae looks only at the first character). Such a cell gets a leading
 * apostrophe, which spreadsheets show as text and readers strip (see `unguardFormula`).
 */
export function guardFormula(cell: string): string {
  // Most cells start with a letter, a digit or a character that is neither white space nor a formula
  // start, and hold no line break: the expression could only match at their start, and cannot.
  if (cell === "" || (startsAsText(cell.charCodeAt(0)) && cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0)) return cell;
  return FORMULA.test(cell) || cell.startsWith("'") ? `'${cell}` : cell;
}

// Also after other white space, and the full-width forms, which some spreadsheets take for = + - @.
// The white space stops at line breaks, so a text of many empty lines is scanned once, not once per line.
const FORMULA = /(^|[\r\n])[^\S\r\n]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Whether a cell starting with this UTF-16 unit is text for `FORMULA` at its start: not JavaScript
 * white space (`\s`), not a formula start, not an apostrophe. (NaN, an empty cell, is not.)
 */
function startsAsText(c: number): boolean {
  if (c < 0x80) return c > 0x20 && c < 0x7f && c !== 0x3d && c !== 0x2b && c !== 0x2d && c !== 0x40 && c !== 0x27;
  if (c >= 0xff0b) return c !== 0xff1d && c !== 0xff0b && c !== 0xff0d && c !== 0xff20 && c !== 0xfeff;
  if (c >= 0x2000) return c > 0x200a && c !== 0x2028 && c !== 0x2029 && c !== 0x202f && c !== 0x205f && c !== 0x3000 && c !== 0xfeff;
  return c !== 0xa0 && c !== 0x1680;
}

/** The inverse of `guardFormula`, for readers of the CSV. */
export function unguardFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
