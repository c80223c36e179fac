// What the lead's first sentence says of the organization itself: its other names (the
// parenthesis after its name: "(CJFE)", "(OIF; French for "…"; also called …)", or ", also known as
// X,"), what it is ("… is a trade union" → "union", a word that names it later: "the union"), and
// whether it still exists ("… was an American media company").

import { findLanguage } from "../gazetteer.ts";
import { joinTokens, type Sentence, type Token } from "./nlp.ts";
import { abbreviates, closingParen, isAbbreviation, readNameList } from "./phrases.ts";
import { nameAt } from "./facts.ts";
import { WORDS } from "./words.ts";

export interface LeadNames {
  abbreviations: string[];
  otherNames: string[];
  formerNames: string[];
}

const phrases = (list: readonly string[]) => list.map((p) => p.toLowerCase().split(" ")).sort((a, b) => b.length - a.length);
const OTHER = phrases(WORDS.otherNames.other);
const FORMER = phrases(WORDS.otherNames.former);
const SKIP = phrases(WORDS.otherNames.skip);

/** The names the first sentence gives after the organization's name (`name` as the article writes it). */
export function leadNames(first: Sentence, names: readonly string[], name: string): LeadNames {
  const out: LeadNames = { abbreviations: [], otherNames: [], formerNames: [] };
  const t = first.tokens;
  const end = nameAt(t, 0, names);
  if (end < 0) return out;
  if (t[end]?.text === "(") {
    const close = closingParen(t, end);
    if (close < 0) return out;
    // Its parts, at ";" inside the parenthesis.
    let from = end + 1;
    for (let k = end + 1; k <= close; k++) {
      if (k < close && t[k]!.text !== ";") continue;
      readPart(first, from, k, name, out);
      from = k + 1;
    }
  } else if (t[end]?.text === ",") {
    // "X, also known as Y, is …"
    const close = t.findIndex((x, k) => k > end && x.text === ",");
    if (close > end) readPart(first, end + 1, close, name, out);
  }
  return out;
}

function startsWith(t: readonly Token[], from: number, words: readonly string[]): boolean {
  return words.every((w, n) => t[from + n]?.lower === w);
}

function readPart(sentence: Sentence, from: number, to: number, name: string, out: LeadNames): void {
  const t = sentence.tokens;
  if (from >= to) return;
  if (to - from === 1 && isAbbreviation(t[from]!.text) && abbreviates(t[from]!.text, name)) {
    out.abbreviations.push(t[from]!.text);
    return;
  }
  if (SKIP.some((p) => startsWith(t, from, p))) return;
  // 'French for "International Organisation of the Francophonie"': the name in another language's words.
  if (t[from + 1]?.lower === "for" && findLanguage(t[from]!.text) !== undefined) {
    const open = t.findIndex((x, k) => k > from + 1 && k < to && (x.text === '"' || x.text === "“"));
    const close = t.findIndex((x, k) => k > open && k < to && (x.text === '"' || x.text === "”"));
    if (open > 0 && close > open + 1) {
      const translated = joinTokens(t, open + 1, close - 1);
      if (/^\p{Lu}/u.test(translated)) out.otherNames.push(translated);
    }
    return;
  }
  // "sometimes shortened to X, Y, sometimes also called Z in English": each phrase's names.
  let k = from;
  while (k < to) {
    let list: string[] | undefined;
    for (let again = true; again; ) {
      again = false;
      for (const [words, target] of [...OTHER.map((p) => [p, out.otherNames] as const), ...FORMER.map((p) => [p, out.formerNames] as const)]) {
        if (!startsWith(t, k, words)) continue;
        k += words.length;
        // The former list wins over the other when both words stand ("formerly known as").
        list = list === out.formerNames ? list : target;
        again = true;
        break;
      }
    }
    const names = list ? readNameList(sentence, k, to) : undefined;
    if (list && names) {
      for (const n of names) if (!n.abbreviation && !n.now && !list.includes(n.text) && n.text !== name) list.push(n.text);
      k = names[names.length - 1]!.end;
    }
    // On to the next phrase, after a comma.
    while (k < to && t[k]!.text !== ",") k++;
    k++;
  }
}

/** What the first sentence says the organization is: the head noun after "is a" ("union" of "is a trade union"). */
export function leadNoun(first: Sentence, names: readonly string[]): { noun?: string; past: boolean } {
  const t = first.tokens;
  let k = nameAt(t, 0, names);
  if (k < 0) return { past: false };
  let depth = 0;
  for (; k < t.length; k++) {
    if (t[k]!.text === "(") depth++;
    else if (t[k]!.text === ")") depth--;
    else if (depth === 0 && t[k]!.pos === "AUX" && t[k]!.lemma === "be") break;
    else if (depth === 0 && (t[k]!.pos === "VERB" || t[k]!.text === ".")) return { past: false };
  }
  if (k >= t.length) return { past: false };
  const past = WORDS.defunct.includes(t[k]!.lower);
  let m = k + 1;
  if (t[m]?.pos !== "DET") return { past };
  m++;
  let noun: string | undefined;
  while (m < t.length && ["ADJ", "NOUN", "PROPN", "ADV"].includes(t[m]!.pos) && t[m]!.lower !== "that") {
    if (t[m]!.pos === "NOUN") noun = t[m]!.lower;
    m++;
  }
  return { ...(noun !== undefined && { noun }), past };
}

