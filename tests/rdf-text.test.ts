// The pipeline's own Turtle and N-Triples writers (scripts/writers/turtle.ts, ntriples.ts) write byte
// for byte what N3.js's N3.Writer writes (tests/reference/rdf-n3.ts, the reference): on IFEX, on the
// linked corpus and its combined files, on synthetic articles, and on generated graphs full of hostile
// strings, odd IRIs, and the language tags and prefix maps the pipeline can make. The fast code-point comparison is checked
// against the comparison of UTF-8 bytes.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Graph, Statement } from "../scripts/graph/build.ts";
import { Namespaces, PREFIXES, RDF_LANG_STRING, RDF_TYPE, SCHEMA, XSD, XSD_BOOLEAN, XSD_INTEGER, XSD_STRING } from "../scripts/graph/namespaces.ts";
import type { ObjectTerm } from "../scripts/graph/terms.ts";
import { iri, integer, plain, text } from "../scripts/graph/terms.ts";
import { exportInMemory, type ArticleExport } from "./reference/pipeline.ts";
import { combinedFiles, mergedGraph } from "./reference/combined.ts";
import { COMBINED } from "../scripts/writers/combined-files.ts";
import { findArticleLinks, linkNTriples, linkTurtle } from "../scripts/corpus/article-links.ts";
import { compareCodePoints, compareUtf8Bytes, sortByCodePoints } from "../scripts/lib/code-point-order.ts";
import { writeNTriples } from "../scripts/writers/ntriples.ts";
import { turtlePrefixes, turtleText, writeTurtle } from "../scripts/writers/turtle.ts";
import { writeNTriplesWithN3, writeTurtleWithN3 } from "./reference/rdf-n3.ts";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { HOSTILE } from "./article-arbitrary.ts";
import { ifexFile, ROOT, tempDir } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const EXAMPLE = new Namespaces();
const entityIri = (slug: string, ref: string) => EXAMPLE.entityIri(slug, ref);
const SHARED = EXAMPLE.shared;

function exportDir(dir: string): ArticleExport[] {
  const names = readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort();
  const result = exportInMemory(names.map((name) => ({ file: name, text: readFileSync(join(dir, name), "utf8") })), ["ttl", "nt"]);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)));
  return result.articles;
}

/** Both writers against N3.Writer, and the fast path really taken where it should be. */
function expectSameAsN3(graph: Graph, prefixes: Record<string, string> = turtlePrefixes(graph.slug)): void {
  expect(writeTurtle(graph, prefixes)).toBe(writeTurtleWithN3(graph, prefixes));
  expect(writeNTriples(graph)).toBe(writeNTriplesWithN3(graph));
}

const graphOf = (statements: Statement[], slug = "t"): Graph => ({ slug, language: "en", statements, nodes: new Map() });

describe("the Turtle and N-Triples writers write what N3.Writer writes", () => {
  it("on IFEX", () => {
    const { graph } = ifex();
    expect(turtleText(graph.statements, turtlePrefixes(graph.slug))).toBe(writeTurtleWithN3(graph, turtlePrefixes(graph.slug)));
    expectSameAsN3(graph);
    expect(ifexFile("ifex.ttl")).toBe(writeTurtleWithN3(graph, turtlePrefixes(graph.slug)));
    expect(ifexFile("ifex.nt")).toBe(writeNTriplesWithN3(graph));
  });

  it("on the linked corpus, each article and the combined corpus.ttl and corpus.nt", () => {
    const articles = exportDir(join(ROOT, "tests/fixtures/linked-corpus"));
    expect(articles).toHaveLength(2);
    for (const { graph } of articles) expectSameAsN3(graph);
    const files = combinedFiles(articles, ["ttl", "nt"]);
    // The shared entities once (combined.ts's mergedGraph).
    const merged = graphOf(mergedGraph(articles).statements, "corpus");
    const prefixes = { ...PREFIXES, corpus: SHARED, ...turtlePrefixes("member"), ...turtlePrefixes("network") };
    expect(files.get(COMBINED.turtle)).toBe(writeTurtleWithN3(merged, prefixes));
    expect(files.get(COMBINED.nTriples)).toBe(writeNTriplesWithN3(merged));
  });

  it("on synthetic articles (names in many scripts, characters past U+FFFF, links between articles)", () => {
    const articles = exportDir(generateCorpus(join(tempDir("rdf-text-"), "source"), 20).dir);
    expect(articles).toHaveLength(20);
    for (const { graph } of articles) expectSameAsN3(graph);
    // One prefix per article, as in the combined corpus.ttl.
    const prefixes: Record<string, string> = { ...PREFIXES, corpus: SHARED };
    for (const a of articles) Object.assign(prefixes, turtlePrefixes(a.slug));
    const merged = graphOf(mergedGraph(articles).statements, "corpus");
    expectSameAsN3(merged, prefixes);
    const files = combinedFiles(articles, ["ttl", "nt"]);
    // Articles whose organizations are other articles' subjects by name are joined (article-links.ts).
    const links = findArticleLinks(EXAMPLE, articles.map((a) => ({ slug: a.slug, subject: a.model.article.subject, organizations: () => a.model.organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.formerNames ?? []), ...(o.alternateNames ?? [])] })) })));
    const nt = writeNTriplesWithN3(merged);
    expect(files.get(COMBINED.nTriples)).toBe(links.length === 0 ? nt : [...nt.split("\n").filter((l) => l).map((l) => `${l}\n`), ...linkNTriples(links)].sort(compareCodePoints).join(""));
    const ttl = writeTurtleWithN3(merged, prefixes);
    expect(files.get(COMBINED.turtle)).toBe(links.length === 0 ? ttl : `${ttl}\n${linkTurtle(links)}`);
  });

  it("on escapes, numbers, booleans, prefixed names and IRIs that cannot be prefixed names", () => {
    for (const slug of ["plain", "2-starts-with-a-digit", "schema", "article"]) {
      const s = entityIri(slug, "x");
      const objects: [string, ObjectTerm][] = [
        ["name", text('quote " backslash \\ tab \t newline \n return \r \b \f', "en")],
        ["name", text("control \u0001\u0019\u001a\u001f\u007f and 𝔉𝔯𝔢𝔢 \\U0001D509 and ß \uFFFE\uFFFF", "de-CH")],
        ["description", plain("")],
        ["description", plain("'=1+2")],
        ["url", iri("https://example.org/a?q=%22x%22&r=ü#frag")],
        ["url", iri("https://example.org/path/with.dot.")],
        ["url", iri("schema:name")],
        ["url", iri("schema:na me")],
        ["url", iri("oa:")],
        ["url", iri("http://schema.org/")],
        ["url", iri("http://schema.org/a.b")],
        ["url", iri("http://schema.org/a..b")],
        ["url", iri("http://schema.org/-a")],
        ["url", iri("http://schema.org/a/b")],
        ["url", iri("http://schema.org/😀")],
        ["about", iri(entityIri(slug, "a.b"))],
        ["about", iri(entityIri(slug, "trailing."))],
        ["about", iri(entityIri(slug, "ünïcode"))],
        ["about", iri(entityIri("other-article", "y"))],
        ["value", integer(-5)],
        ["value", { termType: "Literal", value: "01", datatype: XSD_INTEGER, language: "" }],
        ["value", { termType: "Literal", value: "1.0", datatype: XSD_INTEGER, language: "" }],
        ["value", { termType: "Literal", value: "true", datatype: XSD_BOOLEAN, language: "" }],
        ["value", { termType: "Literal", value: "nope", datatype: XSD_BOOLEAN, language: "" }],
        ["value", { termType: "Literal", value: "1.5", datatype: `${XSD}decimal`, language: "" }],
        ["value", { termType: "Literal", value: "1e3", datatype: `${XSD}double`, language: "" }],
        ["value", { termType: "Literal", value: "x", datatype: "", language: "" }],
        ["value", { termType: "Literal", value: "x", datatype: RDF_LANG_STRING, language: "" }],
        ["value", { termType: "Literal", value: "x", datatype: XSD_STRING, language: "en" }],
        ["value", { termType: "Literal", value: "x", datatype: "https://example.org/dt#x", language: "" }],
      ];
      const statements = objects.map(([p, o]) => ({ subject: s, predicate: SCHEMA + p, object: o, section: "Lead" }));
      statements.push({ subject: entityIri(slug, "y"), predicate: RDF_TYPE, object: iri(`${SCHEMA}Thing`), section: "Lead" });
      // Predicates no common namespace splits (written from the document's own prefixes or in full), first in a block and after `;`.
      for (const predicate of ["https://example.org/p", entityIri(slug, "rel"), `${SCHEMA}a/b`, `${SCHEMA}name`, entityIri(slug, "rel")]) {
        statements.push({ subject: entityIri(slug, "z"), predicate, object: plain("v"), section: "Lead" });
      }
      statements.push({ subject: entityIri(slug, "w"), predicate: entityIri(slug, "rel"), object: plain("v"), section: "Lead" });
      const graph = graphOf(statements, slug);
      expectSameAsN3(graph);
      // An article's slug as its prefix name, whatever its first character (digits included).
      const own = { ...turtlePrefixes(slug), [slug]: `https://org-articles.example/${slug}#` };
      expectSameAsN3(graph, own);
    }
  });

  it("sorts N-Triples lines whole when one subject's `<iri> ` begins another's, and with lone surrogates", () => {
    const line = (subject: string, predicate: string, o: ObjectTerm) => ({ subject, predicate, object: o, section: "x" });
    const a = "http://x/a";
    const graph = graphOf([line(a, "z:p", iri("z:o")), line(`${a}> <http://x/b`, "y:p", iri("y:o")), line(a, "b:p", plain("\uDC00")), line("\uD800", "b:p", plain("\uDC00"))]);
    expectSameAsN3(graph);
    expect(writeNTriples(graph).indexOf("<http://x/a> <http://x/b> ")).toBeLessThan(writeNTriples(graph).indexOf("<http://x/a> <z:p>"));
  });

  it("sorts one subject's N-Triples lines by predicate, then by object, without repeats, whatever order predicates are first seen in", () => {
    // Predicates first seen out of order, a new one between two known ones, one whose `<iri> `
    // begins another's (`<z:p> ` and `<z:p> q> `: no rank, whole lines decide), repeated predicates
    // and repeated statements: the ranks of known predicates must follow each new one.
    const line = (subject: string, predicate: string, o: ObjectTerm) => ({ subject, predicate, object: o, section: "x" });
    const s = "http://x/s";
    const first = graphOf([line(s, "z:p", plain("b")), line(s, "a:p", iri("z:o")), line(s, "z:p", plain("a")), line(s, "m:p", integer(2)), line(s, "z:p", plain("a"))]);
    const second = graphOf([line(s, "n:p", plain("x")), line(s, "z:p", iri("a:o")), line(s, "b:p", plain("y")), line(s, "m:p", integer(1)), line(s, "a:p", text("c", "en"))]);
    const unranked = graphOf([line(s, "z:p> q", plain("1")), line(s, "z:p", plain("2")), line(s, "z:p", plain("2")), line(s, "a:p", plain("3"))]);
    for (const graph of [first, second, unranked, first]) expectSameAsN3(graph);
    expect(writeNTriples(first).split("\n")).toEqual([
      '<http://x/s> <a:p> <z:o> .',
      '<http://x/s> <m:p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
      '<http://x/s> <z:p> "a" .',
      '<http://x/s> <z:p> "b" .',
      "",
    ]);
  });

  it("writes predicates, types and datatypes by the document's own prefixes, not as another document's", () => {
    // Nothing is kept from one document to the next: a namespace declared before the common ones, or
    // one of them declared again under another name, changes how their IRIs are written.
    const line = (predicate: string, o: ObjectTerm) => ({ subject: entityIri("t", "x"), predicate, object: o, section: "x" });
    const graph = graphOf([
      line(RDF_TYPE, iri(`${SCHEMA}NGO`)),
      line(`${SCHEMA}name`, text("n", "en")),
      line(`${SCHEMA}foundingDate`, { termType: "Literal", value: "1992", datatype: `${SCHEMA}Date`, language: "" }),
      line(`${XSD}x`, integer(1)),
    ]);
    const maps = [
      turtlePrefixes("t"),
      { n: `${SCHEMA}N`, ...turtlePrefixes("t") },
      { ...turtlePrefixes("t"), s: SCHEMA },
      { ...turtlePrefixes("t"), n: `${SCHEMA}N` },
      turtlePrefixes("t"),
    ];
    for (const map of maps) expectSameAsN3(graph, map);
    expect(writeTurtle(graph, maps[1]!)).toContain(" a n:GO;");
    expect(writeTurtle(graph, maps[2]!)).toContain("s:name");
  });

  it("on an empty graph, with and without prefixes", () => {
    expectSameAsN3(graphOf([]));
    expectSameAsN3(graphOf([]), {});
  });
});

// ---- generated graphs --------------------------------------------------------------------------

const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE, "\\U0001F600", "\\\\U0001F600", '"""', "\u0000", "\u0019", "\u001a", "\u007f", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", ".\n", ".\n@x", "> ", "> <x> ") },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
  { weight: 2, arbitrary: fc.stringMatching(/^[-_.a-zA-Z0-9]{0,8}$/) },
);
const hostileText = fc.array(hostile, { maxLength: 4 }).map((parts) => parts.join(""));

const NAMESPACES = [SCHEMA, `${SCHEMA}sub/`, "https://org-articles.example/a#", "https://org-articles.example/a#b", "https://org-articles.example/", "urn:x:", "", "x", "schema:"];
// Prefix maps as the pipeline makes them: names that are slugs (or the common ones), namespaces that
// are non-empty IRIs without characters N3 escapes.
const namespace = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...NAMESPACES.filter((ns) => ns !== "")) }, { weight: 1, arbitrary: hostileText.filter((t) => t !== "" && !/["\\\t\n\r\b\f\u0000-\u0019\ud800-\udfff]/.test(t)) });
const prefixName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("schema", "oa", "a", "ab", "", "x-y", "x.y", "_u", "urn") },
  { weight: 1, arbitrary: fc.constantFrom("1", "2", "2-x", "a1") },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/) },
);
const prefixes = fc.array(fc.tuple(prefixName, namespace), { maxLength: 6 }).map((pairs) => {
  const map: Record<string, string> = {};
  for (const [name, ns] of pairs) map[name] = ns;
  return map;
});

const iriValue = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...NAMESPACES, "schema:", "urn:", "a:", "x-y:"), hostileText).map(([ns, local]) => ns + local) },
  { weight: 1, arbitrary: hostileText },
);
// Language tags as the schema allows them: letters and digits between single hyphens.
const language = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("en", "EN", "zh-Hant", "pt-BR", "") }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{1,8}(-[A-Za-z0-9]{1,8}){0,2}$/) });
const datatype = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(XSD_STRING, XSD_INTEGER, XSD_BOOLEAN, `${XSD}decimal`, `${XSD}double`, `${XSD}gYear`, `${SCHEMA}Date`, RDF_LANG_STRING, "") },
  { weight: 1, arbitrary: iriValue.filter((v) => !v.includes('"')) },
);
const literalValue = fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: fc.constantFrom("1", "-01", "+2", "1.5", ".5", "1e3", "1.E-2", "true", "false", "TRUE") });
const object: fc.Arbitrary<ObjectTerm> = fc.oneof(
  iriValue.map((value) => iri(value)),
  fc.tuple(literalValue, datatype, language).map(([value, dt, lang]): ObjectTerm => ({ termType: "Literal", value, datatype: dt, language: dt === RDF_LANG_STRING ? lang : "" })),
  fc.tuple(literalValue, language).map(([value, lang]) => text(value, lang)),
);
const predicate = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(RDF_TYPE, `${SCHEMA}name`, `${SCHEMA}about`, "https://org-articles.example/vocab#x") }, { weight: 1, arbitrary: iriValue });
const statements = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fc.tuple(predicate, object), { minLength: 1, maxLength: 4 })), { maxLength: 6 })
  .chain((groups) =>
    fc.array(iriValue, { minLength: 4, maxLength: 4 }).map((subjects) =>
      // Each subject's statements together, as graph/build.ts orders them; a predicate may repeat.
      groups.flatMap(([s, pairs]) => pairs.flatMap(([p, o]) => [{ subject: subjects[s]!, predicate: p, object: o, section: "x" }])),
    ),
  );

describe("generated graphs: the same text as N3.Writer", () => {
  it("Turtle, with generated prefix maps", () => {
    fc.assert(
      fc.property(statements, prefixes, (list, map) => {
        const graph = graphOf(list);
        expect(writeTurtle(graph, map)).toBe(writeTurtleWithN3(graph, map));
      }),
      { numRuns: 400 },
    );
  });

  it("Turtle with the article's prefixes", () => {
    fc.assert(
      fc.property(statements, fc.constantFrom("ifex", "2x", "schema", "article"), (list, slug) => {
        const graph = graphOf(list, slug);
        const map = turtlePrefixes(slug);
        expect(writeTurtle(graph, map)).toBe(writeTurtleWithN3(graph, map));
      }),
      { numRuns: 400 },
    );
  });

  it("N-Triples", () => {
    fc.assert(
      fc.property(statements, (list) => {
        const graph = graphOf([...list, ...list.slice(0, 2)]);
        expect(writeNTriples(graph)).toBe(writeNTriplesWithN3(graph));
      }),
      { numRuns: 400 },
    );
  });

  it("sorts in the order of UTF-8 bytes, lone surrogates included", () => {
    const unit = fc.oneof(
      fc.constantFrom("a", "b", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uE000", "\uFFFD", "\uFFFF", "😀", "𝔉", "\u0000", "é", ""),
      fc.string({ unit: "binary", maxLength: 3 }),
    );
    const str = fc.array(unit, { maxLength: 5 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(str, str, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(compareUtf8Bytes(a, b)));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.array(str, { maxLength: 12 }), (list) => {
        expect(sortByCodePoints([...list])).toEqual([...list].sort(compareUtf8Bytes));
      }),
      { numRuns: 3000 },
    );
  });
});
