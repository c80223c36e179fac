// The SHACL check: an artifact's graph against schemas/article.shapes.ttl, with rdf-validate-shacl.
// schema.org's class hierarchy (from the derived vocabulary) is added to the data graph, because
// SHACL finds the instances of a target class through rdfs:subClassOf in the data graph: without it
// a schema:NGO would not be checked as a schema:Organization.

import { readFileSync } from "node:fs";
import N3 from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { EXAMPLE_BASE, RDFS, SCHEMA, XSD_STRING } from "../graph/namespaces.ts";
import { projectPath } from "../lib/project-path.ts";
import type { SchemaOrgVocabulary } from "../vocabulary/schemaorg-vocabulary.ts";
import { compactIri, showTerm, type Finding } from "./finding.ts";
import type { TripleLike } from "./vocabulary-check.ts";

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
export const SHAPES_PATH = projectPath("schemas/article.shapes.ttl");
export const SHAPES_NAMESPACE = "https://org-articles.example/shapes#";

const { DataFactory } = N3;
const SH = "http://www.w3.org/ns/shacl#";

/** The shapes graph by base (a check sees one or two). */
const shapesByBase = new Map<string, N3.Quad[]>();

/** The example base as the shapes' patterns write it (a regular expression's escaped dots). */
const EXAMPLE_BASE_PATTERN = EXAMPLE_BASE.replace(/\./g, "\\\\.");

/**
 * The shapes graph, parsed once per process and base: the patterns that name the corpus's own IRIs
 * (shape:SameAs) are written with the example base, and get the base of the output checked instead.
 */
function shapes(base: string): N3.Quad[] {
  let quads = shapesByBase.get(base);
  if (!quads) {
    const text = readFileSync(SHAPES_PATH, "utf8").split(EXAMPLE_BASE_PATTERN).join(base.replace(/[.*+?^${}()|[\]\\]/g, "\\\\$&"));
    shapesByBase.set(base, (quads = new N3.Parser({ format: "text/turtle", baseIRI: SHAPES_NAMESPACE }).parse(text)));
  }
  return quads;
}

/**
 * Validates a graph against the shapes. `articleIri`, when given, is also validated against
 * shape:Article as a focus node, so a graph that lacks its article node fails instead of having
 * nothing to target. `base`: the base the graph's IRIs were minted under.
 */
export async function checkShapes(triples: readonly TripleLike[], vocabulary: SchemaOrgVocabulary, articleIri?: string, base: string = EXAMPLE_BASE): Promise<Finding[]> {
  // An article's graph is read from each of its artifacts (Turtle, N-Triples, JSON-LD, CSV, the
  // page, the combined files): the same graph is validated once per process. SHACL is most of
  // what `make check` spends.
  let known = checked.get(vocabulary);
  if (!known) checked.set(vocabulary, (known = new Map()));
  const key = `${base}\n${graphKey(triples, articleIri)}`;
  let findings = known.get(key);
  if (!findings) {
    findings = await validate(triples, vocabulary, articleIri, base);
    if (known.size >= GRAPHS_KEPT) known.delete(known.keys().next().value!);
    known.set(key, findings);
  }
  return findings.map((f) => ({ ...f }));
}

/** Graphs validated, by vocabulary: the last few, by their statements (as a set) and article. */
const checked = new WeakMap<SchemaOrgVocabulary, Map<string, Finding[]>>();
const GRAPHS_KEPT = 16;

/** The graph's statements, each once, in a fixed order, and the article node: equal for equal graphs. */
function graphKey(triples: readonly TripleLike[], articleIri: string | undefined): string {
  const term = (t: TripleLike["object"]) => [t.termType, t.value, t.termType === "Literal" ? (t.language ? `@${t.language}` : (t.datatype?.value ?? XSD_STRING)) : ""];
  const lines = [...new Set(triples.map((t) => JSON.stringify([...term(t.subject), t.predicate.value, ...term(t.object)])))].sort();
  return `${articleIri ?? ""}\n${lines.join("\n")}`;
}

async function validate(triples: readonly TripleLike[], vocabulary: SchemaOrgVocabulary, articleIri: string | undefined, base: string): Promise<Finding[]> {
  const data = new N3.Store();
  for (const t of triples) data.addQuad(toQuad(t));
  // The class hierarchy above the types the graph uses (what sh:class needs to see a subclass's
  // instance as the class's), not all of schema.org's: SHACL walks every subclass of a class it
  // checks, and the whole hierarchy made that most of a validation's time.
  const classes = vocabulary.file.classes;
  const pending = triples.filter((t) => t.predicate.value === RDF_TYPE && t.object.value.startsWith(SCHEMA)).map((t) => t.object.value.slice(SCHEMA.length));
  for (const done = new Set<string>(); pending.length > 0; ) {
    const name = pending.pop()!;
    if (done.has(name)) continue;
    done.add(name);
    for (const parent of classes[name] ?? []) {
      data.addQuad(DataFactory.namedNode(SCHEMA + name), DataFactory.namedNode(`${RDFS}subClassOf`), DataFactory.namedNode(SCHEMA + parent));
      pending.push(parent);
    }
  }
  const shapesGraph = new N3.Store(shapes(base));
  // One validator per report: rdf-validate-shacl keeps adding results to the report it built before.
  const results = [...(await new SHACLValidator(shapesGraph).validate(data)).results];
  if (articleIri) {
    results.push(...(await new SHACLValidator(shapesGraph).validateNode(data, DataFactory.namedNode(articleIri), DataFactory.namedNode(`${SHAPES_NAMESPACE}Article`))).results);
  }
  const findings = results.map((result): Finding => {
    const value = result.value;
    return {
      check: "SHACL",
      node: result.focusNode?.value ?? "",
      ...(result.path?.termType === "NamedNode" && { property: result.path.value }),
      message: result.message.map((m) => m.value).join("; ") || "violates a shape",
      expected: constraintText(shapesGraph, result.sourceConstraintComponent?.value, result.sourceShape, base),
      ...(value && value.termType !== "BlankNode" && { found: showTerm(value as never, base) }),
    };
  });
  // The explicit focus node may repeat what the targets found: each finding once.
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The constraint that failed, as written in the shapes file: "sh:minCount 1 (shape:Article)". */
function constraintText(shapesGraph: N3.Store, component: string | undefined, shape: { termType: string; value: string } | undefined, base: string): string {
  const name = (component ?? "").replace(SH, "").replace(/ConstraintComponent$/, "");
  const parameter = name ? name[0]!.toLowerCase() + name.slice(1) : "constraint";
  if (!shape) return `sh:${parameter}`;
  const shapeTerm = shape.termType === "BlankNode" ? DataFactory.blankNode(shape.value) : DataFactory.namedNode(shape.value);
  const values = shapesGraph.getObjects(shapeTerm, DataFactory.namedNode(SH + parameter), null);
  const shown = values.map((v) => (v.termType === "BlankNode" ? "(…)" : v.termType === "Literal" ? (/^[0-9]+$/.test(v.value) ? v.value : JSON.stringify(v.value)) : compactShape(v.value, base)));
  // A property shape is a blank node: name the node shape that holds it.
  const owner = shape.termType === "BlankNode" ? shapesGraph.getSubjects(DataFactory.namedNode(`${SH}property`), shapeTerm, null)[0] : shapeTerm;
  return `sh:${parameter}${shown.length > 0 ? ` ${shown.join(", ")}` : ""}${owner?.termType === "NamedNode" ? ` (${compactShape(owner.value, base)})` : ""}`;
}

function compactShape(iri: string, base: string): string {
  return iri.startsWith(SHAPES_NAMESPACE) ? `shape:${iri.slice(SHAPES_NAMESPACE.length)}` : compactIri(iri, base);
}

function toQuad(t: TripleLike): N3.Quad {
  const { namedNode, literal, blankNode, quad } = DataFactory;
  const node = (term: TripleLike["subject"]) => (term.termType === "BlankNode" ? blankNode(term.value) : namedNode(term.value));
  const object =
    t.object.termType === "Literal"
      ? literal(t.object.value, t.object.language ? t.object.language : namedNode(t.object.datatype?.value ?? XSD_STRING))
      : node(t.object);
  return quad(node(t.subject) as N3.Quad_Subject, namedNode(t.predicate.value), object as N3.Quad_Object);
}
