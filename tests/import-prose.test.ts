// The importer's prose reader (scripts/import/prose/) on made-up sentences: what a plain sentence
// about the organization states becomes a fact with its section and sentence; a sentence that
// negates, supposes, or is about someone else gives none; the infobox wins over the prose, and a
// contradiction stays in the draft, flagged and not exported. Then the draft exports with the
// prose's section in the CSV, and the check refuses a prose entry that names what is not there.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDraft } from "../scripts/import/draft.ts";
import { proseFacts, type ProseFact } from "../scripts/import/prose/index.ts";
import { sentencesOf } from "../scripts/import/prose/nlp.ts";
import { readArticle } from "../scripts/import/read-text.ts";
import { draftYaml } from "../scripts/import/write-yaml.ts";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";
import { runExport, tempDir } from "./helpers.ts";


/** A made-up article: a title, an infobox, a lead and a History section of one paragraph per sentence. */
function article(title: string, infobox: string[], lead: string, history: string[] = []): string {
  return [`= ${title} =`, "", title, ...infobox.map((l) => `- ${l}`), "", lead, "", ...(history.length > 0 ? ["==History==", ...history.flatMap((p) => [p, ""])] : [])].join("\n");
}

/** The facts of a made-up article's prose, as plain values. */
function facts(title: string, lead: string, history: string[] = []): (ProseFact & { section: string })[] {
  const text = readArticle("test.txt", article(title, ["Type: Test"], lead, history));
  return proseFacts({ text, name: title, otherNames: [], lead: "Lead" }).map((s) => {
    const f = s.fact as ProseFact & { organization?: { text: string } };
    return { ...(f.organization ? { ...f, organization: { text: f.organization.text } } : f), section: s.section } as ProseFact & { section: string };
  });
}

const LEAD = "The Acme Foundation is an American private foundation.";

describe("sentences", () => {
  it("splits a paragraph into sentences, abbreviations and initials inside a sentence kept", () => {
    const sentences = sentencesOf("It was founded by J. R. Smith Jr. in Washington, D.C. in 1990. Its U.S. office opened in 1995. It closed.").map((s) => s.text);
    expect(sentences).toEqual(["It was founded by J. R. Smith Jr. in Washington, D.C. in 1990.", "Its U.S. office opened in 1995.", "It closed."]);
  });

  it("gives each sentence's line in the paragraph", () => {
    expect(sentencesOf("One line here.\nAnd a second one.").map((s) => s.lineOffset)).toEqual([0, 1]);
  });
});

describe("what a plain sentence states about the organization", () => {
  it.each<[string, string, Partial<ProseFact>[]]>([
    ["a founding year and a former name", "Acme Foundation was founded in 1978 as Helsinki Watch.", [{ kind: "foundingDate", date: "1978" }, { kind: "formerNames", names: ["Helsinki Watch"] }]],
    ["a month, a place and founders", "The foundation was founded in October 1941 in Chicago, Illinois by John Smith and Mary Jones.", [{ kind: "foundingDate", date: "1941-10" }, { kind: "foundingPlace", place: "Chicago, Illinois" }, { kind: "founders", names: ["John Smith", "Mary Jones"] }]],
    ["an opening participle and the headquarters", "Founded in 1950, the foundation is based in Geneva, Switzerland.", [{ kind: "foundingDate", date: "1950" }, { kind: "location", place: "Geneva, Switzerland" }]],
    ["a founder described", "The organization was founded in 1961 by Peter Benenson, a British lawyer.", [{ kind: "foundingDate", date: "1961" }, { kind: "founders", names: ["Peter Benenson"] }]],
    ["its founding, as a noun", "Since its founding in 1907, the foundation has grown.", [{ kind: "foundingDate", date: "1907" }]],
    ["a count of members", "The foundation has over 30,000 members.", [{ kind: "count", field: "membership" }]],
    ["a parent", "Acme Foundation is a subsidiary of Beta Holdings.", [{ kind: "parentOrganization", organization: { text: "Beta Holdings" } as never }]],
    ["a membership", "It is a member of the European Federation of Foundations (EFF).", [{ kind: "memberOf", organization: { text: "European Federation of Foundations" } as never }]],
    ["the headquarters", "Its headquarters are in Zurich, Switzerland.", [{ kind: "location", place: "Zurich, Switzerland" }]],
    ["offices", "It has offices in London, Paris and New York City.", [{ kind: "locations", places: ["London", "Paris", "New York City"] }]],
    ["a change of name", "In 2005, the foundation changed its name from Acme Press to Acme Media.", [{ kind: "formerNames", names: ["Acme Press", "Acme Media"] }]],
    ["an amount with its year", "Its endowment was $1.2 billion in 2020.", [{ kind: "money", field: "endowment", money: { amount: "1200000000", comparison: "exactly", currency: "USD", asOf: "2020" }, asWritten: "$1.2 billion" } as Partial<ProseFact>]],
    ["two amounts of a fiscal year", "For fiscal year 2021, it reported assets of $5 million and expenses of $800,000.", [{ kind: "money", field: "assets" }, { kind: "money", field: "expenses" }]],
    ["a founding and an end in one sentence", "It was founded in 1999 and dissolved in 2005.", [{ kind: "foundingDate", date: "1999" }, { kind: "dissolutionDate", date: "2005" }]],
  ])("%s", (_, sentence, expected) => {
    expect(facts("Acme Foundation", LEAD, [sentence])).toMatchObject(expected.map((e) => ({ ...e, section: "History" })));
  });

  it("reads the lead's abbreviation and other names, not a styling", () => {
    expect(facts("Acme Council", "The Acme Council (AC; French for \"Conseil Acme\"; also known as the Council of Acme) is an international organization.")).toEqual([
      { kind: "alternateNames", names: ["AC", "Conseil Acme", "Council of Acme"], section: "Lead" },
    ]);
    expect(facts("Acme Council", "Acme Council (stylised ACME COUNCIL) is an organization.")).toEqual([]);
  });

  it("ends a former organization by its purchase or merger, with its successor", () => {
    const lead = "Acme Press was an American newspaper company. It was bought by Beta Media on June 27, 2006.";
    expect(facts("Acme Press", lead)).toEqual([
      { kind: "successors", organization: { text: "Beta Media" }, section: "Lead" },
      { kind: "dissolutionDate", date: "2006-06-27", section: "Lead" },
    ]);
    expect(facts("Acme Union", "The Acme Union was a trade union.", ["The union merged with the Beta Union in 1999 to form Gamma."])).toMatchObject([{ kind: "successors", organization: { text: "Gamma" } }, { kind: "dissolutionDate", date: "1999" }]);
    // An organization that still exists is not ended by being bought.
    expect(facts("Acme Press", "Acme Press is an American newspaper company. It was bought by Beta Media on June 27, 2006.")).toEqual([]);
  });
});

describe("what gives no fact", () => {
  it.each([
    ["another subject", "The Ridders bought the Acme Gazette in 1927."],
    ["a person founding", "Henry Ford founded the Acme Foundation in 1936."],
    ["a negation", "It is not a member of the Acme Trust."],
    ["a negated founding", "The foundation was never incorporated in Delaware."],
    ["a hypothetical", "The foundation would be acquired by Beta Inc. in 2010."],
    ["a plan", "The foundation planned to open offices in Kenya and Ghana."],
    ["an imprecise date", "It was founded in the early 1900s."],
    ["an approximate date", "It was founded around 1920."],
    ["a range", "It was founded between 1955 and 1957."],
    ["founders that are not names", "It was established by the merger of Alpha and Beta."],
    ["a family", "It was founded by the Ford family."],
    ["a former membership", "It is a former member of the Gamma League."],
    ["a registration", "In 1990 the foundation was registered as a charity in England."],
    ["a thing of the organization", "Its first office was established in 1950 in Paris."],
    ["a count of something else", "It employs more than 2,000 people."],
    ["someone else's count", "It works with nearly 100 organisations in more than 60 countries."],
    ["a move of the headquarters", "The foundation's headquarters moved to Dallas in 1990."],
    ["a company that is not the foundation", "The company was founded in 1950 by John Smith."],
  ])("%s", (_, sentence) => {
    expect(facts("Acme Foundation", LEAD, [sentence])).toEqual([]);
  });

  it("follows \"it\" only while the text is about the organization", () => {
    expect(facts("Acme Foundation", LEAD, ["Beta Corp. was a rival. It was founded in 1903 by Charles Knight."])).toEqual([]);
    expect(facts("Acme Foundation", LEAD, ["Beta Corp. was a rival. The foundation was created in 1904. It was renamed Acme Fund in 1920."])).toMatchObject([{ kind: "foundingDate", date: "1904" }, { kind: "formerNames", names: ["Acme Fund"] }]);
  });

  it("gives no date when two sentences disagree on it, and says why", () => {
    const text = readArticle("test.txt", article("Acme Foundation", ["Type: Test"], LEAD, ["It was founded in 1950.", "The foundation was created in 1951."]));
    const draft = buildDraft("test.txt", text);
    const org = (draft.data.organizations as Record<string, unknown>[])[0]!;
    expect(org.foundingDate).toBeUndefined();
    expect(draft.prose.map((l) => l.outcome)).toEqual(["skipped", "skipped"]);
  });
});

/** The draft of a made-up article and its subject organization. */
function draftOf(infobox: string[], lead: string, history: string[] = []) {
  const text = readArticle("acme.txt", article("Acme Foundation", infobox, lead, history));
  const draft = buildDraft("acme.txt", text);
  return { draft, org: (draft.data.organizations as Record<string, unknown>[])[0]!, yaml: draftYaml(draft.data, "acme.txt") };
}

describe("the prose's facts in the draft", () => {
  it("flags each fact for review with its section and sentence", () => {
    const { org, draft } = draftOf(["Type: Foundation"], LEAD, ["The foundation was established in 1936 by Edsel Ford.", "It has offices in Nairobi and Dakar."]);
    expect(org.foundingDate).toBe("1936");
    expect(org.prose).toEqual([
      { field: "foundingDate", section: "History", sentence: "The foundation was established in 1936 by Edsel Ford.", reviewed: false },
      { field: "founders", values: ["edsel-ford"], section: "History", sentence: "The foundation was established in 1936 by Edsel Ford.", reviewed: false },
      { field: "locations", values: ["nairobi", "dakar"], section: "History", sentence: "It has offices in Nairobi and Dakar.", reviewed: false },
    ]);
    expect((draft.data.people as Record<string, unknown>[]).find((p) => p.id === "edsel-ford")).toMatchObject({ name: "Edsel Ford", section: "History" });
    expect(draft.prose.filter((l) => l.outcome === "typed").map((l) => l.line)).toEqual([9, 9, 11]);
  });

  it("keeps the infobox's fact where the prose agrees, and adds nothing", () => {
    // A founder the infobox types as a person for sure (people.ts; "Edsel" is a given name its lexicon lacks).
    const { org } = draftOf(["Founded Date: 1936-01-15", "Founders: Henry Ford"], LEAD, ["The foundation was established in 1936 by Henry Ford."]);
    expect(org.foundingDate).toBe("1936-01-15");
    expect(org.prose).toBeUndefined();
  });

  it("keeps the infobox's fact where the prose contradicts it, and flags the contradiction without exporting it", () => {
    const { org, draft, yaml } = draftOf(["Founded Date: 1937", "Num Employees: 5"], LEAD, ["The foundation was established in 1936.", "It has over 100 staff."]);
    expect(org.foundingDate).toBe("1937");
    expect(org.employees).toMatchObject({ value: 5 });
    expect(org.prose).toEqual([
      { field: "foundingDate", section: "History", sentence: "The foundation was established in 1936.", says: "1936", contradicts: "1937", reviewed: false },
      { field: "employees", section: "History", sentence: "It has over 100 staff.", says: "over 100 staff", contradicts: "5", reviewed: false },
    ]);
    expect(draft.prose.map((l) => l.outcome)).toEqual(["contradicts", "contradicts"]);
    expect(checkCorpus([{ file: "source/acme-foundation.yaml", text: yaml }])).toEqual([]);
  });

  it("exports a prose fact with its section in the CSV, and passes the check", () => {
    const { yaml } = draftOf(["Type: Foundation"], LEAD, ["The foundation was established in 1936 in Detroit, Michigan.", "For fiscal year 2023, it reported assets of $16 million."]);
    const source = tempDir("prose-src-");
    writeFileSync(join(source, "acme-foundation.yaml"), yaml);
    const dist = join(tempDir("prose-dist-"), "dist");
    const run = runExport(["--source", source, "--out", dist]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const csv = readFileSync(join(dist, "acme-foundation.csv"), "utf8");
    const row = (property: string) => csv.split("\r\n").find((l) => l.includes(`,"${property}",`)) ?? "";
    expect(row("founding date")).toContain(',"1936","date (year)","","History",');
    expect(row("founding place")).toContain(',"History",');
    expect(row("assets")).toContain(',"History",');
    expect(csv).toContain('"acme-foundation.assets","Acme Foundation: assets","MonetaryAmount","value","16000000"');
    // The description still comes from the lead.
    expect(row("description")).toContain(',"Lead",');
  });
});

describe("the check of prose entries", () => {
  const base = () => draftOf(["Type: Foundation"], LEAD, ["It has offices in Nairobi and Dakar."]);

  it("refuses an entry naming a field the organization does not have", () => {
    const { yaml } = base();
    const bad = yaml.replace("field: locations", "field: subOrganizations");
    expect(checkCorpus([{ file: "source/acme-foundation.yaml", text: bad }]).map((d) => d.message)).toEqual(['prose names the field "subOrganizations", which this entity does not have']);
  });

  it("refuses an item its list does not hold, and an unknown section", () => {
    const { yaml } = base();
    const bad = yaml.replace("- dakar\n        section: History", "- accra\n        section: Hisstory");
    const messages = checkCorpus([{ file: "source/acme-foundation.yaml", text: bad }]).map((d) => d.message);
    expect(messages).toContain('prose lists "accra", which locations does not hold');
    expect(messages).toContain('unknown section "Hisstory"');
  });

  it("refuses an entry without reviewed, or with says but no contradicts", () => {
    const { yaml } = base();
    expect(checkCorpus([{ file: "source/acme-foundation.yaml", text: yaml.replace("        reviewed: false\n", "") }]).length).toBeGreaterThan(0);
    expect(checkCorpus([{ file: "source/acme-foundation.yaml", text: yaml.replace("        reviewed: false\n", "        reviewed: false\n        says: x\n") }]).length).toBeGreaterThan(0);
  });
});



describe("names and counts that are parts of something else", () => {
  it("keeps a possessive inside a name, and takes no name that is a word of another phrase", () => {
    expect(facts("Acme Foundation", LEAD, ["It was founded in 1891 as the Acme Mechanics' Institute."])).toMatchObject([{ kind: "foundingDate" }, { kind: "formerNames", names: ["Acme Mechanics' Institute"] }]);
    expect(facts("Acme Foundation", LEAD, ["It was founded in 1978 as the Smith family's committee."])).toEqual([{ kind: "foundingDate", date: "1978", section: "History" }]);
  });

  it("counts members of a compound noun, not one part of a sum or a kind of staff", () => {
    expect(facts("Acme Foundation", LEAD, ["The foundation has 33 member federations."])).toMatchObject([{ kind: "count", field: "membership", count: { value: 33, unit: "member federations" } }]);
    expect(facts("Acme Foundation", LEAD, ["It employs about 1,150 academic and 2,300 administrative staff."])).toEqual([]);
    expect(facts("Acme Foundation", LEAD, ["It has 40 full-time staff."])).toEqual([]);
  });
});
