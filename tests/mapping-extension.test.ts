// Adding an infobox template and a parameter is a change of data, not of code: a table with one more
// template (Infobox zoo, its Visitors a count of a new key, its Opened the founding date) and one
// more key, passed to the importer, the graph and the corpus table as an argument, makes the draft
// hold the count, the graph state it with its property as a node of its own, and
// corpus.organizations.csv give it a column, while the project's table leaves the same line as text.

import { describe, expect, it } from "vitest";
import { buildDraft } from "../scripts/import/draft.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { buildModel } from "../scripts/model/build.ts";
import { buildGraph } from "../scripts/graph/build.ts";
import { ArticleIris, CorpusContext } from "../scripts/graph/shared.ts";
import { OA, SCHEMA } from "../scripts/graph/namespaces.ts";
import { organizationColumns, typedCells } from "../scripts/writers/organization-columns.ts";
import { MAPPING_TABLE, mappingTableProblems, type MappingTable } from "../scripts/model/infobox-mapping.ts";
import type { ArticleModel, Organization } from "../scripts/model/types.ts";

const ARTICLE = `= Example Zoo =

Infobox zoo
- Opened: 1931
- Visitors: 1,200,000 (2019)
- Location: Toronto, Ontario, Canada

The Example Zoo is a zoo in Toronto.
`;

/** The project's table and one template more, as data. */
function tableWithZoo(): MappingTable {
  const table: MappingTable = structuredClone(MAPPING_TABLE);
  table.keys.push({ key: "visitors", value: "count", property: "oa:annualVisitors", label: "annual visitors", unit: "visitors" });
  table.templates!.push({
    name: "Infobox zoo",
    kind: "museum",
    parameters: ["opened", "visitors", "location", "area", "num_animals"],
    rows: [
      { parameters: ["opened"], kind: "date", key: "foundingDate" },
      { parameters: ["visitors"], kind: "count", key: "visitors" },
    ],
  });
  return table;
}

function imported(table: MappingTable) {
  const draft = buildDraft("zoo.txt", readArticle("zoo.txt", ARTICLE), { mapping: table });
  const model = buildModel(draft.data, "source/example-zoo.yaml") as ArticleModel;
  const org = model.organizations[0]!;
  const iris = new ArticleIris(new CorpusContext(), model);
  return { draft, model, iris, org, graph: buildGraph(model, iris, new Map(), table) };
}

describe("a template and a parameter added as data", () => {
  it("is a table with nothing wrong with it", () => {
    expect(mappingTableProblems(tableWithZoo())).toEqual([]);
  });

  it("makes the draft, the graph and the corpus column follow", () => {
    const table = tableWithZoo();
    const { draft, iris, org, graph } = imported(table);
    // The draft: read as the new template; Opened a founding date, Visitors the new key's count with its year.
    expect(draft.template).toEqual({ name: "Infobox zoo", by: "title" });
    expect(org.foundingDate).toBe("1931");
    expect((org as unknown as Record<string, unknown>).visitors).toMatchObject({ value: 1200000, comparison: "exactly", unit: "visitors", asOf: "2019" });
    expect(draft.report.find((l) => l.label === "Visitors")).toMatchObject({ outcome: "typed", detail: "oa:annualVisitors 1200000 (2019)" });
    // The template's kind gives the type where no words do.
    expect(org).toMatchObject({ type: "Organization", additionalType: "http://www.wikidata.org/entity/Q33506" });
    // The graph: the key's property, to a QuantitativeValue of its own.
    const orgIri = graph.statements[0]!.subject;
    const visitors = graph.statements.find((s) => s.subject === orgIri && s.predicate === `${OA}annualVisitors`);
    expect(visitors?.object.termType).toBe("NamedNode");
    const node = graph.statements.filter((s) => s.subject === visitors!.object.value);
    expect(node.map((s) => [s.predicate, s.object.value])).toEqual(
      expect.arrayContaining([
        [`${SCHEMA}value`, "1200000"],
        [`${SCHEMA}unitText`, "visitors"],
        [`${OA}asOf`, "2019"],
      ]),
    );
    expect(graph.statements.some((s) => s.subject === orgIri && s.predicate === `${SCHEMA}foundingDate` && s.object.value === "1931")).toBe(true);
    // The corpus table: a column for the count and one for its year, filled.
    const columns = organizationColumns(table);
    const cells = typedCells(iris, org as Organization, columns);
    const at = columns.findIndex((c) => c.name === "visitors");
    expect(at).toBeGreaterThan(0);
    expect(columns[at + 1]!.name).toBe("visitors_year");
    expect(columns[at]!.type).toBe("number");
    expect([cells[at], cells[at + 1]]).toEqual(["1200000", "2019"]);
  });

  it("is what the project's table does not know", () => {
    const { draft, org, graph } = imported(MAPPING_TABLE);
    expect(draft.template?.name).not.toBe("Infobox zoo");
    expect((org as unknown as Record<string, unknown>).visitors).toBeUndefined();
    expect(draft.report.find((l) => l.label === "Visitors")).toMatchObject({ outcome: "text" });
    expect(graph.statements.some((s) => s.predicate === `${OA}annualVisitors`)).toBe(false);
    expect(organizationColumns(MAPPING_TABLE).some((c) => c.name === "visitors")).toBe(false);
  });
});
