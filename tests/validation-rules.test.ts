// The rules a JSON Schema cannot say, each at the line and column of the offending value, with what
// was expected and what was found; and every problem of a file at once, sorted by position.

import { describe, expect, it } from "vitest";
import { exportInMemory } from "./reference/pipeline.ts";
import { sortDiagnostics, type Diagnostic } from "../scripts/lib/diagnostic.ts";
import { ifexYaml } from "./helpers.ts";

const original = ifexYaml();

function edited(...edits: [string, string][]): string {
  let text = original;
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

function problems(text: string): Diagnostic[] {
  const result = exportInMemory([{ file: "source/ifex.yaml", text }]);
  expect(result.ok).toBe(false);
  return result.ok ? [] : sortDiagnostics(result.diagnostics);
}

/** 1-based line and column where `needle` starts in `text`. */
function at(text: string, needle: string): { line: number; col: number } {
  const offset = text.indexOf(needle);
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  return { line: before.split("\n").length, col: offset - before.lastIndexOf("\n") };
}

describe("rules beyond the schema", () => {
  it("an end date before its start date", () => {
    const text = edited(['    startDate: "2004"\n    endDate: "2013-01"', '    startDate: "2004"\n    endDate: "2003-12"']);
    expect(problems(text)).toEqual([{ file: "source/ifex.yaml", ...at(text, '"2003-12"'), message: "endDate is before startDate", expected: "a date not before 2004", found: '"2003-12"' }]);
  });

  it("an infobox place is the place's name, then as many of the places containing it as the article shows", () => {
    for (const shown of ["Toronto", "Toronto, Ontario", "Toronto, Ontario, Canada"]) {
      const result = exportInMemory([{ file: "source/ifex.yaml", text: edited(["      value: Toronto, Ontario, Canada\n", `      value: ${shown}\n`]) }]);
      expect(result.ok, shown).toBe(true);
    }
    const text = edited(["      value: Toronto, Ontario, Canada\n", "      value: Toronto, Canada\n"]);
    expect(problems(text)).toEqual([
      {
        file: "source/ifex.yaml",
        ...at(text, "Toronto, Canada"),
        message: `the infobox place does not match the place it names: write the place's name, then, if you like, the places containing it (containedIn), separated by ", "`,
        expected: '"Toronto", "Toronto, Ontario" or "Toronto, Ontario, Canada"',
        found: '"Toronto, Canada"',
      },
    ]);
  });

  it("a reference to an entity that does not exist", () => {
    const text = edited(["    foundingPlace: montreal\n", "    foundingPlace: montrael\n"]);
    const [problem, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ...at(text, "montrael"), message: 'organizations[0].foundingPlace refers to "montrael", which is not defined (did you mean "montreal"?)', found: '"montrael"' });
    expect(problem!.expected).toMatch(/the id of one of the article's places/);
  });

  it("a mistyped id gets the nearest id of the kinds it may name; an id near nothing gets no guess", () => {
    const typo = edited(["    worksFor: ifex\n", "    worksFor: ifx\n"]);
    expect(problems(typo).map((d) => d.message)).toEqual(['people[1].worksFor refers to "ifx", which is not defined (did you mean "ifex"?)']);
    // "toronto" is a place, not an organization: no guess of the wrong kind.
    const kind = edited(["    worksFor: ifex\n", "    worksFor: torontoo\n"]);
    expect(problems(kind).map((d) => d.message)).toEqual(['people[1].worksFor refers to "torontoo", which is not defined']);
  });

  it("a containedIn naming no place is reported once: no second problem about the infobox place that shows it", () => {
    const text = edited(["  - {id: ontario, section: Infobox, type: State, name: Ontario, containedIn: canada}", "  - {id: ontario, section: Infobox, type: State, name: Ontario, containedIn: frnce}"]);
    expect(problems(text)).toEqual([
      { file: "source/ifex.yaml", ...at(text, "frnce"), message: 'places[1].containedIn refers to "frnce", which is not defined', expected: "the id of one of the article's places", found: '"frnce"' },
    ]);
    // The parts it can judge still are: "Toronto, Quebec" is wrong whatever contains Ontario.
    const wrong = edited(["  - {id: ontario, section: Infobox, type: State, name: Ontario, containedIn: canada}", "  - {id: ontario, section: Infobox, type: State, name: Ontario, containedIn: frnce}"], ["      value: Toronto, Ontario, Canada\n", "      value: Toronto, Quebec, Canada\n"]);
    expect(problems(wrong).map((d) => d.message)).toEqual([expect.stringMatching(/^the infobox place does not match/), 'places[1].containedIn refers to "frnce", which is not defined']);
  });

  it("two entities with the same id, pointing at the first", () => {
    const text = edited(["  - {id: toronto, section: Infobox, type: City, name: Toronto, containedIn: ontario}", "  - {id: toronto, section: Infobox, type: City, name: Toronto, containedIn: ontario}\n  - {id: toronto, section: Infobox, type: City, name: Toronto Again}"]);
    const [problem, ...rest] = problems(text);
    expect(rest).toEqual([]);
    const second = at(text, "id: toronto, section: Infobox, type: City, name: Toronto Again");
    expect(problem).toEqual({ file: "source/ifex.yaml", line: second.line, col: second.col + 4, message: 'the id "toronto" is used twice', expected: "a unique id", found: `it already at line ${at(text, "id: toronto").line}` });
  });

  it("a reference in a list to an entity that does not exist, at its item", () => {
    const text = edited(["    focus: [freedom-of-speech]\n", "    focus: [freedom-of-speech, freedom-of-spech]\n"]);
    const [problem, ...rest] = problems(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ...at(text, "freedom-of-spech]"), message: 'organizations[0].focus[1] refers to "freedom-of-spech", which is not defined (did you mean "freedom-of-speech"?)', found: '"freedom-of-spech"' });
  });

  it("a field's section naming a field the entity does not have, or a section the article does not have", () => {
    const text = edited(["      description: Lead\n      foundingPlace: History\n", "      description: Lead\n      dissolutionDate: History\n      foundingPlace: Histroy\n"]);
    expect(problems(text).map(({ message, found }) => ({ message, found }))).toEqual([
      { message: 'sections names the field "dissolutionDate", which this entity does not have', found: '"dissolutionDate"' },
      { message: 'unknown section "Histroy"', found: '"Histroy"' },
    ]);
  });

  it("a language code that is well formed but no language", () => {
    const text = edited(["  language: en\n", "  language: qq\n"]);
    expect(problems(text)).toEqual([{ file: "source/ifex.yaml", ...at(text, "qq"), message: '"qq" is not a known language', expected: "an ISO 639 language code such as en, fr, es or ar", found: '"qq"' }]);
  });

  // Known by the gazetteer's ISO 639 codes (fr-CA, fre, haw), or else by ICU's names of languages
  // (yue, Cantonese, has no ISO 639-1 or 639-2 code).
  it.each(["fr-CA", "fre", "fra", "haw", "yue"])("%s is a known language", (code) => {
    expect(exportInMemory([{ file: "source/ifex.yaml", text: edited(["  language: en\n", `  language: ${code}\n`]) }]).ok).toBe(true);
  });

  it("a URL that is not http(s), or does not parse as one", () => {
    const ftp = edited(["    homepage: https://ifex.org/", "    homepage: ftp://ifex.org/"]);
    expect(problems(ftp)).toEqual([{ file: "source/ifex.yaml", ...at(ftp, "ftp://"), message: "organizations[0].homepage is not well formed", expected: "an absolute http:// or https:// URL", found: '"ftp://ifex.org/"' }]);
    const port = edited(["    homepage: https://ifex.org/", "    homepage: https://ifex.org:99999/"]);
    expect(problems(port)).toEqual([{ file: "source/ifex.yaml", ...at(port, "https://ifex.org:99999/"), message: "organizations[0].homepage is not a usable web address", expected: "an absolute http:// or https:// URL", found: '"https://ifex.org:99999/"' }]);
  });

  it("reports every rule problem of the file at once, sorted by position", () => {
    const text = edited(["  language: en\n", "  language: qq\n"], ["    foundingPlace: montreal\n", "    foundingPlace: montrael\n"], ['    endDate: "2013-01"', '    endDate: "2003-12"']);
    const list = problems(text);
    expect(list.map((d) => d.line)).toEqual([at(text, "qq").line, at(text, "montrael").line, at(text, '"2003-12"').line]);
  });
});

describe("rule problems reported with schema problems, where that is safe", () => {
  it("reports both at once when the refused values can be cut out", () => {
    const text = edited(
      ["  language: en\n", "  language: en\n  colour: red\n"], // unknown key (schema)
      ["    founderCount: 12\n", "    founderCount: twelve\n"], // wrong type of an optional field (schema)
      ['    endDate: "2013-01"', '    endDate: "2003-12"'], // end before start (rule)
      ["  - {id: quebec, section: History, type: State, name: Quebec, containedIn: canada}", "  - {id: quebec, section: History, type: State, name: Quebec, containedIn: canadaa}"], // reference to nothing (rule)
    );
    expect(problems(text).map((d) => [d.line, d.message])).toEqual([
      [at(text, "colour").line, 'unknown key "colour" in article'],
      [at(text, "twelve").line, "organizations[0].founderCount has the wrong type"],
      [at(text, "canadaa").line, 'places[3].containedIn refers to "canadaa", which is not defined (did you mean "canada"?)'],
      [at(text, '"2003-12"').line, "endDate is before startDate"],
    ]);
  });

  it("reports no ghost: a cut-out reference or field is not reported as missing", () => {
    // foundingPlace is refused (not an id); the entity's sections still name it.
    const text = edited(["    foundingPlace: montreal\n", "    foundingPlace: Montréal!\n"]);
    expect(problems(text).map((d) => d.message)).toEqual(["organizations[0].foundingPlace is not well formed"]);
  });

  it("reports only the schema problems when cutting would remove an entity or a required value", () => {
    const text = edited(["    name: IFEX\n", "    name: [IFEX]\n"], ['    endDate: "2013-01"', '    endDate: "2003-12"']);
    expect(problems(text).map((d) => d.message)).toEqual(["organizations[0].name has the wrong type"]);
  });

  it("does not judge references into an article that cannot be read", () => {
    const second = "article:\n  slug: second\n  title: Second\n  language: en\n  subject: second\n  sections: [Lead]\ninfobox:\n  title: Second\n  fields:\n    - {label: Where, value: Toronto, type: text}\norganizations:\n  - {id: second, section: Lead, type: NGO, name: Second, location: ifex/toronto, parentOrganization: ifex/nothing-here}\n";
    const result = exportInMemory([
      { file: "source/ifex.yaml", text: "article: [\n" },
      { file: "source/second.yaml", text: second },
    ]);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.file)).toEqual(["source/ifex.yaml"]);
    // With the other article readable, a reference to what it does not define is reported.
    const both = exportInMemory([
      { file: "source/ifex.yaml", text: original },
      { file: "source/second.yaml", text: second },
    ]);
    // (IFEX's Toronto is the corpus's shared Toronto: referred to as corpus/toronto, graph/shared.ts.)
    expect(both.ok ? [] : both.diagnostics.map((d) => d.message)).toEqual([
      'organizations[0].location refers to "toronto" of the article "ifex", which is one of the corpus\'s shared entities',
      'organizations[0].parentOrganization refers to "nothing-here", which the article "ifex" does not define',
    ]);
  });
});

