// `make check` finds every IRI that points to nothing (scripts/check/links.ts): in the corpus table,
// a graph, a workbook, an infobox. The corpus table names the shared place node, as the graphs do.

import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync, strFromU8 } from "fflate";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { checkDist } from "../scripts/check/artifacts.ts";
import { ifexDist, tempDir } from "./helpers.ts";

function copyOfDist(): string {
  const dir = tempDir("dist-links-");
  cpSync(ifexDist(), dir, { recursive: true });
  return dir;
}

const linkViolations = async (dir: string) =>
  (await checkDist(dir)).flatMap((r) => r.violations.filter((v) => v.check === "links").map((v) => ({ file: r.file.replace(/^.*\//, ""), node: v.node, line: v.line })));

describe("no IRI points to nothing", () => {
  it("holds for IFEX's export, whose corpus table names the shared places' nodes", async () => {
    const dir = ifexDist();
    expect(await linkViolations(dir)).toEqual([]);
    const [header, row] = Papa.parse<string[]>(readFileSync(join(dir, "corpus.organizations.csv"), "utf8").replace(/^\uFEFF/, "")).data;
    const location = row![header!.indexOf("location")];
    expect(location).toBe("https://org-articles.example/corpus#toronto");
  });

  it("reports an IRI no graph describes, in a table, a graph, an infobox and a workbook, with its line", async () => {
    const dir = copyOfDist();
    const table = join(dir, "corpus.organizations.csv");
    writeFileSync(table, readFileSync(table, "utf8").replace("https://org-articles.example/corpus#toronto", "https://org-articles.example/ifex#toronto"));
    const ttl = join(dir, "ifex.ttl");
    writeFileSync(ttl, `${readFileSync(ttl, "utf8")}\nifex:ifex schema:location ifex:atlantis.\n`);
    const infobox = join(dir, "ifex.infobox.json");
    writeFileSync(infobox, readFileSync(infobox, "utf8").replace('"iri": "https://org-articles.example/corpus#toronto"', '"iri": "https://org-articles.example/corpus#nowhere"'));
    const workbook = join(dir, "ifex.xlsx");
    const parts = unzipSync(readFileSync(workbook));
    const facts = "xl/worksheets/sheet6.xml";
    parts[facts] = strToU8(strFromU8(parts[facts]!).replace("https://org-articles.example/corpus#canada", "https://org-articles.example/corpus#kanada"));
    writeFileSync(workbook, zipSync(parts));
    const found = await linkViolations(dir);
    expect(found).toContainEqual({ file: "corpus.organizations.csv", node: "https://org-articles.example/ifex#toronto", line: 2 });
    expect(found).toContainEqual(expect.objectContaining({ file: "ifex.ttl", node: "https://org-articles.example/ifex#atlantis" }));
    expect(found).toContainEqual(expect.objectContaining({ file: "ifex.infobox.json", node: "https://org-articles.example/corpus#nowhere" }));
    expect(found).toContainEqual(expect.objectContaining({ file: "ifex.xlsx", node: "https://org-articles.example/corpus#kanada" }));
    // Nothing else: the vocabulary's terms and the graphs' nodes are no such IRIs.
    expect(found).toHaveLength(4);
  });
});
