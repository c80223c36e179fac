// The exported graph read back: each article's N-Triples and corpus.nt (the shared places, the
// languages, every article's statements) into one store, with the few questions the scorer asks of it.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser, Store, type Quad, type Term } from "n3";

export const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
export const SCHEMA = "http://schema.org/";

/** The corpus's graph: what the export wrote, as one store. */
export class ExportedGraph {
  constructor(readonly store: Store) {}

  /** Reads `<slug>.nt` of each slug and corpus.nt from `outDir`. */
  static read(outDir: string, slugs: readonly string[]): ExportedGraph {
    const store = new Store();
    for (const name of ["corpus", ...slugs]) store.addQuads(parseNTriples(join(outDir, `${name}.nt`)));
    return new ExportedGraph(store);
  }

  static fromText(ntriples: string): ExportedGraph {
    const store = new Store();
    store.addQuads(new Parser({ format: "N-Triples" }).parse(ntriples));
    return new ExportedGraph(store);
  }

  objects(subject: string, predicate: string): Term[] {
    return this.store.getObjects(subject, predicate, null);
  }

  /** The values of the literals (and IRIs) a subject has for a predicate. */
  values(subject: string, predicate: string): string[] {
    return this.objects(subject, predicate).map((t) => t.value);
  }

  value(subject: string, predicate: string): string | undefined {
    return this.objects(subject, predicate)[0]?.value;
  }

  /** Every statement with `subject`. */
  about(subject: string): Quad[] {
    return this.store.getQuads(subject, null, null, null);
  }

  /** Every statement whose object is `object`. */
  pointingAt(object: string): Quad[] {
    return this.store.getQuads(null, null, object, null);
  }

  /** The schema.org local names of a node's types ("NGO", "Organization"…); other types by IRI. */
  types(subject: string): string[] {
    return this.values(subject, RDF_TYPE).map((t) => (t.startsWith(SCHEMA) ? t.slice(SCHEMA.length) : t));
  }

  /** The node `<base><slug>#article` is about: the article's subject organization. */
  subjectOf(articleIri: string): string | undefined {
    return this.value(articleIri, `${SCHEMA}about`);
  }

  /** The article nodes (schema:Article) and what each is about, keyed by the article's slug (its IRI's path). */
  articles(): Map<string, { article: string; subject: string }> {
    const found = new Map<string, { article: string; subject: string }>();
    for (const quad of this.store.getQuads(null, RDF_TYPE, `${SCHEMA}Article`, null)) {
      const article = quad.subject.value;
      const subject = this.subjectOf(article);
      const slug = /\/([^/#]+)#article$/.exec(article)?.[1];
      if (subject && slug) found.set(slug, { article, subject });
    }
    return found;
  }
}

function parseNTriples(file: string): Quad[] {
  return new Parser({ format: "N-Triples" }).parse(readFileSync(file, "utf8"));
}
