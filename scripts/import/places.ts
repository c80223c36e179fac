// Places as their parts: "Toronto, Ontario, Canada" → City Toronto in State Ontario in Country
// Canada. The gazetteer's resolver (scripts/gazetteer/resolve.ts) reads the value as a whole and
// as its parts, and tells which city, region and country it names, with the article's countries
// deciding between places of the same name; a value it cannot tell (an ambiguous name, a name it
// does not know) is not a place: it stays text, flagged for the curator with the reason. A country
// or region the text does not write but its city implies is added outwards ("San Jose, California"
// is in the United States). Parts before the city are buildings (named places) and the street
// address (from the first part with a number on: "1850 M Street NW, Suite 1100"), which with the
// postal code is the organization's postal address, not a place of its own.

import { findCities, findCountry, findRegions, type City } from "../gazetteer/index.ts";
import { describe, resolvePlace, type PlaceContext, type ResolvedPlace } from "../gazetteer/resolve.ts";
import type { PlaceType } from "../model/types.ts";

export type { PlaceContext } from "../gazetteer/resolve.ts";

export interface PlacePart {
  /** The name the part has in the graph: as written, but a country's or region's own name ("United Kingdom" for "UK"). */
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
  /** The street address written before the city, and the postal code: the organization's postal address. */
  address?: { street?: string; postalCode?: string };
  /** What a person should look at although the place is typed (a name before the city the gazetteer does not know). */
  review?: string;
}

/** A place value read: its parts, or why it stays text (and is flagged for the curator). */
export type PlaceValue = { place: ParsedPlace; flag?: undefined } | { place?: undefined; flag: string };

/** Characters no place name has: template residue ("|", "[[…]]") or a qualifier. */
const NOT_A_PLACE = /[()[\]{}|=<>]/;

/** A place value → its parts, or the reason it is not a place the importer can type. */
export function readPlace(text: string, context: PlaceContext = {}): PlaceValue {
  const raw = text.split(",").map((p) => p.trim());
  const partsWritten = raw.filter((p) => p !== "");
  if (partsWritten.length === 0 || partsWritten.some((p) => NOT_A_PLACE.test(p))) return { flag: "not a place" };
  const reading = resolvePlace(text, context);
  if (reading.ambiguous) return { flag: `an ambiguous place: ${reading.ambiguous.reason} (${reading.ambiguous.candidates.join("; ")})` };
  const found = reading.place;
  if (!found.city && !found.region && !found.country) return { flag: "not a place the gazetteer knows (countries, first-level regions, cities of 15,000+ people): a person should say which" };
  let exact = raw.every((p) => p !== "") && partsWritten.join(", ") === text.trim() && found.postalCode === undefined;
  const parts: PlacePart[] = [];
  // Before the city: named places (buildings), then the street address from the first part with a number.
  const firstNumber = found.street.findIndex((p) => /[0-9]/.test(p) || !/\p{L}/u.test(p));
  const named = firstNumber < 0 ? found.street : found.street.slice(0, firstNumber);
  const street = firstNumber < 0 ? [] : found.street.slice(firstNumber);
  // Names before the city are buildings in it; without a city, one name is a locality the gazetteer
  // lacks. Anything else is several places in one value ("Toronto, Ontario, Canada and Montreal,
  // Quebec"), or a place before a place it cannot lie in ("Geneva, …, US"): not read.
  const misplaced = named.find((n) => placeElsewhere(n, found));
  if (misplaced !== undefined) return { flag: `several places in one value, or a place in another: ${JSON.stringify(misplaced)} cannot lie in ${describe(found)}` };
  if (!found.city && named.length > 1) return { flag: `several names before ${describe(found)}, none a city the gazetteer knows: ${named.map((n) => JSON.stringify(n)).join(", ")}` };
  for (const name of named) parts.push({ name, type: "Place" });
  if (street.length > 0) exact = false;
  const address = street.length > 0 || found.postalCode !== undefined ? { ...(street.length > 0 && { street: street.join(", ") }), ...(found.postalCode !== undefined && { postalCode: found.postalCode }) } : undefined;
  // Without a city, a name before the region or country is a place the gazetteer does not know.
  const review = !found.city && named.length > 0 ? `${named.map((n) => JSON.stringify(n)).join(", ")}: not a city the gazetteer knows (cities of 15,000+ people), kept as a place by its name` : undefined;
  const chain = chainOf(found);
  if (chain === undefined) return { flag: `an ambiguous place: ${found.city!.name} is one of several of that name in its region` };
  parts.push(...chain);
  return { place: { parts, exact, ...(address && { address }), ...(review && { review }) } };
}

/** A place value → its parts, or undefined when it is no place the importer can type. */
export function parsePlace(text: string, context: PlaceContext = {}): ParsedPlace | undefined {
  return readPlace(text, context).place;
}

/**
 * The city, region and country as places, each named so that the export finds the same one again
 * in the gazetteer (graph/shared.ts): the city by its name as written in its country, its region
 * added where the country alone would find another city of that name ("London, Ontario" written
 * "London" in Canada). Undefined where not even the region tells the city (two of a name in one).
 */
function chainOf(found: ResolvedPlace): PlacePart[] | undefined {
  const { city, region, country, written } = found;
  const out: PlacePart[] = [];
  let regionNeeded = written.region !== undefined;
  if (city) {
    const name = written.city ?? city.name;
    const same = (c: City | undefined) => c?.geonamesId === city.geonamesId;
    const inCountry = findCities(name).find((c) => c.countryIso2 === city.countryIso2);
    if (!same(inCountry)) {
      const inRegion = findCities(name).find((c) => c.countryIso2 === city.countryIso2 && c.region?.code === city.region?.code);
      if (!same(inRegion) || !city.region) return undefined;
      regionNeeded = true;
    }
    out.push({ name, type: "City" });
  }
  if (region && regionNeeded) {
    const as = written.region;
    out.push({ name: region.name, type: "State", ...(as !== undefined && as !== region.name && { written: as }), ...(as === undefined && { implied: true }) });
  }
  if (country) {
    const as = written.country;
    out.push({ name: country.name, type: "Country", iso2: country.iso2, ...(as !== undefined && as !== country.name && { written: as }), ...(as === undefined && { implied: true }) });
  }
  return out;
}

/** A name that is a country, a region, or a city of another country than the place it is written in. */
function placeElsewhere(name: string, found: ResolvedPlace): boolean {
  if (/\s(and|&)\s/i.test(name)) return true;
  if (findCountry(name) !== undefined || findRegions(name).length > 0) return true;
  const cities = findCities(name);
  return cities.length > 0 && found.country !== undefined && !cities.some((c) => c.countryIso2 === found.country!.iso2);
}

/** A list of countries: "United Kingdom, Ireland" → two places. */
export function parsePlaces(text: string): ParsedPlace[] | undefined {
  const items = text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
  if (items.length === 0 || !items.every((p) => findCountry(p))) return undefined;
  return items.map((p) => parsePlace(p)!);
}
