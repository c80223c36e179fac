// The prose reader on the six real articles of ../shared/articles/, against the curator's gold
// standard (../shared/gold/, facts `from: prose`): the dates and names the prose states are in the
// drafts, each prose fact the draft takes is one the gold holds, and the sentences that negate or
// speak of another organization give nothing. Read from ../shared (never copied into the project);
// without it the tests are skipped and say why.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { buildDraft } from "../scripts/import/draft.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { findCountry } from "../scripts/gazetteer/index.ts";
import { ROOT } from "./helpers.ts";

const SHARED = resolve(ROOT, "../shared");
const have = existsSync(join(SHARED, "articles")) && existsSync(join(SHARED, "gold"));
if (!have) console.warn(`prose tests on the shared articles skipped: ${SHARED}/articles or gold is missing`);
const slugs = have ? readdirSync(join(SHARED, "gold")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort() : [];

type Data = Record<string, unknown>;
interface Gold {
  founded?: { date: string; from: string }[];
  dissolved?: { date: string; from: string }[];
  names?: Record<string, { name: string; aliases?: string[]; from: string; optional?: boolean }[]>;
  locations?: { country?: string; city?: string; role: string; from: string }[];
  other_places?: { name: string; country?: string }[];
  organizations?: { name: string; aliases?: string[]; relation: string[] }[];
}

function draftOf(slug: string) {
  const file = join(SHARED, "articles", `${slug}.txt`);
  const draft = buildDraft(file, readArticle(file, readFileSync(file, "utf8")));
  const all = [...((draft.data.organizations as Data[]) ?? []), ...((draft.data.people as Data[]) ?? []), ...((draft.data.places as Data[]) ?? [])];
  const byId = new Map(all.map((e) => [e.id as string, e]));
  return { draft, org: (draft.data.organizations as Data[])[0]!, byId };
}

const gold = (slug: string): Gold => parse(readFileSync(join(SHARED, "gold", `${slug}.yaml`), "utf8"));
const key = (s: string) => s.toLowerCase().replace(/^the\s+/, "");

describe.skipIf(!have)("the prose of the shared articles", () => {
  it.each(slugs)("%s: the prose's founding and dissolution dates are in the draft", (slug) => {
    const { org } = draftOf(slug);
    const g = gold(slug);
    for (const d of g.founded ?? []) if (d.from === "prose") expect(org.foundingDate).toBe(d.date);
    for (const d of g.dissolved ?? []) if (d.from === "prose") expect(org.dissolutionDate).toBe(d.date);
  });

  it.each(slugs)("%s: every fact the draft takes from the prose is one the gold holds", (slug) => {
    const { org, byId } = draftOf(slug);
    const g = gold(slug);
    const names = Object.values(g.names ?? {}).flat().flatMap((n) => [n.name, ...(n.aliases ?? [])]).map(key);
    const organizations = (g.organizations ?? []).flatMap((o) => [o.name, ...(o.aliases ?? [])]).map(key);
    const countries = new Set([...(g.locations ?? []), ...(g.other_places ?? [])].map((p) => p.country).filter((c) => c !== undefined));
    const countryOf = (id: string): string | undefined => {
      for (let p = byId.get(id), n = 0; p && n < 10; p = byId.get(p.containedIn as string), n++) if (p.type === "Country") return p.name as string;
      return undefined;
    };
    for (const entry of (org.prose as Data[] | undefined) ?? []) {
      if (entry.contradicts !== undefined) continue;
      const field = entry.field as string;
      const values = (entry.values as string[] | undefined) ?? [];
      if (field === "foundingDate") expect((g.founded ?? []).map((d) => d.date)).toContain(org.foundingDate);
      else if (field === "dissolutionDate") expect((g.dissolved ?? []).map((d) => d.date)).toContain(org.dissolutionDate);
      else if (field === "formerNames" || field === "alternateNames") for (const v of values) expect(names).toContain(key(v));
      else if (field === "locations") for (const id of values) expect(countries).toContain(findCountry(countryOf(id) ?? "")?.iso2);
      else if (["memberOf", "successors", "owners", "parentOrganization"].includes(field)) {
        for (const id of field === "parentOrganization" ? [org.parentOrganization as string] : values) expect(organizations).toContain(key(byId.get(id)!.name as string));
      }
    }
    expect(countries.size).toBeGreaterThan(0);
  });

  it.each(slugs)("%s: the gold's abbreviations and former names from the prose are in the draft", (slug) => {
    const { org } = draftOf(slug);
    const g = gold(slug);
    const held = [org.name, ...((org.alternateNames as string[] | undefined) ?? []), ...((org.formerNames as string[] | undefined) ?? [])].map((n) => key(String(n)));
    for (const kind of ["abbreviation", "former"]) {
      for (const n of g.names?.[kind] ?? []) if (n.from === "prose" && !n.optional) expect(held).toContain(key(n.name));
    }
  });

  it("does not take another organization's facts or a negated relation", () => {
    // The Ridders' purchases are the predecessor's; Ford Philanthropy is "not associated" with the foundation.
    const ridder = draftOf("knight-ridder");
    expect(((ridder.org.prose as Data[] | undefined) ?? []).map((e) => e.field).sort()).toEqual(["dissolutionDate"]);
    const ford = draftOf("ford-foundation");
    const named = [...(ford.draft.data.organizations as Data[]), ...((ford.draft.data.people as Data[] | undefined) ?? [])].map((e) => e.name);
    expect(named).not.toContain("Ford Philanthropy");
    expect(named).toContain("Edsel Ford");
  });
});
