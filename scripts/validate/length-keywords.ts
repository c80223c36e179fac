// ajv's maxLength and minLength, with a cheap test first. ajv counts a string's characters (code
// points, so an emoji is one) with a loop over every UTF-16 unit of every string the schema limits:
// a tenth of a millisecond per article, for descriptions far under their limits. A string's
// length in units is at least its count of characters and at most twice it, so the count is only
// needed when the length in units could break the limit:
//   maxLength n: characters > n is possible only if units > n;
//   minLength n: characters < n is possible only if units < 2n.
// Same keywords, same place among the string keywords (before pattern), same errors: only the
// test of the generated code changes. tests/length-keywords.test.ts compares with ajv's own.

import { createRequire } from "node:module";
import type { Ajv2020, CodeKeywordDefinition, KeywordCxt } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

/** Replaces the two keywords of `ajv` (one not yet compiling anything) with the ones above. */
export function useLengthPrecheck(ajv: Ajv2020): void {
  // ajv's own pieces, as its limitLength keyword uses them (ajv's version is pinned exactly).
  type Code = unknown;
  const codegen = require("ajv/dist/compile/codegen") as {
    _: (strings: TemplateStringsArray, ...values: unknown[]) => Code;
    operators: { GT: Code; LT: Code };
  };
  const { useFunc } = require("ajv/dist/compile/util") as { useFunc: (gen: unknown, f: unknown) => Code };
  const ucs2length = (require("ajv/dist/runtime/ucs2length") as { default: unknown }).default;
  const original = (require("ajv/dist/vocabularies/validation/limitLength") as { default: CodeKeywordDefinition }).default;
  const { _, operators } = codegen;
  const definition: CodeKeywordDefinition = {
    ...original,
    // Where ajv's own are: the string keywords run in order, so errors come in the same order.
    before: "pattern",
    code(cxt: KeywordCxt) {
      const { keyword, data, schemaCode } = cxt;
      const max = keyword === "maxLength";
      const length = _`${useFunc(cxt.gen, ucs2length)}(${data})`;
      // The characters are counted only when the units leave the verdict open (see above).
      const open = max ? _`${data}.length ${operators.GT} ${schemaCode}` : _`${data}.length ${operators.LT} 2 * ${schemaCode}`;
      cxt.fail$data(_`${open} && ${length} ${max ? operators.GT : operators.LT} ${schemaCode}` as never);
    },
  };
  ajv.removeKeyword("maxLength");
  ajv.removeKeyword("minLength");
  ajv.addKeyword(definition);
}
