// An article linking to others gets its CSV and events rows with placeholders for the linked
// entities' names, filled once every article is read (scripts/corpus/link-holes.ts). Filled, they
// must be exactly what the writers make with the names known, whatever the names hold.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { readYaml } from "../scripts/read/read-yaml.ts";
import { buildModel } from "../scripts/model/build.ts";
import type { ArticleModel } from "../scripts/model/types.ts";
import { buildGraph, type Graph, type NodeInfo } from "../scripts/graph/build.ts";
import { linkedArticles } from "../scripts/graph/prefixes.ts";
import { writeCsv } from "../scripts/writers/csv.ts";
import { eventRows } from "../scripts/corpus/combined-csv.ts";
import { canHoldPlaceholders, fillHoles, fillHolesInBytes, withPlaceholders } from "../scripts/corpus/link-holes.ts";
import { HOSTILE, text } from "./article-arbitrary.ts";
import { tempDir } from "./helpers.ts";

function modelOf(path: string): ArticleModel {
  const read = readYaml(readFileSync(path, "utf8"), path);
  if (!read.ok) throw new Error(`${path} does not read`);
  return buildModel(read.source.data, path);
}

// A small synthetic corpus: members link to their network's organization, place and meeting.
const dir = join(tempDir("link-holes-"), "source");
generateCorpus(dir, 12);
const models = new Map(readdirSync(dir).map((name) => [name.replace(/\.yaml$/, ""), modelOf(join(dir, name))]));
const graphs = new Map([...models].map(([slug, model]) => [slug, buildGraph(model, new Map())]));
const linking = [...graphs].filter(([, graph]) => linkedArticles(graph).length > 0);

/** The nodes of the articles `graph` links to, as the export gives them to the second job. */
function linkedNodes(graph: Graph): NodeInfo[] {
  return linkedArticles(graph).flatMap((slug) => [...graphs.get(slug)!.nodes.values()].filter((node) => node.iri.startsWith(`https://org-articles.example/${slug}#`)));
}

describe("placeholders for linked entities' names", () => {
  it("are used by some articles of the corpus", () => {
    expect(linking.length).toBeGreaterThan(0);
    for (const [, graph] of linking) expect(withPlaceholders(graph).holes.length).toBeGreaterThan(0);
  });

  it("filled, give the CSV and events rows made with the names, whatever the names and types hold", () => {
    const hostile = fc.oneof(fc.constantFrom(...HOSTILE, "\uE000", "\uE0000\uE001", '"\uE0020\uE003"', "reference to \uE002", "\uE010\uE03F"), text);
    fc.assert(
      fc.property(fc.constantFrom(...linking), fc.array(fc.tuple(hostile, hostile), { minLength: 1, maxLength: 8 }), ([slug, graph], renames) => {
        const model = models.get(slug)!;
        // The linked entities, renamed (in turn) to hostile names and types.
        const nodes = linkedNodes(graph).map((node, i) => {
          const rename = renames[i % renames.length]!;
          return { ...node, name: rename[0], type: rename[1] };
        });
        const named = buildGraph(model, new Map(nodes.map((node) => [node.iri, node])));
        const { graph: template, holes } = withPlaceholders(graph);
        const byIri = new Map(nodes.map((node) => [node.iri, node]));
        const names = holes.map((iri) => byIri.get(iri)!);
        expect(names.every(Boolean)).toBe(true);
        expect(fillHoles(writeCsv(template), names)).toBe(writeCsv(named));
        expect(Buffer.concat(fillHolesInBytes(Buffer.from(writeCsv(template)), names)).toString("utf8")).toBe(writeCsv(named));
        expect(eventRows(model, template).map((e) => ({ ...e, line: fillHoles(e.line, names) }))).toEqual(eventRows(model, named));
      }),
      { numRuns: 60 },
    );
  });

  it("are refused for an article whose text holds their characters, and a stray one is never filled", () => {
    expect(canHoldPlaceholders("name: Société")).toBe(true);
    expect(canHoldPlaceholders("name: a\uE001b")).toBe(false);
    expect(() => fillHoles('"a\uE000b"', [])).toThrow(/outside a placeholder/);
    expect(() => fillHoles('"\uE0001\uE001"', [{ name: "x", type: "T" }])).toThrow(/not named/);
    expect(fillHoles('"\uE0000\uE001","reference to \uE0020\uE003",""', [{ name: '=a"b', type: "NGO" }])).toBe(`"'=a""b","reference to NGO",""`);
    const bytes = (text: string, names: { name: string; type: string }[]) => Buffer.concat(fillHolesInBytes(Buffer.from(text), names)).toString("utf8");
    expect(bytes('"\uE0000\uE001","reference to \uE0020\uE003","","\uE010"', [{ name: '=a"b', type: "NGO" }])).toBe(`"'=a""b","reference to NGO","","\uE010"`);
    for (const stray of ['"a\uE000b"', '"\uE001"', '"\uE0000"', 'x\uE0000\uE001"', '"refer to \uE0020\uE003"', '"\uE000\uE001"']) {
      expect(() => bytes(stray, [{ name: "x", type: "T" }]), stray).toThrow(/outside a placeholder/);
    }
    expect(() => bytes('"\uE0001\uE001"', [{ name: "x", type: "T" }])).toThrow(/not named/);
  });
});
