// "A second organization is a second YAML file, nothing else": an export of IFEX plus a copy of it
// under another slug passes the checks of a whole export (tests/corpus-checks.ts): the command line's summary, `make check` with its columns, the
// documentation's SPARQL queries over every Turtle file, and IFEX's own questions over its own file.

import { cpSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, documentedQueries, expectCheckPasses, expectRowsAllBound, ifexQuestions, isEventListing, slugsOf, storeOf, turtleFiles } from "./corpus-checks.ts";
import { IFEX_SOURCE, ifexYaml, runExport, tempDir } from "./helpers.ts";
import { ifex } from "./ifex.ts";

// The summary line ("; IRIs under the example base …" follows when no base is set, issue 15).
const SUMMARY = /^(exported|unchanged): (\d+) articles?, (\d+) files, (\d+) bytes in .+ \(\d+\.\d\d s\)(?:; IRIs under the example base .*)?$/;

/** A source folder with IFEX and a copy of it under `slug` (its slug changed, nothing else), and an output folder. */
function twoArticles(slug: string): { source: string; out: string } {
  const root = tempDir("added-article-");
  const source = join(root, "source");
  // IFEX and the corpus's settings (its shared places), tests/fixtures/ifex/.
  cpSync(IFEX_SOURCE, source, { recursive: true });
  const text = ifexYaml();
  const copy = text.replace(/^ {2}slug: ifex$/m, `  slug: ${slug}`);
  expect(copy, "the slug line of tests/fixtures/ifex/ifex.yaml moved").not.toBe(text);
  writeFileSync(join(source, `${slug}.yaml`), copy);
  return { source, out: join(root, "dist") };
}

describe("an added article (a copy of IFEX as ifex-copy)", () => {
  const { source, out } = twoArticles("ifex-copy");
  const first = runExport(["--source", source, "--out", out]);

  it("is exported: the summary counts both articles and every file, then says unchanged", () => {
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const [, verb, articles, files] = SUMMARY.exec(first.stdout.trim())!;
    expect([verb, articles, files]).toEqual(["exported", "2", String(readdirSync(out).length)]);
    expect(slugsOf(out)).toEqual(["ifex", "ifex-copy"]);
    expect(SUMMARY.exec(runExport(["--source", source, "--out", out]).stdout.trim())?.slice(1, 3)).toEqual(["unchanged", "2"]);
  });

  it("passes make check, one line per file in columns that line up, summary 2 articles", async () => {
    await expectCheckPasses(out);
  });

  it("answers the documentation's SPARQL queries over every Turtle file; the event listing gets both articles' events", () => {
    const store = storeOf(turtleFiles(out));
    const dated = ifex().model.events.filter((e) => e.startDate).map((e) => e.name);
    for (const { where, query } of documentedQueries()) {
      const { results } = expectRowsAllBound(store, query, where);
      // corpus.ttl repeats every article's statements: the same triples, no more rows.
      if (isEventListing(query)) expect(results.bindings.map((row) => row.name!.value).sort(), where).toEqual([...dated, ...dated].sort());
    }
  });

  it("leaves IFEX's own questions answered as before, over IFEX's own Turtle", () => {
    const store = storeOf([join(out, "ifex.ttl")]);
    for (const { name, query, expected } of ifexQuestions()) expect(answer(store, query), name).toBe(expected);
  });
});
