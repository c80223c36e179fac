// Turtle prefixes. Every article's entities are fragments of its own document, and the article's
// slug is their prefix (ifex:ifex), when the slug can be a prefix name. An article's Turtle also
// declares the prefixes of the articles it links to, so that each article's statements read the
// same in its own file and in the combined corpus.ttl (which is then the common prefixes, every
// article's own, and the articles' Turtle bodies one after the other).

import type { Graph } from "./build.ts";
import { OA, PREFIXES, type Namespaces } from "./namespaces.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";

/**
 * The prefix name of an article's entities, or undefined when its slug cannot be one: a Turtle
 * prefix name starts with a letter (a slug may start with a digit), and the common prefixes' names
 * are taken. Such an article's IRIs are written in full.
 */
export function articlePrefix(slug: string): string | undefined {
  return /^[a-z][a-z0-9-]*$/.test(slug) && !Object.hasOwn(PREFIXES, slug) && slug !== "corpus" ? slug : undefined;
}

/** The common prefixes, the corpus's shared entities' (corpus:canada), then each of these articles' own (in the order given). */
export function prefixesOf(iris: Namespaces, slugs: Iterable<string>): Record<string, string> {
  const prefixes: Record<string, string> = { ...PREFIXES, corpus: iris.shared };
  for (const slug of slugs) {
    const name = articlePrefix(slug);
    if (name !== undefined) prefixes[name] = iris.article(slug);
  }
  return prefixes;
}

/** The slugs of the other articles whose entities the graph links to, in code-point order. */
export function linkedArticles(graph: Graph, iris: Namespaces): string[] {
  const { base, shared } = iris;
  const own = iris.article(graph.slug);
  const slugs = new Set<string>();
  for (const { object } of graph.statements) {
    if (object.termType !== "NamedNode") continue;
    const value = object.value;
    if (!value.startsWith(base) || value.startsWith(own) || value.startsWith(OA) || value.startsWith(shared)) continue;
    const hash = value.indexOf("#", base.length);
    if (hash > base.length) slugs.add(value.slice(base.length, hash));
  }
  return [...slugs].sort(compareCodePoints);
}
