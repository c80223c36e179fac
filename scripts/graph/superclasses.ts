// A node's schema.org types, materialized: its own type and every superclass up to the top-level
// types (the direct subclasses of schema:Thing), as DBpedia materializes its superclasses. A query
// for `?e a schema:Event` then finds an ExhibitionEvent, `?o a schema:Organization` an NGO,
// without a reasoner. The hierarchy is schema.org 30.0's own, read from the committed
// schemas/schemaorg-30.0/vocabulary.json (derived from schema.org's release by `make vocabulary`).
// The graph (build.ts) types its nodes with this; the vocabulary check (check/vocabulary-check.ts)
// reports a node whose superclasses are not all stated.

import { schemaOrgVocabulary } from "../vocabulary/schemaorg-vocabulary.ts";

/** Every node is a Thing: saying so adds a triple per node and nothing a query needs. */
const TOP = "Thing";

/**
 * `type` followed by its superclasses in `classes` (class → direct superclasses, schema.org local
 * names), nearest first (breadth-first, each class's parents in the vocabulary's order), without
 * schema:Thing: "NGO" → ["NGO", "Organization"], "City" → ["City", "AdministrativeArea", "Place"].
 * A name the vocabulary does not define is returned alone (the vocabulary check reports it).
 */
export function typeAndSuperclasses(classes: Readonly<Record<string, readonly string[]>>, type: string): string[] {
  const result: string[] = [type];
  for (let i = 0; i < result.length; i++) {
    const parents = Object.hasOwn(classes, result[i]!) ? classes[result[i]!]! : [];
    for (const parent of parents) if (parent !== TOP && !result.includes(parent)) result.push(parent);
  }
  return result;
}

const memo = new Map<string, readonly string[]>();

/** `typeAndSuperclasses` in schema.org 30.0, once per type. */
export function schemaTypeAndSuperclasses(type: string): readonly string[] {
  let found = memo.get(type);
  if (found === undefined) memo.set(type, (found = typeAndSuperclasses(schemaOrgVocabulary().file.classes, type)));
  return found;
}
