// `make check` (scripts/cli/check.ts) as a user runs it: on an export of several real articles it
// passes with one line per article and artifact and a summary; on broken artifacts it fails, naming the file, the
// line, the node, the property and what was expected.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkDist } from "../scripts/check/artifacts.ts";
import { expectCheckPasses, runCheck } from "./corpus-checks.ts";
import { ifexDist, tempDir } from "./helpers.ts";
import { importedCorpusOut, sharedArticlesMissing } from "./shared-articles.ts";


/** A copy of IFEX's export (IFEX alone, tests/helpers.ts ifexDist) to break. */
function copyOfDist(): string {
  const dir = tempDir("dist-check-");
  cpSync(ifexDist(), dir, { recursive: true });
  return dir;
}

function edit(dir: string, name: string, change: (text: string) => string): void {
  const path = join(dir, name);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  expect(after, `the edit of ${name} changed nothing`).not.toBe(before);
  writeFileSync(path, after);
}

describe("make check", () => {
  it("passes on IFEX and the shared articles, one line per article and artifact in columns that line up, then a summary", async () => {
    // Of whatever articles the export holds (tests/corpus-checks.ts; IFEX's alone without ../shared),
    // the command line in a process of its own, as make runs it (the other tests call its main here).
    await expectCheckPasses(sharedArticlesMissing ? ifexDist() : importedCorpusOut(), { process: true });
  });

  it("passes on IFEX's export, its lines as expected", async () => {
    const dir = ifexDist();
    const { status, stdout } = await runCheck(["--dist", dir]);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.map((l) => l.split(/ +/).slice(0, 3).join(" "))).toEqual([
      ...["SHA256SUMS", "corpus.events.csv", "corpus.nt", "corpus.organizations.csv", "corpus.ttl", "corpus.xlsx", "datapackage.json"].map((f) => `ok ${f.startsWith("corpus") ? "corpus" : "bundle"} ${dir}/${f}`),
      ...["ifex.csv", "ifex.html", "ifex.infobox.json", "ifex.jsonld", "ifex.nt", "ifex.ttl", "ifex.xlsx"].map((f) => `ok ifex ${dir}/${f}`),
      `ok bundle ${dir}/manifest.json`,
      `ok bundle ${dir}/table-schema.json`,
      "check: 1 article,",
    ]);
    expect(lines.at(-1)).toBe("check: 1 article, 16 artifacts, all pass, 0 violations");
    await expectCheckPasses(dir);
  });

  it("fails on broken artifacts of every kind, saying where, which node and property, and what was expected", async () => {
    const dir = copyOfDist();
    edit(dir, "ifex.ttl", (t) => t.replace('schema:foundingDate "1992"^^xsd:gYear', 'schema:foundingDate "1992"'));
    edit(dir, "ifex.jsonld", (t) => t.replace('"areaServed": "Worldwide"', '"areaServd": "Worldwide"'));
    edit(dir, "ifex.csv", (t) => t.replace('"http://schema.org/containedInPlace","https://org-articles.example/corpus#ontario"', '"http://schema.org/containedInPlace","https://org-articles.example/ifex#rachael-kay"'));
    edit(dir, "ifex.infobox.json", (t) => t.replace('"year": 1992', '"year": "1992"'));
    const { status, stdout } = await runCheck(["--dist", dir]);
    expect(status).toBe(1);
    const ttlLine = readFileSync(join(dir, "ifex.ttl"), "utf8").split("\n").findIndex((l) => l.includes('schema:foundingDate "1992";')) + 1;
    expect(stdout).toContain(
      `${dir}/ifex.ttl:${ttlLine}:5: error: [schema.org vocabulary] ifex:ifex schema:foundingDate: a literal of a datatype outside the range of schema:foundingDate, expected Date (xsd:date, xsd:gYear, xsd:gYearMonth, schema:Date), found "1992"^^xsd:string`,
    );
    expect(stdout).toMatch(/ifex\.ttl:\d+:5: error: \[SHACL\] ifex:ifex schema:foundingDate: .*expected sh:node shape:Date/);
    expect(stdout).toMatch(/ifex\.jsonld:\d+:7: error: \[schema\.org vocabulary\] ifex:ifex schema:areaServd: schema:areaServd is not a property of schema\.org 30\.0, expected schema:areaServed/);
    expect(stdout).toMatch(/ifex\.csv:\d+:1: error: \[schema\.org vocabulary\] corpus:toronto schema:containedInPlace: .*outside its range \(it is a schema:Person\), expected a node of type schema:Place/);
    expect(stdout).toMatch(/ifex\.infobox\.json:\d+:17: error: \[JSON Schema\] \/fields\/1\/normalized\/year: a value of the wrong type, expected a value of type integer, found "1992"/);
    expect(stdout).toMatch(/^FAIL ifex +\S+ifex\.ttl .*: 2 violations$/m);
    // The four edited artifacts, the page embedding the edited JSON-LD, the workbook whose facts are
    // no longer the CSV's, and the three files that list checksums.
    expect(stdout).toMatch(/ifex\.xlsx:1:1: error: \[syntax\] the facts sheet's row \d+ is not the CSV's/);
    expect(stdout.trimEnd().split("\n").at(-1)).toMatch(/^check: 1 article, 16 artifacts, 9 failing, \d+ violations$/);
  });

  it("reports an artifact that cannot be read: Turtle that does not parse, JSON-LD that loses data", async () => {
    const dir = copyOfDist();
    edit(dir, "ifex.ttl", (t) => t.replace("corpus:canada a schema:Country, schema:AdministrativeArea, schema:Place, schema:DefinedRegion, schema:StructuredValue, schema:Intangible;", "corpus:canada a schema:Country, schema:AdministrativeArea, schema:Place, schema:DefinedRegion, schema:StructuredValue, schema:Intangible"));
    edit(dir, "ifex.jsonld", (t) => t.replace('"@id": "https://org-articles.example/corpus#toronto"', '"@id": "toronto"'));
    writeFileSync(join(dir, "ifex.xlsx"), "PK not a zip");
    const { status, stdout } = await runCheck(["--dist", dir]);
    expect(stdout).toMatch(/ifex\.xlsx:1:1: error: \[syntax\] not a workbook: /);
    expect(status).toBe(1);
    expect(stdout).toMatch(/ifex\.ttl:\d+:1: error: \[syntax\] not Turtle: /);
    expect(stdout).toMatch(/ifex\.jsonld:1:1: error: \[syntax\] not JSON-LD that expands without loss: relative @id reference/);
  });

  it("reports a file no check knows, and refuses a folder without artifacts", async () => {
    const dir = copyOfDist();
    writeFileSync(join(dir, "notes.txt"), "hello\n");
    const unknown = await runCheck(["--dist", dir]);
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain(`${dir}/notes.txt:1:1: error: [syntax] no check knows this kind of artifact`);
    const empty = await runCheck(["--dist", tempDir("empty-dist-")]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no artifacts to check/);
    expect((await runCheck(["--bogus"])).status).toBe(2);
    // The exit codes of the process itself.
    expect((await runCheck(["--bogus"], { process: true })).status).toBe(2);
  });
});

describe("references between articles", () => {
  // A second article whose organization is part of IFEX: its graph names ifex:ifex but does not describe it.
  const OTHER = `@prefix schema: <http://schema.org/> .
@prefix other: <https://org-articles.example/other#> .
@prefix ifex: <https://org-articles.example/ifex#> .
other:org a schema:Organization ; schema:name "Other"@en ; schema:foundingDate "2000"^^<http://www.w3.org/2001/XMLSchema#gYear> ; schema:parentOrganization ifex:ifex .
other:article a schema:Article, schema:CreativeWork ; schema:name "Other"@en ; schema:inLanguage "en" ; schema:about other:org .
`;

  it("checks a reference to another article's entity against that article's graph", async () => {
    const dir = copyOfDist();
    writeFileSync(join(dir, "other.ttl"), OTHER);
    const reports = await checkDist(dir);
    expect(reports.map((r) => [r.file.replace(/^.*\//, ""), r.violations])).toContainEqual(["other.ttl", []]);
  });

  it("reports the reference when no artifact describes the entity", async () => {
    const dir = tempDir("dist-other-");
    writeFileSync(join(dir, "other.ttl"), OTHER);
    const [report] = await checkDist(dir);
    expect(report!.violations).toContainEqual(
      expect.objectContaining({ check: "schema.org vocabulary", node: "https://org-articles.example/other#org", property: "http://schema.org/parentOrganization", message: "the value of schema:parentOrganization is a node with no schema.org type", line: 4 }),
    );
  });
});
