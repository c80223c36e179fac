// The graph: the one and only mapping of the model to RDF. Every writer that emits RDF (JSON-LD,
// Turtle, N-Triples) serializes what this returns, so they cannot disagree.
//
// schema.org terms are used only on types in their domain and with values in their range; facts
// schema.org has no term for use the project's vocabulary (oa:, schemas/org-articles.vocab.ttl).
// Every node has an IRI: loading the export twice into a store adds nothing.

import type { ArticleModel, Count, EntityBase, Event, Membership, Milestone, Money, Organization, Person, Place, ProseFact, Topic, Work } from "../model/types.ts";
import { asList, expandCurie, MAPPING_TABLE, type MappingTable, type ValueShape } from "../model/infobox-mapping.ts";
import { schemaTypeAndSuperclasses } from "./superclasses.ts";
import { DCTERMS, OA, partIri, RDF_TYPE, RDFS, SCHEMA, type Namespaces } from "./namespaces.ts";
import type { ArticleIris, SharedEntity, SharedIndex } from "./shared.ts";
import { dateLiteral, decimal, integer, iri, plain, text, type IriTerm, type LiteralTerm, type ObjectTerm } from "./terms.ts";

export interface Statement {
  subject: string;
  predicate: string;
  object: ObjectTerm;
  /** The article section the fact comes from. */
  section: string;
}

/** What a person needs to recognise a node: its id in the source, a name, its type's label. */
export interface NodeInfo {
  iri: string;
  id: string;
  name: string;
  type: string;
}

export interface Graph {
  slug: string;
  language: string;
  statements: Statement[];
  /** Every subject, and every node an object refers to that the corpus knows, in first-seen order. */
  nodes: Map<string, NodeInfo>;
}

/** Names of entities described by other articles, so references to them can be shown by name. */
export type ExternalNodes = ReadonlyMap<string, NodeInfo>;

// Each term's IRI is made once and shared by every statement: writers look predicates up in maps
// and compare them, which is faster with one flat string than with a new concatenation each time.
const schemaTerms = new Map<string, string>();
const oaTerms = new Map<string, string>();
const S = (name: string) => schemaTerms.get(name) ?? schemaTerms.set(name, SCHEMA + name).get(name)!;
const O = (name: string) => oaTerms.get(name) ?? oaTerms.set(name, OA + name).get(name)!;
/** The term of each type IRI, once: a type is the object of every entity's rdf:type statement. */
const typeTerms = new Map<string, IriTerm>();
const typeTerm = (value: string): IriTerm => typeTerms.get(value) ?? typeTerms.set(value, iri(value)).get(value)!;
/** A schema.org type's terms: itself, then its superclasses up to the top-level types (superclasses.ts). */
const schemaTypeTerms = new Map<string, readonly IriTerm[]>();
function schemaTypes(type: string): readonly IriTerm[] {
  let found = schemaTypeTerms.get(type);
  if (found === undefined) schemaTypeTerms.set(type, (found = schemaTypeAndSuperclasses(type).map((name) => typeTerm(S(name)))));
  return found;
}
const DC_DESCRIPTION = DCTERMS + "description";
/** Authorities the graph links out to with schema:sameAs. */
export const WIKIDATA_ENTITY = "http://www.wikidata.org/entity/";
export const GEONAMES = "https://sws.geonames.org/";
const RDFS_SEE_ALSO = RDFS + "seeAlso";

/** Where a subject's facts come from: its default section and per-field overrides. */
type SectionSource = { section: string; sections?: Record<string, string>; prose?: ProseFact[] };

/**
 * The section of a field's fact (of one item of a list field) that the prose states: the section
 * of its prose entry (a contradicted one is not exported, so it gives none).
 */
function proseSection(prose: readonly ProseFact[], field: string, item: string | undefined): string | undefined {
  for (const entry of prose) {
    if (entry.field !== field || entry.contradicts !== undefined) continue;
    if (entry.values === undefined || (item !== undefined && entry.values.includes(item))) return entry.section;
  }
  return undefined;
}

/** The section of an entity's field: its prose entry's, its `sections` override, or the entity's. */
function sectionOf(source: SectionSource, field: string): string {
  return (source.prose && proseSection(source.prose, field, undefined)) || source.sections?.[field] || source.section;
}

/** A key of the mapping table as the graph states it: its value's shape and its properties' IRIs. */
interface GraphKey {
  key: string;
  value: ValueShape;
  predicates: readonly string[];
  parts: readonly GraphKey[];
}

/** A table's keys as the graph states them, and those whose values are nodes of their own (count, counts, money). */
interface GraphKeys {
  all: readonly GraphKey[];
  nodes: readonly GraphKey[];
}

/** Each table's keys, made once (the project's table is the same object for every article). */
const graphKeysOf = new WeakMap<MappingTable, GraphKeys>();

function graphKeys(table: MappingTable): GraphKeys {
  let found = graphKeysOf.get(table);
  if (found === undefined) {
    const compile = (spec: MappingTable["keys"][number]): GraphKey => ({
      key: spec.key,
      value: spec.value,
      predicates: asList(spec.property).map((curie) => {
        const value = expandCurie(curie);
        return value.startsWith(OA) ? O(value.slice(OA.length)) : S(value.slice(SCHEMA.length));
      }),
      parts: (spec.parts ?? []).map(compile),
    });
    const all = table.keys.map(compile);
    graphKeysOf.set(table, (found = { all, nodes: all.filter((k) => k.value === "counts" || k.value === "count" || k.value === "money") }));
  }
  return found;
}

/**
 * The article's graph. `iris`: where its IRIs are minted, and which of its places and topics are the
 * corpus's shared entities; `mapping`: the table whose keys say what the organizations' facts are.
 */
export function buildGraph(model: ArticleModel, iris: ArticleIris, external: ExternalNodes = new Map(), mapping: MappingTable = MAPPING_TABLE): Graph {
  return new GraphBuilder(model, iris, graphKeys(mapping)).build(external);
}

/**
 * The graph of one article, built by methods rather than closures: the pipeline runs under tsx,
 * which names every closure a function creates (esbuild's keepNames, one defineProperty each), and
 * this runs once per article. Statements go to one subject at a time (`begin`, then `add`).
 */
class GraphBuilder {
  private readonly slug: string;
  private readonly language: string;
  private readonly statements: Statement[] = [];
  private readonly nodes = new Map<string, NodeInfo>();
  /** Each entity's IRI term once (ids are referred to many times); writers see the same string each time. */
  private readonly refs = new Map<string, IriTerm>();
  /** The current subject: its IRI and where its facts come from. */
  private iri = "";
  private source: SectionSource = { section: "" };
  /** Where IRIs are minted; the corpus's shared entities; the article's places and topics that stand for one (local id → shared id). */
  private readonly iris: Namespaces;
  private readonly shared: SharedIndex;
  private readonly redirect: ReadonlyMap<string, string>;
  /** Shared entities whose statements this article's graph holds. */
  private readonly sharedDone = new Set<string>();

  constructor(
    private readonly model: ArticleModel,
    article: ArticleIris,
    /** The organizations' keys, in the order their statements are made (the mapping table's). */
    private readonly keys: GraphKeys,
  ) {
    this.slug = model.article.slug;
    this.language = model.article.language;
    this.iris = article.iris;
    this.shared = article.shared;
    this.redirect = article.redirects;
  }

  build(external: ExternalNodes): Graph {
    const { model, statements, nodes } = this;
    // The subject of the article first, so every artifact opens with it.
    const subjectOrg = subjectOf(model);
    // Its milestones right after its own statements, before its memberships' nodes: each subject's
    // statements are then already together (groupBySubject finds nothing to move).
    this.organizationStatements(subjectOrg);
    const subjectIri = this.entityIriOf(subjectOrg.id);
    for (const m of model.milestones) statements.push({ subject: subjectIri, predicate: O("milestone"), object: this.ref(m.id), section: m.section });
    this.memberships(subjectOrg);
    for (const o of model.organizations) {
      if (o === subjectOrg) continue;
      this.organizationStatements(o);
      this.memberships(o);
    }
    for (const p of model.people) this.person(p);
    for (const p of model.places) this.place(p);
    for (const e of model.events) this.event(e);
    for (const w of model.works) this.work(w);
    for (const t of model.topics) this.topic(t);
    for (const m of model.milestones) this.milestone(m);
    this.article(subjectOrg);
    // The shared entities the article refers to (and those they lie in), each described once.
    const shared = this.iris.shared;
    for (let i = 0; i < statements.length; i++) {
      const object = statements[i]!.object;
      if (object.termType === "NamedNode" && object.value.startsWith(shared)) this.sharedEntity(object.value.slice(shared.length), statements[i]!.section);
    }

    // Referenced nodes of other articles, so writers can name them.
    if (external.size > 0) {
      for (const statement of statements) {
        const target = statement.object.termType === "NamedNode" ? external.get(statement.object.value) : undefined;
        if (target && !nodes.has(target.iri)) nodes.set(target.iri, target);
      }
    }
    return { slug: this.slug, language: this.language, statements: groupBySubject(statements), nodes };
  }

  private entityIriOf(id: string): string {
    return this.ref(id).value;
  }

  /** A reference to an entity: one term object for all of them (terms are values nobody changes). */
  private ref(id: string): IriTerm {
    let found = this.refs.get(id);
    if (found === undefined) {
      const shared = this.redirect.get(id);
      this.refs.set(id, (found = iri(shared !== undefined ? this.iris.sharedIri(shared) : this.iris.entityIri(this.slug, id))));
    }
    return found;
  }

  private txt(value: string): LiteralTerm {
    return text(value, this.language);
  }

  /** Starts a subject: its node, and where its facts come from. */
  private begin(node: NodeInfo, source: SectionSource): void {
    this.nodes.set(node.iri, node);
    this.iri = node.iri;
    this.source = source;
  }

  private beginEntity(entity: EntityBase, name: string, type: string): void {
    this.begin({ iri: this.entityIriOf(entity.id), id: entity.id, name, type }, entity);
  }

  /** schema:sameAs its Wikidata item, where the article states one. */
  private addWikidata(entity: EntityBase): void {
    if (entity.wikidata) this.add(S("sameAs"), iri(WIKIDATA_ENTITY + entity.wikidata), "wikidata");
  }

  /**
   * A shared entity's statements (graph/shared.ts), once per article: the same in every article,
   * since they come from source/corpus.yaml and the gazetteer only. Its container first refers to
   * it; the loop at the end of build() describes that one too.
   */
  private sharedEntity(id: string, section: string): void {
    if (this.sharedDone.has(id)) return;
    this.sharedDone.add(id);
    const e = this.shared.ensure(id);
    if (!e) return;
    const saved = { iri: this.iri, source: this.source };
    this.begin({ iri: this.iris.sharedIri(id), id: `corpus/${id}`, name: e.name, type: e.type }, { section });
    // A country is also the region its ISO 3166-1 code defines: schema:addressCountry is a DefinedRegion's.
    const types = new Set([...schemaTypes(e.type), ...(e.type === "Country" && e.iso2 ? schemaTypes("DefinedRegion") : [])]);
    for (const term of types) this.add(RDF_TYPE, term);
    this.add(S("name"), text(e.name, "en"));
    for (const name of e.alternateNames) this.add(S("alternateName"), text(name, "en"));
    if (e.type === "Country" && e.iso2) this.add(S("addressCountry"), plain(e.iso2));
    if (e.kind === "languages" && e.code) this.add(S("identifier"), plain(e.code));
    if (e.containedIn) this.add(S("containedInPlace"), iri(this.iris.sharedIri(e.containedIn)));
    if (e.wikidata) this.add(S("sameAs"), iri(WIKIDATA_ENTITY + e.wikidata));
    if (e.geonamesId !== undefined) this.add(S("sameAs"), iri(`${GEONAMES}${e.geonamesId}/`));
    this.iri = saved.iri;
    this.source = saved.source;
  }

  /**
   * The organization's location as a schema:PostalAddress (Google's Organization markup): its street
   * address and postal code where the article gives them, the city, the region and the country's
   * ISO 3166-1 code, from the place and the places it lies in. Only where the country is known.
   */
  private address(o: Organization): void {
    if (!o.location) return;
    const parts: { locality?: string; region?: string; country?: string } = {};
    const local = new Map(this.model.places.map((p) => [p.id, p]));
    let id: string | undefined = o.location;
    for (let n = 0; id !== undefined && n < 10; n++) {
      const sharedId: string | undefined = id.startsWith("corpus/") ? id.slice(7) : this.redirect.get(id);
      const shared: SharedEntity | undefined = sharedId !== undefined ? this.shared.get(sharedId) : undefined;
      const place = shared ?? local.get(id);
      if (!place) break;
      if (place.type === "City") parts.locality ??= place.name;
      else if (place.type === "State" || place.type === "AdministrativeArea") parts.region ??= place.name;
      else if (place.type === "Country") parts.country ??= shared?.iso2;
      if (shared) {
        parts.country ??= this.shared.countryOf(shared.id);
        id = shared.containedIn !== undefined ? `corpus/${shared.containedIn}` : undefined;
      } else id = local.get(id)?.containedIn;
    }
    if (!parts.country) return;
    const orgIri = this.iri;
    const addressIri = partIri(orgIri, "address");
    this.add(S("address"), iri(addressIri), "location");
    const saved = this.source;
    this.begin({ iri: addressIri, id: `${o.id}.address`, name: `${o.name}: address`, type: "PostalAddress" }, { section: sectionOf(o, "location") });
    this.addSchemaTypes("PostalAddress");
    if (o.streetAddress) this.add(S("streetAddress"), plain(o.streetAddress), "streetAddress");
    if (o.postalCode) this.add(S("postalCode"), plain(o.postalCode), "postalCode");
    if (parts.locality) this.add(S("addressLocality"), plain(parts.locality));
    if (parts.region) this.add(S("addressRegion"), plain(parts.region));
    this.add(S("addressCountry"), plain(parts.country));
    this.iri = orgIri;
    this.source = saved;
  }

  /** A statement of the current subject; `item` is the list item of `field` it states (an id or a text). */
  private add(predicate: string, object: ObjectTerm, field?: string, item?: string): void {
    const source = this.source;
    const section = field ? (source.prose && proseSection(source.prose, field, item)) || source.sections?.[field] || source.section : source.section;
    this.statements.push({ subject: this.iri, predicate, object, section });
  }

  /**
   * The subject's schema.org type and every superclass of it up to the top-level types, each an
   * rdf:type statement: the one place the graph types its nodes with schema.org.
   */
  private addSchemaTypes(type: string, field?: string): void {
    for (const term of schemaTypes(type)) this.add(RDF_TYPE, term, field);
  }

  private addTexts(predicate: string, values: readonly string[] | undefined, field: string): void {
    if (values) for (const value of values) this.add(predicate, this.txt(value), field, value);
  }

  private addRefs(predicate: string, ids: readonly string[] | undefined, field: string): void {
    if (ids) for (const id of ids) this.add(predicate, this.ref(id), field, id);
  }

  /** A count (e.g. "more than 119 organizations") as a schema:QuantitativeValue node of its own. */
  private count(ownerIri: string, id: string, name: string, value: Count & { countries?: number }, section: string): void {
    this.begin({ iri: ownerIri, id, name, type: "QuantitativeValue" }, { section });
    this.addSchemaTypes("QuantitativeValue");
    // "more than 119" is at least 120: the bound is exact for whole numbers.
    if (value.comparison === "exactly" || value.comparison === "about") this.add(S("value"), integer(value.value));
    else this.add(S("minValue"), integer(value.comparison === "more-than" ? value.value + 1 : value.value));
    this.add(O("comparison"), plain(value.comparison));
    this.add(S("unitText"), this.txt(value.unit));
    if (value.asWritten) this.add(S("description"), this.txt(value.asWritten));
    if (value.countries !== undefined) this.add(O("countryCount"), integer(value.countries));
    if (value.asOf !== undefined) this.add(O("asOf"), dateLiteral(value.asOf));
  }

  /** An amount of money as a schema:MonetaryAmount node of its own. */
  private money(ownerIri: string, id: string, name: string, value: Money, section: string): void {
    this.begin({ iri: ownerIri, id, name, type: "MonetaryAmount" }, { section });
    this.addSchemaTypes("MonetaryAmount");
    if (value.comparison === undefined || value.comparison === "exactly" || value.comparison === "about") this.add(S("value"), decimal(value.amount));
    else this.add(S("minValue"), decimal(value.amount));
    if (value.comparison !== undefined) this.add(O("comparison"), plain(value.comparison));
    if (value.currency !== undefined) this.add(S("currency"), plain(value.currency));
    if (value.asOf !== undefined) this.add(O("asOf"), dateLiteral(value.asOf));
    if (value.asWritten) this.add(S("description"), this.txt(value.asWritten));
  }

  /**
   * The organization's own statements (its counts and amounts are nodes of their own): its type and
   * name, then each key of the mapping table in the table's order, as the table's value says.
   */
  private organizationStatements(o: Organization): void {
    this.beginEntity(o, o.name, o.type);
    this.addSchemaTypes(o.type, "type");
    this.add(S("name"), this.txt(o.name), "name");
    const values = o as unknown as Record<string, unknown>;
    for (const key of this.keys.all) {
      const value = values[key.key];
      if (value !== undefined && value !== null) this.keyStatements(key, value, key.key);
    }
    this.addWikidata(o);
    this.address(o);
  }

  /** One key's statements on the current subject; `field` is the key whose section they come from. */
  private keyStatements(key: GraphKey, value: unknown, field: string): void {
    const predicates = key.predicates;
    switch (key.value) {
      case "text":
        if (value !== "") for (const p of predicates) this.add(p, this.txt(value as string), field);
        return;
      case "plain":
        if (value !== "") for (const p of predicates) this.add(p, plain(value as string), field);
        return;
      case "texts":
        for (const p of predicates) this.addTexts(p, value as string[], field);
        return;
      case "date":
        if (value !== "") for (const p of predicates) this.add(p, dateLiteral(value as string), field);
        return;
      case "integer":
        for (const p of predicates) this.add(p, integer(value as number), field);
        return;
      case "ref":
        if (value !== "") for (const p of predicates) this.add(p, this.ref(value as string), field);
        return;
      case "refs":
        for (const p of predicates) this.addRefs(p, value as string[], field);
        return;
      case "url":
        if (value !== "") for (const p of predicates) this.add(p, iri(value as string), field);
        return;
      case "languages":
        // A language the gazetteer knows is the corpus's one node for it (as a work's inLanguage).
        for (const p of predicates) {
          for (const language of value as string[]) {
            const shared = this.shared.language(language);
            this.add(p, shared !== undefined ? iri(this.iris.sharedIri(shared)) : plain(language), field);
          }
        }
        return;
      case "count":
      case "money":
        for (const p of predicates) this.add(p, iri(partIri(this.iri, key.key)), field);
        return;
      case "counts":
        for (const p of predicates) for (const item of value as Membership[]) this.add(p, this.ref(item.id), field, item.id);
        return;
      case "parts": {
        const parts = value as Record<string, unknown>;
        for (const part of key.parts) {
          const partValue = parts[part.key];
          if (partValue !== undefined && partValue !== null) this.keyStatements(part, partValue, field);
        }
        return;
      }
    }
  }

  /** The organization's counts and amounts: nodes of their own, after its statements, in the table's order. */
  private memberships(o: Organization): void {
    const values = o as unknown as Record<string, unknown>;
    const orgIri = this.entityIriOf(o.id);
    for (const key of this.keys.nodes) {
      const value = values[key.key];
      if (value === undefined || value === null) continue;
      if (key.value === "counts") {
        for (const m of value as Membership[]) this.count(this.entityIriOf(m.id), m.id, `${o.name}: ${m.asWritten ?? "members"}`, m, m.section);
      } else if (key.value === "count") {
        this.count(partIri(orgIri, key.key), `${o.id}.${key.key}`, `${o.name}: ${key.key}`, value as Count, sectionOf(o, key.key));
      } else if (key.value === "money") {
        this.money(partIri(orgIri, key.key), `${o.id}.${key.key}`, `${o.name}: ${key.key}`, value as Money, sectionOf(o, key.key));
      }
    }
  }

  private person(p: Person): void {
    this.beginEntity(p, p.name, "Person");
    this.addSchemaTypes("Person");
    this.add(S("name"), this.txt(p.name), "name");
    if (p.description) this.add(S("description"), this.txt(p.description), "description");
    if (p.jobTitle) this.add(S("jobTitle"), this.txt(p.jobTitle), "jobTitle");
    if (p.roleQualifier) this.add(O("roleQualifier"), this.txt(p.roleQualifier), "roleQualifier");
    if (p.worksFor) this.add(S("worksFor"), this.ref(p.worksFor), "worksFor");
    if (p.nationality) this.add(S("nationality"), this.ref(p.nationality), "nationality");
    this.addRefs(O("relatedEvent"), p.relatedEvents, "relatedEvents");
    this.addWikidata(p);
  }

  private place(p: Place): void {
    const shared = this.redirect.get(p.id);
    if (shared !== undefined) return this.sharedEntity(shared, p.section);
    this.beginEntity(p, p.name, p.type);
    this.addWikidata(p);
    this.addSchemaTypes(p.type);
    this.add(S("name"), this.txt(p.name), "name");
    this.addTexts(S("alternateName"), p.alternateNames, "alternateNames");
    if (p.containedIn) this.add(S("containedInPlace"), this.ref(p.containedIn), "containedIn");
  }

  private event(e: Event): void {
    this.beginEntity(e, e.name, e.type);
    const eventIri = this.iri;
    this.addSchemaTypes(e.type, "type");
    this.add(S("name"), this.txt(e.name), "name");
    this.addTexts(S("alternateName"), e.alternateNames, "alternateNames");
    this.add(O("category"), plain(e.category), "category");
    if (e.description) this.add(S("description"), this.txt(e.description), "description");
    if (e.startDate) this.add(S("startDate"), dateLiteral(e.startDate), "startDate");
    if (e.endDate) this.add(S("endDate"), dateLiteral(e.endDate), "endDate");
    const scheduleIri = e.schedule ? partIri(eventIri, "schedule") : "";
    if (e.schedule) this.add(S("eventSchedule"), iri(scheduleIri), "schedule");
    if (e.designatedBy) this.add(O("designatedBy"), this.ref(e.designatedBy), "designatedBy");
    if (e.designationDate) this.add(O("designationDate"), dateLiteral(e.designationDate), "designationDate");
    if (e.location) this.add(S("location"), this.ref(e.location), "location");
    if (e.organizer) this.add(S("organizer"), this.ref(e.organizer), "organizer");
    this.addRefs(S("performer"), e.performers, "performers");
    this.addRefs(S("attendee"), e.attendees, "attendees");
    if (e.addressedTo) this.add(O("addressedTo"), this.ref(e.addressedTo), "addressedTo");
    this.addRefs(S("about"), e.about, "about");
    const participantsIri = e.participants ? partIri(eventIri, "participants") : "";
    if (e.participants) this.add(O("participants"), iri(participantsIri), "participants");
    if (e.superEvent) this.add(S("superEvent"), this.ref(e.superEvent), "superEvent");
    if (e.workFeatured) this.add(S("workFeatured"), this.ref(e.workFeatured), "workFeatured");
    if (e.celebrates) this.add(O("celebrates"), this.ref(e.celebrates), "celebrates");
    if (e.quote) this.add(O("quote"), this.txt(e.quote), "quote");
    if (e.distinction) this.add(O("distinction"), this.txt(e.distinction), "distinction");
    if (e.endReason) this.add(O("endReason"), this.txt(e.endReason), "endReason");
    this.addWikidata(e);

    if (e.schedule) {
      this.begin({ iri: scheduleIri, id: `${e.id}.schedule`, name: `${e.name}: schedule`, type: "Schedule" }, { section: e.sections?.schedule ?? e.section });
      this.addSchemaTypes("Schedule");
      this.add(S("byMonth"), integer(e.schedule.month));
      this.add(S("byMonthDay"), integer(e.schedule.day));
      this.add(S("repeatFrequency"), plain("P1Y"));
    }
    if (e.participants) {
      this.count(participantsIri, `${e.id}.participants`, `${e.name}: participants`, e.participants, e.sections?.participants ?? e.section);
    }
  }

  private work(w: Work): void {
    this.beginEntity(w, w.name, w.type);
    const workIri = this.iri;
    this.addSchemaTypes(w.type, "type");
    this.add(S("name"), this.txt(w.name), "name");
    if (w.genre) this.add(S("genre"), this.txt(w.genre), "genre");
    if (w.description) this.add(S("description"), this.txt(w.description), "description");
    if (w.url) this.add(S("url"), iri(w.url), "url");
    if (w.publisher) this.add(S("publisher"), this.ref(w.publisher), "publisher");
    // A language the gazetteer knows is the corpus's one node for it (schema:Language, its ISO 639
    // code, its Wikidata item); any other stays the code as written.
    if (w.inLanguage) {
      for (const language of w.inLanguage) {
        const shared = this.shared.language(language);
        this.add(S("inLanguage"), shared !== undefined ? iri(this.iris.sharedIri(shared)) : plain(language), "inLanguage");
      }
    }
    if (w.startDate) this.add(S("startDate"), dateLiteral(w.startDate), "startDate");
    if (w.isPartOf) this.add(S("isPartOf"), this.ref(w.isPartOf), "isPartOf");
    if (w.marks) this.add(O("marks"), this.ref(w.marks), "marks");
    // An open ISO 8601 interval: from that date to now.
    if (w.temporalCoverageFrom) this.add(S("temporalCoverage"), plain(`${w.temporalCoverageFrom}/..`), "temporalCoverageFrom");
    if (w.subjects) {
      const subjectsIri = partIri(workIri, "subjects");
      this.add(O("profiles"), iri(subjectsIri), "subjects");
      this.count(subjectsIri, `${w.id}.subjects`, `${w.name}: profiles`, w.subjects, w.sections?.subjects ?? w.section);
      this.begin({ iri: workIri, id: w.id, name: w.name, type: w.type }, w);
    }
    this.addWikidata(w);
  }

  private topic(t: Topic): void {
    const shared = this.redirect.get(t.id);
    if (shared !== undefined) return this.sharedEntity(shared, t.section);
    this.beginEntity(t, t.name, "DefinedTerm");
    this.addSchemaTypes("DefinedTerm");
    this.add(S("name"), this.txt(t.name), "name");
  }

  private milestone(m: Milestone): void {
    // A statement of the article's history, not an event with a start: schema.org has no type for
    // it, so the project's class, described with Dublin Core.
    this.beginEntity(m, m.description, "Milestone");
    this.add(RDF_TYPE, typeTerm(O("Milestone")));
    this.add(DC_DESCRIPTION, this.txt(m.description), "description");
    if (m.startDate) this.add(O("startDate"), dateLiteral(m.startDate), "startDate");
    if (m.endDate) this.add(O("endDate"), dateLiteral(m.endDate), "endDate");
    if (m.dateQualifier) this.add(O("dateQualifier"), this.txt(m.dateQualifier), "dateQualifier");
  }

  /** The article itself: what it is about and what it points to under "See also". */
  private article(subjectOrg: Organization): void {
    const { article } = this.model;
    this.begin({ iri: this.entityIriOf("article"), id: "article", name: article.title, type: "Article" }, { section: "Lead" });
    this.addSchemaTypes("Article");
    this.add(S("name"), this.txt(article.title));
    this.add(S("inLanguage"), plain(this.language));
    this.add(S("about"), this.ref(subjectOrg.id));
    // Where the article's text is published, and its license: the data derives from that text.
    if (article.source) this.add(S("isBasedOn"), iri(article.source.url));
    if (article.license) this.add(S("license"), iri(article.license.url));
    if (article.seeAlso) for (const topicId of article.seeAlso) this.statements.push({ subject: this.iri, predicate: RDFS_SEE_ALSO, object: this.ref(topicId), section: "See also" });
  }
}

/** The article's subject organization (a loop: a closure per call costs a defineProperty under tsx). */
function subjectOf(model: ArticleModel): Organization {
  for (const o of model.organizations) if (o.id === model.article.subject) return o;
  throw new Error(`${model.article.slug}: no organization ${model.article.subject}`);
}

/** Each subject's statements together, subjects in first-seen order: Turtle then writes each subject once. */
function groupBySubject(statements: Statement[]): Statement[] {
  // Usually they already are: then the list is returned as it is.
  const seen = new Set<string>();
  let current: string | undefined;
  let grouped = true;
  for (const statement of statements) {
    if (statement.subject === current) continue;
    current = statement.subject;
    if (seen.has(current)) {
      grouped = false;
      break;
    }
    seen.add(current);
  }
  if (grouped) return statements;
  const groups = new Map<string, Statement[]>();
  for (const statement of statements) {
    const group = groups.get(statement.subject);
    if (group) group.push(statement);
    else groups.set(statement.subject, [statement]);
  }
  const result: Statement[] = [];
  for (const group of groups.values()) for (const statement of group) result.push(statement);
  return result;
}
