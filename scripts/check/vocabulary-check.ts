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
  const findings: Finding[] = [];
  const release = `schema.org ${vocabulary.file.release}`;
  const local = (iri: string) => (iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : undefined);
  const subtypesOf = dataTypeSubtypes(vocabulary);

  // Each node's schema.org types, from the graph's rdf:type statements.
  const types = new Map<string, string[]>();
  for (const t of triples) {
    const name = t.predicate.value === RDF_TYPE && t.object.termType === "NamedNode" ? local(t.object.value) : undefined;
    if (name !== undefined && vocabulary.isClass(name)) types.set(t.subject.value, [...(types.get(t.subject.value) ?? []), name]);
  }
  // Nodes whose only schema.org types do not exist: that is reported once, at the type, not again
  // at every property they use or are the value of.
  const unknownTyped = new Set<string>();
  for (const t of triples) {
    if (t.predicate.value === RDF_TYPE && t.object.termType === "NamedNode" && isSchemaTerm(t.object.value) && !types.has(t.subject.value)) unknownTyped.add(t.subject.value);
  }
  const typesOf = (node: string) => types.get(node) ?? [];
  const listTypes = (names: readonly string[]) => names.map((n) => `schema:${n}`).join(", ");

  /** A term of schema.org's namespace: does it exist, as what is expected, and is it current? */
  const checkTerm = (node: string, property: string | undefined, iri: string, as: "class" | "property" | "member" | "data type"): boolean => {
    const report = (message: string, expected?: string) =>
      findings.push({ check: CHECK, node, ...(property !== undefined && { property }), message, ...(expected !== undefined && { expected }), found: `<${iri}>` });
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
  };

  // Superclasses: each node's schema.org types include every superclass of each of them.
  for (const [node, names] of types) {
    const stated = new Set(names);
    const missing = new Map<string, string>();
    for (const name of names) {
      if (vocabulary.supersededBy(name)) continue;
      for (const ancestor of typeAndSuperclasses(vocabulary.file.classes, name)) if (!stated.has(ancestor) && !missing.has(ancestor)) missing.set(ancestor, name);
    }
    for (const [ancestor, below] of missing) {
      findings.push({
        check: CHECK,
        node,
        property: RDF_TYPE,
        message: `a superclass of schema:${below} is not stated: every node is typed with its schema.org superclasses up to the top-level types, so that \`?x a schema:${ancestor}\` finds it`,
        expected: `rdf:type schema:${ancestor}`,
        found: `a node of type ${listTypes(names)}`,
      });
    }
  }

  for (const t of triples) {
    const subject = t.subject.value;
    const predicate = t.predicate.value;
    const object = t.object;

    if (predicate === RDF_TYPE) {
      if (object.termType === "NamedNode" && isSchemaTerm(object.value)) checkTerm(subject, predicate, object.value, "class");
      continue;
    }
    if (!isSchemaTerm(predicate)) continue;
    if (!checkTerm(subject, predicate, predicate, "property")) continue;
    const name = local(predicate)!;
    const { domain, range } = vocabulary.property(name)!;

    // Domain: one of the subject's types is a domain type or below one.
    const subjectTypes = typesOf(subject);
    if (domain.length > 0 && !unknownTyped.has(subject) && !subjectTypes.some((type) => domain.some((d) => vocabulary.isSubClassOf(type, d)))) {
      findings.push({
        check: CHECK,
        node: subject,
        property: predicate,
        message: subjectTypes.length === 0 ? `schema:${name} is used on a node with no schema.org type` : `schema:${name} is used on a type outside its domain`,
        expected: `a node of type ${listTypes(domain)} (or a subtype)`,
        found: subjectTypes.length === 0 ? "no rdf:type of schema.org" : `a node of type ${listTypes(subjectTypes)}`,
      });
    }

    // Range.
    const dataTypes = range.filter((r) => vocabulary.isDataType(r));
    const thingTypes = range.filter((r) => !vocabulary.isDataType(r));
    const rangeFinding = (message: string, expected: string) => findings.push({ check: CHECK, node: subject, property: predicate, message, expected, found: showTerm(valueTerm(object), base) });

    if (object.termType === "Literal") {
      const datatype = object.language ? RDF_LANG_STRING : (object.datatype?.value ?? XSD_STRING);
      if (isSchemaTerm(datatype) && !checkTerm(subject, predicate, datatype, "data type")) continue;
      const fitting = dataTypes.filter((d) => acceptedDatatypes(d, subtypesOf).has(datatype));
      if (fitting.length > 0) {
        const problem = lexicalProblem(object.value, datatype);
        if (problem) rangeFinding(`not a valid ${compactIri(datatype)} value`, problem);
        continue;
      }
      if (dataTypes.length === 0) {
        rangeFinding(`text given where schema.org expects a thing: schema:${name} takes a node`, `a node of type ${listTypes(thingTypes)}`);
      } else {
        const accepted = dataTypes.map((d) => `${d} (${[...acceptedDatatypes(d, subtypesOf)].map((iri) => compactIri(iri)).join(", ")})`);
        rangeFinding(`a literal of a datatype outside the range of schema:${name}`, `${accepted.join(" or ")}${thingTypes.length > 0 ? ` or a node of type ${listTypes(thingTypes)}` : ""}`);
      }
      continue;
    }

    if (object.termType !== "NamedNode") {
      rangeFinding("a blank node: every node of the export has an IRI", "a node with an IRI");
      continue;
    }
    // A node: an enumeration member of schema.org's (schema:True), or a node of the graph with its types.
    let valueTypes: string[];
    if (isSchemaTerm(object.value)) {
      if (!checkTerm(subject, predicate, object.value, "member")) continue;
      valueTypes = vocabulary.file.members[local(object.value)!] ?? [];
    } else {
      valueTypes = typesOf(object.value);
    }
    if (unknownTyped.has(object.value)) continue;
    const fits = valueTypes.some((type) => range.some((r) => vocabulary.isSubClassOf(type, r)));
    if (fits) continue;
    // A node the graph gives no schema.org type is a link: fine where schema.org takes a URL.
    if (valueTypes.length === 0 && range.includes("URL")) continue;
    // schema:sameAs names the same thing elsewhere: another article's node of the corpus too (corpus/article-links.ts).
    if (name === "sameAs") continue;
    if (thingTypes.length === 0) {
      rangeFinding(`a node given where schema:${name} takes a literal`, dataTypes.join(" or "));
    } else if (valueTypes.length === 0) {
      rangeFinding(`the value of schema:${name} is a node with no schema.org type`, `a node of type ${listTypes(thingTypes)}${dataTypes.length > 0 ? `, or ${dataTypes.join(" or ")}` : ""}`);
    } else {
      rangeFinding(`the value of schema:${name} is a node of a type outside its range (it is a ${listTypes(valueTypes)})`, `a node of type ${listTypes(thingTypes)}${dataTypes.length > 0 ? `, or ${dataTypes.join(" or ")}` : ""}`);
    }
  }
  return findings;
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
