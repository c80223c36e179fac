// Rules beyond the schema (rules.ts) need schema-valid data. So that a file with schema problems
// still gets its rule problems reported in the same run, the values the schema refused are cut out
// of a copy of the data, and the rules run on that copy, but only when the cut is safe:
//
// - a refused value is removed with the nearest optional key that holds it (a bad item of a list
//   takes the list with it); an unknown key is simply removed;
// - if that would remove an entity, a top-level list, a required key or a place's containedIn
//   (which the infobox check follows), nothing is salvaged: the rules would report ghosts;
// - the copy must then pass the schema, or nothing is salvaged.
//
// Removing values only removes checks, so no rule problem can appear that the file does not have.

import type { ErrorObject } from "ajv/dist/2020.js";
import type { PathSegment, SourceDocument } from "../read/read-yaml.ts";
import { pathOf, schemaErrors } from "./json-schema.ts";

type Data = Record<string, unknown>;

/** Keys whose removal would make the rules report problems the file does not have. */
const KEEP = new Set(["containedIn"]);

/** The document with its refused values cut out, when that is safe; otherwise undefined. */
export function salvage(source: SourceDocument): SourceDocument | undefined {
  const data = structuredClone(source.data);
  for (let round = 0; round < 4; round++) {
    const errors = schemaErrors(data);
    if (errors.length === 0) return { ...source, data };
    for (const error of errors) if (!cut(data, target(error))) return undefined;
  }
  return undefined;
}

/** The part of the data an error is about. */
function target(error: ErrorObject): PathSegment[] {
  const path = pathOf(error.instancePath);
  if (error.keyword === "additionalProperties") return [...path, String((error.params as { additionalProperty: string }).additionalProperty)];
  return path;
}

/** Removes the value at `path` with its nearest removable key; false when that is not safe. */
function cut(data: unknown, path: PathSegment[]): boolean {
  let at = [...path];
  // A list item goes with its list.
  while (at.length > 0 && typeof at[at.length - 1] === "number") at = at.slice(0, -1);
  // The root, a top-level key, or an entity of a top-level list: too much would go.
  if (at.length < 2 || KEEP.has(String(at[at.length - 1]))) return false;
  const parent = at.slice(0, -1).reduce<unknown>((node, key) => (node as Record<PathSegment, unknown> | undefined)?.[key], data) as Data | undefined;
  if (!parent || typeof parent !== "object" || Array.isArray(parent)) return true; // already gone with an ancestor
  const key = String(at[at.length - 1]);
  delete parent[key];
  // The entity's per-field sections must not name a field that is gone.
  const sections = parent.sections as Data | undefined;
  if (sections && typeof sections === "object" && key in sections) delete sections[key];
  // Nor its prose entries (a list item, so the list goes with it, as above).
  const prose = parent.prose as Data[] | undefined;
  if (Array.isArray(prose) && prose.some((entry) => entry && typeof entry === "object" && entry.field === key)) delete parent.prose;
  return true;
}
