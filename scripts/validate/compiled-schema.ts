// The article schema's validators, compiled by ajv once per machine instead of once per process.
// Compiling the schema costs a one-article export a few hundred milliseconds, validating an article
// a fraction of one; so the compiled code (ajv's standalone code generation) is kept in
// node_modules/.cache/article-schema/, named by a hash of everything it is made from (the schema,
// the ajv options, the versions of ajv and ajv-formats). A changed schema gets a new name, so a
// stale file is never used. When the cache cannot be written the validator is compiled as before.
//
// Two validators: "first" stops at the first error (what a valid article needs, several times
// faster); "all" collects every error with its data and schema, for messages, and runs only on
// an article that fails the first.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { Script } from "node:vm";
import { dirname, join } from "node:path";
import type { Ajv2020 as Ajv2020Class, Options, ValidateFunction } from "ajv/dist/2020.js";
import { projectPath } from "../lib/project-path.ts";
import { inlineDefs } from "./inline-defs.ts";

export const ARTICLE_SCHEMA_PATH = projectPath("schemas/article.schema.json");
export const SCHEMA_CACHE_DIR = projectPath("node_modules/.cache/article-schema");

export type ValidatorKind = "first" | "all";

/** ajv's options for each validator. */
export const OPTIONS: Record<ValidatorKind, Options> = {
  first: { allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true },
  all: { allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true },
};

const require = createRequire(import.meta.url);
const compiled = new Map<ValidatorKind, ValidateFunction>();

/** A validator of articles, from the per-machine cache or compiled (and then cached). */
export function articleValidator(kind: ValidatorKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    const schemaText = readFileSync(ARTICLE_SCHEMA_PATH, "utf8");
    const file = cacheFileOf(kind, schemaText);
    validate = fromCache(file) ?? compileAndCache(kind, schemaText, file);
    compiled.set(kind, validate);
  }
  return validate;
}

/**
 * What the compiled code depends on: the schema, this module's options, the two libraries'
 * versions, and a number to change when the code is made differently (6: ajv's own keywords only,
 * definitions inlined for "all" only).
 */
function cacheKey(kind: ValidatorKind, schemaText: string): string {
  const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;
  return createHash("sha256")
    .update(JSON.stringify([schemaText, OPTIONS[kind], version("ajv"), version("ajv-formats"), 6]))
    .digest("hex")
    .slice(0, 20);
}

/**
 * The cached validator, compiled with V8's code cache beside it (`<file>.v8`, made after its first
 * call, so it holds the functions that call compiled too): the "first" validator is 0.5 MB of code,
 * which takes 23 ms to compile and 33 ms more on its first call, some 15 % of exporting one article;
 * with the code cache, 14 ms and 10 ms (BENCHMARKS.md). Node 20 has no code cache of its own.
 */
function fromCache(file: string): ValidateFunction | undefined {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const codeCache = `${file}.v8`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCache);
  } catch {
    // made below
  }
  const script = new Script(Module.wrap(source), { filename: file, ...(cachedData && { cachedData }) });
  const module = { exports: {} as { default?: ValidateFunction } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
  const validate = module.exports.default;
  if (typeof validate !== "function") return undefined;
  if (cachedData === undefined || script.cachedDataRejected === true) {
    // After the first validation, which runs in the same turn as this call.
    setImmediate(() => {
      try {
        const partial = `${codeCache}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, codeCache);
      } catch {
        // a read-only cache: compiled each time, as before
      }
    });
  }
  return validate;
}

/** The validator compiled by ajv now, with its standalone source (what the cache holds). */
export function compileValidator(kind: ValidatorKind, schemaText: string): { validate: ValidateFunction; source: () => string } {
  // ajv is loaded only here: with a warm cache, a valid article never loads it.
  const { Ajv2020 } = require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020Class };
  const addFormats = require("ajv-formats") as (ajv: Ajv2020Class) => unknown;
  const standaloneCode = require("ajv/dist/standalone") as { default: (ajv: Ajv2020Class, validate: ValidateFunction) => string };
  const ajv = new Ajv2020({ ...OPTIONS[kind], code: { source: true, lines: false } });
  addFormats(ajv);
  // For every error, definitions inlined: errors in linear time however many values are wrong
  // (inline-defs.ts). The first error alone needs no such care, and ajv's own functions for the
  // definitions make code half as long (280 kB against 500 kB), which a one-article export loads.
  const schema = JSON.parse(schemaText) as Parameters<typeof inlineDefs>[0];
  const validate = ajv.compile(kind === "all" ? inlineDefs(schema) : schema);
  return { validate, source: () => standaloneCode.default(ajv, validate) };
}

function compileAndCache(kind: ValidatorKind, schemaText: string, file: string): ValidateFunction {
  const { validate, source } = compileValidator(kind, schemaText);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Written under another name, then renamed: a process reading the cache never sees half a file.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(partial, source());
    renameSync(partial, file);
  } catch {
    // A read-only node_modules: compiled each time, as before.
  }
  return validate;
}

/** Where the cached validator of this kind is, for the current schema. */
export function cacheFileOf(kind: ValidatorKind, schemaText = readFileSync(ARTICLE_SCHEMA_PATH, "utf8")): string {
  return join(SCHEMA_CACHE_DIR, `${kind}-${cacheKey(kind, schemaText)}.cjs`);
}
