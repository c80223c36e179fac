// The gazetteer (scripts/gazetteer/): countries, regions, cities and languages found by the names and
// codes articles write them with; places as the articles' infoboxes write them, split into parts.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveGazetteer } from "../scripts/gazetteer/derive.ts";
import { resolvePlace } from "../scripts/gazetteer/resolve.ts";
import { countryByIso2, countryOfDemonym, findCity, findCountry, findLanguage, findRegion, foldName, languageByCode, wikidataOf } from "../scripts/gazetteer/index.ts";
import { KeyedLines } from "../scripts/gazetteer/keyed-lines.ts";
import { ROOT } from "./helpers.ts";

describe("findCountry", () => {
  it.each([
    ["Canada", "canada", "CA"],
    ["UK", "united-kingdom", "GB"],
    ["U.K.", "united-kingdom", "GB"],
    ["United Kingdom", "united-kingdom", "GB"],
    ["Great Britain", "united-kingdom", "GB"],
    ["Britain", "united-kingdom", "GB"],
    ["U.S.", "united-states", "US"],
    ["US", "united-states", "US"],
    ["USA", "united-states", "US"],
    ["United States", "united-states", "US"],
    ["United States of America", "united-states", "US"],
    ["France", "france", "FR"],
    ["Ireland", "ireland", "IE"],
    ["CAN", "canada", "CA"],
    [" canada ", "canada", "CA"],
  ])("%s is %s (%s)", (text, id, iso2) => {
    const country = findCountry(text);
    expect(country?.id).toBe(id);
    expect(country?.iso2).toBe(iso2);
    expect(country?.part).toBeUndefined();
  });

  it("gives the English short name and the other ISO 3166-1 codes", () => {
    expect(findCountry("United States of America")).toEqual({ id: "united-states", name: "United States", iso2: "US", iso3: "USA", numeric: "840", wikidata: "Q30" });
    expect(findCountry("Russian Federation")?.name).toBe("Russia");
    expect(countryByIso2("gb")?.name).toBe("United Kingdom");
  });

  it("reads England, Scotland and Wales as parts of the United Kingdom", () => {
    expect(findCountry("England")).toMatchObject({ id: "united-kingdom", iso2: "GB", part: { name: "England", code: "GB.ENG" } });
    expect(findCountry("Scotland")).toMatchObject({ iso2: "GB", part: { name: "Scotland", code: "GB.SCT" } });
    expect(findCountry("Wales")?.part?.code).toBe("GB.WLS");
  });

  it("finds nothing for what is not a country, or is two countries' name", () => {
    for (const text of ["Worldwide", "", "Toronto", "Congo", "ZZ"]) expect(findCountry(text)).toBeUndefined();
  });
});

describe("Wikidata items and demonyms, from data packages", () => {
  it("gives every country its Wikidata item (wikidata.tsv, from @rapideditor/country-coder)", () => {
    expect(findCountry("UK")?.wikidata).toBe("Q145");
    expect(findCountry("U.S.")?.wikidata).toBe("Q30");
    expect(countryByIso2("CA")?.wikidata).toBe("Q16");
    expect(countryByIso2("NE")?.wikidata).toBe("Q1032");
    // The item that bears the ISO code (Wikidata's P297), not the realm country-coder draws for it.
    expect(countryByIso2("DK")?.wikidata).toBe("Q35");
    expect(countryByIso2("NL")?.wikidata).toBe("Q55");
    expect(countryByIso2("GB")?.wikidata).toBe("Q145");
    // Every ISO 3166-1 country has one.
    for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
      const country = countryByIso2(String.fromCharCode(a, b));
      if (country) expect(country.wikidata, country.iso2).toMatch(/^Q[0-9]+$/);
    }
  });

  it("gives a region its item only where the package names it as a part of its country", () => {
    expect(findRegion("England")?.wikidata).toBe("Q21");
    expect(wikidataOf("US.HI")).toBe("Q782");
    expect(findRegion("Ontario")?.wikidata).toBeUndefined();
  });

  it("reads a demonym as its country, one independent country where several share it", () => {
    expect(countryOfDemonym("American")).toBe("US");
    expect(countryOfDemonym("British")).toBe("GB");
    expect(countryOfDemonym("Canadian")).toBe("CA");
    expect(countryOfDemonym("French")).toBe("FR");
    expect(countryOfDemonym("Congolese")).toBeUndefined();
    expect(countryOfDemonym("Martian")).toBeUndefined();
  });
});

describe("findLanguage", () => {
  it.each(["French", "french", "fr", "fra", "fre", "fr-CA"])("%s is French, Q150", (text) => {
    expect(findLanguage(text)).toEqual({ id: "french", name: "French", wikidata: "Q150", iso6391: "fr", iso6392: ["fra", "fre"], iso6393: "fra" });
  });

  it.each([
    ["en", "english", "Q1860"],
    ["es", "spanish", "Q1321"],
    ["ar", "arabic", "Q13955"],
    ["German", "german", "Q188"],
  ])("%s is %s (%s)", (text, id, wikidata) => {
    expect(findLanguage(text)).toMatchObject({ id, wikidata });
  });

  it("finds nothing for what is not a language", () => {
    expect(findLanguage("Worldwide")).toBeUndefined();
    expect(findLanguage("")).toBeUndefined();
  });
});

describe("languageByCode", () => {
  it.each(["fr", "fre", "fra", "FR"])("%s is French", (code) => {
    expect(languageByCode(code)).toMatchObject({ id: "french", wikidata: "Q150" });
  });

  it("finds no language by its name, a tag or what is no code", () => {
    for (const text of ["French", "fr-CA", "qq", "", "e"]) expect(languageByCode(text), text).toBeUndefined();
  });
});

describe("findRegion and findCity", () => {
  it("finds first-level regions by name, in a country where given", () => {
    expect(findRegion("Ontario")).toEqual({ id: "ontario", name: "Ontario", code: "CA.08", countryIso2: "CA" });
    expect(findRegion("California")?.code).toBe("US.CA");
    expect(findRegion("New York", "US")?.code).toBe("US.NY");
    expect(findRegion("Ontario", "US")).toBeUndefined();
  });

  it("gives the GeoNames id, country and region of a city", () => {
    expect(findCity("Toronto")).toMatchObject({ id: "toronto", name: "Toronto", geonamesId: 6167865, countryIso2: "CA", region: { name: "Ontario" } });
    expect(findCity("San Jose", "US")).toMatchObject({ geonamesId: 5392171, region: { code: "US.CA" } });
    expect(findCity("New York City")).toMatchObject({ geonamesId: 5128581, countryIso2: "US" });
  });

  it("takes the largest city of a name unless the country or region says otherwise", () => {
    expect(findCity("London")).toMatchObject({ id: "london", geonamesId: 2643743, countryIso2: "GB" });
    expect(findCity("London", "CA")).toMatchObject({ id: "london-ca", geonamesId: 6058560 });
    expect(findCity("London", undefined, "CA.08")?.geonamesId).toBe(6058560);
    expect(findCity("London", "FR")).toBeUndefined();
  });

  it("matches names without accents and English names of aliases.json", () => {
    expect(findCity("Montreal")).toMatchObject({ id: "montreal", name: "Montréal", geonamesId: 6077243 });
    expect(findCity("Geneva")).toMatchObject({ id: "geneva", geonamesId: 2660646, countryIso2: "CH" });
    expect(findCity("Nowhere Special")).toBeUndefined();
  });
});

describe("resolvePlace, on the place forms of the articles' infoboxes", () => {
  const short = (text: string) => {
    const p = resolvePlace(text).place!;
    return { city: p.city?.geonamesId, region: p.region?.code, country: p.country?.iso2, postalCode: p.postalCode, street: p.street };
  };

  it.each([
    ["Toronto, Ontario, Canada", { city: 6167865, region: "CA.08", country: "CA", street: [] }],
    ["London, UK", { city: 2643743, region: "GB.ENG", country: "GB", street: [] }],
    ["San Jose, California", { city: 5392171, region: "US.CA", country: "US", street: [] }],
    ["Ford Foundation Building, New York City, New York, U.S.", { city: 5128581, region: "US.NY", country: "US", street: ["Ford Foundation Building"] }],
    ["Paris, France", { city: 2988507, region: "FR.11", country: "FR", street: [] }],
    ["Canada", { country: "CA", street: [] }],
    ["London, England", { city: 2643743, region: "GB.ENG", country: "GB", street: [] }],
    ["Headland House, 72 Acton Street, , London, WC1X 8DP", { city: 2643743, region: "GB.ENG", country: "GB", postalCode: "WC1X 8DP", street: ["Headland House", "72 Acton Street"] }],
    ["Worldwide", { street: ["Worldwide"] }],
  ])("%s", (text, expected) => {
    const got = short(text);
    expect(Object.fromEntries(Object.entries(got).filter(([, v]) => v !== undefined))).toEqual(expected);
  });
});

describe("the index files", () => {
  it("fold names the same way for the index and a query", () => {
    expect(foldName("U.S.")).toBe("us");
    expect(foldName("Côte d'Ivoire")).toBe("cote divoire");
    expect(foldName("  Saint-Jean   sur Richelieu ")).toBe("saint jean sur richelieu");
  });

  it("fold printable ASCII as the Unicode steps do (its own fast path)", () => {
    const unicodeFold = (text: string) => text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[.'’]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (text) => foldName(text) === unicodeFold(text)));
    for (const text of ["U.S.", "Côte d'Ivoire", "  A--B  ", "O'Neill", "x\ty"]) expect(foldName(text)).toBe(unicodeFold(text));
  });

  it("find every line of every file by its key, and nothing by a key between theirs", () => {
    for (const name of ["cities.tsv", "regions.tsv", "languages.tsv", "wikidata.tsv", "demonyms.tsv"]) {
      const bytes = readFileSync(join(ROOT, "schemas/gazetteer", name));
      const table = new KeyedLines(bytes);
      const lines = bytes.toString("utf8").split("\n").filter((line) => line !== "" && !line.startsWith("#"));
      const byKey = new Map<string, string[][]>();
      for (const line of lines) {
        const [key, ...rest] = line.split("\t");
        byKey.set(key!, [...(byKey.get(key!) ?? []), rest]);
      }
      const wrong: string[] = [];
      for (const [key, expected] of byKey) {
        if (JSON.stringify(table.linesOf(key)) !== JSON.stringify(expected)) wrong.push(key);
        if (table.linesOf(`${key}!`).length !== (byKey.get(`${key}!`)?.length ?? 0)) wrong.push(`${key}!`);
      }
      expect(wrong, name).toEqual([]);
    }
  });

  it("are what scripts/gazetteer/derive.ts makes from the packages", () => {
    const derived = deriveGazetteer();
    for (const [name, text] of Object.entries(derived)) {
      expect(readFileSync(join(ROOT, "schemas/gazetteer", name), "utf8"), name).toBe(text);
    }
  });
});
