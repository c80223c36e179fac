// ajv's pattern keyword, with three of the schema's patterns tested by a loop over the string's
// character codes instead of a regular expression: ids, references and dates, some forty short
// strings per article, where calling the expression cost more than reading the few characters.
// (The text patterns keep their expressions: over long texts the expression is the faster.)
//
// Each matcher gives the expression's verdict (with the u flag, as ajv compiles it) for every
// string; tests/pattern-matchers.test.ts compares them over generated strings, and the validators
// with ajv's own keyword. Same keyword in the same place among the string keywords (before
// format), same errors: only the test in the generated code changes. The matchers are written as
// JavaScript source, because ajv's standalone code (the cached validators, compiled-schema.ts)
// holds them as text; the functions used in this process are made from the same text.

import { createRequire } from "node:module";
import type { Ajv2020, CodeKeywordDefinition, KeywordCxt } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

/** The schema's patterns (schemas/article.schema.json, $defs id, ref and date) → a matcher's source. */
export const MATCHERS: Readonly<Record<string, string>> = {
  // id: lower-case letters and digits, in words joined by single hyphens.
  "^[a-z0-9]+(-[a-z0-9]+)*$": `function (s) {
  var start = true;
  for (var i = 0, n = s.length; i < n; i++) {
    var c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) start = false;
    else if (c === 45 && !start) start = true;
    else return false;
  }
  return !start;
}`,
  // ref: an id, or two joined by one slash.
  "^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$": `function (s) {
  var start = true, slash = false;
  for (var i = 0, n = s.length; i < n; i++) {
    var c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) start = false;
    else if (start) return false;
    else if (c === 45) start = true;
    else if (c === 47 && !slash) { slash = true; start = true; }
    else return false;
  }
  return !start;
}`,
  // date: YYYY, YYYY-MM (01 to 12) or YYYY-MM-DD (01 to 31).
  "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$": `function (s) {
  var n = s.length;
  if (n !== 4 && n !== 7 && n !== 10) return false;
  for (var i = 0; i < 4; i++) { var c = s.charCodeAt(i); if (!(c >= 48 && c <= 57)) return false; }
  if (n === 4) return true;
  if (s.charCodeAt(4) !== 45) return false;
  var m1 = s.charCodeAt(5) - 48, m2 = s.charCodeAt(6) - 48;
  if (!(m2 >= 0 && m2 <= 9) || !(m1 === 0 ? m2 >= 1 : m1 === 1 && m2 <= 2)) return false;
  if (n === 7) return true;
  if (s.charCodeAt(7) !== 45) return false;
  var d1 = s.charCodeAt(8) - 48, d2 = s.charCodeAt(9) - 48;
  if (!(d2 >= 0 && d2 <= 9)) return false;
  return d1 === 0 ? d2 >= 1 : d1 === 1 || d1 === 2 ? true : d1 === 3 && d2 <= 1;
}`,
};

type Matcher = ((s: string) => boolean) & { code: string };

/** The matcher of a pattern, as a function of this process (made from its source), or undefined. */
export function matcherOf(pattern: string): Matcher | undefined {
  const source = MATCHERS[pattern];
  if (source === undefined) return undefined;
  const matcher = new Function(`return ${source}`)() as Matcher;
  // What ajv's standalone code writes for the function: its source.
  matcher.code = source;
  return matcher;
}

/** Replaces the pattern keyword of `ajv` (one not yet compiling anything) with the one above. */
export function usePatternMatchers(ajv: Ajv2020): void {
  // ajv's own pieces, as its pattern keyword uses them (ajv's version is pinned exactly).
  type Code = unknown;
  const { _ } = require("ajv/dist/compile/codegen") as { _: (strings: TemplateStringsArray, ...values: unknown[]) => Code };
  const { useFunc } = require("ajv/dist/compile/util") as { useFunc: (gen: unknown, f: unknown) => Code };
  const original = (require("ajv/dist/vocabularies/validation/pattern") as { default: CodeKeywordDefinition }).default;
  const matchers = new Map<string, Matcher>();
  const definition: CodeKeywordDefinition = {
    ...original,
    // Where ajv's own is: the string keywords run in order, so errors come in the same order.
    before: "format",
    code(cxt: KeywordCxt) {
      const { $data, schema, data } = cxt;
      let matcher = typeof schema === "string" ? matchers.get(schema) : undefined;
      if (!matcher && !$data && typeof schema === "string") {
        matcher = matcherOf(schema);
        if (matcher) matchers.set(schema, matcher);
      }
      // Any other pattern, or one from $data: ajv's code.
      if ($data || !matcher) {
        original.code.call(this, cxt, undefined as never);
        return;
      }
      cxt.fail$data(_`!${useFunc(cxt.gen, matcher)}(${data})` as never);
    },
  };
  ajv.removeKeyword("pattern");
  ajv.addKeyword(definition);
}
