// Issue 15: one graph that joins the world's knowledge graphs. A corpus of IFEX and the real articles
// of ../shared/articles/ (imported into a temporary folder, never copied into the project), exported
// with a base set in its corpus.yaml: every IRI under the base, one node per country, city and
// language, ISO codes, postal addresses, Wikidata links, IFEX's CJFE joined to the CJFE article, and
// questions across articles answered by Oxigraph. Then the base and Wikidata items refused at their line.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import oxigraph from "oxigraph";
import { describe, expect, it } from "vitest";
import { ifexYaml, runExport, tempDir } from "./helpers.ts";
import { runCheck } from "./corpus-checks.ts";
import { importedCorpusDist, sharedArticlesMissing } from "./shared-articles.ts";

const have = sharedArticlesMissing === undefined;
if (!have) console.warn(`corpus graph tests skipped: ${sharedArticlesMissing}`);

const BASE = "https://data.example.org/org-articles/";
const S = "http://schema.org/";
const WD = "http://www.wikidata.org/entity/";

describe.skipIf(!have)("a corpus of IFEX and the real articles, exported with a base", () => {
  // IFEX and the imported articles, the corpus's settings with a base.
  const { dist, exported } = have ? importedCorpusDist(`base: ${BASE}\n`) : { dist: "", exported: { status: 0, stdout: "", stderr: "" } };
  const nt = have && exported.status === 0 ? readFileSync(join(dist, "corpus.nt"), "utf8") : "";
  const store = new oxigraph.Store();
  if (nt) store.load(nt, { format: "application/n-triples" });
  const select = (query: string): string[][] =>
    (store.query(`PREFIX schema: <${S}>\n${query}`) as Map<string, oxigraph.Term>[]).map((row) => [...row.values()].map((t) => t.value));

  it("exports and passes make check, and the summary line does not speak of the example base", async () => {
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    expect(exported.stdout).not.toContain("example base");
    const check = await runCheck(["--dist", dist]);
    expect(check.stdout).toContain("all pass");
    expect(check.status).toBe(0);
  });

  it("mints every IRI under the base; only the project's vocabulary keeps its namespace", () => {
    const iris = [...nt.matchAll(/<([^>]*)>/g)].map((m) => m[1]!);
    const minted = iris.filter((iri) => !iri.startsWith(S) && !iri.startsWith("http://www.w3.org/") && !iri.startsWith("http://purl.org/dc/") && !iri.startsWith(WD) && !iri.startsWith("https://sws.geonames.org/"));
    const outside = minted.filter((iri) => !iri.startsWith(BASE) && !iri.startsWith("https://org-articles.example/vocab#"));
    // Links out of the graph (homepages, the articles' sources and licenses) are schema:url / isBasedOn / license objects.
    const linksOut = new Set([...nt.matchAll(/<[^>]*> <http:\/\/schema\.org\/(?:url|isBasedOn|license|logo|additionalType)> <([^>]*)>/g)].map((m) => m[1]!));
    expect(outside.filter((iri) => !linksOut.has(iri))).toEqual([]);
    expect(nt).not.toMatch(/<https:\/\/org-articles\.example\/(?!vocab#)/);
    for (const name of readdirSync(dist).filter((n) => /\.(nt|ttl|jsonld|html|csv|json)$/.test(n) && n !== "datapackage.json" && n !== "manifest.json")) {
      expect(readFileSync(join(dist, name), "utf8"), name).not.toMatch(/https:\/\/org-articles\.example\/(?!vocab#|schemas\/)/);
    }
  });

  it("has one node for Canada, the United Kingdom, London and French, with their ISO codes and Wikidata items", () => {
    const named = (type: string, name: string) => select(`SELECT DISTINCT ?n WHERE { ?n a schema:${type} ; schema:name "${name}"@en }`).map((r) => r[0]);
    expect(named("Country", "Canada")).toEqual([`${BASE}corpus#canada`]);
    expect(named("Country", "United Kingdom")).toEqual([`${BASE}corpus#united-kingdom`]);
    expect(named("City", "London")).toEqual([`${BASE}corpus#london`]);
    expect(named("Language", "French")).toEqual([`${BASE}corpus#french`]);
    expect(select(`SELECT ?c WHERE { <${BASE}corpus#canada> schema:addressCountry ?c }`)).toEqual([["CA"]]);
    expect(select(`SELECT ?c WHERE { <${BASE}corpus#united-kingdom> schema:addressCountry ?c }`)).toEqual([["GB"]]);
    expect(select(`SELECT ?w WHERE { <${BASE}corpus#french> schema:sameAs ?w }`)).toEqual([[`${WD}Q150`]]);
    expect(select(`SELECT ?c WHERE { <${BASE}corpus#french> schema:identifier ?c }`)).toEqual([["fr"]]);
    expect(select(`SELECT ?g WHERE { <${BASE}corpus#london> schema:sameAs ?g FILTER(STRSTARTS(STR(?g), "https://sws.geonames.org/")) }`)).toEqual([["https://sws.geonames.org/2643743/"]]);
    // Every country of the graph has its ISO code.
    expect(select("SELECT ?c WHERE { ?c a schema:Country FILTER NOT EXISTS { ?c schema:addressCountry ?code } }")).toEqual([]);
  });

  it("gives organizations a schema:PostalAddress with the country's ISO code", () => {
    const address = (slug: string) =>
      select(`SELECT ?locality ?country WHERE { <${BASE}${slug}#${slug}> schema:address ?a . ?a a schema:PostalAddress ; schema:addressCountry ?country . OPTIONAL { ?a schema:addressLocality ?locality } }`);
    expect(address("article-19")).toEqual([["London", "GB"]]);
    expect(address("ifex")).toEqual([["Toronto", "CA"]]);
    expect(select(`SELECT ?country WHERE { <${BASE}canadian-journalists-for-free-expression#canadian-journalists-for-free-expression> schema:address/schema:addressCountry ?country }`)).toEqual([["CA"]]);
  });

  it("joins IFEX's CJFE to the CJFE article's organization, and says so", () => {
    const cjfe = `${BASE}canadian-journalists-for-free-expression#canadian-journalists-for-free-expression`;
    expect(select(`SELECT ?o WHERE { <${BASE}ifex#cjfe> schema:sameAs ?o }`)).toEqual([[cjfe]]);
    expect(exported.stdout).toContain(`linked: ${BASE}ifex#cjfe schema:sameAs ${cjfe}`);
    // The combined N-Triples stay sorted and unique: one line per triple.
    const lines = nt.split("\n").filter((l) => l !== "");
    expect(lines.every((line, i) => i === 0 || lines[i - 1]! < line)).toBe(true);
  });

  it("answers questions across articles: based in Canada, in London, publishing in French", () => {
    const based = (place: string) =>
      select(`SELECT DISTINCT ?name WHERE { ?o a schema:Organization ; schema:name ?name ; schema:location/schema:containedInPlace* <${BASE}corpus#${place}> } ORDER BY ?name`).map((r) => r[0]);
    expect(based("canada")).toEqual(expect.arrayContaining(["Canadian Journalists for Free Expression", "IFEX"]));
    expect(based("london").map((n) => n!.toUpperCase())).toEqual(expect.arrayContaining(["ARTICLE 19"]));
    expect(based("canada").map((n) => n!.toUpperCase())).not.toContain("ARTICLE 19");
    const french = select(`SELECT DISTINCT ?name WHERE {
        ?o a schema:Organization ; schema:name ?name .
        { ?work schema:publisher ?o ; schema:inLanguage ?l } UNION { ?o schema:knowsLanguage ?l }
        ?l schema:sameAs <${WD}Q150> } ORDER BY ?name`).map((r) => r[0]);
    expect(french).toContain("IFEX");
  });
});

describe("the base and Wikidata items are refused at their line", () => {
  const withCorpusFile = (text: string) => {
    const source = tempDir("corpus-file-");
    writeFileSync(join(source, "ifex.yaml"), ifexYaml());
    writeFileSync(join(source, "corpus.yaml"), text);
    return source;
  };

  it("a base that is not an http(s) IRI ending with /", () => {
    for (const bad of ["ftp://data.example.org/", "https://data.example.org/orgs", "https://data.example.org/?x=1", "not an IRI"]) {
      const source = withCorpusFile(`# settings\nbase: ${bad}\n`);
      const result = runExport(["--source", source, "--out", join(tempDir("corpus-file-out-"), "dist")]);
      expect(result.status, bad).toBe(1);
      expect(result.stderr, bad).toMatch(/corpus\.yaml:2:7: error: the base .* cannot be used/);
    }
  });

  it("a bad --base on the command line", () => {
    const result = runExport(["--source", withCorpusFile(""), "--out", join(tempDir("corpus-file-out-"), "dist"), "--base", "https://x.example/no-slash"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("does not end with /");
  });

  it("a malformed wikidata: item, in corpus.yaml and in an article", () => {
    const source = withCorpusFile("places:\n  - {id: canada, type: Country, name: Canada, wikidata: Q16x}\n");
    const result = runExport(["--source", source, "--out", join(tempDir("corpus-file-out-"), "dist")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/corpus\.yaml:2:\d+: error: the Wikidata item is malformed/);
    const article = ifexYaml().replace("    name: IFEX\n", "    name: IFEX\n    wikidata: 1234\n");
    const line = article.split("\n").indexOf("    wikidata: 1234") + 1;
    const source2 = withCorpusFile("");
    writeFileSync(join(source2, "ifex.yaml"), article);
    const second = runExport(["--source", source2, "--out", join(tempDir("corpus-file-out-"), "dist")]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`ifex\\.yaml:${line}:\\d+: error: .*wikidata`));
  });

  // Q4115189 is Wikidata's sandbox item: well formed, and claims nothing about IFEX.
  it("a well-formed item becomes schema:sameAs, and the example base is named when it is used", () => {
    const article = ifexYaml().replace("    name: IFEX\n", "    name: IFEX\n    wikidata: Q4115189\n");
    const source = withCorpusFile("");
    writeFileSync(join(source, "ifex.yaml"), article);
    const dist = join(tempDir("corpus-file-out-"), "dist");
    const result = runExport(["--source", source, "--out", dist]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("IRIs under the example base https://org-articles.example/");
    expect(readFileSync(join(dist, "ifex.nt"), "utf8")).toContain(`<https://org-articles.example/ifex#ifex> <${S}sameAs> <${WD}Q4115189> .`);
  });
});
