// Country names to ISO 3166-1 alpha-2 codes, from the maintained i18n-iso-countries data (English
// names and their aliases: "United Kingdom", "UK", "United States of America", "USA"…), for places
// the graph gives as text (schema:areaServed "United States").

import { createRequire } from "node:module";
import { nameKey } from "./names.ts";
import { once } from "../lib/once.ts";

const require = createRequire(import.meta.url);

/** name key → alpha-2 code, built on first use. */
const byName = once((): ReadonlyMap<string, string> => {
  const codes = new Map<string, string>();
  const names = (require("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> }).countries;
  for (const [code, value] of Object.entries(names)) for (const n of Array.isArray(value) ? value : [value]) codes.set(nameKey(n), code);
  return codes;
});

/** The alpha-2 code of the country `name` names, or undefined. */
export function countryCodeOfName(name: string): string | undefined {
  return byName().get(nameKey(name));
}
