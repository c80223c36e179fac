// What the importer asks of a gazetteer: is this text a country (and which), which language is
// this name. Until the shared gazetteer (scripts/gazetteer/, issue 15) is on main, countries and
// languages come from the ICU data Node ships (Intl.DisplayNames: every ISO 3166-1 region and ISO
// 639 language with its English name), plus the abbreviations English Wikipedia writes for
// countries; the parts of a place are then told apart structurally (places.ts).

export interface CountryMatch {
  /** The country's English name, e.g. "United Kingdom". */
  name: string;
  /** ISO 3166-1 alpha-2, e.g. "GB". */
  iso2: string;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

let countries: Map<string, CountryMatch> | undefined;
let languages: Map<string, string> | undefined;

// English Wikipedia's abbreviations of country names (ISO 3166-1 has the codes, not these).
const ABBREVIATIONS: Record<string, string> = { UK: "GB", "U.K.": "GB", US: "US", "U.S.": "US", USA: "US", "U.S.A.": "US", "United States of America": "US", UAE: "AE", "U.A.E.": "AE", DRC: "CD", PRC: "CN" };

function key(text: string): string {
  return text.trim().toLowerCase().replace(/^the\s+/, "");
}

function countryTable(): Map<string, CountryMatch> {
  if (countries) return countries;
  countries = new Map();
  for (const a of LETTERS) {
    for (const b of LETTERS) {
      const iso2 = a + b;
      const name = regionNames.of(iso2);
      // Regions without a name, user-assigned or grouping codes (EU, UN, XK, ZZ, QO…) and codes no longer current (DD, YU, SU, FX, UK…).
      if (!name || name === iso2 || /^(EU|EZ|UN|QO|XA|XB|XK|ZZ|AC|CP|DG|EA|IC|TA|DD|YU|CS|SU|ZR|BU|TP|NT|FX|UK|AN)$/.test(iso2)) continue;
      // The first code of a name is the current one (GB before UK, FR before FX).
      if (!countries.has(key(name))) countries.set(key(name), { name, iso2 });
      // "Myanmar (Burma)", "Congo - Kinshasa": each part of the name finds it too.
      for (const part of name.split(/\s*\(|\)\s*|\s+-\s+|\s*&\s*/)) if (part && part.length > 3 && !countries.has(key(part))) countries.set(key(part), { name, iso2 });
    }
  }
  for (const [written, iso2] of Object.entries(ABBREVIATIONS)) countries.set(key(written), { name: regionNames.of(iso2)!, iso2 });
  return countries;
}

export function findCountry(text: string): CountryMatch | undefined {
  return countryTable().get(key(text));
}

/** A language's ISO 639-1 code (or 639-2/3 where it has no two-letter one) from its English name. */
export function findLanguage(text: string): string | undefined {
  if (!languages) {
    languages = new Map();
    for (const a of LETTERS.toLowerCase()) {
      for (const b of LETTERS.toLowerCase()) {
        const code = a + b;
        const name = languageNames.of(code);
        if (name && name !== code && !languages.has(name.toLowerCase())) languages.set(name.toLowerCase(), code);
      }
    }
  }
  return languages.get(text.trim().toLowerCase().replace(/\s+language$/, ""));
}
