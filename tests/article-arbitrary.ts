// fast-check arbitraries: random valid articles whose every text is drawn from hostile strings
// (quotes, backslashes, line breaks, Turtle and HTML syntax, formula starts, right-to-left text,
// combining marks, emoji, bidirectional controls, edge spaces, long strings) mixed with random
// Unicode; and the YAML a person could have written for them.

import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { parse, stringify } from "yaml";

/** Strings that have broken exporters: each must come back exactly from every artifact. */
export const HOSTILE = [
  '"', "'", "\\", "\\n", "\\u0041", "\n", "\t", "\r", "\r\n", '"""', "'''", '""', "''",
  "@prefix evil: <http://evil.example/> .", "@id", "@context", "@type", "@value", "@graph", "@json", "@none", "@vocab", "schema:name", "http://schema.org/name", "https://org-articles.example/ifex#ifex", "\n@prefix x: <y> .\n", "<http://evil.example/>", "_:b0", "^^xsd:string", "@en", " ; ", " . ", "#",
  "</script><script>alert(1)</script>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&", "<b>bold</b>", "\u2028", "\u2029",
  "=1+1", "+1", "-1", "@SUM(A1)", '=HYPERLINK("http://evil.example","x")', "\n=cmd|' /C calc'!A0", " =1", "\t=1", "'quoted", "＝1", "＠x", ",", ";",
  "مرحبا بالعالم", "שלום עולם", "e\u0301", "n\u0303o", "\u0915\u094D\u0937", "👩🏽‍🚀", "🇨🇦", "😀", "\u{1F600}\u{1F601}",
  "\u202Eevil\u202C", "\u2066isolate\u2069", "\u200F", "\u200E", "\u061C", "\u200B", "\u00AD", "\uFEFF",
  " ", "  leading", "trailing  ", "\u00A0", "\u3000",
  "null", "~", "true", "no", "1992", "0x1F", "1e3", ".inf", "- item", "key: value", "? x", "*alias", "&anchor", "!tag", "%YAML", "---", "...", "{a: 1}", "[1, 2]", "|", ">",
  "{{x}}", "${x}", "%s", "\\\\", "\\\"",
];

/** Characters no artifact can carry (lib/characters.ts, carriage return included): left out of valid texts. */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constantFrom("IFEX", "Toronto", "free expression", "Reporters", "x") },
);

/** A valid text: one or more pieces, without refused characters, never empty. */
export const text = fc.oneof(
  { weight: 30, arbitrary: fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => parts.join("").replace(FORBIDDEN, "") || "x") },
  // Very long, up to the schema's limit of 10 000 characters.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 1000, max: 9900 })).map(([h, n]) => `${h.replace(FORBIDDEN, "")}${"ab\u0301 ".repeat(Math.floor(n / 4))}`) },
);

/** A section title: one line, no controls at all. */
export const section = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "grapheme", maxLength: 4 })), { minLength: 1, maxLength: 3 })
  .map((parts) => [...parts.join("").replace(FORBIDDEN, "").replace(/[\u0000-\u001F]/g, "")].slice(0, 150).join("") || "Lead");

const date = fc.tuple(fc.integer({ min: 1000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom(4, 7, 10)).map(([y, m, d, length]) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`.slice(0, length),
);

const languages = ["en", "fr", "ar", "he", "ja", "zh-Hant", "pt-BR", "hi"] as const;

export interface GeneratedArticle {
  data: Record<string, unknown>;
  yaml: string;
  /** 0–99, drawn with the article: lets a test run its costly checks on a share of the cases, reproducibly. */
  probe: number;
}

/** A whole valid article: 1–2 organizations, places, people, events, works, topics and milestones, hostile text everywhere. */
export const article: fc.Arbitrary<GeneratedArticle> = fc
  .record({
    slug: fc.constantFrom("gen", "org-two", "a1"),
    language: fc.constantFrom(...languages),
    title: text,
    sections: fc.uniqueArray(section, { minLength: 1, maxLength: 3 }),
    infobox: fc.record({ title: text, fields: fc.uniqueArray(fc.record({ label: text, value: text }), { minLength: 1, maxLength: 3, selector: (f) => f.label }) }),
    orgs: fc.array(
      fc.record({
        name: text,
        description: fc.option(text, { nil: undefined }),
        alternateNames: fc.uniqueArray(text, { maxLength: 2 }),
        founded: fc.option(date, { nil: undefined }),
        homepage: fc.option(fc.constantFrom("https://example.org/", "http://example.org/a?b=c&d=%3Ce%3E#f", "https://xn--r8jz45g.jp/"), { nil: undefined }),
        mandate: fc.option(fc.record({ summary: text, rightsOf: fc.uniqueArray(text, { maxLength: 2 }) }), { nil: undefined }),
        members: fc.option(fc.record({ value: fc.nat(), comparison: fc.constantFrom("exactly", "more-than", "at-least", "about"), unit: text, asWritten: fc.option(text, { nil: undefined }) }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    places: fc.array(fc.record({ name: text, alternateNames: fc.uniqueArray(text, { maxLength: 1 }) }), { maxLength: 2 }),
    people: fc.array(fc.record({ name: text, jobTitle: fc.option(text, { nil: undefined }) }), { maxLength: 1 }),
    events: fc.array(fc.record({ name: text, quote: fc.option(text, { nil: undefined }), start: date, participants: fc.option(fc.record({ value: fc.nat(1000), unit: text }), { nil: undefined }) }), { maxLength: 1 }),
    works: fc.array(fc.record({ name: text, genre: fc.option(text, { nil: undefined }), url: fc.option(fc.constant("https://example.org/work"), { nil: undefined }) }), { maxLength: 1 }),
    topics: fc.array(text, { maxLength: 2 }),
    milestones: fc.array(fc.record({ description: text, qualifier: fc.option(text, { nil: undefined }), end: date }), { maxLength: 1 }),
    pick: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
    probe: fc.integer({ min: 0, max: 99 }),
    yamlStyle: fc.record({ lineWidth: fc.constantFrom(0, 20, 80), defaultStringType: fc.constantFrom("PLAIN", "QUOTE_DOUBLE", "QUOTE_SINGLE", "BLOCK_LITERAL", "BLOCK_FOLDED") as fc.Arbitrary<"PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED"> }),
  })
  .map((g) => {
    const pick = <T>(list: readonly T[], i: number): T => list[g.pick[i % g.pick.length]! % list.length]!;
    const sectionOf = (i: number) => pick(g.sections, i);
    const placeIds = g.places.map((_, i) => `place-${i}`);
    const topicIds = g.topics.map((_, i) => `topic-${i}`);
    const organizations = g.orgs.map((o, i) => ({
      id: `org-${i}`,
      section: sectionOf(i),
      type: i === 0 ? "NGO" : "Organization",
      name: o.name,
      ...(o.description !== undefined && { description: o.description }),
      ...(o.alternateNames.length > 0 && { alternateNames: o.alternateNames }),
      ...(o.founded !== undefined && { foundingDate: o.founded }),
      ...(placeIds.length > 0 && { location: pick(placeIds, i + 1) }),
      ...(topicIds.length > 0 && { focus: [pick(topicIds, i + 2)] }),
      ...(o.homepage !== undefined && { homepage: o.homepage }),
      ...(o.mandate !== undefined && { mandate: { summary: o.mandate.summary, ...(o.mandate.rightsOf.length > 0 && { rightsOf: o.mandate.rightsOf }) } }),
      ...(o.members !== undefined && {
        membership: [{ id: `members-${i}`, section: sectionOf(i + 3), value: o.members.value, comparison: o.members.comparison, unit: o.members.unit, ...(o.members.asWritten !== undefined && { asWritten: o.members.asWritten }) }],
      }),
    }));
    const data: Record<string, unknown> = {
      article: { slug: g.slug, title: g.title, language: g.language, subject: "org-0", sections: g.sections, ...(topicIds.length > 0 && { seeAlso: topicIds }) },
      infobox: { title: g.infobox.title, fields: g.infobox.fields.map((f) => ({ label: f.label, value: f.value, type: "text" })) },
      organizations,
    };
    if (g.places.length > 0) {
      data.places = g.places.map((p, i) => ({
        id: placeIds[i],
        section: sectionOf(i + 4),
        type: i === 0 ? "Country" : "City",
        name: p.name,
        ...(p.alternateNames.length > 0 && { alternateNames: p.alternateNames }),
        ...(i > 0 && { containedIn: "place-0" }),
      }));
    }
    if (g.people.length > 0) data.people = g.people.map((p, i) => ({ id: `person-${i}`, section: sectionOf(i + 5), name: p.name, ...(p.jobTitle !== undefined && { jobTitle: p.jobTitle }), worksFor: "org-0" }));
    if (g.events.length > 0) {
      data.events = g.events.map((e, i) => ({
        id: `event-${i}`,
        section: sectionOf(i + 6),
        category: "campaign",
        name: e.name,
        startDate: e.start,
        organizer: "org-0",
        ...(e.quote !== undefined && { quote: e.quote }),
        ...(e.participants !== undefined && { participants: { value: e.participants.value, comparison: "about", unit: e.participants.unit } }),
      }));
    }
    if (g.works.length > 0) data.works = g.works.map((w, i) => ({ id: `work-${i}`, section: sectionOf(i + 7), type: "WebSite", name: w.name, ...(w.genre !== undefined && { genre: w.genre }), ...(w.url !== undefined && { url: w.url }), publisher: "org-0", inLanguage: [g.language] }));
    if (topicIds.length > 0) data.topics = g.topics.map((name, i) => ({ id: topicIds[i], section: sectionOf(i + 8), name }));
    if (g.milestones.length > 0) data.milestones = g.milestones.map((m, i) => ({ id: `milestone-${i}`, section: sectionOf(i + 9), description: m.description, endDate: m.end, ...(m.qualifier !== undefined && { dateQualifier: m.qualifier }) }));
    // The yaml library's writer is not always faithful (at narrow widths it can fold a line break into
    // a text, split a surrogate pair, or drop a lone space): keep a style only when it reads back the same.
    const styled = stringify(data, { lineWidth: g.yamlStyle.lineWidth, defaultStringType: g.yamlStyle.defaultStringType });
    FORBIDDEN.lastIndex = 0;
    const faithful = !FORBIDDEN.test(styled) && isDeepStrictEqual(parse(styled), data);
    return { data, yaml: faithful ? styled : stringify(data, { lineWidth: 0, defaultStringType: "QUOTE_DOUBLE" }), probe: g.probe };
  });
