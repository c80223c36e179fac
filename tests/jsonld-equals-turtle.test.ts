// JSON-LD and Turtle are the same graph: both canonicalized with RDFC-1.0 (URDNA2015), byte for byte.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import N3 from "n3";
import canonize from "rdf-canonize";
import { describe, expect, it } from "vitest";
import { canonicalFromJsonLd } from "./rdf-helpers.ts";
import { ROOT } from "./helpers.ts";

describe("JSON-LD ≡ Turtle", () => {
  it("canonicalizes to the same N-Quads", async () => {
    const fromJsonLd = await canonicalFromJsonLd(JSON.parse(readFileSync(join(ROOT, "dist/ifex.jsonld"), "utf8")));
    const quads = new N3.Parser({ format: "text/turtle" }).parse(readFileSync(join(ROOT, "dist/ifex.ttl"), "utf8"));
    const fromTurtle = await canonize.canonize(quads, { algorithm: "RDFC-1.0" });
    expect(fromJsonLd.length).toBeGreaterThan(10_000);
    expect(fromTurtle).toBe(fromJsonLd);
  });
});
