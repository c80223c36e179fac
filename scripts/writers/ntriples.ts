// Writer: graph → N-Triples, for bulk loaders and line diffs. One triple a line, in N3.js's
// canonical N-Triples form (RDF 1.1), no duplicates, the lines sorted in code-point order (the
// order of their UTF-8 bytes, so `LC_ALL=C sort -c` agrees): two versions of the data then diff
// line by line, and a loader may split the file at any line end.
//
// The lines are written by rdf-text.ts, byte for byte what N3.Writer writes (rdf-n3.ts), each IRI
// escaped once per document. Sorting: a line is `<subject> `, `<predicate> ` and the rest, so the
// lines sort as the subjects, then within one subject by predicate, then by the rest. Predicates are
// few and the same in every article: each has a rank (rdf-text.ts, `nTriplesHead`), and one
// subject's few lines are sorted by rank, comparing text only between lines of one predicate. Lines
// that may need care (a unit from U+D800, N3.Writer's text) are sorted as strings, as before.

import type { Graph } from "../graph/build.ts";
import { sortByCodePoints, sortUniqueByCodePoints } from "../lib/code-point-order.ts";
import { nTriplesHead, NTriplesTerms, rankHeads, type NTriplesHead } from "./rdf-text.ts";
import { nTriplesLineWithN3 } from "./rdf-n3.ts";

/** One subject's lines: each as its predicate's head and the rest of the line. */
interface Group {
  heads: NTriplesHead[];
  ends: string[];
  /** A line may need care to sort: a unit from U+D800, or N3.Writer's text. */
  careful: boolean;
}

/** Groups larger than this are sorted as strings, not by insertion. */
const INSERTION_LIMIT = 48;

export function writeNTriples(graph: Graph): string {
  const terms = new NTriplesTerms();
  /** `<subject> ` → its lines. */
  const groups = new Map<string, Group>();
  let subject: string | undefined;
  let key = "";
  let group: Group = { heads: [], ends: [], careful: false };
  let keysHigh = false;
  for (const s of graph.statements) {
    if (s.subject !== subject) {
      subject = s.subject;
      key = `${terms.iri(subject)} `;
      keysHigh ||= terms.lastFromSurrogates;
      const found = groups.get(key);
      if (found) group = found;
      else groups.set(key, (group = { heads: [], ends: [], careful: false }));
    }
    const head = nTriplesHead(s.predicate);
    const end = terms.objectEnd(s.object);
    if (end !== undefined) {
      group.heads.push(head);
      group.ends.push(end);
      if (head.high || terms.lastFromSurrogates) group.careful = true;
    } else {
      // Written by N3.Writer: its text is not known to be below U+D800.
      group.heads.push(UNRANKED);
      group.ends.push(nTriplesLineWithN3(s.subject, s.predicate, s.object).slice(key.length));
      group.careful = true;
    }
  }
  rankHeads();
  // Loops, not some/map with a closure: under tsx each closure made costs a defineProperty (its name).
  const keys: string[] = [];
  for (const k of groups.keys()) {
    // Subject by subject is the order of whole lines when no `<subject> ` begins another (an IRI
    // holding "> " could) and nothing holds a lone surrogate; else whole lines are sorted.
    if (k.indexOf("> ") !== k.length - 2) return wholeLines(graph, terms);
    keys.push(k);
  }
  const sortedKeys = sortUniqueByCodePoints(keys, !keysHigh);
  if (!sortedKeys) return wholeLines(graph, terms);
  const parts: string[] = [];
  for (const k of sortedKeys) {
    const { heads, ends, careful } = groups.get(k)!;
    if (!careful && heads.length <= INSERTION_LIMIT && sortByRank(heads, ends)) {
      for (let i = 0; i < heads.length; i++) {
        if (i > 0 && heads[i] === heads[i - 1] && ends[i] === ends[i - 1]) continue;
        parts.push(k, heads[i]!.text, ends[i]!);
      }
      continue;
    }
    const rests: string[] = [];
    for (let i = 0; i < heads.length; i++) rests.push(heads[i]!.text + ends[i]!);
    const sorted = sortUniqueByCodePoints(rests, !careful);
    if (!sorted) return wholeLines(graph, terms);
    for (const rest of sorted) parts.push(k, rest);
  }
  return parts.join("");
}

/** Stands for the head of a line N3.Writer wrote whole (its `ends` entry is the line after the subject). */
const UNRANKED: NTriplesHead = { text: "", high: true, rank: -1 };

/**
 * Sorts one subject's lines in place, by their heads' ranks, then the rest of the line (UTF-16
 * order, which is code-point order for text below U+D800). False, untouched, when a head has no rank.
 */
function sortByRank(heads: NTriplesHead[], ends: string[]): boolean {
  for (const head of heads) if (head.rank < 0) return false;
  for (let i = 1; i < heads.length; i++) {
    const head = heads[i]!;
    const end = ends[i]!;
    let j = i - 1;
    while (j >= 0 && (heads[j]!.rank > head.rank || (heads[j]!.rank === head.rank && ends[j]! > end))) {
      heads[j + 1] = heads[j]!;
      ends[j + 1] = ends[j]!;
      j--;
    }
    heads[j + 1] = head;
    ends[j + 1] = end;
  }
  return true;
}

/** Every line whole, unique (in the order the statements come), in code-point order. */
function wholeLines(graph: Graph, terms: NTriplesTerms): string {
  const lines = new Set<string>();
  for (const s of graph.statements) lines.add(terms.line(s.subject, s.predicate, s.object) ?? nTriplesLineWithN3(s.subject, s.predicate, s.object));
  return sortByCodePoints([...lines]).join("");
}
