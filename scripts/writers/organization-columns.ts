// The typed columns of corpus.organizations.csv, from the mapping table (schemas/infobox-mapping.json,
// model/infobox-mapping.ts): one per key a row of the table fills, at the first row that fills it (the
// general rows, then the templates' own), typed by the key's value: ISO dates, numbers, IRIs, texts.
// The same for every article whatever its infobox's labels; rows of articles written by hand fill
// the same columns from the same keys.

import type { Count, Money, Organization } from "../model/types.ts";
import { allRows, asList, MAPPING_TABLE, type KeySpec, type MappingRow, type MappingTable } from "../model/infobox-mapping.ts";
import type { ArticleIris } from "../graph/shared.ts";

export interface OrganizationColumn {
  name: string;
  description: string;
  /** Its Table Schema type. */
  type: "string" | "number";
  format?: "uri";
  pattern?: string;
  /** The cell; `iri` names an entity the organization refers to as the graph does (a shared place's corpus node). */
  value: (o: Organization, iri: (id: string) => string) => string;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";
const LIST = "; ";

function field(o: Organization, key: string): unknown {
  return (o as unknown as Record<string, unknown>)[key];
}

function iris(iri: (id: string) => string, value: unknown): string {
  if (value === undefined) return "";
  const ids = Array.isArray(value) ? (value as string[]) : [value as string];
  return ids.map(iri).join(" ");
}

function number(value: number | undefined): string {
  if (value === undefined) return "";
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

/** A count's value, or the first of a list of counts (the infobox's, which comes first). */
function countOf(o: Organization, key: string): Count | undefined {
  const value = field(o, key) as Count | Count[] | undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** A key's columns; `row` is the row that places them, named in the description. */
function columnsOf(spec: KeySpec, row: MappingRow): OrganizationColumn[] {
  const { key } = spec;
  const name = snake(key);
  // Of several properties (each value is stated with each), the last is the key's own.
  const property = asList(spec.property).at(-1);
  const about = `(${property}; infobox ${row.parameters.slice(0, 3).join(", ")}${row.parameters.length > 3 ? ", …" : ""})`;
  switch (spec.value) {
    case "date":
      return [{ name, description: `An ISO 8601 date at the article's precision ${about}.`, type: "string", pattern: DATE_PATTERN, value: (o) => (field(o, key) as string | undefined) ?? "" }];
    case "ref":
    case "refs": {
      const single = spec.value === "ref";
      const what = spec.refersTo?.length === 1 && spec.refersTo[0] === "topics" ? "topics" : "entities";
      return [{ name, description: `${single ? "The IRI" : "The IRIs, separated by spaces,"} of the ${what} it refers to ${about}.`, type: "string", ...(single && { format: "uri" as const }), value: (o, iri) => iris(iri, field(o, key)) }];
    }
    case "count":
    case "counts":
      return [
        { name, description: `The count, a whole number ${about}; for "more than 119", 119 (see the graph's minValue).`, type: "number", value: (o) => number(countOf(o, key)?.value) },
        { name: `${name}_year`, description: `The year the ${name} count is for.`, type: "string", pattern: "[0-9]{4}", value: (o) => countOf(o, key)?.asOf ?? "" },
      ];
    case "money":
      return [
        { name, description: `The amount, a number ${about}.`, type: "number", value: (o) => number((field(o, key) as Money | undefined)?.amount) },
        { name: `${name}_currency`, description: `The ISO 4217 currency of ${name}, when the article gives it.`, type: "string", pattern: "[A-Z]{3}", value: (o) => (field(o, key) as Money | undefined)?.currency ?? "" },
        { name: `${name}_year`, description: `The year ${name} is for.`, type: "string", pattern: "[0-9]{4}", value: (o) => (field(o, key) as Money | undefined)?.asOf ?? "" },
      ];
    case "integer":
      return [{ name, description: `A whole number ${about}.`, type: "number", value: (o) => number(field(o, key) as number | undefined) }];
    case "url":
      return [{ name, description: `A URL ${about}.`, type: "string", format: "uri", value: (o) => (field(o, key) as string | undefined) ?? "" }];
    case "text":
    case "plain":
      return [{ name, description: `Text as the article writes it ${about}.`, type: "string", value: (o) => (field(o, key) as string | undefined) ?? "" }];
    case "texts":
    case "languages":
      // Each as written (languages as their codes), separated by "; ".
      return [{ name, description: `Texts as the article writes them, separated by "; " ${about}.`, type: "string", value: (o) => ((field(o, key) as string[] | undefined) ?? []).join(LIST) }];
    case "parts":
      return [];
  }
}

/** The typed columns of a table: the kind of organization, then each key a row fills, once, at its first row. */
export function organizationColumns(table: MappingTable): OrganizationColumn[] {
  const keys = new Map(table.keys.map((k) => [k.key, k]));
  const placed = new Set<string>();
  const columns: OrganizationColumn[] = [
    { name: "additional_type", description: "The kind of organization as a Wikidata class, for kinds schema.org has no type for (schema:additionalType).", type: "string", format: "uri", value: (o) => o.additionalType ?? "" },
  ];
  for (const row of allRows(table)) {
    const spec = keys.get(row.key);
    if (!spec || placed.has(row.key)) continue;
    placed.add(row.key);
    columns.push(...columnsOf(spec, row));
  }
  return columns;
}

/** The typed columns of the project's table. */
export const ORGANIZATION_TYPED_COLUMNS: readonly OrganizationColumn[] = organizationColumns(MAPPING_TABLE);

/** The typed cells of the article's organization, in the columns' order (the project's, unless given); `iris` names what it refers to. */
export function typedCells(iris: ArticleIris, o: Organization, columns: readonly OrganizationColumn[] = ORGANIZATION_TYPED_COLUMNS): string[] {
  const iri = (id: string) => iris.ref(id);
  return columns.map((c) => c.value(o, iri));
}
