// Once every article is made, what connects them: their references to each other's entities are
// judged, the articles that speak of each other are linked (article-links.ts), and the articles that
// link to others get a second job, which writes the formats that name what they link to (CSV,
// workbook) with those entities' names.

import type { NodeInfo } from "../graph/build.ts";
import type { CorpusContext } from "../graph/shared.ts";
import { FORMAT_FILES, LINKED_FORMATS, type Format } from "../writers/formats.ts";
import type { StagedDist } from "../publish/staged-dist.ts";
import type { ArticleJob } from "./article-job.ts";
import type { Article } from "./article-record.ts";
import { findArticleLinks, type ArticleLink } from "./article-links.ts";
import { readEntityTable, readOrganizations, type ArticleEntities } from "./entity-table.ts";
import type { Spill } from "./spill.ts";

/** Entity tables EntityIndex keeps read. */
const ENTITY_TABLES_KEPT = 256;

/** Every article's ids, kinds and names, read from the spill when first asked for. */
export class EntityIndex {
  private readonly bySlug = new Map<string, Article>();
  private readonly read = new Map<string, ArticleEntities>();

  constructor(
    private readonly articles: readonly Article[],
    private readonly spill: Spill,
    private readonly corpus: CorpusContext,
  ) {
    for (const a of articles) this.bySlug.set(a.facts!.slug, a);
  }

  /** The article's entity table (JSON), as its job made it. */
  tableOf(slug: string): string | undefined {
    const article = this.bySlug.get(slug);
    return article?.entities ? this.spill.get(article.entities) : article?.facts?.entities;
  }

  /**
   * The article's entities, read from its table. The most recently asked for are kept (references
   * go mostly to a few network articles); not all: every article's, read to find the links, take
   * some 140 MB at 10,000 articles.
   */
  entities(slug: string): ArticleEntities | undefined {
    let entities = this.read.get(slug);
    if (entities) {
      this.read.delete(slug);
    } else {
      const table = this.tableOf(slug);
      if (table === undefined) return undefined;
      entities = readEntityTable(slug, table, this.corpus.iris);
      if (this.read.size >= ENTITY_TABLES_KEPT) this.read.delete(this.read.keys().next().value!);
    }
    this.read.set(slug, entities);
    return entities;
  }

  /** True when every reference to another article names an entity of a fitting kind there. */
  judge(): boolean {
    for (const article of this.articles) {
      for (const { ref, kinds } of article.facts!.references) {
        const slash = ref.indexOf("/");
        const kind = this.entities(ref.slice(0, slash))?.kinds.get(ref.slice(slash + 1));
        if (kind === undefined || !kinds.includes(kind as (typeof kinds)[number])) return false;
      }
    }
    return true;
  }

  /** The nodes of these articles, for naming what an article links to. */
  nodesOf(slugs: readonly string[]): NodeInfo[] {
    return slugs.flatMap((slug) => [...(this.entities(slug)?.nodes.values() ?? [])]);
  }

  /** The articles whose organizations are other articles' subjects, by name (article-links.ts). */
  links(): ArticleLink[] {
    return findArticleLinks(
      this.corpus.iris,
      this.articles.map((a) => ({ slug: a.slug, subject: a.facts!.subject ?? "", organizations: () => readOrganizations(this.tableOf(a.slug)) })),
    );
  }
}

/**
 * The second jobs: every article made now that links to others, and every kept one whose links'
 * names changed (an article it links to was made again with another entity table: its files of the
 * linked formats are made again). `before`: each article's entity table in the previous export.
 */
export function secondJobs(articles: readonly Article[], index: EntityIndex, formats: readonly Format[], staged: StagedDist, before: ReadonlyMap<string, () => string> | undefined): ArticleJob[] {
  if (!LINKED_FORMATS.some((format) => formats.includes(format))) return [];
  const rebuilt = new Set(articles.filter((a) => !a.reused).map((a) => a.slug));
  const jobs: ArticleJob[] = [];
  articles.forEach((article, i) => {
    const facts = article.facts!;
    if (facts.linksTo.length === 0) return;
    if (article.reused) {
      const stale = facts.linksTo.some((slug) => rebuilt.has(slug) && before!.get(slug)?.() !== index.tableOf(slug));
      if (!stale) return;
      const remade = LINKED_FORMATS.filter((format) => formats.includes(format)).map((format) => `${facts.slug}${FORMAT_FILES[format].extension}`);
      for (const name of remade) staged.unlink(name);
      facts.files = facts.files.filter(([name]) => !remade.includes(name));
      if (formats.includes("csv")) delete article.events;
    }
    jobs.push({ index: i, path: article.path, file: article.file, part: "links" });
  });
  return jobs;
}

/**
 * A second job with the nodes its article links to, made as the job is handed out: made for all of
 * them at once (some 4,300 jobs at 10,000 articles), they would all be held until the last job is done.
 */
export function withLinkedNodes(articles: readonly Article[], index: EntityIndex): (job: ArticleJob) => ArticleJob {
  return (job) => ({ ...job, linked: index.nodesOf(articles[job.index]!.facts!.linksTo) });
}
