// Reader: YAML text → plain data, plus a way to find where any part of it was written.
// Positions come from the `yaml` library's CST ranges, so every later error can point at a line and column.

// An ordinary article is read by the fast path instead (fast-yaml.ts), many times faster; the `yaml`
// library is then loaded and run only if a message needs a position.

import type { Document, Node, Pair, YAMLMap } from "yaml";
import type { Diagnostic, Position } from "../lib/diagnostic.ts";
import { checkSourceText } from "./source-limits.ts";
import { documentProblems, firstAliasPosition } from "./yaml-content.ts";
import { loadFast } from "./fast-yaml.ts";
import { yamlLibrary } from "./yaml-library.ts";

export type PathSegment = string | number;

export type { Position };

export interface SourceDocument {
  file: string;
  data: unknown;
  /** Where the value at `path` starts; with `key`, where that key of the mapping at `path` is written. */
  positionOf(path: readonly PathSegment[], key?: string): Position;
}

export type ReadResult = { ok: true; source: SourceDocument } | { ok: false; diagnostics: Diagnostic[] };

// Aliases may be used, but not to blow the document up ("billion laughs").
const MAX_ALIAS_COUNT = 100;

export function readYaml(text: string, file: string): ReadResult {
  const fast = loadFast(text);
  if (fast !== undefined) {
    let positions: SourceDocument["positionOf"] | undefined;
    const positionOf: SourceDocument["positionOf"] = (path, key) => {
      // The fast path accepts only what the `yaml` reader reads without a problem, so this reading succeeds.
      if (!positions) {
        const full = readWithYamlLibrary(text, file);
        if (!full.ok) throw new Error(`${file}: the YAML readers disagree: ${full.diagnostics[0]?.message}`);
        positions = full.source.positionOf;
      }
      return positions(path, key);
    };
    return { ok: true, source: { file, data: fast.data, positionOf } };
  }
  return readWithYamlLibrary(text, file);
}

/** The reader of record: the `yaml` library with every node's position, and a message for every problem. */
export function readWithYamlLibrary(text: string, file: string): ReadResult {
  const { LineCounter, parseDocument } = yamlLibrary();
  // Size, binary content, control characters and nesting depth are refused before parsing.
  const limits = checkSourceText(text, file);
  if (limits.length > 0) return { ok: false, diagnostics: limits };
  const lineCounter = new LineCounter();
  // Duplicate keys are found by yaml-content.ts: the yaml library's own check compares every key
  // with every other, which takes minutes for a mapping of 60 000 keys.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true, version: "1.2" });
  const toPos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };

  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((error) => {
        const { line, col } = toPos(error.pos[0]);
        return yamlErrorDiagnostic(file, line, col, error.code, error.message, text, error.pos[0]);
      }),
    };
  }

  // Tags other than the plain core ones, and a file with no data, are refused at their place.
  const content = documentProblems(doc, file, toPos);
  if (content.length > 0) return { ok: false, diagnostics: content };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      ok: false,
      diagnostics: [
        {
          file,
          ...firstAliasPosition(doc, toPos),
          message: `the YAML's aliases (*name) expand to too much data: ${(error as Error).message}`,
          expected: `at most ${MAX_ALIAS_COUNT} alias expansions`,
          found: "more",
        },
      ],
    };
  }

  return {
    ok: true,
    source: {
      file,
      data,
      positionOf: (path, key) => toPos(offsetOf(doc, path, key)),
    },
  };
}

function yamlErrorDiagnostic(file: string, line: number, col: number, code: string, message: string, text: string, offset: number): Diagnostic {
  const firstLine = message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (code === "TAG_RESOLVE_FAILED") {
    return { file, line, col, message: `an unknown YAML tag: ${firstLine}`, expected: "plain values, or one of the tags !!str, !!int, !!float, !!bool, !!null, !!seq, !!map", found: "a tag the reader does not know" };
  }
  if (code === "RESOURCE_EXHAUSTION") {
    return { file, line, col, message: "the YAML is nested too deeply to be read", expected: "at most a few dozen levels of nesting", found: "more" };
  }
  if (code === "DUPLICATE_KEY") {
    const key = /^[^\s:]+/.exec(text.slice(offset))?.[0] ?? "";
    return { file, line, col, message: `duplicate key ${JSON.stringify(key)}`, expected: "each key once in a mapping", found: "it a second time" };
  }
  return { file, line, col, message: `YAML syntax error (${code}): ${firstLine}` };
}

/** The offset of the deepest node that exists along `path` (a missing part points at its parent). */
function offsetOf(doc: Document, path: readonly PathSegment[], key?: string): number {
  const { isMap } = yamlLibrary();
  let node: Node | null | undefined = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const segment of path) {
    const next = childOf(node, segment);
    if (!next) break;
    node = next.value;
    offset = next.value?.range?.[0] ?? next.keyOffset ?? offset;
  }
  if (key !== undefined && isMap(node)) {
    const pair = pairsOf(node).get(key);
    const at = (pair?.key as Node | undefined)?.range?.[0];
    if (at !== undefined) return at;
  }
  return offset;
}

function childOf(node: Node | null | undefined, segment: PathSegment): { value: Node | null; keyOffset?: number } | undefined {
  const { isMap, isSeq } = yamlLibrary();
  if (isMap(node)) {
    const pair = pairsOf(node).get(String(segment));
    if (!pair) return undefined;
    return { value: pair.value as Node | null, keyOffset: (pair.key as Node).range?.[0] };
  }
  if (isSeq(node) && typeof segment === "number") {
    const item = node.items[segment] as Node | undefined;
    return item ? { value: item } : undefined;
  }
  return undefined;
}

/** Each mapping's pairs by key (the first of a key), built once: a problem per key of a big mapping stays linear. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairsOf(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    const { isPair, isScalar } = yamlLibrary();
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item as Pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}
