// The article schema with every `$ref` to its `$defs` replaced by the definition itself, before ajv
// compiles it. ajv compiles a referenced definition into a function of its own and joins that
// function's errors to the caller's with Array.concat, once per value: with allErrors, a list of
// 30 000 wrong items takes 3 s and 100 000 over a minute (quadratic). Inlined, every error is
// pushed once. The schema has no recursive references, so inlining ends.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function inlineDefs(schema: { [key: string]: Json }): { [key: string]: Json } {
  const defs = (schema.$defs ?? {}) as { [key: string]: Json };
  const inline = (node: Json, depth: number): Json => {
    if (depth > 50) throw new Error("the schema's $refs nest too deeply: is one recursive?");
    if (Array.isArray(node)) return node.map((item) => inline(item, depth));
    if (node === null || typeof node !== "object") return node;
    const ref = node.$ref;
    if (typeof ref === "string" && ref.startsWith("#/$defs/")) {
      const { $ref: _, ...siblings } = node;
      const definition = defs[ref.slice("#/$defs/".length)];
      if (definition === undefined || definition === null || typeof definition !== "object" || Array.isArray(definition)) throw new Error(`unknown schema reference ${ref}`);
      // The definition's keywords, then the referring place's own (a description, a type).
      return inline({ ...definition, ...siblings }, depth + 1);
    }
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) out[key] = key === "$defs" ? value : inline(value, depth);
    return out;
  };
  return inline(schema, 0) as { [key: string]: Json };
}
