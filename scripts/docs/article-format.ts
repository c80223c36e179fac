// The reference of the article format, docs/article-format.md, generated from the JSON Schema's
// own descriptions (schemas/article.schema.json), so it cannot drift from what the export accepts:
// every key of every object, whether it is required, what value it takes, and what it says.
//
//   make docs      (node --import tsx scripts/docs/article-format.ts [--check])
//
// A key without a "description" in the schema is an error: the reference would not say what it is.
// tests/article-format-doc.test.ts fails when the committed file is not what this script writes.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

export const SCHEMA_FILE = "schemas/article.schema.json";
export const REFERENCE_FILE = "docs/article-format.md";
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** What to tell whoever sees the reference is stale or cannot be made. */
export const HOW_TO_REGENERATE = `run \`make docs\` (it rewrites ${REFERENCE_FILE} from ${SCHEMA_FILE}) and commit the result`;

/** An object of the format, with the keys it may hold: one section of the reference. */
interface ObjectSection {
  node: JsonObject;
  pointer: string;
  title: string;
  usedAt: string[];
}

export class MissingDescriptions extends Error {
  constructor(readonly keys: string[]) {
    super(`${SCHEMA_FILE}: ${keys.length} key${keys.length === 1 ? " has" : "s have"} no "description", which the reference (${REFERENCE_FILE}) is made from; add one to each, then ${HOW_TO_REGENERATE}:\n${keys.map((k) => `  ${k}`).join("\n")}`);
  }
}

function isObject(node: Json | undefined): node is JsonObject {
  return node !== null && typeof node === "object" && !Array.isArray(node);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
}

/** Markdown of a description: one line, and `<` outside code spans, so `<slug>` is not taken for HTML. */
export function paragraph(text: string): string {
  return text
    .replace(/\s*\n\s*/g, " ")
    .split("`")
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, "&lt;") : part))
    .join("`");
}

/** A description in a table cell: a paragraph with `|` escaped. */
export function cell(text: string): string {
  return paragraph(text).replace(/\|/g, "\\|");
}

/** A code span, fenced with more backticks than the text holds in a row. */
function code(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

function joinOr(items: string[], word = "or"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${word} ${items.at(-1)}`;
}

export function renderArticleFormat(schema: JsonObject): string {
  return new FormatReference(schema).render();
}

function defName(node: JsonObject): string | undefined {
  return typeof node.$ref === "string" && node.$ref.startsWith("#/$defs/") ? node.$ref.slice("#/$defs/".length) : undefined;
}

function isObjectType(node: JsonObject): boolean {
  return isObject(node.properties);
}

function range(node: JsonObject): string {
  const min = typeof node.minimum === "number" ? node.minimum : undefined;
  const max = typeof node.maximum === "number" && node.maximum < MAX_SAFE ? node.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return "";
}

/** Conditions on an object beyond its required keys, in words. */
function conditions(node: JsonObject, pointer: string): string[] {
  const out: string[] = [];
  if (Array.isArray(node.anyOf) && node.anyOf.every((b) => isObject(b) && Array.isArray(b.required) && Object.keys(b).length === 1)) {
    out.push(`Needs at least one of ${joinOr(node.anyOf.map((b) => ((b as JsonObject).required as string[]).map(code).join(" and ")))}.`);
  } else if (node.anyOf !== undefined) {
    out.push(`Further conditions: see \`${pointer}/anyOf\` in the schema.`);
  }
  if (node.if !== undefined) {
    const test = isObject(node.if) && isObject(node.if.properties) ? Object.entries(node.if.properties) : [];
    const then = isObject(node.then) && Array.isArray(node.then.required) ? (node.then.required as string[]) : undefined;
    const otherwise = isObject(node.else) && isObject(node.else.not) && Array.isArray(node.else.not.required) ? (node.else.not.required as string[]) : undefined;
    const [key, condition] = test.length === 1 ? test[0]! : [];
    if (key && isObject(condition) && "const" in condition && then) {
      out.push(`${joinOr(then.map(code), "and")} ${then.length === 1 ? "is" : "are"} required when ${code(key)} is ${code(condition.const)}${otherwise && otherwise.join() === then.join() ? ", and not allowed otherwise" : ""}.`);
    } else {
      out.push(`Further conditions: see \`${pointer}/if\` in the schema.`);
    }
  }
  for (const keyword of ["oneOf", "allOf", "not", "dependentRequired", "dependentSchemas"]) {
    if (node[keyword] !== undefined) out.push(`Further conditions: see \`${pointer}/${keyword}\` in the schema.`);
  }
  return out;
}

/**
 * The reference of one schema: its objects found depth first (in the order of the file), each a
 * section with its keys, then the value types the keys name.
 */
class FormatReference {
  private readonly defs: Record<string, JsonObject>;
  /**
   * How often each object definition is used: one used once is named by where it is used, one used
   * more (a count) by its own name.
   */
  private readonly uses = new Map<string, number>();
  private readonly sections: ObjectSection[] = [];
  private readonly sectionOf = new Map<JsonObject, ObjectSection>();
  private readonly missing: string[] = [];
  private readonly valueTypes = new Set<string>();
  private readonly sectionAnchors = new Map<ObjectSection, string>();

  constructor(private readonly schema: JsonObject) {
    this.defs = (isObject(schema.$defs) ? schema.$defs : {}) as Record<string, JsonObject>;
    this.countUses(schema);
    for (const def of Object.values(this.defs)) this.countUses(def);
    this.visitObject(schema, "#", "");
    if (this.missing.length > 0) throw new MissingDescriptions(this.missing);
    this.makeAnchors();
  }

  private countUses(node: Json): void {
    if (Array.isArray(node)) return node.forEach((item) => this.countUses(item));
    if (!isObject(node)) return;
    const name = defName(node);
    if (name) this.uses.set(name, (this.uses.get(name) ?? 0) + 1);
    for (const [key, value] of Object.entries(node)) if (key !== "$defs") this.countUses(value);
  }

  private resolve(node: JsonObject): { node: JsonObject; pointer?: string; name?: string } {
    const name = defName(node);
    if (!name) return { node };
    const def = this.defs[name];
    if (!isObject(def)) throw new Error(`${SCHEMA_FILE}: unknown reference ${String(node.$ref)}`);
    return { node: def, pointer: `#/$defs/${name}`, name };
  }

  /** The object section for an object node, made on first sight (in the schema's order). */
  private visitObject(node: JsonObject, pointer: string, path: string, name?: string): ObjectSection {
    let section = this.sectionOf.get(node);
    if (section) {
      section.usedAt.push(path);
      return section;
    }
    const shared = name !== undefined && (this.uses.get(name) ?? 0) > 1;
    section = { node, pointer, title: path === "" ? "The file" : shared ? name : path, usedAt: [path] };
    this.sectionOf.set(node, section);
    this.sections.push(section);
    const properties = node.properties as JsonObject;
    for (const [key, property] of Object.entries(properties)) {
      if (!isObject(property)) continue;
      const keyPath = path === "" ? key : `${shared ? name : path}.${key}`;
      if (typeof property.description !== "string" || property.description.trim() === "") this.missing.push(`${keyPath} (${pointer}/properties/${key})`);
      this.visitValue(property, `${pointer}/properties/${key}`, keyPath);
    }
    return section;
  }

  /** Finds the objects a value may hold, depth first, so sections come in the order of the file. */
  private visitValue(node: JsonObject, pointer: string, path: string): void {
    const { node: target, pointer: targetPointer, name } = this.resolve(node);
    if (isObjectType(target)) {
      this.visitObject(target, targetPointer ?? pointer, path, name);
      return;
    }
    if (name) this.valueTypes.add(name);
    if (isObject(target.items)) this.visitValue(target.items, `${targetPointer ?? pointer}/items`, `${path}[]`);
    if (isObject(target.additionalProperties)) this.visitValue(target.additionalProperties, `${targetPointer ?? pointer}/additionalProperties`, `${path}.*`);
  }

  /** Each section's anchor, unique among the headings (a value type's anchor is its name's). */
  private makeAnchors(): void {
    const seen = new Map<string, number>();
    for (const section of this.sections) {
      const base = headingAnchor(section.title === "The file" ? section.title : `\`${section.title}\``);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      this.sectionAnchors.set(section, n === 0 ? base : `${base}-${n}`);
    }
  }

  /** What a key's value is, in words, with links to the object's section or the value type. */
  private describeValue(node: JsonObject, plural = false): string {
    const { node: target, name } = this.resolve(node);
    if (isObjectType(target)) {
      const section = this.sectionOf.get(target)!;
      return `${plural ? "objects" : "an object"}, see [${code(section.title)}](#${this.sectionAnchors.get(section)})`;
    }
    if (name && !isObject(target.items) && !isObject(target.additionalProperties)) return `[${name}](#${headingAnchor(name)})`;
    return this.describeInline(target);
  }

  private describeInline(node: JsonObject): string {
    const parts: string[] = [];
    if (Array.isArray(node.enum)) {
      parts.push(`one of ${joinOr(node.enum.map(code))}`);
    } else if ("const" in node) {
      parts.push(`exactly ${code(node.const)}`);
    } else if (isObject(node.items)) {
      parts.push(`a list of ${this.describeValue(node.items, true)}${node.uniqueItems === true ? ", each once" : ""}${typeof node.minItems === "number" && node.minItems > 0 ? `, at least ${node.minItems}` : ""}`);
    } else if (isObject(node.additionalProperties)) {
      parts.push(`a mapping of field name → ${this.describeValue(node.additionalProperties)}`);
    } else if (typeof node.title === "string") {
      parts.push(node.title);
    } else if (node.type === "integer" || node.type === "number") {
      parts.push(`${node.type === "integer" ? "an integer" : "a number"}${range(node)}`);
    } else if (node.type === "string") {
      parts.push("text");
    } else if (node.type === "boolean") {
      parts.push("`true` or `false`");
    } else {
      parts.push("see the schema");
    }
    if ("default" in node) parts.push(`default ${code(node.default)}`);
    return parts.join("; ");
  }

  render(): string {
    const lines = [...this.head(), ...this.sections.flatMap((section) => this.section(section)), ...this.valueTypeLines()];
    return `${lines.join("\n").replace(/\n+$/, "")}\n`;
  }

  private head(): string[] {
    const { schema } = this;
    const lines: string[] = [];
    const title = typeof schema.title === "string" ? schema.title : "The article";
    lines.push(`# The article format: every key of \`source/<slug>.yaml\``);
    lines.push("");
    lines.push(`<!-- Generated from ${SCHEMA_FILE} by scripts/docs/article-format.ts: do not edit here. Edit the schema's "description"s, then run \`make docs\`. -->`);
    lines.push("");
    lines.push(paragraph(typeof schema.description === "string" ? schema.description : title));
    lines.push("");
    lines.push(
      "Each section below is one kind of object with every key it may hold: whether it is required, " +
        "the value it takes (the [value types](#value-types) are at the end) and what it says. A key not listed is refused " +
        "(with a \"did you mean\"). `make new SLUG=… TITLE=…` writes a minimal article to start from; `source/ifex.yaml` is a full one. " +
        "Editors with the YAML language server check and complete the file from the same schema.",
    );
    lines.push("");
    lines.push("## Contents");
    for (const section of this.sections) lines.push(`- [${section.title === "The file" ? "The file" : code(section.title)}](#${this.sectionAnchors.get(section)})`);
    lines.push("- [Value types](#value-types)");
    lines.push("");
    return lines;
  }

  private section(section: ObjectSection): string[] {
    const lines: string[] = [];
    const node = section.node;
    lines.push(`## ${section.title === "The file" ? "The file" : code(section.title)}`);
    lines.push("");
    if (section.title !== "The file" && section.usedAt.length > 1) lines.push(`Used by ${joinOr(section.usedAt.map(code), "and")}.`, "");
    if (typeof node.description === "string" && section.title !== "The file") lines.push(paragraph(node.description), "");
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    lines.push("| key | required | value | what it says |");
    lines.push("| --- | --- | --- | --- |");
    for (const [key, property] of Object.entries(node.properties as JsonObject)) {
      if (!isObject(property)) continue;
      lines.push(`| ${code(key)} | ${required.has(key) ? "yes" : ""} | ${cell(this.describeValue(property))} | ${cell(property.description as string)} |`);
    }
    const notes = conditions(node, section.pointer);
    if (notes.length > 0) lines.push("", ...notes);
    lines.push("");
    return lines;
  }

  private valueTypeLines(): string[] {
    const lines: string[] = [];
    lines.push("## Value types");
    lines.push("");
    for (const name of [...this.valueTypes].sort()) {
      const def = this.defs[name]!;
      lines.push(`### ${name}`);
      lines.push("");
      if (typeof def.description === "string") lines.push(paragraph(def.description), "");
      const facts: string[] = [];
      if (typeof def.title === "string") facts.push(`Written as ${def.title}.`);
      if (isObject(def.items) || isObject(def.additionalProperties)) facts.push(`${this.describeInline(def).replace(/^./, (c) => c.toUpperCase())}.`);
      const types = Array.isArray(def.type) ? def.type : def.type !== undefined ? [def.type] : [];
      if (types.length > 0 && !isObject(def.items) && !isObject(def.additionalProperties)) facts.push(`JSON Schema type ${joinOr(types.map(code))}.`);
      if (typeof def.pattern === "string") facts.push(`Pattern ${code(def.pattern)}.`);
      if (typeof def.format === "string") facts.push(`Format ${code(def.format)}.`);
      if (typeof def.minLength === "number" && def.minLength > 0) facts.push(`At least ${def.minLength} character${def.minLength === 1 ? "" : "s"}.`);
      if (typeof def.maxLength === "number") facts.push(`At most ${def.maxLength} characters.`);
      if (typeof def.minimum === "number" || typeof def.maximum === "number") facts.push(`${types.length > 1 ? "As a number" : "A number"}${range(def)}.`);
      if (facts.length > 0) lines.push(facts.join(" "), "");
    }
    return lines;
  }
}

export function readSchema(root: string): JsonObject {
  return JSON.parse(readFileSync(join(root, SCHEMA_FILE), "utf8")) as JsonObject;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const check = process.argv.includes("--check");
  try {
    const text = renderArticleFormat(readSchema(root));
    const target = join(root, REFERENCE_FILE);
    if (check) {
      let current = "";
      try {
        current = readFileSync(target, "utf8");
      } catch {
        // missing: stale
      }
      if (current !== text) {
        process.stderr.write(`${REFERENCE_FILE} is not what ${SCHEMA_FILE} gives: ${HOW_TO_REGENERATE}\n`);
        process.exit(1);
      }
      process.stdout.write(`${REFERENCE_FILE} is up to date\n`);
    } else {
      writeFileSync(target, text);
      process.stdout.write(`wrote ${REFERENCE_FILE}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
