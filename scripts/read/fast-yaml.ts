// The fast path of the reader: js-yaml turns an ordinary article into data about twenty times
// faster than the `yaml` library with its source positions. The `yaml` library stays the reader
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
// - any js-yaml error or warning (duplicate keys, broken YAML, several documents) and an empty document.
// Scalars resolve by the `yaml` library's YAML 1.2 core schema (its regular expressions and
// conversions are copied below), not js-yaml's default schema, which also reads 1_000 and 0b101.
// tests/fast-yaml.test.ts checks both readers give the same data, over generated documents too.

import jsYaml from "js-yaml";
import { FORBIDDEN_CHARACTER } from "../lib/characters.ts";
import { MAX_NESTING, MAX_SOURCE_BYTES } from "./source-limits.ts";

const { FAILSAFE_SCHEMA, Type } = jsYaml;

// yaml/dist/schema/common/null.js, core/bool.js, core/int.js, core/float.js (yaml 2.9.1).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** In the `yaml` library's order: the first type whose test matches a plain scalar wins. */
const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type("tag:yaml.org,2002:null", { kind: "scalar", resolve: (s: string) => NULL.test(s), construct: () => null }),
    new Type("tag:yaml.org,2002:bool", { kind: "scalar", resolve: (s: string) => BOOL.test(s), construct: (s: string) => s[0] === "t" || s[0] === "T" }),
    new Type("tag:yaml.org,2002:int", {
      kind: "scalar",
      resolve: (s: string) => INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s),
      construct: (s: string) => (INT_OCT.test(s) ? parseInt(s.substring(2), 8) : INT.test(s) ? parseInt(s, 10) : parseInt(s.substring(2), 16)),
    }),
    new Type("tag:yaml.org,2002:float", {
      kind: "scalar",
      resolve: (s: string) => FLOAT_NAN.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s),
      construct: (s: string) =>
        FLOAT_NAN.test(s) ? (s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY) : parseFloat(s),
    }),
  ],
});

const FORBIDDEN = new RegExp(FORBIDDEN_CHARACTER.source);
/** Characters whose handling this path does not vouch for: tab, CR, BOM, line/paragraph separators. */
const UNUSUAL = /[\t\r\uFEFF\u2028\u2029]/;
/**
 * YAML that only the `yaml` reader handles: a directive or document marker at a line start; a tag
 * (`!`) or an anchor or alias (`&a`, `*a`) where a node may start; an explicit key (`? `); a flow
 * collection as a key (`]:`, `}:`), or a `:` opening a line (a key on the line before).
 * It may match inside text too ("Rock &Roll"): that only costs the slower reader.
 */
const UNUSUAL_SYNTAX = /^(?:%|---|\.\.\.)|(?:^|[\s[\]{},])(?:!|[&*][^\s[\]{},]|\?(?:\s|$))|[\]}][ ]*:|^[ ]*:/m;

/** The data of the document, or undefined when the `yaml` reader must read it. */
export function loadFast(text: string): { data: unknown } | undefined {
  if (text.length > MAX_SOURCE_BYTES || FORBIDDEN.test(text) || UNUSUAL.test(text) || UNUSUAL_SYNTAX.test(text)) return undefined;
  if (Buffer.byteLength(text, "utf8") > MAX_SOURCE_BYTES) return undefined;
  if (!withinLineBounds(text)) return undefined;
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
  if (warned || multilineFlow || data === undefined || data === null || !plainKeys(data)) return undefined;
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
 * Two bounds, line by line, so the `yaml` reader's own checks could not refuse the text:
 * - nesting: source-limits.ts counts, at each token, the open flow collections, the indentation
 *   levels and the `- `/`? ` indicators of the line. With flow collections on one line (checked
 *   while loading), that is at most the line's leading spaces + its indicator-like characters +
 *   its [ and {; when no line exceeds MAX_NESTING, neither does that count.
 * - a line over 1024 characters with a `:` past the 1024th could hold a key too long for YAML.
 */
function withinLineBounds(text: string): boolean {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let i = start;
    while (i < end && text.charCodeAt(i) === 0x20) i++;
    let count = i - start;
    for (; i < end && count <= MAX_NESTING; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x5b || c === 0x7b) count++;
      else if (c === 0x2d || c === 0x3f) {
        const next = text.charCodeAt(i + 1);
        if (i + 1 === end || next === 0x20) count++;
      }
    }
    if (count > MAX_NESTING) return false;
    if (end - start > 1024 && text.slice(start + 1024, end).includes(":")) return false;
    start = end + 1;
  }
  return true;
}

/** No key is one the two libraries write differently (a null key is "null" in js-yaml, "" in `yaml`) or a special one. */
function plainKeys(value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === "object" && !plainKeys(item)) return false;
    return true;
  }
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (key === "null" || key === "__proto__" || key === "<<") return false;
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === "object" && !plainKeys(item)) return false;
    }
  }
  return true;
}
