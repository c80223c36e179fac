// What a well-formed YAML document may still not hold: no data at all, or explicit tags that turn
// text into something else (`!!binary` makes a byte buffer, `!!set` a Set, a custom `!tag` nothing
// the pipeline knows). The core tags (`!!str` to force text, `!!int`, ...) stay allowed.

import type { Document } from "yaml";
import { describeValue, type Diagnostic, type Position } from "../lib/diagnostic.ts";
import { yamlLibrary } from "./yaml-library.ts";

const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "seq", "map"].map((name) => `tag:yaml.org,2002:${name}`));

export function documentProblems(doc: Document, file: string, toPos: (offset: number) => Position): Diagnostic[] {
  const { isNode, isScalar, visit } = yamlLibrary();
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return [{ file, line: 1, col: 1, message: "the file holds no data", expected: "an article: a mapping with article, infobox and organizations", found: "an empty document" }];
  }
  const problems: Diagnostic[] = [];
  // A %YAML 1.1 directive would make yes a boolean, 017 the number 15 and 2020-01-01 a timestamp.
  if (doc.directives?.yaml.version !== "1.2") {
    problems.push({ file, ...toPos(0), message: `the file asks for YAML ${doc.directives?.yaml.version}, which reads yes, 017 and dates differently`, expected: "YAML 1.2 (remove the %YAML directive)", found: `%YAML ${doc.directives?.yaml.version}` });
  }
  const checkTag = (node: unknown) => {
    if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      problems.push({
        file,
        ...toPos(node.range?.[0] ?? 0),
        message: `the YAML tag ${JSON.stringify(node.tag.replace(/^tag:yaml\.org,2002:/, "!!"))} is not allowed in an article`,
        expected: "plain values, or one of the tags !!str, !!int, !!float, !!bool, !!null, !!seq, !!map",
        found: JSON.stringify(node.tag),
      });
    }
  };
  // (visit calls the most specific visitor only: mappings go to Map, everything else to Node.)
  visit(doc, {
    Map(_key, map) {
      checkTag(map);
      // Each key once per mapping, compared as the data will have them (1 and "1" are the same key).
      const seen = new Set<string>();
      for (const pair of map.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(name)) {
          const at = isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
          problems.push({ file, ...toPos(at), message: `duplicate key ${describeValue(name)}`, expected: "each key once in a mapping", found: "it a second time" });
        }
        seen.add(name);
      }
    },
    Node(_key, node) {
      checkTag(node);
    },
  });
  return problems;
}

export function firstAliasPosition(doc: Document, toPos: (offset: number) => Position): Position {
  const { isAlias, visit } = yamlLibrary();
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return toPos(offset);
}
