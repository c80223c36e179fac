// The benchmark's synthetic corpus (scripts/bench/generate-corpus.ts): the same count gives the same
// bytes, and its articles, references between them included, export without a problem. Timings are
// the benchmark's job (npm run bench), never asserted here.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../scripts/bench/generate-corpus.ts";
import { exportInMemory } from "./reference/pipeline.ts";
import { FORMATS } from "../scripts/writers/index.ts";
import { snapshot, tempDir } from "./helpers.ts";

// Article 0 is a network, article 3 one of its members (it refers to the network's entities).
const COUNT = 4;

describe("the benchmark's synthetic corpus", () => {
  it("is deterministic: the same count gives the same files, byte for byte", () => {
    const a = generateCorpus(join(tempDir("bench-gen-"), "source"), COUNT);
    const b = generateCorpus(join(tempDir("bench-gen-"), "source"), COUNT);
    const first = snapshot(a.dir);
    expect(first.size).toBe(COUNT);
    expect(snapshot(b.dir)).toEqual(first);
    expect(b.bytes).toBe(a.bytes);
    // Realistic text is not only ASCII.
    const texts = readdirSync(a.dir).map((name) => readFileSync(join(a.dir, name), "utf8")).join("");
    expect(texts).toMatch(/[^\x00-\x7f]/);
  });

  it("exports without problems, and a member's reference to its network becomes a link by IRI", () => {
    const dir = generateCorpus(join(tempDir("bench-gen-"), "source"), COUNT).dir;
    const sources = readdirSync(dir)
      .sort()
      .map((name) => ({ file: `source/${name}`, text: readFileSync(join(dir, name), "utf8") }));
    const result = exportInMemory(sources, FORMATS);
    expect(result.ok ? [] : result.diagnostics).toEqual([]);
    if (!result.ok) return;
    expect(result.articles.map((a) => a.slug)).toEqual(["network-0000", "org-00001", "org-00002", "org-00003"]);
    for (const article of result.articles) expect(article.artifacts.size).toBe(FORMATS.length);
    const member = result.articles.find((a) => a.slug === "org-00003")!;
    const network = "https://org-articles.example/network-0000#network-0000";
    expect(member.graph.statements.some((s) => s.object.termType === "NamedNode" && s.object.value === network)).toBe(true);
  });
});
