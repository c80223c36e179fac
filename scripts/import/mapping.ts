// The mapping table (schemas/infobox-mapping.json) and the rule from a label to a parameter.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type ValueKind =
  | "date" | "place" | "country" | "city" | "places" | "count" | "money" | "year" | "url" | "text" | "texts" | "topics"
  | "names" | "people" | "leader" | "role" | "organizations" | "organization" | "type" | "languages" | "logo"
  | "identifier" | "event" | "eventDate" | "display";

export interface MappingRow {
  parameters: string[];
  kind: ValueKind;
  /** The organization's key in the YAML ("" for display settings). */
  key: string;
  /** The property in the graph, as a CURIE (schema: or oa:). */
  property: string;
  dbpedia: string;
  unit?: string;
  roleFrom?: string;
  roleOf?: string;
  /** The label is each person's role ("President: X"). */
  roleFromLabel?: boolean;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const MAPPING: { rows: MappingRow[] } = JSON.parse(readFileSync(here("../../schemas/infobox-mapping.json"), "utf8"));

export interface OrganizationTypeRow {
  words: string[];
  type: string;
  additionalType: string;
  kind: string;
}

export const ORGANIZATION_TYPES: { rows: OrganizationTypeRow[]; companyParameters: string[] } = JSON.parse(readFileSync(here("../../schemas/organization-types.json"), "utf8"));

const byParameter = new Map<string, MappingRow>();
for (const row of MAPPING.rows) for (const p of row.parameters) if (!byParameter.has(p)) byParameter.set(p, row);

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
export function mapLabel(label: string): Mapped {
  const parameter = parameterOf(label);
  const exact = byParameter.get(parameter);
  if (exact) return { parameter, base: parameter, number: "", row: exact };
  const numbered = /^(.*?)_?([0-9]+)$/.exec(parameter);
  if (numbered && byParameter.has(numbered[1]!)) return { parameter, base: numbered[1]!, number: numbered[2]!, row: byParameter.get(numbered[1]!) };
  return { parameter, base: parameter, number: "", row: undefined };
}
