// The Frictionless Table Schema of the CSV artifact: every column with its type, format and what it
// holds, and the CSV dialect the writer uses. Keyed by the writer's own column list, so a column
// added there without a description here does not compile.

import { CSV_COLUMNS, type CsvRow } from "../writers/csv.ts";

type Column = keyof CsvRow;

interface FieldInfo {
  title: string;
  description: string;
  /** IRIs are URIs; every other column is free text. */
  format?: "uri";
  required?: true;
  /** An XML Schema regular expression over the whole value (Table Schema's `pattern`). */
  pattern?: string;
}

const GUARD = "A value a spreadsheet would run as a formula starts with one extra apostrophe; strip it to get the value.";

const FIELDS: Record<Column, FieldInfo> = {
  entity_id: { title: "Entity id", description: "The entity's id in the article's YAML (e.g. toronto); slug/id for another article's entity.", required: true },
  entity_name: { title: "Entity name", description: "The entity's name, for people.", required: true },
  entity_type: { title: "Entity type", description: "The entity's type, mostly a schema.org type (e.g. NGO, City, Event, QuantitativeValue).", required: true },
  property: { title: "Property", description: "The property in plain words (e.g. founding date).", required: true },
  value: {
    title: "Value",
    description: `The value as text: a literal's lexical form, a referenced entity's name, a type's name or a URL. ${GUARD}`,
    required: true,
  },
  value_type: {
    title: "Value type",
    description: "What kind of value: text, integer, boolean, date (year), date (month), date (day), type, URL, or reference to <type>.",
    required: true,
  },
  language: { title: "Language", description: "The BCP 47 language tag of a text value; empty for other values.", pattern: "[a-z]{2,3}(-[A-Za-z0-9]+)*" },
  section: { title: "Section", description: "The article section the fact comes from (e.g. Infobox, History).", required: true },
  entity_iri: { title: "Entity IRI", description: "The subject's IRI.", format: "uri", required: true },
  property_iri: { title: "Property IRI", description: "The predicate's IRI (schema.org where it has a term).", format: "uri", required: true },
  value_iri: { title: "Value IRI", description: "The object's IRI when the value is an entity, a type or a URL; empty for literals.", format: "uri" },
  datatype_iri: { title: "Datatype IRI", description: "The literal's datatype IRI; empty when the value is an IRI.", format: "uri" },
};

export function csvTableSchema() {
  return {
    fields: CSV_COLUMNS.map((name) => {
      const info = FIELDS[name];
      const constraints = { ...(info.required && { required: true }), ...(info.pattern && { pattern: info.pattern }) };
      return {
        name,
        title: info.title,
        description: info.description,
        type: "string",
        format: info.format ?? "default",
        ...(Object.keys(constraints).length > 0 && { constraints }),
      };
    }),
    // An empty cell is a missing value (the default, said out loud).
    missingValues: [""],
  };
}

/** How the CSV writer writes: comma, CRLF, every cell quoted with doubled quotes inside, a header row. */
export const CSV_DIALECT = {
  delimiter: ",",
  lineTerminator: "\r\n",
  quoteChar: '"',
  doubleQuote: true,
  skipInitialSpace: false,
  header: true,
};
