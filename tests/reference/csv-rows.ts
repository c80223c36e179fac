// The CSV writer's rows as plain objects, one per statement: the reference the writer's text is
// compared with (scripts/writers/csv.ts writes the same rows from cached pieces, several times faster).

import type { Graph, NodeInfo, Statement } from "../../scripts/graph/build.ts";
import { RDF_TYPE } from "../../scripts/graph/namespaces.ts";
import { propertyLabel } from "../../scripts/graph/vocabulary.ts";
import { datatypeLabel, type CsvRow } from "../../scripts/writers/csv.ts";

export function csvRows(graph: Graph): CsvRow[] {
  return graph.statements.map((s) => row(s, graph.nodes));
}

function row(s: Statement, nodes: ReadonlyMap<string, NodeInfo>): CsvRow {
  const entity = nodes.get(s.subject)!;
  const base = {
    entity_id: entity.id,
    entity_name: entity.name,
    entity_type: entity.type,
    property: propertyLabel(s.predicate),
    section: s.section,
    entity_iri: s.subject,
    property_iri: s.predicate,
  };
  const o = s.object;
  if (o.termType === "NamedNode") {
    const target = nodes.get(o.value);
    const isType = s.predicate === RDF_TYPE;
    return {
      ...base,
      value: isType ? o.value.replace(/^.*[/#]/, "") : target ? target.name : o.value,
      value_type: isType ? "type" : target ? `reference to ${target.type}` : "URL",
      language: "",
      value_iri: o.value,
      datatype_iri: "",
    };
  }
  return { ...base, value: o.value, value_type: datatypeLabel(o.datatype, o.value), language: o.language, value_iri: "", datatype_iri: o.datatype };
}
