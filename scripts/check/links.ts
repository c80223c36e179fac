// `make check`: no IRI in any artifact points to nothing. Every IRI under the export's base that a
// file names (a cell of the corpus table, an object of a graph, an infobox's link, a workbook's
// cell) must be a node some graph of the folder describes (a subject of an article's N-Triples or
// Turtle: its entities, the shared places and topics it uses), or a term of the project's
// vocabulary (schemas/org-articles.vocab.ttl). A corpus table naming `ifex#toronto` where the graph
// has `corpus#toronto` is such an IRI.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import N3 from "n3";
import { OA } from "../graph/namespaces.ts";
import { projectPath } from "../lib/project-path.ts";
import type { Position } from "../read/read-yaml.ts";
import type { Finding } from "./finding.ts";

/** Where an IRI stops in any of the formats: quotes, angle brackets, whitespace, separators. */
const IRI_END = `[^\\s"'<>\\\\,;)\\]}|]*`;

/** The nodes the folder's graphs describe, and the vocabulary's terms: what an IRI may point to. */
export interface LinkTargets {
  /** The base the folder was exported with: the IRIs under it are looked for. */
  base: string;
  nodes: ReadonlySet<string>;
  /** False where the folder has no N-Triples or Turtle to tell (an export of other formats only). */
  known: boolean;
}

/** `subjects`: the subjects of the folder's Turtle graphs, read once by the artifacts' check. */
export function linkTargets(dir: string, names: readonly string[], subjects: Iterable<string>, base: string): LinkTargets {
  const nodes = new Set<string>(subjects);
  let known = nodes.size > 0;
  for (const name of names.filter((n) => n.endsWith(".nt"))) {
    known = true;
    try {
      for (const m of readFileSync(join(dir, name), "utf8").matchAll(/^<([^>]+)>/gm)) nodes.add(m[1]!);
    } catch {
      // An unreadable file is reported by its own check.
    }
  }
  for (const t of new N3.Parser({ format: "text/turtle" }).parse(readFileSync(projectPath("schemas/org-articles.vocab.ttl"), "utf8"))) nodes.add(t.subject.value);
  return { base, nodes, known };
}

/** The text of an artifact to look for IRIs in: a workbook's parts, each file's text otherwise. */
export function artifactText(path: string): string {
  if (!path.endsWith(".xlsx")) return readFileSync(path, "utf8");
  try {
    return Object.values(unzipSync(readFileSync(path))).map((part) => strFromU8(part)).join("\n");
  } catch {
    return ""; // not a workbook: reported by its own check
  }
}

/** IRIs under the base a text names, each with where it first stands; namespaces (ending in # or /) are not nodes. */
export function irisInText(text: string, base: string): Map<string, Position> {
  const out = new Map<string, Position>();
  const pattern = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}${IRI_END}`, "g");
  for (const m of text.matchAll(pattern)) {
    const iri = m[0];
    if (/[#/]$/.test(iri) || out.has(iri)) continue;
    const before = text.slice(0, m.index);
    const line = before.split("\n").length;
    out.set(iri, { line, col: m.index - before.lastIndexOf("\n") });
  }
  return out;
}

/** A finding for each IRI under the base that is no node of the folder's graphs nor a term of the vocabulary. */
export function danglingLinks(iris: ReadonlyMap<string, Position>, targets: LinkTargets): { finding: Finding; position: Position }[] {
  if (!targets.known) return [];
  const out: { finding: Finding; position: Position }[] = [];
  for (const [iri, position] of iris) {
    if (!iri.startsWith(targets.base) && !iri.startsWith(OA)) continue;
    if (targets.nodes.has(iri)) continue;
    out.push({
      finding: { check: "links", node: iri, message: "an IRI that points to nothing: no graph of the folder describes it", expected: "a node some article's graph describes (a shared place is <base>corpus#<id>)" },
      position,
    });
  }
  return out;
}
