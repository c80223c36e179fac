// Places through the importer: an infobox place value becomes places the export resolves to the
// gazetteer's one node (the GeoNames city the resolver chose), a street address becomes the
// organization's schema:PostalAddress, and a place nothing decides stays text, flagged for the
// curator in the import report and by a review flag on its field in the draft. The articles are small ones written
// here; the real articles' places are checked against ../shared/gold in import-gold-places.test.ts.

import { describe, expect, it } from "vitest";
import { buildDraft, type Draft } from "../scripts/import/draft.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { draftYaml } from "../scripts/import/write-yaml.ts";
import { SharedIndex, type PlaceLike } from "../scripts/graph/shared.ts";

function draftOf(infobox: string[], lead: string): Draft {
  const text = ["= Example Body =", "", "Example Body", ...infobox.map((l) => `- ${l}`), "", lead, ""].join("\n");
  return buildDraft("example.txt", readArticle("example.txt", text));
}

type Org = { location?: string; streetAddress?: string; postalCode?: string };
const orgOf = (d: Draft) => (d.data.organizations as Org[])[0]!;
const placesOf = (d: Draft) => (d.data.places as PlaceLike[] | undefined) ?? [];

/** The shared node the organization's location is in the export, as the export resolves it. */
function locationNode(d: Draft) {
  const index = new SharedIndex([]);
  const shared = index.resolvePlaces(placesOf(d)).get(orgOf(d).location!);
  return shared === undefined ? undefined : { ...index.get(shared)!, country: index.countryOf(shared) };
}

describe("importing places", () => {
  it("reads Washington, D.C. as the capital of the United States, GeoNames 4140963", () => {
    for (const value of ["Washington, D.C.", "Washington, D.C., U.S.", "Washington, DC"]) {
      const d = draftOf([`Location: ${value}`], "The Example Body is an organization.");
      expect(locationNode(d), value).toMatchObject({ type: "City", geonamesId: 4140963, country: "US" });
      // No place "Washington" inside a place "D.C.".
      expect(placesOf(d).map((p) => p.name)).not.toContain("D.C.");
    }
  });

  it("reads New York, New York, US as New York City, with no second New York beside it", () => {
    const d = draftOf(["Location: New York, New York, US"], "The Example Body is a nonprofit.");
    expect(locationNode(d)).toMatchObject({ geonamesId: 5128581, country: "US" });
    // Every place of the draft is a node the gazetteer knows: none stays the article's own.
    const resolved = new SharedIndex([]).resolvePlaces(placesOf(d));
    for (const p of placesOf(d)) expect(resolved.has(p.id), p.name).toBe(true);
  });

  it("keeps the street of a headquarters as the organization's postal address", () => {
    const d = draftOf(["Headquarters: 1850 M Street NW, Suite 1100, Washington, D.C., U.S."], "The Example Body is an American think tank.");
    expect(orgOf(d)).toMatchObject({ streetAddress: "1850 M Street NW, Suite 1100" });
    expect(locationNode(d)).toMatchObject({ geonamesId: 4140963 });
    const uk = draftOf(["Headquarters: Headland House, 72 Acton Street, , London, WC1X 8DP"], "The Example Body is a British trade union.");
    expect(orgOf(uk)).toMatchObject({ streetAddress: "72 Acton Street", postalCode: "WC1X 8DP" });
    expect(placesOf(uk).find((p) => p.name === "Headland House")).toMatchObject({ type: "Place" });
    expect(locationNode(uk)).toBeUndefined(); // the building is the location; it lies in London
    expect(placesOf(uk).find((p) => p.name === "London")).toMatchObject({ type: "City" });
  });

  it("lets the article's country decide between places of one name", () => {
    const british = draftOf(["Location: Birmingham"], "The Example Body is a British guild of printers.");
    expect(locationNode(british)).toMatchObject({ geonamesId: 2655603, country: "GB" });
    const american = draftOf(["Location: Birmingham"], "The Example Body was an American guild of printers.");
    expect(locationNode(american)).toMatchObject({ geonamesId: 4049979, country: "US" });
    // The country field of the infobox is part of the city's value.
    const fields = draftOf(["Hq Location City: Birmingham", "Hq Location Country: United States"], "The Example Body is a guild.");
    expect(locationNode(fields)).toMatchObject({ geonamesId: 4049979, country: "US" });
    const ontario = draftOf(["Location: London, Ontario"], "The Example Body is a British-founded guild.");
    expect(locationNode(ontario)).toMatchObject({ geonamesId: 6058560, country: "CA" });
  });

  it("flags a place nothing decides: text in the draft, with the reason in the report and a review flag on the field", () => {
    const d = draftOf(["Location: Birmingham"], "The Example Body is a guild of printers.");
    expect(orgOf(d).location).toBeUndefined();
    expect(placesOf(d)).toEqual([]);
    const field = (d.data.infobox as { fields: { label: string; type: string }[] }).fields[0]!;
    expect(field).toMatchObject({ label: "Location", type: "text" });
    const line = d.report.find((l) => l.label === "Location")!;
    expect(line.outcome).toBe("text");
    expect(line.review).toMatch(/ambiguous place.*GeoNames 2655603.*GeoNames 4049979/);
    expect((d.data.infobox as { fields: { review?: unknown }[] }).fields[0]!.review).toEqual({ why: line.review, line: 4, reviewed: false });
    const yaml = draftYaml(d.data, "example.txt");
    expect(yaml).toMatch(/- label: Location\n\s+value: Birmingham\n\s+type: text\n\s+review:\n\s+why: "an ambiguous place: [^"]*Birmingham, England, GB[^"]*"\n\s+line: 4\n\s+reviewed: false\n/);
    expect(yaml).toContain("1 imported fact needs a person's look");
  });

  it("flags several places in one value, or a place before one it cannot lie in", () => {
    for (const value of ["Toronto, Ontario, Canada and Montreal, Quebec", "Geneva, Switzerland and New York, US", "Paris, London, UK"]) {
      const d = draftOf([`Location: ${value}`], "The Example Body is a guild.");
      expect(placesOf(d), value).toEqual([]);
      expect(d.report[0], value).toMatchObject({ outcome: "text", review: expect.stringMatching(/several places in one value/) });
    }
    // A building and a district before their city are places in it.
    const d = draftOf(["Location: Rockefeller Center, Manhattan, New York City"], "The Example Body is a guild.");
    expect(locationNode(d)).toBeUndefined();
    expect(placesOf(d).map((p) => [p.name, p.type])).toEqual([["United States", "Country"], ["New York City", "City"], ["Manhattan", "Place"], ["Rockefeller Center", "Place"]]);
  });

  it("places an event named after the city it met in", () => {
    const d = draftOf(["Established Event1: Conference of Niamey", "Established Date1: 20 March 1970", "Established Event2: Conference of the Parties", "Established Date2: 1997"], "The Example Body is an international organization.");
    const events = d.data.events as { name: string; location?: string }[];
    const index = new SharedIndex([]);
    const shared = index.resolvePlaces(placesOf(d));
    expect(index.get(shared.get(events.find((e) => e.name === "Conference of Niamey")!.location!)!)).toMatchObject({ geonamesId: 2440485 });
    expect(events.find((e) => e.name === "Conference of the Parties")!.location).toBeUndefined();
  });

  it("flags a name the gazetteer does not know instead of making it a place", () => {
    const d = draftOf(["Location: Nowhere Special"], "The Example Body is a guild.");
    expect(placesOf(d)).toEqual([]);
    expect(d.report[0]).toMatchObject({ outcome: "text", review: expect.stringMatching(/not a place the gazetteer knows/) });
  });
});
