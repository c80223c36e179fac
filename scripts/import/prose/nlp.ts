// The article's paragraphs as sentences of tagged tokens, through wink-nlp and its English model
// (wink-eng-lite-web-model): sentence boundaries, parts of speech, lemmas, negation, and the spans
// of dates, amounts of money and cardinal numbers. Chosen over compromise (+ compromise-dates) and
// chrono-node for its accuracy on dates and its speed (docs/importing.md has the figures). The
// model is loaded once, on first use: only `make import` pays for it, never the export.

import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { once } from "../../lib/once.ts";

export type EntityType = "DATE" | "MONEY" | "CARDINAL" | "DURATION" | "PERCENT" | "ORDINAL" | "TIME" | string;

export interface Token {
  /** As written. */
  text: string;
  /** Lower-case, for word lists. */
  lower: string;
  lemma: string;
  /** Universal POS tag (NOUN, PROPN, VERB, AUX, ADP, DET, NUM, PUNCT…). */
  pos: string;
  /** Whether the model reads the token as under a negation ("not associated with …"). */
  negated: boolean;
  /** The spaces before it in the text. */
  space: string;
  /** The entity (date, money, number…) the token is part of, when any: its index in `Sentence.entities`. */
  entity?: number;
}

export interface Entity {
  type: EntityType;
  /** Tokens [start, end], both inclusive, indices into the sentence's tokens. */
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  tokens: Token[];
  entities: Entity[];
  /** The sentence as written (its tokens and the spaces between them). */
  text: string;
  /** Newlines of the paragraph before the sentence: its line is the paragraph's plus this. */
  lineOffset: number;
}

type Nlp = ReturnType<typeof winkNLP>;
const nlp = once((): Nlp => winkNLP(model));

/** A paragraph → its sentences, each with its tokens and entities. */
export function sentencesOf(paragraph: string): Sentence[] {
  const n = nlp();
  const its = n.its;
  const doc = n.readDoc(paragraph);
  const tokens = doc.tokens();
  // wink-nlp's declarations type some of its own token functions wrongly (lemma's third argument): one cast here.
  const column = <T>(f: unknown) => tokens.out(f as typeof its.value) as unknown as T[];
  const texts = column<string>(its.value);
  const pos = column<string>(its.pos);
  const lemmas = column<string>(its.lemma);
  const negations = column<boolean>(its.negationFlag);
  const spaces = column<string>(its.precedingSpaces);
  const entitySpans = doc.entities().out(its.span) as unknown as [number, number][];
  const entityTypes = doc.entities().out(its.type) as string[];
  const sentences: Sentence[] = [];
  let lines = 0;
  for (const [from, to] of doc.sentences().out(its.span) as unknown as [number, number][]) {
    const sentenceTokens: Token[] = [];
    const entities: Entity[] = [];
    let offset = lines;
    for (let i = from; i <= to; i++) {
      const text = texts[i]!;
      if (/^\s+$/.test(text)) {
        lines += (text.match(/\n/g) ?? []).length;
        continue;
      }
      if (sentenceTokens.length === 0) offset = lines;
      sentenceTokens.push({ text, lower: text.toLowerCase(), lemma: lemmas[i]!.toLowerCase(), pos: pos[i]!, negated: negations[i] === true, space: sentenceTokens.length === 0 ? "" : spaces[i]! || (/\s/.test(texts[i - 1] ?? "") ? " " : "") });
    }
    // Entities by the tokens they cover (spaces dropped above shift indices: map through the texts).
    const indexOf = new Map<number, number>();
    for (let i = from, k = 0; i <= to; i++) if (!/^\s+$/.test(texts[i]!)) indexOf.set(i, k++);
    entitySpans.forEach(([s, e], k) => {
      if (s < from || e > to) return;
      const start = indexOf.get(s);
      const end = indexOf.get(e);
      if (start === undefined || end === undefined) return;
      const index = entities.length;
      entities.push({ type: entityTypes[k]!, start, end, text: joinTokens(sentenceTokens, start, end) });
      for (let t = start; t <= end; t++) sentenceTokens[t]!.entity = index;
    });
    if (sentenceTokens.length === 0) continue;
    sentences.push({ tokens: sentenceTokens, entities, text: joinTokens(sentenceTokens, 0, sentenceTokens.length - 1), lineOffset: offset });
  }
  return sentences;
}

/** The text of tokens [start, end] as written. */
export function joinTokens(tokens: readonly Token[], start: number, end: number): string {
  let out = "";
  for (let i = start; i <= end; i++) out += (i === start ? "" : tokens[i]!.space) + tokens[i]!.text;
  return out;
}
