// A corpus of several articles: each gets its artifacts, dist/ also gets the combined files, an
// article's reference to another's entity ("slug/id") becomes a link by IRI, and a reference to
// nothing is an error at the referring line.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import N3 from "n3";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { checkDist } from "../scripts/check/artifacts.ts";
import { COMBINED, EVENT_COLUMNS, ORGANIZATION_COLUMNS } from "../scripts/writers/combined-files.ts";
import { organizationsHeader } from "../scripts/corpus/combined-csv.ts";
import { ROOT, runExport, tempDir } from "./helpers.ts";
import { exportInMemory } from "./reference/pipeline.ts";

const LINKED = join(ROOT, "tests/fixtures/linked-corpus");
const SCHEMA = "http://schema.org/";
const iri = (slug: string, id: string) => `https://org-articles.example/${slug}#${id}`;
const sharedIri = (id: string) => `https://org-articles.example/corpus#${id}`;

function exportLinked(): string {
  const out = join(tempDir("corpus-"), "dist");
  const result = runExport(["--source", LINKED, "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/^exported: 2 articles, 23 files, \d+ bytes/);
  return out;
}

const csvRows = (text: string) => Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });

describe("a corpus of two linked articles", () => {
  const out = exportLinked();
  const read = (name: string) => readFileSync(join(out, name), "utf8");

  it("links the member to the network's entities by IRI, in its own graph and in the combined one", () => {
    const member = new N3.Parser().parse(read("member.ttl"));
    const has = (s: string, p: string, o: string) => member.some((q) => q.subject.value === s && q.predicate.value === SCHEMA + p && q.object.value === o);
    expect(has(iri("member", "member"), "parentOrganization", iri("network", "network"))).toBe(true);
    // Montréal is the corpus's one node for it (graph/shared.ts), referred to as corpus/montreal.
    expect(has(iri("member", "joint-statement"), "location", sharedIri("montreal"))).toBe(true);
    expect(has(iri("member", "joint-statement"), "superEvent", iri("network", "general-assembly-2019"))).toBe(true);
    // The combined graph: both articles' triples, so the link reaches a described node.
    const all = new N3.Parser({ format: "N-Triples" }).parse(read(COMBINED.nTriples));
    const names = new Map(all.filter((q) => q.predicate.value === `${SCHEMA}name`).map((q) => [q.subject.value, q.object.value]));
    expect(names.get(iri("network", "general-assembly-2019"))).toBe("General assembly 2019");
    // Each article's triples, the shared entities' once.
    const key = (q: N3.Quad) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}${q.object.value}`;
    const union = new Set([...new N3.Parser({ format: "N-Triples" }).parse(read("member.nt")), ...new N3.Parser({ format: "N-Triples" }).parse(read("network.nt"))].map(key));
    expect(all.length).toBe(union.size);
    expect(new Set(all.map(key)).size).toBe(all.length);
    expect(new N3.Parser().parse(read(COMBINED.turtle)).length).toBe(all.length);
  });

  it("shows the other article's entity by name in the member's CSV", () => {
    const row = csvRows(read("member.csv")).data.find((r) => r.entity_id === "joint-statement" && r.property === "location")!;
    expect(row).toMatchObject({ value: "Montréal", value_type: "reference to City", value_iri: sharedIri("montreal") });
  });

  it("writes one row per organization, typed columns the same for every article (issue 14, 17 item 8)", () => {
    const parsed = csvRows(read(COMBINED.organizations));
    expect(parsed.errors).toEqual([]);
    // The first column is the slug; no column per infobox label (so no type and Type twice).
    expect(parsed.meta.fields).toEqual(organizationsHeader());
    expect(parsed.meta.fields!.slice(0, ORGANIZATION_COLUMNS.length)).toEqual(["slug", "id", "name", "type", "iri"]);
    expect(new Set(parsed.meta.fields!.map((f) => f.toLowerCase())).size).toBe(parsed.meta.fields!.length);
    const pick = (r: Record<string, string>) => ({ slug: r.slug, id: r.id, name: r.name, type: r.type, iri: r.iri, founding_date: r.founding_date, homepage: r.homepage, location: r.location, category: r.category });
    expect(parsed.data.map(pick)).toEqual([
      { slug: "member", id: "member", name: "Ōtepoti Press Watch", type: "NGO", iri: iri("member", "member"), founding_date: "2005-03", homepage: "https://press-watch.example/", location: "", category: expect.any(String) },
      { slug: "network", id: "network", name: "Réseau Libre", type: "NGO", iri: iri("network", "network"), founding_date: "1998", homepage: "", location: sharedIri("montreal"), category: expect.any(String) },
    ]);
    // A shared place is named by its corpus node, as the graphs name it: never the article's own IRI.
    expect(parsed.data.map((r) => r.location)).not.toContain(iri("network", "montreal"));
  });

  it("writes every dated event of every article in date order", () => {
    const parsed = csvRows(read(COMBINED.events));
    expect(parsed.meta.fields).toEqual([...EVENT_COLUMNS]);
    expect(parsed.data.map((r) => [r.start_date, r.article, r.event_id, r.location])).toEqual([
      ["2019-06", "network", "general-assembly-2019", "Montréal"],
      ["2019-06-14", "member", "joint-statement", "Montréal"],
      ["2020", "member", "annual-report", ""],
    ]);
  });

  it("passes make check, combined files and bundle included", async () => {
    const reports = await checkDist(out);
    expect(reports.map((r) => r.file.replace(/^.*\//, "")).filter((n) => n.startsWith("corpus."))).toEqual([COMBINED.events, COMBINED.nTriples, COMBINED.organizations, COMBINED.turtle, COMBINED.workbook]);
    expect(reports.flatMap((r) => r.violations)).toEqual([]);
    const manifest = JSON.parse(read("manifest.json"));
    expect(manifest.files.map((f: { path: string }) => f.path)).toContain(COMBINED.organizations);
  });
});

describe("references between articles", () => {
  it("reports a reference to nothing at the referring line, and writes nothing", () => {
    const out = join(tempDir("dangling-"), "dist");
    const result = runExport(["--source", join(ROOT, "tests/fixtures/dangling-link"), "--out", out]);
    expect(result.status).toBe(1);
    const text = readFileSync(join(ROOT, "tests/fixtures/dangling-link/member.yaml"), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("organizer: network/secretariat")) + 1;
    expect(existsSync(out)).toBe(false);
    expect(result.stderr).toMatch(new RegExp(`member\\.yaml:${line}:16: error: events\\[0\\]\\.organizer refers to "secretariat", which the article "network" does not define`));
  });

  it("refuses the slugs kept for the project's own files", () => {
    const sources = tempDir("reserved-");
    const text = readFileSync(join(LINKED, "network.yaml"), "utf8").replace("slug: network", "slug: vocab");
    writeFileSync(join(sources, "vocab.yaml"), text);
    const result = runExport(["--source", sources, "--out", join(tempDir("reserved-out-"), "dist")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error: the slug "vocab" is kept for the project\'s own files');
    // corpus.yaml is the corpus's settings (corpus/corpus-file.ts): an article there is refused at its keys.
    const corpusSources = tempDir("reserved-");
    writeFileSync(join(corpusSources, "corpus.yaml"), text.replace("slug: vocab", "slug: corpus"));
    writeFileSync(join(corpusSources, "network.yaml"), readFileSync(join(LINKED, "network.yaml"), "utf8"));
    const second = runExport(["--source", corpusSources, "--out", join(tempDir("reserved-out-"), "dist")]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/corpus\.yaml:\d+:\d+: error: unknown key "article"/);
  });
});

describe("what cannot be exported faithfully is refused at its place", () => {
  const network = readFileSync(join(LINKED, "network.yaml"), "utf8");
  const member = readFileSync(join(LINKED, "member.yaml"), "utf8");
  const problems = (memberText: string) => {
    const result = exportInMemory([
      { file: "member.yaml", text: memberText },
      { file: "network.yaml", text: network },
    ]);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.diagnostics.map((d) => `${d.line}:${d.col}: ${d.message}`);
  };

  it("an infobox place of another article (the infobox shows only this article's places as parts)", () => {
    const text = member.replace("type: url}\n", 'type: url}\n    - {label: Location, value: "Montréal, Québec, Canada", type: place, place: network/montreal}\n');
    const line = text.split("\n").findIndex((l) => l.includes("place: network/montreal")) + 1;
    expect(problems(text)).toEqual([`${line}:80: an infobox place must be a place of this article`]);
  });

  it("a URL with characters an IRI cannot hold", () => {
    for (const bad of ["a|b", "a^b", "a`b", "a<b", 'a"b', "a{b}", "a\\\\b"]) {
      const text = member.replace("homepage: https://press-watch.example/", `homepage: 'https://press-watch.example/${bad}'`);
      // The pattern and the uri format may both say so: at the same place, with the same words.
      expect([...new Set(problems(text))], bad).toEqual([`24:15: organizations[0].homepage is not well formed`]);
    }
  });
});
