// Value parsers of the importer: an infobox value as written → its typed form, or undefined when
// the value is not of that form (it then stays text). Pure functions, no table of their own: the
// word lists are schemas/import-lists.json, currencies come from currency-codes and
// currency-symbol-map, month names from Intl.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import currencyCodes from "currency-codes";
import getSymbolFromCurrency from "currency-symbol-map";
import type { Comparison } from "../model/types.ts";
import { once } from "../lib/once.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface ImportLists {
  nameSuffixes: string[];
  organizationWords: string[];
  buildingWords: string[];
  comparisons: { prefix: Record<string, Comparison>; suffix: Record<string, Comparison> };
  multipliers: Record<string, number>;
  periodWords: string[];
  displayValues: string[];
}

export const LISTS: ImportLists = JSON.parse(readFileSync(here("../../schemas/import-lists.json"), "utf8"));
const CURRENCY_TABLE: { shared: Record<string, string>; prefixes: Record<string, string> } = JSON.parse(readFileSync(here("../../schemas/currency-symbols.json"), "utf8"));

// ---------------------------------------------------------------------------------------------
// Dates

export interface ParsedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD: the precision the text gives. */
  iso: string;
  /** The end of a range ("14–16 November 1997"), at the same precision. */
  end?: string;
  /** "c. 1950". */
  approximate?: boolean;
  /** What follows the date, without the separating punctuation: "(as ACCT)", "UK". */
  rest: string;
}

const MONTHS = new Map<string, number>();
for (let m = 1; m <= 12; m++) {
  const date = new Date(Date.UTC(2000, m - 1, 1));
  for (const style of ["long", "short"] as const) {
    const name = new Intl.DateTimeFormat("en", { month: style, timeZone: "UTC" }).format(date).toLowerCase();
    MONTHS.set(name, m);
    MONTHS.set(`${name}.`, m);
  }
}
MONTHS.set("sept", 9);
MONTHS.set("sept.", 9);
const MONTH = "([A-Za-z]{3,9}\\.?)";
const DAY = "([0-9]{1,2})(?:st|nd|rd|th)?";
const YEAR = "([0-9]{4})(?![0-9])";
const DASH = "\\s*[-–—]\\s*";

const DATE_FORMS: { re: RegExp; read: (m: RegExpExecArray) => { y: number; mo?: number; d?: number; endD?: number; endMo?: number; endY?: number } | undefined }[] = [
  { re: new RegExp(`^([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])`), read: (m) => ({ y: +m[1]!, mo: +m[2]!, d: +m[3]! }) },
  { re: new RegExp(`^([0-9]{4})-([0-9]{2})(?![0-9-])`), read: (m) => ({ y: +m[1]!, mo: +m[2]! }) },
  // 14–16 November 1997
  { re: new RegExp(`^${DAY}${DASH}${DAY}\\s+${MONTH},?\\s+${YEAR}`), read: (m) => month(m[3]!, (mo) => ({ y: +m[4]!, mo, d: +m[1]!, endD: +m[2]! })) },
  // November 14–16, 1997
  { re: new RegExp(`^${MONTH}\\s+${DAY}${DASH}${DAY},?\\s+${YEAR}`), read: (m) => month(m[1]!, (mo) => ({ y: +m[4]!, mo, d: +m[2]!, endD: +m[3]! })) },
  // 20 March 1970
  { re: new RegExp(`^${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}`), read: (m) => month(m[2]!, (mo) => ({ y: +m[3]!, mo, d: +m[1]! })) },
  // July 30th, 1912
  { re: new RegExp(`^${MONTH}\\s+${DAY},?\\s+${YEAR}`), read: (m) => month(m[1]!, (mo) => ({ y: +m[3]!, mo, d: +m[2]! })) },
  // July 1912
  { re: new RegExp(`^${MONTH},?\\s+${YEAR}`), read: (m) => month(m[1]!, (mo) => ({ y: +m[2]!, mo })) },
  // 1992–1996
  { re: new RegExp(`^${YEAR}${DASH}${YEAR}`), read: (m) => ({ y: +m[1]!, endY: +m[2]! }) },
  // 1992
  { re: new RegExp(`^${YEAR}`), read: (m) => ({ y: +m[1]! }) },
];

function month<T>(name: string, then: (month: number) => T): T | undefined {
  const m = MONTHS.get(name.toLowerCase());
  return m === undefined ? undefined : then(m);
}

const APPROXIMATE = /^(?:c\.|ca\.|circa|approx\.|approximately|about|around)\s*/i;

/** A date in any of the forms infoboxes write, at its precision; undefined if the text does not start with one. */
export function parseDate(text: string): ParsedDate | undefined {
  let s = text.trim();
  const approx = APPROXIMATE.exec(s);
  if (approx) s = s.slice(approx[0].length);
  for (const form of DATE_FORMS) {
    const m = form.re.exec(s);
    if (!m) continue;
    const parts = form.read(m);
    if (!parts) continue;
    const { y, mo, d, endD, endMo, endY } = parts;
    if (y < 1000) return undefined;
    const iso = isoOf(y, mo, d);
    if (iso === undefined) return undefined;
    let end: string | undefined;
    if (endD !== undefined || endMo !== undefined || endY !== undefined) {
      end = isoOf(endY ?? y, endMo ?? mo, endD);
      if (end === undefined || end < iso) return undefined;
    }
    const rest = s.slice(m[0].length).replace(/^[\s,;:.]+/, "").trim();
    // "1992 years" or "19925": not a date followed by words but something else.
    if (/^[0-9]/.test(rest)) return undefined;
    return { iso, ...(end !== undefined && { end }), ...(approx && { approximate: true }), rest };
  }
  return undefined;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoOf(y: number, mo?: number, d?: number): string | undefined {
  if (y < 1000 || y > 9999) return undefined;
  const year = String(y);
  if (mo === undefined) return year;
  if (mo < 1 || mo > 12) return undefined;
  const ym = `${year}-${String(mo).padStart(2, "0")}`;
  if (d === undefined) return ym;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d < 1 || d > (mo === 2 && !leap ? 28 : DAYS_IN_MONTH[mo - 1]!)) return undefined;
  return `${ym}-${String(d).padStart(2, "0")}`;
}

/** A year alone ("2016", "(2016)", "FY 2016", "2016 est."), for the `… Year` fields and "(2016)" after an amount. */
export function parseYear(text: string): string | undefined {
  const m = /^\(?\s*(?:FY\s*|fiscal year\s+|as of\s+|in\s+)?([0-9]{4})(?:\s*est\.?)?\s*\)?$/i.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1000 ? m[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers: counts and amounts

export interface ParsedNumber {
  /** The number as an exact decimal text, e.g. "16800000000" or "10897032.263". */
  decimal: string;
  comparison: Comparison;
  /** What follows the number, the year taken out. */
  rest: string;
  /** The year the figure is for: "(2024)", "as of 2016", "in 2016". */
  asOf?: string;
}

const PREFIX_WORDS = Object.entries(LISTS.comparisons.prefix).sort((a, b) => b[0].length - a[0].length);
const SUFFIX_WORDS = Object.entries(LISTS.comparisons.suffix).sort((a, b) => b[0].length - a[0].length);
const MULTIPLIER_WORDS = Object.entries(LISTS.multipliers).sort((a, b) => b[0].length - a[0].length);

/** Groups of three after the first: "600 000" (space, no-break or thin space), "23,066", "1.000.000" not (ambiguous). */
const NUMBER = /^([0-9]{1,3}(?:(?:,[0-9]{3})+|(?:[ \u00a0\u202f\u2009][0-9]{3})+)|[0-9]+)(\.[0-9]+)?/;

function startsWithWord(s: string, word: string): boolean {
  if (!s.toLowerCase().startsWith(word.toLowerCase())) return false;
  const next = s.charAt(word.length);
  // A word ends at a space, a digit or punctuation; symbols like "~" stand alone.
  return !/[A-Za-z]/.test(word.charAt(word.length - 1)) || next === "" || !/[A-Za-z]/.test(next);
}

/** A number with how it compares, its multiplier ("16.8 billion") and the year it is for; undefined if none. */
export function parseNumber(text: string): ParsedNumber | undefined {
  let s = text.trim();
  let comparison: Comparison = "exactly";
  for (const [word, cmp] of PREFIX_WORDS) {
    if (startsWithWord(s, word)) {
      comparison = cmp;
      s = s.slice(word.length).trimStart();
      break;
    }
  }
  return readNumberAt(s, comparison);
}

function readNumberAt(s: string, comparison: Comparison): ParsedNumber | undefined {
  const m = NUMBER.exec(s);
  if (!m) return undefined;
  let digits = m[1]!.replace(/[, \u00a0\u202f\u2009]/g, "");
  let fraction = m[2] ? m[2].slice(1) : "";
  let rest = s.slice(m[0].length);
  // A digit, a comma or a point right after the number: another figure, not this one ("1,23", "1.2.3").
  if (/^[0-9]|^[.,][0-9]/.test(rest)) return undefined;
  const afterSpace = rest.replace(/^[ \u00a0]/, "");
  for (const [word, exponent] of MULTIPLIER_WORDS) {
    const from = startsWithWord(afterSpace, word) ? afterSpace : startsWithWord(rest, word) ? rest : undefined;
    if (from === undefined) continue;
    // A one-letter abbreviation only right after the number ("5m", "16.8bn"), not "5 m of cable".
    if (word.length === 1 && from !== rest) continue;
    ({ digits, fraction } = shift(digits, fraction, exponent));
    rest = from.slice(word.length);
    break;
  }
  rest = rest.trim();
  for (const [word, cmp] of SUFFIX_WORDS) {
    if (rest.toLowerCase().startsWith(word) && (word === "+" || !/[A-Za-z]/.test(rest.charAt(word.length)))) {
      if (comparison !== "exactly") return undefined;
      comparison = cmp;
      rest = rest.slice(word.length).trim();
      break;
    }
  }
  let asOf: string | undefined;
  const period = /\(([^()]*)\)/.exec(rest);
  const periodDate = period ? dateOfPeriod(period[1]!) : undefined;
  const year = periodDate === undefined ? /,?\s*\b(?:as of|in)\s+([0-9]{4})\b/i.exec(rest) : null;
  if (period && periodDate !== undefined) {
    asOf = periodDate;
    rest = (rest.slice(0, period.index) + rest.slice(period.index + period[0].length)).replace(/\s{2,}/g, " ").trim();
  } else if (year) {
    asOf = year[1];
    rest = (rest.slice(0, year.index) + rest.slice(year.index + year[0].length)).replace(/\s{2,}/g, " ").trim();
  }
  digits = digits.replace(/^0+(?=[0-9])/, "");
  fraction = fraction.replace(/0+$/, "");
  const decimal = fraction ? `${digits}.${fraction}` : digits;
  return { decimal, comparison, rest, ...(asOf !== undefined && { asOf }) };
}

const PERIOD_WORDS = [...LISTS.periodWords].sort((a, b) => b.length - a.length);

/**
 * The year a figure is for, from what a parenthesis holds: "2024", "FY 2016", "as of 2019", "Fall
 * 2024" (a term or season), "March 2024" (its year: a figure's date is a year, as the gold's), "2016
 * est."; undefined for anything else ("2023–24", "Class 2024", "5 countries").
 */
function dateOfPeriod(inside: string): string | undefined {
  let s = inside.trim().replace(/\s*\b(?:est\.?|estimate[ds]?)$/i, "");
  for (let again = true; again; ) {
    again = false;
    for (const word of PERIOD_WORDS) {
      if (startsWithWord(s, word)) {
        s = s.slice(word.length).trimStart();
        again = true;
        break;
      }
    }
  }
  const date = parseDate(s);
  return date && date.rest === "" && date.end === undefined && !date.approximate ? date.iso.slice(0, 4) : undefined;
}

/** Moves the decimal point `exponent` places right, exactly (no floating point). */
function shift(digits: string, fraction: string, exponent: number): { digits: string; fraction: string } {
  const padded = fraction.padEnd(exponent, "0");
  return { digits: digits + padded.slice(0, exponent), fraction: padded.slice(exponent) };
}

export interface ParsedCount {
  value: number;
  comparison: Comparison;
  /** What is counted, as the text says it ("independent organizations worldwide"); "" if it does not. */
  unit: string;
  asOf?: string;
}

/** A whole count: "100+", "approx. 230", "600 000", "23,066 (2024)", "1 billion", "120 independent organizations worldwide". */
export function parseCount(text: string): ParsedCount | undefined {
  const n = parseNumber(text);
  if (!n || n.decimal.includes(".")) return undefined;
  const value = Number(n.decimal);
  if (!Number.isSafeInteger(value)) return undefined;
  // Words may follow (what is counted), but not another figure or a currency.
  if (/[0-9$£€¥₹]/.test(n.rest)) return undefined;
  const unit = n.rest.replace(/^[\s,;:]+|[\s,;:.]+$/g, "");
  if (/^[(\[]/.test(unit)) return undefined;
  return { value, comparison: n.comparison, unit, ...(n.asOf !== undefined && { asOf: n.asOf }) };
}

export interface ParsedMoney {
  /** The amount as an exact decimal text. */
  amount: string;
  /** ISO 4217, when the text says it. */
  currency?: string;
  comparison: Comparison;
  asOf?: string;
}

/** Every currency symbol of currency-symbol-map, with the ISO 4217 codes of currency-codes that use it. */
const symbols = once((): ReadonlyMap<string, string[]> => {
  const symbolToCode = new Map<string, string[]>();
  for (const code of currencyCodes.codes()) {
    const symbol = getSymbolFromCurrency(code);
    if (!symbol || /^[A-Z]{3}$/.test(symbol)) continue;
    const list = symbolToCode.get(symbol) ?? [];
    list.push(code);
    symbolToCode.set(symbol, list);
  }
  return symbolToCode;
});

/** The ISO 4217 code a written currency means: "£" → GBP, "US$" → USD, "CHF" → CHF, "€" → EUR. */
export function currencyOf(written: string): string | undefined {
  const w = written.trim();
  if (/^[A-Z]{3}$/.test(w)) return currencyCodes.code(w) ? w : undefined;
  const fixed = CURRENCY_TABLE.prefixes[w] ?? CURRENCY_TABLE.shared[w];
  if (fixed) return fixed;
  const prefixed = /^([A-Z]{2})([$£])$/.exec(w);
  if (prefixed) {
    for (const code of symbols().get(prefixed[2]!) ?? []) if (code.startsWith(prefixed[1]!)) return code;
    return undefined;
  }
  const codes = symbols().get(w);
  return codes && codes.length === 1 ? codes[0] : undefined;
}

const CURRENCY_PREFIX = /^([A-Z]{2,3}\s?[$£]|[A-Z]{0,3}[$£€¥₹₽₩₪₺₦₱฿₫]|[A-Z]{3}(?=[\s0-9])|Fr\.|kr)\s*/;
const CURRENCY_SUFFIX = /^([A-Z]{3})\b\s*/;

/** An amount of money: "£7,014,478 (2016)", "16.8 billion", "$18.28 trillion", "US$1.2 million", "5 million EUR". */
export function parseMoney(text: string): ParsedMoney | undefined {
  let s = text.trim();
  let comparison: Comparison = "exactly";
  for (const [word, cmp] of PREFIX_WORDS) {
    if (startsWithWord(s, word)) {
      comparison = cmp;
      s = s.slice(word.length).trimStart();
      break;
    }
  }
  let currency: string | undefined;
  const prefix = CURRENCY_PREFIX.exec(s);
  if (prefix) {
    currency = currencyOf(prefix[1]!.replace(/\s/g, ""));
    if (currency === undefined) return undefined;
    s = s.slice(prefix[0].length);
  }
  const n = readNumberAt(s, comparison);
  if (!n) return undefined;
  let rest = n.rest;
  if (currency === undefined) {
    const suffix = CURRENCY_SUFFIX.exec(rest);
    if (suffix && currencyCodes.code(suffix[1]!)) {
      currency = suffix[1];
      rest = rest.slice(suffix[0].length);
    }
  }
  if (rest.replace(/[\s,;.]/g, "") !== "") return undefined;
  return { amount: n.decimal, comparison: n.comparison, ...(currency !== undefined && { currency }), ...(n.asOf !== undefined && { asOf: n.asOf }) };
}

// ---------------------------------------------------------------------------------------------
// Lists and names (people: people.ts)

/** Splits a list at commas and semicolons, keeping quoted items whole and a comma before a suffix ("Inc.", "Jr.") inside its name. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let current = "";
  let quote = "";
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      current += c;
      if (c === quote) quote = "";
      continue;
    }
    if ((c === '"' || c === "“") && current.trim() === "") {
      quote = c === "“" ? "”" : '"';
      current += c;
      continue;
    }
    if (c === "(") depth++;
    if (c === ")" && depth > 0) depth--;
    if ((c === "," || c === ";") && depth === 0) {
      const after = text.slice(i + 1).trimStart();
      const suffix = c === "," ? LISTS.nameSuffixes.find((sfx) => after.startsWith(sfx) && !/[A-Za-z0-9]/.test(after.charAt(sfx.length))) : undefined;
      if (suffix !== undefined) {
        current += c;
        continue;
      }
      items.push(current);
      current = "";
      continue;
    }
    current += c;
  }
  items.push(current);
  return items.map(cleanItem).filter((item) => item !== "");
}

function cleanItem(item: string): string {
  let s = item.trim();
  if (/^"[^"]*"$/.test(s) || /^“[^”]*”$/.test(s)) s = s.slice(1, -1).trim();
  return s;
}

/** Initials of the capitalized words: "Irish Congress of Trade Unions" → "ICTU". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

export interface ParsedName {
  name: string;
  /** An abbreviation the list gives right after the name: "Trades Union Congress, TUC". */
  abbreviation?: string;
}

/** Names of organizations, each with the abbreviation that follows it in the list. */
export function parseOrganizationNames(text: string): ParsedName[] {
  const names: ParsedName[] = [];
  for (const item of splitList(text).map(withoutAside)) {
    const last = names[names.length - 1];
    if (last && last.abbreviation === undefined && /^[\p{Lu}0-9&]{2,10}$/u.test(item) && initials(last.name) === item) {
      last.abbreviation = item;
      continue;
    }
    const inline = /^(.+?)\s*\(([\p{Lu}0-9&]{2,10})\)$/u.exec(item);
    if (inline) names.push({ name: inline[1]!, abbreviation: inline[2]! });
    else names.push({ name: item });
  }
  return names.filter((n) => /\p{L}/u.test(n.name));
}

/** Whether a name reads as an organization's rather than a person's (the prose's founders; an infobox's people are read by people.ts). */
export function looksLikeOrganization(name: string): boolean {
  const words = name.split(/[\s,]+/);
  return words.some((w) => LISTS.organizationWords.includes(w)) || /^[\p{Lu}0-9&]{2,10}$/u.test(name);
}

/** Names as a list gives them ("Telenorte (1993–2001), , ()"): each without the period or share in parentheses after it, none without a letter. */
export function parseNames(text: string): string[] {
  return splitList(text).map(withoutAside).filter((n) => /\p{L}/u.test(n));
}

/**
 * A name without what a parenthesis after it says about it rather than names: the years it was
 * used ("Telenorte (1993–2001)", "(until 2001)", "(from 1990)") or a share held ("Halvorsen
 * Industrier ASA (58%)"). Other parentheses ("(ACCT)", "(Canada)") stay.
 */
function withoutAside(name: string): string {
  return name.replace(/\s*\((?:(?:from|since|until|till|to|before|after|c\.|ca\.)\s*)?[0-9]{4}(?:\s*[-–—]\s*(?:[0-9]{2,4}|present|today))?\)$|\s*\([0-9]{1,3}(?:[.,][0-9]+)?\s*%[^()]*\)$/i, "").trim();
}

// ---------------------------------------------------------------------------------------------
// Template residue and URLs

/**
 * The value without leftover template code: "| non-profit_slogan =" and what follows a "| name ="
 * are parameters of the template that leaked into the value; "class=…" after an image file name is
 * a display class. Returns "" when nothing is left but separators ("| | , ()").
 */
export function withoutResidue(value: string): string {
  let s = value;
  const param = /\|\s*[A-Za-z][\w -]*=/.exec(s);
  if (param) s = s.slice(0, param.index);
  s = s.replace(/(\.(?:svg|png|jpe?g|gif|tiff?|webp))\s*class=[\w -]+$/i, "$1");
  return /[\p{L}\p{N}]/u.test(s) ? s.trim() : "";
}

/** An absolute http(s) URL, or undefined. */
export function parseUrl(text: string): string | undefined {
  const s = text.trim();
  // What the article schema takes as a URL (no spaces, quotes, braces, pipes, carets, backticks, backslashes).
  if (!/^https?:\/\/[^\s/?#<>"{}|^`\\]+(?:[/?#][^\s<>"{}|^`\\]*)?$/i.test(s) || s.length > 2000) return undefined;
  try {
    const url = new URL(s);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? s : undefined;
  } catch {
    return undefined;
  }
}

/** An image file name ("Knight Ridder logo.gif") → its address on Wikipedia, which serves Commons files too. */
export function imageUrl(fileName: string): string | undefined {
  const name = fileName.replace(/^(?:File|Image):/i, "").trim();
  if (!/\.(svg|png|jpe?g|gif|tiff?|webp)$/i.test(name) || /[<>[\]{}|#]/.test(name)) return undefined;
  return `https://en.wikipedia.org/wiki/Special:FilePath/${encodeURIComponent(name.replace(/ /g, "_")).replace(/%2C/g, ",").replace(/%28/g, "(").replace(/%29/g, ")")}`;
}
