// The IRIs of the graph. schema.org's terms are http://schema.org/ because that is what its own
// JSON-LD context maps them to: JSON-LD and Turtle must name the same terms.

export const SCHEMA = "http://schema.org/";
export const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
export const RDFS = "http://www.w3.org/2000/01/rdf-schema#";
export const XSD = "http://www.w3.org/2001/XMLSchema#";
export const DCTERMS = "http://purl.org/dc/terms/";

/**
 * The example base: where the project mints IRIs unless the corpus says otherwise. `.example` is
 * reserved (RFC 2606) so nothing here pretends to be dereferenceable.
 */
export const EXAMPLE_BASE = "https://org-articles.example/";

/**
 * The project's own small vocabulary, for facts schema.org has no term for (schemas/org-articles.vocab.ttl).
 * It keeps its namespace whatever the corpus's base: its terms mean the same in every corpus.
 */
export const OA = `${EXAMPLE_BASE}vocab#`;

export const RDF_TYPE = `${RDF}type`;
export const RDF_LANG_STRING = `${RDF}langString`;
export const XSD_STRING = `${XSD}string`;
export const XSD_INTEGER = `${XSD}integer`;
export const XSD_BOOLEAN = `${XSD}boolean`;
export const SCHEMA_DATE = `${SCHEMA}Date`;

/** Prefixes for Turtle and for the extra JSON-LD context, in a fixed order. */
export const PREFIXES: Readonly<Record<string, string>> = {
  schema: SCHEMA,
  oa: OA,
  rdf: RDF,
  rdfs: RDFS,
  xsd: XSD,
  dcterms: DCTERMS,
};

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
