// Places as their parts: "Toronto, Ontario, Canada" → City Toronto in State Ontario in Country
// Canada. The gazetteer (scripts/gazetteer/, GeoNames and ISO 3166 through npm data) tells a
// country, a region and a city apart, reading from the end; the parts before the city are
// buildings. A country the text does not write but its region or city implies is added outwards
// ("San Jose, California" is in the United States). Street addresses and postcodes ("72 Acton
// Street", "WC1X 8DP") are not places: a value with them is not a place chain the infobox can show,
// but its city still is the organization's location.

import { findCountry, findRegions, parsePlace as gazetteerPlace } from "../gazetteer/index.ts";
import type { PlaceType } from "../model/types.ts";
import { LISTS } from "./values.ts";

export interface PlacePart {
  /** The name the part has in the graph: as written, but a country's English name ("United Kingdom" for "UK"). */
  name: string;
  type: PlaceType;
  /** The part as written, when the name differs. */
  written?: string;
  /** ISO 3166-1 alpha-2 of a country. */
  iso2?: string;
  /** Not written in the value: implied by the region or city before it. */
  implied?: boolean;
}

export interface ParsedPlace {
  /** From the place itself outwards: building, city, state, country. */
  parts: PlacePart[];
  /** Whether the written parts are exactly the value (so the infobox can show it as the place). */
  exact: boolean;
}

/** A place value → its parts, or undefined when nothing in it is a place. */
export function parsePlace(text: string): ParsedPlace | undefined {
  const raw = text.split(",").map((p) => p.trim());
  const partsWritten = raw.filter((p) => p !== "");
  if (partsWritten.length === 0 || partsWritten.some((p) => /[()[\]{}|=<>]/.test(p))) return undefined;
  let exact = raw.every((p) => p !== "") && partsWritten.join(", ") === text.trim();
  const found = gazetteerPlace(text);
  // Which written part is which, from the end, as the gazetteer read them.
  let end = partsWritten.length;
  if (found.postalCode !== undefined) {
    end--;
    exact = false;
  }
  let countryWritten: string | undefined;
  if (found.country && end >= 1 && findCountry(partsWritten[end - 1]!)?.iso2 === found.country.iso2) countryWritten = partsWritten[--end];
  let regionWritten: string | undefined;
  if (found.region && end >= 1 && findRegions(partsWritten[end - 1]!, found.country?.iso2).some((r) => r.code === found.region!.code)) {
    // A written part is the region only when the gazetteer took it as one (not the city of the same name).
    if (!(found.city && end === 1)) regionWritten = partsWritten[--end];
  }
  let cityWritten: string | undefined;
  if (found.city && end >= 1) cityWritten = partsWritten[--end];
  const street = partsWritten.slice(0, end);
  const parts: PlacePart[] = [];
  for (const part of street) {
    // A street address or a postcode is not a place of its own.
    if (/[0-9]/.test(part) || !/\p{L}/u.test(part)) {
      exact = false;
      continue;
    }
    parts.push({ name: part, type: "Place" });
  }
  // With nothing the gazetteer knows, the parts are told apart by their place: the last two a city
  // and its state, one alone a place (a building before a city name makes it a city).
  if (!found.country && !found.region && !found.city) {
    const named = parts.splice(0);
    while (named.length > 1 && isBuilding(named[0]!.name)) parts.push(named.shift()!);
    if (named.length >= 2) {
      for (const p of named.slice(0, -2)) parts.push(p);
      parts.push({ name: named[named.length - 2]!.name, type: "City" }, { name: named[named.length - 1]!.name, type: "State" });
    } else if (named.length === 1) parts.push({ name: named[0]!.name, type: parts.length > 0 ? "City" : "Place" });
    return parts.length > 0 ? { parts, exact } : undefined;
  }
  if (cityWritten !== undefined) parts.push({ name: cityWritten, type: "City" });
  if (regionWritten !== undefined) parts.push({ name: regionWritten, type: "State" });
  if (found.country) {
    const name = found.country.name;
    if (countryWritten !== undefined) parts.push({ name, type: "Country", iso2: found.country.iso2, ...(name !== countryWritten && { written: countryWritten }) });
    else parts.push({ name, type: "Country", iso2: found.country.iso2, implied: true });
  }
  return parts.length > 0 ? { parts, exact } : undefined;
}

function isBuilding(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length >= 2 && LISTS.buildingWords.includes(words[words.length - 1]!);
}

/** A list of countries: "United Kingdom, Ireland" → two places. */
export function parsePlaces(text: string): ParsedPlace[] | undefined {
  const items = text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
  if (items.length === 0 || !items.every((p) => findCountry(p))) return undefined;
  return items.map((p) => parsePlace(p)!);
}
