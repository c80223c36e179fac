// An export with problems: each article's job says its own problems, and the main thread those of
// references between articles (scripts/corpus/export-corpus.ts), without checking the corpus again.
// What it reports is exactly what checkCorpus (scripts/corpus/check-corpus.ts), reading every text at once, reports.

import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportCorpus } from "../scripts/corpus/export-corpus.ts";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";
import { sortDiagnostics } from "../scripts/lib/diagnostic.ts";
import { FORMATS } from "../scripts/writers/formats.ts";
import { ROOT, tempDir } from "./helpers.ts";

function brokenCorpus(edits: Record<string, (text: string) => string>): string {
  const source = join(tempDir("engine-problems-"), "source");
  cpSync(join(ROOT, "tests/fixtures/linked-corpus"), source, { recursive: true });
  for (const [name, edit] of Object.entries(edits)) {
    const path = join(source, name);
    let text = "";
    try {
      text = readFileSync(path, "utf8");
    } catch {
      // a new file
    }
    writeFileSync(path, edit(text));
  }
  return source;
}

async function expectSameAsChecker(source: string, threads: number): Promise<void> {
  const outcome = await exportCorpus({ sourceDir: source, outDir: join(tempDir("engine-problems-out-"), "dist"), formats: FORMATS, threads });
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  const names = readdirSync(source).filter((n) => n.endsWith(".yaml")).sort();
  const expected = checkCorpus(names.map((n) => ({ file: join(source, n), text: readFileSync(join(source, n), "utf8") })));
  const shown = (list: typeof expected) => sortDiagnostics([...list]).map((d) => JSON.stringify({ ...d, file: d.file.replace(/^.*[\\/]/, "") }));
  expect(shown(outcome.diagnostics)).toEqual(shown(expected));
  expect(outcome.diagnostics.length).toBeGreaterThan(0);
}

describe("an export's problems, found by the articles' jobs", () => {
  for (const threads of [0, 2]) {
    it(`are checkCorpus's: references to a missing id, an article not in the corpus, the wrong kind (${threads} threads)`, async () => {
      const source = brokenCorpus({
        "member.yaml": (t) => t.replace("location: network/montreal", "location: network/montreel").replace("superEvent: network/general-assembly-2019", "superEvent: network/network").replace("parentOrganization: network/network", "parentOrganization: nowhere/network"),
      });
      await expectSameAsChecker(source, threads);
    });

    it(`are checkCorpus's: schema and rule problems in one article, a broken file, references into it not judged (${threads} threads)`, async () => {
      const source = brokenCorpus({
        "member.yaml": (t) => t.replace("location: network/montreal", "location: network/montreel").replace(/^(\s+)name: /m, "$1nam: "),
        "network.yaml": () => "article: [unclosed\n",
        "zz.yaml": () => "just: text\n",
      });
      await expectSameAsChecker(source, threads);
    });
  }
});
