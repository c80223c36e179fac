// Writer: graph → Turtle, for knowledge graphs: one block per subject (`;` between its predicates),
// a blank line between blocks, the article's prefixes, characters beyond U+FFFF written as
// themselves (rdflib.js 2.4 decodes N3's \U escapes wrongly). The text is byte for byte what N3.js's
// N3.Writer writes (rdf-n3.ts, the reference), written by rdf-text.ts, which is several times faster.

import type { Graph } from "../graph/build.ts";
import { graphPrefixes, prefixesOf } from "../graph/prefixes.ts";
import { turtleText } from "./rdf-text.ts";
import { writeTurtleWithN3 } from "./rdf-n3.ts";

/** The common prefixes and the article's own (see graph/prefixes.ts). */
export function turtlePrefixes(slug: string): Record<string, string> {
  return prefixesOf([slug]);
}

/** By default with the graph's own prefixes: the common ones, its article's, and those of the articles it links to. */
export function writeTurtle(graph: Graph, prefixes: Record<string, string> = graphPrefixes(graph)): string {
  // The graph's order keeps each subject's statements together, so every subject is written once.
  return turtleText(graph.statements, prefixes) ?? writeTurtleWithN3(graph, prefixes);
}

/**
 * A Turtle file's statements: what follows its prefix lines and their blank line (bytes, not
 * decoded). The combined corpus.ttl is one prefix block (`turtlePrefixBlock`) then each article's body.
 */
export function turtleBody(bytes: Uint8Array): Uint8Array {
  return bytes.subarray(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf("\n\n") + 2);
}

/** The prefix lines of a Turtle file, then the blank line before its statements, as `writeTurtle` writes them. */
export function turtlePrefixBlock(prefixes: Readonly<Record<string, string>>): string {
  return `${Object.entries(prefixes)
    .map(([name, iri]) => `@prefix ${name}: <${iri}>.\n`)
    .join("")}\n`;
}
