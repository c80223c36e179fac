// The IRIs of the graph: the vocabularies' terms (model/vocabularies.ts), and where one export mints
// its own IRIs.

export * from "../model/vocabularies.ts";
import { EXAMPLE_BASE } from "../model/vocabularies.ts";

/**
 * Where one export mints its IRIs: each article is a document under the base, `<base><slug>`, its
 * entities fragments of it; the corpus's shared entities (graph/shared.ts) are `<base>corpus#<id>`.
 * The base is `base:` of source/corpus.yaml or the command line's --base, else the example base.
 *
 * IRIs are made by joining their parts: `join` gives one flat string, where `+` gives a string of
 * pieces that every writer's map lookup, comparison and slice of it would first copy into one.
 */
export class Namespaces {
  /** The namespace of the corpus's shared entities: `<base>corpus#`. */
  readonly shared: string;

  constructor(readonly base: string = EXAMPLE_BASE) {
    this.shared = `${base}corpus#`;
  }

  /** The document of one article: its entities are fragments of it. */
  article(slug: string): string {
    return [this.base, slug, "#"].join("");
  }

  /** A shared entity of the corpus (source/corpus.yaml, or a place or language the gazetteer knows). */
  sharedIri(id: string): string {
    return [this.shared, id].join("");
  }

  /** An entity of an article; `ref` may name another article's entity as "slug/id". */
  entityIri(slug: string, ref: string): string {
    const slash = ref.indexOf("/");
    if (slash >= 0) return [this.base, ref.slice(0, slash), "#", ref.slice(slash + 1)].join("");
    return [this.base, slug, "#", ref].join("");
  }
}

/** A node that exists only as a part of an entity (a count, a schedule). The dot keeps it apart from every id. */
export function partIri(entity: string, part: string): string {
  return [entity, ".", part].join("");
}
