// The infobox JSON's own JSON Schema (schemas/infobox.schema.json): every infobox the writer makes is
// valid, and a broken one is reported at the value that is wrong, with what the schema expects.

import { describe, expect, it } from "vitest";
import { checkInfobox } from "../scripts/check/infobox-schema.ts";
import { ifexFile } from "./helpers.ts";
import { ifex } from "./ifex.ts";

const committed = ifexFile("ifex.infobox.json");
const FILE = "dist/ifex.infobox.json";

/** The committed infobox, changed by `edit`, written as the writer writes it. */
function broken(edit: (document: Record<string, any>) => void): string {
  const document = JSON.parse(committed);
  edit(document);
  return `${JSON.stringify(document, null, 2)}\n`;
}

describe("schemas/infobox.schema.json", () => {
  it("accepts the committed infobox and the one the pipeline writes now", () => {
    expect(checkInfobox(committed, FILE)).toEqual([]);
    expect(checkInfobox(ifex().artifacts.get("ifex.infobox.json") as string, FILE)).toEqual([]);
  });

  it("reports a missing member at the object that lacks it", () => {
    expect(checkInfobox(broken((d) => delete d.title), FILE)).toEqual([
      { check: "JSON Schema", node: "/", message: "a required member is missing", expected: '"title"', found: "nothing", position: { line: 1, col: 1 } },
    ]);
  });

  it("reports a member the schema does not define at its key", () => {
    const text = broken((d) => (d.fields[0].colour = "red"));
    const [finding] = checkInfobox(text, FILE);
    const line = text.split("\n").findIndex((l) => l.includes('"colour"')) + 1;
    expect(finding).toEqual({ check: "JSON Schema", node: "/fields/0", message: "a member the schema does not define", expected: "no such member", found: '"colour"', position: { line, col: 7 } });
  });

  it("reports a year given as text, at the value", () => {
    const text = broken((d) => (d.fields[1].normalized.year = "1992"));
    const line = text.split("\n").findIndex((l) => l.includes('"year": "1992"')) + 1;
    expect(checkInfobox(text, FILE)).toEqual([
      { check: "JSON Schema", node: "/fields/1/normalized/year", message: "a value of the wrong type", expected: "a value of type integer", found: '"1992"', position: { line, col: 17 } },
    ]);
  });

  it("reports a date whose precision does not match its ISO form", () => {
    const findings = checkInfobox(broken((d) => (d.fields[1].normalized.precision = "day")), FILE);
    expect(findings.map((f) => [f.node, f.message, f.expected])).toEqual([
      ["/fields/1/normalized", "a required member is missing", '"month"'],
      ["/fields/1/normalized", "a required member is missing", '"day"'],
      ["/fields/1/normalized/iso", "a value not of the required form", "text matching ^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
    ]);
  });

  it("reports an unknown kind of value, a relative URL and a place with no parts", () => {
    const findings = checkInfobox(
      broken((d) => {
        d.fields[0].normalized.type = "prose";
        d.fields[8].normalized.url = "/about";
        d.fields[2].normalized.parts = [];
      }),
      FILE,
    );
    expect(findings.map((f) => [f.node, f.message])).toEqual(
      expect.arrayContaining([
        ["/fields/0/normalized/type", "a value outside the allowed ones"],
        ["/fields/8/normalized/url", "not a valid uri"],
        ["/fields/2/normalized/parts", "too few items"],
      ]),
    );
  });

  it("reports text that is not JSON, at the character", () => {
    const [finding] = checkInfobox(committed.replace('"title": "IFEX",', '"title": "IFEX"'), FILE);
    expect(finding).toMatchObject({ check: "syntax", message: expect.stringMatching(/^not JSON/), position: { line: 4 } });
  });
});
