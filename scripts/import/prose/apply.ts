// The prose's facts into the draft. An infobox fact wins: a prose fact that agrees with it adds
// nothing (the report says it agrees); one that contradicts it is not exported but kept in the
// draft's `prose` list with what each side says, for the curator, and reported. Every prose fact
// the draft takes is listed in the organization's `prose` with its section and sentence and
// `reviewed: false` until a curator confirms it; the export gives its statements that section.

import { parsePlace, type ParsedPlace } from "../places.ts";
import { findCountry } from "../../gazetteer/index.ts";
import { looksLikeOrganization, type ParsedCount } from "../values.ts";
import type { Sourced } from "./index.ts";
import type { Name } from "./phrases.ts";

type Data = Record<string, unknown>;

/** What the draft lends the prose reader: the organization and the makers of its entities. */
export interface ProseSink {
  org: Data;
  placeChain(place: ParsedPlace, section: string): string;
  person(name: string, section: string): string;
  organization(name: string, abbreviation: string | undefined, section: string): string;
  /** An entity of the draft by id (a place, a person, an organization). */
  entity(id: string): Data | undefined;
  /** A new id, unique in the draft. */
  claimId(base: string): string;
}

export type ProseOutcome = "typed" | "agrees" | "contradicts" | "skipped";

export interface ProseReportLine {
  line: number;
  section: string;
  outcome: ProseOutcome;
  detail: string;
}

/** One entry of the organization's `prose` list. */
interface ProseEntry {
  field: string;
  values?: string[];
  section: string;
  sentence: string;
  /** What the prose says, where the infobox says otherwise (`contradicts`): not exported. */
  says?: string;
  contradicts?: string;
  reviewed: false;
}

const SCALAR_DATES = ["foundingDate", "dissolutionDate"] as const;

export function applyProseFacts(facts: readonly Sourced[], sink: ProseSink): ProseReportLine[] {
  return new Applier(sink).apply(facts);
}

class Applier {
  private readonly report: ProseReportLine[] = [];
  private readonly entries: ProseEntry[] = [];
  private readonly org: Data;

  constructor(private readonly sink: ProseSink) {
    this.org = sink.org;
  }

  apply(facts: readonly Sourced[]): ProseReportLine[] {
    // A date the prose gives twice differently is given by neither.
    const conflicting = new Set<string>();
    for (const key of SCALAR_DATES) {
      const values = facts.flatMap((s) => (s.fact.kind === key ? [s.fact.date] : []));
      if (values.some((a) => values.some((b) => !sameDate(a, b)))) conflicting.add(key);
    }
    for (const s of facts) {
      const f = s.fact;
      if ((f.kind === "foundingDate" || f.kind === "dissolutionDate") && conflicting.has(f.kind)) {
        this.line(s, "skipped", `${f.kind} ${f.date}: the prose gives other dates too`);
        continue;
      }
      switch (f.kind) {
        case "foundingDate":
        case "dissolutionDate":
          this.date(s, f.kind, f.date);
          break;
        case "foundingPlace":
        case "location":
          this.place(s, f.kind, f.place);
          break;
        case "locations":
          this.offices(s, f.places);
          break;
        case "founders":
          this.founders(s, f.names);
          break;
        case "formerNames":
        case "alternateNames":
          this.names(s, f.kind, f.names);
          break;
        case "parentOrganization":
          this.parent(s, f.organization);
          break;
        case "memberOf":
        case "owners":
        case "successors":
          this.related(s, f.kind, f.organization);
          break;
        case "count":
          this.count(s, f.field, f.count, f.asWritten);
          break;
        case "money":
          this.money(s, f.field, f.money, f.asWritten);
          break;
      }
    }
    if (this.entries.length > 0) this.org.prose = [...((this.org.prose as ProseEntry[] | undefined) ?? []), ...this.entries];
    return this.report;
  }

  private line(s: Sourced, outcome: ProseOutcome, detail: string): void {
    this.report.push({ line: s.line, section: s.section, outcome, detail });
  }

  /** The fact is the draft's now: listed with its sentence, for review. */
  private typed(s: Sourced, field: string, values: string[] | undefined, detail: string): void {
    const same = this.entries.find((e) => e.field === field && e.sentence === s.sentence && e.contradicts === undefined);
    if (same && values && same.values) same.values.push(...values.filter((v) => !same.values!.includes(v)));
    else if (!same) this.entries.push({ field, ...(values && { values }), section: s.section, sentence: s.sentence, reviewed: false });
    this.line(s, "typed", detail);
  }

  private contradiction(s: Sourced, field: string, says: string, infobox: string): void {
    this.entries.push({ field, section: s.section, sentence: s.sentence, says, contradicts: infobox, reviewed: false });
    this.line(s, "contradicts", `${field}: the prose says ${says}, the infobox ${infobox}: the infobox's is kept, the prose's is not exported`);
  }

  private date(s: Sourced, key: "foundingDate" | "dissolutionDate", date: string): void {
    const existing = this.org[key] as string | undefined;
    if (existing !== undefined) {
      // The same date again from the prose (others were refused above), or the infobox's.
      if (this.fromProse(key)) this.line(s, "agrees", `${key} ${date}, as an earlier sentence says`);
      else if (sameDate(existing, date)) this.agrees(s, `${key} ${date}`);
      else this.contradiction(s, key, date, existing);
      return;
    }
    const founding = (key === "dissolutionDate" ? this.org.foundingDate : date) as string | undefined;
    const dissolution = (key === "foundingDate" ? this.org.dissolutionDate : date) as string | undefined;
    if (founding !== undefined && dissolution !== undefined && dissolution.slice(0, founding.length) < founding.slice(0, dissolution.length)) {
      this.line(s, "skipped", `${key} ${date}: the organization would end before it began`);
      return;
    }
    this.org[key] = date;
    this.typed(s, key, undefined, `${key} ${date}`);
  }

  private agrees(s: Sourced, what: string): void {
    this.line(s, "agrees", `${what}, as the infobox says`);
  }

  private fromProse(field: string): boolean {
    return this.entries.some((e) => e.field === field && e.contradicts === undefined);
  }

  /** A place the gazetteer knows, in a country: else not a fact. */
  private known(written: string): ParsedPlace | undefined {
    const place = parsePlace(written);
    return place && place.exact && place.parts.some((p) => p.type === "Country") ? place : undefined;
  }

  private place(s: Sourced, key: "foundingPlace" | "location", written: string): void {
    const place = this.known(written);
    if (!place) {
      this.line(s, "skipped", `${key} ${JSON.stringify(written)}: not a place the gazetteer knows in a country`);
      return;
    }
    const existing = this.org[key] as string | undefined;
    if (existing !== undefined) {
      const chain = this.chainNames(existing);
      if (place.parts.every((p) => p.implied || chain.includes(p.name.toLowerCase()) || (p.written !== undefined && chain.includes(p.written.toLowerCase())))) this.agrees(s, `${key} ${written}`);
      else this.contradiction(s, key, written, this.chainText(existing));
      return;
    }
    this.org[key] = this.sink.placeChain(place, s.section);
    this.typed(s, key, undefined, `${key} ${written}`);
  }

  /** The names of a place and of every place it lies in, lower-case. */
  private chainNames(id: string): string[] {
    const names: string[] = [];
    let place = this.sink.entity(id);
    for (let n = 0; place && n < 10; n++) {
      names.push(String(place.name).toLowerCase(), ...((place.alternateNames as string[] | undefined) ?? []).map((a) => a.toLowerCase()));
      place = typeof place.containedIn === "string" ? this.sink.entity(place.containedIn) : undefined;
    }
    return names;
  }

  private chainText(id: string): string {
    const names: string[] = [];
    let place = this.sink.entity(id);
    for (let n = 0; place && n < 10; n++) {
      names.push(String(place.name));
      place = typeof place.containedIn === "string" ? this.sink.entity(place.containedIn) : undefined;
    }
    return names.join(", ");
  }

  /** Offices and branches: countries, or cities the gazetteer places in a country. */
  private offices(s: Sourced, written: string[]): void {
    const ids: string[] = [];
    const skipped: string[] = [];
    for (const w of written) {
      const place = this.known(w);
      if (!place || !(findCountry(w) || place.parts[0]!.type === "City")) {
        skipped.push(w);
        continue;
      }
      const id = this.sink.placeChain(place, s.section);
      const list = (this.org.locations as string[] | undefined) ?? [];
      if (this.org.location === id || list.includes(id)) continue;
      this.org.locations = [...list, id];
      ids.push(id);
    }
    if (skipped.length > 0) this.line(s, "skipped", `locations ${skipped.join(", ")}: not places the gazetteer knows in a country`);
    if (ids.length > 0) this.typed(s, "locations", ids, `locations ${written.filter((w) => !skipped.includes(w)).join(", ")}`);
  }

  private founders(s: Sourced, names: string[]): void {
    const existing = ((this.org.founders as string[] | undefined) ?? []).map((id) => String(this.sink.entity(id)?.name ?? "").toLowerCase());
    if (existing.length > 0) {
      const others = names.filter((n) => !existing.includes(n.toLowerCase()));
      if (others.length === 0) this.agrees(s, `founders ${names.join(", ")}`);
      else this.contradiction(s, "founders", names.join(", "), existing.length > 0 ? ((this.org.founders as string[]).map((id) => String(this.sink.entity(id)?.name)).join(", ")) : "");
      return;
    }
    const ids = names.map((n) => (looksLikeOrganization(n) ? this.sink.organization(n, undefined, s.section) : this.sink.person(n, s.section)));
    this.org.founders = ids;
    this.typed(s, "founders", ids, `founders ${names.join(", ")}`);
  }

  private names(s: Sourced, key: "formerNames" | "alternateNames", names: string[]): void {
    const taken = [this.org.name, this.org.legalName, ...((this.org.formerNames as string[] | undefined) ?? []), ...((this.org.alternateNames as string[] | undefined) ?? [])]
      .filter((n): n is string => typeof n === "string")
      .map((n) => n.toLowerCase());
    const added = names.filter((n, i) => !taken.includes(n.toLowerCase()) && names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
    if (added.length === 0) {
      this.agrees(s, `${key} ${names.join(", ")}`);
      return;
    }
    this.org[key] = [...((this.org[key] as string[] | undefined) ?? []), ...added];
    this.typed(s, key, added, `${key} ${added.join(", ")}`);
  }

  /** The id of the organization the draft already has under this name or abbreviation, else a new one. */
  private organizationId(name: Name, section: string): { id: string; isNew: boolean } {
    const keys = [name.text, name.abbreviation, name.now].filter((k): k is string => k !== undefined).map((k) => k.toLowerCase().replace(/^the\s+/, ""));
    for (const id of this.allReferences()) {
      const e = this.sink.entity(id);
      if (!e || e.type === undefined || typeof e.name !== "string") continue;
      const names = [e.name, ...((e.alternateNames as string[] | undefined) ?? [])].map((n) => n.toLowerCase().replace(/^the\s+/, ""));
      if (keys.some((k) => names.includes(k))) return { id, isNew: false };
    }
    const id = this.sink.organization(name.text, name.abbreviation, section);
    if (name.now) {
      const e = this.sink.entity(id)!;
      e.alternateNames = [...((e.alternateNames as string[] | undefined) ?? []), name.now];
    }
    return { id, isNew: true };
  }

  /** Every organization id the subject refers to. */
  private allReferences(): string[] {
    const ids: string[] = [];
    for (const key of ["parentOrganization", "subOrganizations", "memberOf", "predecessors", "successors", "owners", "founders"]) {
      const v = this.org[key];
      if (typeof v === "string") ids.push(v);
      else if (Array.isArray(v)) ids.push(...(v as string[]));
    }
    return ids;
  }

  private parent(s: Sourced, name: Name): void {
    const existing = this.org.parentOrganization as string | undefined;
    const { id } = this.organizationId(name, s.section);
    if (existing !== undefined) {
      if (existing === id) this.agrees(s, `parentOrganization ${name.text}`);
      else this.contradiction(s, "parentOrganization", name.text, String(this.sink.entity(existing)?.name));
      return;
    }
    this.org.parentOrganization = id;
    this.typed(s, "parentOrganization", undefined, `parentOrganization ${name.text}`);
  }

  private related(s: Sourced, key: "memberOf" | "owners" | "successors", name: Name): void {
    const list = (this.org[key] as string[] | undefined) ?? [];
    const { id } = this.organizationId(name, s.section);
    if (list.includes(id)) {
      this.agrees(s, `${key} ${name.text}`);
      return;
    }
    this.org[key] = [...list, id];
    this.typed(s, key, [id], `${key} ${name.text}`);
  }

  private count(s: Sourced, field: string, count: ParsedCount, asWritten: string): void {
    const data: Data = { value: count.value, comparison: count.comparison, unit: count.unit || "items", ...(count.asOf !== undefined && { asOf: count.asOf }), asWritten };
    if (field === "membership") {
      // Figures of members change: one of another time (or none said) is another figure, not a contradiction.
      const list = (this.org.membership as Data[] | undefined) ?? [];
      if (list.some((m) => m.value === count.value && m.comparison === count.comparison)) {
        this.agrees(s, `membership ${asWritten}`);
        return;
      }
      const id = this.sink.claimId(`${String(this.org.id)}-members${list.length > 0 ? `-${list.length + 1}` : ""}`);
      this.org.membership = [...list, { id, section: s.section, ...data }];
      const others = list.map((m) => String(m.asWritten ?? m.value)).join(", ");
      this.typed(s, "membership", [id], `membership ${asWritten}${others ? ` (the infobox: ${others})` : ""}`);
      return;
    }
    const existing = this.org[field] as Data | undefined;
    if (existing !== undefined) {
      if (overlaps(existing as unknown as ParsedCount, count)) this.agrees(s, `${field} ${asWritten}`);
      else this.contradiction(s, field, asWritten, String(existing.asWritten ?? existing.value));
      return;
    }
    this.org[field] = data;
    this.typed(s, field, undefined, `${field} ${asWritten}`);
  }

  private money(s: Sourced, field: string, money: { amount: string; currency?: string; comparison: string; asOf?: string }, asWritten: string): void {
    const existing = this.org[field] as Data | undefined;
    if (existing !== undefined) {
      if (Number(existing.amount) === Number(money.amount) && (existing.currency === undefined || existing.currency === money.currency)) this.agrees(s, `${field} ${asWritten}`);
      else this.contradiction(s, field, `${asWritten}${money.asOf ? ` (${money.asOf})` : ""}`, String(existing.asWritten ?? existing.amount));
      return;
    }
    this.org[field] = {
      amount: Number(money.amount),
      ...(money.currency && { currency: money.currency }),
      ...(money.comparison !== "exactly" && { comparison: money.comparison }),
      ...(money.asOf !== undefined && { asOf: money.asOf }),
      asWritten,
    };
    this.typed(s, field, undefined, `${field} ${asWritten}${money.asOf ? ` (${money.asOf})` : ""}`);
  }
}

/** "1987" and "1987-02-05" say the same at the coarser precision. */
function sameDate(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/** Whether two counts can be of the same figure ("100+" and "over 100"; not "5" and "over 100"). */
function overlaps(a: ParsedCount, b: ParsedCount): boolean {
  const range = (c: ParsedCount): [number, number] => {
    switch (c.comparison) {
      case "exactly":
        return [c.value, c.value];
      case "more-than":
        return [c.value + 1, Infinity];
      case "at-least":
        return [c.value, Infinity];
      case "about":
        return [c.value * 0.9, c.value * 1.1];
    }
  };
  const [a1, a2] = range(a);
  const [b1, b2] = range(b);
  return a1 <= b2 && b1 <= a2;
}
