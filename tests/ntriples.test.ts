// N-Triples: the same graph as the Turtle and the JSON-LD, one triple a line, sorted in code-point
// order with no duplicates, so versions diff line by line and a bulk loader can split it anywhere.

import { spawnSync } from "node:child_process";
import N3 from "n3";
import canonize from "rdf-canonize";
import { describe, expect, it } from "vitest";
import { compareCodePoints } from "../scripts/lib/code-point-order.ts";
import { writeNTriples } from "../scripts/writers/ntriples.ts";
import { iri, text } from "../scripts/graph/terms.ts";
import { canonicalFromJsonLd, graphKeys, n3TurtleKeys, tripleKey } from "./rdf-helpers.ts";
import { ifexFile } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const nt = ifexFile("ifex.nt");
const lines = nt.split("\n").slice(0, -1);
const unique = (keys: string[]) => [...new Set(keys)].sort();

describe("N-Triples (dist/ifex.nt)", () => {
  it("is exactly the graph, for N3.js's N-Triples parser", () => {
    const keys = new N3.Parser({ format: "application/n-triples" }).parse(nt).map((q) => tripleKey(q.subject, q.predicate, q.object));
    expect(keys.length).toBeGreaterThan(200);
    expect(keys.sort()).toEqual(unique(graphKeys(ifex().graph)));
  });

  it("is byte for byte the RDFC-1.0 canonical form of itself and of the JSON-LD (rdf-canonize, jsonld.js)", async () => {
    // With no blank nodes, canonical N-Quads are the triples in canonical N-Triples form, sorted and unique.
    expect(await canonize.canonize(nt, { algorithm: "RDFC-1.0", inputFormat: "application/n-quads", format: "application/n-quads" })).toBe(nt);
    expect(await canonicalFromJsonLd(JSON.parse(ifexFile("ifex.jsonld")))).toBe(nt);
  });

  it("is the same set of triples as the Turtle", () => {
    expect(unique(n3TurtleKeys(ifexFile("ifex.ttl")))).toEqual(unique(graphKeys(ifex().graph)));
  });

  it("has one triple a line, every line a document of its own, sorted and unique", () => {
    expect(nt.endsWith(" .\n")).toBe(true);
    for (const line of lines) expect(new N3.Parser({ format: "application/n-triples" }).parse(line)).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort(compareCodePoints)).toEqual(lines);
    // The byte order `LC_ALL=C sort` uses agrees.
    const sorted = spawnSync("sort", ["-c"], { input: nt, env: { ...process.env, LC_ALL: "C" } });
    expect(sorted.status).toBe(0);
  });

  it("escapes line breaks and quotes inside literals, and sorts past U+FFFF by code point", () => {
    const s = "https://org-articles.example/t#a";
    const graph = {
      slug: "t",
      language: "en",
      nodes: new Map(),
      statements: [
        { subject: s, predicate: "https://org-articles.example/vocab#note", object: text('two\nlines "quoted"', "en"), section: "Lead" },
        { subject: s, predicate: "https://org-articles.example/vocab#note", object: text("\u{1F600}", "en"), section: "Lead" },
        { subject: s, predicate: "https://org-articles.example/vocab#note", object: text("\uFFFD", "en"), section: "Lead" },
        { subject: s, predicate: "https://org-articles.example/vocab#link", object: iri("https://example.org/"), section: "Lead" },
        { subject: s, predicate: "https://org-articles.example/vocab#link", object: iri("https://example.org/"), section: "Lead" },
      ],
    };
    const out = writeNTriples(graph).split("\n").slice(0, -1);
    expect(out).toHaveLength(4);
    expect(out[1]).toBe(`<${s}> <https://org-articles.example/vocab#note> "two\\nlines \\"quoted\\""@en .`);
    // U+FFFD before U+1F600 in code points (UTF-16 code units would put the emoji's surrogate first).
    expect(out.slice(2).map((l) => /"(.*)"/u.exec(l)![1])).toEqual(["\uFFFD", "\u{1F600}"]);
  });
});
