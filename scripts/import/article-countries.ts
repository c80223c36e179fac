// The countries an article names, which decide between places of the same name in its infobox
// ("Location: Birmingham" of "an American nonprofit" is Birmingham, Alabama): the countries of its
// infobox's places that are certain without them, the demonyms of its first sentence's predicate
// ("is a British organisation", "was an American media company"; not "Latin American", "American
// Civil Liberties Union": a demonym next to another capitalized word is part of a name), and the
// countries its lead's first paragraph names ("in the United Kingdom and Ireland").

import { countryOfDemonym, findCountry } from "../gazetteer/index.ts";
import { resolvePlace } from "../gazetteer/resolve.ts";
import type { Block } from "./read-text.ts";

/** The article's countries (ISO 3166-1 alpha-2): its infobox's place values' first, then its lead's. */
export function articleCountries(placeValues: readonly string[], lead: readonly Block[]): string[] {
  const out: string[] = [];
  for (const value of placeValues) {
    // A place, or a list of countries ("United Kingdom, Ireland").
    const items = value.split(/[,;]/).map((i) => i.trim()).filter((i) => i !== "");
    const countries = items.map((i) => findCountry(i));
    const found = countries.every((c) => c !== undefined) ? countries.map((c) => c.iso2) : [resolvePlace(value).place?.country?.iso2];
    for (const iso2 of found) if (iso2 !== undefined && !out.includes(iso2)) out.push(iso2);
  }
  for (const iso2 of leadCountries(lead)) if (!out.includes(iso2)) out.push(iso2);
  return out;
}

/** A run of capitalized words, with the small words names of countries have inside ("Republic of Ireland"). */
const NAME_RUN = /(?:\p{Lu}[\p{L}.'’-]*)(?:\s+(?:(?:of|and|the)\s+)*\p{Lu}[\p{L}.'’-]*)*/gu;

export function leadCountries(lead: readonly Block[]): string[] {
  const paragraph = lead.find((b): b is Extract<Block, { paragraph: string }> => "paragraph" in b)?.paragraph ?? "";
  const out: string[] = [];
  const add = (iso2: string | undefined) => {
    if (iso2 !== undefined && !out.includes(iso2)) out.push(iso2);
  };
  const firstSentence = /^.*?[.!?](?=\s|$)/s.exec(paragraph)?.[0] ?? paragraph;
  const predicate = /\s(?:is|was|are|were)\s(.*)$/s.exec(firstSentence)?.[1] ?? "";
  for (const m of predicate.matchAll(/\p{Lu}\p{L}+/gu)) {
    const before = predicate.slice(0, m.index);
    const after = predicate.slice(m.index + m[0].length);
    // A demonym standing alone: not inside a name, nor a language ("French-language", "French for").
    if (/[\p{L}-]$|\p{Lu}[\p{L}.]*[\s-]+$/u.test(before) || /^(\p{L}|[\s-]+\p{Lu})/u.test(after) || /^[\s-]*(language|for)\b/i.test(after)) continue;
    add(countryOfDemonym(m[0]));
  }
  for (const m of paragraph.matchAll(NAME_RUN)) for (const iso2 of countriesIn(m[0])) add(iso2);
  return out;
}

/** The countries a run of capitalized words names, longest spans first: "United Kingdom and Ireland" → GB, IE. */
function countriesIn(run: string): string[] {
  const words = run.split(/\s+/);
  const used = new Array<boolean>(words.length).fill(false);
  const found: { at: number; iso2: string }[] = [];
  for (let length = words.length; length >= 1; length--) {
    for (let from = 0; from + length <= words.length; from++) {
      if (used.slice(from, from + length).some((u) => u)) continue;
      const span = words.slice(from, from + length).join(" ").replace(/['’]s$/, "");
      // Names, never bare ISO codes ("CAN" in a sentence is no country): codes are matched in lower case.
      const country = findCountry(/^[A-Z]{2,3}$/.test(span) ? span.toLowerCase() : span);
      if (!country || country.part) continue;
      found.push({ at: from, iso2: country.iso2 });
      used.fill(true, from, from + length);
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.iso2);
}
