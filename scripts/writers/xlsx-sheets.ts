// The workbook's sheets, in order, and their columns: for its writer (xlsx.ts), the combined
// workbook (corpus/combined-xlsx.ts) and the check, without loading the writer.

import { CSV_COLUMNS } from "./csv-columns.ts";

export const XLSX_SHEETS = {
  organizations: ["id", "name", "type", "category", "founding date", "founding place", "founders", "dissolution date", "location", "parent organization", "homepage", "alternate names", "former names", "description"],
  people: ["id", "name", "job title", "works for", "nationality", "description"],
  places: ["id", "name", "type", "contained in", "alternate names"],
  events: ["id", "name", "type", "category", "start date", "end date", "recurs", "location", "organizer", "participants", "participants (who)", "description"],
  works: ["id", "name", "type", "genre", "start date", "publisher", "url", "languages", "description"],
  facts: CSV_COLUMNS,
} as const satisfies Record<string, readonly string[]>;

export type SheetName = keyof typeof XLSX_SHEETS;
export const SHEET_NAMES = Object.keys(XLSX_SHEETS) as SheetName[];
