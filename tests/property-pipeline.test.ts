// Property-based: random valid articles, their texts drawn from hostile strings and random Unicode,
// written as YAML and put through the whole pipeline. Every artifact, read by an independent parser,
// gives back exactly the graph; the graph holds every text exactly as written; the output is the same
// twice; and JSON-LD ≡ Turtle under RDF canonicalization.
//
// A failure prints the seed and path; replay it with
//   FC_SEED=<seed> FC_PATH=<path> ./node_modules/.bin/vitest run tests/property-pipeline.test.ts
// FC_NUM_RUNS changes the number of cases (1000 by default).

import fc from "fast-check";
import N3 from "n3";
import canonize from "rdf-canonize";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { FORMATS } from "../scripts/writers/formats.ts";
import { exportInMemory, type ArticleExport } from "./reference/pipeline.ts";
import { readYaml, type PathSegment } from "../scripts/read/read-yaml.ts";
import { stringify } from "yaml";
import { article, type GeneratedArticle } from "./article-arbitrary.ts";
import { checkCheapReaders, checkJsonLd, checkTurtleWithRdflib } from "./read-back.ts";
import { canonicalFromJsonLd } from "./rdf-helpers.ts";

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 1000);

/** Runs a property and, on failure, says how to replay it. */
async function holds<T extends unknown[]>(property: fc.IAsyncProperty<T>, numRuns = NUM_RUNS): Promise<void> {
  const details = await fc.check(property, {
    numRuns,
    ...(process.env.FC_SEED !== undefined && { seed: Number(process.env.FC_SEED) }),
    ...(process.env.FC_PATH !== undefined && { path: process.env.FC_PATH }),
  });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`replay with FC_SEED=${details.seed} FC_PATH=${details.counterexamplePath}\n${cause}\n${await fc.asyncDefaultReportMessage(details)}`);
  }
  // A replay (FC_PATH) runs only the case it names.
  if (process.env.FC_PATH === undefined) expect(details.numRuns).toBe(numRuns);
}

function exported(generated: GeneratedArticle): ArticleExport {
  const slug = (generated.data.article as { slug: string }).slug;
  // Every format but the workbook, whose cells tests/xlsx.test.ts reads back (it would double the run's time).
  const result = exportInMemory([{ file: `source/${slug}.yaml`, text: generated.yaml }], FORMATS.filter((f) => f !== "xlsx"));
  if (!result.ok) throw new Error(`a valid article was refused:\n${JSON.stringify(result.diagnostics, null, 2)}\n${generated.yaml}`);
  return result.articles[0]!;
}

/** Keys whose values are not free text (ids, references, codes, dates, enums, URLs). */
const NOT_TEXT = new Set(["id", "slug", "subject", "language", "section", "sections", "seeAlso", "type", "category", "comparison", "location", "focus", "worksFor", "organizer", "publisher", "containedIn", "inLanguage", "homepage", "url", "foundingDate", "startDate", "endDate"]);

function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const item of value) texts(item, out);
  else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) if (!NOT_TEXT.has(key)) texts(item, out);
  return out;
}

describe("random articles with hostile strings, through the whole pipeline", () => {
  it("read back to the same facts from every artifact; the same output twice", async () => {
    await holds(
      fc.asyncProperty(article, async (generated) => {
        const result = exported(generated);
        // The reader gives exactly the data the YAML says: no folding, trimming or normalization (the
        // data the pipeline read, which its model was made from).
        expect(isDeepStrictEqual(result.data, generated.data)).toBe(true);
        // Every text of the article is in the graph (or the infobox) exactly as written.
        const carried = new Set<string>([
          ...result.graph.statements.flatMap((s) => (s.object.termType === "Literal" ? [s.object.value] : [])),
          result.model.infobox.title,
          ...result.model.infobox.fields.flatMap((f) => [f.label, f.value]),
        ]);
        // But for the places that are the corpus's shared ones (graph/shared.ts): the corpus's node
        // speaks for them, with its own name, whatever else the article calls them.
        const shared = result.iris.redirects;
        const data = { ...generated.data, places: ((generated.data.places ?? []) as { id: string }[]).filter((p) => !shared.has(p.id)) };
        expect(texts(data).filter((t) => !carried.has(t))).toEqual([]);
        // Sections travel as they are written too.
        const sections = (generated.data.article as { sections: string[] }).sections;
        expect(result.graph.statements.filter((s) => s.section !== "Lead" && s.section !== "See also" && !sections.includes(s.section))).toEqual([]);
        checkCheapReaders(result);
        if (generated.probe % 20 === 0) expect(exported(generated).artifacts).toEqual(result.artifacts);
        if (generated.probe % 20 === 10) {
          checkTurtleWithRdflib(result);
          await checkJsonLd(result);
        }
      }),
    );
    // 1000 whole pipelines with every read-back: about 25 s of CPU alone, far more while the whole
    // suite runs on a shared two-core machine, where the default 60 s ran out. Not a timing: a bound.
  }, 300_000);

  it("JSON-LD ≡ Turtle under RDF canonicalization", async () => {
    await holds(
      fc.asyncProperty(article, async (generated) => {
        const result = exported(generated);
        const fromJsonLd = await canonicalFromJsonLd(JSON.parse(result.artifacts.get(`${result.slug}.jsonld`) as string));
        const quads = new N3.Parser({ format: "text/turtle" }).parse(result.artifacts.get(`${result.slug}.ttl`) as string);
        expect(await canonize.canonize(quads, { algorithm: "RDFC-1.0" })).toBe(fromJsonLd);
      }),
      Math.max(1, Math.round(NUM_RUNS / 20)),
    );
  });

  it("refuse a control character in any string field, at that field's line and column", async () => {
    const forbidden = fc.oneof(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0x0b, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f }), fc.constant(0xd800)).map((c) => String.fromCharCode(c));
    await holds(
      fc.asyncProperty(article, fc.nat(), fc.nat(), forbidden, async (generated, which, where, char) => {
        const leaves: PathSegment[][] = [];
        const walk = (value: unknown, path: PathSegment[]) => {
          if (typeof value === "string") leaves.push(path);
          else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) walk(item, [...path, Array.isArray(value) ? Number(key) : key]);
        };
        walk(generated.data, []);
        const path = leaves[which % leaves.length]!;
        const data = structuredClone(generated.data);
        const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], data);
        const value = parent[path[path.length - 1]!] as string;
        const at = where % (value.length + 1);
        const key = path[path.length - 1]!;
        // Where the field starts: each value is written on one line, so a harmless character in its place shows it.
        parent[key] = `${value.slice(0, at)}x${value.slice(at)}`;
        const harmless = readYaml(stringify(data, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE" }), "x.yaml");
        expect(harmless.ok).toBe(true);
        const field = harmless.ok ? harmless.source.positionOf(path) : { line: 0, col: 0 };
        parent[key] = value.slice(0, at) + char + value.slice(at);
        // The yaml writer escapes C0 controls ("\a") and writes DEL and C1 raw: the first are refused by
        // validation at the field, the others before parsing at the character itself, within the field.
        const text = stringify(data, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE" });
        const result = exportInMemory([{ file: "source/gen.yaml", text }]);
        expect(result.ok).toBe(false);
        const problems = result.ok ? [] : result.diagnostics;
        // A value with line breaks may be written over several lines: as a block, from the line after
        // the key, one line per line of the value; double-quoted, from the key's line, two line breaks
        // per line break of the value (an empty line stands for it). The character is on one of them.
        const breaks = value.split("\n").length - 1;
        const lastLine = field.line + Math.max(breaks + 1, 2 * breaks);
        const located = problems.filter((d) => (d.line > field.line || d.col >= field.col) && d.line >= field.line && d.line <= lastLine && /control character|surrogate pair|not an allowed value/.test(d.message));
        expect(located.length, JSON.stringify({ field, problems })).toBeGreaterThan(0);
      }),
      Math.max(1, Math.round(NUM_RUNS / 10)),
    );
  });
});

