/**
 * The key a name is looked up by: letters and digits only, lower case, without accents, "." and "'"
 * dropped ("U.S." → "us", "Côte d'Ivoire" → "cote divoire"), any other run of punctuation or space
 * one space. Shared by the gazetteer's lookups and scripts/gazetteer/derive.ts, so the index
 * and a query agree.
 */
export function foldName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[.'’]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
