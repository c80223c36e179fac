// Validation, step 1: the JSON Schema (schemas/article.schema.json), with ajv.
// Every ajv error becomes a Diagnostic at the YAML node it is about, worded for a person.

import type { ErrorObject } from "ajv/dist/2020.js";
import { describeValue, type Diagnostic } from "../lib/diagnostic.ts";
import type { PathSegment, SourceDocument } from "../read/read-yaml.ts";
import { describeCharacter, firstForbidden } from "../lib/characters.ts";
import { articleValidator } from "./compiled-schema.ts";

// Compiled once per machine and cached (compiled-schema.ts): compiling costs far more than validating.
export { ARTICLE_SCHEMA_PATH } from "./compiled-schema.ts";

export function validateAgainstSchema(source: SourceDocument): Diagnostic[] {
  // A valid article is proved valid by the validator that stops at the first error; only an
  // invalid one is validated again, collecting every error.
  if (articleValidator("first")(source.data)) return [];
  const validate = articleValidator("all");
  if (validate(source.data)) return [];
  const errors = dropNoise(validate.errors ?? []);
  return errors.map((error) => toDiagnostic(error, source));
}

/** The schema's raw errors for some data, for validate/salvage.ts. */
export function schemaErrors(data: unknown): ErrorObject[] {
  if (articleValidator("first")(data)) return [];
  const validate = articleValidator("all");
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/**
 * `if/then/else` and `anyOf` report their own summary error on top of the specific ones;
 * the specific ones are what a person needs, so the summaries go when specifics exist.
 */
function dropNoise(errors: ErrorObject[]): ErrorObject[] {
  // List items say `type: string` beside their $ref (so ajv checks uniqueness in linear time): one
  // wrong-type error per value is enough, the one whose schema says in words what is expected.
  const titled = new Set(errors.filter((e) => e.keyword === "type" && (e.parentSchema as { title?: string } | undefined)?.title).map((e) => e.instancePath));
  return errors.filter((error) => {
    if (error.keyword === "type" && !(error.parentSchema as { title?: string } | undefined)?.title && titled.has(error.instancePath)) return false;
    if (error.keyword === "if") return false;
    if (error.keyword === "anyOf") return true;
    // Branches of anyOf (required startDate / required schedule) are summarised by the anyOf error.
    if (error.keyword === "required" && /\/anyOf\/\d+\/required$/.test(error.schemaPath)) return false;
    return true;
  });
}

export function pathOf(instancePath: string): PathSegment[] {
  if (instancePath === "") return [];
  return instancePath
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `organizations[0].foundingDate`: how a person would name the place in the file. */
export function displayPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return "the document";
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}

function toDiagnostic(error: ErrorObject, source: SourceDocument): Diagnostic {
  const path = pathOf(error.instancePath);
  const where = displayPath(path);
  const parentSchema = (error.parentSchema ?? {}) as { title?: string; description?: string; enum?: unknown[] };
  const found = describeValue(error.data);
  const at = (key?: string) => source.positionOf(path, key);
  const base = { file: source.file };
  const p = error.params as Record<string, unknown>;

  // A control character is the likeliest reason a text, id, code or URL fails, and the least visible one: name it and say where.
  const bad = typeof error.data === "string" && ["pattern", "format", "enum", "const"].includes(error.keyword) ? firstForbidden(error.data) : undefined;
  if (bad) {
    const character = [...(error.data as string).slice(0, bad.index)].length + 1;
    return { ...base, ...at(), message: `${where} holds ${describeCharacter(bad.char)}, at character ${character}, which no output format can carry; remove it`, expected: "text without control characters (tab and newline are fine)", found };
  }

  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parentSchema as { properties?: object }).properties ?? {});
      const suggestion = closest(key, allowed);
      return {
        ...base,
        ...at(key),
        message: `unknown key ${describeValue(key)} in ${where}${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ""}`,
        expected: `one of ${allowed.join(", ")}`,
        found: describeValue(key),
      };
    }
    case "required":
      return { ...base, ...at(), message: `${where} is missing the key ${JSON.stringify(p.missingProperty)}`, expected: `a value for ${JSON.stringify(p.missingProperty)}`, found: "none" };
    case "type":
      return { ...base, ...at(), message: `${where} has the wrong type`, expected: expectedOf(parentSchema, String(p.type).replace(",", " or ")), found };
    case "enum": {
      const options = (p.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const suggestion = typeof error.data === "string" ? closest(error.data, (p.allowedValues as unknown[]).map(String)) : undefined;
      return { ...base, ...at(), message: `${where} is not an allowed value${suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : ""}`, expected: `one of ${options.join(", ")}`, found };
    }
    case "const":
      return { ...base, ...at(), message: `${where} has the wrong value`, expected: JSON.stringify(p.allowedValue), found };
    case "pattern":
    case "format":
      return { ...base, ...at(), message: `${where} is not well formed`, expected: expectedOf(parentSchema, `a value matching ${String(p.pattern ?? p.format)}`), found };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { ...base, ...at(), message: `${where} is out of range`, expected: `a number ${String(p.comparison)} ${String(p.limit)}`, found };
    case "minLength":
      return { ...base, ...at(), message: `${where} is empty or too short`, expected: `at least ${String(p.limit)} character${p.limit === 1 ? "" : "s"}`, found };
    case "maxLength":
      return { ...base, ...at(), message: `${where} is too long`, expected: `at most ${String(p.limit)} characters`, found: `${[...(error.data as string)].length} characters` };
    case "minItems":
      return { ...base, ...at(), message: `${where} has too few items`, expected: `at least ${String(p.limit)}`, found };
    case "uniqueItems":
      return { ...base, ...at(), message: `${where} lists the same item twice (items ${String(p.j)} and ${String(p.i)})`, expected: "each item once", found: describeValue((error.data as unknown[])[p.i as number]) };
    case "anyOf": {
      const options = ((parentSchema as { anyOf?: { required?: string[] }[] }).anyOf ?? []).map((branch) => (branch.required ?? []).join(" and ")).filter(Boolean);
      return { ...base, ...at(), message: `${where} is incomplete`, expected: options.length ? `at least one of ${options.join(", ")}` : "one of the allowed shapes", found: "none of them" };
    }
    case "not":
      return { ...base, ...at(), message: `${where} has a key that is not allowed here`, expected: "no such key for this type", found };
    default:
      return { ...base, ...at(), message: `${where} ${error.message ?? "is invalid"}`, found };
  }
}

/** The schema's own title says best what a value should look like ("a date (YYYY, YYYY-MM or YYYY-MM-DD)"). */
function expectedOf(schema: { title?: string }, fallback: string): string {
  return schema.title ?? fallback;
}

/** The allowed word nearest to a misspelt one, when it is near enough to be a likely typo. */
export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const distance = editDistance(word.toLowerCase(), option.toLowerCase());
    if (distance < bestDistance) {
      best = option;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
