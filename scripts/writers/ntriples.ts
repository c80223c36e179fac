// Writer: graph → N-Triples, for bulk loaders and line diffs. One triple a line, in N3.js's
// canonical N-Triples form (RDF 1.1), no duplicates, the lines sorted in code-point order (the
// order of their UTF-8 bytes, so `LC_ALL=C sort -c` agrees): two versions of the data then diff
// line by line, and a loader may split the file at any line end.

import { N3 } from "./n3-writer.ts";
import type { Graph } from "../graph/build.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { toN3Quad } from "./turtle.ts";

export function writeNTriples(graph: Graph): string {
  const writer = new N3.Writer({ format: "N-Triples" });
  const lines = new Set<string>();
  for (const s of graph.statements) {
    const quad = toN3Quad(s.subject, s.predicate, s.object);
    lines.add(writer.quadToString(quad.subject, quad.predicate, quad.object));
  }
  return [...lines].sort(compareCodePoints).join("");
}
