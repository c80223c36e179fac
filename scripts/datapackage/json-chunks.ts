// JSON.stringify(value, null, 2) of a document with one or more big arrays, written piece by piece:
// the same bytes, without holding the whole text (or every element's object) in memory at once.
// A corpus of 10,000 articles has a data package of some 100 MB; its resources are made and
// serialized one at a time.

const MARK = "\u0000json-chunks\u0000";

/**
 * `shape` is the document with each big array replaced by `spread(name)`; `items(name)` yields that
 * array's elements. The arrays must sit at the top level of an object inside the document (as
 * "resources", "articles", "files" do), so each element is indented by four spaces.
 */
export function* jsonChunks(shape: unknown, items: (name: string) => Iterable<unknown>): Generator<string | ArticlePart> {
  const text = `${JSON.stringify(shape, null, 2)}\n`;
  // Each spread is a one-element array holding a marker string: `[\n    "\u0000...name"\n  ]`.
  const pattern = /\[\n {4}"\\u0000json-chunks\\u0000([^"]*)"\n {2}\]/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    yield text.slice(at, match.index);
    let first = true;
    for (const item of items(match[1]!)) {
      if (item instanceof ElementGroup) {
        if (item.count === 0) continue;
        yield groupPart(item, first);
        first = false;
        continue;
      }
      const json = item instanceof ElementJson ? item.text : elementJson(item);
      yield `${first ? "[\n    " : ",\n    "}${json}`;
      first = false;
    }
    yield first ? "[]" : "\n  ]";
    at = match.index + match[0].length;
  }
  yield text.slice(at);
}

/** Where `jsonChunks` puts the elements of the array called `name`. */
export function spread(name: string): string[] {
  return [MARK + name];
}

/**
 * An array element as `jsonChunks` writes it: JSON.stringify(value, null, 2), indented for its
 * place (four spaces). Written inside two arrays, JSON.stringify indents it so itself, which is
 * faster than indenting its text afterwards.
 */
function elementJson(value: unknown): string {
  return JSON.stringify([[value]], null, 2).slice(ELEMENT_BEFORE, -ELEMENT_AFTER);
}
/** "[\n  [\n    " and "\n  ]\n]" around the element. */
const ELEMENT_BEFORE = 10;
const ELEMENT_AFTER = 6;

/** An element already written (by `elementJson`, or `withMembers`): `jsonChunks` writes it as it is. */
export class ElementJson {
  constructor(readonly text: string) {}
}

/**
 * The element whose own members are `members` (written by the caller from constant keys, each
 * `      "key": value` with its value by JSON.stringify, joined by ",\n", as JSON.stringify(..., null, 2)
 * writes them at this depth), then the tails' members, each the same for many elements (`tailText`, made once by the caller:
 * the data package's CSV resources share a 4 KB Table Schema, an article's resources its source and
 * license), none with a key of the element's own or of another tail. For the data package's
 * resources and the manifest's files, 60,000 each at 10,000 articles: a template with their keys
 * costs less than JSON.stringify of an object.
 */
export function withMembers(members: string, ...tailTexts: string[]): ElementJson {
  let text = `{\n${members}`;
  for (const tail of tailTexts) if (tail !== "") text += `,\n${tail}`;
  return new ElementJson(`${text}\n    }`);
}

/** The members of `tail` as `withMembers` puts them inside an element (once per distinct tail). */
export function tailText(tail: object): string {
  const text = elementJson(tail);
  // "{\n      key: ...\n    }": the lines between the braces ("" for an empty tail).
  return text === "{}" ? "" : text.slice(2, -6);
}

/**
 * Elements of one article, one after another in an array of the document: `count` of them, made
 * by `items` only when asked for. `jsonChunks` yields them as one ArticlePart, which a writer may
 * copy from the file the previous export wrote (corpus/splice.ts) instead of making them again.
 */
export class ElementGroup {
  constructor(
    /** The part's name (the article's slug, or more for a second run of its elements). */
    readonly part: string,
    /** What makes the elements: the same key, the same text (with the same place in the array). */
    readonly key: string,
    /** Whether the elements may be taken from the previous file (the article was kept). */
    readonly kept: boolean,
    readonly count: number,
    readonly items: () => Iterable<unknown>,
  ) {}
}

/** An article's elements' text (with the separator before them), made only when `text()` is asked for. */
export class ArticlePart {
  constructor(
    readonly part: string,
    readonly key: string,
    readonly kept: boolean,
    readonly text: () => string,
  ) {}
}

function groupPart(group: ElementGroup, first: boolean): ArticlePart {
  return new ArticlePart(group.part, `${first ? "[" : ","}${group.key}`, group.kept, () => {
    let text = "";
    let lead = first;
    for (const item of group.items()) {
      text += `${lead ? "[\n    " : ",\n    "}${item instanceof ElementJson ? item.text : elementJson(item)}`;
      lead = false;
    }
    return text;
  });
}

/** The text of chunks, parts made. */
export function chunkText(chunk: string | ArticlePart): string {
  return typeof chunk === "string" ? chunk : chunk.text();
}
