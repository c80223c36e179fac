// The draft: an article's text → the canonical YAML's data (article, infobox, entities, text),
// and the import report of each infobox line: typed (a fact of the graph), text (kept as written,
// a field typed as text) or dropped (a display setting or template residue: not a fact).
// Every infobox line with a value is kept in the infobox, as written and in order.

import type { Comparison, PlaceType, Review } from "../model/types.ts";
import { reviewOf, type Outcome } from "./review.ts";
import { chooseTemplate, importMapping, mapLabel, rowProperty, type ChosenTemplate, type ImportMapping, type Mapped, type MappingRow, type MappingTable } from "./mapping.ts";
import { organizationType } from "./organization-type.ts";
import { nonprofitStatusIri } from "./legal-status.ts";
import { describePeople, isSurePersonName, readPeople } from "./people.ts";
import { parsePlace, parsePlaces, readPlace, type ParsedPlace, type PlaceContext } from "./places.ts";
import { articleCountries } from "./article-countries.ts";
import type { ArticleText, Block, InfoboxLine } from "./read-text.ts";
import { findLanguage } from "./gazetteer.ts";
import { isBefore } from "../validate/calendar-date.ts";
import { isKnownLanguage } from "../validate/known-language.ts";
import { proseFacts } from "./prose/index.ts";
import { applyProseFacts, type ProseReportLine, type ProseSink } from "./prose/apply.ts";
import {
  imageUrl, parseCount, parseDate, parseMoney, parseNames, parseOrganizationNames, parseUrl, parseYear, splitList, withoutResidue,
  type ParsedCount, type ParsedMoney,
} from "./values.ts";

type Data = Record<string, unknown>;

export type { Outcome };

export interface ReportLine {
  line: number;
  label: string;
  outcome: Outcome;
  /** What it became (typed), or why it stayed text or was dropped. */
  detail: string;
  /** A doubt about a typed value (a place name the gazetteer does not know), or why a value kept as text may be a fact (an ambiguous place and its candidates). */
  review?: string;
}

export interface Draft {
  slug: string;
  data: Data;
  report: ReportLine[];
  /** The infobox template the draft read the infobox as, and how it was told (the infobox's title names it, or its labels). */
  template?: { name: string; by: ChosenTemplate["by"] };
  /** What became of each fact the prose states (scripts/import/prose/). */
  prose: ProseReportLine[];
}

const INFOBOX = "Infobox";
/** The mapping table's kinds of place values (schemas/infobox-mapping.json). */
const PLACE_KINDS = new Set(["place", "city", "country", "places"]);
const LEAD = "Lead";

/** `IFEX (organization)` → `ifex`: a parenthesized qualifier dropped, then lower-case words joined by hyphens. */
export function slugOf(title: string): string {
  return idOf(title.replace(/\s*\([^()]*\)\s*$/, ""));
}

/** An entity id from a name: ASCII letters and digits (accents dropped), words joined by single hyphens. */
export function idOf(name: string): string {
  const id = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return id.slice(0, 80).replace(/-+$/, "");
}

interface FieldOut {
  label: string;
  value: string;
  type: "text" | "date" | "place" | "count" | "url" | "money" | "display";
  place?: string;
  date?: string;
  endDate?: string;
  count?: Data;
  money?: Data;
  review?: Review;
}

/** Ids of the draft's entities: unique across kinds, the subject's first. */

/** What the lines of an infobox say about each other, read before any line is typed. */
interface FieldContext {
  /** A `… Year` line's year, by the parameter it dates. */
  yearOf: Map<string, string>;
  /** A leader's title, by the leader's number. */
  roleOf: Map<string, string>;
  /** The numbers of the leaders whose names read for sure. */
  leaderNamed: Set<string>;
  /** An established event's date, by its number. */
  eventDates: Map<string, { iso: string; end?: string }>;
  /** The Country line's value, which a City line is read with. */
  countryValue: string | undefined;
  places: PlaceContext;
  /** The template parameter of the line being typed. */
  parameter: string;
}

/** One infobox line to type: its mapping row, its number ("leader 2"), its value without template residue, and the field it becomes. */
interface MappedValue {
  row: MappingRow;
  number: string;
  value: string;
  field: FieldOut;
  ctx: FieldContext;
}
class Ids {
  private readonly used = new Set<string>(["article"]);
  claim(base: string, fallback: string): string {
    const root = base || fallback;
    let id = root;
    for (let n = 2; this.used.has(id); n++) id = `${root}-${n}`;
    this.used.add(id);
    return id;
  }
}

export interface DraftOptions {
  /**
   * Keep every infobox line as text, type nothing: the draft the importer falls back to when the
   * typed one is refused by the export's check (`because` says why), so an article in the format
   * always imports.
   */
  untyped?: { because: string };
  /** The mapping table (default: the project's, schemas/infobox-mapping.json). */
  mapping?: MappingTable;
}

export function buildDraft(file: string, text: ArticleText, options: DraftOptions = {}): Draft {
  return new DraftBuilder(file, text, options).build();
}

class DraftBuilder {
  private readonly slug: string;
  private readonly ids = new Ids();
  private readonly org: Data;
  private readonly people: Data[] = [];
  private readonly places: Data[] = [];
  private readonly events: Data[] = [];
  private readonly organizations: Data[] = [];
  private readonly topics: Data[] = [];
  private readonly fields: FieldOut[] = [];
  private readonly report: ReportLine[] = [];
  private readonly byName = new Map<string, string>();
  private readonly mapping: ImportMapping;
  private chosen: ChosenTemplate | undefined;
  /** The location a Country line gave, which a place of a Headquarters or Location line replaces. */
  private countryLocation: string | undefined;

  constructor(
    readonly file: string,
    private readonly text: ArticleText,
    private readonly options: DraftOptions,
  ) {
    this.mapping = importMapping(options.mapping);
    this.slug = slugOf(text.title);
    const subject = this.ids.claim(this.slug, "organization");
    // The name is the article's title without its qualifier ("IFEX (organization)" → IFEX); the
    // infobox's title, when it says something else ("NUJ"), is another name. A generic one
    // ("Infobox") or the same name written otherwise ("ARTICLE 19") is not.
    const name = text.title.replace(/\s*\([^()]*\)\s*$/, "") || text.title;
    const other = text.infobox.title;
    const fold = (s: string) => s.normalize("NFKD").replace(/[^\p{L}\p{N}]/gu, "").toLowerCase();
    const alternate = fold(other) !== fold(name) && !/^infobox\b/i.test(other) && other.length <= 200;
    this.org = { id: subject, section: INFOBOX, type: "Organization", name, ...(alternate && { alternateNames: [other] }) };
  }

  build(): Draft {
    const { text, org } = this;
    const lines = text.infobox.lines;
    // The template the infobox is (its title's, else its labels'): its parameters mean what it says.
    this.chosen = chooseTemplate(this.mapping, text.infobox.title, lines.map((l) => l.label));
    const mapped = lines.map((l) => ({ ...l, ...mapLabel(l.label, this.mapping, this.chosen?.template) }));
    const labels = new Set(mapped.map((m) => m.parameter));
    const ctx = this.readTogether(mapped, labels);
    const { yearOf } = ctx;
    for (const m of mapped) {
      const value = m.value;
      const field: FieldOut = { label: m.label, value, type: "text" };
      const done = (outcome: Outcome, detail: string, review?: string) => {
        this.report.push({ line: m.line, label: m.label, outcome, detail, ...(review !== undefined && { review }) });
        // A value kept as text may be a fact the parsers missed, and a typed one with a doubt may be
        // wrong: the field carries a flag for the curator (scripts/import/review.ts).
        const flag = reviewOf({ outcome, detail, ...(review !== undefined && { review }) }, m.line);
        if (flag) field.review = flag;
        if (outcome === "dropped" && value !== "") this.fields.push({ ...field, type: "display" });
        else if (value !== "") this.fields.push(field);
      };
      if (value === "") {
        done("dropped", "no value");
        continue;
      }
      const clean = withoutResidue(value);
      if (clean === "") {
        done("dropped", "template residue, no value");
        continue;
      }
      // The infobox shows each label once (the export's rule): a second line of the same label is not kept.
      if (this.fields.some((f) => f.label === m.label)) {
        this.report.push({ line: m.line, label: m.label, outcome: "dropped", detail: "the same label again (an infobox shows each label once)" });
        continue;
      }
      if (this.options.untyped) {
        done("text", `kept as text: the typed draft was refused (${this.options.untyped.because})`);
        continue;
      }
      const baseOfYear = /^(.*)_year$/.exec(m.parameter)?.[1];
      if (baseOfYear && yearOf.get(baseOfYear) !== undefined && labels.has(baseOfYear)) {
        field.type = "date";
        if (clean !== yearOf.get(baseOfYear)) field.date = yearOf.get(baseOfYear)!;
        done("typed", `the year of ${mapped.find((x) => x.parameter === baseOfYear)!.label}`);
        continue;
      }
      const row = m.row;
      if (!row) {
        if (/_type$/.test(m.parameter) || /_(size|caption|alt|class|upright)$/.test(m.parameter)) {
          done("dropped", "display setting");
          continue;
        }
        done("text", "unknown label: kept as text");
        continue;
      }
      const outcome = this.apply({ row, number: m.number, value: clean, field, ctx: { ...ctx, parameter: m.parameter } });
      done(outcome[0], outcome[1], outcome[2]);
    }
    this.chooseType(mapped.map((m) => m.parameter));
    const nonprofitStatus = nonprofitStatusIri([org.legalStatus, org.category]);
    if (nonprofitStatus !== undefined) org.nonprofitStatus = nonprofitStatus;
    // The facts the prose states, after the infobox's (which win over them).
    const names = { name: org.name as string, otherNames: [...((org.alternateNames as string[] | undefined) ?? [])] };
    const prose = this.options.untyped ? [] : applyProseFacts(proseFacts({ text, ...names, lead: LEAD }), this.proseSink());
    const data = this.assemble();
    const template = this.chosen && { name: this.chosen.template.spec.name, by: this.chosen.by };
    return { slug: this.slug, data, report: this.report, prose, ...(template && { template }) };
  }

  /**
   * Lines read together, before any is typed: a `… Year` field and its figure, a leader's title and
   * name, an event and its date, a city and its country, and the article's countries.
   */
  private readTogether(mapped: readonly (InfoboxLine & Mapped)[], labels: ReadonlySet<string>): Omit<FieldContext, "parameter"> {
    const { text } = this;
    const yearOf = new Map<string, string>();
    const roleOf = new Map<string, string>();
    // Leaders whose name reads for sure: their title line is typed as their role, else it stays text too.
    const leaderNamed = new Set<string>();
    const eventDates = new Map<string, { iso: string; end?: string }>();
    for (const m of mapped) {
      const baseOfYear = /^(.*)_year$/.exec(m.parameter)?.[1];
      const year = baseOfYear && labels.has(baseOfYear) ? parseYear(withoutResidue(m.value)) : undefined;
      if (year && baseOfYear) yearOf.set(baseOfYear, year);
      if (m.row?.kind === "role") roleOf.set(m.number, withoutResidue(m.value));
      if (m.row?.kind === "leader" && readPeople(withoutResidue(m.value)).sure) leaderNamed.add(m.number);
      if (m.row?.kind === "eventDate") {
        const d = parseDate(withoutResidue(m.value));
        if (d) eventDates.set(m.number, { iso: d.iso, ...(d.end && { end: d.end }) });
      }
    }
    // The article's countries decide between places of one name (scripts/import/article-countries.ts).
    const placeValues = mapped.filter((m) => m.row && PLACE_KINDS.has(m.row.kind)).map((m) => withoutResidue(m.value));
    const places: PlaceContext = { countries: articleCountries(placeValues, text.lead) };
    const country = mapped.find((m) => m.row?.kind === "country");
    const countryValue = country ? withoutResidue(country.value) : undefined;
    return { yearOf, roleOf, leaderNamed, eventDates, countryValue, places };
  }

  /** What the prose reader may use of the draft: the organization and the makers of its entities. */
  private proseSink(): ProseSink {
    const lists = [this.places, this.people, this.organizations];
    return {
      org: this.org,
      placeChain: (place, section) => this.placeChain(place, section),
      person: (name, section) => this.person(name, undefined, undefined, false, section),
      organization: (name, abbreviation, section) => this.organization(name, abbreviation, section),
      entity: (id) => lists.flatMap((l) => l).find((e) => e.id === id),
      claimId: (base) => this.ids.claim(base, "fact"),
    };
  }

  /** What a mapped line's value becomes, by the kind of value its row says it holds. */
  private apply(input: MappedValue): [Outcome, string, string?] {
    const { row, number, value, ctx } = input;
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    switch (row.kind) {
      case "display":
        return ["dropped", "display setting"];
      case "unmapped":
        return ["text", `kept as text: ${this.chosen?.template.spec.name ?? "the template"} says it is none of the table's facts (${row.reason ?? "no reason given"})`];
      case "date":
        return this.applyDate(input);
      case "eventDate":
        return this.applyEventDate(input);
      case "event":
        return this.applyEvent(input);
      case "place":
      case "city":
        return this.applyPlace(input);
      case "country":
        return this.applyCountry(input);
      case "places": {
        const places = parsePlaces(value);
        if (!places) return ["text", "not a list of countries"];
        for (const place of places) this.addRef(row.key, this.placeChain(place));
        return ["typed", `${property} ${places.map((p) => p.parts[0]!.name).join(", ")}`];
      }
      case "count":
        return this.applyCount(input);
      case "money":
        return this.applyMoney(input);
      case "url":
        return this.applyUrl(input);
      case "logo":
        return this.applyLogo(input);
      case "type":
        org[row.key] = value;
        return ["typed", `${property} "${value}", and the organization's type`];
      case "text":
        if (org[row.key] !== undefined) return ["text", `${row.key} already given`];
        org[row.key] = value;
        return ["typed", `${property} "${value}"`];
      case "identifier":
        this.addText(row.key, value);
        return ["typed", `${property} "${value}"`];
      case "texts":
      case "names":
      case "topics":
      case "languages":
        return this.applyItems(input);
      case "people":
      case "leader":
        return this.applyPeople(input);
      case "role":
        if (!ctx.leaderNamed.has(number)) return ["text", `a role with no person named by leader ${number || "1"}`];
        return ["typed", `schema:jobTitle of leader ${number || "1"}`];
      case "organization":
      case "organizations":
        return this.applyOrganizations(input);
      case "year":
        return ["text", "a year without its figure"];
    }
  }

  private applyUrl({ row, value, field }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const url = parseUrl(value);
    if (!url) return ["text", "not a URL"];
    if (value === field.value) field.type = "url";
    if (org[row.key] !== undefined) return ["typed", `a URL (the ${row.key} is already given)`];
    org[row.key] = url;
    return ["typed", `${property} ${url}`];
  }

  private applyLogo({ row, value }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const url = imageUrl(value);
    if (!url) return ["text", "not an image file name"];
    if (org[row.key] !== undefined) return ["text", `the ${row.key} is already given`];
    org[row.key] = url;
    return ["typed", `${property} ${url}`];
  }

  /** A list of texts, names, topics or languages, each item kept apart. */
  private applyItems({ row, value }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    switch (row.kind) {
      case "texts": {
        const items = splitList(value);
        for (const item of items) this.addText(row.key, item);
        return ["typed", `${property} ${items.map((i) => JSON.stringify(i)).join(", ")}`];
      }
      case "names": {
        const items = parseNames(value).filter((n) => n !== org.name);
        if (items.length === 0) return ["typed", "the organization's name, as in the infobox's title"];
        for (const item of items) this.addText(row.key, item);
        return ["typed", `${property} ${items.map((i) => JSON.stringify(i)).join(", ")}`];
      }
      case "topics": {
        const items = splitList(value);
        for (const item of items) this.addRef(row.key, this.topic(item, INFOBOX));
        return ["typed", `${property} ${items.map((i) => JSON.stringify(i)).join(", ")}`];
      }
      case "languages": {
        const items = splitList(value);
        const codes = items.map((i) => findLanguage(i));
        if (codes.some((c) => c === undefined || !isKnownLanguage(c))) return ["text", "not a list of languages"];
        for (const code of codes) this.addText(row.key, code!);
        return ["typed", `${property} ${codes.join(", ")}`];
      }
      default:
        throw new Error(`not a kind of list: ${row.kind}`);
    }
  }

  private applyDate({ row, value, field, ctx }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const d = parseDate(value);
    if (!d) return ["text", "not a date"];
    if (org[row.key] !== undefined) return ["text", `${row.key} already given`];
    if (row.key === "dissolutionDate" && typeof org.foundingDate === "string" && isBefore(d.iso, org.foundingDate)) return ["text", "a dissolution date before the founding date"];
    if (row.key === "foundingDate" && typeof org.dissolutionDate === "string" && isBefore(org.dissolutionDate, d.iso)) return ["text", "a founding date after the dissolution date"];
    org[row.key] = d.iso;
    field.type = "date";
    if (d.iso !== field.value) field.date = d.iso;
    if (d.end) field.endDate = d.end;
    if (d.rest && row.key === "foundingDate") {
      // "1921 in Sheffield, England", "1904 (Copenhagen)": the place after the date, without its preposition.
      const place = parsePlace(d.rest.replace(/^\(|\)$/g, "").replace(/^(?:in|at)\s+/i, ""), ctx.places);
      if (place && place.parts.some((p) => p.type === "Country")) org.foundingPlace = this.placeChain(place);
    }
    return ["typed", `${property} ${d.iso}`];
  }

  private applyEventDate({ row, number, value, field }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const d = parseDate(value);
    if (!d) return ["text", "not a date"];
    field.type = "date";
    if (d.iso !== field.value) field.date = d.iso;
    if (d.end) field.endDate = d.end;
    const afterDissolution = typeof org.dissolutionDate === "string" && isBefore(org.dissolutionDate, d.iso);
    if (!afterDissolution && (org.foundingDate === undefined || (number !== "" && Number(number) <= 1))) {
      org.foundingDate = d.iso;
      return ["typed", `${property} ${d.iso}, and the date of its event`];
    }
    return ["typed", `the date of established event ${number}`];
  }

  private applyEvent({ number, value, ctx }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const date = ctx.eventDates.get(number);
    if (!date) return ["text", "an event without a date"];
    // An event named after the city it met in ("Conference of Niamey", "Congress of Vienna") took place there.
    const where = /\sof\s+(\p{Lu}[\p{L}\p{M}.'’ -]*)$/u.exec(value)?.[1];
    const met = where !== undefined ? readPlace(where, ctx.places).place : undefined;
    const location = met?.parts.some((p) => p.type === "City") ? this.placeChain(met) : undefined;
    const id = this.ids.claim(idOf(value), "event");
    this.events.push({ id, section: INFOBOX, category: "founding", name: value, startDate: date.iso, ...(date.end && { endDate: date.end }), ...(location && { location }), about: [org.id] });
    if (org.foundingEvent === undefined) org.foundingEvent = id;
    return ["typed", `an event (schema:Event) on ${date.iso}${location ? ` in ${where}` : ""}${org.foundingEvent === id ? ", oa:foundingEvent" : ""}`];
  }

  private applyPlace({ row, value, field, ctx }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    // A city field is read with the country field's value after it, unless it names its own country.
    const alone = readPlace(value, ctx.places);
    const withCountry = row.kind === "city" && ctx.countryValue !== undefined && !alone.place?.parts.some((p) => p.type === "Country" && !p.implied);
    const read = withCountry ? readPlace(`${value}, ${ctx.countryValue}`, ctx.places) : alone;
    if (!read.place) return ["text", read.flag, read.flag];
    const place = read.place;
    const id = this.placeChain(place);
    // A place more precise than the country a Country line gave is where the organization is.
    if (org.location === undefined || org.location === this.countryLocation) {
      org.location = id;
      if (place.address?.street !== undefined) org.streetAddress = place.address.street;
      if (place.address?.postalCode !== undefined) org.postalCode = place.address.postalCode;
    } else this.addRef("locations", id);
    // The infobox shows it as a place only when its parts are the value as written (no residue cut off).
    if (place.exact && value === field.value) {
      field.type = "place";
      field.place = id;
    }
    const address = place.address && org.location === id ? `, at ${[place.address.street, place.address.postalCode].filter((a) => a !== undefined).join(", ")} (schema:PostalAddress)` : "";
    return ["typed", `${property} ${place.parts.map((p) => `${p.name} (${p.type})`).join(" in ")}${address}`, place.review];
  }

  private applyCountry({ value, field, ctx }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const read = readPlace(value, ctx.places);
    if (!read.place) return ["text", read.flag, read.flag];
    const place = read.place;
    const id = this.placeChain(place);
    // The infobox shows it as a place only when its parts are the value as written (no residue cut off).
    if (place.exact && value === field.value) {
      field.type = "place";
      field.place = id;
    }
    if (org.location === undefined) org.location = this.countryLocation = id;
    return ["typed", `the country of the location, ${place.parts.map((p) => p.name).join(", ")}`, place.review];
  }

  private applyCount({ row, value, field, ctx }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const asOf = ctx.yearOf.get(ctx.parameter);
    const count = parseCount(value);
    if (!count) return ["text", "not a count"];
    const c = this.countData(count, row.unit ?? this.mapping.keys.get(row.key)?.unit ?? "", asOf, field.value);
    // A key of several counts (the members) gets each its own id; a key of one count takes the first.
    if (this.mapping.keys.get(row.key)?.value === "counts") {
      const list = (org[row.key] as Data[] | undefined) ?? [];
      list.push({ id: this.ids.claim(`${org.id}-members${list.length ? `-${list.length + 1}` : ""}`, "members"), section: INFOBOX, ...c });
      org[row.key] = list;
    } else {
      if (org[row.key] !== undefined) return ["text", `${row.key} already given`];
      org[row.key] = c;
    }
    field.type = "count";
    const naive = /^([0-9][0-9,]*)\s*(.*)$/s.exec(field.value);
    const plain = naive && /^[0-9][0-9,]*(\s|$)/.test(field.value) && Number(naive[1]!.replace(/,/g, "")) === count.value && naive[2] === count.unit && count.comparison === "exactly" && asOf === undefined && count.asOf === undefined && count.unit !== "";
    if (!plain) field.count = { value: count.value, comparison: count.comparison, unit: c.unit, ...((c.asOf as string | undefined) && { asOf: c.asOf }) };
    return ["typed", `${property} ${comparisonText(count.comparison)}${count.value}${c.asOf ? ` (${c.asOf})` : ""}`];
  }

  private applyMoney({ row, value, field, ctx }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const asOf = ctx.yearOf.get(ctx.parameter);
    const money = parseMoney(value);
    if (!money || !(Number(money.amount) <= 1e18)) return ["text", "not an amount of money"];
    if (org[row.key] !== undefined) return ["text", `${row.key} already given`];
    const m = moneyData(money, asOf, field.value);
    org[row.key] = m;
    field.type = "money";
    const { asWritten: _, ...shown } = m;
    field.money = shown;
    return ["typed", `${property} ${money.currency ?? "(no currency)"} ${money.amount}${m.asOf ? ` (${m.asOf})` : ""}`];
  }

  private applyPeople({ row, number, value, field, ctx }: MappedValue): [Outcome, string, string?] {
    const property = rowProperty(this.mapping, row);
    const reading = readPeople(value, { role: (row.kind === "leader" ? ctx.roleOf.get(number) : row.roleFromLabel ? field.label : undefined) || undefined, organizations: row.key === "founders" });
    if (!reading.sure) return ["text", `not sure of the people: ${reading.because}`, `not sure of the people (${reading.because}): type the persons and their roles by hand`];
    for (const p of reading.people) {
      const agent = p.kind === "organization" ? this.organization(p.name) : this.person(p.name, p.role, p.qualifier, row.key === "keyPeople");
      this.addRef(row.key, agent);
    }
    return ["typed", `${property} ${describePeople(reading.people)}`];
  }

  private applyOrganizations({ row, value }: MappedValue): [Outcome, string, string?] {
    const org = this.org;
    const property = rowProperty(this.mapping, row);
    const names = parseOrganizationNames(value);
    if (names.length === 0) return ["text", "no names"];
    // An owner may be a person: one compromise reads as a person's name is one ("Grupo Altamira" is not).
    const ids = names.map((n) => (row.key === "owners" && n.abbreviation === undefined && isSurePersonName(n.name, new Set(), "compromise") ? this.person(n.name, undefined, undefined, false) : this.organization(n.name, n.abbreviation)));
    if (row.kind === "organization") {
      if (org[row.key] !== undefined || ids.length > 1) return ["text", "more than one parent organization"];
      org[row.key] = ids[0];
    } else for (const id of ids) this.addRef(row.key, id);
    return ["typed", `${property} ${names.map((n) => n.name + (n.abbreviation ? ` (${n.abbreviation})` : "")).join(", ")}`];
  }

  private countData(count: ParsedCount, unit: string, asOf: string | undefined, written: string): Data {
    const year = count.asOf ?? asOf;
    return { value: count.value, comparison: count.comparison, unit: count.unit || unit || "items", ...(year !== undefined && { asOf: year }), asWritten: written };
  }

  private addText(key: string, value: string): void {
    const list = (this.org[key] as string[] | undefined) ?? [];
    if (!list.includes(value)) list.push(value);
    this.org[key] = list;
  }

  private addRef(key: string, id: string): void {
    this.addText(key, id);
  }

  /** The places of a chain, outermost first, each contained in the next; the innermost's id. */
  private placeChain(place: ParsedPlace, section = INFOBOX): string {
    let container: string | undefined;
    let id = "";
    for (let i = place.parts.length - 1; i >= 0; i--) {
      const part = place.parts[i]!;
      id = this.place(part.name, part.type, container, part.written, section);
      container = id;
    }
    return id;
  }

  private place(name: string, type: PlaceType, containedIn: string | undefined, written: string | undefined, section: string): string {
    const existing = this.places.find((p) => p.name === name && p.type === type && (p.containedIn === containedIn || containedIn === undefined || p.containedIn === undefined));
    if (existing) {
      if (existing.containedIn === undefined && containedIn !== undefined) existing.containedIn = containedIn;
      if (written && !((existing.alternateNames as string[] | undefined) ?? []).includes(written)) existing.alternateNames = [...((existing.alternateNames as string[] | undefined) ?? []), written];
      return existing.id as string;
    }
    const id = this.ids.claim(idOf(name), "place");
    this.places.push({ id, section, type, name, ...(written && { alternateNames: [written] }), ...(containedIn && { containedIn }) });
    return id;
  }

  private person(name: string, role: string | undefined, qualifier: string | undefined, worksFor: boolean, section = INFOBOX): string {
    const known = this.byName.get(`person:${name}`);
    if (known) {
      const p = this.people.find((x) => x.id === known)!;
      if (role && p.jobTitle === undefined) {
        p.jobTitle = role;
        if (qualifier) p.roleQualifier = qualifier;
      }
      if (worksFor) p.worksFor = this.org.id;
      return known;
    }
    const id = this.ids.claim(idOf(name), "person");
    this.byName.set(`person:${name}`, id);
    this.people.push({ id, section, name, ...(role && { jobTitle: role }), ...(role && qualifier && { roleQualifier: qualifier }), ...(worksFor && { worksFor: this.org.id }) });
    return id;
  }

  private organization(name: string, abbreviation?: string, section = INFOBOX): string {
    const known = this.byName.get(`org:${name}`);
    if (known) return known;
    const id = this.ids.claim(idOf(name), "organization");
    this.byName.set(`org:${name}`, id);
    this.organizations.push({ id, section, type: "Organization", name, ...(abbreviation && { alternateNames: [abbreviation] }) });
    return id;
  }

  private topic(name: string, section: string): string {
    const existing = this.topics.find((t) => (t.name as string).toLowerCase() === name.toLowerCase());
    if (existing) return existing.id as string;
    const id = this.ids.claim(idOf(name), "topic");
    this.topics.push({ id, section, name });
    return id;
  }

  /** The organization's schema.org type, from the infobox's Type field and the lead's first sentence, else the infobox's template (organization-type.ts). */
  private chooseType(parameters: string[]): void {
    const typeField = typeof this.org.category === "string" ? this.org.category : "";
    const firstParagraph = this.text.lead.find((b): b is Extract<Block, { paragraph: string }> => "paragraph" in b)?.paragraph ?? "";
    const firstSentence = /^.*?[.!?](?=\s|$)/s.exec(firstParagraph)?.[0] ?? firstParagraph;
    const chosen = organizationType(typeField, firstSentence, parameters, this.chosen?.template.spec.kind);
    if (!chosen) return;
    this.org.type = chosen.type;
    if (chosen.additionalType !== "") this.org.additionalType = chosen.additionalType;
  }

  private assemble(): Data {
    const { text, org, slug } = this;
    const sectionTitles = [INFOBOX, LEAD];
    for (const s of text.sections) if (!sectionTitles.includes(s.title)) sectionTitles.push(s.title);
    // "See also" lists become topics the article points to.
    const seeAlso: string[] = [];
    for (const s of text.sections) {
      if (s.title.toLowerCase() !== "see also") continue;
      for (const b of s.blocks) if ("list" in b) for (const item of b.list) seeAlso.push(this.topicForSeeAlso(item, s.title));
    }
    const paragraphs = text.lead.filter((b): b is Extract<Block, { paragraph: string }> => "paragraph" in b).map((b) => b.paragraph);
    let description = paragraphs.join("\n\n");
    if (description.length > 10_000) description = paragraphs[0]!;
    if (description) {
      org.description = description;
      org.sections = { ...((org.sections as Data | undefined) ?? {}), description: LEAD };
    }
    const organization = orderKeys(org, [...ORG_HEAD, ...this.mapping.table.keys.flatMap((k) => [k.key, ...(ORG_AFTER[k.key] ?? [])]), "sections"]);
    const wikiTitle = text.title.replace(/ /g, "_");
    const data: Data = {
      article: {
        slug,
        title: text.title,
        language: "en",
        subject: org.id,
        sections: sectionTitles,
        ...(seeAlso.length > 0 && { seeAlso: [...new Set(seeAlso)] }),
        source: { title: text.title, publisher: "English Wikipedia", url: `https://en.wikipedia.org/wiki/${encodeURI(wikiTitle).replace(/\?/g, "%3F").replace(/#/g, "%23")}` },
        license: { id: "CC-BY-SA-4.0", title: "Creative Commons Attribution-ShareAlike 4.0 International", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
      },
      infobox: { title: text.infobox.title, fields: this.fields.map((f) => orderKeys(f as unknown as Data, FIELD_KEYS)) },
      organizations: [organization, ...this.organizations],
      ...(this.people.length > 0 && { people: this.people }),
      ...(this.places.length > 0 && { places: this.places }),
      ...(this.events.length > 0 && { events: this.events }),
      ...(this.topics.length > 0 && { topics: this.topics }),
      text: {
        ...(text.lead.length > 0 && { lead: text.lead.map(blockData).filter((b) => b !== undefined) }),
        ...(text.sections.length > 0 && {
          sections: text.sections.map((s) => {
            const blocks = s.blocks.map(blockData).filter((b) => b !== undefined);
            return { title: s.title, level: s.level, ...(blocks.length > 0 && { blocks }) };
          }),
        }),
      },
    };
    return data;
  }

  private topicForSeeAlso(name: string, section: string): string {
    return this.topic(name, section);
  }
}

function blockData(block: Block): Data | undefined {
  if ("paragraph" in block) return { paragraph: block.paragraph };
  return block.list.length > 0 ? { list: block.list } : undefined;
}

function comparisonText(c: Comparison): string {
  return c === "exactly" ? "" : c === "more-than" ? "more than " : c === "at-least" ? "at least " : "about ";
}

function moneyData(money: ParsedMoney, asOf: string | undefined, written: string): Data {
  const year = money.asOf ?? asOf;
  return {
    amount: Number(money.amount),
    ...(money.currency && { currency: money.currency }),
    ...(money.comparison !== "exactly" && { comparison: money.comparison }),
    ...(year !== undefined && { asOf: year }),
    asWritten: written,
  };
}

/** The organization's keys before the mapping table's (which follow in the table's order), and "sections" after them. */
const ORG_HEAD = ["id", "section", "type", "additionalType", "name", "legalName", "category"];
/** Keys the table does not state (the location's street and postcode, stated in its PostalAddress) → the table's key they follow. */
const ORG_AFTER: Readonly<Record<string, readonly string[]>> = { location: ["streetAddress", "postalCode"] };
const FIELD_KEYS = ["label", "value", "type", "place", "date", "endDate", "count", "money", "review"];

function orderKeys(data: Data, order: readonly string[]): Data {
  const out: Data = {};
  for (const key of order) if (data[key] !== undefined) out[key] = data[key];
  for (const key of Object.keys(data)) if (!(key in out) && data[key] !== undefined) out[key] = data[key];
  return out;
}
