// The vocabularies' namespaces: schema.org, RDF, RDFS, XSD, Dublin Core and the project's own. Their
// terms are the same in every corpus; where the corpus's own IRIs are minted is graph/namespaces.ts's.
// schema.org's terms are http://schema.org/ because that is what its own JSON-LD context maps them
// to: JSON-LD and Turtle must name the same terms.

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
