// People in an infobox value: who is a person, in which role, with which qualifier. A person's name
// is told apart from roles, boards and committees by the role words of schemas/people-roles.json
// and by compromise (its person-name tagging and its lexicon of English words and given names):
// "Jane Harman, Chair, Board of Trustees" is one person in the role "Chair, Board of Trustees";
// "President & Chief Executive Officer Alexandra Reeve Givens" one person in the role before her
// name; "Nicole Bibbins Sedaca (interim)" a person whose role is qualified "interim". A reading is
// sure or not: a value with a part that is neither a person, an organization, a role nor a
// qualifier, a role with no one in it or a name that may not be a person's is not typed at all.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import nlp from "compromise";
import { LISTS, splitList } from "./values.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface RoleWords {
  roleHeads: string[];
  roleModifiers: string[];
  bodyHeads: string[];
  connectives: string[];
  qualifiers: string[];
  honorifics: string[];
  nameSuffixes: string[];
  nameParticles: string[];
}

const WORDS: RoleWords = JSON.parse(readFileSync(here("../../schemas/people-roles.json"), "utf8"));
const lower = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
const ROLE_HEADS = lower(WORDS.roleHeads);
const ROLE_MODIFIERS = lower(WORDS.roleModifiers);
const BODY_HEADS = lower(WORDS.bodyHeads);
const CONNECTIVES = lower(WORDS.connectives);
const HONORIFICS = lower(WORDS.honorifics);
const NAME_SUFFIXES = lower(WORDS.nameSuffixes);
const PARTICLES = lower(WORDS.nameParticles);
const ORGANIZATION_WORDS = lower(LISTS.organizationWords);
// Longest first, so "ad interim" is taken before "interim".
const QUALIFIERS = [...WORDS.qualifiers].sort((a, b) => b.length - a.length);

/** Tags of compromise's lexicon that a word of a person's name may have. */
const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName", "LastName", "Person", "Honorific", "ProperNoun"]);
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

export interface PersonInRole {
  /** "person", or "organization" for a name that reads as one (a founder may be a company). */
  kind: "person" | "organization";
  name: string;
  role?: string;
  /** What qualifies the role: "interim", "acting", "emeritus"… */
  qualifier?: string;
}

export type PeopleReading =
  | { sure: true; people: PersonInRole[] }
  | { sure: false; because: string };

export interface PeopleOptions {
  /** The role every person of the value holds unless the value says another ("Leader Title", the label "President"). */
  role?: string;
  /** Whether a name that reads as an organization's is one (founders, owners) rather than a doubt (key people). */
  organizations?: boolean;
}

type Part =
  | { kind: "person"; name: string; role?: string; qualifier?: string }
  | { kind: "organization"; name: string }
  | { kind: "role"; role: string; qualifier?: string }
  | { kind: "body"; body: string }
  | { kind: "qualifier"; qualifier: string }
  | { kind: "unknown"; text: string; because: string };

/** The people of an infobox value, with their roles and qualifiers, or why the value is not read for sure. */
export function readPeople(value: string, options: PeopleOptions = {}): PeopleReading {
  const items = itemsOf(value);
  if (items.length === 0) return { sure: false, because: "no names" };
  // A surname a sure person of the value carries is a name in another item too ("Edsel Ford, Henry Ford").
  const surnames = new Set<string>();
  for (const item of items) {
    for (const name of splitParenthesis(item).base.split(/\s+(?:and|&)\s+/)) if (isSurePersonName(name)) surnames.add(lastWord(name));
  }
  const parts = items.flatMap((item) => classify(item, surnames, options));
  const unknown = parts.find((p): p is Extract<Part, { kind: "unknown" }> => p.kind === "unknown");
  if (unknown) return { sure: false, because: `"${unknown.text}": ${unknown.because}` };
  const fieldRole = options.role === undefined ? undefined : roleOf(options.role);
  const people = assemble(parts, fieldRole);
  if (typeof people === "string") return { sure: false, because: people };
  return { sure: true, people };
}

/** Items of the value: at commas and semicolons (splitList), at spaced dashes, and "Role: Name" as its two parts. */
function itemsOf(value: string): string[] {
  const items: string[] = [];
  for (const item of splitList(value)) {
    for (const piece of item.split(/\s+[-–—]\s+/)) {
      const colon = /^([^:()]+):\s+(.+)$/.exec(piece);
      if (colon) items.push(colon[1]!.trim(), colon[2]!.trim());
      else if (piece.trim() !== "") items.push(piece.trim());
    }
  }
  return items;
}

/** "Nicole Bibbins Sedaca (interim)" → base and parenthesis; "(Executive Director)" → "" and its parenthesis. */
function splitParenthesis(item: string): { base: string; paren?: string } {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(item);
  if (!m) return { base: item.trim() };
  return { base: m[1]!.trim().replace(/,$/, "").trim(), paren: m[2]!.trim() };
}

function classify(item: string, surnames: Set<string>, options: PeopleOptions): Part | Part[] {
  const { base, paren } = splitParenthesis(item);
  let inParen: Part | undefined;
  if (paren !== undefined) {
    inParen = classifyPhrase(paren);
    if (inParen === undefined) return { kind: "unknown", text: item, because: "the parenthesis is neither a role nor a qualifier" };
  }
  if (base === "") return inParen ?? { kind: "unknown", text: item, because: "empty" };
  const phrase = classifyPhrase(base);
  if (phrase) {
    if (inParen === undefined) return phrase;
    // "President (interim)": the role, qualified.
    if (phrase.kind === "role" && inParen.kind === "qualifier" && phrase.qualifier === undefined) return { ...phrase, qualifier: inParen.qualifier };
    return { kind: "unknown", text: item, because: "a role with a parenthesis that is not its qualifier" };
  }
  const person = personOf(base, surnames);
  if (person) {
    if (inParen?.kind === "role") {
      if (person.role !== undefined) return { kind: "unknown", text: item, because: "two roles" };
      return { ...person, role: inParen.role, ...(inParen.qualifier !== undefined && { qualifier: inParen.qualifier }) };
    }
    if (inParen?.kind === "qualifier") {
      if (person.qualifier !== undefined) return { kind: "unknown", text: item, because: "two qualifiers" };
      return { ...person, qualifier: inParen.qualifier };
    }
    if (inParen) return { kind: "unknown", text: item, because: "the parenthesis is neither a role nor a qualifier" };
    return person;
  }
  if (paren === undefined && looksLikeOrganizationName(base)) {
    return options.organizations ? { kind: "organization", name: base } : { kind: "unknown", text: item, because: "an organization, not a person" };
  }
  // "Edsel Ford and Henry Ford": two people joined.
  const joined = base.split(/\s+(?:and|&)\s+/);
  if (paren === undefined && joined.length > 1 && joined.every((n) => isSurePersonName(n, surnames))) {
    return joined.map((name) => ({ kind: "person", name }));
  }
  return { kind: "unknown", text: item, because: "not sure it is a person's name" };
}

/** A role ("Chair", "Interim President & CEO"), a body ("Board of Trustees") or a qualifier ("interim"); undefined if the phrase is none. */
function classifyPhrase(phrase: string): Extract<Part, { kind: "role" | "body" | "qualifier" }> | undefined {
  const q = qualifierOf(phrase);
  if (q && q.rest === "") return { kind: "qualifier", qualifier: q.qualifier };
  const text = q ? q.rest : phrase;
  const words = wordsOf(text);
  if (words.length === 0 || !words.every(isRoleWord)) return undefined;
  if (words.some(isRoleHead)) return { kind: "role", role: text, ...(q && { qualifier: q.qualifier }) };
  if (q === undefined && words.some((w) => BODY_HEADS.has(w.toLowerCase()))) return { kind: "body", body: text };
  return undefined;
}

/** A role as written, with a qualifier at its start or end taken out: "Interim President" → President, interim. */
function roleOf(text: string): { role: string; qualifier?: string } {
  const q = qualifierOf(text);
  return q && q.rest !== "" ? { role: q.rest, qualifier: q.qualifier } : { role: text };
}

/** A qualifier at the start or the end of a phrase ("acting Director", "President, interim"), and the rest. */
function qualifierOf(phrase: string): { qualifier: string; rest: string } | undefined {
  const s = phrase.trim();
  for (const q of QUALIFIERS) {
    const esc = q.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const start = new RegExp(`^${esc}(?![\\p{L}])[\\s,]*`, "iu").exec(s);
    if (start) return { qualifier: q, rest: s.slice(start[0].length).trim() };
    const end = new RegExp(`[\\s,]*(?<![\\p{L}])${esc}$`, "iu").exec(s);
    if (end) return { qualifier: q, rest: s.slice(0, end.index).trim() };
  }
  return undefined;
}

function wordsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w !== "");
}

/** A role's head: "Chair", or hyphenated role words one of which is ("secretary-treasurer", "Vice-Chancellor"). */
function isRoleHead(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLE_HEADS.has(w)) return true;
  const parts = w.split("-");
  return parts.length > 1 && parts.some((p) => ROLE_HEADS.has(p)) && parts.every((p) => ROLE_HEADS.has(p) || ROLE_MODIFIERS.has(p) || p === "co" || p === "in");
}

/** A word a role or a body is made of: a role head or modifier, a body's head, a connective, or an organization's abbreviation ("APF President"). */
function isRoleWord(word: string): boolean {
  const w = word.toLowerCase();
  if (ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w) || BODY_HEADS.has(w) || CONNECTIVES.has(w)) return true;
  // "Vice-President", "Co-Founder": hyphenated words of the lists.
  if (w.includes("-") && w.split("-").every((p) => ROLE_HEADS.has(p) || ROLE_MODIFIERS.has(p) || p === "co" || p === "in")) return true;
  return /^\p{Lu}{2,6}$/u.test(word);
}

/** "President & Chief Executive Officer Alexandra Reeve Givens" → the person in that role; "Alexandra Reeve Givens" → the person. */
function personOf(text: string, surnames: Set<string>): Extract<Part, { kind: "person" }> | undefined {
  if (isSurePersonName(text, surnames)) return { kind: "person", name: text };
  const words = text.split(/\s+/);
  // The longest role before the name, then the longest after it.
  for (let i = words.length - 1; i >= 1; i--) {
    const before = words.slice(0, i).join(" ");
    const role = classifyPhrase(before);
    const name = words.slice(i).join(" ");
    if (role?.kind === "role" && isSurePersonName(name, surnames)) return { kind: "person", name, role: role.role, ...(role.qualifier !== undefined && { qualifier: role.qualifier }) };
  }
  for (let i = 1; i < words.length; i++) {
    const name = words.slice(0, i).join(" ");
    const role = classifyPhrase(words.slice(i).join(" "));
    if (role?.kind === "role" && isSurePersonName(name, surnames)) return { kind: "person", name, role: role.role, ...(role.qualifier !== undefined && { qualifier: role.qualifier }) };
  }
  return undefined;
}

function lastWord(name: string): string {
  const words = nameWords(name);
  return words[words.length - 1] ?? "";
}

/** The words of a name without honorifics before it and suffixes after it. */
function nameWords(name: string): string[] {
  const words = name.split(/\s+/).filter((w) => w !== "");
  while (words.length > 0 && HONORIFICS.has(words[0]!.toLowerCase())) words.shift();
  while (words.length > 0 && NAME_SUFFIXES.has(words[words.length - 1]!.replace(/,$/, "").toLowerCase())) words.pop();
  return words.map((w) => w.replace(/,$/, ""));
}

const INITIAL = /^(?:\p{Lu}\.)+$|^\p{Lu}$/u;
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{Lu}'’.-]*\p{L}$|^\p{Lu}\p{Ll}$/u;

/**
 * Whether the text is a person's name, for sure: two to six words, each a capitalized word, an
 * initial or a particle ("von"), none of them a role's, a board's or an organization's word, not an
 * organization compromise knows ("Goldman Sachs"), and either compromise reads it as a person or
 * none of its words is an English word compromise knows as anything but a name, unless it is a
 * surname of the same value, or a surname compromise knows as a company's ("Edsel Ford": Ford). With
 * only "compromise", compromise
 * must read it as a person (where a company of two unknown words is as likely: an owner).
 */
export function isSurePersonName(text: string, surnames: ReadonlySet<string> = new Set(), only: "any" | "compromise" = "any"): boolean {
  const words = nameWords(text);
  if (words.length < 2 || words.length > 6) return false;
  if (!words.every((w, i) => INITIAL.test(w) || NAME_WORD.test(w) || (PARTICLES.has(w) && i > 0 && i < words.length - 1))) return false;
  const full = words.filter((w) => !INITIAL.test(w) && !PARTICLES.has(w));
  if (full.length === 0 || full.some((w) => /^\p{Lu}{2,}$/u.test(w))) return false;
  const lowered = words.map((w) => w.toLowerCase());
  if (lowered.some((w) => BODY_HEADS.has(w) || ORGANIZATION_WORDS.has(w) || CONNECTIVES.has(w))) return false;
  const doc = nlp(words.join(" "));
  if (covers(doc.organizations().out("array") as string[], full)) return false;
  if (covers(doc.people().out("array") as string[], full)) return true;
  if (only === "compromise") return false;
  if (lowered.some((w) => ROLE_HEADS.has(w) || ROLE_MODIFIERS.has(w))) return false;
  const nameOrSurname = (w: string) => surnames.has(w) || nameLike(w);
  if (full.every(nameOrSurname)) return true;
  // A surname that is also a company's ("Edsel Ford", "Enzo Ferrari": companies are named after people),
  // after names that are names: compromise found no organization in the whole.
  const last = full[full.length - 1]!;
  if (full.length >= 2 && full.slice(0, -1).every(nameOrSurname) && companyName(last)) return true;
  // A given name compromise knows, then any middle name ("Melinda French Gates": French is a demonym too), then a surname.
  return full.length >= 3 && givenName(full[0]!) && nameOrSurname(full[full.length - 1]!);
}

function givenName(word: string): boolean {
  const tags = LEXICON[word.toLowerCase()];
  return (Array.isArray(tags) ? tags : [tags]).some((t) => t === "FirstName" || t === "MaleName" || t === "FemaleName");
}

/** compromise found one match holding every word of the name but initials. */
function covers(found: string[], words: string[]): boolean {
  if (found.length !== 1) return false;
  const got = found[0]!.split(/\s+/).map((w) => w.replace(/[,.]+$/, ""));
  return words.every((w) => got.includes(w.replace(/[,.]+$/, "")));
}

/** A word compromise's lexicon knows as an organization's name only ("Ford"). */
function companyName(word: string): boolean {
  const tags = LEXICON[word.toLowerCase()];
  return tags !== undefined && (Array.isArray(tags) ? tags : [tags]).every((t) => t === "Organization" || NAME_TAGS.has(t));
}

/** A word compromise's lexicon knows only as a name, or does not know (hyphenated: each part). */
function nameLike(word: string): boolean {
  return word.split(/[-'’]/).filter((p) => p !== "").every((part) => {
    const tags = LEXICON[part.toLowerCase()];
    if (tags === undefined) return true;
    return (Array.isArray(tags) ? tags : [tags]).every((t) => NAME_TAGS.has(t));
  });
}

/** A name with an organization's word ("Ford Motor Company"), an abbreviation in capitals ("IBM") or that compromise knows as an organization's ("Goldman Sachs"). */
function looksLikeOrganizationName(name: string): boolean {
  const words = name.split(/[\s,]+/);
  if (words.some((w) => ORGANIZATION_WORDS.has(w.toLowerCase()) && /^\p{Lu}/u.test(w)) || /^[\p{Lu}0-9&]{2,10}$/u.test(name)) return true;
  // compromise's organizations are of capitalized words: "Mass media" is a field, not one.
  const named = words.filter((w) => !CONNECTIVES.has(w.toLowerCase()));
  return named.every((w) => /^\p{Lu}/u.test(w)) && covers(nlp(name).organizations().out("array") as string[], named);
}

/**
 * The parts in order → people in roles. Names first ("Jane Harman, Chair, Board of Trustees":
 * each person followed by their role and its board) or roles first ("Executive Director, Quinn
 * McKew", "CEO: Tim Cook"); a role with no one in it, or a board that no role belongs to, makes
 * the value unsure (a string).
 */
function assemble(parts: Part[], fieldRole: { role: string; qualifier?: string } | undefined): PersonInRole[] | string {
  const rolesFirst = parts[0]?.kind === "role" || parts[0]?.kind === "body";
  const people: PersonInRole[] = [];
  let pending: { role?: string; qualifier?: string; body?: boolean } | undefined;
  let last: PersonInRole | undefined;
  let lastHasOwnRole = false;
  for (const part of parts) {
    switch (part.kind) {
      case "person":
      case "organization": {
        if (rolesFirst && pending === undefined) return `"${part.name}" has no role before it, where the others have`;
        const role = part.kind === "person" ? part.role ?? pending?.role : pending?.role;
        const qualifier = (part.kind === "person" ? part.qualifier : undefined) ?? pending?.qualifier;
        if (pending?.body && role === undefined) return `a board or committee with no role before "${part.name}"`;
        const p: PersonInRole = { kind: part.kind, name: part.name, ...(role !== undefined && { role }), ...(qualifier !== undefined && { qualifier }) };
        people.push(p);
        last = p;
        lastHasOwnRole = role !== undefined;
        pending = undefined;
        break;
      }
      case "role":
        if (rolesFirst) {
          if (pending?.role !== undefined) return `two roles in a row ("${pending.role}", "${part.role}")`;
          pending = { role: part.role, ...(part.qualifier !== undefined && { qualifier: part.qualifier }) };
        } else {
          if (!last) return `the role "${part.role}" has no one in it`;
          last.role = lastHasOwnRole && last.role !== undefined ? `${last.role}, ${part.role}` : part.role;
          if (part.qualifier !== undefined) last.qualifier = part.qualifier;
          lastHasOwnRole = true;
        }
        break;
      case "body":
        if (rolesFirst) {
          if (pending?.role === undefined) return `"${part.body}" is a board or committee, not a person`;
          pending.role = `${pending.role}, ${part.body}`;
        } else {
          if (!last || last.role === undefined || !lastHasOwnRole) return `"${part.body}" is a board or committee, not a person`;
          last.role = `${last.role}, ${part.body}`;
        }
        break;
      case "qualifier":
        if (rolesFirst && pending) pending.qualifier = part.qualifier;
        else if (last && last.qualifier === undefined) last.qualifier = part.qualifier;
        else return `the qualifier "${part.qualifier}" qualifies no one`;
        break;
      case "unknown":
        return part.because;
    }
  }
  if (pending) return `the role "${pending.role ?? ""}" has no one in it`;
  if (people.length === 0) return "no person named";
  if (fieldRole) {
    for (const p of people) {
      if (p.role === undefined) {
        p.role = fieldRole.role;
        if (p.qualifier === undefined && fieldRole.qualifier !== undefined) p.qualifier = fieldRole.qualifier;
      }
    }
  }
  return people;
}

/** "Jane Harman (Chair, Board of Trustees), Nicole Bibbins Sedaca (President, interim)": for the import report. */
export function describePeople(people: readonly PersonInRole[]): string {
  return people.map((p) => p.name + (p.role !== undefined ? ` (${p.role}${p.qualifier !== undefined ? `, ${p.qualifier}` : ""})` : "")).join(", ");
}
