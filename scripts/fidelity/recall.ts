// Recall: of the gold's required (not optional) facts, which the graph holds, each with where it
// comes from (infobox or prose) and, when missed, what the graph said instead.

import type { Assertion } from "./assertions.ts";
import type { From, Gold, GoldLocation } from "./gold.ts";
import { cityNames, countProblem, describePlace, moneyProblem, placeNames, placeNamesLocation, placeProblem, roleMatches, rolesOf } from "./judge.ts";
import { nameKey, sameName, urlKey } from "./names.ts";
import { shortName, type Relations } from "./relations.ts";

export type GoldKind = "type" | "founded" | "dissolved" | "location" | "person" | "founder" | "count" | "money" | "url" | "name" | "organization" | "language" | "identifier";

export interface Recalled {
  kind: GoldKind;
  from: From;
  /** The gold fact, in words. */
  fact: string;
  held: boolean;
  /** For a missed fact: what the graph has of its kind. */
  graphSaid: string;
}

type Of<K extends Assertion["kind"]> = Extract<Assertion, { kind: K }>;

export function recallAll(gold: Gold, assertions: readonly Assertion[], rel: Relations): Recalled[] {
  const of = <K extends Assertion["kind"]>(kind: K): Of<K>[] => assertions.filter((a): a is Of<K> => a.kind === kind);
  const out: Recalled[] = [];
  const add = (kind: GoldKind, from: From, fact: string, held: boolean, graphSaid: () => string) => out.push({ kind, from, fact, held, graphSaid: held ? "" : graphSaid() || "nothing of this kind" });
  const list = (items: string[]) => items.join("; ");

  if (gold.types.length > 0) {
    const types = of("type").map((t) => t.type);
    add("type", gold.typesFrom, `type ${gold.types.join(" or ")}`, types.some((t) => gold.types.includes(t)), () => `types ${types.join(", ")}`);
  }
  for (const kind of ["founded", "dissolved"] as const) {
    for (const d of gold[kind]) {
      if (d.optional) continue;
      const dates = of(kind);
      add(kind, d.from, `${kind} ${d.date}`, dates.some((x) => x.date === d.date), () => list(dates.map((x) => `${x.date} (${x.property})`)));
    }
  }
  for (const l of gold.locations) {
    if (!l.optional) recallLocation(l, of("location"), rel, add);
  }
  for (const p of gold.people) {
    if (p.optional) continue;
    const roles = of("role").filter((r) => sameName(r.name, [p.name, ...p.aliases]));
    const fact = `${p.name}${p.role ? `, ${p.qualifier ? `${p.qualifier} ` : ""}${p.role}` : ""}`;
    const held = roles.some((r) => p.role === undefined || (r.jobTitle !== undefined && roleMatches(r.jobTitle, p)));
    add("person", p.from, fact, held, () => {
      if (roles.length > 0) return list(roles.map((r) => `${r.name}, ${r.jobTitle !== undefined ? `job title "${r.jobTitle}"` : "no job title"}`));
      const bare = of("person").filter((x) => sameName(x.name, [p.name, ...p.aliases]));
      if (bare.length > 0) return `${p.name} as a person not linked to the organization by a role`;
      return `no person named so; people: ${of("person").map((x) => x.name).join(", ") || "none"}`;
    });
  }
  for (const f of gold.founders) {
    if (f.optional) continue;
    const founders = of("founder");
    add("founder", f.from, `founder ${f.name}`, founders.some((x) => x.names.some((n) => sameName(n, [f.name, ...f.aliases]))), () => `founders: ${founders.map((x) => x.name).join(", ") || "none"}`);
  }
  for (const c of gold.counts) {
    if (c.optional) continue;
    const counts = of("count");
    const fact = `${c.kind} ${c.qualifier ? `${c.qualifier} ` : ""}${c.value}${c.year ? ` (${c.year})` : ""}`;
    const held = counts.some((a) => kindAllows(rel.counts, a.property, a.unit, c.kind) && countProblem(a, c, rel) === "" && (c.year === undefined || a.year === c.year));
    add("count", c.from, fact, held, () => list(counts.map((a) => `${a.property} ${a.comparison !== "exactly" ? `${a.comparison} ` : ""}${a.value}${a.unit ? ` ${a.unit}` : ""}${a.year ? ` (${a.year})` : ""}`)));
  }
  for (const m of gold.money) {
    if (m.optional) continue;
    const money = of("money");
    const fact = `${m.kind} ${m.value}${m.currency ? ` ${m.currency}` : ""}${m.year ? ` (${m.year})` : ""}`;
    const held = money.some((a) => kindAllows(rel.money, a.property, undefined, m.kind) && moneyProblem(a, m) === "" && (m.currency === null || a.currency === m.currency) && (m.year === undefined || a.year === m.year));
    add("money", m.from, fact, held, () => list(money.map((a) => `${a.property} ${a.value}${a.currency ? ` ${a.currency}` : ""}${a.year ? ` (${a.year})` : ""}`)));
  }
  if (gold.url !== null) {
    const urls = of("url");
    add("url", gold.urlFrom, `url ${gold.url}`, urls.some((u) => urlKey(u.url) === urlKey(gold.url!)), () => list(urls.map((u) => u.url)));
  }
  for (const [list_, names] of Object.entries(gold.names)) {
    for (const n of names) {
      if (n.optional) continue;
      const graphNames = of("name");
      const held = graphNames.some((g) => sameName(g.name, [n.name, ...n.aliases]) && (list_ !== "former" || g.properties.includes("oa:formerName")));
      add("name", n.from, `${list_} name "${n.name}"`, held, () => list(graphNames.map((g) => `"${g.name}" (${g.properties.join(", ")})`)));
    }
  }
  for (const o of gold.organizations) {
    if (o.optional) continue;
    const links = of("organization");
    const held = links.some((a) => a.names.some((n) => sameName(n, [o.name, ...o.aliases])) && a.relations.some((r) => o.relation.includes(r)));
    add("organization", o.from, `${o.relation.join("/")} ${o.name}`, held, () => {
      const same = links.filter((a) => a.names.some((n) => sameName(n, [o.name, ...o.aliases])));
      return same.length > 0 ? list(same.map((a) => `${a.property} ${a.name}`)) : `no link to it; links: ${links.map((a) => `${a.property} ${a.name}`).join(", ") || "none"}`;
    });
  }
  for (const l of gold.languages) {
    if (l.optional) continue;
    const languages = of("language");
    add("language", l.from, `language ${l.code}`, languages.some((x) => x.code.toLowerCase() === l.code.toLowerCase()), () => list(languages.map((x) => x.label)));
  }
  for (const i of gold.identifiers) {
    if (i.optional) continue;
    const ids = of("identifier");
    const held = ids.some((x) => nameKey(x.value) === nameKey(i.value) || nameKey(x.value) === nameKey(`${i.kind} ${i.value}`));
    add("identifier", i.from, `${i.kind} ${i.value}`, held, () => list(ids.map((x) => `${x.property} "${x.value}"`)));
  }
  return out;
}

/** Whether a count or amount of `property` (with its unit) may be of the gold's `kind`. */
function kindAllows(table: Map<string, string[]>, property: string, unit: string | undefined, kind: string): boolean {
  const listed = [...table.entries()].find(([iri]) => shortName(iri) === property)?.[1];
  const kinds = listed && listed.length > 0 ? listed : unit ? [unit] : [];
  return sameName(kind, kinds);
}

type Add = (kind: GoldKind, from: From, fact: string, held: boolean, graphSaid: () => string) => void;

/**
 * A location is held as the place at its most specific level the text gives short of a building
 * (city, else name, else region, else country) in the right role and country; its building,
 * street, postcode and the city's Wikidata item are facts of their own.
 */
function recallLocation(l: GoldLocation, places: readonly Of<"location">[], rel: Relations, add: Add): void {
  const inRole = places.filter((a) => rolesOf(rel, a.property).includes(l.role));
  const where = l.city ?? l.name ?? l.region ?? l.country ?? l.building!;
  const fact = `${l.role}: ${where}${l.country ? ` [${l.country}]` : ""}`;
  const said = () => list(inRole.length > 0 ? inRole : places);
  const list = (ps: readonly Of<"location">[]) => ps.map((a) => `${a.property} ${describePlace(a.place)}`).join("; ");
  // The place itself: a match at the level asked, or a building inside that city.
  const main = inRole.filter((a) => {
    const p = a.place;
    if (placeProblem(p, { ...l, street: undefined, postcode: undefined }) !== "") return false;
    if (l.city !== undefined) return [p, ...p.chain].some((c) => c.level === "city" && c.names.some((n) => sameName(n, cityNames(l))));
    if (l.name !== undefined) return [p, ...p.chain].some((c) => c.names.some((n) => sameName(n, placeNames(l))));
    if (l.region !== undefined) return [p, ...p.chain].some((c) => c.level === "region" && c.names.some((n) => sameName(n, [l.region])));
    if (l.country !== undefined) return p.level === "country" && p.country === l.country;
    return placeNamesLocation(p, l);
  });
  add("location", l.from, fact, main.length > 0, said);
  if (l.building !== undefined) {
    const held = inRole.some((a) => a.place.names.some((n) => sameName(n, [l.building])) || (a.place.street !== undefined && nameKey(a.place.street).includes(nameKey(l.building!))));
    add("location", l.from, `${l.role}: building ${l.building}`, held, said);
  }
  if (l.street !== undefined) {
    const held = inRole.some((a) => a.place.street !== undefined && nameKey(a.place.street).includes(nameKey(l.street!)));
    add("location", l.from, `${l.role}: street ${l.street}`, held, said);
  }
  if (l.postcode !== undefined) {
    const held = inRole.some((a) => a.place.postcode !== undefined && nameKey(a.place.postcode) === nameKey(l.postcode!));
    add("location", l.from, `${l.role}: postcode ${l.postcode}`, held, said);
  }
  if (l.wikidata !== undefined) {
    const held = main.some((a) => [a.place, ...a.place.chain].some((c) => c.wikidata.includes(l.wikidata!)));
    add("location", l.from, `${l.role}: ${where} is Wikidata ${l.wikidata}`, held, said);
  }
}
