// An article's entities as one compact string (JSON of [id, kind, name, type] rows): what other
// articles need of it (their references are checked against the ids and kinds, and named by the
// names and types) without keeping its model. Ten thousand articles keep ten thousand strings.

import type { ArticleModel, EntityList } from "../model/types.ts";
import type { NodeInfo } from "../graph/build.ts";
import type { Namespaces } from "../graph/namespaces.ts";
import type { ArticleIris } from "../graph/shared.ts";

/** A place or topic the article shares with the corpus (graph/shared.ts) is "shared:<id>": not referable as slug/id. */
type Row = [id: string, kind: EntityList | `shared:${string}`, name: string, type: string, otherNames?: string[]];

export function entityTable(model: ArticleModel, iris: ArticleIris): string {
  const rows: Row[] = [];
  const shared = iris.redirects;
  // An organization's former and alternate names too: another article may be about it by one of them (article-links.ts).
  for (const o of model.organizations) {
    const otherNames = [...(o.formerNames ?? []), ...(o.alternateNames ?? [])];
    rows.push(otherNames.length > 0 ? [o.id, "organizations", o.name, o.type, otherNames] : [o.id, "organizations", o.name, o.type]);
  }
  for (const p of model.people) rows.push([p.id, "people", p.name, "Person"]);
  for (const p of model.places) rows.push([p.id, shared.has(p.id) ? `shared:${shared.get(p.id)}` : "places", p.name, p.type]);
  for (const e of model.events) rows.push([e.id, "events", e.name, e.type]);
  for (const w of model.works) rows.push([w.id, "works", w.name, w.type]);
  for (const t of model.topics) rows.push([t.id, shared.has(t.id) ? `shared:${shared.get(t.id)}` : "topics", t.name, "DefinedTerm"]);
  for (const m of model.milestones) rows.push([m.id, "milestones", "", ""]);
  return JSON.stringify(rows);
}

export interface ArticleEntities {
  /** id → kind, as validate/external-references.ts's CorpusIndex wants. */
  kinds: Map<string, EntityList | `shared:${string}`>;
  /** IRI → node, for naming references (milestones have no name and are not here). */
  nodes: Map<string, NodeInfo>;
  /** Each organization's names: its name, then its former and alternate names. */
  organizations: { id: string; names: string[] }[];
}

export function readEntityTable(slug: string, table: string, iris: Namespaces): ArticleEntities {
  const kinds = new Map<string, EntityList | `shared:${string}`>();
  const nodes = new Map<string, NodeInfo>();
  const organizations: ArticleEntities["organizations"] = [];
  for (const [id, kind, name, type, otherNames] of JSON.parse(table) as Row[]) {
    kinds.set(id, kind);
    if (kind === "organizations") organizations.push({ id, names: [name, ...(otherNames ?? [])] });
    if (kind !== "milestones" && !kind.startsWith("shared:")) {
      const iri = iris.entityIri(slug, id);
      nodes.set(iri, { iri, id: `${slug}/${id}`, name, type });
    }
  }
  return { kinds, nodes, organizations };
}

/**
 * Only the organizations of an article's table (or none, without one), for the links between
 * articles: read for every article in turn, and dropped at once.
 */
export function readOrganizations(table: string | undefined): ArticleEntities["organizations"] {
  if (table === undefined || table === "") return [];
  const organizations: ArticleEntities["organizations"] = [];
  for (const [id, kind, name, , otherNames] of JSON.parse(table) as Row[]) if (kind === "organizations") organizations.push({ id, names: [name, ...(otherNames ?? [])] });
  return organizations;
}
