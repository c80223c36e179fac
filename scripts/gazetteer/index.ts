/**
 * The gazetteer: countries, first-level regions, cities and languages, found by the names and codes
 * articles write them with, each with a stable id and its codes in the world's registries. No network:
 *
 * - countries: `i18n-iso-countries` (ISO 3166-1 alpha-2/-3/numeric, English names and aliases), plus
 *   schemas/gazetteer/aliases.json ("Britain"; England, Scotland, Wales and Northern Ireland as parts
 *   of the United Kingdom);
 * - regions and cities: GeoNames, through schemas/gazetteer/regions.tsv and cities.tsv (cities of
 *   15,000+ people and every capital), derived by scripts/gazetteer/derive.ts;
 * - languages: Wikidata through schemas/gazetteer/languages.tsv (derived from `wikidata-lang`).
 *
 * Each file is read once, on the first lookup that needs it; a lookup finds its lines in the bytes
 * without parsing the rest of the file (the index files are sorted by key, one line per key).
 *
 *   findCountry("U.K.")        → { id: "united-kingdom", name: "United Kingdom", iso2: "GB", iso3: "GBR", … }
 *   findCountry("England")     → the United Kingdom, with part: { name: "England", code: "GB.ENG" }
 *   findLanguage("fr")         → { id: "french", name: "French", iso6391: "fr", iso6393: "fra", wikidata: "Q150", … }
 *   findRegion("Ontario")      → { id: "ontario", name: "Ontario", code: "CA.08", countryIso2: "CA" }
 *   findCity("London", "CA")   → London, Ontario (GeoNames 6058560); findCity("London") → London, England (2643743)
 *   parsePlace("Toronto, Ontario, Canada") → { city: Toronto, region: Ontario, country: Canada, street: [] }
 *
 * Names are compared by foldName (scripts/gazetteer/fold.ts): case, accents, "." and "'" do not matter,
 * so "Montreal" finds Montréal and "U.S." finds the United States.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { projectPath } from "../lib/project-path.ts";
import { foldName } from "./fold.ts";
import { boundedMemo } from "../lib/bounded-memo.ts";

export { foldName } from "./fold.ts";

export interface Country {
  /** Stable id: the English short name as a slug ("canada", "united-kingdom", "united-states"). */
  id: string;
  /** English short name ("United States", not "United States of America"). */
  name: string;
  /** ISO 3166-1 alpha-2 ("CA"), alpha-3 ("CAN") and numeric ("124") codes. */
  iso2: string;
  iso3: string;
  numeric: string;
  /** The Wikidata item ("Q16"): schemas/gazetteer/wikidata.tsv, from @rapideditor/country-coder. */
  wikidata?: string;
  /** Set when the text named a constituent country of this one ("England" → GB, part England, GB.ENG). */
  part?: { name: string; code: string };
}

export interface Region {
  /** Slug of its name ("ontario", "california"). */
  id: string;
  name: string;
  /** GeoNames' first-level code, country first ("CA.08", "US.CA", "GB.ENG"). */
  code: string;
  countryIso2: string;
  /** The Wikidata item, where schemas/gazetteer/wikidata.tsv has it (England, Q21). */
  wikidata?: string;
}

export interface City {
  /** Slug of its name; a city that is not the largest of its name gets its country code ("london-ca"). */
  id: string;
  name: string;
  geonamesId: number;
  countryIso2: string;
  /** Its first-level region, where GeoNames names it. */
  region?: Region;
  population: number;
}

export interface Language {
  /** Slug of its English name ("french"). */
  id: string;
  name: string;
  /** Wikidata item ("Q150"). */
  wikidata: string;
  iso6391?: string;
  iso6392: string[];
  iso6393?: string;
}

/** A place written as comma-separated parts, read from the end: country, region, city, the rest before them. */
export interface ParsedPlace {
  country?: Country;
  region?: Region;
  city?: City;
  /** A part that is a postal code ("WC1X 8DP", "10017"). */
  postalCode?: string;
  /** The parts before the city (a building, a street), as written, in order. */
  street: string[];
}

export function slugOf(name: string): string {
  return foldName(name).replace(/ /g, "-");
}

// ---- countries ----------------------------------------------------------------------------------

interface CountryTables {
  byKey: Map<string, string | null>; // folded name → alpha-2; null where two countries share a name
  byIso2: Map<string, Country>;
  parts: Map<string, string>; // folded part name → alpha-2
}

let countryTables: CountryTables | undefined;

function loadCountries(): CountryTables {
  if (countryTables) return countryTables;
  const require = createRequire(import.meta.url);
  const names = (require("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> }).countries;
  const codes = require("i18n-iso-countries/codes.json") as string[][];
  const aliases = JSON.parse(readFileSync(projectPath("schemas/gazetteer/aliases.json"), "utf8")) as {
    countries: Record<string, string>;
    countryParts: Record<string, string>;
  };
  const allNames = new Map<string, string[]>();
  for (const [iso2, value] of Object.entries(names)) allNames.set(iso2, Array.isArray(value) ? value : [value]);
  const byKey = new Map<string, string | null>();
  const add = (name: string, iso2: string): void => {
    const key = foldName(name);
    const had = byKey.get(key);
    byKey.set(key, had === undefined || had === iso2 ? iso2 : null);
  };
  for (const [iso2, list] of allNames) for (const name of list) add(name, iso2);
  for (const [name, iso2] of Object.entries(aliases.countries)) byKey.set(foldName(name), iso2);
  const byIso2 = new Map<string, Country>();
  for (const [iso2, iso3, numeric] of codes) {
    if (!iso2 || !iso3 || !numeric) continue;
    const list = allNames.get(iso2);
    if (!list) continue;
    const name = shortName(list, byKey);
    const wikidata = wikidataOf(iso2);
    byIso2.set(iso2, { id: slugOf(name), name, iso2, iso3, numeric, ...(wikidata && { wikidata }) });
  }
  const parts = new Map<string, string>();
  for (const [name, iso2] of Object.entries(aliases.countryParts)) parts.set(foldName(name), iso2);
  countryTables = { byKey, byIso2, parts };
  return countryTables;
}

/**
 * The English short name: the first name, unless it has a comma or parenthesis or a later name is
 * contained in it ("United States" in "United States of America", "Iran" in "Islamic Republic of
 * Iran"); a name two countries share ("Congo") is never chosen.
 */
function shortName(names: string[], byKey: Map<string, string | null>): string {
  const first = names[0]!;
  const usable = (n: string): boolean => !/[,(]/.test(n) && !/^[A-Z.]+$/.test(n) && byKey.get(foldName(n)) !== null;
  const shorter = names.slice(1).find((n) => usable(n) && first.includes(n));
  if (shorter) return shorter;
  if (usable(first)) return first;
  return names.find(usable) ?? first;
}

/**
 * The country a text names: its English name or another ("UK", "U.K.", "Great Britain", "U.S.",
 * "USA", "United States of America"), its ISO 3166-1 alpha-2 or alpha-3 code written in capitals,
 * or a constituent country ("England", "Scotland", "Wales", "Northern Ireland" → the United Kingdom,
 * with `part` set). Undefined when none, or when the name is two countries' ("Congo").
 */
export function findCountry(text: string): Country | undefined {
  const tables = loadCountries();
  const written = text.trim();
  const key = foldName(written);
  if (key.length === 0) return undefined;
  const compact = written.replace(/\./g, "");
  if (/^[A-Z]{2,3}$/.test(compact)) {
    const byCode = compact.length === 2 ? tables.byIso2.get(compact) : [...tables.byIso2.values()].find((c) => c.iso3 === compact);
    if (byCode) return { ...byCode };
  }
  const iso2 = tables.byKey.get(key);
  if (iso2) {
    const country = tables.byIso2.get(iso2);
    if (country) return { ...country };
  }
  const partOf = tables.parts.get(key);
  if (partOf) {
    const country = tables.byIso2.get(partOf);
    const region = findRegion(written, partOf);
    if (country) return { ...country, part: { name: region?.name ?? written, code: region?.code ?? "" } };
  }
  return undefined;
}

/** The country of an ISO 3166-1 alpha-2 code ("CA"). */
export function countryByIso2(iso2: string): Country | undefined {
  const country = loadCountries().byIso2.get(iso2.toUpperCase());
  return country ? { ...country } : undefined;
}

// ---- index files --------------------------------------------------------------------------------

const files = new Map<string, Buffer>();

function indexFile(name: string): Buffer {
  let bytes = files.get(name);
  if (!bytes) {
    bytes = readFileSync(projectPath(`schemas/gazetteer/${name}`));
    files.set(name, bytes);
  }
  return bytes;
}

/** The lines of an index file whose key (first column) is `key`, as columns without the key. */
function linesOf(name: string, key: string): readonly string[][] {
  return keptLines(`${name}\t${key}`);
}

/** Looked up once per file and key: a corpus names the same few hundred places again and again. */
const keptLines = boundedMemo((fileAndKey: string) => {
  const tab = fileAndKey.indexOf("\t");
  return searchLines(fileAndKey.slice(0, tab), fileAndKey.slice(tab + 1));
});

function searchLines(name: string, key: string): string[][] {
  if (key.length === 0) return [];
  const bytes = indexFile(name);
  const needle = Buffer.from(`\n${key}\t`, "utf8");
  const out: string[][] = [];
  let at = bytes.indexOf(needle);
  while (at >= 0) {
    const start = at + 1;
    const end = bytes.indexOf(10, start);
    out.push(bytes.toString("utf8", start, end < 0 ? bytes.length : end).split("\t").slice(1));
    // Lines of one key are adjacent: the next one starts right after this one, or there are no more.
    if (end < 0 || !bytes.subarray(end, end + needle.length).equals(needle)) break;
    at = end;
  }
  return out;
}

/** A column value anywhere in a file (the region code of "CA.08" is unique: keys have no dots). */
function lineWith(name: string, column: string): string[] | undefined {
  const bytes = indexFile(name);
  const at = bytes.indexOf(Buffer.from(`\t${column}\t`, "utf8"));
  if (at < 0) return undefined;
  const start = bytes.lastIndexOf(10, at) + 1;
  const end = bytes.indexOf(10, at);
  return bytes.toString("utf8", start, end < 0 ? bytes.length : end).split("\t");
}

/** The Wikidata item of a country ("US") or first-level region ("GB.ENG"), where wikidata.tsv has it. */
export function wikidataOf(code: string): string | undefined {
  return linesOf("wikidata.tsv", code)[0]?.[0];
}

/** The country an English demonym names ("American" → "US", "British" → "GB"), per demonyms.tsv. */
export function countryOfDemonym(word: string): string | undefined {
  return linesOf("demonyms.tsv", foldName(word))[0]?.[0];
}

// ---- regions ------------------------------------------------------------------------------------

function regionOf(code: string, name: string): Region {
  const wikidata = wikidataOf(code);
  return { id: slugOf(name), name, code, countryIso2: code.slice(0, code.indexOf(".")), ...(wikidata && { wikidata }) };
}

/** Every first-level region of that name ("Ontario", "California", "England"), in a country where one is given. */
export function findRegions(text: string, countryIso2?: string): Region[] {
  return linesOf("regions.tsv", foldName(text))
    .map(([code, name]) => regionOf(code!, name!))
    .filter((r) => countryIso2 === undefined || r.countryIso2 === countryIso2.toUpperCase());
}

/** The first-level region of that name, when there is exactly one (in the country, where one is given). */
export function findRegion(text: string, countryIso2?: string): Region | undefined {
  const found = findRegions(text, countryIso2);
  return found.length === 1 ? found[0] : undefined;
}

/** A region by its GeoNames code ("CA.08"). */
export function regionByCode(code: string): Region | undefined {
  const line = lineWith("regions.tsv", code);
  return line ? regionOf(line[1]!, line[2]!) : undefined;
}

// ---- cities -------------------------------------------------------------------------------------

let cityAliases: Map<string, number> | undefined;

function aliasOf(key: string): number | undefined {
  if (!cityAliases) {
    const aliases = JSON.parse(readFileSync(projectPath("schemas/gazetteer/aliases.json"), "utf8")) as { cities: Record<string, number> };
    cityAliases = new Map(Object.entries(aliases.cities).map(([name, id]) => [foldName(name), id]));
  }
  return cityAliases.get(key);
}

function cityOf(columns: string[], idSuffix: string): City {
  const [id, name, country, admin, population] = columns;
  const region = admin ? regionByCode(`${country}.${admin}`) : undefined;
  return {
    id: slugOf(name!) + idSuffix,
    name: name!,
    geonamesId: Number(id),
    countryIso2: country!,
    ...(region ? { region } : {}),
    population: Number(population),
  };
}

/**
 * The city of that name (GeoNames' name, or an English one from aliases.json: "Geneva"), the largest
 * one where several share it, in the country and region where given (ISO alpha-2; a Region or its
 * GeoNames code "US.CA"). Only cities of 15,000+ people and capitals are known.
 */
export function findCity(name: string, countryIso2?: string, region?: Region | string): City | undefined {
  const key = foldName(name);
  let lines = linesOf("cities.tsv", key);
  const alias = aliasOf(key);
  if (alias !== undefined) {
    const line = lineWith("cities.tsv", String(alias));
    if (line) lines = [line.slice(1), ...lines.filter((l) => l[0] !== String(alias))];
  }
  // The id follows the name asked for where that is an English alias ("Geneva" → "geneva", not "geneve").
  const slugName = alias !== undefined ? name : undefined;
  if (lines.length === 0) return undefined;
  const regionCode = typeof region === "string" ? region : region?.code;
  const country = (countryIso2 ?? regionCode?.slice(0, regionCode.indexOf(".")))?.toUpperCase();
  const fits = (l: string[]): boolean =>
    (country === undefined || l[2] === country) && (regionCode === undefined || `${l[2]}.${l[3]}` === regionCode);
  const at = lines.findIndex(fits);
  if (at < 0) return undefined;
  const line = lines[at]!;
  // The largest city of a name is the bare slug; others get their country, then their GeoNames id.
  const suffix = at === 0 ? "" : lines.slice(0, at).some((l) => l[2] === line[2]) ? `-${line[2]!.toLowerCase()}-${line[0]}` : `-${line[2]!.toLowerCase()}`;
  const city = cityOf(line, suffix);
  if (slugName !== undefined && at === 0) city.id = slugOf(slugName);
  return city;
}

// ---- languages ----------------------------------------------------------------------------------

/** The language of an English name ("French") or an ISO 639-1/-2/-3 code ("fr", "fra", "fre"). */
export function findLanguage(text: string): Language | undefined {
  const written = text.trim();
  // A language tag's subtags are not the language's ("fr-CA" is French).
  const key = /^[a-z]{2,3}-/i.test(written) ? written.slice(0, written.indexOf("-")).toLowerCase() : foldName(written);
  const line = linesOf("languages.tsv", key)[0];
  if (!line) return undefined;
  const [wikidata, name, iso6391, iso6392, iso6393] = line;
  return {
    id: slugOf(name!),
    name: name!,
    wikidata: wikidata!,
    ...(iso6391 ? { iso6391: iso6391.split(" ")[0]! } : {}),
    iso6392: iso6392 ? iso6392.split(" ") : [],
    ...(iso6393 ? { iso6393: iso6393.split(" ")[0]! } : {}),
  };
}

/** The language whose ISO 639-1, 639-2 or 639-3 code this is ("fr", "fre", "fra"), not found by name. */
export function languageByCode(code: string): Language | undefined {
  const key = code.toLowerCase();
  if (!/^[a-z]{2,3}$/.test(key)) return undefined;
  const language = findLanguage(key);
  return language && (language.iso6391 === key || language.iso6392.includes(key) || language.iso6393 === key) ? language : undefined;
}

// ---- places as written --------------------------------------------------------------------------

const POSTAL_CODE = /^(?=.*\d)[A-Z0-9][A-Z0-9 -]{1,9}$/i;

/**
 * A place as articles write it, parts separated by commas, read from the end: "Toronto, Ontario,
 * Canada", "London, UK", "San Jose, California" (the region gives the country), "Ford Foundation
 * Building, New York City, New York, U.S." (street: the building), "Headland House, 72 Acton Street, ,
 * London, WC1X 8DP" (a postal code; empty parts skipped). A part that is none of these ends the reading:
 * it and the parts before it are the street.
 */
export function parsePlace(text: string): ParsedPlace {
  const parts = text.split(",").map((p) => p.trim()).filter((p) => p.length > 0);
  const out: ParsedPlace = { street: [] };
  let end = parts.length;
  const last = parts[end - 1];
  if (last !== undefined && POSTAL_CODE.test(last) && !findCountry(last)) {
    out.postalCode = last;
    end -= 1;
  }
  const countryPart = parts[end - 1];
  const country = countryPart !== undefined ? findCountry(countryPart) : undefined;
  if (country) {
    out.country = country;
    end -= 1;
    if (country.part) out.region = regionByCode(country.part.code) ?? undefined;
    if (!out.region) delete out.region;
  }
  const regionPart = parts[end - 1];
  if (!out.region && regionPart !== undefined && end >= 1) {
    const candidates = findRegions(regionPart, out.country?.iso2);
    // "New York" the city or the state? With a part before it, the state; alone, a city wins.
    const cityFirst = end === 1 ? findCity(regionPart, out.country?.iso2) : undefined;
    let region: Region | undefined;
    if (!cityFirst && candidates.length === 1) region = candidates[0];
    else if (!cityFirst && candidates.length > 1 && end >= 2) {
      // Several regions of that name: the one the city before it is in.
      region = candidates.find((r) => findCity(parts[end - 2]!, r.countryIso2, r) !== undefined);
    }
    if (region) {
      out.region = region;
      end -= 1;
      if (!out.country) {
        const inferred = countryByIso2(region.countryIso2);
        if (inferred) out.country = inferred;
      }
    }
  }
  const cityPart = parts[end - 1];
  if (cityPart !== undefined) {
    const city = findCity(cityPart, out.country?.iso2, out.region);
    if (city) {
      out.city = city;
      end -= 1;
      if (!out.country) {
        const inferred = countryByIso2(city.countryIso2);
        if (inferred) out.country = inferred;
      }
      if (!out.region && city.region) out.region = city.region;
    }
  }
  out.street = parts.slice(0, end);
  return out;
}
