// schemas/infobox-templates.json: what DBpedia maps of each infobox template the mapping table names
// (templates[].dbpedia of schemas/infobox-mapping.json), derived from DBpedia's own files, so that the
// table's templates take their parameters from DBpedia's mappings rather than from memory:
//
//   make dbpedia      (node --import tsx scripts/import/derive-templates.ts [--vendor DIR])
//
// Reads ../shared/vendor/dbpedia-mappings/ (Mapping_en.xml: the Mappings Wiki's pages; ontology.owl:
// the DBpedia ontology), both CC BY-SA 3.0: the file it writes keeps their attribution. For each
// template: DBpedia's class, and each parameter with the ontology properties DBpedia maps it to; for
// each class and property met: its label, its superclasses and its equivalents in schema.org and
// Wikidata. tests/infobox-templates.test.ts fails when the committed file is not what this writes.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import * as $rdf from "rdflib";
import { MAPPING_TABLE, type MappingTable } from "../model/infobox-mapping.ts";
import { projectPath } from "../lib/project-path.ts";
import { readTemplateMapping, redirectOf } from "./dbpedia-mappings.ts";
import { DBPEDIA_TEMPLATES_FILE, type DbpediaTemplates } from "./mapping.ts";

export const DEFAULT_VENDOR = projectPath("../shared/vendor/dbpedia-mappings");

const DBO = "http://dbpedia.org/ontology/";
const NAMESPACES: [string, string][] = [
  [DBO, "dbo:"],
  ["http://schema.org/", "schema:"],
  ["https://schema.org/", "schema:"],
  ["http://www.wikidata.org/entity/", "wd:"],
  ["http://xmlns.com/foaf/0.1/", "foaf:"],
];
const OWL = "http://www.w3.org/2002/07/owl#";
const RDFS = "http://www.w3.org/2000/01/rdf-schema#";

const curieOf = (iri: string): string | undefined => {
  for (const [ns, prefix] of NAMESPACES) if (iri.startsWith(ns)) return prefix + iri.slice(ns.length);
  return undefined;
};
const iriOf = (curie: string): string => {
  for (const [ns, prefix] of NAMESPACES) if (curie.startsWith(prefix)) return ns + curie.slice(prefix.length);
  return curie;
};

/** The Mappings Wiki's pages: title without "Mapping en:" → wikitext. */
function readPages(file: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(readFileSync(file, "utf8"), "text/xml");
  const pages = new Map<string, string>();
  const list = doc.getElementsByTagName("page");
  for (let i = 0; i < list.length; i++) {
    const page = list.item(i)!;
    const title = page.getElementsByTagName("title").item(0)?.textContent ?? "";
    const text = page.getElementsByTagName("text").item(0)?.textContent ?? "";
    if (title.startsWith("Mapping en:")) pages.set(title.slice("Mapping en:".length), text);
  }
  return pages;
}

/** The commit the vendored files come from, as their README names it. */
function vendorCommit(vendor: string): string {
  const commit = /commit ([0-9a-f]{40})/.exec(readFileSync(join(vendor, "README.md"), "utf8"))?.[1];
  if (!commit) throw new Error(`${join(vendor, "README.md")}: no commit named`);
  return commit;
}

export function deriveTemplates(table: MappingTable = MAPPING_TABLE, vendor = DEFAULT_VENDOR): DbpediaTemplates {
  const pages = readPages(join(vendor, "Mapping_en.xml"));
  const store = $rdf.graph();
  $rdf.parse(readFileSync(join(vendor, "ontology.owl"), "utf8"), store, DBO, "application/rdf+xml");
  const objects = (curie: string, predicate: string) => store.each($rdf.sym(iriOf(curie)), $rdf.sym(predicate), undefined).map((n) => n.value);
  const label = (curie: string) => {
    const labels = store.each($rdf.sym(iriOf(curie)), $rdf.sym(RDFS + "label"), undefined) as { value: string; language?: string }[];
    return labels.find((l) => l.language === "en")?.value;
  };
  const equivalents = (curie: string, predicate: string) =>
    objects(curie, OWL + predicate)
      .map(curieOf)
      .filter((c): c is string => c !== undefined && !c.startsWith("dbo:"))
      .sort();

  const out: DbpediaTemplates = {
    $comment:
      "What DBpedia maps of each infobox template schemas/infobox-mapping.json names (templates[].dbpedia): DBpedia's class, and per parameter (lower case, spaces as underscores) the ontology properties it maps it to (a/b: property b of the node property a makes); for each class and property met, its English label, superclasses and equivalents in schema.org and Wikidata. Derived by `make dbpedia` (scripts/import/derive-templates.ts) from DBpedia's Mappings Wiki (Mapping_en.xml) and ontology (ontology.owl); do not edit by hand. Content of the DBpedia Mappings Wiki and the DBpedia ontology, CC BY-SA 3.0.",
    source: {
      repository: "https://github.com/dbpedia/extraction-framework",
      commit: vendorCommit(vendor),
      files: ["mappings/Mapping_en.xml", "ontology.owl"],
      license: "CC-BY-SA-3.0",
      licenseUrl: "https://creativecommons.org/licenses/by-sa/3.0/",
    },
    templates: {},
    classes: {},
    properties: {},
  };
  const classes = new Set<string>();
  const properties = new Set<string>();
  const names = [...new Set((table.templates ?? []).map((t) => t.dbpedia).filter((n): n is string => n !== undefined))].sort();
  for (const name of names) {
    let page = name;
    let text = pages.get(page);
    for (let hops = 0; text !== undefined && redirectOf(text) !== undefined && hops < 5; hops++) {
      page = redirectOf(text)!;
      text = pages.get(page);
    }
    if (text === undefined) throw new Error(`DBpedia has no mapping page "Mapping en:${name}" (nor one it redirects to)`);
    const mapping = readTemplateMapping(text);
    if (mapping.class) classes.add(mapping.class);
    for (const list of mapping.parameters.values()) for (const p of list) for (const part of p.split("/")) properties.add(part);
    out.templates[name] = {
      page: `Mapping en:${page}`,
      ...(mapping.class && { class: mapping.class }),
      parameters: Object.fromEntries(mapping.parameters),
    };
  }
  // Each class with its superclasses, up to the ontology's top.
  const pending = [...classes];
  while (pending.length > 0) {
    const cls = pending.shift()!;
    const superclasses = objects(cls, RDFS + "subClassOf").map(curieOf).filter((c): c is string => c?.startsWith("dbo:") === true).sort();
    for (const s of superclasses) if (!classes.has(s)) (classes.add(s), pending.push(s));
    out.classes[cls] = { ...(label(cls) && { label: label(cls) }), subClassOf: superclasses, equivalentClass: equivalents(cls, "equivalentClass") };
  }
  out.classes = Object.fromEntries(Object.entries(out.classes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // And what the table's rows stand for, so a test can tell that each is DBpedia's.
  for (const row of [...table.rows, ...(table.templates ?? []).flatMap((t) => t.rows ?? [])]) for (const p of row.dbpedia ?? []) for (const part of p.split("/")) properties.add(part);
  for (const property of [...properties].sort()) {
    if (!property.startsWith("dbo:")) continue;
    if (store.each($rdf.sym(iriOf(property)), $rdf.sym(RDFS + "label"), undefined).length === 0) continue;
    out.properties[property] = { ...(label(property) && { label: label(property) }), equivalentProperty: equivalents(property, "equivalentProperty") };
  }
  return out;
}

export function templatesJson(data: DbpediaTemplates): string {
  return JSON.stringify(data, null, 2) + "\n";
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const at = process.argv.indexOf("--vendor");
  const vendor = at >= 0 ? process.argv[at + 1]! : DEFAULT_VENDOR;
  writeFileSync(projectPath(DBPEDIA_TEMPLATES_FILE), templatesJson(deriveTemplates(MAPPING_TABLE, vendor)));
  console.log(`wrote ${DBPEDIA_TEMPLATES_FILE}`);
}
