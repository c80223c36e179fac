// Property: any article in the text format imports to a draft the export accepts as it is. Made-up
// articles with every parameter of the mapping table and values in the forms real infoboxes use
// import typed (the typed draft passes the export's check, no fallback); with values of any text
// they still import (typed or, at worst, as text) and never crash.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importArticle } from "../scripts/import/import-article.ts";
import { ImportError } from "../scripts/import/read-text.ts";
import { labelOf, MAPPING } from "../scripts/import/mapping.ts";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";

const PARAMETERS = MAPPING.rows.flatMap((r) => r.parameters.filter((p) => !/ /.test(p)));
const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/);
const name = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));

const REALISTIC = [
  "1992", "1987-02-05", "July 30th, 1912", "2005, UK", "20 March 1970, (as ACCT)", "14–16 November 1997, (as La Francophonie)", "c. 1950", "June 2001",
  "Toronto, Ontario, Canada", "London, UK", "San Jose, California", "Ford Foundation Building, New York City, New York, U.S.", "Canada", "Paris, France", "Worldwide",
  "Headland House, 72 Acton Street, , London, WC1X 8DP", "United Kingdom, Ireland", "Geneva, Switzerland", "Nairobi, Kenya",
  "100+", "approx. 230", "600 000", "23,066 (2024)", "1 billion", "120 independent organizations worldwide", "5", "over 1,000 members",
  "£7,014,478 (2016)", "16.8 billion", "$18.28 trillion", "US$1.2 million", "€5m (2019)", "CHF 120,000",
  "https://ifex.org/", "http://www.article19.org/", "https://www.example.org/path?q=1", "https://example.org/a{b}",
  "Quinn McKew, (Executive Director)", "J. Roderick MacArthur, Greg MacArthur, Aryeh Neier", "Edsel Ford, Henry Ford", "Jane Doe (Chair), John Roe (CEO)",
  "Knight Newspapers, Inc., Ridder Publications, Inc.", "International Federation of Journalists, IFJ, Trades Union Congress, TUC", "McClatchy",
  "Non-profit NGO", "International nongovernmental organisation", "501(c)(3) charitable organization", "Trade union", "Private school", "Public company",
  "Freedom of speech, Freedom of expression", "Advocacy", "Mass media", "Newspapers", "French", "French, English", "Logo of the Ford Foundation.svgclass=skin-invert",
  "Knight Ridder logo.gif", "Charity number 327421", "13-1684331", "\"Égalité, complémentarité, solidarité\", \"Equality, complementarity, solidarity\"",
  "| Non-profit_slogan =", ", ()", "|", "no", "250px", "Logo", "Headquarters", "Official language",
];

function articleText(title: string, infoboxTitle: string, lines: [string, string][], lead: string, sections: [string, string[]][]): string {
  const out = [`= ${title} =`, "", infoboxTitle, ...lines.map(([l, v]) => `- ${l}: ${v}`), "", lead, ""];
  for (const [heading, items] of sections) out.push(`==${heading}==`, ...(items.length > 0 ? items.map((i) => `- ${i}`) : ["A paragraph."]), "");
  return out.join("\n");
}

/** Values of the forms each kind of parameter is written in, for lines whose label and value go together. */
const BY_KIND: Record<string, string[]> = {
  date: REALISTIC.slice(0, 8), eventDate: REALISTIC.slice(0, 8), year: ["2016", "2023"],
  place: REALISTIC.slice(8, 19), city: ["San Jose, California", "Paris", "Toronto"], country: ["United States", "UK", "Canada"], places: ["United Kingdom, Ireland", "Canada"],
  count: REALISTIC.slice(19, 26), money: REALISTIC.slice(26, 33), url: REALISTIC.slice(33, 37), logo: ["Knight Ridder logo.gif", "Logo of the Ford Foundation.svgclass=skin-invert"],
  people: REALISTIC.slice(37, 41), leader: ["Laura Davison", "Louise Mushikiwabo"], role: ["General Secretary", "President"],
  organizations: REALISTIC.slice(41, 44), organization: ["McClatchy", "Ford Motor Company"], type: REALISTIC.slice(44, 50),
};
const matched = fc.constantFrom(...MAPPING.rows.filter((r) => BY_KIND[r.kind])).chain((row) =>
  fc.tuple(fc.constantFrom(...row.parameters.filter((p) => !/ /.test(p))).map(labelOf), fc.constantFrom(...BY_KIND[row.kind]!)),
);

const article = (value: fc.Arbitrary<string>) =>
  fc.record({
    title: fc.tuple(name, fc.constantFrom("", " (organization)", " (company)")).map(([n, q]) => n + q),
    infoboxTitle: fc.oneof(name, fc.constant("Infobox")),
    lines: fc.uniqueArray(fc.oneof(matched, fc.tuple(fc.oneof(fc.constantFrom(...PARAMETERS).map(labelOf), name), value)), { minLength: 1, maxLength: 25, selector: ([l]) => l }),
    lead: fc.constantFrom("Acme is a made-up organization.", "Acme was an American media company.", "Acme is a trade union.", "Acme is an international organization representing states and governments."),
    sections: fc.array(fc.tuple(name, fc.array(name, { maxLength: 3 })), { maxLength: 3 }),
  });

function importsAndChecks(a: { title: string; infoboxTitle: string; lines: [string, string][]; lead: string; sections: [string, string[]][] }) {
  const text = articleText(a.title, a.infoboxTitle, a.lines, a.lead, a.sections);
  const imported = importArticle("made-up.txt", Buffer.from(text, "utf8"), (slug) => `source/${slug}.yaml`);
  expect(checkCorpus([{ file: `source/${imported.slug}.yaml`, text: imported.yaml }])).toEqual([]);
  return imported;
}

describe("property: an article in the format imports to a draft that exports", () => {
  it("with the table's parameters and real infoboxes' values, typed (no fallback)", () => {
    fc.assert(
      fc.property(article(fc.constantFrom(...REALISTIC)), (a) => {
        const imported = importsAndChecks(a);
        expect(imported.untyped).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("with values of any text, it never crashes and the draft exports", () => {
    const anyValue = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "x").trim()).filter((s) => s !== "");
    fc.assert(
      fc.property(article(fc.oneof(anyValue, fc.constantFrom(...REALISTIC))), (a) => {
        try {
          importsAndChecks(a);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
