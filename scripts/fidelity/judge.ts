// Precision: each fact the graph asserts about the subject, judged against the gold. A fact is
// right when the gold has it (optional facts included), wrong when the gold contradicts it or does
// not know it, and accepted (counted neither way) where the gold says extracting it is not wrong
// though it is no fact of the organization: a superclass of its type, a place of other_places, a
// person of other_people. Two faults are counted on their own as hard rules: a person node whose
// name is not a person's, and a place in a country the article does not name.

import type { Assertion, PlaceInfo } from "./assertions.ts";
import type { Gold, GoldCount, GoldLocation, GoldMoney, GoldPerson } from "./gold.ts";
import { countryCodeOfName } from "./countries.ts";
import { nameKey, sameName, urlKey } from "./names.ts";
import { shortName, type Relations } from "./relations.ts";
import { schemaTypeAndSuperclasses } from "../graph/superclasses.ts";

export type Verdict = "right" | "wrong" | "accepted";
export type HardRule = "person" | "foreign-place";

export interface Judged {
  kind: Assertion["kind"];
  /** What the graph said, in words. */
  said: string;
  verdict: Verdict;
  /** Why, for a wrong or accepted fact. */
  reason: string;
  hard?: HardRule;
}

export function judgeAll(assertions: readonly Assertion[], gold: Gold, rel: Relations): Judged[] {
  const judged: Judged[] = [];
  const wrongPeople = new Set<string>();
  // People first: the links and roles of a person node that is no person are not judged again.
  for (const a of assertions) {
    if (a.kind !== "person") continue;
    const j = judgePerson(a.name, gold);
    if (j.verdict === "wrong") wrongPeople.add(a.iri);
    judged.push(j);
  }
  for (const a of assertions) {
    if (a.kind === "person") continue;
    if ((a.kind === "founder" || a.kind === "role") && wrongPeople.has(a.iri)) continue;
    judged.push(judge(a, gold, rel));
  }
  return judged;
}

export function judge(a: Assertion, gold: Gold, rel: Relations): Judged {
  const j = (verdict: Verdict, said: string, reason = "", hard?: HardRule): Judged => ({ kind: a.kind, said, verdict, reason, ...(hard && { hard }) });
  switch (a.kind) {
    case "type": {
      if (gold.types.includes(a.type)) return j("right", `type ${a.type}`);
      const supers = new Set(gold.types.flatMap((t) => schemaTypeAndSuperclasses(t).slice(1)));
      if (supers.has(a.type) || a.type === "Thing") return j("accepted", `type ${a.type}`, `a superclass of ${gold.types.join(" / ")}`);
      // Every subject is an organization, also where the gold's type is none in schema.org (Museum is
      // a Place there): Organization misses the type but is not wrong.
      if (a.type === "Organization") return j("accepted", `type ${a.type}`, `the subject is an organization; the gold's types are ${gold.types.join(" / ")}`);
      return j("wrong", `type ${a.type}`, `the gold's types are ${gold.types.join(", ")}`);
    }
    case "founded":
    case "dissolved": {
      const said = `${a.kind} ${a.date} (${a.property})`;
      const dates = gold[a.kind];
      if (dates.some((d) => d.date === a.date)) return j("right", said);
      return j("wrong", said, dates.length > 0 ? `the text gives ${dates.map((d) => d.date).join(" or ")}` : `the text gives no ${a.kind === "founded" ? "founding" : "dissolution"} date`);
    }
    case "url": {
      if (gold.url !== null && urlKey(gold.url) === urlKey(a.url)) return j("right", `url ${a.url}`);
      return j("wrong", `url ${a.url}`, gold.url === null ? "the text gives no website" : `the text's website is ${gold.url}`);
    }
    case "fate": {
      if (gold.fate !== undefined && nameKey(gold.fate) === nameKey(a.text)) return j("right", `fate "${a.text}"`);
      return j("wrong", `fate "${a.text}"`, gold.fate !== undefined ? `the text's fate is "${gold.fate}"` : "the text states no fate (end) of the organization");
    }
    case "identifier": {
      const said = `${a.property} "${a.value}"`;
      const key = nameKey(a.value);
      const found = gold.identifiers.find((i) => key === nameKey(i.value) || key === nameKey(`${i.kind} ${i.value}`));
      if (found) return j("right", said);
      return j("wrong", said, gold.identifiers.length > 0 ? `the text's identifiers are ${gold.identifiers.map((i) => `${i.kind} ${i.value}`).join(", ")}` : "the text gives no identifier");
    }
    case "language": {
      if (gold.languages.some((l) => l.code.toLowerCase() === a.code.toLowerCase())) return j("right", `language ${a.label}`);
      return j("wrong", `language ${a.label}`, gold.languages.length > 0 ? `the text's languages are ${gold.languages.map((l) => l.code).join(", ")}` : "the text gives no language");
    }
    case "name": {
      const said = `name "${a.name}" (${a.properties.join(", ")})`;
      const lists: Record<string, string[]> = {
        title: [gold.title],
        abbreviation: gold.names.abbreviation.flatMap((n) => [n.name, ...n.aliases]),
        former: gold.names.former.flatMap((n) => [n.name, ...n.aliases]),
        other: gold.names.other.flatMap((n) => [n.name, ...n.aliases]),
      };
      const wrongFor = a.properties.filter((p) => {
        const allowed = [...rel.names.entries()].find(([iri]) => shortName(iri) === p)?.[1] ?? [];
        return !allowed.some((list) => sameName(a.name, lists[list] ?? []));
      });
      if (wrongFor.length === 0) return j("right", said);
      const known = Object.entries(lists).find(([, names]) => sameName(a.name, names))?.[0];
      return j("wrong", said, known ? `the text gives it as ${known === "title" ? "the name" : `a${known === "abbreviation" ? "n" : ""} ${known} name`}, not as ${wrongFor.join(", ")}` : "not a name the text gives the organization");
    }
    case "founder": {
      const said = `founder ${a.name}`;
      if (gold.founders.some((f) => a.names.some((n) => sameName(n, [f.name, ...f.aliases])))) return j("right", said);
      const person = findPerson(gold, a.name);
      return j("wrong", said, person ? `the text names ${a.name} ${person.role ? `as ${person.role}` : "in another role"}, not as a founder` : "not a founder the text names");
    }
    case "role": {
      const said = `${a.name}${a.jobTitle !== undefined ? `, job title "${a.jobTitle}"` : ", no job title"} (${a.property})`;
      const person = gold.people.find((p) => sameName(a.name, [p.name, ...p.aliases]));
      if (!person) {
        const founder = gold.founders.some((p) => sameName(a.name, [p.name, ...p.aliases]));
        return j("wrong", said, founder ? "a founder, whom the text gives no role in the organization" : "the text gives this person no role in the organization");
      }
      if (a.jobTitle === undefined || roleMatches(a.jobTitle, person)) return j("right", said);
      return j("wrong", said, `the text's role is "${roleWords(person)}"`);
    }
    case "count":
      return judgeCount(a, gold.counts, rel);
    case "money":
      return judgeMoney(a, gold.money, rel);
    case "organization": {
      const said = `${a.property} ${a.name}`;
      const org = gold.organizations.find((o) => a.names.some((n) => sameName(n, [o.name, ...o.aliases])));
      if (!org) {
        const founder = a.relations.includes("founder") && gold.founders.some((f) => a.names.some((n) => sameName(n, [f.name, ...f.aliases])));
        if (founder) return j("right", said);
        return j("wrong", said, "an organization the text does not relate to the subject");
      }
      if (a.relations.some((r) => org.relation.includes(r))) return j("right", said);
      return j("wrong", said, `the text relates it as ${org.relation.join(" or ")}, not ${a.relations.join(" or ")}`);
    }
    case "location":
      return judgePlace(a.property, a.place, gold, rel);
    case "unmapped":
      return j("wrong", `${a.inverse ? "^" : ""}${a.property} ${a.target} (${a.targetKind})`, `the property is not in schemas/fidelity-relations.json: what does it state of a ${a.targetKind}?`);
    case "person":
      return judgePerson(a.name, gold);
  }
}

function findPerson(gold: Gold, name: string): GoldPerson | undefined {
  return [...gold.people, ...gold.founders].find((p) => sameName(name, [p.name, ...p.aliases]));
}

export function judgePerson(name: string, gold: Gold): Judged {
  const said = `person ${name}`;
  if (findPerson(gold, name)) return { kind: "person", said, verdict: "right", reason: "" };
  if (sameName(name, gold.otherPeople)) return { kind: "person", said, verdict: "accepted", reason: "other_people: named in the text, no role in the organization" };
  if (sameName(name, gold.notPeople)) return { kind: "person", said, verdict: "wrong", reason: "not a person (not_people: a role, board or committee)", hard: "person" };
  return { kind: "person", said, verdict: "wrong", reason: "no person of that name in the text (a role, a title or a mangled name?)", hard: "person" };
}

/** The role's words as the gold gives them. */
function roleWords(p: GoldPerson): string {
  return [p.role, ...p.roleAlt].filter(Boolean).join('" or "');
}

/** A job title states the role when it is the role (or an alternative), with or without its qualifier. */
export function roleMatches(jobTitle: string, p: GoldPerson): boolean {
  const roles = [p.role, ...p.roleAlt].filter((r): r is string => r !== undefined);
  const forms = roles.flatMap((r) => (p.qualifier ? [r, `${p.qualifier} ${r}`, `${r} ${p.qualifier}`] : [r]));
  return sameName(jobTitle, forms);
}

function describeCount(a: { value: number; comparison?: string; unit?: string; year?: string; property: string; currency?: string; written?: string }): string {
  const comparison = a.comparison && a.comparison !== "exactly" ? `${a.comparison} ` : "";
  return `${a.property} ${comparison}${a.value}${a.currency ? ` ${a.currency}` : ""}${a.unit ? ` ${a.unit}` : ""}${a.year ? ` (${a.year})` : ""}${a.written ? ` ["${a.written}"]` : ""}`;
}

/** The gold kinds a count or amount property may state; a property the table lacks states the kind its unit names. */
function kindsOf(table: Map<string, string[]>, property: string, unit?: string): string[] {
  const listed = [...table.entries()].find(([iri]) => shortName(iri) === property)?.[1];
  return listed && listed.length > 0 ? listed : unit ? [unit] : [];
}

function judgeCount(a: Extract<Assertion, { kind: "count" }>, counts: readonly GoldCount[], rel: Relations): Judged {
  const said = describeCount(a);
  const kinds = kindsOf(rel.counts, a.property, a.unit);
  const candidates = counts.filter((c) => sameName(c.kind, kinds));
  if (kinds.length === 0) return { kind: "count", said, verdict: "wrong", reason: `${a.property} is not in schemas/fidelity-relations.json and the count names no unit: what does it count?` };
  if (candidates.length === 0) return { kind: "count", said, verdict: "wrong", reason: `the text gives no count of ${kinds.join(" or ")}` };
  const problems = candidates.map((c) => countProblem(a, c, rel));
  if (problems.some((p) => p === "")) return { kind: "count", said, verdict: "right", reason: "" };
  return { kind: "count", said, verdict: "wrong", reason: problems.join("; ") };
}

/** "" when the count states `c`, else what differs. */
export function countProblem(a: { value: number; comparison: string; year?: string }, c: GoldCount, rel: Relations): string {
  const text = `${c.qualifier ? `${c.qualifier} ` : ""}${c.value}${c.year ? ` (${c.year})` : ""}`;
  if (a.value !== c.value) return `the text says ${text}`;
  const comparisons = rel.countQualifiers.get(c.qualifier ?? "exactly") ?? [c.qualifier ?? "exactly"];
  if (!comparisons.includes(a.comparison)) return `the text says ${text}: "${c.qualifier ?? "exactly"}" is not "${a.comparison}"`;
  if (a.year !== undefined && a.year !== c.year) return `the text says ${text}: the year ${a.year} is not the text's`;
  return "";
}

function judgeMoney(a: Extract<Assertion, { kind: "money" }>, money: readonly GoldMoney[], rel: Relations): Judged {
  const said = describeCount(a);
  const kinds = kindsOf(rel.money, a.property);
  const candidates = money.filter((m) => sameName(m.kind, kinds));
  if (kinds.length === 0) return { kind: "money", said, verdict: "wrong", reason: `${a.property} is not in schemas/fidelity-relations.json: what amount is it?` };
  if (candidates.length === 0) return { kind: "money", said, verdict: "wrong", reason: `the text gives no amount of ${kinds.join(" or ")}` };
  const problems = candidates.map((m) => moneyProblem(a, m));
  if (problems.some((p) => p === "")) return { kind: "money", said, verdict: "right", reason: "" };
  return { kind: "money", said, verdict: "wrong", reason: problems.join("; ") };
}

export function moneyProblem(a: { value: number; currency?: string; year?: string }, m: GoldMoney): string {
  const text = `${m.value}${m.currency ? ` ${m.currency}` : " (no currency)"}${m.year ? ` (${m.year})` : ""}`;
  if (a.value !== m.value) return `the text says ${text}`;
  if (a.currency !== undefined && a.currency !== m.currency) return `the text says ${text}: the currency ${a.currency} is not the text's`;
  if (a.year !== undefined && a.year !== m.year) return `the text says ${text}: the year ${a.year} is not the text's`;
  return "";
}

/** The location roles a property may state (a path p1/p2 by its short name). */
export function rolesOf(rel: Relations, property: string): string[] {
  return [...rel.places.entries()].find(([iri]) => shortName(iri) === property)?.[1] ?? [];
}

export function describePlace(p: PlaceInfo): string {
  const chain = p.chain.map((c) => c.name).join(", ");
  const parts = [p.street, p.postcode].filter(Boolean).join(", ");
  return `${p.name}${chain ? ` (in ${chain})` : ""}${p.country ? ` [${p.country}]` : " [no country]"}${parts ? ` {${parts}}` : ""}${p.wikidata.length > 0 ? ` ${p.wikidata.join(" ")}` : ""}`;
}

/** The countries the article names: of its locations and of the other places it names. */
export function articleCountries(gold: Gold): Set<string> {
  return new Set([...gold.locations.map((l) => l.country), ...gold.otherPlaces.map((p) => p.country)].filter((c): c is string => c !== undefined));
}

/** The gold location's city and the city's other names (none without a city). */
export function cityNames(l: GoldLocation): string[] {
  return l.city === undefined ? [] : [l.city, ...l.aliases];
}

/** The gold location's name and its other names where it has no city (none without a name). */
export function placeNames(l: GoldLocation): string[] {
  return l.name === undefined ? [] : l.city === undefined ? [l.name, ...l.aliases] : [l.name];
}

/** Whether the graph's place is the gold location's place (by its level), leaving the country aside. */
export function placeNamesLocation(p: PlaceInfo, l: GoldLocation): boolean {
  switch (p.level) {
    case "country":
      return l.country !== undefined && p.country === l.country;
    case "region":
      return sameName(p.name, [l.region, ...placeNames(l)]) || p.names.some((n) => sameName(n, [l.region, ...placeNames(l)]));
    case "city":
      return p.names.some((n) => sameName(n, [...cityNames(l), ...placeNames(l), l.district]));
    case "place":
    case "literal":
      return p.names.some((n) => sameName(n, [l.building, ...placeNames(l), ...cityNames(l), l.region]));
  }
}

/** What is wrong with the graph's place as the gold location, besides its name: "" if nothing. */
export function placeProblem(p: PlaceInfo, l: GoldLocation): string {
  if (l.country !== undefined && p.country === undefined) return `no country; the text's is ${l.country}`;
  if (l.country !== undefined && p.country !== l.country) return `in ${p.country}; the text's country is ${l.country}`;
  if (l.city !== undefined && p.level === "place" && !sameName(p.name, cityNames(l)) && !p.chain.some((c) => c.level === "city" && c.names.some((n) => sameName(n, cityNames(l))))) return `not in ${l.city}`;
  if (l.region !== undefined) {
    const region = [p, ...p.chain].find((c) => c.level === "region");
    if (region && !region.names.some((n) => sameName(n, [l.region]))) return `in the region ${region.name}; the text's is ${l.region}`;
  }
  if (l.wikidata !== undefined && p.level === "city" && p.wikidata.length > 0 && !p.wikidata.includes(l.wikidata)) return `Wikidata ${p.wikidata.join(" ")}; the city's is ${l.wikidata}`;
  if (l.street !== undefined && p.street !== undefined && !nameKey(p.street).includes(nameKey(l.street))) return `street "${p.street}"; the text's is "${l.street}"`;
  if (l.postcode !== undefined && p.postcode !== undefined && nameKey(p.postcode) !== nameKey(l.postcode)) return `postcode ${p.postcode}; the text's is ${l.postcode}`;
  return "";
}

function judgePlace(property: string, p: PlaceInfo, gold: Gold, rel: Relations): Judged {
  const said = `${property} ${describePlace(p)}`;
  const countries = articleCountries(gold);
  const foreign = p.country !== undefined && !countries.has(p.country);
  const wrong = (reason: string): Judged => ({ kind: "location", said, verdict: "wrong", reason: foreign ? `${reason}; ${p.country} is a country the article does not name` : reason, ...(foreign && { hard: "foreign-place" as const }) });
  const roles = rolesOf(rel, property);
  const named = gold.locations.filter((l) => placeNamesLocation(p, l));
  const inRole = named.filter((l) => roles.includes(l.role));
  const problems = inRole.map((l) => placeProblem(p, l));
  if (problems.some((x) => x === "")) return { kind: "location", said, verdict: "right", reason: "" };
  if (inRole.length > 0) return wrong(problems.join("; "));
  const other = gold.otherPlaces.find((o) => p.names.some((n) => sameName(n, [o.name])) || (p.level === "country" && o.country === p.country && countryOnly(o.name, o.country)));
  if (other) {
    if (other.country !== undefined && p.country !== other.country) return wrong(`${other.name} is in ${other.country}${p.country ? `, not ${p.country}` : "; the graph gives no country"}`);
    return { kind: "location", said, verdict: "accepted", reason: "other_places: named in the text, not a location of the organization" };
  }
  if (named.length > 0) return wrong(`the text gives it as ${[...new Set(named.map((l) => l.role))].join(" or ")}, not as ${property} (${roles.join(", ") || "no location role"})`);
  return wrong("a place the text does not give the organization");
}

/** Whether an other_places entry names a whole country ("Netherlands", NL). */
function countryOnly(name: string, country: string | undefined): boolean {
  return country !== undefined && countryCodeOfName(name) === country;
}
