// The places of the six real articles against ../shared/gold (written by reading the articles, see
// its README): the infobox's location is the gold's city in the gold's country, with its street,
// postal code and building where the gold has them; its countries are the gold's; and no place of a
// draft lies in a country the gold does not name. Skipped, saying why, without ../shared.

import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildDraft } from "../scripts/import/draft.ts";
import { decodeArticle, readArticle } from "../scripts/import/read-text.ts";
import { SharedIndex, type PlaceLike } from "../scripts/graph/shared.ts";
import { ROOT } from "./helpers.ts";

const SHARED = resolve(ROOT, "../shared");
const have = existsSync(join(SHARED, "gold")) && existsSync(join(SHARED, "articles"));
if (!have) console.warn(`gold place tests skipped: ${join(SHARED, "gold")} is missing`);
const SLUGS = ["article-19", "canadian-journalists-for-free-expression", "ford-foundation", "knight-ridder", "national-union-of-journalists", "organisation-internationale-de-la-francophonie"];

interface GoldLocation {
  role: string;
  city?: string;
  region?: string;
  country?: string;
  building?: string;
  street?: string;
  postcode?: string;
  from: string;
}

interface Gold {
  locations: GoldLocation[];
  other_places?: { name: string; country?: string }[];
}

function imported(slug: string) {
  const file = join(SHARED, "articles", `${slug}.txt`);
  const draft = buildDraft(file, readArticle(file, decodeArticle(file, readFileSync(file))));
  const org = (draft.data.organizations as { location?: string; locations?: string[]; streetAddress?: string; postalCode?: string; prose?: { field: string; values?: string[] }[] }[])[0]!;
  const places = (draft.data.places as PlaceLike[] | undefined) ?? [];
  const index = new SharedIndex([]);
  const shared = index.resolvePlaces(places);
  /** A place of the draft as the export makes it: its shared node's name and country, else its own name. */
  const node = (id: string) => {
    const s = shared.get(id);
    const local = places.find((p) => p.id === id)!;
    return s === undefined ? { name: local.name, type: local.type, country: undefined, containedIn: local.containedIn } : { name: index.get(s)!.name, type: index.get(s)!.type, country: index.countryOf(s), containedIn: local.containedIn };
  };
  /** The chain from a place outwards. */
  const chain = (id: string | undefined) => {
    const out: ReturnType<typeof node>[] = [];
    for (let at = id, n = 0; at !== undefined && n < 10; n++) {
      const p = node(at);
      out.push(p);
      at = p.containedIn;
    }
    return out;
  };
  return { org, places, node, chain };
}

describe.skipIf(!have)("the six articles' places, against ../shared/gold", () => {
  it.each(SLUGS)("%s", (slug) => {
    const gold = parse(readFileSync(join(SHARED, "gold", `${slug}.yaml`), "utf8")) as Gold;
    const { org, places, node, chain } = imported(slug);
    const main = gold.locations.find((l) => l.from === "infobox" && (l.role === "location" || l.role === "headquarters"))!;
    const location = chain(org.location);
    if (main.city !== undefined) expect(location.find((p) => p.type === "City")?.name, slug).toBe(main.city);
    expect(location.find((p) => p.country !== undefined)?.country, slug).toBe(main.country);
    if (main.region !== undefined) expect(location.find((p) => p.type === "State")?.name, slug).toBe(main.region);
    if (main.building !== undefined) expect(location[0]).toMatchObject({ name: main.building, type: "Place" });
    expect(org.streetAddress, slug).toBe(main.street);
    expect(org.postalCode, slug).toBe(main.postcode);
    // The infobox's other countries ("Location Country: United Kingdom, Ireland"); the prose's
    // offices and branches (its prose entries list them) are the prose's.
    const areas = gold.locations.filter((l) => l.from === "infobox" && l.role === "area" && l.country !== undefined && !l.city).map((l) => l.country);
    const fromProse = new Set((org.prose ?? []).filter((e) => e.field === "locations").flatMap((e) => e.values ?? []));
    if (areas.length > 0) expect((org.locations ?? []).filter((id) => !fromProse.has(id)).map((id) => node(id).country).sort()).toEqual([...areas].sort());
    // No place in a country the article does not name.
    const named = new Set([...gold.locations, ...(gold.other_places ?? [])].map((l) => l.country).filter((c) => c !== undefined));
    for (const p of places) {
      const country = node(p.id).country;
      if (country !== undefined) expect(named.has(country), `${slug}: ${p.name} in ${country}`).toBe(true);
    }
  });
});
