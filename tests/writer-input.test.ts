// The web page embeds the .jsonld text: the writers' input (writers/index.ts) makes it once per
// article and hands it to both writers, rather than a cache inside the JSON-LD writer.

import { describe, expect, it } from "vitest";
import type { Graph } from "../scripts/graph/build.ts";
import { toJsonLdDocument, escapeForHtml } from "../scripts/writers/jsonld.ts";
import { WRITERS, writerInput } from "../scripts/writers/index.ts";
import { ifex } from "./ifex.ts";

const fresh = (graph: Graph) => `${escapeForHtml(JSON.stringify(toJsonLdDocument(graph), null, 2))}\n`;

describe("the JSON-LD text the web page embeds", () => {
  it("is the .jsonld file's text, written from scratch", () => {
    const { model, iris, graph } = ifex();
    const input = writerInput(model, iris, graph);
    expect(WRITERS.jsonld.write(input)).toBe(fresh(graph));
    expect(WRITERS.html.write(input)).toContain(`<script type="application/ld+json">${fresh(graph)}</script>`);
  });

  it("is each article's own: a graph in another language gets its own text", () => {
    const { model, iris, graph } = ifex();
    const french: Graph = { ...graph, language: "fr" };
    expect(WRITERS.html.write(writerInput(model, iris, french))).toContain(fresh(french));
    expect(fresh(french)).not.toBe(fresh(graph));
    expect(WRITERS.html.write(writerInput(model, iris, graph))).toContain(fresh(graph));
  });
});
