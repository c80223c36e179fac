// Articles that speak of each other: an organization of one article that is another article's
// subject, by its name or one of its former or alternate names (compared as the gazetteer compares
// names: case, accents and dots aside), is joined to it by schema:sameAs in the combined files
// (corpus.nt, corpus.ttl). IFEX's `cjfe` ("Canadian Journalists for Free Expression") and the CJFE
// article's subject are the first case. A name that two articles' subjects share joins nothing.
//
// The export reports each link it made. The links are corpus facts: an article's own files stay
// as its source says.

import { foldName } from "../gazetteer/fold.ts";
import { SCHEMA, type Namespaces } from "../graph/namespaces.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";

export interface LinkCandidate {
  slug: string;
  /** The id of the article's subject organization. */
  subject: string;
  /**
   * Its organizations, each with its name, former and alternate names: asked for twice, one article
   * at a time, so that a large corpus's are not all held at once (the export reads them from each
   * article's entity table).
   */
  organizations: () => { id: string; names: string[] }[];
}

export interface ArticleLink {
  /** The organization of one article (whose slug this is)… */
  from: string;
  fromSlug: string;
  /** …that is the subject of another. */
  to: string;
  /** The name they share, as the subject's article writes it. */
  name: string;
}

export function findArticleLinks(iris: Namespaces, articles: readonly LinkCandidate[]): ArticleLink[] {
  const subjects = new Map<string, { iri: string; name: string } | null>();
  for (const a of articles) {
    const subject = a.organizations().find((o) => o.id === a.subject);
    if (!subject) continue;
    const iri = iris.entityIri(a.slug, a.subject);
    for (const name of subject.names) {
      const key = foldName(name);
      if (key === "") continue;
      const had = subjects.get(key);
      subjects.set(key, had === undefined || had?.iri === iri ? { iri, name } : null);
    }
  }
  const links: ArticleLink[] = [];
  for (const a of articles) {
    for (const o of a.organizations()) {
      if (o.id === a.subject) continue;
      const from = iris.entityIri(a.slug, o.id);
      const found = o.names.map((name) => subjects.get(foldName(name))).find((s) => s != null && !s.iri.startsWith(iris.entityIri(a.slug, "")));
      if (found) links.push({ from, fromSlug: a.slug, to: found.iri, name: found.name });
    }
  }
  return links.sort((x, y) => compareCodePoints(x.from, y.from) || compareCodePoints(x.to, y.to));
}

const SAME_AS = `${SCHEMA}sameAs`;

/** The links as N-Triples lines (each ending in \n). */
export function linkNTriples(links: readonly ArticleLink[]): string[] {
  return links.map((l) => `<${l.from}> <${SAME_AS}> <${l.to}> .\n`);
}

/** The links as Turtle statements, one block for all of them, or "" when none. */
export function linkTurtle(links: readonly ArticleLink[]): string {
  if (links.length === 0) return "";
  return `# Articles that speak of each other (the export's report lists each link).\n${links.map((l) => `<${l.from}> schema:sameAs <${l.to}>.`).join("\n")}\n`;
}
