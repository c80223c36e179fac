// The fast path of the reader: js-yaml turns an ordinary article into data about twenty times
// faster than the `yaml` library with its source positions, after checks on the text
// (fast-yaml-precheck.ts). The `yaml` library stays the reader
// of record (read-yaml.ts): it reads every text this path declines, gives positions for messages
// (lazily, only when a message needs one) and says what is wrong with broken YAML.
//
// The fast path must give exactly the data the `yaml` reader gives, and must never accept what that
// reader refuses. So it declines (returns undefined) whenever it is not certain:
// - anything the source limits could refuse (size, NUL, control characters, nesting depth);
// - directives, document markers, tags, anchors, aliases, explicit keys, collections as keys,
//   tabs, carriage returns, byte order marks, a `:` far out on a very long line (KEY_OVER_1024_CHARS);
// - flow collections written over more than one line (the `yaml` library warns about some indents);
// - keys that the two libraries turn into text differently (null), or that are special (__proto__, <<);
// - a sequence item with nothing after its `-` on the line, a `#` right after `]`, `}` or a quote,
//   and a block scalar starting with blank lines: js-yaml reads some of these differently;
// - any js-yaml error or warning (duplicate keys, broken YAML, several documents) and an empty document.
// Scalars resolve by the `yaml` library's YAML 1.2 core schema (its regular expressions and
// conversions, in core-scalars.ts), not js-yaml's default schema, which also reads 1_000 and 0b101.
// tests/fast-yaml.test.ts checks both readers give the same data, over generated documents too.

import jsYaml from "js-yaml";
import { MAX_NESTING } from "./source-limits.ts";
import { precheck } from "./fast-yaml-precheck.ts";
import { coreValue, TEXT } from "./core-scalars.ts";

const { FAILSAFE_SCHEMA, Type } = jsYaml;


/**
 * One implicit type for the four: js-yaml asks each implicit type in turn about every plain
 * scalar, so one type asks once. js-yaml calls construct right after a resolve that matched,
 * with the same scalar: resolve keeps the value for it.
 */
let resolved: unknown;
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:core-1.2", {
      kind: "scalar",
      resolve: (s: string) => (resolved = coreValue(s)) !== TEXT,
      construct: () => resolved,
    }),
  ],
});

/** The data of the document, or undefined when the `yaml` reader must read it. */
export function loadFast(text: string): { data: unknown } | undefined {
  // The checks on the text alone, in one pass (fast-yaml-precheck.ts).
  const indent = precheck(text);
  if (indent === undefined) return undefined;
  let multilineFlow = false;
  let warned = false;
  const opened: number[] = [];
  let data: unknown;
  try {
    data = jsYaml.load(text, {
      schema: CORE_1_2,
      onWarning: () => {
        warned = true;
      },
      // A flow collection over several lines: node content starts with [ or { and holds a line end.
      listener(event, state) {
        if (event === "open") {
          opened.push(state.position);
          return;
        }
        const start = opened.pop()!;
        if (!multilineFlow && (state.kind === "sequence" || state.kind === "mapping")) {
          const first = firstContent(text, start);
          if ((text[first] === "[" || text[first] === "{") && text.slice(first, state.position).includes("\n")) multilineFlow = true;
        }
      },
    });
  } catch {
    return undefined;
  }
  if (warned || multilineFlow || data === undefined || data === null || typeof data !== "object") return undefined;
  // Nesting, as source-limits.ts bounds it (an upper bound of its count): at any token, the open
  // flow collections plus the `- ` indicators of the line are at most the data's depth (flow
  // collections here are on one line), and the indentation levels at most the line's indent.
  const depth = plainKeysDepth(data);
  if (depth === undefined || indent + depth > MAX_NESTING) return undefined;
  return { data };
}

/** The first character of a node starting at `from`: after spaces, line ends and comments. */
function firstContent(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) i++;
    else if (c === 0x23) {
      const end = text.indexOf("\n", i);
      if (end < 0) return text.length;
      i = end + 1;
    } else return i;
  }
}

/**
 * How deeply collections nest (a mapping of scalars: 1), or undefined if a key is one the two
 * libraries write differently (a null key is "null" in js-yaml, "" in `yaml`) or a special one.
 */
function plainKeysDepth(value: object): number | undefined {
  let deepest = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === "object") {
        const depth = plainKeysDepth(item as object);
        if (depth === undefined) return undefined;
        if (depth > deepest) deepest = depth;
      }
    }
    return deepest + 1;
  }
  // for...in, not Object.keys: no array of keys per mapping (js-yaml's mappings are plain objects).
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (key === "null" || key === "__proto__" || key === "<<") return undefined;
    const item = (value as Record<string, unknown>)[key];
    if (item !== null && typeof item === "object") {
      const depth = plainKeysDepth(item as object);
      if (depth === undefined) return undefined;
      if (depth > deepest) deepest = depth;
    }
  }
  return deepest + 1;
}
