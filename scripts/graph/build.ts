// The graph: the one and only mapping of the model to RDF. Every writer that emits RDF (JSON-LD,
// Turtle, N-Triples) serializes what this returns, so they cannot disagree.
//
// schema.org terms are used only on types in their domain and with values in their range; facts
// schema.org has no term for use the project's vocabulary (oa:, schemas/org-articles.vocab.ttl).
// Every node has an IRI: loading the export twice into a store adds nothing.

import type { ArticleModel, Count, EntityBase, Event, Membership, Milestone, Organization, Person, Place, Topic, Work } from "../model/types.ts";
import { DCTERMS, entityIri, OA, partIri, RDF_TYPE, RDFS, SCHEMA } from "./namespaces.ts";
import { integer, iri, plain, schemaDate, text, xsdDate, type ObjectTerm } from "./terms.ts";

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

/** Adds one subject's statements; a class, not closures per entity, since there are many entities. */
class SubjectEmitter {
  constructor(
    private readonly statements: Statement[],
    readonly iri: string,
    private readonly entity: { section: string; sections?: Record<string, string> },
  ) {}

  add(predicate: string, object: ObjectTerm | undefined, field?: string): void {
    if (object) this.statements.push({ subject: this.iri, predicate, object, section: (field && this.entity.sections?.[field]) || this.entity.section });
  }

  addAll<T>(predicate: string, values: readonly T[] | undefined, toTerm: (value: T) => ObjectTerm, field?: string): void {
    if (values) for (const value of values) this.add(predicate, toTerm(value), field);
  }
}

export function buildGraph(model: ArticleModel, external: ExternalNodes = new Map()): Graph {
  const { slug, language } = model.article;
  const statements: Statement[] = [];
  const nodes = new Map<string, NodeInfo>();
  // Each entity's IRI once (ids are referred to many times).
  const iris = new Map<string, string>();
  const entityIriOf = (id: string) => iris.get(id) ?? iris.set(id, entityIri(slug, id)).get(id)!;
  const ref = (id: string) => iri(entityIriOf(id));
  const txt = (value: string) => text(value, language);

  // A small emitter bound to one subject and its default section.
  const subject = (node: NodeInfo, entity: { section: string; sections?: Record<string, string> }) => {
    nodes.set(node.iri, node);
    return new SubjectEmitter(statements, node.iri, entity);
  };
  const info = (entity: EntityBase, name: string, type: string): NodeInfo => ({ iri: entityIriOf(entity.id), id: entity.id, name, type });

  /** A count (e.g. "more than 119 organizations") as a schema:QuantitativeValue node of its own. */
  const count = (ownerIri: string, id: string, name: string, value: Count & { countries?: number }, section: string) => {
    const node = subject({ iri: ownerIri, id, name, type: "QuantitativeValue" }, { section });
    node.add(RDF_TYPE, iri(S("QuantitativeValue")));
    // "more than 119" is at least 120: the bound is exact for whole numbers.
    if (value.comparison === "exactly" || value.comparison === "about") node.add(S("value"), integer(value.value));
    else node.add(S("minValue"), integer(value.comparison === "more-than" ? value.value + 1 : value.value));
    node.add(O("comparison"), plain(value.comparison));
    node.add(S("unitText"), txt(value.unit));
    if (value.asWritten) node.add(S("description"), txt(value.asWritten));
    if (value.countries !== undefined) node.add(O("countryCount"), integer(value.countries));
  };

  const organization = (o: Organization) => {
    organizationStatements(o);
    for (const m of o.membership ?? []) membership(o, m);
  };

  /** The organization's own statements (its memberships are nodes of their own). */
  const organizationStatements = (o: Organization) => {
    const node = subject(info(o, o.name, o.type), o);
    node.add(RDF_TYPE, iri(S(o.type)), "type");
    node.add(S("name"), txt(o.name), "name");
    if (o.category) node.add(O("category"), txt(o.category), "category");
    node.addAll(S("alternateName"), o.formerNames, txt, "formerNames");
    node.addAll(O("formerName"), o.formerNames, txt, "formerNames");
    node.addAll(S("alternateName"), o.alternateNames, txt, "alternateNames");
    if (o.description) node.add(S("description"), txt(o.description), "description");
    if (o.foundingDate) node.add(S("foundingDate"), schemaDate(o.foundingDate), "foundingDate");
    if (o.foundingPlace) node.add(S("foundingLocation"), ref(o.foundingPlace), "foundingPlace");
    if (o.founderCount !== undefined) node.add(O("founderCount"), integer(o.founderCount), "founderCount");
    if (o.foundingEvent) node.add(O("foundingEvent"), ref(o.foundingEvent), "foundingEvent");
    if (o.dissolutionDate) node.add(S("dissolutionDate"), schemaDate(o.dissolutionDate), "dissolutionDate");
    if (o.location) node.add(S("location"), ref(o.location), "location");
    if (o.parentOrganization) node.add(S("parentOrganization"), ref(o.parentOrganization), "parentOrganization");
    node.addAll(S("areaServed"), o.areaServed, txt, "areaServed");
    node.addAll(O("focus"), o.focus, ref, "focus");
    node.addAll(O("method"), o.methods, txt, "methods");
    node.addAll(O("activity"), o.activities, txt, "activities");
    if (o.mandate) {
      node.add(O("mandate"), txt(o.mandate.summary), "mandate");
      node.addAll(O("mandateIssue"), o.mandate.issues, ref, "mandate");
      node.addAll(O("defendsRightsOf"), o.mandate.rightsOf, txt, "mandate");
    }
    for (const m of o.membership ?? []) node.add(O("membership"), ref(m.id), "membership");
    if (o.homepage) node.add(S("url"), iri(o.homepage), "homepage");
  };

  const membership = (o: Organization, m: Membership) =>
    count(entityIriOf(m.id), m.id, `${o.name}: ${m.asWritten ?? "members"}`, m, m.section);

  const person = (p: Person) => {
    const node = subject(info(p, p.name, "Person"), p);
    node.add(RDF_TYPE, iri(S("Person")));
    node.add(S("name"), txt(p.name), "name");
    if (p.description) node.add(S("description"), txt(p.description), "description");
    if (p.jobTitle) node.add(S("jobTitle"), txt(p.jobTitle), "jobTitle");
    if (p.worksFor) node.add(S("worksFor"), ref(p.worksFor), "worksFor");
    if (p.nationality) node.add(S("nationality"), ref(p.nationality), "nationality");
    node.addAll(O("relatedEvent"), p.relatedEvents, ref, "relatedEvents");
  };

  const place = (p: Place) => {
    const node = subject(info(p, p.name, p.type), p);
    node.add(RDF_TYPE, iri(S(p.type)));
    node.add(S("name"), txt(p.name), "name");
    node.addAll(S("alternateName"), p.alternateNames, txt, "alternateNames");
    if (p.containedIn) node.add(S("containedInPlace"), ref(p.containedIn), "containedIn");
  };

  const event = (e: Event) => {
    const node = subject(info(e, e.name, e.type), e);
    node.add(RDF_TYPE, iri(S(e.type)), "type");
    node.add(S("name"), txt(e.name), "name");
    node.addAll(S("alternateName"), e.alternateNames, txt, "alternateNames");
    node.add(O("category"), plain(e.category), "category");
    if (e.description) node.add(S("description"), txt(e.description), "description");
    if (e.startDate) node.add(S("startDate"), schemaDate(e.startDate), "startDate");
    if (e.endDate) node.add(S("endDate"), schemaDate(e.endDate), "endDate");
    const scheduleIri = partIri(node.iri, "schedule");
    if (e.schedule) node.add(S("eventSchedule"), iri(scheduleIri), "schedule");
    if (e.designatedBy) node.add(O("designatedBy"), ref(e.designatedBy), "designatedBy");
    if (e.designationDate) node.add(O("designationDate"), xsdDate(e.designationDate), "designationDate");
    if (e.location) node.add(S("location"), ref(e.location), "location");
    if (e.organizer) node.add(S("organizer"), ref(e.organizer), "organizer");
    node.addAll(S("performer"), e.performers, ref, "performers");
    node.addAll(S("attendee"), e.attendees, ref, "attendees");
    if (e.addressedTo) node.add(O("addressedTo"), ref(e.addressedTo), "addressedTo");
    node.addAll(S("about"), e.about, ref, "about");
    const participantsIri = partIri(node.iri, "participants");
    if (e.participants) node.add(O("participants"), iri(participantsIri), "participants");
    if (e.superEvent) node.add(S("superEvent"), ref(e.superEvent), "superEvent");
    if (e.workFeatured) node.add(S("workFeatured"), ref(e.workFeatured), "workFeatured");
    if (e.celebrates) node.add(O("celebrates"), ref(e.celebrates), "celebrates");
    if (e.quote) node.add(O("quote"), txt(e.quote), "quote");
    if (e.distinction) node.add(O("distinction"), txt(e.distinction), "distinction");
    if (e.endReason) node.add(O("endReason"), txt(e.endReason), "endReason");

    if (e.schedule) {
      const schedule = subject({ iri: scheduleIri, id: `${e.id}.schedule`, name: `${e.name}: schedule`, type: "Schedule" }, { section: e.sections?.schedule ?? e.section });
      schedule.add(RDF_TYPE, iri(S("Schedule")));
      schedule.add(S("byMonth"), integer(e.schedule.month));
      schedule.add(S("byMonthDay"), integer(e.schedule.day));
      schedule.add(S("repeatFrequency"), plain("P1Y"));
    }
    if (e.participants) {
      count(participantsIri, `${e.id}.participants`, `${e.name}: participants`, e.participants, e.sections?.participants ?? e.section);
    }
  };

  const work = (w: Work) => {
    const node = subject(info(w, w.name, w.type), w);
    node.add(RDF_TYPE, iri(S(w.type)), "type");
    node.add(S("name"), txt(w.name), "name");
    if (w.genre) node.add(S("genre"), txt(w.genre), "genre");
    if (w.description) node.add(S("description"), txt(w.description), "description");
    if (w.url) node.add(S("url"), iri(w.url), "url");
    if (w.publisher) node.add(S("publisher"), ref(w.publisher), "publisher");
    node.addAll(S("inLanguage"), w.inLanguage, plain, "inLanguage");
    if (w.startDate) node.add(S("startDate"), schemaDate(w.startDate), "startDate");
    if (w.isPartOf) node.add(S("isPartOf"), ref(w.isPartOf), "isPartOf");
    if (w.marks) node.add(O("marks"), ref(w.marks), "marks");
    // An open ISO 8601 interval: from that date to now.
    if (w.temporalCoverageFrom) node.add(S("temporalCoverage"), plain(`${w.temporalCoverageFrom}/..`), "temporalCoverageFrom");
    const subjectsIri = partIri(node.iri, "subjects");
    if (w.subjects) {
      node.add(O("profiles"), iri(subjectsIri), "subjects");
      count(subjectsIri, `${w.id}.subjects`, `${w.name}: profiles`, w.subjects, w.sections?.subjects ?? w.section);
    }
  };

  const topic = (t: Topic) => {
    const node = subject(info(t, t.name, "DefinedTerm"), t);
    node.add(RDF_TYPE, iri(S("DefinedTerm")));
    node.add(S("name"), txt(t.name), "name");
  };

  const milestone = (m: Milestone) => {
    // A statement of the article's history, not an event with a start: schema.org has no type for
    // it, so the project's class, described with Dublin Core.
    const node = subject(info(m, m.description, "Milestone"), m);
    node.add(RDF_TYPE, iri(O("Milestone")));
    node.add(DCTERMS + "description", txt(m.description), "description");
    if (m.startDate) node.add(O("startDate"), xsdDate(m.startDate), "startDate");
    if (m.endDate) node.add(O("endDate"), xsdDate(m.endDate), "endDate");
    if (m.dateQualifier) node.add(O("dateQualifier"), txt(m.dateQualifier), "dateQualifier");
  };

  // The subject of the article first, so every artifact opens with it.
  const subjectOrg = model.organizations.find((o) => o.id === model.article.subject)!;
  // Its milestones right after its own statements, before its memberships' nodes: each subject's
  // statements are then already together (groupBySubject finds nothing to move).
  organizationStatements(subjectOrg);
  for (const m of model.milestones) statements.push({ subject: entityIriOf(subjectOrg.id), predicate: O("milestone"), object: ref(m.id), section: m.section });
  for (const m of subjectOrg.membership ?? []) membership(subjectOrg, m);
  for (const o of model.organizations) if (o !== subjectOrg) organization(o);
  model.people.forEach(person);
  model.places.forEach(place);
  model.events.forEach(event);
  model.works.forEach(work);
  model.topics.forEach(topic);
  model.milestones.forEach(milestone);

  // The article itself: what it is about and what it points to under "See also".
  const articleNode = subject({ iri: entityIriOf("article"), id: "article", name: model.article.title, type: "Article" }, { section: "Lead" });
  articleNode.add(RDF_TYPE, iri(S("Article")));
  articleNode.add(S("name"), txt(model.article.title));
  articleNode.add(S("inLanguage"), plain(language));
  articleNode.add(S("about"), ref(subjectOrg.id));
  // Where the article's text is published, and its license: the data derives from that text.
  if (model.article.source) articleNode.add(S("isBasedOn"), iri(model.article.source.url));
  if (model.article.license) articleNode.add(S("license"), iri(model.article.license.url));
  for (const topicId of model.article.seeAlso ?? []) statements.push({ subject: articleNode.iri, predicate: RDFS + "seeAlso", object: ref(topicId), section: "See also" });

  // Referenced nodes of other articles, so writers can name them.
  for (const statement of statements) {
    const target = statement.object.termType === "NamedNode" ? external.get(statement.object.value) : undefined;
    if (target && !nodes.has(target.iri)) nodes.set(target.iri, target);
  }
  return { slug, language, statements: groupBySubject(statements), nodes };
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
