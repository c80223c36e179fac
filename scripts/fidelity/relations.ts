// schemas/fidelity-relations.json read once, its prefixed names expanded to IRIs: how the scorer
// reads the graph's properties as the gold standard's words.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";

export interface Relations {
  /** The project's vocabulary namespace (oa:). */
  oa: string;
  orgForward: Map<string, string[]>;
  orgInverse: Map<string, string[]>;
  peopleForward: Map<string, string>;
  peopleInverse: Map<string, string>;
  /** property (or path "p1 p2", written p1/p2 in the table) → location roles. */
  places: Map<string, string[]>;
  counts: Map<string, string[]>;
  money: Map<string, string[]>;
  /** gold qualifier → graph comparisons. */
  countQualifiers: Map<string, string[]>;
  names: Map<string, string[]>;
  dates: Map<string, "founded" | "dissolved">;
  identifiers: Set<string>;
  languages: Set<string>;
  url: Set<string>;
  fate: Set<string>;
  notScored: Set<string>;
}

type Table = Record<string, unknown>;

/** Reads the table (schemas/fidelity-relations.json unless another file is given). */
export function loadRelations(file: string = projectPath("schemas/fidelity-relations.json")): Relations {
  return parseRelations(JSON.parse(readFileSync(file, "utf8")) as Table);
}

export function parseRelations(table: Table): Relations {
  const prefixes = table.prefixes as Record<string, string>;
  const expand = (name: string): string =>
    name
      .split("/")
      .map((part) => {
        const colon = part.indexOf(":");
        const prefix = colon > 0 ? prefixes[part.slice(0, colon)] : undefined;
        if (prefix === undefined) throw new Error(`schemas/fidelity-relations.json: ${JSON.stringify(name)} has no known prefix (${Object.keys(prefixes).join(", ")})`);
        return prefix + part.slice(colon + 1);
      })
      .join(" ");
  const map = <V>(o: unknown): Map<string, V> => new Map(Object.entries(o as Record<string, V>).filter(([k]) => !k.startsWith("$")).map(([k, v]) => [expand(k), v]));
  const set = (o: unknown): Set<string> => new Set((o as string[]).map(expand));
  const orgs = table.organizations as Table;
  const people = table.people as Table;
  return {
    oa: prefixes.oa!,
    orgForward: map(orgs.forward),
    orgInverse: map(orgs.inverse),
    peopleForward: map(people.forward),
    peopleInverse: map(people.inverse),
    places: map(table.places),
    counts: map(table.counts),
    money: map(table.money),
    countQualifiers: new Map(Object.entries(table.countQualifiers as Record<string, string[]>).filter(([k]) => !k.startsWith("$"))),
    names: map(table.names),
    dates: map(table.dates),
    identifiers: set(table.identifiers),
    languages: set(table.languages),
    url: set(table.url),
    fate: set(table.fate),
    notScored: set((table.notScored as Table).properties),
  };
}

/** "http://schema.org/memberOf" → "schema:memberOf" (a path "p1 p2" → "p1/p2"), for reports. */
export function shortName(iri: string): string {
  if (iri.includes(" ")) return iri.split(" ").map(shortName).join("/");
  if (iri.startsWith("http://schema.org/")) return `schema:${iri.slice(18)}`;
  const hash = iri.indexOf("vocab#");
  if (hash >= 0) return `oa:${iri.slice(hash + 6)}`;
  return iri;
}
