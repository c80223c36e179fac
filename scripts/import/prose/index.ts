// The facts an article's prose states about its organization, each with the section and the
// sentence it comes from (and the sentence's line in the text): the lead's names, then every
// paragraph of the lead and the sections, sentence by sentence (facts.ts). Lists are not read: their
// items are not sentences.

import type { ArticleText, Block } from "../read-text.ts";
import { sentenceFacts, type ProseFact, type Reading, type Subject } from "./facts.ts";
import { leadNames, leadNoun } from "./lead.ts";
import { sentencesOf } from "./nlp.ts";
import { WORDS } from "./words.ts";

export type { ProseFact } from "./facts.ts";

export interface Sourced {
  fact: ProseFact;
  /** The section's title: "Lead", or the heading's. */
  section: string;
  sentence: string;
  /** The sentence's first line in the article's text. */
  line: number;
}

export interface ProseInput {
  text: ArticleText;
  /** The organization's name (the title without its qualifier). */
  name: string;
  /** Its other names the infobox gives (its title, a linking name, abbreviations). */
  otherNames: readonly string[];
  /** The lead's section title. */
  lead: string;
}

export function proseFacts(input: ProseInput): Sourced[] {
  const { text, name } = input;
  const paragraphs = (blocks: readonly Block[]) => blocks.filter((b): b is Extract<Block, { paragraph: string }> => "paragraph" in b);
  const parts = [{ title: input.lead, paragraphs: paragraphs(text.lead) }, ...text.sections.map((s) => ({ title: s.title, paragraphs: paragraphs(s.blocks) }))];
  const names = [...new Set([name, ...input.otherNames])];
  const subject: Subject = { names, nouns: new Set(WORDS.subjectNouns), defunct: false };
  const out: Sourced[] = [];
  let first = true;
  for (const part of parts) {
    const reading: Reading = { aboutSubject: true };
    for (const paragraph of part.paragraphs) {
      for (const sentence of sentencesOf(paragraph.paragraph)) {
        const at = (fact: ProseFact) => ({ fact, section: part.title, sentence: sentence.text, line: paragraph.line + sentence.lineOffset });
        if (first) {
          first = false;
          // The first sentence names the organization and says what it is.
          const own = leadNames(sentence, names, name);
          subject.names.push(...own.abbreviations, ...own.otherNames);
          const what = leadNoun(sentence, subject.names);
          if (what.noun) subject.nouns.add(what.noun);
          subject.defunct = what.past;
          if (own.abbreviations.length + own.otherNames.length > 0) out.push(at({ kind: "alternateNames", names: [...own.abbreviations, ...own.otherNames] }));
          if (own.formerNames.length > 0) out.push(at({ kind: "formerNames", names: own.formerNames }));
        }
        for (const fact of sentenceFacts(sentence, subject, reading)) out.push(at(fact));
      }
    }
  }
  return out;
}
