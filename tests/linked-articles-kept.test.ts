// An export asks for an article's links twice (for the job's facts and for the Turtle's prefixes);
// graph/prefixes.ts keeps the answer for the graph it was found for: the kept answer must be exactly
// a fresh one, a caller's changes to it must not reach the next caller, and a graph that changed
// must be looked at again.

import { describe, expect, it } from "vitest";
import type { Graph } from "../scripts/graph/build.ts";
import { entityIri } from "../scripts/graph/namespaces.ts";
import { iri } from "../scripts/graph/terms.ts";
import { linkedArticles } from "../scripts/graph/prefixes.ts";
import { ifex } from "./ifex.ts";

const link = (graph: Graph, slug: string) => ({ subject: graph.statements[0]!.subject, predicate: "http://schema.org/about", object: iri(entityIri(slug, "x")), section: "Lead" });

describe("the linked articles kept for a graph", () => {
  it("are found again when the graph's statements or slug change, and a caller's changes stay its own", () => {
    const { graph } = ifex();
    const copy: Graph = { ...graph, statements: [...graph.statements, link(graph, "zeta"), link(graph, "alpha")] };
    for (let i = 0; i < 3; i++) {
      const found = linkedArticles(copy);
      expect(found).toEqual(["alpha", "zeta"]);
      found.push("changed");
    }
    copy.statements.push(link(graph, "beta"));
    expect(linkedArticles(copy)).toEqual(["alpha", "beta", "zeta"]);
    copy.statements = [...graph.statements];
    expect(linkedArticles(copy)).toEqual([]);
    copy.statements.push(link(graph, "gamma"));
    expect(linkedArticles(copy)).toEqual(["gamma"]);
    // Its own links then, and IFEX's entities are another article's.
    copy.slug = "gamma";
    expect(linkedArticles(copy)).toEqual(["ifex"]);
  });
  it("are each graph's own when graphs are asked about in turn", () => {
    const { graph } = ifex();
    const one: Graph = { ...graph, statements: [...graph.statements, link(graph, "zeta")] };
    const two: Graph = { ...graph, statements: [...graph.statements, link(graph, "alpha")] };
    for (let i = 0; i < 2; i++) {
      expect(linkedArticles(one)).toEqual(["zeta"]);
      expect(linkedArticles(two)).toEqual(["alpha"]);
      expect(linkedArticles(graph)).toEqual([]);
    }
  });
});
