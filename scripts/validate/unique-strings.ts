// ajv's uniqueItems for lists of strings, with short lists compared item by item. ajv finds a
// duplicate string by storing each item as a key of an object (`indices[item] = i`): every item is
// then hashed and looked up among V8's property names, and the object turns into a dictionary. The
// article's lists hold a few strings each, where comparing each item with those after it is
// several times cheaper. Longer lists keep ajv's loop (comparing every pair would be quadratic).
//
// Same verdict, same error: ajv walks the list from its end and stops at the first item i that a
// later item j equals, j the nearest such; the pairs are tried in that order here too. Items that
// are not strings are skipped as ajv skips them, and so is "__proto__", which ajv never finds twice
// (storing a number under that key of an object changes nothing). Same keyword in the same place
// among the array keywords. tests/unique-strings.test.ts compares with ajv's own keyword.

import { createRequire } from "node:module";
import type { Ajv2020, CodeKeywordDefinition, KeywordCxt } from "ajv/dist/2020.js";

const require = createRequire(import.meta.url);

/** Lists up to this long are compared item by item: at most 120 comparisons. */
export const PAIRWISE_MAX = 16;

/** Replaces the uniqueItems keyword of `ajv` (one not yet compiling anything) with the one above. */
export function useUniqueStrings(ajv: Ajv2020): void {
  // ajv's own pieces, as its uniqueItems keyword uses them (ajv's version is pinned exactly).
  type Code = unknown;
  type Name = Code;
  interface Gen {
    let(prefix: string, value?: Code): Name;
    const(prefix: string | Name, value: Code): Name;
    name(prefix: string): Name;
    assign(name: Name, value: Code): Gen;
    if(condition: Code, then?: (() => void) | Code, otherwise?: () => void): Gen;
    for(iteration: Code, body: () => void): Gen;
    label(name: Name): Gen;
    break(label?: Name): Gen;
    code(code: Code): Gen;
  }
  const { _ } = require("ajv/dist/compile/codegen") as { _: (strings: TemplateStringsArray, ...values: unknown[]) => Code };
  const { getSchemaTypes } = require("ajv/dist/compile/validate/dataType") as { getSchemaTypes: (schema: unknown) => string[] };
  const original = (require("ajv/dist/vocabularies/validation/uniqueItems") as { default: CodeKeywordDefinition }).default;
  const definition: CodeKeywordDefinition = {
    ...original,
    // Where ajv's own is (after items and contains, before maxContains): the array keywords run in
    // order, so errors come in the same order.
    before: "maxContains",
    code(cxt: KeywordCxt) {
      const { data, $data, schema, parentSchema } = cxt;
      const gen = cxt.gen as unknown as Gen;
      const itemTypes = parentSchema.items ? getSchemaTypes(parentSchema.items) : [];
      // Anything but a plain `uniqueItems: true` over string items: ajv's code.
      if ($data || schema !== true || itemTypes.length !== 1 || itemTypes[0] !== "string") {
        original.code.call(this, cxt, undefined as never);
        return;
      }
      const valid = gen.let("valid", true);
      const i = gen.let("i", _`${data}.length`);
      const j = gen.let("j");
      cxt.setParams({ i, j } as never);
      gen.if(_`${i} > 1`, () => {
        gen.if(
          _`${i} <= ${PAIRWISE_MAX}`,
          () => {
            // From the end: the first item equal to a later one, and the nearest such later one.
            const outer = gen.name("outer");
            const item = gen.name("item");
            const k = gen.name("k");
            gen.label(outer).for(_`;${i}--;`, () => {
              gen.const(item, _`${data}[${i}]`);
              gen.if(_`typeof ${item} !== "string" || ${item} === "__proto__"`, _`continue`);
              gen.for(_`let ${k} = ${i} + 1; ${k} < ${data}.length; ${k}++`, () => {
                gen.if(_`${data}[${k}] === ${item}`, () => {
                  gen.assign(j, k);
                  cxt.error();
                  gen.assign(valid, false).break(outer);
                });
              });
            });
          },
          () => {
            // ajv's loop, as its uniqueItems keyword writes it for items of one scalar type.
            const item = gen.name("item");
            const indices = gen.const("indices", _`{}`);
            gen.for(_`;${i}--;`, () => {
              gen.let(item as string, _`${data}[${i}]`);
              gen.if(_`typeof ${item} !== "string"`, _`continue`);
              gen
                .if(_`typeof ${indices}[${item}] == "number"`, () => {
                  gen.assign(j, _`${indices}[${item}]`);
                  cxt.error();
                  gen.assign(valid, false).break();
                })
                .code(_`${indices}[${item}] = ${i}`);
            });
          },
        );
      });
      cxt.ok(valid as never);
    },
  };
  ajv.removeKeyword("uniqueItems");
  ajv.addKeyword(definition);
}
