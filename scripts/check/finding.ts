// What a check found wrong in an artifact, as a value: the node and the property it is about, what
// was expected and what is there. The artifact layer (artifacts.ts) adds the file, line and column.

import type { Diagnostic } from "../lib/diagnostic.ts";
import { EXAMPLE_BASE, PREFIXES } from "../graph/namespaces.ts";

/** "integrity": a file is not what the export wrote (its size or hash is not the one recorded); "links": an IRI that points to nothing. */
export type CheckName = "syntax" | "integrity" | "schema.org vocabulary" | "SHACL" | "JSON Schema" | "links";

export interface Finding {
  check: CheckName;
  /** The node (an IRI) the problem is on; for JSON, the JSON Pointer of the value ("" for the whole file). */
  node: string;
  /** The property (an IRI) concerned, when there is one. */
  property?: string;
  message: string;
  expected?: string;
  found?: string;
}

/** A finding placed in its file: what `make check` prints. */
export interface Violation extends Diagnostic, Finding {}

/** The pattern of an entity's IRI under a base, by base (a check sees one or two). */
const entityPatterns = new Map<string, RegExp>();

/** An entity's IRI under the base the output was exported with: its slug and id. */
function entityOf(iri: string, base: string): RegExpExecArray | null {
  let pattern = entityPatterns.get(base);
  if (!pattern) entityPatterns.set(base, (pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}([a-z0-9-]+)#([A-Za-z0-9._-]+)$`)));
  return pattern.exec(iri);
}

/** As the Turtle writes it: `schema:foundingDate`, `ifex:toronto` (an entity under `base`); `<iri>` for anything else. */
export function compactIri(iri: string, base: string = EXAMPLE_BASE): string {
  const entity = entityOf(iri, base);
  if (entity) return `${entity[1]}:${entity[2]}`;
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace) && /^[A-Za-z_][\w-]*$/.test(iri.slice(namespace.length))) return `${prefix}:${iri.slice(namespace.length)}`;
  }
  return `<${iri}>`;
}

/** A literal or IRI as Turtle would write it, for "found …". */
export function showTerm(term: { termType: string; value: string; datatype?: { value: string }; language?: string }, base: string = EXAMPLE_BASE): string {
  if (term.termType === "NamedNode") return compactIri(term.value, base);
  if (term.termType === "BlankNode") return `_:${term.value}`;
  const text = JSON.stringify(term.value.length > 60 ? `${term.value.slice(0, 57)}...` : term.value);
  if (term.language) return `${text}@${term.language}`;
  return `${text}^^${compactIri(term.datatype?.value ?? "", base)}`;
}

/** `dist/ifex.ttl:12:5: error: [SHACL] ifex:tunisia-monitoring-group schema:endDate: message, expected X, found Y` */
export function formatViolation(v: Violation, base: string = EXAMPLE_BASE): string {
  const node = v.check === "JSON Schema" || v.check === "syntax" || v.check === "integrity" ? v.node : compactIri(v.node, base);
  const where = [node, v.property === undefined ? "" : compactIri(v.property, base)].filter(Boolean).join(" ");
  let text = `${v.file}:${v.line}:${v.col}: error: [${v.check}] ${where ? `${where}: ` : ""}${v.message}`;
  if (v.expected !== undefined) text += `, expected ${v.expected}`;
  if (v.found !== undefined) text += `, found ${v.found}`;
  return text;
}
