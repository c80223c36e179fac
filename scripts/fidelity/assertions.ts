// What the graph asserts about an article's subject organization, as facts of the gold's kinds:
// its types, dates, places (with the country their containedInPlace chain reaches), people (with
// their job titles and how they are linked), counts, amounts, URL, names, related organizations,
// languages and identifiers. Each carries what the graph said, in words, for the report.

import type { Quad } from "n3";
import { countryCodeOfName } from "./countries.ts";
import { type ExportedGraph, RDF_TYPE, SCHEMA } from "./read-graph.ts";
import { shortName, type Relations } from "./relations.ts";

const WIKIDATA = "http://www.wikidata.org/entity/";
const S = (name: string) => SCHEMA + name;

export type Level = "country" | "region" | "city" | "place" | "literal";

/** A place as the graph gives it: its names, its level and the chain of places it lies in. */
export interface PlaceInfo {
  iri?: string;
  name: string;
  names: string[];
  level: Level;
  /** ISO 3166-1 alpha-2 of the country its chain reaches (or that it is). */
  country?: string;
  wikidata: string[];
  /** The places it lies in, nearest first (not itself). */
  chain: PlaceInfo[];
  street?: string;
  postcode?: string;
}

export type Assertion =
  | { kind: "type"; type: string }
  | { kind: "founded" | "dissolved"; date: string; property: string }
  | { kind: "location"; property: string; place: PlaceInfo }
  | { kind: "person"; name: string; iri: string }
  | { kind: "founder"; name: string; names: string[]; iri: string }
  | { kind: "role"; name: string; iri: string; property: string; jobTitle?: string }
  | { kind: "count"; property: string; value: number; comparison: string; unit?: string; year?: string; written?: string }
  | { kind: "money"; property: string; value: number; comparison?: string; currency?: string; year?: string; written?: string }
  | { kind: "url"; url: string }
  | { kind: "name"; name: string; properties: string[] }
  | { kind: "organization"; property: string; inverse: boolean; relations: string[]; name: string; names: string[]; iri: string }
  | { kind: "language"; code: string; label: string }
  | { kind: "identifier"; property: string; value: string }
  | { kind: "fate"; text: string }
  /** A property the table does not know pointing at a node: judged wrong until it is listed. */
  | { kind: "unmapped"; property: string; inverse: boolean; target: string; targetKind: string };

export type Kind = Assertion["kind"];

export interface ArticleAssertions {
  slug: string;
  subject: string;
  assertions: Assertion[];
  /** Properties of the subject the table says are not scored, and how often each was seen. */
  notScored: Map<string, number>;
}

const PLACE_TYPES = new Set(["Place", "Country", "State", "City", "AdministrativeArea", "PostalAddress", "LandmarksOrHistoricalBuildings", "CivicStructure", "Continent"]);

/** The facts the graph asserts about `subject`, the subject of the article `slug`. */
export function assertionsOf(graph: ExportedGraph, slug: string, articleIri: string, subject: string, rel: Relations): ArticleAssertions {
  const out: Assertion[] = [];
  const notScored = new Map<string, number>();
  const skip = (p: string) => notScored.set(shortName(p), (notScored.get(shortName(p)) ?? 0) + 1);
  const people = new Map<string, { name: string; links: { relation: string; property: string }[] }>();
  const addPersonLink = (iri: string, relation: string, property: string) => {
    const entry = people.get(iri) ?? { name: graph.value(iri, S("name")) ?? iri, links: [] };
    entry.links.push({ relation, property });
    people.set(iri, entry);
  };
  const names = new Map<string, string[]>();
  const locations: Assertion[] = [];
  const addresses: PlaceInfo[] = [];

  for (const quad of graph.about(subject)) {
    const p = quad.predicate.value;
    const o = quad.object;
    if (p === RDF_TYPE) {
      if (o.value.startsWith(SCHEMA)) out.push({ kind: "type", type: o.value.slice(SCHEMA.length) });
      continue;
    }
    if (rel.notScored.has(p)) {
      skip(p);
      continue;
    }
    const dateKind = rel.dates.get(p);
    if (dateKind && o.termType === "Literal") {
      out.push({ kind: dateKind, date: o.value, property: shortName(p) });
      continue;
    }
    if (rel.url.has(p)) {
      out.push({ kind: "url", url: o.value });
      continue;
    }
    if (rel.fate.has(p)) {
      out.push({ kind: "fate", text: o.value });
      continue;
    }
    if (rel.identifiers.has(p)) {
      out.push({ kind: "identifier", property: shortName(p), value: o.value });
      continue;
    }
    if (rel.names.has(p) && o.termType === "Literal") {
      names.set(o.value, [...(names.get(o.value) ?? []), p]);
      continue;
    }
    if (rel.languages.has(p)) {
      const code = o.termType === "Literal" ? o.value : graph.value(o.value, S("identifier")) ?? o.value;
      out.push({ kind: "language", code, label: o.termType === "Literal" ? o.value : `${graph.value(o.value, S("name")) ?? o.value} (${code})` });
      continue;
    }
    if (p === S("founder")) {
      const name = graph.value(o.value, S("name")) ?? o.value;
      out.push({ kind: "founder", name, names: nodeNames(graph, o.value), iri: o.value });
      if (graph.types(o.value).includes("Person")) addPersonLink(o.value, "founder", p);
      continue;
    }
    if (p === `${rel.oa}foundingEvent`) {
      foundingEvent(graph, o.value, rel, out, locations);
      continue;
    }
    if (o.termType === "Literal") {
      if (rel.places.has(p)) {
        locations.push({ kind: "location", property: p, place: literalPlace(o.value) });
        continue;
      }
      skip(p);
      continue;
    }
    // A node: what it is decides how it is read. An IRI the graph says nothing of (an enumeration
    // member such as schema:Nonprofit501c3, an outside page) is a value, not an entity.
    const types = graph.types(o.value);
    if (types.length === 0 && graph.about(o.value).length === 0) {
      skip(p);
      continue;
    }
    if (types.includes("PostalAddress")) {
      addresses.push(addressPlace(graph, o.value));
      continue;
    }
    if (types.includes("QuantitativeValue")) {
      out.push(countOf(graph, o.value, p, rel.oa));
      continue;
    }
    if (types.includes("MonetaryAmount")) {
      out.push(moneyOf(graph, o.value, p, rel.oa));
      continue;
    }
    if (types.includes("Person")) {
      const relation = rel.peopleForward.get(p);
      if (relation) addPersonLink(o.value, relation, p);
      else out.push({ kind: "unmapped", property: shortName(p), inverse: false, target: graph.value(o.value, S("name")) ?? o.value, targetKind: "person" });
      continue;
    }
    if (types.some((t) => PLACE_TYPES.has(t))) {
      if (rel.places.has(p)) locations.push({ kind: "location", property: p, place: placeOf(graph, o.value) });
      else out.push({ kind: "unmapped", property: shortName(p), inverse: false, target: graph.value(o.value, S("name")) ?? o.value, targetKind: "place" });
      continue;
    }
    if (types.includes("Organization") || types.length === 0 || rel.orgForward.has(p)) {
      const relations = rel.orgForward.get(p);
      const name = graph.value(o.value, S("name")) ?? o.value;
      if (relations) out.push({ kind: "organization", property: shortName(p), inverse: false, relations, name, names: nodeNames(graph, o.value), iri: o.value });
      else out.push({ kind: "unmapped", property: shortName(p), inverse: false, target: name, targetKind: "organization" });
      continue;
    }
    skip(p);
  }

  // Statements of other nodes about the subject: people who work for it, organizations it is part of.
  for (const quad of graph.pointingAt(subject)) {
    const s = quad.subject.value;
    if (s === subject || s === articleIri) continue;
    const p = quad.predicate.value;
    const types = graph.types(s);
    if (types.includes("Person")) {
      const relation = rel.peopleInverse.get(p);
      if (relation) addPersonLink(s, relation, `^${p}`);
      else out.push({ kind: "unmapped", property: shortName(p), inverse: true, target: graph.value(s, S("name")) ?? s, targetKind: "person" });
    } else if (types.includes("Event")) {
      if (graph.value(s, `${rel.oa}category`) === "founding") foundingEvent(graph, s, rel, out, locations);
    } else if (types.includes("Organization")) {
      const relations = rel.orgInverse.get(p);
      const name = graph.value(s, S("name")) ?? s;
      if (relations) out.push({ kind: "organization", property: `^${shortName(p)}`, inverse: true, relations, name, names: nodeNames(graph, s), iri: s });
      else out.push({ kind: "unmapped", property: shortName(p), inverse: true, target: name, targetKind: "organization" });
    }
  }

  // Every person of the article's own graph is a person it asserts, linked to the subject or not.
  const articleBase = articleIri.slice(0, articleIri.indexOf("#") + 1);
  for (const quad of graph.store.getQuads(null, RDF_TYPE, S("Person"), null) as Quad[]) {
    const iri = quad.subject.value;
    if (iri.startsWith(articleBase) && !people.has(iri)) people.set(iri, { name: graph.value(iri, S("name")) ?? iri, links: [] });
  }
  for (const [iri, person] of people) {
    out.push({ kind: "person", name: person.name, iri });
    const roleLinks = person.links.filter((l) => l.relation === "role");
    const jobTitle = graph.value(iri, S("jobTitle"));
    if (roleLinks.length > 0 || jobTitle !== undefined) out.push({ kind: "role", name: person.name, iri, property: roleLinks.map((l) => shortName(l.property.replace(/^\^/, ""))).join(", ") || "schema:jobTitle", ...(jobTitle !== undefined && { jobTitle }) });
  }

  for (const [name, properties] of names) out.push({ kind: "name", name, properties: properties.map(shortName) });

  // The address repeats the location it is made from (graph/build.ts): it joins that place, adding
  // its street and postcode, and stands alone only where it names another place.
  for (const address of addresses) {
    const same = locations.find((l) => l.kind === "location" && l.place.country === address.country && [l.place, ...l.place.chain].some((c) => c.name === address.name || (address.level === "country" && c.level === "country")));
    if (same && same.kind === "location") {
      if (address.street) same.place.street = address.street;
      if (address.postcode) same.place.postcode = address.postcode;
    } else locations.push({ kind: "location", property: S("address"), place: address });
  }
  for (const l of locations) if (l.kind === "location") out.push({ ...l, property: shortName(l.property) });
  return { slug, subject, assertions: mergeDates(out), notScored };
}

/** One fact per date: the founding date and the founding event's start are the same fact when equal. */
function mergeDates(assertions: Assertion[]): Assertion[] {
  const out: Assertion[] = [];
  for (const a of assertions) {
    if (a.kind === "founded" || a.kind === "dissolved") {
      const same = out.find((b): b is Extract<Assertion, { kind: "founded" | "dissolved" }> => b.kind === a.kind && b.date === a.date);
      if (same) {
        if (!same.property.split(", ").includes(a.property)) same.property = `${same.property}, ${a.property}`;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A founding event: its start is a founding date, its place the founding place. */
function foundingEvent(graph: ExportedGraph, event: string, rel: Relations, out: Assertion[], locations: Assertion[]): void {
  const start = graph.value(event, S("startDate"));
  const name = graph.value(event, S("name")) ?? event;
  if (start) out.push({ kind: "founded", date: start, property: `event ${name}` });
  for (const place of graph.values(event, S("location"))) {
    const property = `${rel.oa}foundingEvent ${S("location")}`;
    if (!locations.some((l) => l.kind === "location" && l.place.iri === place && l.property === property)) locations.push({ kind: "location", property, place: placeOf(graph, place) });
  }
}

function nodeNames(graph: ExportedGraph, iri: string): string[] {
  return [...graph.values(iri, S("name")), ...graph.values(iri, S("alternateName")), ...graph.values(iri, S("legalName"))];
}

function levelOf(types: readonly string[]): Level {
  if (types.includes("Country")) return "country";
  if (types.includes("City")) return "city";
  if (types.includes("State") || types.includes("Continent")) return "region";
  if (types.includes("AdministrativeArea")) return "region";
  return "place";
}

/** A place node, the chain of places it lies in and the country that chain reaches. */
export function placeOf(graph: ExportedGraph, iri: string, depth = 0): PlaceInfo {
  const types = graph.types(iri);
  const container = depth < 10 ? graph.value(iri, S("containedInPlace")) : undefined;
  const parent = container !== undefined ? placeOf(graph, container, depth + 1) : undefined;
  const ownCountry = types.includes("Country") ? graph.value(iri, S("addressCountry")) : undefined;
  return {
    iri,
    name: graph.value(iri, S("name")) ?? iri,
    names: nodeNames(graph, iri),
    level: levelOf(types),
    ...(((ownCountry ?? parent?.country) !== undefined) && { country: ownCountry ?? parent!.country }),
    wikidata: graph.values(iri, S("sameAs")).filter((v) => v.startsWith(WIKIDATA)).map((v) => v.slice(WIKIDATA.length)),
    chain: parent ? [parent, ...parent.chain] : [],
  };
}

/** A schema:PostalAddress: its most specific part names it; its region is its chain. */
function addressPlace(graph: ExportedGraph, iri: string): PlaceInfo {
  const locality = graph.value(iri, S("addressLocality"));
  const region = graph.value(iri, S("addressRegion"));
  const country = graph.value(iri, S("addressCountry"));
  const street = graph.value(iri, S("streetAddress"));
  const postcode = graph.value(iri, S("postalCode"));
  const countryPlace: PlaceInfo[] = country ? [{ name: country, names: [country], level: "country", country, wikidata: [], chain: [] }] : [];
  const regionPlace: PlaceInfo[] = region ? [{ name: region, names: [region], level: "region", ...(country && { country }), wikidata: [], chain: countryPlace }] : [];
  const name = locality ?? region ?? country ?? iri;
  return {
    iri,
    name,
    names: [name],
    level: locality ? "city" : region ? "region" : "country",
    ...(country && { country }),
    wikidata: [],
    chain: locality ? [...regionPlace, ...countryPlace] : region ? countryPlace : [],
    ...(street && { street }),
    ...(postcode && { postcode }),
  };
}

/** A place given as text ("Worldwide", "United States"): a country where the text is a country's name. */
export function literalPlace(text: string): PlaceInfo {
  const country = countryCodeOfName(text);
  return { name: text, names: [text], level: country ? "country" : "literal", ...(country && { country }), wikidata: [], chain: [] };
}

function countOf(graph: ExportedGraph, iri: string, property: string, oa: string): Assertion {
  const comparison = graph.value(iri, `${oa}comparison`) ?? "exactly";
  const value = Number(graph.value(iri, S("value")) ?? graph.value(iri, S("minValue")) ?? graph.value(iri, S("maxValue")) ?? NaN);
  // "more than 119" is exported as minValue 120 (graph/build.ts): the text's number is one less.
  const stated = comparison === "more-than" && graph.value(iri, S("value")) === undefined ? value - 1 : value;
  const unit = graph.value(iri, S("unitText"));
  const year = graph.value(iri, `${oa}asOf`);
  const written = graph.value(iri, S("description"));
  return { kind: "count", property: shortName(property), value: stated, comparison, ...(unit && { unit }), ...(year && { year }), ...(written && { written }) };
}

function moneyOf(graph: ExportedGraph, iri: string, property: string, oa: string): Assertion {
  const comparison = graph.value(iri, `${oa}comparison`);
  const value = Number(graph.value(iri, S("value")) ?? graph.value(iri, S("minValue")) ?? NaN);
  const currency = graph.value(iri, S("currency"));
  const year = graph.value(iri, `${oa}asOf`);
  const written = graph.value(iri, S("description"));
  return { kind: "money", property: shortName(property), value, ...(comparison && { comparison }), ...(currency && { currency }), ...(year && { year }), ...(written && { written }) };
}
