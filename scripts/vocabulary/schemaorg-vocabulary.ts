// schema.org's vocabulary, release 30.0, as the checks need it: which classes and properties exist,
// the class hierarchy, and each property's domain and range. Read from the compact file that
// scripts/vocabulary/derive-schemaorg.ts derives from schema.org's own Turtle, so the project needs
// neither the network nor the vendored release to check its artifacts.

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";
import { once } from "../lib/once.ts";

export const SCHEMAORG_VOCABULARY_PATH = projectPath("schemas/schemaorg-30.0/vocabulary.json");

/** The file's content. Names are schema.org local names ("Organization", "foundingDate"). */
export interface SchemaOrgVocabularyFile {
  release: string;
  namespace: string;
  derivedFrom: string;
  derivedBy: string;
  /** Class → its direct schema.org superclasses. Data types (Text, Date, …) are classes too. */
  classes: Record<string, string[]>;
  /** The data types: the instances of schema:DataType and their subclasses (URL, Integer, …). */
  dataTypes: string[];
  /** Enumeration members (schema:True, schema:EventScheduled) → their types. */
  members: Record<string, string[]>;
  /** Property → domainIncludes and rangeIncludes. */
  properties: Record<string, { domain: string[]; range: string[] }>;
  /** Terms schema.org says are replaced: term → the term to use instead. */
  supersededBy: Record<string, string>;
  /** Terms still in schema.org's "pending" area: part of the release, but not yet settled. */
  pending: string[];
}

/** The file plus the closures the checks ask for, computed once. */
export class SchemaOrgVocabulary {
  readonly file: SchemaOrgVocabularyFile;
  private readonly ancestors = new Map<string, ReadonlySet<string>>();
  private readonly dataTypeSet: ReadonlySet<string>;
  private readonly pendingSet: ReadonlySet<string>;

  constructor(file: SchemaOrgVocabularyFile) {
    this.file = file;
    this.dataTypeSet = new Set(file.dataTypes);
    this.pendingSet = new Set(file.pending);
  }

  get namespace(): string {
    return this.file.namespace;
  }

  isClass(name: string): boolean {
    return Object.hasOwn(this.file.classes, name);
  }

  isProperty(name: string): boolean {
    return Object.hasOwn(this.file.properties, name);
  }

  isMember(name: string): boolean {
    return Object.hasOwn(this.file.members, name);
  }

  isDataType(name: string): boolean {
    return this.dataTypeSet.has(name);
  }

  isPending(name: string): boolean {
    return this.pendingSet.has(name);
  }

  supersededBy(name: string): string | undefined {
    return Object.hasOwn(this.file.supersededBy, name) ? this.file.supersededBy[name] : undefined;
  }

  property(name: string): { domain: string[]; range: string[] } | undefined {
    return Object.hasOwn(this.file.properties, name) ? this.file.properties[name] : undefined;
  }

  /** The class and every class above it. */
  classAndAncestors(name: string): ReadonlySet<string> {
    const cached = this.ancestors.get(name);
    if (cached) return cached;
    const result = new Set<string>();
    const pending = [name];
    while (pending.length > 0) {
      const next = pending.pop()!;
      if (result.has(next)) continue;
      result.add(next);
      pending.push(...(this.file.classes[next] ?? []));
    }
    this.ancestors.set(name, result);
    return result;
  }

  /** Whether `name` is `ancestor` or one of its subclasses. */
  isSubClassOf(name: string, ancestor: string): boolean {
    return this.classAndAncestors(name).has(ancestor);
  }
}

/** The committed vocabulary, read once per process. */
export const schemaOrgVocabulary = once(() => new SchemaOrgVocabulary(JSON.parse(readFileSync(SCHEMAORG_VOCABULARY_PATH, "utf8")) as SchemaOrgVocabularyFile));
