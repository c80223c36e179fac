// JSON-LD and Turtle are the same graph: both canonicalized with RDFC-1.0 (URDNA2015), byte for byte.

import N3 from "n3";
import canonize from "rdf-canonize";
import { describe, expect, it } from "vitest";
import { canonicalFromJsonLd } from "./rdf-helpers.ts";
import { ifexFile } from "./helpers.ts";

describe("JSON-LD ≡ Turtle", () => {
  it("canonicalizes to the same N-Quads", async () => {
    const fromJsonLd = await canonicalFromJsonLd(JSON.parse(ifexFile("ifex.jsonld")));
    const quads = new N3.Parser({ format: "text/turtle" }).parse(ifexFile("ifex.ttl"));
    const fromTurtle = await canonize.canonize(quads, { algorithm: "RDFC-1.0" });
    expect(fromJsonLd.length).toBeGreaterThan(10_000);
    expect(fromTurtle).toBe(fromJsonLd);
  });
});
