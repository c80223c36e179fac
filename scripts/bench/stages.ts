// The time of each stage of the export, measured in this process on one thread by calling the
// functions an article's job (corpus/article-job.ts) and the export's main thread
// (corpus/export-corpus.ts) call, in their order, each stage over a round of articles before the next
// (the writers and the writing of their files article by article, as a job does).
// So no production code carries timers. The sum is the work per article on one core; the export
// spreads it over the cores (see the wall time of the real command line).

import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { readSourceFile } from "../read/source-file.ts";
import { readYaml, type SourceDocument } from "../read/read-yaml.ts";
import { validateAgainstSchema } from "../validate/json-schema.ts";
import { DeferredReferences, validateRules } from "../validate/rules.ts";
import { buildModel } from "../model/build.ts";
import type { ArticleModel } from "../model/types.ts";
import { buildGraph, type Graph, type NodeInfo } from "../graph/build.ts";
import { FORMATS, WRITERS, writerInput } from "../writers/index.ts";
import { turtleBody } from "../writers/turtle.ts";
import { StagedStream, writeStagedFile } from "../publish/stage-file.ts";
import { eventRows, organizationRow, organizationsCsv, organizationsHeader } from "../corpus/combined-csv.ts";
import { eventsCsv } from "../../tests/reference/combined.ts";
import { entityTable, readEntityTable } from "../corpus/entity-table.ts";
import { writeDataPackage } from "../datapackage/write.ts";
import type { PackageArticle, CombinedFacts, FileFacts } from "../datapackage/input.ts";
import { pipelineInfo } from "../datapackage/run-info.ts";
import { SCHEMAORG_RELEASE } from "../graph/schemaorg-context.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { sha256 } from "../datapackage/sha256.ts";
import { EVENT_COLUMNS } from "../corpus/combined-info.ts";

export interface StageTimes {
  /** Stage name → milliseconds, in pipeline order. */
  ms: Map<string, number>;
  graphs: Graph[];
}

/** Articles per round: every stage runs over a round before the next stage, rounds one after another. */
const ROUND = 500;

/** `graphsKept`: how many graphs to return (for the Turtle writers' comparison). */
export function timeStages(sourceDir: string, outDir: string, graphsKept = 1000): StageTimes {
  const ms = new Map<string, number>();
  const timed = <T>(stage: string, work: () => T): T => {
    const started = performance.now();
    const result = work();
    ms.set(stage, (ms.get(stage) ?? 0) + performance.now() - started);
    return result;
  };
  const names = readdirSync(sourceDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort(compareCodePoints);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const kept: Graph[] = [];
  const bundled: PackageArticle[] = [];
  const organizations: ReturnType<typeof organizationRow>[] = [];
  const events: ReturnType<typeof eventRows> = [];
  // The entity tables of every article, for naming links between articles (the export keeps them too).
  const tables: [string, string][] = [];
  // Rounds of ROUND articles, so that the memory holds one round's models, graphs and texts at a time.
  for (let start = 0; start < names.length; start += ROUND) {
    const round = names.slice(start, start + ROUND);
    const texts = timed("read files", () =>
      round.map((name) => {
        const read = readSourceFile(join(sourceDir, name), name);
        if (!read.ok) throw new Error(`${name}: ${read.diagnostic.message}`);
        return read.text;
      }),
    );
    const documents: SourceDocument[] = timed("parse YAML", () =>
      texts.map((text, i) => {
        const result = readYaml(text, round[i]!);
        if (!result.ok) throw new Error(`${round[i]}: ${result.diagnostics[0]?.message}`);
        return result.source;
      }),
    );
    timed("validate: JSON Schema", () => {
      for (const d of documents) if (validateAgainstSchema(d).length > 0) throw new Error(`${d.file} is not schema-valid`);
    });
    const wanted = new Set<string>();
    timed("validate: rules", () => {
      for (const d of documents) {
        const deferred = new DeferredReferences();
        if (validateRules(d, deferred).length > 0) throw new Error(`${d.file} breaks a rule`);
        for (const { ref } of deferred.references) wanted.add(ref.slice(0, ref.indexOf("/")));
      }
    });
    const models: ArticleModel[] = timed("model", () => documents.map((d) => buildModel(d.data, d.file)));
    // The names of the entities the articles link to (in the export: the second job's input).
    const external = timed("entity tables (links between articles)", () => {
      for (const m of models) tables.push([m.article.slug, entityTable(m)]);
      const nodes = new Map<string, NodeInfo>();
      for (const [slug, table] of tables) if (wanted.has(slug)) for (const [iri, node] of readEntityTable(slug, table).nodes) nodes.set(iri, node);
      return nodes;
    });
    const graphs = timed("graph", () => models.map((m) => buildGraph(m, external)));
    // Each article's writers one after the other, as its job calls them, each file written as soon
    // as it is made (and then dropped): the web page reuses the JSON-LD text and the infobox document
    // just made for the same article (each writer keeps its last one), which writing every article's
    // JSON-LD first would defeat; and a round's texts kept until all were made (some 200 MB) would
    // charge the writers with garbage collections the export never has.
    // The writers listed before the writing of files, whichever is timed first.
    for (const stage of [...FORMATS.map((f) => `writer: ${f}`), "write files (with their SHA-256)"]) ms.set(stage, ms.get(stage) ?? 0);
    const facts = models.map((m, i) => {
      const written = new Map<string, FileFacts>();
      const input = writerInput(m, graphs[i]!);
      for (const format of FORMATS) {
        const writer = WRITERS[format];
        const name = `${m.article.slug}${writer.extension}`;
        // A workbook is bytes, not text: handed over as one piece, as the article's job does.
        const content = timed(`writer: ${format}`, () => writer.write(input) as string | Uint8Array);
        written.set(name, timed("write files (with their SHA-256)", () => writeStagedFile(outDir, name, typeof content === "string" ? content : [content])));
      }
      return written;
    });
    models.forEach((m, i) => {
      organizations.push(organizationRow(m));
      events.push(...eventRows(m, graphs[i]!));
      bundled.push({
        slug: m.article.slug,
        title: m.article.title,
        language: m.article.language,
        sourceFile: { path: round[i]!, sha256: sha256(texts[i]!) },
        ...(m.article.source && { origin: m.article.source }),
        ...(m.article.license && { license: m.article.license }),
        artifacts: facts[i]!,
      });
    });
    kept.push(...graphs.slice(0, Math.max(0, graphsKept - kept.length)));
  }
  const slugs = bundled.map((a) => a.slug);
  const combined = timed("combined files (corpus.*)", () => {
    const result = new Map<string, CombinedFacts>();
    result.set("corpus.organizations.csv", { ...writeStagedFile(outDir, "corpus.organizations.csv", organizationsCsv(organizations)), header: organizationsHeader(organizations) });
    result.set("corpus.events.csv", { ...writeStagedFile(outDir, "corpus.events.csv", eventsCsv(events)), header: [...EVENT_COLUMNS] });
    // The graphs: each article's N-Triples and Turtle body, read back as bytes and appended, as the
    // export does (corpus/export-corpus.ts; its prefix block is left out here).
    const nt = new StagedStream(outDir, "corpus.nt");
    const ttl = new StagedStream(outDir, "corpus.ttl");
    for (const slug of slugs) {
      nt.write(readFileSync(join(outDir, `${slug}.nt`)));
      const text = readFileSync(join(outDir, `${slug}.ttl`));
      ttl.write(turtleBody(text));
    }
    result.set("corpus.nt", nt.close());
    result.set("corpus.ttl", ttl.close());
    return result;
  });
  timed("bundle (manifest, datapackage, SHA256SUMS)", () => {
    writeDataPackage({ pipeline: pipelineInfo(), schemaorgRelease: SCHEMAORG_RELEASE, combined, articles: bundled }, (name, chunks) => writeStagedFile(outDir, name, chunks));
  });
  return { ms, graphs: kept };
}
