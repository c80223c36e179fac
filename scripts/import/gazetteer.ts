// What the importer asks of the gazetteer (scripts/gazetteer/): a language's ISO 639-1 code.

import { findLanguage as gazetteerLanguage } from "../gazetteer/index.ts";

/** A language's BCP 47 code (ISO 639-1, else 639-3) from its name or code: "French" → "fr". */
export function findLanguage(text: string): string | undefined {
  const language = gazetteerLanguage(text.trim().replace(/\s+language$/i, ""));
  return language?.iso6391 ?? language?.iso6393;
}
