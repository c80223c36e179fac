// Turtle prefixes. Every article's entities are fragments of its own document, and the article's
// slug is their prefix (ifex:ifex), when the slug can be a prefix name. An
// article's Turtle also declares the prefixes of the articles it links to, so that each article's
// statements read the same in its own file and in the combined corpus.ttl (which is then the common
// prefixes, every article's own, and the articles' Turtle bodies one after the other).

import type { Graph } from "./build.ts";
import { articleBase, BASE, OA, PREFIXES, SHARED } from "./namespaces.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";

/**
 * The prefix name of an article's entities, or undefined when its slug cannot be one: a Turtle
 * prefix name starts with a letter (a slug may start with a digit), and the common prefixes' names
 * are taken. Such an article's IRIs are written in full.
 */
export function articlePrefix(slug: string): string | undefined {
  return /^[a-z][a-z0-9-]*$/.test(slug) && !Object.hasOwn(PREFIXES, slug) && slug !== "corpus" ? slug : undefined;
}

/** The common prefixes, then each of these articles' own (in the order given). */
export function prefixesOf(slugs: Iterable<string>): Record<string, string> {
  // The corpus's shared entities (graph/shared.ts): corpus:canada.
  const prefixes: Record<string, string> = { ...PREFIXES, corpus: SHARED };
  for (const slug of slugs) {
    const name = articlePrefix(slug);
    if (name !== undefined) prefixes[name] = articleBase(slug);
  }
  return prefixes;
}

/**
 * The last answer, for the last graph asked about: an export asks once for the article's links and
 * once for its Turtle's prefixes, one article at a time. One entry, not a WeakMap by graph: a
 * WeakMap entry for every graph (its key's identity hash, its table, the collector's ephemeron
 * work) cost more than finding the links again. A graph is a value nobody changes once built; its
 * statements list and their number are checked anyway, so a changed graph is looked at again.
 */
let last: { graph: Graph; statements: Graph["statements"]; count: number; slug: string; slugs: readonly string[] } | undefined;

/** The slugs of the other articles whose entities the graph links to, in code-point order. */
export function linkedArticles(graph: Graph): string[] {
  if (last && last.graph === graph && last.statements === graph.statements && last.count === graph.statements.length && last.slug === graph.slug) {
    return last.slugs.length === 0 ? [] : [...last.slugs];
  }
  const slugs = findLinkedArticles(graph);
  last = { graph, statements: graph.statements, count: graph.statements.length, slug: graph.slug, slugs };
  return slugs.length === 0 ? [] : [...slugs];
}

function findLinkedArticles(graph: Graph): string[] {
  const own = articleBase(graph.slug);
  const slugs = new Set<string>();
  for (const { object } of graph.statements) {
    if (object.termType !== "NamedNode") continue;
    const value = object.value;
    if (!value.startsWith(BASE) || value.startsWith(own) || value.startsWith(OA) || value.startsWith(SHARED)) continue;
    const hash = value.indexOf("#", BASE.length);
    if (hash > BASE.length) slugs.add(value.slice(BASE.length, hash));
  }
  return [...slugs].sort(compareCodePoints);
}

/** An article's Turtle prefixes: the common ones, its own, those of the articles it links to. */
export function graphPrefixes(graph: Graph): Record<string, string> {
  return prefixesOf([graph.slug, ...linkedArticles(graph)]);
}
