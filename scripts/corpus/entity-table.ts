// An article's entities as one compact string (JSON of [id, kind, name, type] rows): what other
// articles need of it (their references are checked against the ids and kinds, and named by the
// names and types) without keeping its model. Ten thousand articles keep ten thousand strings.

import type { ArticleModel, EntityList } from "../model/types.ts";
import type { NodeInfo } from "../graph/build.ts";
import { entityIri } from "../graph/namespaces.ts";

type Row = [id: string, kind: EntityList, name: string, type: string];

export function entityTable(model: ArticleModel): string {
  const rows: Row[] = [];
  for (const o of model.organizations) rows.push([o.id, "organizations", o.name, o.type]);
  for (const p of model.people) rows.push([p.id, "people", p.name, "Person"]);
  for (const p of model.places) rows.push([p.id, "places", p.name, p.type]);
  for (const e of model.events) rows.push([e.id, "events", e.name, e.type]);
  for (const w of model.works) rows.push([w.id, "works", w.name, w.type]);
  for (const t of model.topics) rows.push([t.id, "topics", t.name, "DefinedTerm"]);
  for (const m of model.milestones) rows.push([m.id, "milestones", "", ""]);
  return JSON.stringify(rows);
}

export interface ArticleEntities {
  /** id → kind, as validate/rules.ts's CorpusIndex wants. */
  kinds: Map<string, EntityList>;
  /** IRI → node, for naming references (milestones have no name and are not here). */
  nodes: Map<string, NodeInfo>;
}

export function readEntityTable(slug: string, table: string): ArticleEntities {
  const kinds = new Map<string, EntityList>();
  const nodes = new Map<string, NodeInfo>();
  for (const [id, kind, name, type] of JSON.parse(table) as Row[]) {
    kinds.set(id, kind);
    if (kind !== "milestones") {
      const iri = entityIri(slug, id);
      nodes.set(iri, { iri, id: `${slug}/${id}`, name, type });
    }
  }
  return { kinds, nodes };
}
