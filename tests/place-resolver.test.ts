// The place resolver (scripts/gazetteer/resolve.ts) on gold-like cases written from knowledge of the
// places themselves, not from the resolver's output: each value is read as a whole before its
// parts, the candidate that agrees with the other parts and the article's countries wins, and a
// place nothing decides is ambiguous (flagged by the importer), never guessed.

import { describe, expect, it } from "vitest";
import { resolvePlace, type PlaceContext } from "../scripts/gazetteer/resolve.ts";

interface Gold {
  geonames?: number;
  city?: string;
  region?: string;
  country: string;
  street?: string[];
  postalCode?: string;
}

const cases: [string, PlaceContext, Gold][] = [
  // Washington, D.C. is GeoNames' "Washington, D.C." (4140963), never Washington, Tyne and Wear.
  ["Washington, D.C.", {}, { geonames: 4140963, region: "US.DC", country: "US" }],
  ["Washington, D.C.", { countries: ["US"] }, { geonames: 4140963, region: "US.DC", country: "US" }],
  ["Washington, DC", {}, { geonames: 4140963, country: "US" }],
  ["Washington D.C., United States", {}, { geonames: 4140963, country: "US" }],
  ["Washington, DC 20036", {}, { geonames: 4140963, country: "US", postalCode: "20036" }],
  ["1850 M Street NW, Suite 1100, Washington, D.C., U.S.", {}, { geonames: 4140963, country: "US", street: ["1850 M Street NW", "Suite 1100"] }],
  // New York, New York is New York City in New York State: one place, not a second "New York".
  ["New York, New York, US", {}, { geonames: 5128581, region: "US.NY", country: "US" }],
  ["New York City", {}, { geonames: 5128581, country: "US" }],
  ["New York, NY", {}, { geonames: 5128581, region: "US.NY", country: "US" }],
  ["Ford Foundation Building, New York City, New York, U.S.", {}, { geonames: 5128581, region: "US.NY", country: "US", street: ["Ford Foundation Building"] }],
  // A region written by another name or its code.
  ["St. John's, Newfoundland", {}, { geonames: 6324733, region: "CA.05", country: "CA" }],
  ["St. John's, Newfoundland and Labrador, Canada", {}, { geonames: 6324733, country: "CA" }],
  ["San Jose, CA", {}, { geonames: 5392171, region: "US.CA", country: "US" }],
  ["San Jose, California, U.S.", {}, { geonames: 5392171, region: "US.CA", country: "US" }],
  ["San Jose, California", {}, { geonames: 5392171, country: "US" }],
  // The region decides between cities of one name.
  ["Birmingham, Alabama", {}, { geonames: 4049979, region: "US.AL", country: "US" }],
  ["Birmingham, England", {}, { geonames: 2655603, country: "GB" }],
  ["London, Ontario", {}, { geonames: 6058560, region: "CA.08", country: "CA" }],
  ["London, Ontario, Canada", { countries: ["GB"] }, { geonames: 6058560, country: "CA" }],
  ["Cambridge, Massachusetts", {}, { geonames: 4931972, country: "US" }],
  ["Vancouver, Washington", {}, { geonames: 5814616, region: "US.WA", country: "US" }],
  ["Dublin, Ohio", {}, { geonames: 5152333, country: "US" }],
  ["Paris, Texas", {}, { geonames: 4717560, country: "US" }],
  // The country decides.
  ["London, UK", {}, { geonames: 2643743, country: "GB" }],
  ["Paris, France", {}, { geonames: 2988507, country: "FR" }],
  ["Brussels, Belgium", {}, { geonames: 2800866, country: "BE" }],
  ["Geneva, Switzerland", {}, { geonames: 2660646, country: "CH" }],
  ["Headland House, 72 Acton Street, , London, WC1X 8DP", { countries: ["GB", "IE"] }, { geonames: 2643743, country: "GB", street: ["Headland House", "72 Acton Street"], postalCode: "WC1X 8DP" }],
  // The article's country decides.
  ["Birmingham", { countries: ["US"] }, { geonames: 4049979, country: "US" }],
  ["Birmingham", { countries: ["GB"] }, { geonames: 2655603, country: "GB" }],
  ["Washington", { countries: ["GB"] }, { geonames: 2634715, country: "GB" }],
  ["Cambridge", { countries: ["GB"] }, { geonames: 2653941, country: "GB" }],
  ["Georgia", { countries: ["US"] }, { region: "US.GA", country: "US" }],
  // One city of a name dwarfs the others; a country's name is the country.
  ["London", {}, { geonames: 2643743, country: "GB" }],
  ["Paris", {}, { geonames: 2988507, country: "FR" }],
  ["Toronto", {}, { geonames: 6167865, country: "CA" }],
  ["Canada", {}, { country: "CA" }],
  ["Georgia", {}, { country: "GE" }],
  ["Singapore", {}, { country: "SG" }],
  ["Mexico", {}, { country: "MX" }],
  ["Mexico City", {}, { geonames: 3530597, country: "MX" }],
  // A region with its country written as a constituent country.
  ["Cardiff, Wales", {}, { geonames: 2653822, region: "GB.WLS", country: "GB" }],
  // A city the gazetteer does not know (under 15,000 people): the region and country, and the name before them.
  ["Sebastopol, California", {}, { region: "US.CA", country: "US", street: ["Sebastopol"] }],
];

describe("resolvePlace: gold-like places", () => {
  it.each(cases)("%s %j", (text, context, gold) => {
    const reading = resolvePlace(text, context);
    expect(reading.ambiguous).toBeUndefined();
    const place = reading.place!;
    expect(place.country?.iso2).toBe(gold.country);
    if (gold.geonames !== undefined) expect(place.city?.geonamesId).toBe(gold.geonames);
    else expect(place.city).toBeUndefined();
    if (gold.region !== undefined) expect(place.region?.code).toBe(gold.region);
    expect(place.street).toEqual(gold.street ?? []);
    expect(place.postalCode).toBe(gold.postalCode);
  });
});

describe("resolvePlace: what nothing decides is ambiguous, with its candidates", () => {
  it.each([
    // Places of one name in several countries, and no country in the article.
    ["Birmingham", {}, [2655603, 4049979]],
    ["Washington", {}, [2634715, 5549222]],
    ["Vancouver", {}, [6173331, 5814616]],
    ["Cambridge", {}, [2653941, 4931972]],
    // The article's country and the largest city of the name disagree.
    ["London", { countries: ["CA"] }, [2643743, 6058560]],
    ["Paris", { countries: ["US"] }, [2988507, 4717560]],
    // Several of one name in the article's country (and a state of that name).
    ["Washington", { countries: ["US"] }, [5549222, 4915545]],
    ["Portland", {}, [5746545, 4975802]],
    ["Kansas City", {}, [4393217, 4273837]],
  ] as [string, PlaceContext, number[]][])("%s %j", (text, context, geonames) => {
    const reading = resolvePlace(text, context);
    expect(reading.place).toBeUndefined();
    expect(reading.ambiguous!.reason).toMatch(/nothing in the article decides|disagree/);
    for (const id of geonames) expect(reading.ambiguous!.candidates.join("; ")).toContain(`GeoNames ${id}`);
  });

  it("knows nothing of what is no place", () => {
    for (const text of ["Worldwide", "Board of Trustees", "Nowhere Special"]) {
      const reading = resolvePlace(text);
      expect(reading.place?.city ?? reading.place?.region ?? reading.place?.country).toBeUndefined();
    }
  });
});
