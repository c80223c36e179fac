// The project's own terms (oa:) are documented: every one the graph uses is defined, with the
// same label the CSV shows, in schemas/org-articles.vocab.ttl.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import N3 from "n3";
import { describe, expect, it } from "vitest";
import { OA } from "../scripts/graph/namespaces.ts";
import { propertyLabel } from "../scripts/graph/vocabulary.ts";
import { ROOT } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
const RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment";

describe("the project vocabulary", () => {
  const quads = new N3.Parser().parse(readFileSync(join(ROOT, "schemas/org-articles.vocab.ttl"), "utf8"));
  const labels = new Map(quads.filter((q) => q.predicate.value === RDFS_LABEL).map((q) => [q.subject.value, q.object.value]));
  const commented = new Set(quads.filter((q) => q.predicate.value === RDFS_COMMENT).map((q) => q.subject.value));
  const { graph } = ifex();
  const used = new Set<string>();
  for (const s of graph.statements) {
    if (s.predicate.startsWith(OA)) used.add(s.predicate);
    if (s.object.termType === "NamedNode" && s.object.value.startsWith(OA)) used.add(s.object.value);
  }

  it("defines, labels and explains every oa: term the graph uses", () => {
    expect(used.size).toBeGreaterThan(20);
    for (const term of used) {
      expect(labels.has(term), `${term} is not defined in schemas/org-articles.vocab.ttl`).toBe(true);
      expect(commented.has(term), `${term} has no rdfs:comment`).toBe(true);
    }
  });

  it("labels each property as the CSV does", () => {
    for (const term of used) if (!/#[A-Z]/.test(term)) expect(labels.get(term)).toBe(propertyLabel(term));
  });
});
