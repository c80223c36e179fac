// Infoboxes of templates the six articles do not use import by what their template means: a national
// Olympic committee's Created and Recognized are its founding and recognition dates, a school's
// Students a count of students with its year, a school's Status no legal status; the draft passes
// the export's check and the graph states each with the table's property.

import { describe, expect, it } from "vitest";
import { importArticle } from "../scripts/import/import-article.ts";
import { OA, SCHEMA } from "../scripts/graph/namespaces.ts";
import { CorpusContext } from "../scripts/graph/shared.ts";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";
import { exportArticle } from "../scripts/pipeline.ts";

function importText(text: string) {
  const imported = importArticle("made-up.txt", Buffer.from(text, "utf8"), (slug) => `source/${slug}.yaml`);
  expect(imported.untyped).toBeUndefined();
  const file = `source/${imported.slug}.yaml`;
  expect(checkCorpus([{ file, text: imported.yaml }])).toEqual([]);
  const result = exportArticle(imported.yaml, file, { corpus: new CorpusContext(), formats: [], linked: "later" });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const { model, graph } = result;
  const subject = graph.statements[0]!.subject;
  const values = (predicate: string) => graph.statements.filter((s) => s.subject === subject && s.predicate === predicate).map((s) => s.object.value);
  return { imported, model, graph, values };
}

describe("infoboxes of other templates", () => {
  it("a national Olympic committee's Created and Recognized: its founding date and the date it was recognized", () => {
    const { imported, values, model } = importText(
      ["= Example Olympic Committee =", "", "Infobox", "- Country: Greece", "- Created: 1904", "- Recognized: 1907", "- Headquarters: Athens, Greece", "- President: Jane Doe", "", "The Example Olympic Committee is the national Olympic committee of Greece.", ""].join("\n"),
    );
    expect(imported.template).toEqual({ name: "Infobox National Olympic Committee", by: "labels" });
    expect(values(`${SCHEMA}foundingDate`)).toEqual(["1904"]);
    expect(values(`${OA}recognitionDate`)).toEqual(["1907"]);
    // Headquarters is where it is, more precisely than the Country line before it.
    const org = model.organizations[0]!;
    expect(model.places.find((p) => p.id === org.location)?.name).toBe("Athens");
    expect(org.locations).toBeUndefined();
    expect(org.type).toBe("SportsOrganization");
  });

  it("a school's Students: a count of students with the year it is for; its Status stays text", () => {
    const { imported, values, graph, model } = importText(
      ["= Example Academy =", "", "Infobox school", "- Established: 1901", "- Students: 279 (Fall 2024)", "- Status: Open", "", "Example Academy is a small school.", ""].join("\n"),
    );
    expect(imported.template).toEqual({ name: "Infobox school", by: "title" });
    expect(values(`${SCHEMA}foundingDate`)).toEqual(["1901"]);
    const [students] = values(`${OA}students`);
    const node = graph.statements.filter((s) => s.subject === students).map((s) => [s.predicate, s.object.value]);
    expect(node).toEqual(expect.arrayContaining([[`${SCHEMA}value`, "279"], [`${SCHEMA}unitText`, "students"], [`${OA}asOf`, "2024"]]));
    expect(imported.report.find((l) => l.label === "Status")).toMatchObject({ outcome: "text" });
    expect(values(`${OA}legalStatus`)).toEqual([]);
    expect(model.organizations[0]!.type).toBe("School");
  });

  it("a university's Nickname names its teams, not the university; a company's Traded As stays text; a founding year's place loses its preposition", () => {
    const uni = importText(["= Example University =", "", "Infobox university", "- Established: 1850", "- Nickname: Example Bulldogs", "", "Example University is a private university.", ""].join("\n"));
    expect(uni.imported.report.find((l) => l.label === "Nickname")).toMatchObject({ outcome: "text" });
    expect(uni.values(`${SCHEMA}alternateName`)).toEqual([]);
    const company = importText(
      ["= Example Instruments =", "", "Infobox company", "- Traded As: LSE: EXMP, FTSE 250 component", "- Founded: 1921 in Sheffield, England", "", "Example Instruments is a British company.", ""].join("\n"),
    );
    expect(company.imported.report.find((l) => l.label === "Traded As")).toMatchObject({ outcome: "text" });
    expect(company.values(`${SCHEMA}identifier`)).toEqual([]);
    expect(company.values(`${SCHEMA}foundingDate`)).toEqual(["1921"]);
    const [place] = company.values(`${SCHEMA}foundingLocation`);
    const names = company.graph.statements.filter((s) => s.subject === place && s.predicate === `${SCHEMA}name`).map((s) => s.object.value);
    expect(names).toEqual(["Sheffield"]);
  });

  it("a political party's International is the federation of parties it is a member of (schema:memberOf)", () => {
    const { imported, values } = importText(["= Example Party =", "", "Infobox political party", "- International: Liberal International", "", "The Example Party is a political party.", ""].join("\n"));
    expect(imported.template).toEqual({ name: "Infobox political party", by: "title" });
    expect(values(`${SCHEMA}memberOf`)).toHaveLength(1);
    expect(values(`${OA}affiliation`)).toEqual([]);
  });

  it("an organization's Status is its legal status, and its Affiliations affiliations, not a fate nor memberships", () => {
    const { values } = importText(
      ["= Example Institute =", "", "Infobox organization", "- Status: 501(c)(3) nonprofit organization", "- Affiliations: Example Council", "", "The Example Institute is a think tank.", ""].join("\n"),
    );
    expect(values(`${OA}legalStatus`)).toEqual(["501(c)(3) nonprofit organization"]);
    expect(values(`${OA}fate`)).toEqual([]);
    expect(values(`${OA}affiliation`)).toHaveLength(1);
    expect(values(`${SCHEMA}memberOf`)).toEqual([]);
  });
});
