// The importer's value parsers, on every form the real articles' infoboxes write (short infobox
// values, not the articles' text), and property tests: whatever date, count, amount or place is
// written in the forms infoboxes use, the parser gives back what was written; on any text at all it
// answers without throwing.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { imageUrl, initials, parseCount, parseDate, parseMoney, parseNames, parseOrganizationNames, parseYear, splitList, withoutResidue, currencyOf } from "../scripts/import/values.ts";
import { parsePlace, parsePlaces } from "../scripts/import/places.ts";
import { importMapping, labelOf, mapLabel, parameterOf, rowProperty } from "../scripts/import/mapping.ts";
import { idOf, slugOf } from "../scripts/import/draft.ts";

describe("dates at their precision", () => {
  it.each([
    ["1981", { iso: "1981", rest: "" }],
    ["1987-02-05", { iso: "1987-02-05", rest: "" }],
    ["July 30th, 1912", { iso: "1912-07-30", rest: "" }],
    ["2005, UK", { iso: "2005", rest: "UK" }],
    ["20 March 1970, (as ACCT)", { iso: "1970-03-20", rest: "(as ACCT)" }],
    ["14–16 November 1997, (as La Francophonie)", { iso: "1997-11-14", end: "1997-11-16", rest: "(as La Francophonie)" }],
    ["June 27, 2006", { iso: "2006-06-27", rest: "" }],
    ["Sept. 1990", { iso: "1990-09", rest: "" }],
    ["1992–1996", { iso: "1992", end: "1996", rest: "" }],
    ["c. 1950", { iso: "1950", approximate: true, rest: "" }],
  ])("%s", (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it.each(["", ", ()", "30 February 1990", "Worldwide", "999", "12345", "13/2020", "16–14 November 1997"])("refuses %j", (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it("reads a year alone, for the … Year fields", () => {
    expect(parseYear("2023")).toBe("2023");
    expect(parseYear("(2016)")).toBe("2016");
    expect(parseYear("FY 2016")).toBe("2016");
    expect(parseYear("2016 est.")).toBe("2016");
    expect(parseYear("twenty")).toBeUndefined();
  });
});

describe("counts with their qualifier and year", () => {
  it.each([
    ["100+", { value: 100, comparison: "at-least", unit: "" }],
    ["approx. 230", { value: 230, comparison: "about", unit: "" }],
    ["600 000", { value: 600000, comparison: "exactly", unit: "" }],
    ["23,066 (2024)", { value: 23066, comparison: "exactly", unit: "", asOf: "2024" }],
    ["16.8 billion", { value: 16800000000, comparison: "exactly", unit: "" }],
    ["1 billion", { value: 1000000000, comparison: "exactly", unit: "" }],
    ["120 independent organizations worldwide", { value: 120, comparison: "exactly", unit: "independent organizations worldwide" }],
    ["more than 119 organizations", { value: 119, comparison: "more-than", unit: "organizations" }],
    ["28,223,185", { value: 28223185, comparison: "exactly", unit: "" }],
    ["5", { value: 5, comparison: "exactly", unit: "" }],
    ["1,200 (as of 2019)", { value: 1200, comparison: "exactly", unit: "", asOf: "2019" }],
    // A term or a month before the year: the figure keeps its year.
    ["279 (Fall 2024)", { value: 279, comparison: "exactly", unit: "", asOf: "2024" }],
    ["1,020 (September 2023)", { value: 1020, comparison: "exactly", unit: "", asOf: "2023" }],
    ["120 member organizations (2023)", { value: 120, comparison: "exactly", unit: "member organizations", asOf: "2023" }],
  ])("%s", (text, expected) => {
    expect(parseCount(text)).toEqual(expected);
  });

  it.each(["", "| | | , ∟ French Community of Belgium", "10,897,032.263", "1,23", "£5", "5 (2010) 7 (2012)", "about", "Worldwide", "40 (Class 2024)", "100 (2023–24)", "7 (5 countries)"])("refuses %j", (text) => {
    expect(parseCount(text)).toBeUndefined();
  });
});

describe("money with its currency (ISO 4217) and year", () => {
  it.each([
    ["£7,014,478 (2016)", { amount: "7014478", currency: "GBP", comparison: "exactly", asOf: "2016" }],
    ["16.8 billion", { amount: "16800000000", comparison: "exactly" }],
    ["$18.28 trillion", { amount: "18280000000000", currency: "USD", comparison: "exactly" }],
    ["US$1.2 million", { amount: "1200000", currency: "USD", comparison: "exactly" }],
    ["CA$3 bn", { amount: "3000000000", currency: "CAD", comparison: "exactly" }],
    ["€5m", { amount: "5000000", currency: "EUR", comparison: "exactly" }],
    ["5 million EUR", { amount: "5000000", currency: "EUR", comparison: "exactly" }],
    ["CHF 120,000", { amount: "120000", currency: "CHF", comparison: "exactly" }],
    ["over $2 billion", { amount: "2000000000", currency: "USD", comparison: "more-than" }],
  ])("%s", (text, expected) => {
    expect(parseMoney(text)).toEqual(expected);
  });

  it.each(["", "Newspapers", "$", "XYZ 5", "5 apples"])("refuses %j", (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  it("knows currencies by symbol, prefixed symbol and code", () => {
    expect(currencyOf("£")).toBe("GBP");
    expect(currencyOf("€")).toBe("EUR");
    expect(currencyOf("₹")).toBe("INR");
    expect(currencyOf("A$")).toBe("AUD");
    expect(currencyOf("NZ$")).toBe("NZD");
    expect(currencyOf("JPY")).toBe("JPY");
    expect(currencyOf("ABC")).toBeUndefined();
  });
});

describe("places as their parts", () => {
  const shape = (text: string) => parsePlace(text)?.parts.map((p) => [p.name, p.type, ...(p.written ? [p.written] : []), ...(p.implied ? ["implied"] : [])]);
  it.each([
    ["Toronto, Ontario, Canada", [["Toronto", "City"], ["Ontario", "State"], ["Canada", "Country"]]],
    ["London, UK", [["London", "City"], ["United Kingdom", "Country", "UK"]]],
    ["San Jose, California", [["San Jose", "City"], ["California", "State"], ["United States", "Country", "implied"]]],
    ["Ford Foundation Building, New York City, New York, U.S.", [["Ford Foundation Building", "Place"], ["New York City", "City"], ["New York", "State"], ["United States", "Country", "U.S."]]],
    ["Canada", [["Canada", "Country"]]],
    ["Paris, France", [["Paris", "City"], ["France", "Country"]]],
  ])("%s", (text, expected) => {
    expect(shape(text)).toEqual(expected);
    expect(parsePlace(text)!.exact).toBe(true);
  });

  it("reads the city of an address, but not as a place the infobox can show", () => {
    const place = parsePlace("Headland House, 72 Acton Street, , London, WC1X 8DP")!;
    expect(place.exact).toBe(false);
    expect(place.parts.map((p) => p.name)).toEqual(["Headland House", "London", "United Kingdom"]);
  });

  it("reads a list of countries", () => {
    expect(parsePlaces("United Kingdom, Ireland")!.map((p) => p.parts[0]!.name)).toEqual(["United Kingdom", "Ireland"]);
    expect(parsePlaces("United States, Africa, Latin America")).toBeUndefined();
  });
});

describe("organizations and lists", () => {
  it("keeps a comma inside a name", () => {
    expect(splitList("Knight Newspapers, Inc., Ridder Publications, Inc.")).toEqual(["Knight Newspapers, Inc.", "Ridder Publications, Inc."]);
    expect(splitList('"Égalité, complémentarité, solidarité", "Equality, complementarity, solidarity"')).toEqual(["Égalité, complémentarité, solidarité", "Equality, complementarity, solidarity"]);
    expect(splitList("United States, Africa, Latin America, Middle East, Asia")).toHaveLength(5);
  });

  it("pairs an organization with the abbreviation that follows it", () => {
    const names = parseOrganizationNames("International Federation of Journalists, IFJ, Trades Union Congress, TUC, Irish Congress of Trade Unions, ICTU, TUCG, NSSN");
    expect(names).toEqual([
      { name: "International Federation of Journalists", abbreviation: "IFJ" },
      { name: "Trades Union Congress", abbreviation: "TUC" },
      { name: "Irish Congress of Trade Unions", abbreviation: "ICTU" },
      { name: "TUCG" },
      { name: "NSSN" },
    ]);
    expect(initials("Federation of Entertainment Unions")).toBe("FEU");
  });

  it("takes a share or the years of a name out of it, and keeps a name's own parenthesis", () => {
    expect(parseOrganizationNames("Halvorsen Industrier ASA (58%), Perth Thistle Supporters' Trust (51% stake)")).toEqual([{ name: "Halvorsen Industrier ASA" }, { name: "Perth Thistle Supporters' Trust" }]);
    expect(parseNames("Telenorte (1993–2001), , ()")).toEqual(["Telenorte"]);
    expect(parseNames("Agence de coopération culturelle et technique (ACCT), Radio Norte (until 1990)")).toEqual(["Agence de coopération culturelle et technique (ACCT)", "Radio Norte"]);
  });

  it("tells template residue and display classes from values", () => {
    expect(withoutResidue("| Non-profit_slogan =")).toBe("");
    expect(withoutResidue(", ()")).toBe("");
    expect(withoutResidue("|")).toBe("");
    expect(withoutResidue("Logo of the Ford Foundation.svgclass=skin-invert")).toBe("Logo of the Ford Foundation.svg");
    expect(withoutResidue("Mass media")).toBe("Mass media");
    expect(imageUrl("Knight Ridder logo.gif")).toBe("https://en.wikipedia.org/wiki/Special:FilePath/Knight_Ridder_logo.gif");
    expect(imageUrl("no image")).toBeUndefined();
  });
});

describe("labels, parameters and slugs", () => {
  it("maps a label to a parameter by one rule, and back", () => {
    expect(parameterOf("Founded Date")).toBe("founded_date");
    expect(labelOf("hq_location_city")).toBe("Hq Location City");
    expect(mapLabel("Leader Title2")).toMatchObject({ base: "leader_title", number: "2" });
    expect(mapLabel("Population Density Km2")).toMatchObject({ parameter: "population_density_km2", row: undefined });
    // A parameter whose name ends in a number that is not a pair's is found whole.
    expect(mapLabel("Area Km2")).toMatchObject({ parameter: "area_km2", number: "", row: { key: "area" } });
    expect(rowProperty(importMapping(), mapLabel("Num Employees").row!)).toBe("schema:numberOfEmployees");
    expect(mapLabel("Footnote A").row).toBeUndefined();
  });

  it("makes slugs and ids", () => {
    expect(slugOf("IFEX (organization)")).toBe("ifex");
    expect(slugOf("Organisation internationale de la Francophonie")).toBe("organisation-internationale-de-la-francophonie");
    expect(idOf("François Paradis")).toBe("francois-paradis");
    expect(idOf("Ridder Publications, Inc.")).toBe("ridder-publications-inc");
  });
});

// ---------------------------------------------------------------------------------------------
// Property tests

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? "st" : d % 10 === 2 && d !== 12 ? "nd" : d % 10 === 3 && d !== 13 ? "rd" : "th"}`;
const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe("property: dates", () => {
  const day = fc.record({ y: fc.integer({ min: 1000, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }).map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));
  const rest = fc.constantFrom("", ", (as ACCT)", ", UK", " (founding)");

  it("a day written in any infobox form reads back at day precision, with what follows it", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 3 }), rest, ({ y, m, d }, form, after) => {
        const month = MONTHS[m - 1]!;
        const text = [`${y}-${pad(m)}-${pad(d)}`, `${d} ${month} ${y}`, `${month} ${ordinal(d)}, ${y}`, `${month} ${d}, ${y}`][form]! + after;
        const parsed = parseDate(text);
        expect(parsed?.iso).toBe(`${y}-${pad(m)}-${pad(d)}`);
        expect(parsed?.rest).toBe(after.replace(/^[,\s]+/, ""));
      }),
      { numRuns: 500 },
    );
  });

  it("a month or a year alone reads back at its precision", () => {
    fc.assert(
      fc.property(day, fc.boolean(), ({ y, m }, withMonth) => {
        const text = withMonth ? `${MONTHS[m - 1]} ${y}` : String(y);
        expect(parseDate(text)?.iso).toBe(withMonth ? `${y}-${pad(m)}` : String(y));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, and only gives calendar dates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 40 }), (text) => {
        const parsed = parseDate(text);
        if (parsed) expect(parsed.iso).toMatch(/^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/);
      }),
      { numRuns: 1000 },
    );
  });
});

/** n written with commas, with spaces, or plain. */
function grouped(n: number, style: number): string {
  const plain = String(n);
  if (style === 0) return plain;
  return plain.replace(/\B(?=([0-9]{3})+(?![0-9]))/g, style === 1 ? "," : " ");
}

describe("property: counts", () => {
  it("a whole number in any grouping, qualifier and year reads back", () => {
    const qualifiers: [string, string, string][] = [["", "", "exactly"], ["approx. ", "", "about"], ["over ", "", "more-than"], ["", "+", "at-least"], ["at least ", "", "at-least"], ["about ", "", "about"]];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(...qualifiers), fc.option(fc.integer({ min: 1000, max: 2100 }), { nil: undefined }), (n, style, [before, after, comparison], year) => {
        const text = `${before}${grouped(n, style)}${after}${year === undefined ? "" : ` (${year})`}`;
        expect(parseCount(text)).toEqual({ value: n, comparison, unit: "", ...(year !== undefined && { asOf: String(year) }) });
      }),
      { numRuns: 1000 },
    );
  });

  it("a decimal with a multiplier is the exact whole number it means", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom(["thousand", 1e3], ["million", 1e6], ["billion", 1e9]), (whole, tenth, [word, factor]) => {
        expect(parseCount(`${whole}.${tenth} ${word}`)?.value).toBe(whole * (factor as number) + tenth * ((factor as number) / 10));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite", maxLength: 40 }), (text) => void parseCount(text)), { numRuns: 1000 });
  });
});

describe("property: money", () => {
  it("an amount with its currency and year reads back", () => {
    const currencies: [string, string, string][] = [["£", "", "GBP"], ["€", "", "EUR"], ["US$", "", "USD"], ["$", "", "USD"], ["", " JPY", "JPY"], ["CHF ", "", "CHF"], ["", "", ""]];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), fc.integer({ min: 0, max: 1 }), fc.constantFrom(...currencies), fc.option(fc.integer({ min: 1000, max: 2100 }), { nil: undefined }), (n, style, [before, after, code], year) => {
        const text = `${before}${grouped(n, style)}${after}${year === undefined ? "" : ` (${year})`}`;
        expect(parseMoney(text)).toEqual({ amount: String(n), comparison: "exactly", ...(code && { currency: code }), ...(year !== undefined && { asOf: String(year) }) });
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite", maxLength: 40 }), (text) => void parseMoney(text)), { numRuns: 1000 });
  });
});

describe("property: places", () => {
  // Known names: the gazetteer tells each part's role; the parts read back as written, in order.
  const chains: [string, string | undefined, string][] = [
    ["Toronto", "Ontario", "Canada"],
    ["Montreal", "Quebec", "Canada"],
    ["Lyon", undefined, "France"],
    ["London", undefined, "United Kingdom"],
    ["Pittsburgh", "Pennsylvania", "United States"],
    ["Nairobi", undefined, "Kenya"],
    ["Dhaka", undefined, "Bangladesh"],
  ];
  const aliases: Record<string, string[]> = { "United Kingdom": ["UK", "U.K.", "United Kingdom"], "United States": ["U.S.", "US", "USA", "United States"] };

  it("a city, its region and its country, written with any of the country's names, read back as written", () => {
    fc.assert(
      fc.property(fc.constantFrom(...chains), fc.boolean(), fc.nat(), fc.option(fc.constantFrom("Tower House", "Ford Foundation Building"), { nil: undefined }), ([city, region, country], withRegion, pick, building) => {
        const names = aliases[country] ?? [country];
        const countryWritten = names[pick % names.length]!;
        const written = [building, city, withRegion ? region : undefined, countryWritten].filter((p): p is string => p !== undefined);
        const place = parsePlace(written.join(", "))!;
        expect(place.exact).toBe(true);
        expect(place.parts.map((p) => p.written ?? p.name)).toEqual(written);
        expect(place.parts.at(-1)).toMatchObject({ name: country, type: "Country" });
        expect(place.parts.find((p) => p.type === "City")?.name).toBe(city);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme-composite", maxLength: 60 }), (text) => void parsePlace(text)), { numRuns: 500 });
  });
});
