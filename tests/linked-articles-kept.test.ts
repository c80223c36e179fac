// The articles an article links to (graph/prefixes.ts): the slugs of the other articles whose
// entities its graph names, in code-point order; not its own, nor the corpus's shared entities, nor
// the project's vocabulary; under whatever base the corpus mints its IRIs.

import { describe, expect, it } from "vitest";
import type { Graph } from "../scripts/graph/build.ts";
import { Namespaces } from "../scripts/graph/namespaces.ts";
import { iri } from "../scripts/graph/terms.ts";
import { linkedArticles } from "../scripts/graph/prefixes.ts";
import { ifex } from "./ifex.ts";

const EXAMPLE = new Namespaces();
const link = (graph: Graph, target: string, iris = EXAMPLE) => ({ subject: graph.statements[0]!.subject, predicate: "http://schema.org/about", object: iri(target.includes(":") ? target : iris.entityIri(target, "x")), section: "Lead" });

describe("the articles a graph links to", () => {
  it("are the other articles' slugs its statements name, in code-point order, each once", () => {
    const { graph } = ifex();
    expect(linkedArticles(graph, EXAMPLE)).toEqual([]);
    const copy: Graph = { ...graph, statements: [...graph.statements, link(graph, "zeta"), link(graph, "alpha"), link(graph, "zeta"), link(graph, "Beta")] };
    expect(linkedArticles(copy, EXAMPLE)).toEqual(["Beta", "alpha", "zeta"]);
    // Its own entities are another article's once the graph is another article's.
    expect(linkedArticles({ ...copy, slug: "gamma" }, EXAMPLE)).toEqual(["Beta", "alpha", "ifex", "zeta"]);
  });

  it("leave out the shared entities, the vocabulary and anything outside the base", () => {
    const { graph } = ifex();
    const copy: Graph = { ...graph, statements: [...graph.statements, link(graph, EXAMPLE.sharedIri("canada")), link(graph, "https://org-articles.example/vocab#x"), link(graph, "https://elsewhere.example/a#b")] };
    expect(linkedArticles(copy, EXAMPLE)).toEqual([]);
  });

  it("are found under the corpus's base", () => {
    const { graph } = ifex();
    const other = new Namespaces("https://data.example.org/orgs/");
    const copy: Graph = { ...graph, slug: "ifex", statements: [link(graph, "alpha", other), link(graph, "beta")] };
    expect(linkedArticles(copy, other)).toEqual(["alpha"]);
    expect(linkedArticles(copy, EXAMPLE)).toEqual(["beta"]);
  });
});
