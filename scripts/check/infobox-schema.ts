// The infobox check: dist/<slug>.infobox.json against schemas/infobox.schema.json (JSON Schema
// 2020-12, ajv). Each error points at the JSON value it is about, found through the yaml library's
// source ranges (JSON is YAML), and says what the schema expects there.

import { parseJson } from "./parse-json.ts";
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describeValue } from "../lib/diagnostic.ts";
import { projectPath } from "../lib/project-path.ts";
import { readYaml, type PathSegment, type Position } from "../read/read-yaml.ts";
import type { Finding } from "./finding.ts";
import { once } from "../lib/once.ts";

export const INFOBOX_SCHEMA_PATH = projectPath("schemas/infobox.schema.json");

// ajv-formats is CommonJS; under ESM its function may sit on `.default`.
type AddFormats = (ajv: Ajv2020) => unknown;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

const infoboxValidator = once((): ValidateFunction => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(INFOBOX_SCHEMA_PATH, "utf8")));
});

export interface PlacedFinding extends Finding {
  position: Position;
}

/** The infobox JSON text → what is wrong with it, each at its line and column. */
export function checkInfobox(text: string, file: string): PlacedFinding[] {
  const parsed = parseJson(text);
  if (!parsed.ok) return [{ ...parsed.finding, position: parsed.position }];
  const data = parsed.value;
  const validate = infoboxValidator();
  if (validate(data)) return [];
  const read = readYaml(text, file);
  const positionOf = (path: PathSegment[], key?: string): Position => (read.ok ? read.source.positionOf(path, key) : { line: 1, col: 1 });
  return (validate.errors ?? []).filter((e) => e.keyword !== "if").map((error) => toFinding(error, positionOf));
}

function toFinding(error: ErrorObject, positionOf: (path: PathSegment[], key?: string) => Position): PlacedFinding {
  const path = error.instancePath === "" ? [] : error.instancePath.slice(1).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const params = error.params as Record<string, unknown>;
  const base = { check: "JSON Schema" as const, node: error.instancePath || "/", position: positionOf(path) };
  const schemaDescription = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case "required":
      return { ...base, message: `a required member is missing`, expected: JSON.stringify(params.missingProperty), found: "nothing" };
    case "additionalProperties":
      return { ...base, position: positionOf(path, String(params.additionalProperty)), message: `a member the schema does not define`, expected: "no such member", found: JSON.stringify(params.additionalProperty) };
    case "enum":
      return { ...base, message: "a value outside the allowed ones", expected: `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`, found: describeValue(error.data) };
    case "const":
      return { ...base, message: "not the value this form requires", expected: JSON.stringify(params.allowedValue), found: describeValue(error.data) };
    case "type":
      return { ...base, message: "a value of the wrong type", expected: `a value of type ${String(params.type)}`, found: describeValue(error.data) };
    case "pattern":
      return { ...base, message: `a value not of the required form${schemaDescription ? ` (${schemaDescription})` : ""}`, expected: `text matching ${String(params.pattern)}`, found: describeValue(error.data) };
    case "minItems":
      return { ...base, message: "too few items", expected: `at least ${String(params.limit)}`, found: describeValue(error.data) };
    case "format":
      return { ...base, message: `not a valid ${String(params.format)}`, expected: `a ${String(params.format)}`, found: describeValue(error.data) };
    case "not":
      return { ...base, message: "members that this form must not have", expected: `no ${JSON.stringify((error.schema as { anyOf?: { required: string[] }[]; required?: string[] }).anyOf?.flatMap((a) => a.required) ?? (error.schema as { required?: string[] }).required)}`, found: describeValue(error.data) };
    default:
      return { ...base, message: error.message ?? `violates ${error.keyword}`, expected: `${error.keyword} ${JSON.stringify(params)}`, found: describeValue(error.data) };
  }
}
