// Whether a language code names a language that exists: the gazetteer's ISO 639 languages first,
// then ICU's names of languages.

import { boundedMemo } from "../lib/bounded-memo.ts";
import { once } from "../lib/once.ts";
import { languageByCode } from "../gazetteer/index.ts";

// ICU's names of languages, made on the first code the gazetteer does not know: making them loads
// ICU's data, some 30 ms, a tenth of exporting one article.
const languageNames = once(() => new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }));

/** Answers by code: every article asks about the same few languages, and each answer costs Intl some microseconds. */
export const isKnownLanguage = boundedMemo(languageExists);

function languageExists(code: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(code);
    const language = canonical!.split("-")[0]!;
    // A code of the gazetteer's ISO 639 languages (which the graph reads anyway), else one ICU names.
    if (languageByCode(language) !== undefined) return true;
    return languageNames().of(language) !== undefined;
  } catch {
    return false;
  }
}
