// The web page embeds the .jsonld text, which writers/jsonld.ts keeps for the graph it was written
// for: the kept text must be exactly a fresh one, and a graph that changed must be written again.

import { describe, expect, it } from "vitest";
import type { Graph } from "../scripts/graph/build.ts";
import { toJsonLdDocument, escapeForHtml, writeJsonLd } from "../scripts/writers/jsonld.ts";
import { writeHtml } from "../scripts/writers/html.ts";
import { plain } from "../scripts/graph/terms.ts";
import { ifex } from "./helpers.ts";

const fresh = (graph: Graph) => `${escapeForHtml(JSON.stringify(toJsonLdDocument(graph), null, 2))}\n`;

describe("the JSON-LD text kept for the web page", () => {
  it("is the text written from scratch, in the .jsonld file and in the page", () => {
    const { model, graph } = ifex();
    const copy = { ...graph };
    expect(writeJsonLd(copy)).toBe(fresh(graph));
    expect(writeJsonLd(copy)).toBe(fresh(graph));
    expect(writeHtml(model, copy)).toContain(`<script type="application/ld+json">${fresh(graph)}</script>`);
  });

  it("is written again when the graph's statements or language change", () => {
    const { graph } = ifex();
    const copy: Graph = { ...graph, statements: [...graph.statements] };
    const before = writeJsonLd(copy);
    copy.statements.push({ subject: graph.statements[0]!.subject, predicate: "http://schema.org/disambiguatingDescription", object: plain("added"), section: "Lead" });
    const added = writeJsonLd(copy);
    expect(added).not.toBe(before);
    expect(added).toBe(fresh(copy));
    copy.statements = graph.statements;
    expect(writeJsonLd(copy)).toBe(before);
    copy.language = "fr";
    expect(writeJsonLd(copy)).toBe(fresh(copy));
    expect(writeJsonLd(copy)).not.toBe(before);
  });

  it("is each graph's own when graphs are written in turn", () => {
    const { graph } = ifex();
    const french: Graph = { ...graph, language: "fr" };
    for (let i = 0; i < 2; i++) {
      expect(writeJsonLd(graph)).toBe(fresh(graph));
      expect(writeJsonLd(french)).toBe(fresh(french));
    }
  });
});
