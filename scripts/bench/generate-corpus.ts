// A synthetic corpus for the benchmark: articles shaped like source/ifex.yaml (an organization with
// its infobox, other organizations, people, a place hierarchy, events, works, topics, milestones),
// with names in many scripts, and references between articles: members of a network refer to the
// network's organization and events, as IFEX's member organizations would.
//
// Deterministic: the same count gives the same files, byte for byte (a seeded generator, no clock).

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast, and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "free", "press", "voice", "open", "media", "rights", "watch", "forum", "centre", "network", "alliance", "union", "liberty",
  "expression", "journalists", "writers", "archive", "monitor", "council", "foundation", "initiative", "coalition",
];
// Non-ASCII on purpose: accents, other scripts, a character outside the Basic Multilingual Plane.
const NAMES = [
  "Société", "Ōtepoti", "São Paulo", "Kraków", "Zürich", "Reykjavík", "Łódź", "Ñandutí", "Čeština", "İstanbul",
  "حرية التعبير", "言論の自由", "Свобода слова", "Ελευθερία", "स्वतंत्रता", "자유", "Tự do", "𝔉𝔯𝔢𝔢", "Ἀλήθεια", "Māori",
];
const COUNTRIES = ["Canada", "Brasil", "Polska", "Schweiz", "Ísland", "Türkiye", "Việt Nam", "Aotearoa", "Éire", "México", "Nigeria", "日本"];
const CATEGORIES = ["campaign", "observance", "meeting", "advocacy", "exhibition", "crime", "launch", "other"] as const;
const WORK_TYPES = ["CreativeWorkSeries", "WebSite", "Periodical", "Dataset", "Report", "Book"];
const LANGS = ["en", "fr", "es", "ar", "pt", "de", "ja", "ru"];
const SECTIONS = ["Infobox", "Lead", "History", "Operations", "Campaigns and advocacy", "Online information", "See also"];

export interface GeneratedCorpus {
  dir: string;
  articles: number;
  bytes: number;
}

/** Writes `count` articles into `dir` (created), one network hub per 50 articles. */
export function generateCorpus(dir: string, count: number, seed = 20260101): GeneratedCorpus {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { slug, text } = article(i, count, random(seed + i * 7919));
    writeFileSync(join(dir, `${slug}.yaml`), text);
    bytes += Buffer.byteLength(text);
  }
  return { dir, articles: count, bytes };
}

/** Changes the title of the corpus's second article, as a person editing one article would. */
export function editOneArticle(dir: string): string {
  const file = join(dir, `${slugOf(1)}.yaml`);
  const text = readFileSync(file, "utf8");
  const edited = text.replace(/^ {2}title: (.*)$/m, (_, title: string) => `  title: ${JSON.stringify(`${JSON.parse(title) as string} (edited)`)}`);
  if (edited === text) throw new Error(`${file}: no title line to edit`);
  writeFileSync(file, edited);
  return file;
}

const HUB_EVERY = 50;
const slugOf = (i: number) => (i % HUB_EVERY === 0 ? `network-${String(i / HUB_EVERY).padStart(4, "0")}` : `org-${String(i).padStart(5, "0")}`);

function article(i: number, count: number, rnd: () => number): { slug: string; text: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const title = (n: number) => words(n).replace(/\b\w/g, (c) => c.toUpperCase());
  const sentence = (n: number) => `${pick(NAMES)} ${words(n)}, ${pick(NAMES)} ${words(Math.max(2, n - 3))}.`;
  const q = (s: string) => JSON.stringify(s);
  const year = () => between(1950, 2020);
  const date = () => {
    const y = year();
    const r = rnd();
    return r < 0.4 ? `${y}` : r < 0.7 ? `${y}-${String(between(1, 12)).padStart(2, "0")}` : `${y}-${String(between(1, 12)).padStart(2, "0")}-${String(between(1, 28)).padStart(2, "0")}`;
  };

  const slug = slugOf(i);
  const hub = i % HUB_EVERY === 0;
  // Members (one article in three) refer to their network's organization, place and meeting.
  const network = !hub && i % 3 === 0 && count > 1 ? slugOf(Math.floor(i / HUB_EVERY) * HUB_EVERY) : undefined;
  const name = `${pick(NAMES)} ${title(between(1, 3))}`;
  const founded = year();
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);

  // Places: one country, a region and a city (infobox location), plus a few more.
  const country = pick(COUNTRIES);
  const places: [string, string, string, string | undefined][] = [
    ["country", "Country", country, undefined],
    ["region", "State", `${pick(NAMES)} Region`, "country"],
    ["city", "City", `${pick(NAMES)} City`, "region"],
  ];
  for (let p = 0; p < between(2, 6); p++) places.push([`place-${p}`, pick(["City", "Country", "Place"]), `${pick(NAMES)} ${title(1)}`, p % 2 ? "country" : undefined]);
  const topics = Array.from({ length: between(4, 9) }, (_, t) => [`topic-${t}`, title(between(2, 4))] as const);
  const people = Array.from({ length: between(1, 4) }, (_, p) => [`person-${p}`, `${pick(NAMES)} ${title(1)}`] as const);
  const others = Array.from({ length: between(2, 5) }, (_, o) => [`org-${o}`, `${pick(NAMES)} ${title(between(1, 3))}`] as const);
  const events = Array.from({ length: between(6, 12) }, (_, e) => `event-${e}`);

  const ids = (list: readonly (readonly [string, ...unknown[]])[]) => list.map(([id]) => id).join(", ");
  out(`# yaml-language-server: $schema=../schemas/article.schema.json\n# Synthetic article ${i + 1} of ${count}, generated by scripts/bench/generate-corpus.ts.`);
  out(`article:\n  slug: ${slug}\n  title: ${q(`${name} (organization)`)}\n  language: en\n  subject: ${slug}\n  sections:\n${SECTIONS.map((s) => `    - ${s}`).join("\n")}`);
  out(`  seeAlso: [${ids(topics.slice(0, 2))}]\n\ninfobox:\n  title: ${q(name)}\n  fields:`);
  const field = (label: string, value: string, type: string, place?: string) => out(`    - label: ${label}\n      value: ${q(value)}\n      type: ${type}${place ? `\n      place: ${place}` : ""}`);
  field("Type", "Non-profit NGO", "text");
  field("Founded Date", String(founded), "date");
  field("Location", `${places[2]![2]}, ${places[1]![2]}, ${country}`, "place", "city");
  field("Area Served", pick(["Worldwide", country, "Regional"]), "text");
  field("Focus", topics[0]![1], "text");
  field("Num Members", `${between(5, 400)} independent organizations`, "count");
  if (rnd() < 0.7) field("Homepage", `https://${slug}.example.org/`, "url");
  out(`\norganizations:\n  - id: ${slug}\n    section: Infobox\n    type: NGO\n    name: ${q(name)}\n    category: Non-profit NGO`);
  out(`    formerNames: [${q(`${pick(NAMES)} ${title(2)}`)}]\n    description: >-\n      ${sentence(14)}\n      ${sentence(12)}\n    foundingDate: "${founded}"`);
  out(`    foundingPlace: city\n    founderCount: ${between(2, 30)}\n    foundingEvent: event-0\n    location: city`);
  if (network) out(`    parentOrganization: ${network}/${network}`);
  out(`    areaServed: [Worldwide]\n    focus: [${ids(topics.slice(0, 2))}]\n    methods: [Advocacy, Research]\n    activities:`);
  for (const activity of new Set(Array.from({ length: between(2, 5) }, () => words(between(4, 7))))) out(`      - ${q(activity)}`);
  out(`    mandate:\n      summary: ${q(sentence(10))}\n      issues: [${ids(topics.slice(1, 5))}]\n      rightsOf: [${[...new Set(Array.from({ length: between(3, 8) }, () => words(2)))].map(q).join(", ")}]`);
  out(`    membership:\n      - {id: ${slug}-members, section: Infobox, value: ${between(5, 400)}, comparison: exactly, unit: independent organizations}`);
  out(`      - {id: ${slug}-members-history, section: History, value: ${between(5, 400)}, comparison: more-than, unit: network members, countries: ${between(1, 90)}}`);
  if (rnd() < 0.7) out(`    homepage: https://${slug}.example.org/`);
  out("    sections:\n      description: Lead\n      foundingPlace: History\n      activities: Campaigns and advocacy");
  for (const [id, n] of others) {
    out(`  - id: ${id}\n    section: ${pick(SECTIONS.slice(1, 6))}\n    type: ${pick(["Organization", "NGO", "GovernmentOrganization"])}\n    name: ${q(n)}\n    description: ${q(sentence(8))}`);
    if (rnd() < 0.5) out(`    location: ${pick(places)[0]}`);
  }
  out("\npeople:");
  for (const [id, n] of people) out(`  - id: ${id}\n    section: Campaigns and advocacy\n    name: ${q(n)}\n    description: ${q(sentence(7))}\n    worksFor: ${rnd() < 0.5 ? slug : others[0]![0]}\n    relatedEvents: [${events[1]}]`);
  out("\nplaces:");
  for (const [id, type, n, within] of places) out(`  - {id: ${id}, section: History, type: ${type}, name: ${q(n)}${within ? `, containedIn: ${within}` : ""}}`);
  out("\nevents:");
  events.forEach((id, e) => {
    const start = date();
    out(`  - id: ${id}\n    section: ${e === 0 ? "History" : "Campaigns and advocacy"}\n    category: ${pick(CATEGORIES)}\n    name: ${q(`${title(between(2, 4))} ${start.slice(0, 4)}`)}\n    description: >-\n      ${sentence(12)}`);
    out(e === 2 ? "    schedule: {month: 5, day: 3, repeat: yearly}" : `    startDate: "${start}"`);
    if (e % 3 === 1 && start.length === 10) out(`    endDate: "${start.slice(0, 4)}-12-31"`);
    out(`    location: ${network && e === 1 ? `${network}/city` : pick(places)[0]}\n    organizer: ${e % 2 ? slug : others[e % others.length]![0]}`);
    if (network && e === 3) out(`    superEvent: ${network}/event-0`);
    if (e === 4) out(`    about: [${topics[0]![0]}, ${places[0]![0]}]`);
    if (e === 5) out(`    participants: {value: ${between(2, 200)}, comparison: exactly, unit: participants}`);
  });
  out("\nworks:");
  for (let w = 0; w < between(3, 6); w++) {
    out(`  - id: work-${w}\n    section: Online information\n    type: ${pick(WORK_TYPES)}\n    name: ${q(title(between(2, 4)))}\n    description: ${q(sentence(9))}`);
    out(`    publisher: ${slug}\n    inLanguage: [${Array.from(new Set([pick(LANGS), pick(LANGS)])).join(", ")}]`);
    if (w === 0) out(`    url: https://${slug}.example.org/works/${w}`);
  }
  out("\ntopics:");
  for (const [id, n] of topics) out(`  - {id: ${id}, section: Operations, name: ${q(n)}}`);
  out("\nmilestones:");
  for (let m = 0; m < between(1, 3); m++) out(`  - id: milestone-${m}\n    section: History\n    startDate: "${founded}"\n    endDate: "${founded + between(1, 20)}"\n    dateQualifier: over the next years\n    description: ${q(sentence(10))}`);
  return { slug, text: `${lines.join("\n")}\n` };
}
