// A legal status read as schema.org's nonprofitStatus (scripts/import/legal-status.ts,
// schemas/nonprofit-statuses.json), only with a member schema.org lists; in the draft and the graph
// beside the status as written (oa:legalStatus), never as a fate.

import { describe, expect, it } from "vitest";
import { nonprofitStatusOf } from "../scripts/import/legal-status.ts";
import { buildDraft } from "../scripts/import/draft.ts";
import { importArticle } from "../scripts/import/import-article.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { OA, SCHEMA } from "../scripts/graph/namespaces.ts";
import { CorpusContext } from "../scripts/graph/shared.ts";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";
import { exportArticle } from "../scripts/pipeline.ts";

describe("legal status", () => {
  it.each([
    ["501(c)(3) nonprofit organization", "Nonprofit501c3"],
    ["501(c)(3) charitable organization", "Nonprofit501c3"],
    ["501 (c) (4) social welfare organization", "Nonprofit501c4"],
    ["Section 527 organization", "Nonprofit527"],
    ["Charitable incorporated organisation", "CharitableIncorporatedOrganization"],
    ["Stichting with ANBI status", "NonprofitANBI"],
  ])("%s is schema:%s", (text, member) => {
    expect(nonprofitStatusOf(text)).toBe(member);
  });

  it.each(["501(c)(99) organization", "Registered charity", "Nonprofit", "Active", "Defunct", "Purchased by The McClatchy Company"])("%s gives none", (text) => {
    expect(nonprofitStatusOf(text)).toBeUndefined();
  });
});

describe("legal status in the draft and the graph", () => {
  it("states the Status as a legal status and its schema.org NonprofitType, never as a fate", () => {
    const text = ["= Example Institute =", "", "Infobox organization", "- Status: 501(c)(3) nonprofit organization", "", "The Example Institute is a think tank.", ""].join("\n");
    const imported = importArticle("made-up.txt", new TextEncoder().encode(text), (slug) => `source/${slug}.yaml`);
    expect(imported.untyped).toBeUndefined();
    const file = "source/example-institute.yaml";
    expect(checkCorpus([{ file, text: imported.yaml }])).toEqual([]);
    const result = exportArticle(imported.yaml, file, { corpus: new CorpusContext(), formats: [], linked: "later" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { graph } = result;
    const subject = graph.statements[0]!.subject;
    const values = (predicate: string) => graph.statements.filter((s) => s.subject === subject && s.predicate === predicate).map((s) => s.object.value);
    expect(values(`${SCHEMA}nonprofitStatus`)).toEqual([`${SCHEMA}Nonprofit501c3`]);
    expect(values(`${OA}legalStatus`)).toEqual(["501(c)(3) nonprofit organization"]);
    expect(values(`${OA}fate`)).toEqual([]);
  });

  it("reads a 501(c) status the Type field gives, and gives none for a status without one", () => {
    const draft = (lines: string[]) => buildDraft("x.txt", readArticle("x.txt", ["= Acme =", "", "Infobox", ...lines.map((l) => `- ${l}`), "", "Acme is an organization.", ""].join("\n")));
    expect((draft(["Type: 501(c)(3) charitable organization"]).data.organizations as Record<string, unknown>[])[0]!.nonprofitStatus).toBe(`${SCHEMA}Nonprofit501c3`);
    expect((draft(["Status: Registered charity"]).data.organizations as Record<string, unknown>[])[0]!.nonprofitStatus).toBeUndefined();
  });
});
