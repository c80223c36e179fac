// Phrases of a tagged sentence the prose reader takes values from: proper names (with an
// abbreviation or a present name in parentheses after them), lists of names, places, dates after
// "in"/"on", amounts of money and counts. Each reader starts at a token and gives the tokens it
// took, or undefined when what is there is not surely of its kind.

import { parseDate, parseMoney, parseCount, LISTS, type ParsedCount, type ParsedMoney } from "../values.ts";
import { joinTokens, type Sentence, type Token } from "./nlp.ts";

/** Lower-case words that may stand inside a proper name, between capitalized words. */
const NAME_CONNECTORS = new Set(["of", "for", "de", "la", "le", "les", "du", "des", "del", "della", "der", "den", "von", "van", "the", "&", "on", "and"]);
const POSSESSIVE = new Set(["'", "’", "'s", "’s"]);
/** Words that start a name's parenthesis saying what it is called now: "(now the Canadian Association of Journalists)". */
const NOW_WORDS = new Set(["now", "today", "currently"]);

export interface Name {
  text: string;
  /** Tokens [start, end) the name took, its parentheses included. */
  start: number;
  end: number;
  /** "(CIJ)" after the name. */
  abbreviation?: string;
  /** "(now the Canadian Association of Journalists)" after the name. */
  now?: string;
}

export function isCapitalized(token: Token | undefined): boolean {
  return token !== undefined && /^\p{Lu}/u.test(token.text);
}

/** Whether the token is part of a date, an amount or a number (a month name is capitalized, but no name). */
function inValueEntity(sentence: Sentence, token: Token): boolean {
  return token.entity !== undefined && sentence.entities[token.entity]!.type !== "ORDINAL";
}

/**
 * A proper name starting at `i` (a leading "the" skipped): capitalized words, with lower-case
 * connectors between them ("Centre for Investigative Journalism", "Organisation internationale de
 * la Francophonie" is not one: "internationale" is not a connector), and a hyphen inside a word.
 * "and" joins two capitalized words only when `andInside` (a list reader splits at it).
 */
export function readName(sentence: Sentence, i: number, end: number, andInside = false): Name | undefined {
  const t = sentence.tokens;
  let k = i;
  if (t[k]?.lower === "the") k++;
  const first = k;
  let last = -1;
  while (k < end) {
    const token = t[k]!;
    if (inValueEntity(sentence, token) && !(last >= 0 && /^[0-9]+$/.test(token.text))) break;
    if (isCapitalized(token) && /\p{L}/u.test(token.text)) {
      last = k;
      k++;
      continue;
    }
    // A number after a name's word: "Article 19", "Channel 4".
    if (last === k - 1 && /^[0-9]{1,3}$/.test(token.text) && token.space !== "") {
      last = k;
      k++;
      continue;
    }
    const next = t[k + 1];
    // "Committee to Protect Journalists": "to" before a verb inside a name (not "sold X to Y").
    const connector = NAME_CONNECTORS.has(token.lower) ? token.lower !== "and" || andInside : token.lower === "to" && token.pos === "PART";
    if (last >= 0 && connector && isCapitalized(next) && !inValueEntity(sentence, next!)) {
      k++;
      continue;
    }
    if (last === k - 1 && (token.text === "-" || token.text === "–") && token.space === "" && next?.space === "" && isCapitalized(next)) {
      k++;
      continue;
    }
    // "the Bowery Mechanics' Institute": a possessive inside a name; after a whole name it makes
    // the name another's ("the Ford family's shares"), which is no name of its own here.
    if (last === k - 1 && POSSESSIVE.has(token.text)) {
      if (isCapitalized(next) && !inValueEntity(sentence, next!)) {
        k++;
        continue;
      }
      return undefined;
    }
    break;
  }
  if (last < first) return undefined;
  const name: Name = { text: joinTokens(t, first, last), start: i, end: last + 1 };
  // Parentheses right after it: an abbreviation, or what it is called now.
  for (let n = 0; n < 2 && t[name.end]?.text === "(" ; n++) {
    const close = closingParen(t, name.end);
    if (close < 0 || close >= end) break;
    const inner = t.slice(name.end + 1, close);
    if (inner.length === 1 && isAbbreviation(inner[0]!.text)) name.abbreviation ??= inner[0]!.text;
    else if (inner.length > 1 && NOW_WORDS.has(inner[0]!.lower)) {
      const now = readName(sentence, name.end + 2, close);
      if (now && now.end === close) name.now = now.text;
    } else break;
    name.end = close + 1;
  }
  return name;
}

/** The index of the ")" closing the "(" at `open`, or -1. */
export function closingParen(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (tokens[k]!.text === "(") depth++;
    else if (tokens[k]!.text === ")" && --depth === 0) return k;
  }
  return -1;
}

/** "CJFE", "NUJ", "ACCT", "IFJ": two to ten capitals (digits and & allowed). */
export function isAbbreviation(text: string): boolean {
  return /^[\p{Lu}][\p{Lu}0-9&]{1,9}$/u.test(text);
}

/** Whether `abbreviation`'s letters are initials of `name`'s words, in order ("OIF" of "Organisation internationale de la Francophonie"). */
export function abbreviates(abbreviation: string, name: string): boolean {
  const letters = abbreviation.toLowerCase().replace(/[^a-z0-9]/g, "");
  const words = name.toLowerCase().split(/[\s-]+/).filter((w) => /^[a-z0-9]/.test(w));
  let w = 0;
  for (const letter of letters) {
    while (w < words.length && words[w]![0] !== letter) w++;
    if (w === words.length) return false;
    w++;
  }
  return letters.length >= 2;
}

/** Words that may stand before a name in a list without being part of it: "his father Henry Ford". */
const DESCRIBING = new Set(["his", "her", "their"]);

/**
 * Names separated by commas and "and" ("Edsel Ford and his father Henry Ford"; "Paris, Brussels
 * and the Netherlands"); a possessive and a noun before a name ("his father") are skipped. Stops
 * at the first item that is not a name; undefined when there is none.
 */
export function readNameList(sentence: Sentence, i: number, end: number): Name[] | undefined {
  const t = sentence.tokens;
  const names: Name[] = [];
  let k = i;
  for (;;) {
    let start = k;
    if (DESCRIBING.has(t[start]?.lower ?? "")) {
      let m = start + 1;
      while (m < end && m < start + 4 && (t[m]!.pos === "NOUN" || t[m]!.pos === "ADJ") && !isCapitalized(t[m])) m++;
      if (m > start + 1) start = m;
    }
    const name = readName(sentence, start, end);
    if (!name) break;
    names.push(name);
    k = name.end;
    if (t[k]?.text === "," && t[k + 1]?.lower === "and") k += 2;
    else if (t[k]?.text === "," || t[k]?.lower === "and") k += 1;
    else break;
  }
  return names.length > 0 ? names : undefined;
}

/** The end of the list `readNameList` read (the token after its last name). */
export function listEnd(names: readonly Name[]): number {
  return names[names.length - 1]!.end;
}

/**
 * The date of "in 1907", "on June 27, 2006", "in October 1941" when `i` is the preposition: the
 * date is the whole entity the model found there and reads as a date and nothing more (not "early
 * 2024", "the 1980s", "1955 and 1974"). Its ISO form at the text's precision.
 */
export function dateAfter(sentence: Sentence, i: number): { iso: string; end: number } | undefined {
  const prep = sentence.tokens[i];
  if (!prep || (prep.lower !== "in" && prep.lower !== "on")) return undefined;
  const next = sentence.tokens[i + 1];
  if (next?.entity === undefined) return undefined;
  const entity = sentence.entities[next.entity]!;
  if (entity.type !== "DATE" || entity.start !== i + 1) return undefined;
  const date = parseDate(entity.text);
  if (!date || date.rest !== "" || date.approximate || date.end !== undefined) return undefined;
  // "in 1955" of "between … in 1955 and 1974": a date followed by "and" and another is a range.
  const after = sentence.tokens[entity.end + 1];
  if (after?.lower === "and" && sentence.tokens[entity.end + 2]?.entity !== undefined) return undefined;
  return { iso: date.iso, end: entity.end + 1 };
}

/** An amount of money at `i` ("$16.8 billion"), read by the infobox's money parser. */
export function moneyAt(sentence: Sentence, i: number): { money: ParsedMoney; text: string; end: number } | undefined {
  const token = sentence.tokens[i];
  if (token?.entity === undefined) return undefined;
  const entity = sentence.entities[token.entity]!;
  if (entity.type !== "MONEY" || entity.start !== i) return undefined;
  const money = parseMoney(entity.text);
  if (!money || !(Number(money.amount) > 0)) return undefined;
  return { money, text: entity.text, end: entity.end + 1 };
}

const COMPARISON_WORDS = Object.keys(LISTS.comparisons.prefix).filter((w) => /^[a-z ]+$/i.test(w)).map((w) => w.toLowerCase().split(" "));

/**
 * A count at `i`: comparison words, a cardinal number, then the counted noun or a compound of two
 * nouns, whose lemmas are returned ("over 100 staff", "20,693 members", "33 member federations" →
 * "member federation"). An adjective before the noun makes it a part of the whole ("2,300
 * administrative staff"), and a number joined to another by "and" or a comma is one part of a sum
 * ("1,150 academic and 2,300 administrative staff"): neither is a count here.
 */
export function countAt(sentence: Sentence, i: number, end: number): { count: ParsedCount; noun: string; text: string; end: number } | undefined {
  const t = sentence.tokens;
  let k = i;
  for (const words of COMPARISON_WORDS) {
    if (words.every((w, n) => t[i + n]?.lower === w)) {
      k = i + words.length;
      break;
    }
  }
  const number = t[k];
  if (number?.entity === undefined) return undefined;
  const entity = sentence.entities[number.entity]!;
  if (entity.type !== "CARDINAL") return undefined;
  // The model may have taken the comparison word into the number ("nearly 100").
  if (entity.start < i) return undefined;
  const before = t[i - 1];
  if (before && (before.lower === "and" || before.lower === "or" || before.text === ",") && t.slice(Math.max(0, i - 5), i - 1).some((x) => x.entity !== undefined && sentence.entities[x.entity]!.type === "CARDINAL")) return undefined;
  let n = entity.end + 1;
  if (t[n]?.pos !== "NOUN" || n >= end) return undefined;
  if (t[n + 1]?.pos === "NOUN" && n + 1 < end) n++;
  const noun = n > entity.end + 1 ? `${t[n - 1]!.lemma} ${t[n]!.lemma}` : t[n]!.lemma;
  const text = joinTokens(t, i, n);
  const count = parseCount(text);
  if (!count) return undefined;
  return { count, noun, text, end: n + 1 };
}
