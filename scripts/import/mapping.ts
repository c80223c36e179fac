// The importer's view of the mapping table (model/infobox-mapping.ts, schemas/infobox-mapping.json):
// the rule from a label to a parameter, and from a parameter to its row.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";
import { asList, MAPPING_TABLE, type KeySpec, type MappingRow, type MappingTable } from "../model/infobox-mapping.ts";

export type { MappingRow, MappingTable, ValueKind } from "../model/infobox-mapping.ts";

/** The project's table (its rows are what `make docs` lists). */
export const MAPPING: MappingTable = MAPPING_TABLE;

export interface OrganizationTypeRow {
  words: string[];
  type: string;
  additionalType: string;
  kind: string;
}

export const ORGANIZATION_TYPES: { rows: OrganizationTypeRow[]; companyParameters: string[] } = JSON.parse(readFileSync(projectPath("schemas/organization-types.json"), "utf8"));

/** A table as the importer reads it: each parameter's row, each key's spec. */
export interface ImportMapping {
  table: MappingTable;
  keys: ReadonlyMap<string, KeySpec>;
  rows: ReadonlyMap<string, MappingRow>;
}

const compiled = new WeakMap<MappingTable, ImportMapping>();

/** The importer's view of a table, made once per table. */
export function importMapping(table: MappingTable = MAPPING_TABLE): ImportMapping {
  let found = compiled.get(table);
  if (found === undefined) {
    const rows = new Map<string, MappingRow>();
    for (const row of table.rows) for (const p of row.parameters) if (!rows.has(p)) rows.set(p, row);
    found = { table, keys: new Map(table.keys.map((k) => [k.key, k])), rows };
    compiled.set(table, found);
  }
  return found;
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

export interface Mapped {
  parameter: string;
  /** The parameter without its number ("leader_title" for leader_title2). */
  base: string;
  /** The number of a numbered parameter ("2"), "" when it has none. */
  number: string;
  row: MappingRow | undefined;
}

/** A label's parameter and its row of the table: the parameter itself, else without a trailing number. */
export function mapLabel(label: string, mapping: ImportMapping = importMapping()): Mapped {
  const parameter = parameterOf(label);
  const exact = mapping.rows.get(parameter);
  if (exact) return { parameter, base: parameter, number: "", row: exact };
  const numbered = /^(.*?)_?([0-9]+)$/.exec(parameter);
  if (numbered && mapping.rows.has(numbered[1]!)) return { parameter, base: numbered[1]!, number: numbered[2]!, row: mapping.rows.get(numbered[1]!) };
  return { parameter, base: parameter, number: "", row: undefined };
}
