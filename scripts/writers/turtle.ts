// Writer: graph → Turtle, for knowledge graphs. N3.js's writer does the escaping and the
// grouping (one block per subject, `;` between its predicates); the graph's order keeps each
// subject's statements together, so every subject is written once.

import { N3 } from "./n3-writer.ts";
import type { Graph } from "../graph/build.ts";
import { articleBase, PREFIXES, RDF_LANG_STRING } from "../graph/namespaces.ts";
import type { ObjectTerm } from "../graph/terms.ts";

const { DataFactory } = N3;

/** The article's own prefix is its slug, when the slug can be a Turtle prefix name. */
export function turtlePrefixes(slug: string): Record<string, string> {
  const own = /^[a-z][a-z0-9-]*$/.test(slug) && !(slug in PREFIXES) ? slug : "article";
  return { ...PREFIXES, [own]: articleBase(slug) };
}

export function toN3Quad(subject: string, predicate: string, object: ObjectTerm): N3.Quad {
  return DataFactory.quad(DataFactory.namedNode(subject), DataFactory.namedNode(predicate), toN3Term(object));
}

function toN3Term(term: ObjectTerm): N3.NamedNode | N3.Literal {
  if (term.termType === "NamedNode") return DataFactory.namedNode(term.value);
  return DataFactory.literal(term.value, term.datatype === RDF_LANG_STRING ? term.language : DataFactory.namedNode(term.datatype));
}

export function writeTurtle(graph: Graph, prefixes: Record<string, string> = turtlePrefixes(graph.slug)): string {
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
