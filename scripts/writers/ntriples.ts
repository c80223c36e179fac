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
import { compareCodePoints, sortByCodePoints, sortUniqueByCodePoints } from "../lib/code-point-order.ts";
import { NTriplesTerms } from "./rdf-text.ts";
import { nTriplesLineWithN3 } from "./rdf-n3.ts";

export function writeNTriples(graph: Graph): string {
  const terms = new NTriplesTerms();
  /** `<subject> ` → the rests of its lines, and whether one may need care to sort (a unit from U+D800). */
  const groups = new Map<string, { rests: string[]; high: boolean }>();
  let subject: string | undefined;
  let key = "";
  let group = { rests: [] as string[], high: false };
  let keysHigh = false;
  for (const s of graph.statements) {
    if (s.subject !== subject) {
      subject = s.subject;
      key = `${terms.iri(subject)} `;
      keysHigh ||= terms.lastFromSurrogates;
      const found = groups.get(key);
      if (found) group = found;
      else groups.set(key, (group = { rests: [], high: false }));
    }
    const rest = terms.rest(s.predicate, s.object);
    if (rest !== undefined) {
      group.rests.push(rest);
      group.high ||= terms.lastFromSurrogates;
    } else {
      // Written by N3.Writer: its text is not known to be below U+D800.
      group.rests.push(nTriplesLineWithN3(s.subject, s.predicate, s.object).slice(key.length));
      group.high = true;
    }
  }
  const keys = [...groups.keys()];
  // Subject by subject is the order of whole lines when no `<subject> ` begins another (an IRI
  // holding "> " could) and nothing holds a lone surrogate; else whole lines are sorted.
  if (keys.some((k) => k.indexOf("> ") !== k.length - 2)) return wholeLines(graph, terms);
  const sortedKeys = sortUniqueByCodePoints(keys, !keysHigh);
  if (!sortedKeys) return wholeLines(graph, terms);
  const parts: string[] = [];
  for (const k of sortedKeys) {
    const { rests, high } = groups.get(k)!;
    const sorted = sortUniqueByCodePoints(rests, !high);
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

/**
 * The N-Triples of several documents' union, from their N-Triples texts, when each text's lines all
 * sort before the next text's (articles in slug order describe subjects under their own slug, so
 * they do): the texts then simply follow one another, sorted and without repeats. Otherwise
 * undefined, and the caller writes the union's graph.
 */
export function concatenatedNTriples(texts: readonly string[]): string | undefined {
  let previousLast: string | undefined;
  for (const text of texts) {
    if (text === "") continue;
    const first = text.slice(0, text.indexOf("\n") + 1);
    if (previousLast !== undefined && compareCodePoints(previousLast, first) >= 0) return undefined;
    previousLast = text.slice(text.lastIndexOf("\n", text.length - 2) + 1);
  }
  return texts.join("");
}
