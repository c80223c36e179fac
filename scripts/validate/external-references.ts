// References to another article's entities (`slug/id`): one article does not know the others, so
// the rules collect them and the corpus judges them once every article is known
// (corpus/references.ts).

import type { PathSegment } from "../read/read-yaml.ts";
import type { EntityList } from "../model/types.ts";
import { closest, displayPath } from "./json-schema.ts";

/** The kinds of entity a reference may name: an entity list, or an organization's membership. */
export type EntityKind = EntityList | "membership";

/** What other articles of the corpus define, for references written as "slug/id". */
export interface CorpusIndex {
  /** slug → (id → kind); a place or topic the article shares with the corpus is "shared:<id>". */
  get(slug: string): ReadonlyMap<string, EntityKind | `shared:${string}`> | undefined;
}

/** A reference to another article's entity, the kinds of entity it may name, and where it is written. */
export interface ExternalReference {
  ref: string;
  kinds: readonly EntityKind[];
  path: PathSegment[];
}

/**
 * What is wrong with a reference to another article's entity (`slug/id`), given what the corpus
 * defines; undefined when nothing is. `file` is the referring article's.
 */
export function externalReferenceProblem(file: string, { ref, kinds, path }: ExternalReference, corpus: CorpusIndex): { message: string; expected: string; found: string } | undefined {
  const slash = ref.indexOf("/");
  const slug = ref.slice(0, slash);
  const id = ref.slice(slash + 1);
  const other = corpus.get(slug);
  // The file it would be, beside the referring one (the corpus is one folder, not always source/).
  if (!other) return { message: `${displayPath(path)} refers to the article ${JSON.stringify(slug)}, which is not in the corpus`, expected: `an article ${file.replace(/[^/\\]*$/, "")}${slug}.yaml`, found: JSON.stringify(ref) };
  const kind = other.get(id);
  if (typeof kind === "string" && kind.startsWith("shared:")) return { message: `${displayPath(path)} refers to ${JSON.stringify(id)} of the article ${JSON.stringify(slug)}, which is one of the corpus's shared entities`, expected: `corpus/${kind.slice("shared:".length)}`, found: JSON.stringify(ref) };
  if (!kind) {
    // A mistyped id gets the nearest id of the kinds it may name, as a mistyped key gets the nearest key.
    const suggestion = closest(id, [...other].filter(([, k]) => kinds.includes(k as EntityKind)).map(([known]) => known));
    return { message: `${displayPath(path)} refers to ${JSON.stringify(id)}, which the article ${JSON.stringify(slug)} does not define${didYouMean(suggestion && `${slug}/${suggestion}`)}`, expected: "an id defined there", found: JSON.stringify(ref) };
  }
  if (!kinds.includes(kind as EntityKind)) return { message: `${displayPath(path)} refers to the wrong kind of entity`, expected: kindsText(kinds), found: `${JSON.stringify(ref)} (of ${kind})` };
  return undefined;
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion ? ` (did you mean ${JSON.stringify(suggestion)}?)` : "";
}

export function kindsText(kinds: readonly EntityKind[]): string {
  return kinds.join(" or ");
}
