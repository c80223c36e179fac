// The facts one prose sentence states about the article's organization, read from its tagged
// tokens (nlp.ts) by the words of schemas/prose-words.json. Precision first: a sentence gives facts
// only when its subject is the organization (its name, an abbreviation, "it" while the text is about
// it, "the foundation" when the lead calls it a foundation), and none when it negates, supposes or
// reports ("not associated with", "would", "planned"); a value is taken only when its phrase reads
// surely (a whole date after "in"/"on", a name of capitalized words, a place the gazetteer knows).

import type { ParsedCount, ParsedMoney } from "../values.ts";
import type { Sentence, Token } from "./nlp.ts";
import { closingParen, countAt, dateAfter, isCapitalized, listEnd, moneyAt, readName, readNameList, type Name } from "./phrases.ts";
import { WORDS } from "./words.ts";

export type ProseFact =
  | { kind: "foundingDate" | "dissolutionDate"; date: string }
  | { kind: "foundingPlace" | "location"; place: string }
  | { kind: "locations"; places: string[] }
  | { kind: "founders"; names: string[] }
  | { kind: "formerNames" | "alternateNames"; names: string[] }
  | { kind: "parentOrganization" | "memberOf" | "owners" | "successors"; organization: Name }
  | { kind: "count"; field: string; count: ParsedCount; asWritten: string }
  | { kind: "money"; field: string; money: ParsedMoney; asWritten: string };

/** What names the article's organization. */
export interface Subject {
  /** Its names, abbreviations and other names, as written. */
  names: string[];
  /** Nouns that name it after "the": "organisation", and the lead's "… is a trade union" → "union". */
  nouns: Set<string>;
  /** The lead speaks of it in the past ("… was an American media company"): it no longer exists. */
  defunct: boolean;
}

/** Whether the text before a sentence is about the organization ("it" then means the organization). */
export interface Reading {
  aboutSubject: boolean;
}

const set = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
const NEGATIONS = set(WORDS.negations);
const HYPOTHETICALS = set(WORDS.hypotheticals);
const FORMER = set(WORDS.formerWords);
const PRONOUNS = set(WORDS.subjectPronouns);
const POSSESSIVES = set(WORDS.subjectPossessives);
/** Pronouns that, as a subject, mean someone or something else. */
const OTHER_PRONOUNS = new Set(["he", "she", "they", "his", "her", "their", "we", "i", "you", "this", "these", "those", "that"]);
const OPENING_POS = new Set(["ADP", "SCONJ", "ADV"]);

/** The facts of one sentence; updates `reading` with what the sentence is about. */
export function sentenceFacts(sentence: Sentence, subject: Subject, reading: Reading): ProseFact[] {
  const t = sentence.tokens;
  const depth = parenDepths(t);
  // The openers: "In 1984", "For fiscal year 2023,", "Created in 1936 by …,", "Then".
  const openers: [number, number][] = [];
  let i = 0;
  for (let n = 0; n < 4 && i < t.length; n++) {
    const token = t[i]!;
    if (OPENING_POS.has(token.pos) || (i === 0 && isParticiple(token))) {
      const comma = nextAtDepth0(t, depth, i, ",");
      const verb = firstVerb(t, depth, i + 1);
      // "In 1984 the group's name …": a preposition and its date, with no comma.
      const nextDate = t[i + 1]?.entity !== undefined ? sentence.entities[t[i + 1]!.entity!]! : undefined;
      if (token.pos === "ADP" && nextDate && nextDate.start === i + 1 && nextDate.type === "DATE" && (comma < 0 || comma > nextDate.end + 1)) {
        openers.push([i, nextDate.end + 1]);
        i = nextDate.end + 1;
        if (t[i]?.text === ",") i++;
        continue;
      }
      if (token.pos === "ADV" && t[i + 1]?.text !== ",") {
        openers.push([i, i + 1]);
        i++;
        continue;
      }
      if (comma > i && (verb < 0 || comma < verb || isParticiple(token))) {
        openers.push([i, comma]);
        i = comma + 1;
        continue;
      }
    }
    break;
  }
  const found = subjectAt(sentence, i, subject, reading);
  if (found.about !== undefined) reading.aboutSubject = found.about;
  // (A word of a date is no modal: "1 May 1995".)
  if (t.some((token) => token.entity === undefined && (NEGATIONS.has(token.lower) || HYPOTHETICALS.has(token.lemma) || HYPOTHETICALS.has(token.lower)))) return [];
  const facts: ProseFact[] = [];
  const ctx: Ctx = { sentence, subject, depth, facts };
  if (found.is) {
    for (const [from, to] of openers) readOpener(ctx, from, to);
    if (found.head !== undefined) readPossessive(ctx, found.head, found.end);
    else for (const vp of verbPhrases(t, depth, found.end)) readVerbPhrase(ctx, vp);
  }
  // Offices named as the organization's own ("NUJ branches in Paris") whatever the subject.
  readOffices(ctx, found.is && found.head === undefined);
  return facts;
}

interface Ctx {
  sentence: Sentence;
  subject: Subject;
  depth: number[];
  facts: ProseFact[];
}

/** How deep each token is inside parentheses. */
function parenDepths(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let d = 0;
  for (const token of tokens) {
    if (token.text === "(") d++;
    out.push(d);
    if (token.text === ")" && d > 0) d--;
  }
  return out;
}

function nextAtDepth0(tokens: readonly Token[], depth: readonly number[], from: number, text: string): number {
  for (let k = from; k < tokens.length; k++) if (depth[k] === 0 && tokens[k]!.text === text) return k;
  return -1;
}

function firstVerb(tokens: readonly Token[], depth: readonly number[], from: number): number {
  for (let k = from; k < tokens.length; k++) if (depth[k] === 0 && (tokens[k]!.pos === "AUX" || (tokens[k]!.pos === "VERB" && !isCapitalized(tokens[k])))) return k;
  return -1;
}

/** "founded", "parented", "bought", "set": a past participle (the model tags some as adjectives). */
function isParticiple(token: Token): boolean {
  return (token.pos === "VERB" || token.pos === "ADJ") && (/(?:ed|en|wn|ght|lt|set|up)$/.test(token.lower) || IRREGULAR.has(token.lower));
}
const IRREGULAR = new Set(["set", "run", "held", "made", "built", "sold", "bought", "led", "begun", "become"]);

/** A participle's lemma: the model leaves "parented" (taken for an adjective) as it is. */
function lemmaOf(token: Token): string {
  if (token.lemma !== token.lower || !/ed$/.test(token.lower)) return token.lemma;
  return token.lower.replace(/ied$/, "y").replace(/([^e])ed$/, "$1");
}

interface Found {
  /** Whether the sentence's subject is the organization. */
  is: boolean;
  /** The subject's head noun when it is the organization's ("Its headquarters", "The group's name"). */
  head?: number;
  /** Where the predicate starts. */
  end: number;
  /** What later "it" means after this sentence, when the sentence says. */
  about?: boolean;
}

/** The sentence's subject at `i`: the organization (or a thing of it), or something else. */
function subjectAt(sentence: Sentence, i: number, subject: Subject, reading: Reading): Found {
  const t = sentence.tokens;
  const token = t[i];
  if (!token) return { is: false, end: i };
  let end = -1;
  if (PRONOUNS.has(token.lower) && reading.aboutSubject) end = i + 1;
  else if (PRONOUNS.has(token.lower)) return { is: false, end: i };
  else if (POSSESSIVES.has(token.lower) && reading.aboutSubject) return possessive(t, i + 1);
  else if (token.lower === "the" && subject.nouns.has(t[i + 1]?.lower ?? "") && !isCapitalized(t[i + 2])) {
    end = i + 2;
  } else {
    const named = nameAt(t, i, subject.names);
    if (named > i) end = named;
  }
  if (end < 0) {
    // Someone or something else: "The Ridders purchased …", "He was succeeded …", "Henry Ford II created …".
    if (OTHER_PRONOUNS.has(token.lower) || isCapitalized(token) || token.lower === "the") {
      const verb = firstVerb(t, parenDepths(t), i);
      const np = verb < 0 ? [] : t.slice(i, verb);
      if (np.length > 0 && np.some((x) => isCapitalized(x) || OTHER_PRONOUNS.has(x.lower))) return { is: false, end: i, about: false };
    }
    return { is: false, end: i };
  }
  // "The NUJ's remit", "the group's name": a thing of the organization.
  if (t[end]?.text === "'s" || t[end]?.text === "’s") return possessive(t, end + 1);
  // "Canadian Journalists for Free Expression (CJFE) is …": the abbreviation in parentheses.
  if (t[end]?.text === "(") {
    const close = closingParen(t, end);
    if (close > end) end = close + 1;
  }
  return { is: true, end, about: true };
}

/** After "its" or "'s": the subject is a thing of the organization, its head the last noun before the verb. */
function possessive(t: readonly Token[], from: number): Found {
  let k = from;
  while (k < t.length && (t[k]!.pos === "ADJ" || t[k]!.pos === "NOUN" || t[k]!.pos === "PROPN") && !(t[k]!.pos === "PROPN" && k > from)) k++;
  if (k === from || (t[k - 1]!.pos !== "NOUN" && t[k - 1]!.pos !== "PROPN")) return { is: false, end: from };
  return { is: true, head: k - 1, end: k, about: true };
}

/** The end of one of the organization's names written at `i` (case-insensitive, "The" optional), or -1. */
export function nameAt(t: readonly Token[], i: number, names: readonly string[]): number {
  let best = -1;
  for (const start of t[i]?.lower === "the" ? [i, i + 1] : [i]) {
    for (const name of names) {
      const want = name.toLowerCase().replace(/^the\s+/, "");
      let text = "";
      for (let k = start; k < t.length && text.length < want.length; k++) {
        text += (k === start ? "" : t[k]!.space) + t[k]!.lower;
        // A name continues while its next word does: "Ford" is not "Ford Motor Company", nor
        // "Article 19" "Article 19 of the Universal Declaration".
        const next = t[k + 1];
        const continues = (isCapitalized(next) && next!.pos === "PROPN") || ((next?.lower === "of" || next?.lower === "for") && isCapitalized(t[k + 2]));
        if (text === want && !continues && k + 1 > best) best = k + 1;
      }
    }
  }
  return best;
}

interface VerbPhrase {
  /** Its main verb (or the copula). */
  verb: number;
  passive: boolean;
  /** Tokens [start, end) of the phrase, the verb group included. */
  start: number;
  end: number;
}

/**
 * The predicate's verb phrases: "was founded in 1907 | and has 20,693 members"; "was established in
 * 1981, | and parented initially by …". A phrase starts at a verb group after the subject, "and" or
 * a comma; one without an auxiliary after a passive one is passive too.
 */
function verbPhrases(t: readonly Token[], depth: readonly number[], from: number): VerbPhrase[] {
  const phrases: VerbPhrase[] = [];
  let k = from;
  let passive = false;
  while (k < t.length) {
    // The verb group: auxiliaries and adverbs, then the main verb.
    let start = k;
    while (k < t.length && t[k]!.pos === "ADV") k++;
    let aux = -1;
    while (k < t.length && (t[k]!.pos === "AUX" || t[k]!.pos === "ADV" || t[k]!.pos === "PART")) {
      if (t[k]!.pos === "AUX") aux = k;
      k++;
    }
    let verb = -1;
    if (k < t.length && (t[k]!.pos === "VERB" || (isParticiple(t[k]!) && (aux >= 0 || phrases.length > 0)))) verb = k;
    else if (aux >= 0) verb = aux;
    if (verb < 0) break;
    const be = aux >= 0 && t[aux]!.lemma === "be" && verb !== aux;
    passive = verb !== aux && isParticiple(t[verb]!) && (be || (aux < 0 && passive));
    if (verb === aux) passive = false;
    // The phrase runs to the next ", and VERB", "and VERB" or ", VERB-ing".
    let end = verb + 1;
    for (; end < t.length; end++) {
      if (depth[end] !== 0) continue;
      const x = t[end]!;
      if (x.text === ";" || x.text === "—" || x.text === "–") break;
      if (x.lower === "and" || x.text === ",") {
        let m = end + 1;
        if (t[m]?.lower === "and") m++;
        while (m < t.length && t[m]!.pos === "ADV") m++;
        if (m < t.length && (t[m]!.pos === "AUX" || (t[m]!.pos === "VERB" && !isCapitalized(t[m])) || (isParticiple(t[m]!) && !isCapitalized(t[m]) && t[m + 1]?.pos !== "NOUN"))) break;
      }
    }
    phrases.push({ verb, passive, start, end });
    start = end;
    k = end;
    while (k < t.length && (t[k]!.text === "," || t[k]!.lower === "and")) k++;
    if (k >= t.length || t[k]!.text === ";" || t[k]!.text === "—") break;
  }
  return phrases;
}

/** A phrasal verb ("set up", "shut down") at the verb, or the verb alone. */
function verbLemmas(t: readonly Token[], verb: number): string[] {
  const lemma = lemmaOf(t[verb]!);
  const next = t[verb + 1];
  return next && (next.pos === "ADP" || next.pos === "PART" || next.pos === "ADV") ? [`${lemma} ${next.lower}`, lemma] : [lemma];
}

/** A verb phrase's facts, by its main verb. */
function readVerbPhrase(ctx: Ctx, vp: VerbPhrase): void {
  const t = ctx.sentence.tokens;
  const lemmas = verbLemmas(t, vp.verb);
  const is = (words: readonly string[]) => lemmas.some((l) => words.includes(l));
  if (vp.passive && is(WORDS.founding.passive)) return readFounding(ctx, vp.verb + 1, vp.end);
  if (vp.passive && is(WORDS.dissolution.passive)) {
    const date = onlyDate(ctx, vp.verb + 1, vp.end);
    if (date) ctx.facts.push({ kind: "dissolutionDate", date });
    return;
  }
  if (vp.passive && is(WORDS.acquisition.passive)) return readAcquisition(ctx, vp);
  if (vp.passive && is(WORDS.headquarters.passive)) {
    const place = placeAfterIn(ctx, vp.verb + 1, vp.end);
    if (place) ctx.facts.push({ kind: "location", place });
    return;
  }
  if (vp.passive && is(WORDS.rename.passive)) return readNewName(ctx, vp.verb + 1, vp.end);
  if (vp.passive) {
    const field = lemmas.map((l) => WORDS.relations.passiveBy[l]).find((f) => f !== undefined);
    // "parented by X as the CIJ Latin American Committee": the name it had then.
    if (field) readAsName(ctx, vp.verb + 1, vp.end);
    if (field && !hasFormerWord(t, vp.start, vp.end)) {
      const by = indexOf(t, "by", vp.verb + 1, vp.end);
      const name = by >= 0 ? nameAtEnd(ctx, by + 1, vp.end) : undefined;
      if (name) ctx.facts.push({ kind: field as "owners", organization: name });
    }
    return;
  }
  // Active and copular phrases.
  const verbLemma = lemmaOf(t[vp.verb]!);
  if (ctx.subject.defunct && (WORDS.dissolution.active.includes(verbLemma) || WORDS.dissolution.merge.includes(verbLemma))) return readEnd(ctx, vp, WORDS.dissolution.merge.includes(verbLemma));
  if (verbLemma === "be") readCopula(ctx, vp);
  if (WORDS.counts.verbs.includes(verbLemma)) readCounts(ctx, vp);
  if (WORDS.money.verbs.includes(verbLemma) || verbLemma === "be") readMoney(ctx, vp.verb + 1, vp.end);
  if (WORDS.rename.changeVerbs.includes(verbLemma)) readNameChange(ctx, vp);
  if (verbLemma === "have") readHeadquartersObject(ctx, vp);
}

/**
 * Whether a name ends its phrase at `end`: a name followed by a noun of the same phrase ("as the
 * Ford family's committee", "by Acme employees") is a word of another phrase, not the name.
 */
function endsPhrase(t: readonly Token[], end: number): boolean {
  const next = t[end];
  return next === undefined || ["PUNCT", "ADP", "CCONJ", "SCONJ", "PART"].includes(next.pos) || ["when", "which", "who", "that", "until"].includes(next.lower);
}

/** A name at `i` that ends its phrase, or undefined. */
function nameAtEnd(ctx: Ctx, i: number, to: number): Name | undefined {
  const name = readName(ctx.sentence, i, to);
  return name && endsPhrase(ctx.sentence.tokens, name.end) ? name : undefined;
}

function indexOf(t: readonly Token[], lower: string, from: number, to: number): number {
  for (let k = from; k < to; k++) if (t[k]!.lower === lower) return k;
  return -1;
}

function hasFormerWord(t: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (FORMER.has(t[k]!.lower)) return true;
  return false;
}

/** The one date of "in/on DATE" in tokens [from, to); none when there are several. */
function onlyDate(ctx: Ctx, from: number, to: number): string | undefined {
  const dates = new Set<string>();
  for (let k = from; k < to; k++) {
    const d = dateAfter(ctx.sentence, k);
    if (d) dates.add(d.iso);
  }
  return dates.size === 1 ? [...dates][0] : undefined;
}

/** "in San Jose, California": the place after the first "in" that is not a date, as written. */
function placeAfterIn(ctx: Ctx, from: number, to: number): string | undefined {
  const t = ctx.sentence.tokens;
  for (let k = from; k < to; k++) {
    if (t[k]!.lower !== "in" || dateAfter(ctx.sentence, k)) continue;
    return placeChainAt(ctx.sentence, k + 1, to);
  }
  return undefined;
}

/** "San Jose, California", "Washington, D.C.": names joined by commas, as one place. */
function placeChainAt(sentence: Sentence, from: number, to: number): string | undefined {
  const t = sentence.tokens;
  const parts: string[] = [];
  let k = from;
  for (;;) {
    const name = readName(sentence, k, to);
    if (!name || name.abbreviation || name.now) break;
    parts.push(name.text);
    k = name.end;
    if (t[k]?.text === "," && isCapitalized(t[k + 1]) && t[k + 1]!.entity === undefined) k++;
    else break;
  }
  // What follows a place is not a word of it: "in Paris for …", not "in Paris and London" (two places).
  if (parts.length === 0 || t[k]?.lower === "and") return undefined;
  return parts.join(", ");
}

/** "was founded in 1978 in Paris as Helsinki Watch by Robert Bernstein": date, place, former name, founders. */
function readFounding(ctx: Ctx, from: number, to: number): void {
  const t = ctx.sentence.tokens;
  const date = onlyDate(ctx, from, to);
  if (date) ctx.facts.push({ kind: "foundingDate", date });
  const place = placeAfterIn(ctx, from, to);
  if (place) ctx.facts.push({ kind: "foundingPlace", place });
  const by = indexOf(t, "by", from, to);
  if (by >= 0) {
    const names = readNameList(ctx.sentence, by + 1, to);
    // Founders only when the list is all there is after "by" (not "by the merger of …").
    if (names && names.every((n) => !n.abbreviation && !n.now)) {
      const next = t[listEnd(names)];
      if (!next || next.text === "," || next.text === "." || next.lower === "in" || next.lower === "on" || next.lower === "as") ctx.facts.push({ kind: "founders", names: names.map((n) => n.text) });
    }
  }
  readAsName(ctx, from, to);
}

/** "… as Helsinki Watch": the name the organization had then, when it is not its name now. */
function readAsName(ctx: Ctx, from: number, to: number): void {
  const as = indexOf(ctx.sentence.tokens, "as", from, to);
  const name = as >= 0 ? nameAtEnd(ctx, as + 1, to) : undefined;
  if (name && !name.now && !nameIsSubject(ctx, name.text)) ctx.facts.push({ kind: "formerNames", names: [name.text] });
}

function nameIsSubject(ctx: Ctx, name: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/^the\s+/, "");
  return ctx.subject.names.some((n) => key(n) === key(name));
}

/** "was bought by McClatchy on June 27, 2006": for a former organization, its end and successor. */
function readAcquisition(ctx: Ctx, vp: VerbPhrase): void {
  if (!ctx.subject.defunct) return;
  const t = ctx.sentence.tokens;
  const by = indexOf(t, "by", vp.verb + 1, vp.end);
  const buyer = by >= 0 ? nameAtEnd(ctx, by + 1, vp.end) : undefined;
  if (!buyer) return;
  ctx.facts.push({ kind: "successors", organization: buyer });
  const date = onlyDate(ctx, vp.verb + 1, vp.end);
  if (date) ctx.facts.push({ kind: "dissolutionDate", date });
}

/**
 * A former organization's end: "ceased operations in 2009"; "merged with X in 1999 to form Y",
 * "merged into Y in 1999" (Y its successor).
 */
function readEnd(ctx: Ctx, vp: VerbPhrase, merge: boolean): void {
  const t = ctx.sentence.tokens;
  const date = onlyDate(ctx, vp.verb + 1, vp.end);
  if (!merge) {
    if (date) ctx.facts.push({ kind: "dissolutionDate", date });
    return;
  }
  let at = indexOf(t, "into", vp.verb + 1, vp.end);
  if (at < 0) {
    const to = indexOf(t, "to", vp.verb + 1, vp.end);
    at = to >= 0 && t[to + 1]?.lemma === "form" ? to + 1 : -1;
  }
  const successor = at >= 0 ? nameAtEnd(ctx, at + 1, vp.end) : undefined;
  if (!successor) return;
  ctx.facts.push({ kind: "successors", organization: successor });
  if (date) ctx.facts.push({ kind: "dissolutionDate", date });
}

/** An opener of the sentence: "Created in 1936 by …," (the subject's founding), "After its establishment in 1936,". */
function readOpener(ctx: Ctx, from: number, to: number): void {
  const t = ctx.sentence.tokens;
  if (from === 0 && isParticiple(t[0]!) && WORDS.founding.passive.includes(lemmaOf(t[0]!))) return readFounding(ctx, 1, to);
  readFoundingNoun(ctx, from, to);
}

/** "its founding in 1907", "its establishment in 1936": the organization's founding date. */
function readFoundingNoun(ctx: Ctx, from: number, to: number): void {
  const t = ctx.sentence.tokens;
  for (let k = from; k + 2 < to; k++) {
    if (!POSSESSIVES.has(t[k]!.lower) || !WORDS.founding.nouns.includes(t[k + 1]!.lemma)) continue;
    const d = dateAfter(ctx.sentence, k + 2);
    if (d) ctx.facts.push({ kind: "foundingDate", date: d.iso });
  }
}

/** The subject is a thing of the organization: "Its headquarters were located in …", "The group's name was changed to …", "Its endowment is …". */
function readPossessive(ctx: Ctx, head: number, predicate: number): void {
  const t = ctx.sentence.tokens;
  const noun = t[head]!.lemma;
  const vps = verbPhrases(t, ctx.depth, predicate);
  const vp = vps[0];
  if (!vp) return;
  const verb = lemmaOf(t[vp.verb]!);
  if (WORDS.headquarters.nouns.includes(noun) || WORDS.headquarters.nouns.includes(t[head]!.lower)) {
    if (WORDS.headquarters.verbs.includes(verb)) {
      const place = placeAfterIn(ctx, vp.verb + 1, vp.end);
      if (place) ctx.facts.push({ kind: "location", place });
    }
    return;
  }
  if (WORDS.rename.nouns.includes(noun) && vp.passive && WORDS.rename.changeVerbs.includes(verb)) return readNewName(ctx, vp.verb + 1, vp.end);
  const field = WORDS.money.nouns[noun];
  if (field && verb === "be") {
    const m = moneyAt(ctx.sentence, vp.verb + 1);
    if (m) ctx.facts.push({ kind: "money", field, money: { ...m.money, ...(yearOf(ctx) && !m.money.asOf && { asOf: yearOf(ctx) }) }, asWritten: m.text });
  }
}

/** "(was renamed | was changed) to X": a name the organization had, when it is not its name now. */
function readNewName(ctx: Ctx, from: number, to: number): void {
  const t = ctx.sentence.tokens;
  const k = t[from]?.lower === "to" || t[from]?.lower === "as" ? from + 1 : from;
  const name = nameAtEnd(ctx, k, to);
  if (!name || name.abbreviation || name.now) return;
  if (!nameIsSubject(ctx, name.text)) ctx.facts.push({ kind: "formerNames", names: [name.text] });
}

/** "changed its name from X to Y": both, unless one is its name now. */
function readNameChange(ctx: Ctx, vp: VerbPhrase): void {
  const t = ctx.sentence.tokens;
  if (!POSSESSIVES.has(t[vp.verb + 1]?.lower ?? "") || !WORDS.rename.nouns.includes(t[vp.verb + 2]?.lemma ?? "")) return;
  const names: string[] = [];
  for (const prep of ["from", "to"]) {
    const at = indexOf(t, prep, vp.verb + 3, vp.end);
    const name = at >= 0 ? nameAtEnd(ctx, at + 1, vp.end) : undefined;
    if (name && !name.abbreviation && !name.now && !nameIsSubject(ctx, name.text)) names.push(name.text);
  }
  if (names.length > 0) ctx.facts.push({ kind: "formerNames", names });
}

/** "is a member of X", "is a subsidiary of X": the organization's relation to X (not a former one). */
function readCopula(ctx: Ctx, vp: VerbPhrase): void {
  const t = ctx.sentence.tokens;
  let k = vp.verb + 1;
  if (t[k]?.pos === "DET") k++;
  const noun = t[k];
  if (!noun || hasFormerWord(t, vp.verb + 1, k + 1)) return;
  const field = WORDS.relations.ofNouns[noun.lemma];
  if (!field || t[k + 1]?.lower !== "of") return;
  const name = readName(ctx.sentence, k + 2, vp.end);
  if (!name) return;
  // "a member of X, Y affiliated, and a former member of Z": only what reads as a plain list item.
  const after = t[name.end];
  if (after && after.text !== "." && after.text !== "," && after.text !== ";") return;
  ctx.facts.push({ kind: field as "memberOf", organization: name });
}

/** "has 20,693 members", "employs over 100 staff": a count of the organization's. */
function readCounts(ctx: Ctx, vp: VerbPhrase): void {
  const t = ctx.sentence.tokens;
  for (let k = vp.verb + 1; k < vp.end; k++) {
    if (ctx.depth[k] !== 0) continue;
    const c = countAt(ctx.sentence, k, vp.end);
    if (!c) continue;
    const field = WORDS.counts.nouns[c.noun];
    // "in more than 60 countries": a count after a preposition is not the organization's.
    const before = t[k - 1];
    if (field && !(before && before.pos === "ADP" && k - 1 > vp.verb)) ctx.facts.push({ kind: "count", field, count: c.count, asWritten: c.text });
    k = c.end - 1;
  }
}

/** "reported assets of $16.8 billion and expenses of $852 million": amounts of the organization's. */
function readMoney(ctx: Ctx, from: number, to: number): void {
  const t = ctx.sentence.tokens;
  for (let k = from; k + 2 < to + 1; k++) {
    const field = WORDS.money.nouns[t[k]!.lemma] ?? (k > from ? WORDS.money.nouns[`${t[k - 1]!.lemma} ${t[k]!.lemma}`] : undefined);
    if (!field || t[k + 1]?.lower !== "of") continue;
    const m = moneyAt(ctx.sentence, k + 2);
    if (!m) continue;
    const year = m.money.asOf ?? yearOf(ctx);
    ctx.facts.push({ kind: "money", field, money: { ...m.money, ...(year && { asOf: year }) }, asWritten: m.text });
  }
}

/** The year an amount is for: the one exact year the sentence names ("For fiscal year 2023, …"), if only one. */
function yearOf(ctx: Ctx): string | undefined {
  const years = new Set<string>();
  for (const e of ctx.sentence.entities) {
    if (e.type !== "DATE") continue;
    const m = /^(?:(?:fiscal|financial)\s+year\s+|FY\s*)?([0-9]{4})$/i.exec(e.text);
    if (!m) return undefined;
    years.add(m[1]!);
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** "has its headquarters in X". */
function readHeadquartersObject(ctx: Ctx, vp: VerbPhrase): void {
  const t = ctx.sentence.tokens;
  let k = vp.verb + 1;
  if (POSSESSIVES.has(t[k]?.lower ?? "")) k++;
  if (!WORDS.headquarters.nouns.includes(t[k]?.lemma ?? "") && !WORDS.headquarters.nouns.includes(t[k]?.lower ?? "")) return;
  const place = t[k + 1]?.lower === "in" ? placeChainAt(ctx.sentence, k + 2, vp.end) : undefined;
  if (place) ctx.facts.push({ kind: "location", place });
}

/**
 * "regional offices in Bangladesh, Brazil, …": offices the organization has (in a phrase of the
 * organization with "have", "maintain", "open"…) or that are named as its own ("NUJ branches in
 * Paris, Brussels and the Netherlands").
 */
function readOffices(ctx: Ctx, subjectVerbs: boolean): void {
  const t = ctx.sentence.tokens;
  for (let k = 1; k + 2 < t.length; k++) {
    if (!WORDS.offices.nouns.includes(t[k]!.lemma) || t[k]!.pos !== "NOUN" || t[k + 1]!.lower !== "in") continue;
    if (!ownOffice(ctx, k, subjectVerbs)) continue;
    const names = readNameList(ctx.sentence, k + 2, t.length);
    if (!names || names.some((n) => n.abbreviation || n.now)) continue;
    ctx.facts.push({ kind: "locations", places: names.map((n) => n.text) });
  }
}

/** Whether the office noun at `k` is the organization's: its name or "its" right before, or a verb of having with the organization as subject. */
function ownOffice(ctx: Ctx, k: number, subjectVerbs: boolean): boolean {
  const t = ctx.sentence.tokens;
  let m = k - 1;
  while (m >= 0 && t[m]!.pos === "ADJ") m--;
  if (m >= 0 && POSSESSIVES.has(t[m]!.lower)) return true;
  if (m >= 0 && nameEndsAt(t, m, ctx.subject.names)) return true;
  // The offices are an object of the subject's verb: "It has over 100 staff and regional offices in …"
  // (back over other objects: nouns, adjectives, counts, "and").
  if (!subjectVerbs) return false;
  for (let v = m; v >= 0; v--) {
    const x = t[v]!;
    if (ctx.depth[v] !== 0) return false;
    if (x.pos === "VERB" || x.pos === "AUX") return WORDS.offices.verbs.includes(lemmaOf(x)) && !passiveBefore(t, v);
    const beforeNumber = t[v + 1]?.entity !== undefined && ctx.sentence.entities[t[v + 1]!.entity!]!.type === "CARDINAL";
    if (x.entity !== undefined || x.pos === "NOUN" || x.pos === "ADJ" || x.pos === "DET" || x.lower === "and" || x.text === "," || (x.pos === "ADP" && beforeNumber)) continue;
    return false;
  }
  return false;
}

function passiveBefore(t: readonly Token[], v: number): boolean {
  return v > 0 && t[v - 1]!.lemma === "be" && isParticiple(t[v]!);
}

function nameEndsAt(t: readonly Token[], end: number, names: readonly string[]): boolean {
  for (let start = end; start >= 0 && start > end - 8; start--) if (nameAt(t, start, names) === end + 1) return true;
  return false;
}

