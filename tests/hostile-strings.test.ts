// Hostile strings survive every format exactly, or are refused with a clear, located error.
// Each string below goes into every kind of text field of an article; every artifact is then read
// by an independent parser and must give it back unchanged (the CSV after its documented formula guard).

import N3 from "n3";
import canonize from "rdf-canonize";
import { LineCounter, parseDocument, stringify, visit } from "yaml";
import { describe, expect, it } from "vitest";
import { exportInMemory, type ArticleExport } from "./reference/pipeline.ts";
import { guardFormula, unguardFormula } from "../scripts/writers/csv.ts";
import { HOSTILE } from "./article-arbitrary.ts";
import { checkCheapReaders, checkJsonLd, checkTurtleWithRdflib } from "./read-back.ts";
import { canonicalFromJsonLd } from "./rdf-helpers.ts";
import { ifexYaml } from "./helpers.ts";

/** An article with `s` in every kind of text field (sections cannot hold line breaks or tabs). */
function articleWith(s: string): Record<string, unknown> {
  const section = `Section ${[...s.replace(/[\u0000-\u001F]/g, "")].slice(0, 150).join("")}`;
  return {
    article: { slug: "hostile", title: s, language: "en", subject: "org", sections: [section] },
    infobox: { title: s, fields: [{ label: s, value: s, type: "text" }] },
    organizations: [
      {
        id: "org",
        section,
        type: "NGO",
        name: s,
        category: s,
        description: s,
        alternateNames: [s, `${s}2`],
        mandate: { summary: s, rightsOf: [s] },
        membership: [{ id: "members", section, value: 1, comparison: "exactly", unit: s, asWritten: s }],
      },
    ],
    places: [{ id: "place", section, type: "City", name: s }],
    events: [{ id: "event", section, category: "other", name: s, description: s, quote: s, startDate: "2020" }],
    works: [{ id: "work", section, type: "Report", name: s, genre: s }],
    topics: [{ id: "topic", section, name: s }],
    milestones: [{ id: "milestone", section, description: s, dateQualifier: s, startDate: "2020" }],
  };
}

function exportText(yaml: string): ArticleExport {
  const result = exportInMemory([{ file: "source/hostile.yaml", text: yaml }]);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.articles[0]!;
}

const LONG = `"<\\u0301${"x".repeat(9990)}`;
// A carriage return is refused (spreadsheets turn it into a line feed): see below.
const CASES = [...HOSTILE.filter((s) => !s.includes("\r")), LONG, "\t", " \n ", "e\u0301", "\u00e9", "ﬁ", "Ａ", "٣", "\u{10FFFD}", "\uFFFD", "\uFFFF"];

describe("a hostile string in every text field", () => {
  it.each(CASES.map((s) => [JSON.stringify(s).slice(0, 60), s]))("%s comes back exactly from Turtle (N3, rdflib), JSON-LD, CSV and the infobox", async (_, s) => {
    const result = exportText(stringify(articleWith(s), { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE" }));
    const literals = result.graph.statements.filter((st) => st.object.termType === "Literal" && st.object.value === s);
    // name, category, description, two of alternateName... : every field carried the string unchanged.
    expect(literals.length).toBeGreaterThanOrEqual(17);
    expect(result.model.infobox).toEqual({ title: s, fields: [{ label: s, value: s, type: "text" }] });
    checkCheapReaders(result);
    checkTurtleWithRdflib(result);
    await checkJsonLd(result);
    const quads = new N3.Parser({ format: "text/turtle" }).parse(result.artifacts.get("hostile.ttl") as string);
    expect(await canonize.canonize(quads, { algorithm: "RDFC-1.0" })).toBe(await canonicalFromJsonLd(JSON.parse(result.artifacts.get("hostile.jsonld") as string)));
  });
});

describe("injection", () => {
  const result = exportText(stringify(articleWith('</script><script>alert(1)</script>\n@prefix evil: <http://evil.example/> .\n"""\'\'\'=HYPERLINK("x")'), { lineWidth: 0 }));
  const artifact = (ext: string) => result.artifacts.get(`hostile${ext}`) as string;

  it("cannot close the <script> element the JSON-LD is pasted into", () => {
    expect(artifact(".jsonld")).not.toMatch(/<|>|&/);
    expect(artifact(".jsonld")).toContain("\\u003c/script\\u003e");
    expect(artifact(".infobox.json")).not.toMatch(/<|>|&/);
  });

  it("cannot add Turtle statements or prefixes", () => {
    const prefixes = artifact(".ttl").split("\n").filter((line) => line.startsWith("@prefix"));
    expect(prefixes.every((line) => !line.includes("evil"))).toBe(true);
    expect(new N3.Parser({ format: "text/turtle" }).parse(artifact(".ttl")).every((q) => !q.predicate.value.includes("evil"))).toBe(true);
  });

  it("cannot run a formula in a spreadsheet, even from the second line of a cell", () => {
    expect(guardFormula("=1+1")).toBe("'=1+1");
    expect(guardFormula("note\n=HYPERLINK(\"http://evil.example\")")).toBe("'note\n=HYPERLINK(\"http://evil.example\")");
    expect(guardFormula("=1\nsecond line")).toBe("'=1\nsecond line");
    for (const cell of ["+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\u00A0=1", "＝1", "'already quoted"]) expect(guardFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["1992", "a=b", "e-mail", "Ontario, Canada", "", " "]) expect(guardFormula(cell)).toBe(cell);
    for (const cell of ["=1", "'x", "x", "a\n-b"]) expect(unguardFormula(guardFormula(cell))).toBe(cell);
  });
});

describe("what the YAML says is what every artifact says", () => {
  const cases: [string, string][] = [
    ['"tab\\there, newline\\nhere, \\u00e9, \\U0001F600"', "tab\there, newline\nhere, é, 😀"],
    ["'it''s \"quoted\" \\n'", 'it\'s "quoted" \\n'],
    [">-\n    folded\n    into one line\n\n    new paragraph", "folded into one line\nnew paragraph"],
    ["|\n    kept\n      indented\n    ", "kept\n  indented\n"],
    ["|2-\n   leading space kept", " leading space kept"],
    ['"  both ends  "', "  both ends  "],
    ["plain with trailing spaces   ", "plain with trailing spaces"],
    ["e\u0301 (decomposed, not normalized)", "e\u0301 (decomposed, not normalized)"],
    ["\u202Eright-to-left override\u202C and \u05E9\u05DC\u05D5\u05DD", "\u202Eright-to-left override\u202C and \u05E9\u05DC\u05D5\u05DD"],
  ];
  it.each(cases)("%s", (yaml, expected) => {
    const template = stringify(articleWith("PLACEHOLDER"), { lineWidth: 0 });
    const text = template.replace(/^(\s*name:) PLACEHOLDER$/m, (_, key: string) => `${key} ${yaml.replace(/\n/g, `\n${" ".repeat(key.length - 5)}`)}`);
    const result = exportText(text);
    const name = result.graph.statements.find((st) => st.subject.endsWith("#org") && st.predicate === "http://schema.org/name")!.object.value;
    expect(name).toBe(expected);
    checkCheapReaders(result);
  });
});

describe("control characters no format can carry", () => {
  it("are refused in EVERY string field of the real article, each at its own line and column, all at once", () => {
    const doc = parseDocument(ifexYaml());
    let strings = 0;
    visit(doc, {
      Scalar(key, node) {
        // Values only: keys name fields, they are checked against the schema's names.
        if (key !== "key" && typeof node.value === "string") {
          node.value = `${node.value}\u0007`;
          node.type = "QUOTE_DOUBLE";
          strings++;
        }
      },
    });
    const text = doc.toString({ lineWidth: 0 });
    expect(text).not.toMatch(/\u0007/); // written as the escape \a, as a person would have to
    const lines = new LineCounter();
    const positions: string[] = [];
    visit(parseDocument(text, { lineCounter: lines }), {
      Scalar(key, node) {
        if (key !== "key" && typeof node.value === "string") positions.push(`${lines.linePos(node.range![0]).line}:${lines.linePos(node.range![0]).col}`);
      },
    });
    expect(strings).toBeGreaterThan(300);
    const result = exportInMemory([{ file: "source/ifex.yaml", text }]);
    expect(result.ok).toBe(false);
    const diagnostics = result.ok ? [] : result.diagnostics;
    const reported = new Set(diagnostics.filter((d) => /holds U\+0007 BEL, a control character, at character \d+|is not an allowed value/.test(d.message)).map((d) => `${d.line}:${d.col}`));
    expect(positions.filter((p) => !reported.has(p))).toEqual([]);
    expect(diagnostics.find((d) => d.message.startsWith("organizations[0].name holds"))).toMatchObject({
      message: "organizations[0].name holds U+0007 BEL, a control character, at character 5, which no output format can carry; remove it",
      expected: "text without control characters (tab and newline are fine)",
      found: '"IFEX\\u0007"',
    });
  });

  it("are refused whether written as escapes or raw, C0, DEL or C1, and lone surrogates too", () => {
    for (const [yaml, char] of [
      ['"a\\0b"', "U+0000 NUL"],
      ['"a\\eb"', "U+001B ESCAPE"],
      ['"a\\x7Fb"', "U+007F DELETE"],
      ['"a\\x92b"', "U+0092, a control character (often a Windows-1252 quote or dash decoded as the wrong encoding)"],
      ['"a\\uD800b"', "U+D800, half of a surrogate pair without its other half"],
      ["a\u0008b", "U+0008 BACKSPACE"],
      ['"line\\r\\nbreak"', "U+000D CARRIAGE RETURN, a control character (write a line break as \\n: spreadsheets turn \\r into \\n)"],
    ]) {
      const text = stringify(articleWith("PLACEHOLDER"), { lineWidth: 0 }).replace(/^(\s*title:) PLACEHOLDER$/m, `$1 ${yaml}`);
      const result = exportInMemory([{ file: "source/hostile.yaml", text }]);
      expect(result.ok).toBe(false);
      expect(result.ok ? "" : result.diagnostics.map((d) => d.message).join("\n")).toContain(char);
    }
  });

  it("a text of 10 000 characters is fine, one more is refused as too long", () => {
    const titled = (title: string) => {
      const data = articleWith("x") as { article: { title: string } };
      data.article.title = title;
      return stringify(data, { lineWidth: 0 });
    };
    expect(exportText(titled("😀".repeat(10_000))).model.article.title).toBe("😀".repeat(10_000));
    const result = exportInMemory([{ file: "source/hostile.yaml", text: titled("x".repeat(10_001)) }]);
    expect(result.ok ? [] : result.diagnostics).toEqual([expect.objectContaining({ message: "article.title is too long", expected: "at most 10000 characters", found: "10001 characters" })]);
  });
});
