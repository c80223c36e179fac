// The Turtle writers on the same graphs: the pipeline's own (scripts/writers/turtle.ts),
// and those on npm: N3.js's N3.Writer (whose output the pipeline's matches byte for byte, tests/reference/rdf-n3.ts)
// and rdflib.js's serializer. Each is timed from the graph's statements to the text, building its
// own term objects: the work the pipeline would do with it.

import * as rdflib from "rdflib";
import type { Graph } from "../graph/build.ts";
import { RDF_LANG_STRING } from "../graph/namespaces.ts";
import { turtlePrefixes, writeTurtle } from "../writers/turtle.ts";
import { writeTurtleWithN3 } from "../../tests/reference/rdf-n3.ts";

export interface WriterTiming {
  writer: string;
  ms: number;
  bytes: number;
}

function writeTurtleWithRdflib(graph: Graph): string {
  const store = rdflib.graph();
  for (const [prefix, iri] of Object.entries(turtlePrefixes(graph.slug))) store.setPrefixForURI(prefix, iri);
  for (const s of graph.statements) {
    const o = s.object;
    const object = o.termType === "NamedNode" ? rdflib.sym(o.value) : o.datatype === RDF_LANG_STRING ? rdflib.lit(o.value, o.language) : rdflib.lit(o.value, undefined, rdflib.sym(o.datatype));
    store.add(rdflib.sym(s.subject), rdflib.sym(s.predicate), object);
  }
  return rdflib.serialize(null, store, undefined, "text/turtle") ?? "";
}

export const TURTLE_WRITERS: [string, (graph: Graph) => string][] = [
  ["the pipeline's (scripts/writers/turtle.ts)", (graph) => writeTurtle(graph)],
  ["N3.js N3.Writer 2.13.12 (same output, tests/reference/rdf-n3.ts)", (graph) => writeTurtleWithN3(graph, turtlePrefixes(graph.slug))],
  ["rdflib.js serialize 2.4.0", writeTurtleWithRdflib],
];

/** Best of `rounds` for each writer over all the graphs. */
export function compareTurtleWriters(graphs: readonly Graph[], rounds = 3): WriterTiming[] {
  return TURTLE_WRITERS.map(([writer, write]) => {
    let best = Infinity;
    let bytes = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const texts = graphs.map(write);
      best = Math.min(best, performance.now() - started);
      bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
    }
    return { writer, ms: best, bytes };
  });
}
