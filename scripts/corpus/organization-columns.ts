// The typed columns of corpus.organizations.csv: one per property the mapping table maps an infobox
// parameter to (schemas/infobox-mapping.json), in the table's order, the same for every article
// whatever its infobox's labels: ISO dates, numbers, IRIs, texts. Rows of articles written by hand
// fill the same columns from the same keys.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ArticleModel, Count, Money, Organization } from "../model/types.ts";
import { refIri } from "../graph/shared.ts";

interface Row {
  parameters: string[];
  kind: string;
  key: string;
  property: string;
}

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

const table: { rows: Row[] } = JSON.parse(readFileSync(fileURLToPath(new URL("../../schemas/infobox-mapping.json", import.meta.url)), "utf8"));

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?";
const LIST = "; ";
const SKIPPED_KINDS = new Set(["display", "role", "eventDate", "year"]);

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

function countOf(o: Organization, key: string): Count | undefined {
  if (key === "membership") return o.membership?.[0];
  return field(o, key) as Count | undefined;
}

function columnsOf(row: Row): OrganizationColumn[] {
  const { key, property } = row;
  const name = snake(key);
  const about = `(${property}; infobox ${row.parameters.slice(0, 3).join(", ")}${row.parameters.length > 3 ? ", …" : ""})`;
  switch (row.kind) {
    case "date":
      return [{ name, description: `An ISO 8601 date at the article's precision ${about}.`, type: "string", pattern: DATE_PATTERN, value: (o) => (field(o, key) as string | undefined) ?? "" }];
    case "place":
    case "city":
    case "country":
    case "places":
    case "topics":
    case "people":
    case "leader":
    case "organizations":
    case "organization":
    case "event": {
      const single = row.kind === "place" || row.kind === "city" || row.kind === "country" || row.kind === "organization" || row.kind === "event";
      return [{ name, description: `${single ? "The IRI" : "The IRIs, separated by spaces,"} of the ${row.kind === "topics" ? "topics" : "entities"} it refers to ${about}.`, type: "string", ...(single && { format: "uri" as const }), value: (o, iri) => iris(iri, field(o, key)) }];
    }
    case "count":
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
    case "url":
    case "logo":
      return [{ name, description: `A URL ${about}.`, type: "string", format: "uri", value: (o) => (field(o, key) as string | undefined) ?? "" }];
    case "text":
    case "type":
      return [{ name, description: `Text as the article writes it ${about}.`, type: "string", value: (o) => (field(o, key) as string | undefined) ?? "" }];
    default:
      // texts, names, identifiers, languages: each as written, separated by "; ".
      return [{ name, description: `Texts as the article writes them, separated by "; " ${about}.`, type: "string", value: (o) => ((field(o, key) as string[] | undefined) ?? []).join(LIST) }];
  }
}

/** The typed columns, each property once, in the mapping table's order. */
export const ORGANIZATION_TYPED_COLUMNS: readonly OrganizationColumn[] = (() => {
  const seen = new Set<string>();
  const columns: OrganizationColumn[] = [
    { name: "additional_type", description: "The kind of organization as a Wikidata class, for kinds schema.org has no type for (schema:additionalType).", type: "string", format: "uri", value: (o) => o.additionalType ?? "" },
  ];
  for (const row of table.rows) {
    if (!row.key || SKIPPED_KINDS.has(row.kind) || seen.has(row.key)) continue;
    seen.add(row.key);
    columns.push(...columnsOf(row));
  }
  return columns;
})();

/** The typed cells of the article's organization, in the columns' order. */
export function typedCells(model: ArticleModel, o: Organization): string[] {
  const slug = model.article.slug;
  const iri = (id: string) => refIri(model, slug, id);
  return ORGANIZATION_TYPED_COLUMNS.map((c) => c.value(o, iri));
}
