/**
 * The key a name is looked up by: letters and digits only, lower case, without accents, "." and "'"
 * dropped ("U.S." → "us", "Côte d'Ivoire" → "cote divoire"), any other run of punctuation or space
 * one space. Shared by the gazetteer's lookups and scripts/gazetteer/derive.ts, so the index
 * and a query agree.
 */
export function foldName(text: string): string {
  // Printable ASCII has no accents to take off and no compatibility forms: the same steps without
  // the Unicode ones (its letters and digits are \p{L} and \p{N} there).
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/[.']/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The order of the index files' keys (UTF-16 code units, as `<` compares strings): derive.ts sorts by it, index.ts searches by it. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
