// What the combined corpus.nt and corpus.ttl take of an article's files, as its writers say
// (writers/corpus-part.ts: the ranges of its own statements, the statements about shared entities),
// against cutting the written text: split at blank lines or line breaks, keep what is not about a
// shared subject. And the merging of the links' lines into an article's, against sorting the text.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Graph, Statement } from "../scripts/graph/build.ts";
import { Namespaces, RDF_TYPE, SCHEMA } from "../scripts/graph/namespaces.ts";
import { iri, plain, text as literal } from "../scripts/graph/terms.ts";
import { compareCodePoints } from "../scripts/lib/code-point-order.ts";
import { writeTurtleParts, turtlePrefixes } from "../scripts/writers/turtle.ts";
import { writeNTriplesParts } from "../scripts/writers/ntriples.ts";
import { byteRanges, type CorpusPart } from "../scripts/writers/corpus-part.ts";
import { mergeLines } from "../scripts/corpus/combined-rdf.ts";
import { exportInMemory } from "./reference/pipeline.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { ROOT, tempDir } from "./helpers.ts";
import { corpusSettingsOf, ifex } from "./ifex.ts";
import { readdirSync, readFileSync } from "node:fs";

const IRIS = new Namespaces();
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, "utf8"));
const joined = (pieces: readonly Uint8Array[]) => Buffer.concat(pieces).toString("utf8");

/** The Turtle body cut as text: split at each blank line, keep the blocks not about a shared subject, each block's own line breaks as written. */
function turtleCut(content: string, shared: string): { own: string; shared: string[] } {
  const body = content.slice(content.indexOf("\n\n") + 2);
  const own: string[] = [];
  const blocks: string[] = [];
  for (const block of body.split("\n\n")) {
    if (block.startsWith("corpus:") || block.startsWith(`<${shared}`)) blocks.push(block.replace(/\n+$/, ""));
    else own.push(block);
  }
  const text = blocks.length === 0 ? body : own.join("\n\n");
  return { own: text === "" || text.endsWith("\n") ? text : `${text}\n`, shared: blocks };
}

/** The N-Triples cut as text: the lines about a shared subject, and the rest. */
function ntriplesCut(content: string, shared: string): { own: string; shared: string[] } {
  const lines = content.split("\n").slice(0, -1).map((line) => `${line}\n`);
  return { own: lines.filter((l) => !l.startsWith(`<${shared}`)).join(""), shared: lines.filter((l) => l.startsWith(`<${shared}`)) };
}

/** The parts' own statements, copied from the file's bytes by their byte ranges, as the export copies them. */
function ownBytes(content: string, part: CorpusPart): string {
  const bytes = utf8(content);
  return joined(byteRanges(content, part.own).map(([start, end]) => bytes.subarray(start, end)));
}

function expectCutsOf(graph: Graph, iris = IRIS): void {
  const prefixes = turtlePrefixes(graph.slug, iris);
  const ttl = writeTurtleParts(graph, prefixes, iris.shared);
  expect({ own: ownBytes(ttl.content, ttl.part), shared: ttl.part.shared }).toEqual(turtleCut(ttl.content, iris.shared));
  const nt = writeNTriplesParts(graph, iris.shared);
  expect({ own: ownBytes(nt.content, nt.part), shared: nt.part.shared }).toEqual(ntriplesCut(nt.content, iris.shared));
}

describe("the parts of an article's Turtle and N-Triples the combined files take", () => {
  it("are its files cut at their shared subjects, for IFEX, the shared articles' kind of corpus and a generated one", () => {
    expectCutsOf(ifex().graph);
    const dirs = [join(ROOT, "tests/fixtures/linked-corpus"), generateCorpus(join(tempDir("shared-parts-"), "source"), 12).dir];
    for (const dir of dirs) {
      const names = readdirSync(dir).filter((name) => name.endsWith(".yaml"));
      const result = exportInMemory(names.map((name) => ({ file: name, text: readFileSync(join(dir, name), "utf8") })), [], corpusSettingsOf(dir));
      if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 2)));
      for (const article of result.articles) expectCutsOf(article.graph);
    }
  });

  it("are its files cut at their shared subjects, under another base", () => {
    const iris = new Namespaces("https://data.example.org/orgs/");
    const shared = (id: string) => iris.sharedIri(id);
    const own = (id: string) => iris.entityIri("t", id);
    const statements: Statement[] = [
      { subject: own("a"), predicate: RDF_TYPE, object: iri(`${SCHEMA}NGO`), section: "x" },
      { subject: shared("canada"), predicate: `${SCHEMA}name`, object: literal("Canada", "en"), section: "x" },
      { subject: own("b"), predicate: `${SCHEMA}location`, object: iri(shared("canada")), section: "x" },
      { subject: shared("tōkyō"), predicate: `${SCHEMA}name`, object: literal("東京", "ja"), section: "x" },
    ];
    expectCutsOf({ slug: "t", language: "en", statements, nodes: new Map() }, iris);
  });

  it("are its files cut at their shared subjects, whatever the subjects' order and texts", () => {
    const subject = fc.constantFrom(IRIS.entityIri("t", "a"), IRIS.entityIri("t", "b.c"), IRIS.sharedIri("canada"), IRIS.sharedIri("x-y"), IRIS.entityIri("u", "z"), `${IRIS.shared}é 𝄞`, "urn:x");
    const object = fc.oneof(fc.string({ unit: fc.constantFrom("a", "é", "𝄞", "\n", '"', " ", "日") }).map((value) => plain(value)), subject.map((value) => iri(value)));
    const graph = fc.array(fc.tuple(subject, fc.array(object, { minLength: 1, maxLength: 3 })), { maxLength: 6 }).map((groups): Graph => {
      // Each subject's statements together, as graph/build.ts orders them.
      const seen = new Set<string>();
      const statements = groups.filter(([s]) => !seen.has(s) && seen.add(s)).flatMap(([s, objects]) => objects.map((o) => ({ subject: s, predicate: `${SCHEMA}about`, object: o, section: "x" })));
      return { slug: "t", language: "en", statements, nodes: new Map() };
    });
    fc.assert(
      fc.property(graph, (g) => {
        // An article always states something: a file of prefixes alone has no body to cut.
        fc.pre(g.statements.length > 0);
        expectCutsOf(g);
      }),
      { numRuns: 1000 },
    );
  });
});

/** What the export did on text before: every line decoded, then both lists merged. */
function mergeAsText(lines: string, extra: string[]): string {
  const a = lines.split("\n").filter((l) => l !== "").map((l) => `${l}\n`);
  const b = [...extra].sort(compareCodePoints);
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(compareCodePoints(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  return [...merged, ...a.slice(i), ...b.slice(j)].join("");
}

describe("mergeLines", () => {
  it("merges an article's sorted lines and its links' lines as sorting the decoded lines did", () => {
    const line = fc.string({ unit: fc.constantFrom("<", "a", "b", "é", "𝄞", "\uffff", " ", ">", "."), minLength: 1 }).map((l) => `${l}\n`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 5 }), fc.nat(12), (own, extra, cut) => {
        const lines = [...own].sort(compareCodePoints).join("");
        // The article's lines come in one or two pieces (around its shared entities' lines).
        const bytes = utf8(lines);
        const at = Buffer.from(lines.split("\n").slice(0, cut).map((l) => `${l}\n`).join("").slice(0, lines.length), "utf8").length;
        const pieces = cut > 0 && at < bytes.length ? [bytes.subarray(0, at), bytes.subarray(at)] : [bytes];
        expect(joined(mergeLines(pieces, extra))).toBe(mergeAsText(lines, extra));
      }),
      { numRuns: 2000 },
    );
  });

  it("merges links before, between and after an article's lines, and into none", () => {
    expect(joined(mergeLines([utf8("<a> x y .\n<c> x y .\n")], ["<c> x y .\n", "<d> x y .\n", "<b> x y .\n"]))).toBe("<a> x y .\n<b> x y .\n<c> x y .\n<c> x y .\n<d> x y .\n");
    expect(joined(mergeLines([], ["<b> x y .\n"]))).toBe("<b> x y .\n");
  });
});
