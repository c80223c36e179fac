// The CSV's columns, in order: for its writer and for what only names them (the workbook's sheets).

export const CSV_COLUMNS = [
  "entity_id",
  "entity_name",
  "entity_type",
  "property",
  "value",
  "value_type",
  "language",
  "section",
  "entity_iri",
  "property_iri",
  "value_iri",
  "datatype_iri",
] as const;
