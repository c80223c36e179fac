// Validation, step 2: the rules JSON Schema cannot say. Runs only on data that passed the schema,
// so shapes can be trusted here. Each broken rule is a Diagnostic at the offending node.

import type { Diagnostic } from "../lib/diagnostic.ts";
import { describeValue } from "../lib/diagnostic.ts";
import type { PathSegment, SourceDocument } from "../read/read-yaml.ts";
import { ENTITY_LISTS } from "../model/types.ts";
import { closest, displayPath } from "./json-schema.ts";
import { didYouMean, kindsText, type EntityKind, type ExternalReference } from "./external-references.ts";
import { isBefore, isCalendarDate } from "./calendar-date.ts";
import { isKnownLanguage } from "./known-language.ts";
import { MAPPING_TABLE, type MappingTable } from "../model/infobox-mapping.ts";

type Data = Record<string, unknown>;
type Kind = EntityKind;

interface EntityEntry {
  kind: Kind;
  type?: string;
  path: PathSegment[];
  data: Data;
}

/**
 * The corpus's shared entities, as the rules see them (graph/shared.ts's SharedIndex): what
 * `corpus/<id>` names, made from the gazetteer if need be, or undefined.
 */
export interface SharedEntities {
  ensure(id: string): { kind: string } | undefined;
}

const PLACE_KINDS: Kind[] = ["places"];
const AGENT_KINDS: Kind[] = ["organizations", "people"];

/** The organization's keys the mapping table says refer to entities, and to which kinds (its parts' are checked apart: checkMandate). */
function tableReferences(table: MappingTable): Record<string, Kind[]> {
  const out: Record<string, Kind[]> = {};
  for (const spec of table.keys) if (spec.refersTo && (spec.value === "ref" || spec.value === "refs")) out[spec.key] = [...spec.refersTo];
  return out;
}

/** Which fields refer to which kinds of entity. */
const REFERENCES: Record<string, Record<string, Kind[]>> = {
  // The organization's references are the mapping table's (schemas/infobox-mapping.json).
  organizations: tableReferences(MAPPING_TABLE),
  people: { worksFor: ["organizations"], nationality: PLACE_KINDS, relatedEvents: ["events"] },
  places: { containedIn: PLACE_KINDS },
  events: {
    designatedBy: AGENT_KINDS,
    location: PLACE_KINDS,
    organizer: AGENT_KINDS,
    performers: AGENT_KINDS,
    attendees: AGENT_KINDS,
    addressedTo: AGENT_KINDS,
    about: ["organizations", "people", "places", "events", "works", "topics"],
    superEvent: ["events"],
    workFeatured: ["works"],
    celebrates: ["events"],
  },
  works: { publisher: AGENT_KINDS, isPartOf: ["works"], marks: ["events"] },
};

/** REFERENCES as lists, made once: each entity of a kind walks the same fields. */
const referenceFields = Object.fromEntries(Object.entries(REFERENCES).map(([kind, fields]) => [kind, Object.entries(fields)])) as Record<string, [string, Kind[]][] | undefined>;

/** Ids the graph itself uses for nodes of its own. */
const RESERVED_IDS = new Set(["article"]);
/** Keys of an entity that are not facts a prose entry could name. */
const NOT_FACT_FIELDS = new Set(["id", "section", "sections", "prose"]);

/**
 * The article's rule problems, and its references to other articles' entities (`slug/id`): one
 * article does not know the others, so those are judged once every article is known
 * (externalReferenceProblem, corpus/references.ts).
 */
export function validateRules(source: SourceDocument, shared: SharedEntities): { problems: Diagnostic[]; references: ExternalReference[] } {
  const check = new RulesCheck(source, shared);
  return { problems: check.run(), references: check.references };
}

/**
 * One article's check. A class rather than closures made anew for each article: V8 had to compile
 * such closures again and again (a dozen times per thread for the date check of a corpus).
 */
class RulesCheck {
  private readonly data: Data;
  private readonly article: Data;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly sections: Set<string>;
  private readonly entities = new Map<string, EntityEntry>();
  readonly references: ExternalReference[] = [];

  constructor(
    private readonly source: SourceDocument,
    private readonly shared: SharedEntities,
  ) {
    this.data = source.data as Data;
    this.article = this.data.article as Data;
    this.sections = new Set(this.article.sections as string[]);
  }

  private report(path: PathSegment[], message: string, expected?: string, found?: string, key?: string): undefined {
    this.diagnostics.push({ file: this.source.file, ...this.source.positionOf(path, key), message, expected, found });
    return undefined;
  }

  /** The checks in the order their problems are reported. */
  run(): Diagnostic[] {
    this.registerIds();
    this.checkArticleReferences();
    this.checkEntities();
    this.checkMemberships();
    this.checkPlaces();
    this.checkLanguages();
    this.checkUrls();
    this.checkInfobox();
    return this.diagnostics;
  }

  /** Ids: unique across every kind of entity (they become IRIs in one namespace). */
  private registerIds(): void {
    for (const kind of ENTITY_LISTS) {
      const list = (this.data[kind] as Data[] | undefined) ?? [];
      for (let index = 0; index < list.length; index++) {
        const entity = list[index]!;
        const path = [kind, index];
        this.register(entity.id as string, { kind, type: entity.type as string | undefined, path, data: entity });
        if (kind === "organizations") {
          const membership = (entity.membership as Data[] | undefined) ?? [];
          for (let i = 0; i < membership.length; i++) this.register(membership[i]!.id as string, { kind: "membership", path: [...path, "membership", i], data: membership[i]! });
        }
      }
    }
  }

  /** The article: its subject and "See also". */
  private checkArticleReferences(): void {
    this.resolve(["article", "subject"], this.article.subject as string, ["organizations"]);
    const seeAlso = (this.article.seeAlso as string[] | undefined) ?? [];
    for (let i = 0; i < seeAlso.length; i++) this.resolve(["article", "seeAlso", i], seeAlso[i]!, ["topics"]);
  }

  /** References, sections, prose entries and dates of every entity. */
  private checkEntities(): void {
    for (const kind of ENTITY_LISTS) {
      const list = (this.data[kind] as Data[] | undefined) ?? [];
      for (let index = 0; index < list.length; index++) {
        const entity = list[index]!;
        const path: PathSegment[] = [kind, index];
        this.checkReferences(path, entity, referenceFields[kind] ?? []);
        if (!this.sections.has(entity.section as string)) this.checkSection([...path, "section"], entity.section as string);
        for (const [field, section] of Object.entries((entity.sections as Record<string, string> | undefined) ?? {})) {
          if (!(field in entity) || field === "section" || field === "sections" || field === "id") {
            this.report([...path, "sections"], `sections names the field ${JSON.stringify(field)}, which this entity does not have`, "a field of this entity", JSON.stringify(field), field);
          }
          this.checkSection([...path, "sections", field], section);
        }
        const prose = entity.prose as Data[] | undefined;
        if (prose) for (let i = 0; i < prose.length; i++) this.checkProse([...path, "prose", i], entity, prose[i]!);
        this.checkDates(path, entity);
      }
    }
  }

  private checkReferences(path: PathSegment[], entity: Data, fields: readonly [string, Kind[]][]): void {
    for (const [field, kinds] of fields) {
      const value = entity[field];
      // A reference to an entity of this article of the right kind is the common case: checked
      // without building its path, which only a message needs.
      if (typeof value === "string") {
        if (!this.isLocalRef(value, kinds)) this.resolve([...path, field], value, kinds);
      } else if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!this.isLocalRef(value[i] as string, kinds)) this.resolve([...path, field, i], value[i] as string, kinds);
      }
    }
  }

  /** The subject's memberships name sections; every organization's mandate names topics. */
  private checkMemberships(): void {
    const subjectOrg = this.entities.get(this.article.subject as string);
    if (subjectOrg) {
      const membership = (subjectOrg.data.membership as Data[] | undefined) ?? [];
      for (let i = 0; i < membership.length; i++) this.checkSection([...subjectOrg.path, "membership", i, "section"], membership[i]!.section as string);
    }
    for (const entry of this.entities.values()) if (entry.kind === "organizations") this.checkMandate(entry);
  }

  /** Places: nationality must be a country; containment must not loop. */
  private checkPlaces(): void {
    const { entities } = this;
    for (const entry of entities.values()) {
      if (entry.kind === "people" && typeof entry.data.nationality === "string") {
        const country = entities.get(entry.data.nationality);
        if (country && country.type !== "Country") this.report([...entry.path, "nationality"], "a nationality must be a country", "a place of type Country", `${JSON.stringify(entry.data.nationality)} of type ${country.type}`);
      }
      if (entry.kind === "places") {
        const seen = new Set<string>([entry.data.id as string]);
        let next = entry.data.containedIn as string | undefined;
        while (next && entities.get(next)?.kind === "places") {
          if (seen.has(next)) {
            this.report([...entry.path, "containedIn"], "places contain each other in a loop", "a hierarchy such as city, province, country", [...seen, next].join(" → "));
            break;
          }
          seen.add(next);
          next = entities.get(next)!.data.containedIn as string | undefined;
        }
      }
    }
  }

  /** Languages: a well-formed tag is not enough; the language must exist. */
  private checkLanguages(): void {
    this.checkLanguage(["article", "language"], this.article.language as string);
    const works = (this.data.works as Data[] | undefined) ?? [];
    for (let i = 0; i < works.length; i++) {
      const languages = (works[i]!.inLanguage as string[] | undefined) ?? [];
      for (let j = 0; j < languages.length; j++) this.checkLanguage(["works", i, "inLanguage", j], languages[j]!);
    }
  }

  /** URLs: the schema checks the shape; here, that they parse as http(s). */
  private checkUrls(): void {
    const organizations = (this.data.organizations as Data[] | undefined) ?? [];
    for (let i = 0; i < organizations.length; i++) {
      const homepage = organizations[i]!.homepage;
      if (typeof homepage === "string") this.checkUrl(["organizations", i, "homepage"], homepage);
    }
    const works = (this.data.works as Data[] | undefined) ?? [];
    for (let i = 0; i < works.length; i++) {
      const url = works[i]!.url;
      if (typeof url === "string") this.checkUrl(["works", i, "url"], url);
    }
    for (const key of ["source", "license"]) {
      const url = (this.article[key] as Data | undefined)?.url;
      if (typeof url === "string") this.checkUrl(["article", key, "url"], url);
    }
  }

  private register(id: string, entry: EntityEntry): void {
    const earlier = this.entities.get(id);
    if (earlier) {
      const { line } = this.source.positionOf(earlier.path);
      this.report([...entry.path, "id"], `the id ${JSON.stringify(id)} is used twice`, "a unique id", `it already at line ${line}`);
    } else if (RESERVED_IDS.has(id)) {
      this.report([...entry.path, "id"], `the id ${JSON.stringify(id)} is reserved`, "another id", JSON.stringify(id));
    } else this.entities.set(id, entry);
  }

  private resolve(path: PathSegment[], ref: string, kinds: Kind[]): EntityEntry | undefined {
    const slash = ref.indexOf("/");
    if (slash >= 0) {
      const slug = ref.slice(0, slash);
      const id = ref.slice(slash + 1);
      // corpus/<id>: a shared entity of the corpus (graph/shared.ts).
      if (slug === "corpus") {
        const shared = this.shared.ensure(id);
        if (!shared) return this.report(path, `${displayPath(path)} refers to ${JSON.stringify(id)}, which is not one of the corpus's shared entities`, `an id of the places, languages or topics of ${this.source.file.replace(/[^/\\]*$/, "")}corpus.yaml, or a country, region, city or language the gazetteer knows (corpus/canada)`, JSON.stringify(ref));
        if (!kinds.includes(shared.kind as Kind)) return this.report(path, `${displayPath(path)} refers to the wrong kind of entity`, kindsText(kinds), `${JSON.stringify(ref)} (of ${shared.kind})`);
        return undefined;
      }
      this.references.push({ ref, kinds, path });
      return undefined;
    }
    const target = this.entities.get(ref);
    if (!target) {
      // A mistyped id gets the nearest id of the kinds it may name, as a mistyped key gets the nearest key.
      const suggestion = closest(ref, [...this.entities].filter(([, entry]) => kinds.includes(entry.kind)).map(([id]) => id));
      return this.report(path, `${displayPath(path)} refers to ${JSON.stringify(ref)}, which is not defined${didYouMean(suggestion)}`, `the id of one of the article's ${kindsText(kinds)}`, JSON.stringify(ref));
    }
    if (!kinds.includes(target.kind)) return this.report(path, `${displayPath(path)} refers to the wrong kind of entity`, kindsText(kinds), `${JSON.stringify(ref)}, one of the ${target.kind}`);
    return target;
  }

  private isLocalRef(ref: string, kinds: Kind[]): boolean {
    const target = ref.indexOf("/") < 0 ? this.entities.get(ref) : undefined;
    return target !== undefined && kinds.includes(target.kind);
  }

  private checkSection(path: PathSegment[], section: string): void {
    if (!this.sections.has(section)) this.report(path, `unknown section ${JSON.stringify(section)}`, `one of article.sections: ${[...this.sections].join(", ")}`, JSON.stringify(section));
  }

  /** A prose entry names a field of its entity, items that field holds, and a section of the article. */
  private checkProse(path: PathSegment[], entity: Data, entry: Data): void {
    this.checkSection([...path, "section"], entry.section as string);
    const field = entry.field as string;
    if (!(field in entity) || NOT_FACT_FIELDS.has(field)) {
      this.report([...path, "field"], `prose names the field ${JSON.stringify(field)}, which this entity does not have`, "a field of this entity", JSON.stringify(field));
      return;
    }
    const values = entry.values as string[] | undefined;
    if (!values) return;
    const list = entity[field];
    const items = Array.isArray(list) ? list.map((item) => (item !== null && typeof item === "object" ? (item as Data).id : item)) : [];
    for (let i = 0; i < values.length; i++) {
      if (!items.includes(values[i])) this.report([...path, "values", i], `prose lists ${JSON.stringify(values[i])}, which ${field} does not hold`, `an item of ${field}`, JSON.stringify(values[i]));
    }
  }

  private checkMandate(entry: EntityEntry): void {
    const mandate = entry.data.mandate as Data | undefined;
    const issues = (mandate?.issues as string[] | undefined) ?? [];
    for (let i = 0; i < issues.length; i++) this.resolve([...entry.path, "mandate", "issues", i], issues[i]!, ["topics"]);
  }

  private checkDates(path: PathSegment[], entity: Data): void {
    for (const key of DATE_KEYS) {
      const value = entity[key];
      if (value !== undefined && !isCalendarDate(String(value))) this.report([...path, key], `${displayPath([...path, key])} is not a date of the calendar`, "a real day (e.g. no 30 February)", describeValue(value));
    }
    for (const [startKey, endKey] of DATE_PAIRS) {
      const start = entity[startKey];
      const end = entity[endKey];
      if (start !== undefined && end !== undefined && isBefore(String(end), String(start))) {
        this.report([...path, endKey], `${endKey} is before ${startKey}`, `a date not before ${String(start)}`, describeValue(end));
      }
    }
  }

  private checkLanguage(path: PathSegment[], code: string): void {
    if (!isKnownLanguage(code)) this.report(path, `${JSON.stringify(code)} is not a known language`, "an ISO 639 language code such as en, fr, es or ar", JSON.stringify(code));
  }

  private checkUrl(path: PathSegment[], value: string): void {
    let ok = false;
    try {
      const url = new URL(value);
      ok = (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      ok = false;
    }
    if (!ok) this.report(path, `${displayPath(path)} is not a usable web address`, "an absolute http:// or https:// URL", JSON.stringify(value));
  }

  private checkInfobox(): void {
    const fields = (this.data.infobox as Data).fields as Data[];
    const labels = new Map<string, number>();
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const path: PathSegment[] = ["infobox", "fields", i];
      const value = field.value as string;
      const label = field.label as string;
      if (labels.has(label)) this.report([...path, "label"], `the infobox label ${JSON.stringify(label)} is used twice`, "each label once", `it again after field ${labels.get(label)! + 1}`);
      labels.set(label, i);
      switch (field.type) {
        case "date": {
          // A date written in words gives its ISO form as `date`; otherwise the value is the date.
          const iso = field.date === undefined ? value : String(field.date);
          if (field.date !== undefined && !isCalendarDate(iso)) this.report([...path, "date"], "an infobox date must be a date of the calendar", "a real day (e.g. no 30 February)", JSON.stringify(iso));
          else if (field.date === undefined && (!/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(value) || !isCalendarDate(value))) this.report([...path, "value"], "an infobox date must be a date", "YYYY, YYYY-MM or YYYY-MM-DD, or the date as `date:` beside a value in words", JSON.stringify(value));
          if (field.endDate !== undefined) {
            const end = String(field.endDate);
            if (!isCalendarDate(end)) this.report([...path, "endDate"], "an infobox end date must be a date of the calendar", "a real day", JSON.stringify(end));
            else if (isBefore(end, iso)) this.report([...path, "endDate"], "the infobox end date is before its date", `a date not before ${iso}`, JSON.stringify(end));
          }
          break;
        }
        case "count":
          if (field.count === undefined && !/^[0-9][0-9,]*(\s|$)/.test(value)) this.report([...path, "value"], "an infobox count must start with a number", "e.g. \"120 independent organizations\", or the count as `count:` beside the value", JSON.stringify(value));
          break;
        case "url":
          this.checkUrl([...path, "value"], value);
          break;
        case "place": {
          // The infobox shows the place as its parts, which only this article's places have.
          if ((field.place as string).includes("/")) {
            this.report([...path, "place"], "an infobox place must be a place of this article", "the id of one of the article's places", JSON.stringify(field.place));
            break;
          }
          const place = this.resolve([...path, "place"], field.place as string, PLACE_KINDS);
          if (place) {
            // The value is the place's name, then as many of the places containing it as the
            // article shows, in order: "Lyon" and "Lyon, France" both name lyon (in france). Each part
            // may be written by one of the place's other names ("London, UK": alternateNames [UK]).
            // The infobox JSON gives every part whatever the value shows.
            const { chain, broken } = this.placeChain(place);
            const names = chain.map((p) => p.data.name as string);
            const written = names.map((_, n) => names.slice(0, n + 1).join(", "));
            // A containedIn that names no place is reported at its own line; the parts of the value
            // beyond the places known are then not judged (no second, spurious problem here).
            if (!namesChain(value, chain.map((p) => [p.data.name as string, ...((p.data.alternateNames as string[] | undefined) ?? [])]), broken)) {
              const expected = written.length === 1 ? JSON.stringify(written[0]) : `${written.slice(0, -1).map((w) => JSON.stringify(w)).join(", ")} or ${JSON.stringify(written.at(-1))}`;
              this.report([...path, "value"], `the infobox place does not match the place it names: write the place's name, then, if you like, the places containing it (containedIn), separated by ", "`, expected, JSON.stringify(value));
            }
          }
          break;
        }
      }
    }
  }

  /** The place and the places containing it; broken when a containedIn of this article names no place (reported by resolve). */
  private placeChain(place: EntityEntry): { chain: EntityEntry[]; broken: boolean } {
    const chain: EntityEntry[] = [];
    let broken = false;
    let current: EntityEntry | undefined = place;
    while (current && current.kind === "places" && !chain.includes(current)) {
      chain.push(current);
      const containedIn: unknown = current.data.containedIn;
      current = typeof containedIn === "string" ? this.entities.get(containedIn) : undefined;
      if (typeof containedIn === "string" && !containedIn.includes("/") && (!current || !PLACE_KINDS.includes(current.kind))) broken = true;
    }
    return { chain, broken };
  }
}

/**
 * Whether the value is the first places of the chain, in order, separated by ", ", each written by
 * its name or one of its other names (a name may hold ", " itself: "Washington, D.C.").
 */
function namesChain(value: string, names: readonly (readonly string[])[], broken: boolean, from = 0): boolean {
  // Past the last known place of a broken chain, the rest is not judged.
  if (from >= names.length) return broken;
  for (const name of names[from]!) {
    if (!value.startsWith(name)) continue;
    const rest = value.slice(name.length);
    if (rest === "") return true;
    if (rest.startsWith(", ") && namesChain(rest.slice(2), names, broken, from + 1)) return true;
  }
  return false;
}

/** Every entity's date fields: the mapping table's dates of organizations, and the others'. */
const DATE_KEYS = [...new Set([...MAPPING_TABLE.keys.filter((k) => k.value === "date").map((k) => k.key), "startDate", "endDate", "designationDate", "temporalCoverageFrom"])];
const DATE_PAIRS: readonly [string, string][] = [
  ["startDate", "endDate"],
  ["foundingDate", "dissolutionDate"],
];

