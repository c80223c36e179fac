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
  const reader = new AssertionReader(graph, rel);
  for (const quad of graph.about(subject)) reader.statement(quad);
  for (const quad of graph.pointingAt(subject)) reader.pointingAt(quad, subject, articleIri);
  return { slug, subject, assertions: mergeDates(reader.assertions(articleIri)), notScored: reader.notScored };
}

/** What one article's graph says of its subject, gathered statement by statement. */
class AssertionReader {
  readonly notScored = new Map<string, number>();
  private readonly out: Assertion[] = [];
  private readonly people = new Map<string, { name: string; links: { relation: string; property: string }[] }>();
  private readonly names = new Map<string, string[]>();
  private readonly locations: Assertion[] = [];
  private readonly addresses: PlaceInfo[] = [];

  constructor(
    private readonly graph: ExportedGraph,
    private readonly rel: Relations,
  ) {}

  private skip(p: string): void {
    this.notScored.set(shortName(p), (this.notScored.get(shortName(p)) ?? 0) + 1);
  }

  private addPersonLink(iri: string, relation: string, property: string): void {
    const entry = this.people.get(iri) ?? { name: this.graph.value(iri, S("name")) ?? iri, links: [] };
    entry.links.push({ relation, property });
    this.people.set(iri, entry);
  }

  /** A statement of the subject's: its value read by the property, or by what the value is. */
  statement(quad: Quad): void {
    const p = quad.predicate.value;
    const o = quad.object;
    if (p === RDF_TYPE) {
      if (o.value.startsWith(SCHEMA)) this.out.push({ kind: "type", type: o.value.slice(SCHEMA.length) });
      return;
    }
    if (this.rel.notScored.has(p)) {
      this.skip(p);
      return;
    }
    const dateKind = this.rel.dates.get(p);
    if (dateKind && o.termType === "Literal") {
      this.out.push({ kind: dateKind, date: o.value, property: shortName(p) });
      return;
    }
    if (this.rel.url.has(p)) {
      this.out.push({ kind: "url", url: o.value });
      return;
    }
    if (this.rel.fate.has(p)) {
      this.out.push({ kind: "fate", text: o.value });
      return;
    }
    if (this.rel.identifiers.has(p)) {
      this.out.push({ kind: "identifier", property: shortName(p), value: o.value });
      return;
    }
    if (this.rel.names.has(p) && o.termType === "Literal") {
      this.names.set(o.value, [...(this.names.get(o.value) ?? []), p]);
      return;
    }
    if (this.rel.languages.has(p)) {
      const code = o.termType === "Literal" ? o.value : this.graph.value(o.value, S("identifier")) ?? o.value;
      this.out.push({ kind: "language", code, label: o.termType === "Literal" ? o.value : `${this.graph.value(o.value, S("name")) ?? o.value} (${code})` });
      return;
    }
    if (p === S("founder")) {
      const name = this.graph.value(o.value, S("name")) ?? o.value;
      this.out.push({ kind: "founder", name, names: nodeNames(this.graph, o.value), iri: o.value });
      if (this.graph.types(o.value).includes("Person")) this.addPersonLink(o.value, "founder", p);
      return;
    }
    if (p === `${this.rel.oa}foundingEvent`) {
      foundingEvent(this.graph, o.value, this.rel, this.out, this.locations);
      return;
    }
    if (o.termType === "Literal") {
      if (this.rel.places.has(p)) {
        this.locations.push({ kind: "location", property: p, place: literalPlace(o.value) });
        return;
      }
      this.skip(p);
      return;
    }
    this.nodeStatement(p, o);
  }

  /** A statement whose value is a node: what it is decides how it is read. */
  private nodeStatement(p: string, o: Quad["object"]): void {
    // An IRI the graph says nothing of (an enumeration member such as schema:Nonprofit501c3, an
    // outside page) is a value, not an entity.
    const types = this.graph.types(o.value);
    if (types.length === 0 && this.graph.about(o.value).length === 0) {
      this.skip(p);
      return;
    }
    if (types.includes("PostalAddress")) {
      this.addresses.push(addressPlace(this.graph, o.value));
      return;
    }
    if (types.includes("QuantitativeValue")) {
      this.out.push(countOf(this.graph, o.value, p, this.rel.oa));
      return;
    }
    if (types.includes("MonetaryAmount")) {
      this.out.push(moneyOf(this.graph, o.value, p, this.rel.oa));
      return;
    }
    if (types.includes("Person")) {
      const relation = this.rel.peopleForward.get(p);
      if (relation) this.addPersonLink(o.value, relation, p);
      else this.out.push({ kind: "unmapped", property: shortName(p), inverse: false, target: this.graph.value(o.value, S("name")) ?? o.value, targetKind: "person" });
      return;
    }
    if (types.some((t) => PLACE_TYPES.has(t))) {
      if (this.rel.places.has(p)) this.locations.push({ kind: "location", property: p, place: placeOf(this.graph, o.value) });
      else this.out.push({ kind: "unmapped", property: shortName(p), inverse: false, target: this.graph.value(o.value, S("name")) ?? o.value, targetKind: "place" });
      return;
    }
    if (types.includes("Organization") || types.length === 0 || this.rel.orgForward.has(p)) {
      const relations = this.rel.orgForward.get(p);
      const name = this.graph.value(o.value, S("name")) ?? o.value;
      if (relations) this.out.push({ kind: "organization", property: shortName(p), inverse: false, relations, name, names: nodeNames(this.graph, o.value), iri: o.value });
      else this.out.push({ kind: "unmapped", property: shortName(p), inverse: false, target: name, targetKind: "organization" });
      return;
    }
    this.skip(p);
  }

  /** Statements of other nodes about the subject: people who work for it, organizations it is part of. */
  pointingAt(quad: Quad, subject: string, articleIri: string): void {
    const s = quad.subject.value;
    if (s === subject || s === articleIri) return;
    const p = quad.predicate.value;
    const types = this.graph.types(s);
    if (types.includes("Person")) {
      const relation = this.rel.peopleInverse.get(p);
      if (relation) this.addPersonLink(s, relation, `^${p}`);
      else this.out.push({ kind: "unmapped", property: shortName(p), inverse: true, target: this.graph.value(s, S("name")) ?? s, targetKind: "person" });
    } else if (types.includes("Event")) {
      if (this.graph.value(s, `${this.rel.oa}category`) === "founding") foundingEvent(this.graph, s, this.rel, this.out, this.locations);
    } else if (types.includes("Organization")) {
      const relations = this.rel.orgInverse.get(p);
      const name = this.graph.value(s, S("name")) ?? s;
      if (relations) this.out.push({ kind: "organization", property: `^${shortName(p)}`, inverse: true, relations, name, names: nodeNames(this.graph, s), iri: s });
      else this.out.push({ kind: "unmapped", property: shortName(p), inverse: true, target: name, targetKind: "organization" });
    }
  }

  /** Everything gathered: every person of the article's own graph, the names, the places. */
  assertions(articleIri: string): Assertion[] {
    const out = this.out;
    const articleBase = articleIri.slice(0, articleIri.indexOf("#") + 1);
    for (const quad of this.graph.store.getQuads(null, RDF_TYPE, S("Person"), null) as Quad[]) {
      const iri = quad.subject.value;
      if (iri.startsWith(articleBase) && !this.people.has(iri)) this.people.set(iri, { name: this.graph.value(iri, S("name")) ?? iri, links: [] });
    }
    for (const [iri, person] of this.people) {
      this.out.push({ kind: "person", name: person.name, iri });
      const roleLinks = person.links.filter((l) => l.relation === "role");
      const jobTitle = this.graph.value(iri, S("jobTitle"));
      if (roleLinks.length > 0 || jobTitle !== undefined) this.out.push({ kind: "role", name: person.name, iri, property: roleLinks.map((l) => shortName(l.property.replace(/^\^/, ""))).join(", ") || "schema:jobTitle", ...(jobTitle !== undefined && { jobTitle }) });
    }
    for (const [name, properties] of this.names) out.push({ kind: "name", name, properties: properties.map(shortName) });
    // The address repeats the location it is made from (graph/build.ts): it joins that place, adding
    // its street and postcode, and stands alone only where it names another place.
    for (const address of this.addresses) {
      const same = this.locations.find((l) => l.kind === "location" && l.place.country === address.country && [l.place, ...l.place.chain].some((c) => c.name === address.name || (address.level === "country" && c.level === "country")));
      if (same && same.kind === "location") {
        if (address.street) same.place.street = address.street;
        if (address.postcode) same.place.postcode = address.postcode;
      } else this.locations.push({ kind: "location", property: S("address"), place: address });
    }
    for (const l of this.locations) if (l.kind === "location") out.push({ ...l, property: shortName(l.property) });
    return out;
  }
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
