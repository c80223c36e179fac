// source/corpus.yaml: the corpus's own settings, beside its articles (the slug `corpus` is kept for
// it). Optional. It may set
//
//   base: https://data.example.org/org-articles/   # where every IRI of the export is minted
//   places:                                         # shared entities, referred to as corpus/<id>
//     - {id: canada, type: Country, name: Canada, wikidata: Q16}
//     - {id: geneva, type: City, name: Geneva, containedIn: switzerland, geonames: 2660646}
//   languages:
//     - {id: french, name: French, code: fr}
//   topics:
//     - {id: freedom-of-expression, name: Freedom of expression, wikidata: Q776520}
//
// The command line's --base overrides `base:`. Every problem is reported at its line.

import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { readYaml, type PathSegment, type SourceDocument } from "../read/read-yaml.ts";
import { EXAMPLE_BASE } from "../graph/namespaces.ts";
import type { CorpusSettings, SharedEntity, SharedKind } from "../graph/shared.ts";

export const CORPUS_FILE_NAMES = ["corpus.yaml", "corpus.yml"];

export type CorpusFileResult = { ok: true; settings: CorpusSettings } | { ok: false; diagnostics: Diagnostic[]; sources: { file: string; text: string }[] };

const PLACE_TYPES = ["Place", "City", "State", "Country", "AdministrativeArea", "Continent"];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WIKIDATA = /^Q[1-9][0-9]*$/;

/** Why a base IRI cannot be one, or undefined when it can. */
export function baseProblem(base: string): string | undefined {
  if (/\s/.test(base)) return "it holds a space";
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return "it is not an absolute IRI";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "it is not an http or https IRI";
  if (url.search || url.hash || base.includes("?") || base.includes("#")) return "it has a query or a fragment (the export adds <slug>#<id>)";
  if (!base.endsWith("/")) return "it does not end with / (the export adds <slug>#<id>)";
  if (url.href !== base) return `it is not written as the IRI it stands for (${url.href})`;
  return undefined;
}

/**
 * The corpus's settings: source/corpus.yaml's, where there is one, with --base over its `base:`;
 * without a base the example base, and `exampleBase` says so.
 */
export function readCorpusFile(sourceDir: string, baseOverride?: string): CorpusFileResult {
  const path = CORPUS_FILE_NAMES.map((name) => join(sourceDir, name)).find((p) => existsSync(p));
  const shown = path === undefined ? "" : relative(process.cwd(), resolve(path)) || path;
  const file = shown.startsWith("..") ? (path ?? "") : shown;
  const diagnostics: Diagnostic[] = [];
  let settings: CorpusSettings = { base: EXAMPLE_BASE, exampleBase: true, baseFrom: "default", shared: [] };
  let text = "";
  if (path !== undefined) {
    text = readFileSync(path, "utf8");
  }
  // A file of comments only (or empty) sets nothing.
  if (path !== undefined && text.split("\n").some((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))) {
    const read = readYaml(text, file);
    if (!read.ok) return { ok: false, diagnostics: read.diagnostics, sources: [{ file, text }] };
    const checked = checkCorpusDocument(read.source);
    diagnostics.push(...checked.diagnostics);
    settings = checked.settings;
  }
  if (baseOverride !== undefined) {
    const problem = baseProblem(baseOverride);
    if (problem) diagnostics.push({ file: "--base", line: 1, col: 1, message: `the base ${JSON.stringify(baseOverride)} cannot be used: ${problem}`, expected: "an http or https IRI ending with /, e.g. https://data.example.org/org-articles/", found: JSON.stringify(baseOverride) });
    else settings = { ...settings, base: baseOverride, exampleBase: baseOverride === EXAMPLE_BASE, baseFrom: "--base" };
  }
  if (diagnostics.length > 0) return { ok: false, diagnostics, sources: path ? [{ file, text }] : [] };
  return { ok: true, settings };
}

/** The checks of the document, each problem at its line. */
export function checkCorpusDocument(source: SourceDocument): { settings: CorpusSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (path, message, expected, found, key) =>
    void diagnostics.push({ file: source.file, ...source.positionOf(path, key), message, ...(expected !== undefined && { expected }), ...(found !== undefined && { found }) });
  const settings: CorpusSettings = { base: EXAMPLE_BASE, exampleBase: true, baseFrom: "default", shared: [] };
  const data = source.data;
  if (data === null || data === undefined) return { settings, diagnostics };
  if (typeof data !== "object" || Array.isArray(data)) {
    report([], "the corpus file is not a mapping", "keys base, places, languages, topics", JSON.stringify(data).slice(0, 40));
    return { settings, diagnostics };
  }
  const doc = data as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (!["base", "places", "languages", "topics"].includes(key)) report([], `unknown key ${JSON.stringify(key)}`, "base, places, languages or topics", JSON.stringify(key), key);
  }
  if (doc.base !== undefined) {
    if (typeof doc.base !== "string") report(["base"], "the base is not text", "an http or https IRI ending with /", JSON.stringify(doc.base));
    else {
      const problem = baseProblem(doc.base);
      if (problem) report(["base"], `the base ${JSON.stringify(doc.base)} cannot be used: ${problem}`, "an http or https IRI ending with /, e.g. https://data.example.org/org-articles/", JSON.stringify(doc.base));
      else Object.assign(settings, { base: doc.base, exampleBase: doc.base === EXAMPLE_BASE, baseFrom: "corpus.yaml" });
    }
  }
  const ids = new Map<string, number>();
  const lists: [string, SharedKind][] = [["places", "places"], ["languages", "languages"], ["topics", "topics"]];
  for (const [key, kind] of lists) {
    const list = doc[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      report([key], `${key} is not a list`, "a list of entities", typeof list);
      continue;
    }
    list.forEach((item, i) => {
      const entity = sharedEntity(item, [key, i], kind, ids, report);
      if (entity) settings.shared.push(entity);
    });
  }
  // containedIn names a place of this file.
  const places = new Set(settings.shared.filter((e) => e.kind === "places").map((e) => e.id));
  settings.shared.forEach((e) => {
    if (e.containedIn !== undefined && !places.has(e.containedIn)) {
      const i = (doc.places as unknown[]).findIndex((p) => (p as { id?: unknown }).id === e.id);
      report(["places", i, "containedIn"], `containedIn refers to ${JSON.stringify(e.containedIn)}, which is not a place of this file`, "the id of a place declared here", JSON.stringify(e.containedIn));
    }
  });
  return { settings, diagnostics };
}

type Report = (path: PathSegment[], message: string, expected?: string, found?: string, key?: string) => void;

/** One entity of places, languages or topics (at `path`), checked; undefined when it cannot be one. `ids`: the ids seen so far. */
function sharedEntity(item: unknown, path: [string, number], kind: SharedKind, ids: Map<string, number>, report: Report): SharedEntity | undefined {
  const [key, i] = path;
  if (item === null || typeof item !== "object" || Array.isArray(item)) return void report(path, `${key}[${i}] is not a mapping`, "id, name, …", JSON.stringify(item));
  const e = item as Record<string, unknown>;
  const allowed = ["id", "name", "alternateNames", "wikidata", ...(kind === "places" ? ["type", "containedIn", "iso", "geonames"] : []), ...(kind === "languages" ? ["code"] : [])];
  for (const k of Object.keys(e)) if (!allowed.includes(k)) report(path, `unknown key ${JSON.stringify(k)} in ${key}`, allowed.join(", "), JSON.stringify(k), k);
  if (typeof e.id !== "string" || !ID.test(e.id)) return void report([...path, "id"], "an id is missing or not lower-case words joined by -", "an id like united-kingdom", JSON.stringify(e.id));
  if (ids.has(e.id)) return void report([...path, "id"], `the id ${JSON.stringify(e.id)} is used twice`, "a unique id", JSON.stringify(e.id));
  ids.set(e.id, i);
  if (typeof e.name !== "string" || e.name.trim() === "") return void report([...path, "name"], "a name is missing", "the entity's name", JSON.stringify(e.name));
  const entity: SharedEntity = { id: e.id, kind, type: kind === "places" ? "Place" : kind === "languages" ? "Language" : "DefinedTerm", name: e.name, alternateNames: [] };
  if (e.alternateNames !== undefined) {
    if (!Array.isArray(e.alternateNames) || !e.alternateNames.every((n) => typeof n === "string")) report([...path, "alternateNames"], "alternateNames is not a list of names", "a list of names", JSON.stringify(e.alternateNames));
    else entity.alternateNames = e.alternateNames as string[];
  }
  if (e.wikidata !== undefined) {
    if (typeof e.wikidata !== "string" || !WIKIDATA.test(e.wikidata)) report([...path, "wikidata"], "the Wikidata item is malformed", "Q followed by digits, e.g. Q16", JSON.stringify(e.wikidata));
    else entity.wikidata = e.wikidata;
  }
  if (kind === "places") {
    if (typeof e.type !== "string" || !PLACE_TYPES.includes(e.type)) report([...path, "type"], "the type of a place is missing or unknown", PLACE_TYPES.join(", "), JSON.stringify(e.type));
    else entity.type = e.type;
    if (e.containedIn !== undefined) {
      if (typeof e.containedIn !== "string") report([...path, "containedIn"], "containedIn is not an id", "the id of another place of this file", JSON.stringify(e.containedIn));
      else entity.containedIn = e.containedIn;
    }
    if (e.iso !== undefined) {
      if (typeof e.iso !== "string" || !/^[A-Z]{2}$/.test(e.iso)) report([...path, "iso"], "the ISO 3166-1 code is malformed", "two capital letters, e.g. CA", JSON.stringify(e.iso));
      else entity.iso2 = e.iso;
    }
    if (e.geonames !== undefined) {
      if (typeof e.geonames !== "number" || !Number.isInteger(e.geonames) || e.geonames <= 0) report([...path, "geonames"], "the GeoNames id is malformed", "a whole number, e.g. 6167865", JSON.stringify(e.geonames));
      else entity.geonamesId = e.geonames;
    }
  }
  if (kind === "languages" && e.code !== undefined) {
    if (typeof e.code !== "string" || !/^[a-z]{2,3}$/.test(e.code)) report([...path, "code"], "the ISO 639 code is malformed", "two or three lower-case letters, e.g. fr", JSON.stringify(e.code));
    else entity.code = e.code;
  }
  return entity;
}
