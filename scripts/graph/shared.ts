// Shared entities: one node per country, region, city, language and topic across the corpus.
//
// Each is `<base>corpus#<id>`, whichever articles mention it and however they spell it. They come
// from source/corpus.yaml (declared, referred to as corpus/<id>) and from the gazetteer
// (scripts/gazetteer/): an article's place of type Country, State or City that the gazetteer knows,
// and every language code of `inLanguage`, is resolved to the shared entity of the same ISO code or
// GeoNames id (a declared one where the corpus declares it, else one the gazetteer describes); a
// topic is shared by its name. Their statements depend only on these tables, never on the article,
// so every article that uses one states the same triples about it.

import { countryByIso2, findCity, findCountry, findLanguage, findRegion, findRegions, foldName, type City, type Region } from "../gazetteer/index.ts";
import { Namespaces } from "./namespaces.ts";

export type SharedKind = "places" | "languages" | "topics";

export interface SharedEntity {
  id: string;
  kind: SharedKind;
  /** schema.org type: Country, State, City, … for places; Language; DefinedTerm. */
  type: string;
  name: string;
  alternateNames: string[];
  /** Id of the shared place it lies in. */
  containedIn?: string;
  wikidata?: string;
  /** Countries: ISO 3166-1 alpha-2. */
  iso2?: string;
  /** Regions: GeoNames' first-level code ("CA.08"). */
  regionCode?: string;
  /** Cities: GeoNames id. */
  geonamesId?: number;
  /** Languages: ISO 639-1 code where there is one, else 639-3 ("fr"). */
  code?: string;
  /** Where it comes from: source/corpus.yaml or the gazetteer. */
  declared?: boolean;
}

export interface CorpusSettings {
  /** Where IRIs are minted. */
  base: string;
  /** The base is the example one (no base set): the summary line says so. */
  exampleBase: boolean;
  baseFrom: "default" | "corpus.yaml" | "--base";
  /** Shared entities declared in source/corpus.yaml. */
  shared: SharedEntity[];
}

export const DEFAULT_SETTINGS: CorpusSettings = { base: "https://org-articles.example/", exampleBase: true, baseFrom: "default", shared: [] };

/** A place of an article, as the resolution needs it. */
export interface PlaceLike {
  id: string;
  type: string;
  name: string;
  alternateNames?: string[];
  containedIn?: string;
}

const PLACE_NAME = /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} .,'’()&-]*$/u;

/** One article's places as `resolvePlaces` works through them: by id, resolved, being resolved. */
interface PlacesResolution {
  byId: Map<string, PlaceLike>;
  out: Map<string, string>;
  visiting: Set<string>;
}

export class SharedIndex {
  readonly entities = new Map<string, SharedEntity>();
  private readonly byCountry = new Map<string, string>();
  private readonly byRegion = new Map<string, string>();
  private readonly byCity = new Map<number, string>();
  private readonly byLanguage = new Map<string, string>();
  private readonly byName = new Map<string, string>();
  /** Answers of `placeIn` and `language`, by their arguments. */
  private readonly placesResolved = new Map<string, string | undefined>();
  private readonly languagesResolved = new Map<string, string | undefined>();

  constructor(declared: readonly SharedEntity[]) {
    for (const e of declared) this.entities.set(e.id, { ...e, declared: true });
    // Declared places get their codes from the gazetteer where they do not state them.
    for (const e of this.entities.values()) this.complete(e);
    for (const e of this.entities.values()) {
      if (e.iso2 && e.type === "Country") this.byCountry.set(e.iso2, e.id);
      if (e.regionCode) this.byRegion.set(e.regionCode, e.id);
      if (e.geonamesId) this.byCity.set(e.geonamesId, e.id);
      if (e.kind === "languages" && e.code) this.byLanguage.set(e.code, e.id);
      for (const name of [e.name, ...e.alternateNames]) this.byName.set(`${e.kind}:${foldName(name)}`, e.id);
    }
  }

  private complete(e: SharedEntity): void {
    if (e.kind === "languages") {
      const language = findLanguage(e.code ?? e.name);
      if (language) {
        e.code ??= language.iso6391 ?? language.iso6393;
        e.wikidata ??= language.wikidata;
      }
      return;
    }
    if (e.kind !== "places") return;
    if (e.type === "Country") {
      const country = e.iso2 ? countryByIso2(e.iso2) : [e.name, ...e.alternateNames].map(findCountry).find((c) => c && !c.part);
      if (country) e.iso2 ??= country.iso2;
      if (country?.wikidata) e.wikidata ??= country.wikidata;
      return;
    }
    const container = e.containedIn ? this.entities.get(e.containedIn) : undefined;
    if (container && !container.iso2 && !container.regionCode) this.complete(container);
    const iso2 = container?.iso2 ?? (container?.regionCode ? container.regionCode.slice(0, 2) : undefined);
    if (e.type === "State" || e.type === "AdministrativeArea") {
      const region = findRegion(e.name, iso2);
      if (region) e.regionCode ??= region.code;
      if (region?.wikidata) e.wikidata ??= region.wikidata;
    } else if (e.type === "City" && e.geonamesId === undefined) {
      const city = findCity(e.name, iso2, container?.regionCode);
      if (city) e.geonamesId = city.geonamesId;
    }
  }

  /** A shared entity by id (declared, or made from the gazetteer by this index). */
  get(id: string): SharedEntity | undefined {
    return this.entities.get(id);
  }

  /**
   * A shared entity by id, made from the gazetteer if need be: what `corpus/<id>` may name without
   * source/corpus.yaml declaring it (a country, region, city or language by the id the gazetteer
   * gives it: corpus/canada, corpus/ontario, corpus/london, corpus/french). A pure function of the
   * id, so every thread agrees.
   */
  ensure(id: string): SharedEntity | undefined {
    const had = this.entities.get(id);
    if (had) return had;
    const name = id.replace(/-/g, " ");
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const country = countryByIso2(String.fromCharCode(a, b));
        if (country?.id === id) return this.entities.get(this.country(country.iso2)!);
      }
    }
    const language = findLanguage(name);
    if (language && language.id === id) return this.entities.get(this.language(language.iso6391 ?? language.iso6393 ?? name)!);
    const city = findCity(name);
    if (city) {
      const made = this.city(city);
      if (made === id) return this.entities.get(made);
    }
    for (const region of findRegions(name.replace(/ region$/, ""))) {
      const made = this.region(region);
      if (made === id) return this.entities.get(made);
    }
    return undefined;
  }

  private add(e: SharedEntity): string {
    const had = this.entities.get(e.id);
    if (had) return had.id;
    this.entities.set(e.id, e);
    return e.id;
  }

  /** The id an entity from the gazetteer gets: its own, unless a declared entity or a country has it. */
  private freeId(id: string, suffix: string): string {
    const taken = (candidate: string) => {
      const had = this.entities.get(candidate);
      return (had !== undefined && had.declared) || countryIdTaken(candidate);
    };
    return taken(id) ? `${id}-${suffix}` : id;
  }

  country(iso2: string): string | undefined {
    const declared = this.byCountry.get(iso2);
    if (declared) return declared;
    const country = countryByIso2(iso2);
    if (!country) return undefined;
    const id = this.entities.get(country.id)?.declared ? `${country.id}-${iso2.toLowerCase()}` : country.id;
    return this.add({ id, kind: "places", type: "Country", name: country.name, alternateNames: [], iso2: country.iso2, ...(country.wikidata && { wikidata: country.wikidata }) });
  }

  region(region: Region): string {
    const declared = this.byRegion.get(region.code);
    if (declared) return declared;
    const countryId = this.country(region.countryIso2);
    // A region is named after its city often (Quebec, Geneva): the city keeps the plain id.
    const cityOfName = findCity(region.name, region.countryIso2);
    const id = this.freeId(cityOfName || countryIdTaken(region.id) ? `${region.id}-region` : region.id, region.code.replace(".", "-").toLowerCase());
    return this.add({ id, kind: "places", type: "State", name: region.name, alternateNames: [], regionCode: region.code, ...(region.wikidata && { wikidata: region.wikidata }), ...(countryId && { containedIn: countryId }) });
  }

  city(city: City): string {
    const declared = this.byCity.get(city.geonamesId);
    if (declared) return declared;
    const parent = city.region ? this.region(city.region) : this.country(city.countryIso2);
    const id = this.freeId(city.id, `${city.countryIso2.toLowerCase()}-${city.geonamesId}`);
    return this.add({ id, kind: "places", type: "City", name: city.name, alternateNames: [], geonamesId: city.geonamesId, ...(parent && { containedIn: parent }) });
  }

  /** The shared entity of a language code (the same code is looked up once per index: see `placeIn`). */
  language(code: string): string | undefined {
    if (this.languagesResolved.has(code)) return this.languagesResolved.get(code);
    const found = this.languageOf(code);
    this.languagesResolved.set(code, found);
    return found;
  }

  private languageOf(code: string): string | undefined {
    const language = findLanguage(code);
    const key = language?.iso6391 ?? language?.iso6393 ?? code;
    const declared = this.byLanguage.get(key) ?? (language ? this.byName.get(`languages:${foldName(language.name)}`) : undefined);
    if (declared) return declared;
    if (!language) return undefined;
    const id = this.freeId(language.id, "language");
    return this.add({ id, kind: "languages", type: "Language", name: language.name, alternateNames: [], code: key, wikidata: language.wikidata });
  }

  /**
   * The shared entity each place of an article stands for, by local id: a Country, State or City the
   * gazetteer knows (its container's country and region narrowing the city), or a declared place of
   * the same name and kind. Places it cannot place stay the article's own.
   */
  resolvePlaces(places: readonly PlaceLike[], topics: readonly { id: string; name: string }[] = []): Map<string, string> {
    const resolution: PlacesResolution = { byId: new Map(), out: new Map(), visiting: new Set() };
    for (const p of places) resolution.byId.set(p.id, p);
    for (const p of places) this.resolveInArticle(p, resolution);
    // A topic is shared when source/corpus.yaml declares it (by its name or an alternate name): an
    // undeclared one stays the article's own, since articles may spell one topic several ways and a
    // shared node must have one name whichever article is made first.
    for (const t of topics) {
      const declared = this.byName.get(`topics:${foldName(t.name)}`);
      if (declared !== undefined) resolution.out.set(t.id, declared);
    }
    return resolution.out;
  }

  /** A place of the article, its container first (methods, not closures: see graph/build.ts's GraphBuilder). */
  private resolveInArticle(p: PlaceLike, resolution: PlacesResolution): string | undefined {
    const { out, visiting } = resolution;
    if (out.has(p.id)) return out.get(p.id);
    if (visiting.has(p.id)) return undefined;
    visiting.add(p.id);
    // Only what can be a region or city is looked up in its container (a country is not).
    let parentId: string | undefined;
    if (!p.containedIn || p.type === "Country" || !PLACE_NAME.test(p.name)) parentId = undefined;
    else if (p.containedIn.startsWith("corpus/")) parentId = p.containedIn.slice("corpus/".length);
    else {
      const parent = resolution.byId.get(p.containedIn);
      parentId = parent ? this.resolveInArticle(parent, resolution) : undefined;
    }
    const found = this.placeIn(p, parentId);
    if (found) out.set(p.id, found);
    return found;
  }

  /**
   * The shared entity of a place of this type and name in that container, looked up once per index:
   * the answer depends on nothing else (the declared entities are fixed, and the entities made from
   * the gazetteer have the same id whenever they are made), and corpora name the same places often.
   */
  private placeIn(p: PlaceLike, parentId: string | undefined): string | undefined {
    const key = `${p.type}\t${parentId ?? ""}\t${p.name}`;
    if (this.placesResolved.has(key)) return this.placesResolved.get(key);
    const found = this.resolvePlace(p, parentId);
    this.placesResolved.set(key, found);
    return found;
  }

  private resolvePlace(p: PlaceLike, parentId: string | undefined): string | undefined {
    // A name as places are written (letters, digits, spaces, . , ' - ( ) &: "Washington, D.C."): anything else is not taken for a place's name.
    if (!PLACE_NAME.test(p.name)) return undefined;
    // By its name: the article's other names may be of something else (a former name, a part).
    const byName = this.byName.get(`places:${foldName(p.name)}`);
    const declaredByName = byName && this.entities.get(byName)?.type === p.type ? byName : undefined;
    if (p.type === "Country") {
      const country = findCountry(p.name);
      if (country && !country.part) return this.country(country.iso2);
      return declaredByName;
    }
    const parent = parentId ? this.entities.get(parentId) : undefined;
    const iso2 = parent?.iso2 ?? parent?.regionCode?.slice(0, 2);
    if (p.type === "State" || p.type === "AdministrativeArea") {
      const region = findRegion(p.name, iso2);
      if (region) return this.region(region);
      return declaredByName;
    }
    if (p.type === "City") {
      const city = findCity(p.name, iso2, parent?.regionCode);
      if (city) return this.city(city);
      return declaredByName;
    }
    return declaredByName;
  }

  /** The country (ISO alpha-2) a shared place lies in, following containedIn. */
  countryOf(id: string): string | undefined {
    for (let e = this.entities.get(id), n = 0; e && n < 10; e = e.containedIn ? this.entities.get(e.containedIn) : undefined, n++) {
      if (e.type === "Country" && e.iso2) return e.iso2;
      if (e.regionCode) return e.regionCode.slice(0, e.regionCode.indexOf("."));
    }
    return undefined;
  }
}

let countryIds: Set<string> | undefined;
function countryIdTaken(id: string): boolean {
  if (!countryIds) {
    countryIds = new Set();
    for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) {
      const c = countryByIso2(String.fromCharCode(a, b));
      if (c) countryIds.add(c.id);
    }
  }
  return countryIds.has(id);
}

/**
 * What every article of one export shares: where its IRIs are minted, and the corpus's shared
 * entities. Made once per export (and once per worker thread) from the corpus's settings. Its index
 * of shared entities is made when first asked for (completing the declared entities asks the
 * gazetteer) and grows as articles name places: the same on every thread, since an entity's id
 * depends only on the gazetteer's and source/corpus.yaml's tables.
 */
export class CorpusContext {
  readonly iris: Namespaces;
  private index: SharedIndex | undefined;

  constructor(readonly settings: CorpusSettings = DEFAULT_SETTINGS) {
    this.iris = new Namespaces(settings.base);
  }

  get shared(): SharedIndex {
    return (this.index ??= new SharedIndex(this.settings.shared));
  }
}

/**
 * One article's IRIs: its entities', where a place or topic that stands for a shared entity of the
 * corpus is that entity's (`redirects`: local id → shared id, resolved once per article).
 */
export class ArticleIris {
  readonly slug: string;
  readonly iris: Namespaces;
  readonly shared: SharedIndex;
  readonly redirects: ReadonlyMap<string, string>;

  constructor(corpus: CorpusContext, model: { article: { slug: string }; places: readonly PlaceLike[]; topics: readonly { id: string; name: string }[] }) {
    this.slug = model.article.slug;
    this.iris = corpus.iris;
    this.shared = corpus.shared;
    this.redirects = corpus.shared.resolvePlaces(model.places, model.topics);
  }

  /** The IRI a reference of the article stands for: the shared entity's where its place or topic is one. */
  ref(id: string): string {
    const shared = this.redirects.get(id);
    return shared !== undefined ? this.iris.sharedIri(shared) : this.iris.entityIri(this.slug, id);
  }

  /** The IRI of one of the article's entities (or "slug/id" of another article's), never redirected. */
  entity(id: string): string {
    return this.iris.entityIri(this.slug, id);
  }
}

