// The mapping table, schemas/infobox-mapping.json: the one place where an infobox parameter gets its
// value kind (how the importer reads it), the organization's key in the YAML, the property and node
// shape in the graph, and the column of corpus.organizations.csv. The importer, the graph, the corpus
// table, the rules check and the documentation all read it from here; each takes the table as an
// argument (default: the project's), so a test can pass a table of its own.
//
// - `keys`: the organization's keys, in the order the graph states them: each with its value (the
//   model's shape and the graph's node: text, date, ref, count…), its property (CURIEs, schema: or
//   oa:), the words the CSV shows for it, what a reference refers to, a count's unit.
// - `rows`: template parameters any infobox may use → a value kind and a key; `dbpedia` lists the
//   DBpedia ontology properties the row stands for (a template parameter DBpedia maps to one of them
//   takes the row), `reason` says why the row differs from DBpedia where it does.
// - `templates`: the infobox templates the table knows (schemas/infobox-templates.json holds what
//   DBpedia maps of each), with rows of their own for parameters that mean something else there.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";
import { OA, SCHEMA } from "./vocabularies.ts";
import { ENTITY_LISTS, type EntityList } from "./types.ts";

export const MAPPING_TABLE_FILE = "schemas/infobox-mapping.json";

/** How a key's value is held in the model and stated in the graph. */
export type ValueShape =
  | "text" // a text in the article's language
  | "plain" // a text without a language (an identifier)
  | "texts" // texts in the article's language
  | "date" // a date at its precision: xsd:gYear, gYearMonth or date
  | "integer"
  | "ref" // an entity of the article (or of another, or of the corpus)
  | "refs"
  | "url" // an IRI
  | "languages" // BCP 47 codes: the corpus's language node where the gazetteer knows it
  | "count" // a schema:QuantitativeValue node of its own
  | "counts" // counts, each a node of its own with its id
  | "money" // a schema:MonetaryAmount node of its own
  | "parts"; // an object whose parts are keys of their own

export const VALUE_SHAPES: readonly ValueShape[] = ["text", "plain", "texts", "date", "integer", "ref", "refs", "url", "languages", "count", "counts", "money", "parts"];


export interface KeySpec {
  key: string;
  value: ValueShape;
  /** Its property, or its properties (each stated with every value), as CURIEs: schema:… or oa:…. */
  property?: string | string[];
  /** The words the CSV shows for each property, in the same order. */
  label?: string | string[];
  /** What a ref or refs value refers to. */
  refersTo?: EntityList[];
  /** A count's unit where the article's words give none. */
  unit?: string;
  /** A parts value's parts. */
  parts?: KeySpec[];
}

/** The importer's value kinds: how it reads an infobox value (scripts/import/draft.ts). */
export type ValueKind =
  | "date" | "place" | "country" | "city" | "places" | "count" | "money" | "year" | "url" | "text" | "texts" | "topics"
  | "names" | "people" | "leader" | "role" | "organizations" | "organization" | "type" | "languages" | "logo"
  | "identifier" | "event" | "eventDate" | "display" | "unmapped";

/** Which keys each kind can fill: the value shapes its reading gives. */
export const KIND_SHAPES: Readonly<Record<ValueKind, readonly ValueShape[]>> = {
  date: ["date"],
  eventDate: ["date"],
  place: ["ref"],
  city: ["ref"],
  country: ["ref"],
  places: ["refs"],
  count: ["count", "counts"],
  money: ["money"],
  year: ["date"],
  url: ["url"],
  logo: ["url"],
  text: ["text", "plain"],
  type: ["text"],
  texts: ["texts"],
  names: ["texts"],
  identifier: ["texts"],
  topics: ["refs"],
  people: ["refs"],
  leader: ["refs"],
  role: ["refs"],
  organizations: ["refs"],
  organization: ["ref"],
  languages: ["languages"],
  event: ["ref"],
  display: [],
  unmapped: [],
};

export interface MappingRow {
  /** Template parameters (snake_case, as the template names them). */
  parameters: string[];
  kind: ValueKind;
  /** The organization's key ("" for display settings). */
  key: string;
  /** DBpedia ontology properties the row stands for (dbo:…, foaf:…). */
  dbpedia?: string[];
  /** Why the row maps the parameter otherwise than DBpedia. */
  reason?: string;
  /** A count's unit, where the parameter's name says it (area_km2), over the key's. */
  unit?: string;
  /** The label is each person's role ("President: X"). */
  roleFromLabel?: boolean;
  roleFrom?: string;
  roleOf?: string;
}

export interface TemplateSpec {
  /** The template's name, as an article's infobox title may give it: "Infobox company". */
  name: string;
  /** Other names of the same template (Wikipedia's redirects). */
  aliases?: string[];
  /** The template whose DBpedia mapping gives this one's parameters (schemas/infobox-templates.json). */
  dbpedia?: string;
  /** The template's parameters DBpedia's mapping leaves out, from its documentation (for choosing it by the labels). */
  parameters?: string[];
  /** The organization's kind (a row of schemas/organization-types.json) an infobox of this template says. */
  kind?: string;
  /** Why the kind is not DBpedia's class, where it is not. */
  reason?: string;
  /** Parameters that mean something else in this template, or exist only in it. */
  rows?: MappingRow[];
}

export interface MappingTable {
  keys: KeySpec[];
  rows: MappingRow[];
  templates?: TemplateSpec[];
}

export class MappingTableError extends Error {}

export function readMappingTable(file: string): MappingTable {
  const table = JSON.parse(readFileSync(file, "utf8")) as MappingTable;
  const problems = mappingTableProblems(table);
  if (problems.length > 0) throw new MappingTableError(`${file}: ${problems.join("; ")}`);
  return table;
}

/** A CURIE of the table as an IRI: schema: and oa: only. */
export function expandCurie(curie: string): string {
  if (curie.startsWith("schema:")) return SCHEMA + curie.slice(7);
  if (curie.startsWith("oa:")) return OA + curie.slice(3);
  throw new MappingTableError(`${curie}: a property of the table is schema:… or oa:…`);
}

export const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** Every key of the table, parts included, with the path of keys to it. */
export function allKeys(table: MappingTable): KeySpec[] {
  const out: KeySpec[] = [];
  const walk = (specs: readonly KeySpec[]) => {
    for (const spec of specs) {
      out.push(spec);
      if (spec.parts) walk(spec.parts);
    }
  };
  walk(table.keys);
  return out;
}

/** The rows of every template, after the general rows: what fills the organization's keys. */
export function allRows(table: MappingTable): MappingRow[] {
  return [...table.rows, ...(table.templates ?? []).flatMap((t) => t.rows ?? [])];
}

/** What is wrong with a table, in words (empty when nothing is). */
export function mappingTableProblems(table: MappingTable): string[] {
  const problems: string[] = [];
  if (!table || !Array.isArray(table.keys) || !Array.isArray(table.rows)) return ["a table has keys and rows"];
  const keys = new Map<string, KeySpec>();
  const checkKey = (spec: KeySpec, top: boolean) => {
    if (!spec.key || !/^[a-z][A-Za-z0-9]*$/.test(spec.key)) problems.push(`key "${spec.key}": a key is a camelCase name`);
    if (!VALUE_SHAPES.includes(spec.value)) problems.push(`key ${spec.key}: unknown value "${spec.value}" (one of ${VALUE_SHAPES.join(", ")})`);
    if (top) {
      if (keys.has(spec.key)) problems.push(`key ${spec.key} twice`);
      keys.set(spec.key, spec);
    }
    if (spec.value === "parts") {
      if (!spec.parts || spec.parts.length === 0) problems.push(`key ${spec.key}: a parts value lists its parts`);
      for (const part of spec.parts ?? []) checkKey(part, false);
      return;
    }
    const properties = asList(spec.property);
    const labels = asList(spec.label);
    if (properties.length === 0) problems.push(`key ${spec.key}: no property`);
    if (labels.length !== properties.length) problems.push(`key ${spec.key}: one label per property`);
    for (const p of properties) if (!/^(schema|oa):[A-Za-z][A-Za-z0-9]*$/.test(p)) problems.push(`key ${spec.key}: property ${p} is not schema:… or oa:…`);
    const refers = spec.value === "ref" || spec.value === "refs";
    if (refers && (!spec.refersTo || spec.refersTo.length === 0)) problems.push(`key ${spec.key}: a reference says what it refers to (refersTo)`);
    for (const list of spec.refersTo ?? []) if (!(ENTITY_LISTS as readonly string[]).includes(list)) problems.push(`key ${spec.key}: refersTo ${list} is not one of ${ENTITY_LISTS.join(", ")}`);
  };
  for (const spec of table.keys) checkKey(spec, true);
  const checkRow = (row: MappingRow, where: string) => {
    const shapes = KIND_SHAPES[row.kind];
    if (shapes === undefined) return void problems.push(`${where}: unknown kind "${row.kind}"`);
    // A display setting, or a parameter a template says is none of the table's facts: no key.
    if (row.kind === "display" || row.kind === "unmapped") return;
    const spec = keys.get(row.key);
    if (!spec) return void problems.push(`${where}: key "${row.key}" is not in keys`);
    if (!shapes.includes(spec.value)) problems.push(`${where}: a ${row.kind} cannot fill ${row.key} (a ${spec.value})`);
    for (const p of row.parameters) if (p !== p.toLowerCase() || p.trim() !== p || p === "") problems.push(`${where}: parameter "${p}" is not a template parameter's name (lower case)`);
  };
  const seen = new Set<string>();
  for (const row of table.rows) {
    checkRow(row, `row ${row.parameters.join(", ")}`);
    for (const p of row.parameters) {
      if (seen.has(p)) problems.push(`parameter ${p} in two rows`);
      seen.add(p);
    }
  }
  const names = new Set<string>();
  for (const template of table.templates ?? []) {
    for (const name of [template.name, ...(template.aliases ?? [])]) {
      const folded = foldTemplateName(name);
      if (names.has(folded)) problems.push(`template name ${name} twice`);
      names.add(folded);
    }
    const own = new Set<string>();
    for (const row of template.rows ?? []) {
      checkRow(row, `${template.name}: row ${row.parameters.join(", ")}`);
      for (const p of row.parameters) {
        if (own.has(p)) problems.push(`${template.name}: parameter ${p} in two rows`);
        own.add(p);
      }
    }
  }
  return problems;
}

/**
 * A template's name as compared: "Infobox  Company" = "infobox company", and "Infobox_company",
 * "Template:Infobox company", "{{Infobox company |" too (a title that shows the template's call).
 */
export function foldTemplateName(name: string): string {
  return name
    .replace(/^\s*\{\{\s*/, "")
    .replace(/\s*(\||\}\}).*$/s, "")
    .replace(/^template\s*:\s*/i, "")
    .replace(/[_\s]+/g, " ")
    .trim()
    .toLowerCase();
}

/** The project's table, read once (after the functions it is checked with are defined). */
export const MAPPING_TABLE: MappingTable = readMappingTable(projectPath(MAPPING_TABLE_FILE));
