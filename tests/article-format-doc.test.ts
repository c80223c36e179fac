// The reference of the article format (docs/article-format.md) is made from the JSON Schema's own
// descriptions by scripts/docs/article-format.ts (`make docs`): the committed file must be what the
// script makes of the committed schema, and must have a row for every key of the schema, with that
// key's description; a key without a description is refused with a message that says what to do.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cell, HOW_TO_REGENERATE, MissingDescriptions, readSchema, REFERENCE_FILE, renderArticleFormat } from "../scripts/docs/article-format.ts";
import { ROOT } from "./helpers.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const schema = readSchema(ROOT);
const committed = readFileSync(join(ROOT, REFERENCE_FILE), "utf8");

/** Every key of the schema with its description, found by walking every `properties` (not the conditions of `if`). */
function keysOf(node: Json, pointer = "#"): { key: string; pointer: string; description: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => keysOf(item, `${pointer}/${i}`));
  if (node === null || typeof node !== "object") return [];
  const out: { key: string; pointer: string; description: unknown }[] = [];
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === "if") continue;
    if (keyword === "properties" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, property] of Object.entries(value)) {
        out.push({ key, pointer: `${pointer}/properties/${key}`, description: (property as JsonObject).description });
        out.push(...keysOf(property, `${pointer}/properties/${key}`));
      }
    } else {
      out.push(...keysOf(value, `${pointer}/${keyword}`));
    }
  }
  return out;
}

describe("the reference of the article format", () => {
  it(`is what \`make docs\` makes of the schema (when this fails: ${HOW_TO_REGENERATE})`, () => {
    const generated = renderArticleFormat(schema);
    if (generated !== committed) expect.fail(`${REFERENCE_FILE} is stale: ${HOW_TO_REGENERATE}`);
  });

  it("has a row for every key of the schema, with the key's own description", () => {
    const keys = keysOf(schema);
    expect(keys.length).toBeGreaterThan(100);
    const rows = committed.split("\n").filter((line) => line.startsWith("| `"));
    const missing = keys.filter(({ key, description }) => typeof description !== "string" || !rows.some((row) => row.startsWith(`| \`${key}\` |`) && row.endsWith(`| ${cell(description)} |`)));
    expect(missing.map((k) => k.pointer), `keys missing from ${REFERENCE_FILE}: ${HOW_TO_REGENERATE}`).toEqual([]);
  });

  it("refuses a key without a description, naming it and saying how to go on", () => {
    const copy = structuredClone(schema) as JsonObject;
    const place = ((copy.$defs as JsonObject).place as JsonObject).properties as JsonObject;
    place.elevation = { type: "integer" };
    let error: unknown;
    try {
      renderArticleFormat(copy);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingDescriptions);
    expect((error as MissingDescriptions).keys).toEqual(["places[].elevation (#/$defs/place/properties/elevation)"]);
    expect((error as Error).message).toContain("make docs");
  });

  it("lists a key added to the schema, with its value and whether it is required", () => {
    const copy = structuredClone(schema) as JsonObject;
    const place = (copy.$defs as JsonObject).place as JsonObject;
    (place.properties as JsonObject).elevation = { description: "Metres above the sea.", type: "integer", minimum: 0 };
    (place.required as string[]).push("elevation");
    const text = renderArticleFormat(copy);
    expect(text).not.toBe(committed);
    expect(text).toContain("| `elevation` | yes | an integer of at least 0 | Metres above the sea. |");
  });

  it("says in words when an object needs one key of several, or a key under a condition", () => {
    expect(committed).toContain("Needs at least one of `startDate` or `schedule`.");
    expect(committed).toContain("`place` is required when `type` is `place`, and not allowed otherwise.");
  });
});
