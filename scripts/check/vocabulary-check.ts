// The schema.org vocabulary check, offline, against release 30.0 (schemas/schemaorg-30.0/vocabulary.json):
// - every schema.org class, property, enumeration member and data type the graph names exists
//   (and is not superseded);
// - every schema.org property is used on a node whose type is in its domain (schema:domainIncludes,
//   subclasses included);
// - every value is in its range (schema:rangeIncludes): a literal of a datatype that fits one of the
//   range's data types, with valid text; a node (IRI) of an allowed type. Text where schema.org
//   expects a thing is reported, not accepted: search engines may guess, knowledge graphs do not.
// - every node typed with a schema.org class is also typed with each of its superclasses up to the
//   top-level types (an ExhibitionEvent also schema:Event), as the export materializes them
//   (scripts/graph/superclasses.ts), so a query for `?e a schema:Event` misses none.
// The project's own terms (oa:, dcterms:, rdfs:) are outside this check.

import { EXAMPLE_BASE, RDF_LANG_STRING, RDF_TYPE, SCHEMA, XSD_STRING } from "../graph/namespaces.ts";
import { closest } from "../validate/json-schema.ts";
import type { SchemaOrgVocabulary } from "../vocabulary/schemaorg-vocabulary.ts";
import { typeAndSuperclasses } from "../graph/superclasses.ts";
import { compactIri, showTerm, type Finding } from "./finding.ts";
import { acceptedDatatypes, lexicalProblem } from "./literal-datatypes.ts";

/** The parts of an RDF/JS term the check reads (N3.js and jsonld.js terms both fit). */
export interface TermLike {
  termType: string;
  value: string;
  datatype?: { value: string } | null;
  language?: string;
}

export interface TripleLike {
  subject: TermLike;
  predicate: TermLike;
  object: TermLike;
}

const HTTPS_SCHEMA = "https://schema.org/";
const CHECK = "schema.org vocabulary" as const;

/** `base`: the base the graph's IRIs were minted under (findings name its entities as slug:id). */
export function checkVocabulary(triples: readonly TripleLike[], vocabulary: SchemaOrgVocabulary, base: string = EXAMPLE_BASE): Finding[] {
  return new VocabularyCheck(triples, vocabulary, base).run();
}

/** One graph's check: the nodes' types are read first, then every statement is judged by them. */
class VocabularyCheck {
  private readonly findings: Finding[] = [];
  private readonly release: string;
  private readonly subtypesOf: (name: string) => readonly string[];
  /** Each node's schema.org types, from the graph's rdf:type statements. */
  private readonly types = new Map<string, string[]>();
  /**
   * Nodes whose only schema.org types do not exist: that is reported once, at the type, not again
   * at every property they use or are the value of.
   */
  private readonly unknownTyped = new Set<string>();

  constructor(
    private readonly triples: readonly TripleLike[],
    private readonly vocabulary: SchemaOrgVocabulary,
    private readonly base: string,
  ) {
    this.release = `schema.org ${vocabulary.file.release}`;
    this.subtypesOf = dataTypeSubtypes(vocabulary);
  }

  run(): Finding[] {
    this.readTypes();
    this.checkSuperclasses();
    for (const t of this.triples) this.checkStatement(t);
    return this.findings;
  }

  private readTypes(): void {
    const { types, vocabulary } = this;
    for (const t of this.triples) {
      const name = t.predicate.value === RDF_TYPE && t.object.termType === "NamedNode" ? local(t.object.value) : undefined;
      if (name !== undefined && vocabulary.isClass(name)) types.set(t.subject.value, [...(types.get(t.subject.value) ?? []), name]);
    }
    for (const t of this.triples) {
      if (t.predicate.value === RDF_TYPE && t.object.termType === "NamedNode" && isSchemaTerm(t.object.value) && !types.has(t.subject.value)) this.unknownTyped.add(t.subject.value);
    }
  }

  private typesOf(node: string): string[] {
    return this.types.get(node) ?? [];
  }

  /** A term of schema.org's namespace: does it exist, as what is expected, and is it current? */
  private checkTerm(node: string, property: string | undefined, iri: string, as: "class" | "property" | "member" | "data type"): boolean {
    const { vocabulary, release } = this;
    const report = (message: string, expected?: string) =>
      this.findings.push({ check: CHECK, node, ...(property !== undefined && { property }), message, ...(expected !== undefined && { expected }), found: `<${iri}>` });
    if (iri.startsWith(HTTPS_SCHEMA)) {
      report("a schema.org term with https://: schema.org's JSON-LD context, and this project, name its terms http://schema.org/", `<${SCHEMA}${iri.slice(HTTPS_SCHEMA.length)}>`);
      return false;
    }
    const name = local(iri)!;
    const exists = as === "class" ? vocabulary.isClass(name) : as === "property" ? vocabulary.isProperty(name) : as === "member" ? vocabulary.isMember(name) : vocabulary.isDataType(name);
    if (!exists) {
      const wanted = { class: "a class", property: "a property", member: "an enumeration member", "data type": "a data type" }[as];
      const actually = vocabulary.isProperty(name) ? "a property" : vocabulary.isClass(name) ? "a class" : vocabulary.isMember(name) ? "an enumeration member" : undefined;
      if (actually) {
        report(`schema:${name} is ${actually} of ${release}, not ${wanted}`, `${wanted} of ${release}`);
      } else {
        const names = as === "property" ? Object.keys(vocabulary.file.properties) : as === "class" ? Object.keys(vocabulary.file.classes) : as === "member" ? Object.keys(vocabulary.file.members) : vocabulary.file.dataTypes;
        const suggestion = closest(name, names);
        report(`schema:${name} is not ${wanted} of ${release}`, suggestion ? `schema:${suggestion}` : `${wanted} of ${release}`);
      }
      return false;
    }
    const replacement = vocabulary.supersededBy(name);
    if (replacement) {
      report(`schema:${name} is superseded in ${release}`, `schema:${replacement}`);
      return false;
    }
    return true;
  }

  /** Superclasses: each node's schema.org types include every superclass of each of them. */
  private checkSuperclasses(): void {
    const { vocabulary } = this;
    for (const [node, names] of this.types) {
      const stated = new Set(names);
      const missing = new Map<string, string>();
      for (const name of names) {
        if (vocabulary.supersededBy(name)) continue;
        for (const ancestor of typeAndSuperclasses(vocabulary.file.classes, name)) if (!stated.has(ancestor) && !missing.has(ancestor)) missing.set(ancestor, name);
      }
      for (const [ancestor, below] of missing) {
        this.findings.push({
          check: CHECK,
          node,
          property: RDF_TYPE,
          message: `a superclass of schema:${below} is not stated: every node is typed with its schema.org superclasses up to the top-level types, so that \`?x a schema:${ancestor}\` finds it`,
          expected: `rdf:type schema:${ancestor}`,
          found: `a node of type ${listTypes(names)}`,
        });
      }
    }
  }

  /** A statement: its class, or its property, the property's domain, and its value against the range. */
  private checkStatement(t: TripleLike): void {
    const subject = t.subject.value;
    const predicate = t.predicate.value;
    const object = t.object;
    if (predicate === RDF_TYPE) {
      if (object.termType === "NamedNode" && isSchemaTerm(object.value)) this.checkTerm(subject, predicate, object.value, "class");
      return;
    }
    if (!isSchemaTerm(predicate)) return;
    if (!this.checkTerm(subject, predicate, predicate, "property")) return;
    const name = local(predicate)!;
    const { domain, range } = this.vocabulary.property(name)!;
    this.checkDomain(subject, predicate, name, domain);
    const rangeFinding = (message: string, expected: string) => this.findings.push({ check: CHECK, node: subject, property: predicate, message, expected, found: showTerm(valueTerm(object), this.base) });
    if (object.termType === "Literal") this.checkLiteral(t, name, range, rangeFinding);
    else if (object.termType !== "NamedNode") rangeFinding("a blank node: every node of the export has an IRI", "a node with an IRI");
    else this.checkNode(t, name, range, rangeFinding);
  }

  /** Domain: one of the subject's types is a domain type or below one. */
  private checkDomain(subject: string, predicate: string, name: string, domain: readonly string[]): void {
    const subjectTypes = this.typesOf(subject);
    if (domain.length > 0 && !this.unknownTyped.has(subject) && !subjectTypes.some((type) => domain.some((d) => this.vocabulary.isSubClassOf(type, d)))) {
      this.findings.push({
        check: CHECK,
        node: subject,
        property: predicate,
        message: subjectTypes.length === 0 ? `schema:${name} is used on a node with no schema.org type` : `schema:${name} is used on a type outside its domain`,
        expected: `a node of type ${listTypes(domain)} (or a subtype)`,
        found: subjectTypes.length === 0 ? "no rdf:type of schema.org" : `a node of type ${listTypes(subjectTypes)}`,
      });
    }
  }

  /** A literal value: of a datatype one of the range's data types accepts, with valid text. */
  private checkLiteral({ subject, predicate, object }: TripleLike, name: string, range: readonly string[], rangeFinding: (message: string, expected: string) => void): void {
    const { vocabulary, subtypesOf } = this;
    const dataTypes = range.filter((r) => vocabulary.isDataType(r));
    const thingTypes = range.filter((r) => !vocabulary.isDataType(r));
    const datatype = object.language ? RDF_LANG_STRING : (object.datatype?.value ?? XSD_STRING);
    if (isSchemaTerm(datatype) && !this.checkTerm(subject.value, predicate.value, datatype, "data type")) return;
    const fitting = dataTypes.filter((d) => acceptedDatatypes(d, subtypesOf).has(datatype));
    if (fitting.length > 0) {
      const problem = lexicalProblem(object.value, datatype);
      if (problem) rangeFinding(`not a valid ${compactIri(datatype)} value`, problem);
      return;
    }
    if (dataTypes.length === 0) {
      rangeFinding(`text given where schema.org expects a thing: schema:${name} takes a node`, `a node of type ${listTypes(thingTypes)}`);
    } else {
      const accepted = dataTypes.map((d) => `${d} (${[...acceptedDatatypes(d, subtypesOf)].map((iri) => compactIri(iri)).join(", ")})`);
      rangeFinding(`a literal of a datatype outside the range of schema:${name}`, `${accepted.join(" or ")}${thingTypes.length > 0 ? ` or a node of type ${listTypes(thingTypes)}` : ""}`);
    }
  }

  /** A node: an enumeration member of schema.org's (schema:True), or a node of the graph with its types. */
  private checkNode({ subject, predicate, object }: TripleLike, name: string, range: readonly string[], rangeFinding: (message: string, expected: string) => void): void {
    const { vocabulary } = this;
    const dataTypes = range.filter((r) => vocabulary.isDataType(r));
    const thingTypes = range.filter((r) => !vocabulary.isDataType(r));
    let valueTypes: string[];
    if (isSchemaTerm(object.value)) {
      if (!this.checkTerm(subject.value, predicate.value, object.value, "member")) return;
      valueTypes = vocabulary.file.members[local(object.value)!] ?? [];
    } else {
      valueTypes = this.typesOf(object.value);
    }
    if (this.unknownTyped.has(object.value)) return;
    const fits = valueTypes.some((type) => range.some((r) => vocabulary.isSubClassOf(type, r)));
    if (fits) return;
    // A node the graph gives no schema.org type is a link: fine where schema.org takes a URL.
    if (valueTypes.length === 0 && range.includes("URL")) return;
    // schema:sameAs names the same thing elsewhere: another article's node of the corpus too (corpus/article-links.ts).
    if (name === "sameAs") return;
    if (thingTypes.length === 0) {
      rangeFinding(`a node given where schema:${name} takes a literal`, dataTypes.join(" or "));
    } else if (valueTypes.length === 0) {
      rangeFinding(`the value of schema:${name} is a node with no schema.org type`, `a node of type ${listTypes(thingTypes)}${dataTypes.length > 0 ? `, or ${dataTypes.join(" or ")}` : ""}`);
    } else {
      rangeFinding(`the value of schema:${name} is a node of a type outside its range (it is a ${listTypes(valueTypes)})`, `a node of type ${listTypes(thingTypes)}${dataTypes.length > 0 ? `, or ${dataTypes.join(" or ")}` : ""}`);
    }
  }
}

function local(iri: string): string | undefined {
  return iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : undefined;
}

function listTypes(names: readonly string[]): string {
  return names.map((n) => `schema:${n}`).join(", ");
}

function isSchemaTerm(iri: string): boolean {
  return iri.startsWith(SCHEMA) || iri.startsWith(HTTPS_SCHEMA);
}

function valueTerm(term: TermLike): { termType: string; value: string; datatype?: { value: string }; language?: string } {
  return { termType: term.termType, value: term.value, ...(term.datatype && { datatype: term.datatype }), ...(term.language && { language: term.language }) };
}

/** Data type → its direct data-type subclasses (Text → URL, …), for the literals a range accepts. */
function dataTypeSubtypes(vocabulary: SchemaOrgVocabulary): (name: string) => readonly string[] {
  const children = new Map<string, string[]>();
  for (const name of vocabulary.file.dataTypes) {
    for (const parent of vocabulary.file.classes[name] ?? []) children.set(parent, [...(children.get(parent) ?? []), name]);
  }
  return (name) => children.get(name) ?? [];
}
