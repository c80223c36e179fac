// Derives schemas/schemaorg-30.0/vocabulary.json from schema.org's own release files, so the
// vocabulary check runs offline and without the vendored release (users only have the project).
//
//   node --import tsx scripts/vocabulary/derive-schemaorg.ts [--vendor DIR] [--out FILE]
//
// DIR defaults to ../shared/vendor/schemaorg-30.0 beside the project: schema.org's
// data/releases/30.0/ taken unchanged. Only schemaorg-current-http.ttl is read. The output is
// deterministic (every list and map sorted), so re-deriving changes nothing unless schema.org did.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import N3 from "n3";
import { PROJECT_ROOT, projectPath } from "../lib/project-path.ts";
import { SCHEMAORG_VOCABULARY_PATH, type SchemaOrgVocabularyFile } from "./schemaorg-vocabulary.ts";

const SCHEMA = "http://schema.org/";
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_PROPERTY = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
const RDFS_CLASS = "http://www.w3.org/2000/01/rdf-schema#Class";
const RDFS_SUBCLASS_OF = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
const PENDING_AREA = "http://pending.schema.org";

export const RELEASE = "30.0";
export const VOCABULARY_TURTLE = "schemaorg-current-http.ttl";
export const DEFAULT_VENDOR_DIR = resolve(PROJECT_ROOT, "../shared/vendor/schemaorg-30.0");

/** schema.org's vocabulary Turtle → the compact file the checks read. */
export function deriveVocabulary(turtle: string): SchemaOrgVocabularyFile {
  const local = (iri: string) => (iri.startsWith(SCHEMA) ? iri.slice(SCHEMA.length) : undefined);
  const types = new Map<string, Set<string>>();
  const superClasses = new Map<string, Set<string>>();
  const domains = new Map<string, Set<string>>();
  const ranges = new Map<string, Set<string>>();
  const supersededBy = new Map<string, string>();
  const pending = new Set<string>();
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };

  for (const quad of new N3.Parser({ format: "text/turtle" }).parse(turtle)) {
    const subject = local(quad.subject.value);
    if (!subject) continue;
    const p = quad.predicate.value;
    const o = quad.object.value;
    if (p === RDF_TYPE) add(types, subject, o);
    else if (p === RDFS_SUBCLASS_OF) add(superClasses, subject, o);
    else if (p === `${SCHEMA}domainIncludes`) add(domains, subject, o);
    else if (p === `${SCHEMA}rangeIncludes`) add(ranges, subject, o);
    else if (p === `${SCHEMA}supersededBy` && local(o)) supersededBy.set(subject, local(o)!);
    else if (p === `${SCHEMA}isPartOf` && o === PENDING_AREA) pending.add(subject);
  }

  const schemaNames = (set: Iterable<string> | undefined) =>
    [...(set ?? [])].map(local).filter((name): name is string => name !== undefined).sort();

  const classes: Record<string, string[]> = {};
  const properties: Record<string, { domain: string[]; range: string[] }> = {};
  const members: Record<string, string[]> = {};
  const dataTypeRoots = new Set<string>();
  for (const name of [...types.keys()].sort()) {
    const typeIris = types.get(name)!;
    if (typeIris.has(RDF_PROPERTY)) {
      properties[name] = { domain: schemaNames(domains.get(name)), range: schemaNames(ranges.get(name)) };
      continue;
    }
    if (typeIris.has(`${SCHEMA}DataType`)) dataTypeRoots.add(name);
    if (typeIris.has(RDFS_CLASS) || typeIris.has(`${SCHEMA}DataType`)) classes[name] = schemaNames(superClasses.get(name));
    // Anything typed with a schema.org class is an enumeration member (schema:True, schema:EventScheduled).
    const memberOf = schemaNames(typeIris).filter((type) => type !== "DataType");
    if (memberOf.length > 0) members[name] = memberOf;
  }
  // A data type's subclasses (URL under Text, Integer under Number) are data types too.
  const isDataType = (name: string, seen = new Set<string>()): boolean => {
    if (dataTypeRoots.has(name)) return true;
    if (seen.has(name)) return false;
    seen.add(name);
    return (classes[name] ?? []).some((parent) => isDataType(parent, seen));
  };
  const dataTypes = Object.keys(classes).filter((name) => isDataType(name)).sort();

  return {
    release: RELEASE,
    namespace: SCHEMA,
    derivedFrom: `${VOCABULARY_TURTLE} of schema.org release ${RELEASE} (data/releases/${RELEASE}/ of the schemaorg/schemaorg repository)`,
    derivedBy: "scripts/vocabulary/derive-schemaorg.ts",
    classes,
    dataTypes,
    members,
    properties,
    supersededBy: Object.fromEntries([...supersededBy].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    pending: [...pending].sort(),
  };
}

/** JSON with one term per line: small, and a change in schema.org shows as a readable diff. */
export function serializeVocabulary(vocabulary: SchemaOrgVocabularyFile): string {
  const entries = (value: object | unknown[]) =>
    Array.isArray(value) ? value.map((item) => JSON.stringify(item)) : Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${JSON.stringify(item)}`);
  const block = (value: object | unknown[]) => {
    const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
    const lines = entries(value);
    return lines.length === 0 ? `${open}${close}` : `${open}\n    ${lines.join(",\n    ")}\n  ${close}`;
  };
  const top = Object.entries(vocabulary).map(([key, value]) => `  ${JSON.stringify(key)}: ${typeof value === "object" && value !== null ? block(value) : JSON.stringify(value)}`);
  return `{\n${top.join(",\n")}\n}\n`;
}

function main(args: string[]): number {
  let vendor = DEFAULT_VENDOR_DIR;
  let out = SCHEMAORG_VOCABULARY_PATH;
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    if (args[i] === "--vendor" && value) vendor = resolve(value);
    else if (args[i] === "--out" && value) out = resolve(value);
    else {
      process.stderr.write("usage: derive-schemaorg.ts [--vendor DIR] [--out FILE]\n");
      return 2;
    }
  }
  const source = join(vendor, VOCABULARY_TURTLE);
  if (!existsSync(source)) {
    process.stderr.write(`${source}: error: schema.org's release file is not there, expected ${VOCABULARY_TURTLE} of release ${RELEASE} in ${vendor} (pass --vendor DIR)\n`);
    return 1;
  }
  const vocabulary = deriveVocabulary(readFileSync(source, "utf8"));
  writeFileSync(out, serializeVocabulary(vocabulary));
  const shown = relative(projectPath("."), out) || out;
  process.stdout.write(
    `${shown}: ${Object.keys(vocabulary.classes).length} classes (${vocabulary.dataTypes.length} data types), ${Object.keys(vocabulary.properties).length} properties, ${Object.keys(vocabulary.members).length} enumeration members\n`,
  );
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
