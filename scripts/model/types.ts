// The model: the validated article as typed, plain data. Readers produce it, the graph and the
// writers consume it. It mirrors schemas/article.schema.json; dates are always strings here.

/** "1992", "2013-01" or "2020-11-02": the precision is the article's. */
export type DateString = string;

export type Comparison = "exactly" | "more-than" | "at-least" | "about";

export interface Count {
  value: number;
  comparison: Comparison;
  unit: string;
  /** The year the figure is for ("23,066 (2024)"). */
  asOf?: DateString;
  asWritten?: string;
}

/** An amount of money: the amount, its ISO 4217 currency when the article gives it, the year it is for. */
export interface Money {
  amount: number;
  currency?: string;
  comparison?: Comparison;
  asOf?: DateString;
  asWritten?: string;
}

/** The organization's amounts of money, for the model's type (their properties and order: the mapping table, schemas/infobox-mapping.json). */
export const MONEY_KEYS = ["revenue", "expenses", "endowment", "budget", "assets", "operatingIncome", "netIncome", "equity", "gdp"] as const;
export type MoneyKey = (typeof MONEY_KEYS)[number];

/**
 * A fact of an entity the article's prose states, as the importer found it: its field (and, of a
 * list, its items), the section and the sentence, and whether a curator has confirmed it. With
 * `contradicts`, a fact the prose states against the infobox, which is not exported.
 */
export interface ProseFact {
  field: string;
  values?: string[];
  section: string;
  sentence: string;
  reviewed: boolean;
  says?: string;
  contradicts?: string;
}

/** Fields every entity has: an id (unique in the article) and where in the article it comes from. */
export interface EntityBase {
  id: string;
  section: string;
  /** Per-field overrides of `section`. */
  sections?: Record<string, string>;
  /** Facts of the entity the prose states (the organization's, in an imported draft). */
  prose?: ProseFact[];
  /** Its Wikidata item ("Q16"): schema:sameAs http://www.wikidata.org/entity/Q16. */
  wikidata?: string;
}

export interface Membership extends Count {
  id: string;
  section: string;
  countries?: number;
}

export interface Organization extends EntityBase, Partial<Record<MoneyKey, Money>> {
  type: string;
  /** A class of another vocabulary (Wikidata) for kinds schema.org has no type for. */
  additionalType?: string;
  name: string;
  legalName?: string;
  fate?: string;
  locations?: string[];
  subOrganizations?: string[];
  memberOf?: string[];
  predecessors?: string[];
  successors?: string[];
  owners?: string[];
  founders?: string[];
  keyPeople?: string[];
  industries?: string[];
  products?: string[];
  slogans?: string[];
  identifiers?: string[];
  languages?: string[];
  employees?: Count;
  volunteers?: Count;
  population?: Count;
  taxId?: string;
  logo?: string;
  category?: string;
  formerNames?: string[];
  alternateNames?: string[];
  description?: string;
  foundingDate?: DateString;
  foundingPlace?: string;
  founderCount?: number;
  foundingEvent?: string;
  dissolutionDate?: DateString;
  location?: string;
  /** The street address and postal code at its location (its schema:PostalAddress). */
  streetAddress?: string;
  postalCode?: string;
  parentOrganization?: string;
  areaServed?: string[];
  focus?: string[];
  methods?: string[];
  activities?: string[];
  mandate?: { summary: string; issues?: string[]; rightsOf?: string[] };
  membership?: Membership[];
  homepage?: string;
}

export interface Person extends EntityBase {
  name: string;
  description?: string;
  jobTitle?: string;
  /** What qualifies the role: "interim", "acting", "emeritus" ("Leader Name: X (interim)"). */
  roleQualifier?: string;
  worksFor?: string;
  nationality?: string;
  relatedEvents?: string[];
}

export type PlaceType = "Place" | "City" | "State" | "Country" | "AdministrativeArea" | "Continent";

export interface Place extends EntityBase {
  type: PlaceType;
  name: string;
  alternateNames?: string[];
  containedIn?: string;
}

export interface Schedule {
  month: number;
  day: number;
  repeat: "yearly";
}

export interface Event extends EntityBase {
  type: string;
  category: string;
  name: string;
  alternateNames?: string[];
  description?: string;
  startDate?: DateString;
  endDate?: DateString;
  schedule?: Schedule;
  designatedBy?: string;
  designationDate?: DateString;
  location?: string;
  organizer?: string;
  performers?: string[];
  attendees?: string[];
  addressedTo?: string;
  about?: string[];
  participants?: Count;
  superEvent?: string;
  workFeatured?: string;
  celebrates?: string;
  quote?: string;
  distinction?: string;
  endReason?: string;
}

export interface Work extends EntityBase {
  type: string;
  name: string;
  genre?: string;
  description?: string;
  url?: string;
  publisher?: string;
  inLanguage?: string[];
  startDate?: DateString;
  isPartOf?: string;
  marks?: string;
  subjects?: Count;
  temporalCoverageFrom?: DateString;
}

export interface Topic extends EntityBase {
  name: string;
}

export interface Milestone extends EntityBase {
  description: string;
  startDate?: DateString;
  endDate?: DateString;
  dateQualifier?: string;
}

export type InfoboxFieldType = "text" | "date" | "place" | "count" | "url" | "money" | "display";

export interface InfoboxField {
  label: string;
  value: string;
  type: InfoboxFieldType;
  place?: string;
  /** For a date the value writes in words: its ISO form ("20 March 1970, (as ACCT)" → 1970-03-20). */
  date?: DateString;
  endDate?: DateString;
  /** For a count the value does not start with ("100+", "23,066 (2024)"). */
  count?: { value: number; comparison: Comparison; unit: string; asOf?: DateString };
  money?: Money;
  /** The importer's flag for a curator on a value it is not sure of (not exported). */
  review?: Review;
}

/** Why a person should look at a value, the line of the article's text it comes from, and whether one has. */
export interface Review {
  why: string;
  line?: number;
  reviewed: boolean;
}

/** A paragraph or a list of the article's text, as written. */
export type TextBlock = { paragraph: string } | { list: string[] };

/** The article's text, kept for curation (not part of the graph). */
export interface ArticleBody {
  lead?: TextBlock[];
  sections?: { title: string; level: number; blocks?: TextBlock[] }[];
}

export interface Article {
  slug: string;
  title: string;
  language: string;
  subject: string;
  sections: string[];
  seeAlso?: string[];
  /** Where the article's text is published, for attribution. */
  source?: ArticleSource;
  /** The license of the article's text; the exports derive from it. */
  license?: ArticleLicense;
}

export interface ArticleSource {
  title: string;
  publisher?: string;
  url: string;
}

export interface ArticleLicense {
  /** SPDX identifier, e.g. "CC-BY-SA-4.0". */
  id: string;
  title?: string;
  url: string;
}

/** One article, validated. Lists keep the order of the source file. */
export interface ArticleModel {
  /** The source file it was read from, as named on the command line (for messages only). */
  file: string;
  article: Article;
  infobox: { title: string; fields: InfoboxField[] };
  organizations: Organization[];
  people: Person[];
  places: Place[];
  events: Event[];
  works: Work[];
  topics: Topic[];
  milestones: Milestone[];
  text?: ArticleBody;
}

/** The kinds of entity, with the key of the list that holds them. */
export const ENTITY_LISTS = ["organizations", "people", "places", "events", "works", "topics", "milestones"] as const;
export type EntityList = (typeof ENTITY_LISTS)[number];
