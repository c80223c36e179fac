// People in infobox values: a person's name told apart from roles, boards and committees
// (scripts/import/people.ts, schemas/people-roles.json). The lines of issue 27 that became wrong
// facts, the forms "Name, (Role)", "Name (Role)", "Role Name", "Name, Role, Board", "Role: Name",
// and the people of the six shared articles against their gold standard (../shared/gold/).

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { buildDraft } from "../scripts/import/draft.ts";
import { importArticle } from "../scripts/import/import-article.ts";
import { buildModel } from "../scripts/model/build.ts";
import { buildGraph } from "../scripts/graph/build.ts";
import { ArticleIris, CorpusContext } from "../scripts/graph/shared.ts";
import { OA, SCHEMA } from "../scripts/graph/namespaces.ts";
import { isSurePersonName, readPeople } from "../scripts/import/people.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { ROOT } from "./helpers.ts";

const person = (name: string, role?: string, qualifier?: string) => ({ kind: "person", name, ...(role !== undefined && { role }), ...(qualifier !== undefined && { qualifier }) });

describe("reading people in roles", () => {
  it("keeps a board with the role it belongs to: one person, never a role or a board", () => {
    expect(readPeople("Jane Harman, Chair, Board of Trustees")).toEqual({ sure: true, people: [person("Jane Harman", "Chair, Board of Trustees")] });
  });

  it("does not make a board or a committee a person", () => {
    for (const value of ["Board of Trustees", "Board of Directors", "Executive Committee", "National Executive Council", "Trustees"]) {
      expect(readPeople(value).sure, value).toBe(false);
    }
  });

  it("puts a qualifier beside the role the leader's title gives", () => {
    expect(readPeople("Nicole Bibbins Sedaca (interim)", { role: "President" })).toEqual({ sure: true, people: [person("Nicole Bibbins Sedaca", "President", "interim")] });
    expect(readPeople("Jane Doe", { role: "Interim President" })).toEqual({ sure: true, people: [person("Jane Doe", "President", "interim")] });
    expect(readPeople("Rupert Murdoch (Chairman Emeritus)")).toEqual({ sure: true, people: [person("Rupert Murdoch", "Chairman", "emeritus")] });
  });

  it("takes the role written before a name out of the name", () => {
    expect(readPeople("President & Chief Executive Officer Alexandra Reeve Givens")).toEqual({ sure: true, people: [person("Alexandra Reeve Givens", "President & Chief Executive Officer")] });
    expect(readPeople("Chairman of the Board Jane Doe")).toEqual({ sure: true, people: [person("Jane Doe", "Chairman of the Board")] });
  });

  it("reads the forms infoboxes write people in", () => {
    expect(readPeople("Quinn McKew, (Executive Director)")).toEqual({ sure: true, people: [person("Quinn McKew", "Executive Director")] });
    expect(readPeople("Jane Doe (Chair), John Roe (CEO)")).toEqual({ sure: true, people: [person("Jane Doe", "Chair"), person("John Roe", "CEO")] });
    expect(readPeople("Executive Director, Quinn McKew")).toEqual({ sure: true, people: [person("Quinn McKew", "Executive Director")] });
    expect(readPeople("CEO: Tim Cook")).toEqual({ sure: true, people: [person("Tim Cook", "CEO")] });
    expect(readPeople("Tim Cook – CEO")).toEqual({ sure: true, people: [person("Tim Cook", "CEO")] });
    expect(readPeople("Jane Doe, Acting Director")).toEqual({ sure: true, people: [person("Jane Doe", "Director", "acting")] });
    expect(readPeople("Satya Nadella (Chairman & CEO)")).toEqual({ sure: true, people: [person("Satya Nadella", "Chairman & CEO")] });
    expect(readPeople("Darnell Hughes, president, Linda Kowalski, secretary-treasurer")).toEqual({ sure: true, people: [person("Darnell Hughes", "president"), person("Linda Kowalski", "secretary-treasurer")] });
    expect(readPeople("Martin Luther King, Jr.")).toEqual({ sure: true, people: [person("Martin Luther King, Jr.")] });
    expect(readPeople("Edsel Ford and Henry Ford")).toEqual({ sure: true, people: [person("Edsel Ford"), person("Henry Ford")] });
    expect(readPeople("Bill Gates, (Co-chair), Melinda French Gates, (Co-chair), Mark Suzman, (CEO)")).toEqual({
      sure: true,
      people: [person("Bill Gates", "Co-chair"), person("Melinda French Gates", "Co-chair"), person("Mark Suzman", "CEO")],
    });
  });

  it("reads names English does not know as names, and not roles, boards or organizations", () => {
    for (const name of ["Aryeh Neier", "Edsel Ford", "Ngozi Okonjo-Iweala", "Ursula von der Leyen", "N. Chandrasekaran", "Lee Jae-yong", "Sir Keir Starmer", "Howard Dean", "Louise Mushikiwabo"]) {
      expect(isSurePersonName(name), name).toBe(true);
    }
    for (const name of ["Chief Executive Officer", "APF General Secretary", "Secretary-General", "Board of Trustees", "Ford Motor Company", "Goldman Sachs", "Mass media", "Various", "Chair", "IFJ"]) {
      expect(isSurePersonName(name), name).toBe(false);
    }
  });

  it("makes a founder that is a company an organization, and a key person that is one a doubt", () => {
    expect(readPeople("Ford Motor Company, Henry Ford", { organizations: true })).toEqual({ sure: true, people: [{ kind: "organization", name: "Ford Motor Company" }, person("Henry Ford")] });
    expect(readPeople("Goldman Sachs").sure).toBe(false);
  });

  it("leaves a value it cannot read for sure untyped, and says why", () => {
    const cases = ["Chair", "Jane Doe, Board of Trustees", "Jane Doe (1990–2000)", "Various trustees", "Chair, Jane Doe, John Roe"];
    for (const value of cases) {
      const reading = readPeople(value);
      expect(reading.sure, value).toBe(false);
      if (!reading.sure) expect(reading.because, value).not.toBe("");
    }
  });
});

const article = (lines: string[]) => readArticle("test.txt", ["= Acme =", "", "Acme", ...lines.map((l) => `- ${l}`), "", "Acme is an organization.", ""].join("\n"));

describe("people in the draft", () => {
  it("types the issue's lines as persons in their roles, and nothing else as a person", () => {
    const draft = buildDraft("test.txt", article([
      "Key People: Jane Harman, Chair, Board of Trustees",
      "Leader Title: President",
      "Leader Name: Nicole Bibbins Sedaca (interim)",
      "Leader Title2: Chief Executive",
      "Leader Name2: Board of Trustees",
    ]));
    const people = (draft.data.people as Record<string, unknown>[]).map(({ name, jobTitle, roleQualifier }) => ({ name, jobTitle, roleQualifier }));
    expect(people).toEqual([
      { name: "Jane Harman", jobTitle: "Chair, Board of Trustees", roleQualifier: undefined },
      { name: "Nicole Bibbins Sedaca", jobTitle: "President", roleQualifier: "interim" },
    ]);
    const outcome = Object.fromEntries(draft.report.map((l) => [l.label, l.outcome]));
    expect(outcome).toEqual({ "Key People": "typed", "Leader Title": "typed", "Leader Name": "typed", "Leader Title2": "text", "Leader Name2": "text" });
    expect(draft.report.find((l) => l.label === "Leader Name2")!.detail).toMatch(/board or committee/);
  });

  it("exports the qualifier beside the job title (oa:roleQualifier), and the export's check accepts it", () => {
    const text = ["= Acme =", "", "Acme", "- Leader Title: President", "- Leader Name: Nicole Bibbins Sedaca (interim)", "", "Acme is an organization.", ""].join("\n");
    const imported = importArticle("acme.txt", new TextEncoder().encode(text), (slug) => `${slug}.yaml`);
    expect(imported.untyped).toBeUndefined();
    const model = buildModel(yaml.load(imported.yaml), "acme.yaml");
    const graph = buildGraph(model, new ArticleIris(new CorpusContext(), model));
    const objects = (predicate: string) => graph.statements.filter((s) => s.predicate === predicate).map((s) => (s.object as { value: string }).value);
    expect(objects(`${SCHEMA}jobTitle`)).toEqual(["President"]);
    expect(objects(`${OA}roleQualifier`)).toEqual(["interim"]);
  });

  it("gives a person the office the label names", () => {
    const draft = buildDraft("test.txt", article(["Provost: Rajiv Menon", "Deputy Leader: Marcus Reid", "Manager: Kevin Doyle", "Secretary: Giulia Fontana"]));
    expect((draft.data.people as { name: string; jobTitle: string }[]).map((p) => `${p.name}, ${p.jobTitle}`)).toEqual(["Rajiv Menon, Provost", "Marcus Reid, Deputy Leader", "Kevin Doyle, Manager", "Giulia Fontana, Secretary"]);
  });

  it("makes an owner whose name is surely a person's a person, and any other owner an organization", () => {
    const draft = buildDraft("test.txt", article(["Owner: Rupert Murdoch, The McClatchy Company, Knight Newspapers, Inc., Grupo Altamira, Altamira Koval"]));
    expect((draft.data.people as { name: string }[]).map((p) => p.name)).toEqual(["Rupert Murdoch"]);
    expect((draft.data.organizations as { name: string }[]).slice(1).map((o) => o.name)).toEqual(["The McClatchy Company", "Knight Newspapers, Inc.", "Grupo Altamira", "Altamira Koval"]);
  });

  it("keeps a line with a name it is not sure of as text, typing none of its people", () => {
    const draft = buildDraft("test.txt", article(["Key People: Jane Doe (Chair), Various trustees"]));
    expect(draft.data.people).toBeUndefined();
    expect(draft.report[0]).toMatchObject({ outcome: "text", detail: expect.stringContaining("Various trustees") });
  });
});

// The six shared articles against their gold standard: every person the gold names from the infobox
// is a person with the gold's role, and nothing of not_people is.
const SHARED = resolve(ROOT, "../shared");
const have = existsSync(join(SHARED, "gold")) && existsSync(join(SHARED, "articles"));

interface GoldPerson { name: string; role?: string; role_alt?: string[]; qualifier?: string; from: string; optional?: boolean }
interface Gold { slug: string; people?: GoldPerson[]; founders?: GoldPerson[]; not_people?: string[] }

describe.skipIf(!have)("people of the shared articles, against the gold standard", () => {
  const slugs = have ? readdirSync(join(SHARED, "gold")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort() : [];
  it.each(slugs)("%s", (slug) => {
    const gold = yaml.load(readFileSync(join(SHARED, "gold", `${slug}.yaml`), "utf8")) as Gold;
    const file = join(SHARED, "articles", `${slug}.txt`);
    const draft = buildDraft(file, readArticle(file, readFileSync(file, "utf8")));
    const people = (draft.data.people as { name: string; jobTitle?: string; roleQualifier?: string }[] | undefined) ?? [];
    const names = people.map((p) => p.name);
    const fromInfobox = [...(gold.people ?? []), ...(gold.founders ?? [])].filter((p) => p.from === "infobox");
    expect(names.sort()).toEqual(fromInfobox.map((p) => p.name).sort());
    for (const g of gold.people ?? []) {
      if (g.from !== "infobox") continue;
      const p = people.find((x) => x.name === g.name)!;
      expect([g.role, ...(g.role_alt ?? [])], g.name).toContain(p.jobTitle);
      expect(p.roleQualifier, g.name).toBe(g.qualifier);
    }
    for (const wrong of gold.not_people ?? []) expect(names, wrong).not.toContain(wrong);
  });
});
