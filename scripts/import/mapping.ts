// The importer's view of the mapping table (model/infobox-mapping.ts, schemas/infobox-mapping.json):
// the rule from a label to a parameter, the template an infobox is, and a parameter's row in it.
//
// A parameter's row, in a template: the template's own row; else the table's general row of that
// name; else, where DBpedia maps the template's parameter (schemas/infobox-templates.json) to an
// ontology property a general row stands for (its `dbpedia`), that row. A parameter not found so
// is tried without its trailing number ("Leader Name2" → leader_name).

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";
import { asList, foldTemplateName, MAPPING_TABLE, type KeySpec, type MappingRow, type MappingTable, type TemplateSpec } from "../model/infobox-mapping.ts";

export type { MappingRow, MappingTable, TemplateSpec, ValueKind } from "../model/infobox-mapping.ts";

/** The project's table (its rows are what `make docs` lists). */
export const MAPPING: MappingTable = MAPPING_TABLE;

/** What DBpedia maps of the table's templates (derived by scripts/import/derive-templates.ts). */
export const DBPEDIA_TEMPLATES_FILE = "schemas/infobox-templates.json";

export interface DbpediaTemplates {
  $comment: string;
  source: { repository: string; commit: string; files: string[]; license: string; licenseUrl: string };
  /** Template (as the table's `dbpedia` names it) → its mapping page, DBpedia's class, parameter → ontology properties. */
  templates: Record<string, { page: string; class?: string; parameters: Record<string, string[]> }>;
  classes: Record<string, { label?: string; subClassOf: string[]; equivalentClass: string[] }>;
  properties: Record<string, { label?: string; equivalentProperty: string[] }>;
}

export const DBPEDIA_TEMPLATES: DbpediaTemplates = JSON.parse(readFileSync(projectPath(DBPEDIA_TEMPLATES_FILE), "utf8"));

export interface OrganizationTypeRow {
  words: string[];
  type: string;
  additionalType?: string;
  kind: string;
}

export const ORGANIZATION_TYPES: { rows: OrganizationTypeRow[]; companyParameters: string[] } = JSON.parse(readFileSync(projectPath("schemas/organization-types.json"), "utf8"));

/** A template as the importer reads it: its rows by parameter, every parameter it has. */
export interface ImportTemplate {
  spec: TemplateSpec;
  /** Its own rows and the rows DBpedia's mapping gives its parameters that no general row names. */
  rows: ReadonlyMap<string, MappingRow>;
  /** Every parameter the template has (its rows', DBpedia's, its documented ones): what choosing it by labels counts. */
  parameters: ReadonlySet<string>;
}

/** A table as the importer reads it: each parameter's general row, each key's spec, each template. */
export interface ImportMapping {
  table: MappingTable;
  keys: ReadonlyMap<string, KeySpec>;
  rows: ReadonlyMap<string, MappingRow>;
  templates: readonly ImportTemplate[];
  /** Template name or alias (folded: foldTemplateName) → template. */
  byName: ReadonlyMap<string, ImportTemplate>;
}

const compiled = new WeakMap<MappingTable, WeakMap<DbpediaTemplates, ImportMapping>>();

/** The importer's view of a table, made once per table (and DBpedia data). */
export function importMapping(table: MappingTable = MAPPING_TABLE, dbpedia: DbpediaTemplates = DBPEDIA_TEMPLATES): ImportMapping {
  let perTable = compiled.get(table);
  if (perTable === undefined) compiled.set(table, (perTable = new WeakMap()));
  let found = perTable.get(dbpedia);
  if (found === undefined) perTable.set(dbpedia, (found = compile(table, dbpedia)));
  return found;
}

function compile(table: MappingTable, dbpedia: DbpediaTemplates): ImportMapping {
  const rows = new Map<string, MappingRow>();
  for (const row of table.rows) for (const p of row.parameters) if (!rows.has(p)) rows.set(p, row);
  // Each ontology property → the first general row standing for it.
  const byProperty = new Map<string, MappingRow>();
  for (const row of table.rows) for (const property of row.dbpedia ?? []) if (!byProperty.has(property)) byProperty.set(property, row);
  const generalRow = (parameter: string) => rows.get(parameter) ?? rows.get(withoutNumber(parameter)?.base ?? "");
  const templates: ImportTemplate[] = [];
  const byName = new Map<string, ImportTemplate>();
  for (const spec of table.templates ?? []) {
    const own = new Map<string, MappingRow>();
    for (const row of spec.rows ?? []) for (const p of row.parameters) own.set(p, row);
    const parameters = new Set<string>([...own.keys(), ...(spec.parameters ?? [])]);
    const fromDbpedia = spec.dbpedia !== undefined ? dbpedia.templates[spec.dbpedia] : undefined;
    if (spec.dbpedia !== undefined && fromDbpedia === undefined) throw new Error(`${DBPEDIA_TEMPLATES_FILE} has no template "${spec.dbpedia}": run make dbpedia`);
    for (const [parameter, properties] of Object.entries(fromDbpedia?.parameters ?? {})) {
      parameters.add(parameter);
      if (own.has(parameter) || generalRow(parameter)) continue;
      const row = properties.map((p) => byProperty.get(p)).find((r) => r !== undefined);
      if (row) own.set(parameter, { ...row, parameters: [parameter], dbpedia: properties });
    }
    const template: ImportTemplate = { spec, rows: own, parameters };
    templates.push(template);
    for (const name of [spec.name, ...(spec.aliases ?? [])]) byName.set(foldTemplateName(name), template);
  }
  return { table, keys: new Map(table.keys.map((k) => [k.key, k])), rows, templates, byName };
}

/** The property a row's facts are stated with, as a CURIE (of several, the key's own: the last). */
export function rowProperty(mapping: ImportMapping, row: MappingRow): string {
  // A role is not the organization's: it is the person's job title (graph/build.ts, person).
  if (row.kind === "role") return "schema:jobTitle";
  return asList(mapping.keys.get(row.key)?.property).at(-1) ?? "";
}

/** The rule: Title Case label → snake_case parameter. "Founded Date" → founded_date, "Leader Title2" → leader_title2. */
export function parameterOf(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, "_");
}

/** The reverse: founded_date → "Founded Date". */
export function labelOf(parameter: string): string {
  return parameter.split("_").map((w) => (w === "" ? w : w[0]!.toUpperCase() + w.slice(1))).join(" ");
}

/** A numbered parameter's name without its number: leader_title2 → leader_title, 2. */
function withoutNumber(parameter: string): { base: string; number: string } | undefined {
  const numbered = /^(.*?)_?([0-9]+)$/.exec(parameter);
  return numbered && numbered[1] ? { base: numbered[1], number: numbered[2]! } : undefined;
}

export interface Mapped {
  parameter: string;
  /** The parameter without its number ("leader_title" for leader_title2). */
  base: string;
  /** The number of a numbered parameter ("2"), "" when it has none. */
  number: string;
  row: MappingRow | undefined;
}

/** A label's parameter and its row: in the template (if any), then the general rows; the parameter itself, else without a trailing number. */
export function mapLabel(label: string, mapping: ImportMapping = importMapping(), template?: ImportTemplate): Mapped {
  const parameter = parameterOf(label);
  const exact = template?.rows.get(parameter) ?? mapping.rows.get(parameter);
  if (exact) return { parameter, base: parameter, number: "", row: exact };
  const numbered = withoutNumber(parameter);
  const row = numbered && (template?.rows.get(numbered.base) ?? mapping.rows.get(numbered.base));
  if (numbered && row) return { parameter, base: numbered.base, number: numbered.number, row };
  return { parameter, base: parameter, number: "", row: undefined };
}

export interface ChosenTemplate {
  template: ImportTemplate;
  /** How: the infobox's title names it, or its parameters cover the most labels. */
  by: "title" | "labels";
  /** For "labels": how many of the labels are its parameters. */
  covered?: number;
}

/**
 * The template an infobox is: the one its title names ("Infobox company", a redirect's name); else,
 * where the title is only "Infobox" or a name, the one whose parameters cover the most labels (at
 * least two; of templates covering as many, the table's first, the most general).
 */
export function chooseTemplate(mapping: ImportMapping, title: string, labels: readonly string[]): ChosenTemplate | undefined {
  const named = mapping.byName.get(foldTemplateName(title));
  if (named) return { template: named, by: "title" };
  const parameters = [...new Set(labels.map(parameterOf))];
  let best: ImportTemplate | undefined;
  let bestCovered = 0;
  for (const template of mapping.templates) {
    let covered = 0;
    for (const p of parameters) if (template.parameters.has(p) || template.parameters.has(withoutNumber(p)?.base ?? "")) covered++;
    if (covered > bestCovered) {
      best = template;
      bestCovered = covered;
    }
  }
  return best && bestCovered >= 2 ? { template: best, by: "labels", covered: bestCovered } : undefined;
}
