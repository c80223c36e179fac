// The word lists of the prose reader (schemas/prose-words.json), read once.

import { readFileSync } from "node:fs";
import { projectPath } from "../../lib/project-path.ts";

export interface ProseWords {
  negations: string[];
  hypotheticals: string[];
  formerWords: string[];
  subjectPronouns: string[];
  subjectPossessives: string[];
  subjectNouns: string[];
  founding: { passive: string[]; nouns: string[] };
  dissolution: { passive: string[]; active: string[]; merge: string[] };
  acquisition: { passive: string[] };
  headquarters: { passive: string[]; nouns: string[]; verbs: string[] };
  offices: { nouns: string[]; verbs: string[] };
  relations: { ofNouns: Record<string, string>; passiveBy: Record<string, string> };
  counts: { nouns: Record<string, string>; verbs: string[] };
  money: { nouns: Record<string, string>; verbs: string[] };
  rename: { passive: string[]; nouns: string[]; changeVerbs: string[] };
  otherNames: { other: string[]; former: string[]; skip: string[] };
  defunct: string[];
}

export const WORDS: ProseWords = JSON.parse(readFileSync(projectPath("schemas/prose-words.json"), "utf8"));
