/**
 * A place as articles write it ("Washington, D.C.", "1850 M Street NW, Suite 1100, Washington, D.C.,
 * U.S.", "London, Ontario", "San Jose, CA") → the gazetteer's city, region and country, or a reason
 * why it cannot be told which place it is.
 *
 * Every reading of the comma-separated parts is tried, read from the end as
 * `street…, city, region, country` with each of city, region and country optional and a postal code
 * after any of them ("WC1X 8DP", "DC 20036"). A city may be written over several parts and is
 * looked up as a whole before its parts are ("Washington, D.C." is GeoNames' name of the capital);
 * a region by its name, its code ("CA", "D.C.") or an alias (aliases.json: "Newfoundland"); a
 * country by any of its names. A reading holds only where its parts agree (the city in the region,
 * the region in the country). Then:
 *
 * 1. the readings that leave the fewest parts unexplained (a street, a building, a place the
 *    gazetteer does not know) win;
 * 2. where they are different places, the article decides: the readings in a country the article
 *    names elsewhere (its other infobox places, its lead: "a British organisation"), where there are
 *    some;
 * 3. a country's own name means the country ("Singapore", "Mexico"), whatever else shares the name;
 *    a city and the region around it of the same name, the city ("Geneva", "New York");
 * 4. among cities, one at least ten times as populous as every other is the one meant ("London" is
 *    London, England, "Paris" Paris, France), unless the article's countries say otherwise: then
 *    nothing decides;
 * 5. anything else is ambiguous, and the reason names the candidates.
 */

import {
  countryByIso2, findCities, findCountry, findRegions, findRegionsByAlias, findRegionsByCode, regionByCode,
  type City, type Country, type Region,
} from "./index.ts";

export interface PlaceContext {
  /** Countries the article names elsewhere (ISO 3166-1 alpha-2): its other places, its lead. */
  countries?: readonly string[];
}

export interface ResolvedPlace {
  city?: City;
  region?: Region;
  country?: Country;
  postalCode?: string;
  /** The parts before the city (or before the region or country where there is no city), as written. */
  street: string[];
  /** How the city, region and country were written (without a postal code after them), where they were; a part not written is implied. */
  written: { city?: string; region?: string; country?: string };
}

export type PlaceReading =
  | { place: ResolvedPlace; ambiguous?: undefined }
  | { place?: undefined; ambiguous: { reason: string; candidates: string[] } };

/** A part that is a postal code alone ("WC1X 8DP", "10017", "75007"): letters and digits, one digit at least. */
const POSTAL_CODE = /^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$/i;
/** A postal code after a name in the same part ("DC 20036", "London WC1X 8DP", "Paris 75007"). */
const TRAILING_POSTAL_CODE = /^(.*\p{L}.*?)\s+((?:[A-Z0-9]*\d[A-Z0-9]*\s)?[A-Z0-9]*\d[A-Z0-9-]*)$/iu;
/** How much more populous the largest city of a name must be than the next to be the one meant. */
const DOMINANT = 10;

interface Reading {
  city?: City;
  region?: Region;
  country?: Country;
  postalCode?: string;
  streetEnd: number;
  written: { city?: string; region?: string; country?: string };
}

export function resolvePlace(text: string, context: PlaceContext = {}): PlaceReading {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p.length > 0);
  const readings = readingsOf(parts);
  if (readings.length === 0) return { place: { street: parts, written: {} } };
  const fewest = Math.min(...readings.map((r) => r.streetEnd));
  let best = distinct(readings.filter((r) => r.streetEnd === fewest));
  const article = new Set(context.countries ?? []);
  const inArticle = best.filter((r) => r.country && article.has(r.country.iso2));
  if (best.length > 1 && inArticle.length > 0 && inArticle.length < best.length) {
    // The article's countries narrow the readings, unless one city dwarfs the others outside them.
    const dominant = dominantCity(best);
    if (dominant && !inArticle.includes(dominant)) return ambiguous(best, "the article's country and the largest city of the name disagree");
    best = inArticle;
  }
  if (best.length > 1) {
    // A country's own name is the country, whatever else has the same name ("Singapore", "Mexico").
    const country = best.find((r) => r.country && !r.region && !r.city && r.written.country !== undefined);
    if (country) best = [country];
  }
  if (best.length > 1) {
    // A city and the region around it of the same name: the city ("Geneva", "Mexico City", "New York").
    best = best.filter((r) => r.city || !best.some((c) => c.city && r.region && c.city.region?.code === r.region.code));
  }
  if (best.length > 1) {
    const dominant = dominantCity(best);
    if (dominant) best = [dominant];
  }
  if (best.length > 1) return ambiguous(best, best.some((r) => r.country?.iso2 !== best[0]!.country?.iso2) ? "places of that name in several countries, and nothing in the article decides" : "several places of that name, and nothing in the article decides");
  const r = best[0]!;
  return {
    place: {
      ...(r.city && { city: r.city }),
      ...(r.region && { region: r.region }),
      ...(r.country && { country: r.country }),
      ...(r.postalCode !== undefined && { postalCode: r.postalCode }),
      street: parts.slice(0, r.streetEnd),
      written: r.written,
    },
  };
}

/** A one-line description of a candidate: "Washington, England, GB (GeoNames 2634715)". */
export function describe(r: { city?: City; region?: Region; country?: Country }): string {
  const names = [r.city?.name, r.region?.name, r.country?.iso2].filter((n) => n !== undefined);
  return `${names.join(", ")}${r.city ? ` (GeoNames ${r.city.geonamesId})` : ""}`;
}

function ambiguous(readings: Reading[], reason: string): PlaceReading {
  return { ambiguous: { reason, candidates: readings.map(describe) } };
}

/** The city reading whose city is ten times as populous as every other reading's, all being cities. */
function dominantCity(readings: Reading[]): Reading | undefined {
  if (readings.some((r) => !r.city)) return undefined;
  const sorted = [...readings].sort((a, b) => b.city!.population - a.city!.population);
  return sorted[0]!.city!.population >= DOMINANT * sorted[1]!.city!.population ? sorted[0] : undefined;
}

/** One reading per place (the same city read through its alias and its name is one). */
function distinct(readings: Reading[]): Reading[] {
  const seen = new Map<string, Reading>();
  for (const r of readings) {
    const key = r.city ? `city:${r.city.geonamesId}` : r.region ? `region:${r.region.code}` : `country:${r.country?.iso2}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

/** A part, or a part with a postal code after the name ("DC 20036"): the name and the code. */
function withPostalCode(part: string): { name: string; postalCode?: string }[] {
  const out: { name: string; postalCode?: string }[] = [{ name: part }];
  const m = TRAILING_POSTAL_CODE.exec(part);
  if (m) out.push({ name: m[1]!.trim(), postalCode: m[2]! });
  return out;
}

/** Every reading of the parts in which each part read as a city, region or country agrees with the others. */
function readingsOf(parts: string[]): Reading[] {
  const out: Reading[] = [];
  let end = parts.length;
  // A postal code alone, last ("…, London, WC1X 8DP").
  let postalCode: string | undefined;
  const last = parts[end - 1];
  // Not a region's code with its postal code ("DC 20036"): the region stage reads those.
  const namesPlace = (name: string) => findCountry(name) !== undefined || findRegionsByCode(name).length > 0 || findRegions(name).length > 0;
  if (last !== undefined && POSTAL_CODE.test(last) && !withPostalCode(last).some((p) => namesPlace(p.name))) {
    postalCode = last;
    end -= 1;
  }
  const base: Reading = { streetEnd: end, written: {}, ...(postalCode !== undefined && { postalCode }) };
  // Country: the last part, or none.
  const countryReadings: Reading[] = [base];
  if (end >= 1) {
    for (const { name, postalCode: code } of withPostalCode(parts[end - 1]!)) {
      if (code !== undefined && base.postalCode !== undefined) continue;
      const country = findCountry(name);
      if (!country) continue;
      // A constituent country ("England") is written as the region of its country.
      const part = country.part ? regionByCode(country.part.code) : undefined;
      const { part: _, ...plain } = country;
      countryReadings.push({ ...base, ...(code !== undefined && { postalCode: code }), country: plain, ...(part && { region: part }), streetEnd: end - 1, written: part ? { region: name } : { country: name } });
    }
  }
  // Region: the part before, or none.
  const regionReadings: Reading[] = [];
  for (const r of countryReadings) {
    regionReadings.push(r);
    if (r.region || r.streetEnd < 1) continue;
    const written = parts[r.streetEnd - 1]!;
    for (const { name, postalCode: code } of withPostalCode(written)) {
      if (code !== undefined && r.postalCode !== undefined) continue;
      const iso2 = r.country?.iso2;
      const regions = [...findRegions(name, iso2), ...findRegionsByCode(name, iso2), ...findRegionsByAlias(name, iso2)];
      for (const region of unique(regions, (x) => x.code)) {
        const country = r.country ?? countryByIso2(region.countryIso2);
        regionReadings.push({ ...r, ...(code !== undefined && { postalCode: code }), region, ...(country && { country }), streetEnd: r.streetEnd - 1, written: { ...r.written, region: name } });
      }
    }
  }
  // City: one to three parts before, read as one name first ("Washington, D.C."), or none.
  for (const r of regionReadings) {
    if (r.country || r.region) out.push(r);
    for (let span = Math.min(3, r.streetEnd); span >= 1; span--) {
      const from = r.streetEnd - span;
      const written = parts.slice(from, r.streetEnd).join(", ");
      for (const { name, postalCode: code } of withPostalCode(written)) {
        if (code !== undefined && r.postalCode !== undefined) continue;
        for (const city of findCities(name)) {
          if (r.country && city.countryIso2 !== r.country.iso2) continue;
          // A region written (not a country's part, England for London) must be the city's.
          if (r.region && r.written.region !== undefined && city.region?.code !== r.region.code) continue;
          if (r.region && r.written.region === undefined && city.region && city.region.code !== r.region.code) continue;
          const country = r.country ?? countryByIso2(city.countryIso2);
          const region = r.region ?? city.region;
          out.push({ ...r, ...(code !== undefined && { postalCode: code }), city, ...(region && { region }), ...(country && { country }), streetEnd: from, written: { ...r.written, city: name } });
        }
      }
    }
  }
  return out;
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}
