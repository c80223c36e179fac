// The mapping table (schemas/infobox-mapping.json) is consistent with what it points to: every key
// is a key of the article schema's organization, of a shape its value needs; every property it
// states exists, in schema.org 30.0 (on organizations) or in the project's vocabulary with the
// same label; every row's kind can fill its key. A table that breaks one of these is refused.

import { readFileSync } from "node:fs";
import N3 from "n3";
import { describe, expect, it } from "vitest";
import { allKeys, asList, expandCurie, MAPPING_TABLE, mappingTableProblems, type MappingTable } from "../scripts/model/infobox-mapping.ts";
import { OA, SCHEMA } from "../scripts/graph/namespaces.ts";
import { schemaOrgVocabulary } from "../scripts/vocabulary/schemaorg-vocabulary.ts";
import { propertyLabel } from "../scripts/graph/vocabulary.ts";
import { projectPath } from "../scripts/lib/project-path.ts";

const schema = JSON.parse(readFileSync(projectPath("schemas/article.schema.json"), "utf8"));
const organization: Record<string, { $ref?: string; type?: string }> = schema.$defs.organization.properties;
/** The schema's shape of each value of the table. */
const SHAPES: Record<string, (p: { $ref?: string; type?: string }) => boolean> = {
  text: (p) => p.$ref === "#/$defs/text",
  plain: (p) => p.$ref === "#/$defs/text",
  texts: (p) => p.$ref === "#/$defs/texts",
  date: (p) => p.$ref === "#/$defs/date",
  integer: (p) => p.type === "integer",
  ref: (p) => p.$ref === "#/$defs/ref",
  refs: (p) => p.$ref === "#/$defs/refs",
  url: (p) => p.$ref === "#/$defs/url",
  languages: (p) => p.type === "array",
  count: (p) => p.$ref === "#/$defs/count",
  counts: (p) => p.type === "array",
  money: (p) => p.$ref === "#/$defs/money",
  parts: (p) => p.type === "object",
};
/**
 * The organization's keys that are not the table's: who it is, where its facts come from (`prose`:
 * the sentences of the facts the prose states), and the street and postcode of its location, which
 * the graph states in the location's PostalAddress.
 */
const NOT_MAPPED = ["id", "section", "sections", "prose", "wikidata", "type", "name", "streetAddress", "postalCode"];

describe("the mapping table", () => {
  it("has nothing wrong with it", () => {
    expect(mappingTableProblems(MAPPING_TABLE)).toEqual([]);
  });

  it("names each key of the article schema's organization, with the shape the schema gives it", () => {
    for (const spec of MAPPING_TABLE.keys) {
      const property = organization[spec.key];
      expect(property, `${spec.key} is not a key of the organization in schemas/article.schema.json`).toBeDefined();
      expect(SHAPES[spec.value]!(property!), `${spec.key}: the schema's shape is not a ${spec.value}`).toBe(true);
    }
    const keys = new Set(MAPPING_TABLE.keys.map((k) => k.key));
    for (const key of Object.keys(organization)) if (!NOT_MAPPED.includes(key)) expect(keys.has(key), `the organization's ${key} is not in the table`).toBe(true);
  });

  it("states schema.org 30.0 properties of organizations, and the project's own terms with their labels", () => {
    const vocabulary = schemaOrgVocabulary();
    const quads = new N3.Parser().parse(readFileSync(projectPath("schemas/org-articles.vocab.ttl"), "utf8"));
    const labels = new Map(quads.filter((q) => q.predicate.value.endsWith("#label")).map((q) => [q.subject.value, q.object.value]));
    let checked = 0;
    for (const spec of allKeys(MAPPING_TABLE)) {
      const words = asList(spec.label);
      asList(spec.property).forEach((curie, i) => {
        const iri = expandCurie(curie);
        if (iri.startsWith(SCHEMA)) {
          const name = iri.slice(SCHEMA.length);
          expect(vocabulary.isProperty(name), `${curie} is not a property of schema.org 30.0`).toBe(true);
          expect(vocabulary.supersededBy(name), `${curie} is superseded`).toBeUndefined();
          const domain = vocabulary.property(name)!.domain;
          expect(domain.some((d) => vocabulary.isSubClassOf("Organization", d)), `${curie} is not a property of an Organization`).toBe(true);
        } else {
          expect(iri.startsWith(OA)).toBe(true);
          expect(labels.get(iri), `${curie} is not defined in schemas/org-articles.vocab.ttl`).toBe(words[i]);
        }
        // The CSV shows the table's words for it.
        expect(propertyLabel(iri)).toBe(words[i]);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("refuses a table whose row cannot fill its key, or names a key it does not have", () => {
    const broken = (change: (t: MappingTable) => void) => {
      const table: MappingTable = structuredClone(MAPPING_TABLE);
      change(table);
      return mappingTableProblems(table);
    };
    expect(broken((t) => t.rows.push({ parameters: ["students_count"], kind: "date", key: "students" }))).toContain("row students_count: a date cannot fill students (a count)");
    expect(broken((t) => t.rows.push({ parameters: ["mascot"], kind: "text", key: "mascot" }))).toContain('row mascot: key "mascot" is not in keys');
    expect(broken((t) => t.rows.push({ parameters: ["founded"], kind: "date", key: "foundingDate" }))).toContain("parameter founded in two rows");
    expect(broken((t) => t.keys.push({ key: "rival", value: "refs", property: "oa:rival", label: "rival" }))).toContain("key rival: a reference says what it refers to (refersTo)");
    expect(broken((t) => t.keys.push({ key: "mascot", value: "text", property: "dbo:mascot", label: "mascot" }))).toContain("key mascot: property dbo:mascot is not schema:… or oa:…");
  });
});
