// The infobox place rule with the names an imported article writes: a part by another name of its
// place ("London, UK": the United Kingdom, alternate name UK), a place whose own name holds ", ",
// and the value stopping before the country; a value naming another place is still refused.

import { describe, expect, it } from "vitest";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";

function article(value: string, places: string): string {
  return `article:
  slug: acme
  title: Acme
  language: en
  subject: acme
  sections: [Infobox]
infobox:
  title: Acme
  fields:
    - {label: Location, value: ${JSON.stringify(value)}, type: place, place: city}
organizations:
  - {id: acme, section: Infobox, type: NGO, name: Acme, location: city}
places:
${places}
`;
}

const LONDON = `  - {id: uk, section: Infobox, type: Country, name: United Kingdom, alternateNames: [UK]}
  - {id: city, section: Infobox, type: City, name: London, containedIn: uk}`;
const WASHINGTON = `  - {id: us, section: Infobox, type: Country, name: United States, alternateNames: [U.S.]}
  - {id: city, section: Infobox, type: City, name: "Washington, D.C.", containedIn: us}`;

const problems = (value: string, places: string) => checkCorpus([{ file: "source/acme.yaml", text: article(value, places) }]).map((d) => d.message);

describe("an infobox place's value", () => {
  it.each([
    ["London, UK", LONDON],
    ["London, United Kingdom", LONDON],
    ["London", LONDON],
    ["Washington, D.C.", WASHINGTON],
    ["Washington, D.C., U.S.", WASHINGTON],
  ])("%s names its place", (value, places) => {
    expect(problems(value, places)).toEqual([]);
  });

  it.each([
    ["Paris, UK", LONDON],
    ["London, France", LONDON],
    ["UK", LONDON],
  ])("%s does not", (value, places) => {
    expect(problems(value, places).join("\n")).toContain("the infobox place does not match the place it names");
  });
});
