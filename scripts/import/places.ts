// Places as their parts: "Toronto, Ontario, Canada" → City Toronto in State Ontario in Country
// Canada. The last part is a country when the gazetteer knows it; the parts before it are, from the
// right, a state (when two or more are left), a city, and buildings before that. Street addresses and
// postcodes ("72 Acton Street", "WC1X 8DP") are not places: a value with them is not a place chain
// the infobox can show, but its city still is the organization's location.

import type { PlaceType } from "../model/types.ts";
import { findCountry } from "./gazetteer.ts";
import { LISTS } from "./values.ts";

export interface PlacePart {
  /** The name the part has in the graph: a country's English name ("United Kingdom" for "UK"). */
  name: string;
  type: PlaceType;
  /** The part as written, when the name differs. */
  written?: string;
  /** ISO 3166-1 alpha-2 of a country. */
  iso2?: string;
}

export interface ParsedPlace {
  /** From the place itself outwards: building, city, state, country. */
  parts: PlacePart[];
  /** Whether the parts, as written, are exactly the value (so the infobox can show it as the place). */
  exact: boolean;
}

/** A place value → its parts, or undefined when nothing in it is a place. */
export function parsePlace(text: string): ParsedPlace | undefined {
  const raw = text.split(",").map((p) => p.trim());
  let exact = raw.every((p) => p !== "") && raw.join(", ") === text.trim();
  // Street addresses, postcodes and blank parts are not places.
  const named = raw.filter((p) => {
    const keep = p !== "" && !/[0-9]/.test(p) && /\p{L}/u.test(p) && !/[()[\]{}|=<>]/.test(p);
    if (!keep) exact = false;
    return keep;
  });
  if (named.length === 0) return undefined;
  const parts: PlacePart[] = [];
  const last = named[named.length - 1]!;
  const country = findCountry(last);
  let rest = named;
  if (country) {
    rest = named.slice(0, -1);
  }
  // Buildings at the front ("Ford Foundation Building", "Headland House").
  let buildings = 0;
  while (buildings < rest.length - 1 && isBuilding(rest[buildings]!)) buildings++;
  const settled = rest.slice(buildings);
  for (let i = 0; i < buildings; i++) parts.push({ name: rest[i]!, type: "Place" });
  // From the right: a state when two or more parts are left, then a city, then places inside it.
  const roles: PlaceType[] = settled.map(() => "Place");
  if (settled.length >= 2) {
    roles[settled.length - 1] = "State";
    roles[settled.length - 2] = "City";
  } else if (settled.length === 1 && (country || buildings > 0)) roles[0] = "City";
  for (let i = 0; i < settled.length; i++) parts.push({ name: settled[i]!, type: roles[i]! });
  if (country) parts.push({ name: country.name, type: "Country", iso2: country.iso2, ...(country.name !== last && { written: last }) });
  return { parts, exact };
}

function isBuilding(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length >= 2 && LISTS.buildingWords.includes(words[words.length - 1]!);
}

/** A list of countries or places: "United Kingdom, Ireland" → two places, each with its parts. */
export function parsePlaces(text: string): ParsedPlace[] | undefined {
  const items = text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
  if (items.length === 0 || !items.every((p) => findCountry(p))) return undefined;
  return items.map((p) => parsePlace(p)!);
}
