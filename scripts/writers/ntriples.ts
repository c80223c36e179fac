// Writer: graph → N-Triples, for bulk loaders and line diffs. One triple a line, in N3.js's
// canonical N-Triples form (RDF 1.1), no duplicates, the lines sorted in code-point order (the
// order of their UTF-8 bytes, so `LC_ALL=C sort -c` agrees): two versions of the data then diff
// line by line, and a loader may split the file at any line end.
//
// The lines are written by rdf-text.ts, byte for byte what N3.Writer writes (rdf-n3.ts), each IRI
// escaped once per document. Sorting: a line is `<subject> ` and the rest, so the lines sort as the
// subjects, then within one subject as the rests; sorting the subjects once and each subject's short
// rests is much faster than sorting whole lines that share long prefixes.

import type { Graph } from "../graph/build.ts";
import { sortByCodePoints, sortUniqueByCodePoints } from "../lib/code-point-order.ts";
import { NTriplesTerms } from "./rdf-text.ts";
import { nTriplesLineWithN3 } from "./rdf-n3.ts";

export function writeNTriples(graph: Graph): string {
  const terms = new NTriplesTerms();
  /** `<subject> ` → the rests of its lines. */
  const groups = new Map<string, string[]>();
  let subject: string | undefined;
  let key = "";
  let rests: string[] = [];
  for (const s of graph.statements) {
    if (s.subject !== subject) {
      subject = s.subject;
      key = `${terms.iri(subject)} `;
      const group = groups.get(key);
      if (group) rests = group;
      else groups.set(key, (rests = []));
    }
    rests.push(terms.rest(s.predicate, s.object) ?? nTriplesLineWithN3(s.subject, s.predicate, s.object).slice(key.length));
  }
  const keys = [...groups.keys()];
  // Subject by subject is the order of whole lines when no `<subject> ` begins another (an IRI
  // holding "> " could) and nothing holds a lone surrogate; else whole lines are sorted.
  if (keys.some((k) => k.indexOf("> ") !== k.length - 2)) return wholeLines(graph, terms);
  const sortedKeys = sortUniqueByCodePoints(keys);
  if (!sortedKeys) return wholeLines(graph, terms);
  const parts: string[] = [];
  for (const k of sortedKeys) {
    const sorted = sortUniqueByCodePoints(groups.get(k)!);
    if (!sorted) return wholeLines(graph, terms);
    for (const rest of sorted) parts.push(k, rest);
  }
  return parts.join("");
}

/** Every line whole, unique (in the order the statements come), in code-point order. */
function wholeLines(graph: Graph, terms: NTriplesTerms): string {
  const lines = new Set<string>();
  for (const s of graph.statements) lines.add(terms.line(s.subject, s.predicate, s.object) ?? nTriplesLineWithN3(s.subject, s.predicate, s.object));
  return sortByCodePoints([...lines]).join("");
}
