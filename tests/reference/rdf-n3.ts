// The reference Turtle and N-Triples writers: N3.js's N3.Writer, as the pipeline used it before it
// had its own (scripts/writers/turtle.ts, ntriples.ts): the tests compare the pipeline's writers
// with them byte for byte, and the benchmark times them side by side.

import N3 from "n3";
import type { Graph } from "../../scripts/graph/build.ts";
import { RDF_LANG_STRING } from "../../scripts/graph/namespaces.ts";
import type { ObjectTerm } from "../../scripts/graph/terms.ts";
import { compareUtf8Bytes } from "../../scripts/lib/code-point-order.ts";

const { DataFactory } = N3;

export function toN3Quad(subject: string, predicate: string, object: ObjectTerm): N3.Quad {
  return DataFactory.quad(DataFactory.namedNode(subject), DataFactory.namedNode(predicate), toN3Term(object));
}

function toN3Term(term: ObjectTerm): N3.NamedNode | N3.Literal {
  if (term.termType === "NamedNode") return DataFactory.namedNode(term.value);
  return DataFactory.literal(term.value, term.datatype === RDF_LANG_STRING ? term.language : DataFactory.namedNode(term.datatype));
}

/** The Turtle of writers/turtle.ts, written by N3.Writer. */
export function writeTurtleWithN3(graph: Graph, prefixes: Record<string, string>): string {
  const writer = new N3.Writer({ prefixes });
  for (const s of graph.statements) writer.addQuad(toN3Quad(s.subject, s.predicate, s.object));
  let output = "";
  // With no output stream N3's writer calls back synchronously with the whole text.
  writer.end((error, result: string) => {
    if (error) throw error;
    output = result;
  });
  // A blank line between subjects, so a person can read it block by block.
  return writeAstralAsIs(output).replace(/\.\n(?=[^\s@])/g, ".\n\n").replace(/\n*$/, "\n");
}

/**
 * N3.js writes every character beyond U+FFFF (emoji, many CJK and historic scripts) as a \UXXXXXXXX
 * escape. That is valid Turtle, but rdflib.js (2.4) decodes such escapes wrongly (U+1F600 becomes
 * U+F600), so they are written as the UTF-8 characters themselves, which Turtle also allows.
 * Escaped backslashes are matched first, so a text holding a backslash and "U0001F600" stays as it is.
 */
export function writeAstralAsIs(turtle: string): string {
  return turtle.replace(/\\\\|\\U([0-9a-fA-F]{8})/g, (match, hex: string | undefined) => (hex === undefined ? match : String.fromCodePoint(parseInt(hex, 16))));
}

const nTriplesWriter = new N3.Writer({ format: "N-Triples" });

/** One statement as N3.Writer's canonical N-Triples line (with its line feed). */
export function nTriplesLineWithN3(subject: string, predicate: string, object: ObjectTerm): string {
  const quad = toN3Quad(subject, predicate, object);
  return nTriplesWriter.quadToString(quad.subject, quad.predicate, quad.object);
}

/** The N-Triples of writers/ntriples.ts, written by N3.Writer: unique lines in code-point order. */
export function writeNTriplesWithN3(graph: Graph): string {
  const lines = new Set<string>();
  for (const s of graph.statements) lines.add(nTriplesLineWithN3(s.subject, s.predicate, s.object));
  return [...lines].sort(compareUtf8Bytes).join("");
}
