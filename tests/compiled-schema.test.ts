// The article schema's validators come from a per-machine cache of ajv's standalone code
// (scripts/validate/compiled-schema.ts): they must judge exactly as ajv compiling the schema now.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_SCHEMA_PATH, articleValidator, cacheFileOf, compileValidator } from "../scripts/validate/compiled-schema.ts";
import { readYaml } from "../scripts/read/read-yaml.ts";
import { ifexYaml } from "./helpers.ts";
import type { ValidateFunction } from "ajv/dist/2020.js";

const ifex = () => {
  const read = readYaml(ifexYaml(), "ifex.yaml");
  if (!read.ok) throw new Error("tests/fixtures/ifex/ifex.yaml does not read");
  return read.source.data as Record<string, unknown>;
};

/** Broken copies of the article: wrong types, unknown keys, bad dates, missing keys, a duplicate item. */
function brokenArticles(): unknown[] {
  const cases: ((d: any) => void)[] = [
    (d) => (d.article.title = 7),
    (d) => (d.article.nonsense = "x"),
    (d) => delete d.article.slug,
    (d) => (d.organizations[0].foundingDate = "1992-13"),
    (d) => (d.organizations[0].unknown = 1),
    (d) => d.article.sections.push(d.article.sections[0]),
    (d) => (d.infobox.fields = "none"),
    (d) => (d.events = [{}]),
  ];
  return cases.map((change) => {
    const data = structuredClone(ifex());
    change(data);
    return data;
  });
}

describe("the cached validators of the article schema", () => {
  const schemaText = readFileSync(ARTICLE_SCHEMA_PATH, "utf8");

  it("are written to node_modules/.cache under a name made from the schema and the library versions", () => {
    articleValidator("first");
    expect(existsSync(cacheFileOf("first"))).toBe(true);
    expect(cacheFileOf("first")).toContain(join("node_modules", ".cache", "article-schema"));
    expect(cacheFileOf("first", schemaText)).not.toBe(cacheFileOf("first", schemaText.replace("}", ', "title": "changed"}')));
  });

  it("accept the article and refuse broken copies, as ajv compiling the schema now does", () => {
    for (const kind of ["first", "all"] as const) {
      articleValidator(kind); // compiles and caches it, if no earlier run did
      // The cached code itself, whichever process wrote it.
      const cached = (createRequire(import.meta.url)(cacheFileOf(kind)) as { default: ValidateFunction }).default;
      const fresh = compileValidator(kind, schemaText).validate;
      expect(cached(ifex())).toBe(true);
      for (const data of brokenArticles()) {
        expect(cached(data)).toBe(false);
        expect(fresh(data)).toBe(false);
        // Every error the same, with its data and schema (the messages are made from them).
        expect(cached.errors).toStrictEqual(fresh.errors);
      }
    }
  });
});
