// The gold standard (../shared/gold/<slug>.yaml, format in its README.md): what a careful curator
// extracts from each article, read into plain typed data. A file that is not in the format is an
// error naming the file and the key, never a silently empty gold.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";

export type From = "infobox" | "prose";

interface Sourced {
  from: From;
  /** Accepted when extracted, not required. */
  optional: boolean;
}

export interface GoldDate extends Sourced {
  date: string;
}

export interface GoldLocation extends Sourced {
  role: string;
  building?: string;
  street?: string;
  postcode?: string;
  city?: string;
  district?: string;
  region?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
  wikidata?: string;
  name?: string;
  /** Other names of its city (of its name where it has no city): "Washington, D.C." for Washington. */
  aliases: string[];
}

export interface GoldPerson extends Sourced {
  name: string;
  aliases: string[];
  role?: string;
  roleAlt: string[];
  qualifier?: string;
}

export interface GoldCount extends Sourced {
  kind: string;
  value: number;
  qualifier?: string;
  year?: string;
}

export interface GoldMoney extends Sourced {
  kind: string;
  value: number;
  /** ISO 4217; null where the text gives none. */
  currency: string | null;
  year?: string;
}

export interface GoldName extends Sourced {
  name: string;
  aliases: string[];
}

export interface GoldOrganization extends Sourced {
  name: string;
  aliases: string[];
  relation: string[];
}

export interface GoldLanguage extends Sourced {
  code: string;
}

export interface GoldIdentifier extends Sourced {
  kind: string;
  value: string;
}

export interface GoldOtherPlace {
  name: string;
  country?: string;
}

export interface Gold {
  file: string;
  slug: string;
  title: string;
  types: string[];
  typesFrom: From;
  founded: GoldDate[];
  dissolved: GoldDate[];
  fate?: string;
  locations: GoldLocation[];
  people: GoldPerson[];
  founders: GoldPerson[];
  counts: GoldCount[];
  money: GoldMoney[];
  url: string | null;
  urlFrom: From;
  names: { abbreviation: GoldName[]; former: GoldName[]; other: GoldName[] };
  organizations: GoldOrganization[];
  languages: GoldLanguage[];
  identifiers: GoldIdentifier[];
  otherPlaces: GoldOtherPlace[];
  otherPeople: string[];
  notPeople: string[];
}

export class GoldError extends Error {
  constructor(readonly file: string, readonly key: string, message: string) {
    super(`${file}: ${key}: ${message}`);
  }
}

type Raw = Record<string, unknown>;

/** Reads every <slug>.yaml of the folder, in file-name order. */
export function readGoldDir(dir: string): Gold[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => readGold(join(dir, f), readFileSync(join(dir, f), "utf8")));
}

export function readGold(file: string, text: string): Gold {
  const raw = load(text);
  if (!isObject(raw)) throw new GoldError(file, "(top)", "expected a mapping of the gold's keys (../shared/gold/README.md)");
  const r = new Reader(file);
  const names = raw.names === undefined || raw.names === null ? {} : r.object(raw.names, "names");
  return {
    file,
    slug: r.string(raw.slug, "slug"),
    title: r.string(raw.title, "title"),
    types: r.list(raw.types, "types").map((t, i) => r.string(t, `types[${i}]`)),
    typesFrom: r.from(raw.types_from, "types_from"),
    founded: r.list(raw.founded, "founded").map((d, i) => r.date(d, `founded[${i}]`)),
    dissolved: r.list(raw.dissolved, "dissolved").map((d, i) => r.date(d, `dissolved[${i}]`)),
    ...(typeof raw.fate === "string" && { fate: raw.fate }),
    locations: r.list(raw.locations, "locations").map((l, i) => r.location(l, `locations[${i}]`)),
    people: r.list(raw.people, "people").map((p, i) => r.person(p, `people[${i}]`)),
    founders: r.list(raw.founders, "founders").map((p, i) => r.person(p, `founders[${i}]`)),
    counts: r.list(raw.counts, "counts").map((c, i) => r.count(c, `counts[${i}]`)),
    money: r.list(raw.money, "money").map((m, i) => r.money(m, `money[${i}]`)),
    url: raw.url === null || raw.url === undefined ? null : r.string(raw.url, "url"),
    urlFrom: raw.url === null || raw.url === undefined ? "infobox" : r.from(raw.url_from, "url_from"),
    names: {
      abbreviation: r.list(names.abbreviation, "names.abbreviation").map((n, i) => r.name(n, `names.abbreviation[${i}]`)),
      former: r.list(names.former, "names.former").map((n, i) => r.name(n, `names.former[${i}]`)),
      other: r.list(names.other, "names.other").map((n, i) => r.name(n, `names.other[${i}]`)),
    },
    organizations: r.list(raw.organizations, "organizations").map((o, i) => r.organization(o, `organizations[${i}]`)),
    languages: r.list(raw.languages, "languages").map((l, i) => {
      const o = r.object(l, `languages[${i}]`);
      return { code: r.string(o.code, `languages[${i}].code`), ...r.sourced(o, `languages[${i}]`) };
    }),
    identifiers: r.list(raw.identifiers, "identifiers").map((l, i) => {
      const o = r.object(l, `identifiers[${i}]`);
      return { kind: r.string(o.kind, `identifiers[${i}].kind`), value: r.scalar(o.value, `identifiers[${i}].value`), ...r.sourced(o, `identifiers[${i}]`) };
    }),
    otherPlaces: r.list(raw.other_places, "other_places").map((p, i) => {
      const o = r.object(p, `other_places[${i}]`);
      return { name: r.string(o.name, `other_places[${i}].name`), ...(o.country !== undefined && { country: r.string(o.country, `other_places[${i}].country`) }) };
    }),
    otherPeople: r.list(raw.other_people, "other_people").map((p, i) => r.string(p, `other_people[${i}]`)),
    notPeople: r.list(raw.not_people, "not_people").map((p, i) => r.string(p, `not_people[${i}]`)),
  };
}

function isObject(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads values of the gold's YAML, naming the file and key of anything not in the format. */
class Reader {
  constructor(private readonly file: string) {}

  fail(key: string, message: string): never {
    throw new GoldError(this.file, key, message);
  }

  object(value: unknown, key: string): Raw {
    if (!isObject(value)) this.fail(key, `expected a mapping, found ${JSON.stringify(value)}`);
    return value;
  }

  list(value: unknown, key: string): unknown[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(key, `expected a list, found ${JSON.stringify(value)}`);
    return value;
  }

  string(value: unknown, key: string): string {
    if (typeof value !== "string" || value.trim() === "") this.fail(key, `expected a text, found ${JSON.stringify(value)}`);
    return value;
  }

  /** A text or a number written without quotes (a year, an id): as text. */
  scalar(value: unknown, key: string): string {
    if (typeof value === "number") return String(value);
    return this.string(value, key);
  }

  optionalScalar(value: unknown, key: string): string | undefined {
    return value === undefined || value === null ? undefined : this.scalar(value, key);
  }

  number(value: unknown, key: string): number {
    if (typeof value !== "number" || !Number.isFinite(value)) this.fail(key, `expected a number, found ${JSON.stringify(value)}`);
    return value;
  }

  strings(value: unknown, key: string): string[] {
    return this.list(value, key).map((v, i) => this.scalar(v, `${key}[${i}]`));
  }

  from(value: unknown, key: string): From {
    if (value !== "infobox" && value !== "prose") this.fail(key, `expected infobox or prose, found ${JSON.stringify(value)}`);
    return value;
  }

  sourced(o: Raw, key: string): Sourced {
    return { from: this.from(o.from, `${key}.from`), optional: o.optional === true };
  }

  date(value: unknown, key: string): GoldDate {
    const o = this.object(value, key);
    const date = this.scalar(o.date, `${key}.date`);
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) this.fail(`${key}.date`, `expected a year, year-month or date (1981, 1997-11, 1987-02-05), found ${JSON.stringify(date)}`);
    return { date, ...this.sourced(o, key) };
  }

  location(value: unknown, key: string): GoldLocation {
    const o = this.object(value, key);
    const location: GoldLocation = { role: this.string(o.role, `${key}.role`), aliases: this.strings(o.aliases, `${key}.aliases`), ...this.sourced(o, key) };
    for (const part of ["building", "street", "postcode", "city", "district", "region", "country", "wikidata", "name"] as const) {
      const v = this.optionalScalar(o[part], `${key}.${part}`);
      if (v !== undefined) location[part] = v;
    }
    if (!location.city && !location.name && !location.country && !location.building) this.fail(key, "a location needs a city, name, building or country");
    if (location.aliases.length > 0 && !location.city && !location.name) this.fail(`${key}.aliases`, "aliases are other names of the city (or name): give the city");
    return location;
  }

  person(value: unknown, key: string): GoldPerson {
    const o = this.object(value, key);
    return {
      name: this.string(o.name, `${key}.name`),
      aliases: this.strings(o.aliases, `${key}.aliases`),
      ...(o.role !== undefined && o.role !== null && { role: this.string(o.role, `${key}.role`) }),
      roleAlt: this.strings(o.role_alt, `${key}.role_alt`),
      ...(o.qualifier !== undefined && o.qualifier !== null && { qualifier: this.string(o.qualifier, `${key}.qualifier`) }),
      ...this.sourced(o, key),
    };
  }

  count(value: unknown, key: string): GoldCount {
    const o = this.object(value, key);
    const year = this.optionalScalar(o.year, `${key}.year`);
    const qualifier = o.qualifier === undefined || o.qualifier === null ? undefined : this.string(o.qualifier, `${key}.qualifier`);
    return { kind: this.string(o.kind, `${key}.kind`), value: this.number(o.value, `${key}.value`), ...(qualifier && { qualifier }), ...(year && { year }), ...this.sourced(o, key) };
  }

  money(value: unknown, key: string): GoldMoney {
    const o = this.object(value, key);
    const year = this.optionalScalar(o.year, `${key}.year`);
    const currency = o.currency === undefined || o.currency === null ? null : this.string(o.currency, `${key}.currency`);
    return { kind: this.string(o.kind, `${key}.kind`), value: this.number(o.value, `${key}.value`), currency, ...(year && { year }), ...this.sourced(o, key) };
  }

  name(value: unknown, key: string): GoldName {
    const o = this.object(value, key);
    return { name: this.string(o.name, `${key}.name`), aliases: this.strings(o.aliases, `${key}.aliases`), ...this.sourced(o, key) };
  }

  organization(value: unknown, key: string): GoldOrganization {
    const o = this.object(value, key);
    const relation = this.strings(o.relation, `${key}.relation`);
    if (relation.length === 0) this.fail(`${key}.relation`, "expected the acceptable relations, e.g. [memberOf, affiliation]");
    return { name: this.string(o.name, `${key}.name`), aliases: this.strings(o.aliases, `${key}.aliases`), relation, ...this.sourced(o, key) };
  }
}
