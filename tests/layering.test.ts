// The pipeline's layers, from the import statements of scripts/**/*.ts: every import points down
// the layers (cli → corpus → publish → pipeline → writers → validate, graph → model → read → lib),
// or stays in its folder; no module imports one that imports it back, however far round; no module
// of scripts/ imports tests/. A newcomer follows an article from the command line down, never back up.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

/**
 * Each folder of scripts/ (and scripts/pipeline.ts) with its layer: a module imports only from its
 * own folder or a lower layer. Folders of one layer do not import each other.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["lib"],
  ["read", "gazetteer", "vocabulary", "report"],
  ["model"],
  ["validate", "graph"],
  ["writers"],
  ["datapackage"],
  ["pipeline.ts"],
  ["publish"],
  ["corpus", "review"],
  ["check", "import", "fidelity"],
  ["cli", "docs", "bench", "dev"],
];

const SCRIPTS = join(ROOT, "scripts");

/** The layer's name of a module of scripts/: its folder, or the file itself at the top. */
function partOf(file: string): string {
  return relative(SCRIPTS, file).split("/")[0]!;
}

function layerOf(part: string): number {
  return LAYERS.findIndex((layer) => layer.includes(part));
}

/** Every module of scripts/ → the modules it imports (static, dynamic and re-exports), as absolute paths. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SCRIPTS, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(SCRIPTS, name));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    graph.set(
      file,
      importedFiles.map((imported) => imported.fileName).filter((name) => name.startsWith(".")).map((name) => resolve(dirname(file), name)),
    );
  }
  return graph;
}

/** Imports that climb: to a higher layer, or across folders of one layer, or out of scripts/. */
function upwardImports(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const shown = `${relative(ROOT, from)} → ${relative(ROOT, to)}`;
      if (!to.startsWith(`${SCRIPTS}/`)) {
        found.push(`${shown} (outside scripts/)`);
        continue;
      }
      const a = partOf(from);
      const b = partOf(to);
      if (a === b) continue;
      if (layerOf(a) < 0 || layerOf(b) < 0) found.push(`${shown} (a folder of no layer: add it to LAYERS)`);
      else if (layerOf(b) >= layerOf(a)) found.push(`${shown} (${b} is not below ${a})`);
    }
  }
  return found;
}

/** Every cycle of the graph (its strongly connected components of more than one module, and modules that import themselves), each as its modules. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iteratively (a deep recursion could overflow).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const [node, i] = frame;
      if (i === 0) {
        index.set(node, next);
        low.set(node, next++);
        stack.push(node);
        onStack.add(node);
      }
      const targets = (graph.get(node) ?? []).filter((t) => graph.has(t));
      if (i < targets.length) {
        frame[1]++;
        const target = targets[i]!;
        if (!index.has(target)) work.push([target, 0]);
        else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) === index.get(node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || targets.includes(node)) found.push(component.map((m) => relative(ROOT, m)).sort());
      }
    }
  }
  return found;
}

describe("the layers of scripts/", () => {
  const graph = importGraph();

  it("are read from every module's imports", () => {
    expect(graph.size).toBeGreaterThan(100);
    const pipeline = graph.get(join(SCRIPTS, "pipeline.ts"))!;
    expect(pipeline).toContain(join(SCRIPTS, "read/read-yaml.ts"));
    expect(pipeline).toContain(join(SCRIPTS, "writers/index.ts"));
  });

  it("only ever import downwards", () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it("import nothing in a cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("are checked as such: an import up a layer, across one, out of scripts/, and a cycle are found", () => {
    const at = (name: string) => join(SCRIPTS, name);
    const climbing = new Map([
      [at("corpus/pool.ts"), [at("cli/prebuilt.ts"), at("lib/project-path.ts")]],
      [at("validate/rules.ts"), [at("graph/shared.ts")]],
      [at("bench/x.ts"), [join(ROOT, "tests/helpers.ts")]],
      [at("cli/export.ts"), [at("corpus/export-corpus.ts")]],
    ]);
    expect(upwardImports(climbing)).toEqual([
      "scripts/corpus/pool.ts → scripts/cli/prebuilt.ts (cli is not below corpus)",
      "scripts/validate/rules.ts → scripts/graph/shared.ts (graph is not below validate)",
      "scripts/bench/x.ts → tests/helpers.ts (outside scripts/)",
    ]);
    const round = new Map([
      [at("read/read-yaml.ts"), [at("read/yaml-content.ts")]],
      [at("read/yaml-content.ts"), [at("read/read-yaml.ts")]],
      [at("lib/a.ts"), [at("lib/a.ts")]],
      [at("lib/b.ts"), [at("lib/a.ts")]],
    ]);
    expect(cycles(round)).toEqual([["scripts/read/read-yaml.ts", "scripts/read/yaml-content.ts"], ["scripts/lib/a.ts"]]);
  });
});
