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
 *
 * A place as articles write it ("Washington, D.C., U.S.") is read by scripts/gazetteer/resolve.ts.
 *
 * Names are compared by foldName (scripts/gazetteer/fold.ts): case, accents, "." and "'" do not matter,
 * so "Montreal" finds Montréal and "U.S." finds the United States.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { projectPath } from "../lib/project-path.ts";
import { foldName } from "./fold.ts";
import { boundedMemo } from "../lib/bounded-memo.ts";
import { KeyedLines } from "./keyed-lines.ts";
import { once } from "../lib/once.ts";

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

const files = new Map<string, KeyedLines>();

/** An index file of schemas/gazetteer/, read once: its bytes, and where its lines start. */
function indexFile(name: string): KeyedLines {
  let table = files.get(name);
  if (!table) {
    table = new KeyedLines(readFileSync(projectPath(`schemas/gazetteer/${name}`)));
    files.set(name, table);
  }
  return table;
}

/** The lines of an index file whose key (first column) is `key`, as columns without the key. */
function linesOf(name: string, key: string): readonly string[][] {
  return keptLines(`${name}\t${key}`);
}

/** Looked up once per file and key: a corpus names the same few hundred places again and again. */
const keptLines = boundedMemo((fileAndKey: string) => {
  const tab = fileAndKey.indexOf("\t");
  return indexFile(fileAndKey.slice(0, tab)).linesOf(fileAndKey.slice(tab + 1));
});

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
  const name = regionTables().nameByCode.get(code);
  return name !== undefined ? regionOf(code, name) : undefined;
}

/**
 * Regions written by their code: a US state's postal abbreviation is its GeoNames code ("CA" is
 * US.CA, "D.C." US.DC), and so are some other countries' ("ENG"). Every region whose code after the
 * country is this, in the country where one is given.
 */
export function findRegionsByCode(text: string, countryIso2?: string): Region[] {
  const code = text.replace(/\./g, "").trim();
  if (!/^[A-Z]{2,3}$/.test(code)) return [];
  const codes = countryIso2 ? [`${countryIso2.toUpperCase()}.${code}`] : (regionTables().codesBySuffix.get(code) ?? []);
  return codes.map((c) => regionByCode(c)).filter((r): r is Region => r !== undefined);
}

interface RegionTables {
  /** Each region's name by its code ("CA.08" → "Ontario"). */
  nameByCode: Map<string, string>;
  /** Region codes by what follows the country ("CA" → US.CA, …), where that is two or three capitals. */
  codesBySuffix: Map<string, string[]>;
}

/** regions.tsv by code, read once (some 4,000 lines): every city found names its region by code. */
const regionTables = once((): RegionTables => {
  const nameByCode = new Map<string, string>();
  const codesBySuffix = new Map<string, string[]>();
  for (const [, code, name] of indexFile("regions.tsv").lines()) {
    if (!code || nameByCode.has(code)) continue;
    nameByCode.set(code, name ?? "");
    const suffix = code.slice(code.indexOf(".") + 1);
    if (/^[A-Z]{2,3}$/.test(suffix)) codesBySuffix.set(suffix, [...(codesBySuffix.get(suffix) ?? []), code]);
  }
  return { nameByCode, codesBySuffix };
});

/** Regions by the other names of aliases.json ("Newfoundland" → Newfoundland and Labrador, CA.05). */
export function findRegionsByAlias(text: string, countryIso2?: string): Region[] {
  const code = loadAliases().regions.get(foldName(text));
  const region = code ? regionByCode(code) : undefined;
  return region && (countryIso2 === undefined || region.countryIso2 === countryIso2.toUpperCase()) ? [region] : [];
}

// ---- cities -------------------------------------------------------------------------------------

interface Aliases {
  cities: Map<string, number>;
  regions: Map<string, string>;
}

let aliasTables: Aliases | undefined;

function loadAliases(): Aliases {
  if (!aliasTables) {
    const aliases = JSON.parse(readFileSync(projectPath("schemas/gazetteer/aliases.json"), "utf8")) as { cities: Record<string, number>; regions?: Record<string, string> };
    aliasTables = {
      cities: new Map(Object.entries(aliases.cities).map(([name, id]) => [foldName(name), id])),
      regions: new Map(Object.entries(aliases.regions ?? {}).map(([name, code]) => [foldName(name), code])),
    };
  }
  return aliasTables;
}

/** A city's line by its GeoNames id, for the few that aliases.json names: found once each. */
const cityById = boundedMemo((id: string) => indexFile("cities.tsv").lineWith(id));

function aliasOf(key: string): number | undefined {
  return loadAliases().cities.get(key);
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
 * Every city of that name (GeoNames' name, or an English one from aliases.json: "Geneva"), the
 * alias's first, then the largest first. Each has the id findCity gives it: the largest of a name
 * the bare slug, others their country's code, then their GeoNames id ("london-ca").
 */
export function findCities(name: string): City[] {
  const key = foldName(name);
  let lines = linesOf("cities.tsv", key);
  const alias = aliasOf(key);
  if (alias !== undefined) {
    const line = cityById(String(alias));
    if (line) lines = [line.slice(1), ...lines.filter((l) => l[0] !== String(alias))];
  }
  return lines.map((line, at) => {
    const suffix = at === 0 ? "" : lines.slice(0, at).some((l) => l[2] === line[2]) ? `-${line[2]!.toLowerCase()}-${line[0]}` : `-${line[2]!.toLowerCase()}`;
    const city = cityOf(line, suffix);
    // The id follows the name asked for where that is an English alias ("Geneva" → "geneva", not "geneve").
    if (alias !== undefined && at === 0) city.id = slugOf(name);
    return city;
  });
}

/**
 * The city of that name, the largest one where several share it, in the country and region where
 * given (ISO alpha-2; a Region or its GeoNames code "US.CA"). Only cities of 15,000+ people and
 * capitals are known.
 */
export function findCity(name: string, countryIso2?: string, region?: Region | string): City | undefined {
  const regionCode = typeof region === "string" ? region : region?.code;
  const country = (countryIso2 ?? regionCode?.slice(0, regionCode.indexOf(".")))?.toUpperCase();
  return findCities(name).find((c) => (country === undefined || c.countryIso2 === country) && (regionCode === undefined || c.region?.code === regionCode));
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
