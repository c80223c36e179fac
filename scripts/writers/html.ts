// Writer: model + graph → one self-contained web page a person can look at: the article's infobox
// (title, fields in the article's order, the homepage as a link), the timeline of its events, its
// people with their roles and its places (people-places.ts), and the JSON-LD embedded in <script type="application/ld+json">, byte for byte the .jsonld file.
//
// Nothing is loaded from anywhere: the style is inline, there is no script to run, no font, no
// image. A Content-Security-Policy that allows only this page's own style (by its hash) makes the
// browser refuse anything else, so a change that adds a request shows up as an error.

import { createHash } from "node:crypto";
import type { ArticleModel } from "../model/types.ts";
import type { InfoboxDocument, InfoboxFieldOut } from "./infobox.ts";
import { peopleAndPlaces, type PersonEntry, type PlaceEntry } from "./people-places.ts";
import { formatDate, timeline, type TimelineEntry } from "./timeline.ts";

// Close to the encyclopedia's own infobox: a bordered, grey box floating right, bold caption,
// labels left of the values.
const STYLE = `
body { margin: 0; background: #fff; color: #202122; font: 16px/1.6 sans-serif; }
main { max-width: 60em; margin: 0 auto; padding: 1em 1.5em 2em; }
h1 { font: normal 1.8em/1.3 serif; border-bottom: 1px solid #a2a9b1; margin: 0 0 0.5em; padding-bottom: 0.1em; }
h2 { font: normal 1.5em/1.3 serif; border-bottom: 1px solid #a2a9b1; margin: 1em 0 0.5em; }
a { color: #36c; }
.infobox { float: right; clear: right; width: 22em; margin: 0 0 1em 1em; padding: 0.2em; border: 1px solid #a2a9b1; border-spacing: 3px; background: #f8f9fa; font-size: 88%; line-height: 1.5em; }
.infobox caption { font-size: 125%; font-weight: bold; padding: 0.2em; }
.infobox th { text-align: left; vertical-align: top; padding-right: 0.6em; white-space: nowrap; }
.infobox td { vertical-align: top; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { margin: 0 0 0.8em; padding-left: 0.8em; border-left: 3px solid #a2a9b1; }
.timeline .when { font-weight: bold; }
.timeline .category { font-size: 80%; color: #54595d; border: 1px solid #c8ccd1; border-radius: 2px; padding: 0 0.3em; margin-left: 0.4em; }
.timeline p { margin: 0.2em 0 0; }
.people, .places { margin: 0; padding-left: 1.2em; }
.people li, .places li { margin: 0 0 0.5em; }
.people .roles, .places .within { color: #54595d; }
.people p, .places p { margin: 0.1em 0 0; }
@media (max-width: 40em) { .infobox { float: none; width: auto; margin: 0 0 1em; } }
footer { clear: both; margin-top: 2em; border-top: 1px solid #a2a9b1; font-size: 85%; color: #54595d; }
`;

/** The style's hash, for the Content-Security-Policy: the style is the same on every page. */
const STYLE_HASH = createHash("sha256").update(STYLE).digest("base64");

/** `jsonLd`: the article's .jsonld text, embedded as it is; `infobox`: its infobox document (infobox.ts). */
export function writeHtml(model: ArticleModel, jsonLd: string, infobox: InfoboxDocument): string {
  const { article } = model;
  const subject = subjectOf(model);
  const styleHash = STYLE_HASH;
  // The .jsonld file's exact text: its writer already escapes <, > and &, so no "</script>" can occur.
  return `<!DOCTYPE html>
<html lang="${attr(article.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${styleHash}'; base-uri 'none'; form-action 'none'">
<title>${text(article.title)}</title>
<style>${STYLE}</style>
<script type="application/ld+json">${jsonLd}</script>
</head>
<body>
<main>
<h1>${text(article.title)}</h1>
<table class="infobox">
<caption>${text(infobox.title)}</caption>
<tbody>
${lines(infobox.fields, infoboxRow)}
</tbody>
</table>
${subject?.description ? `<p class="lead">${text(subject.description)}</p>\n` : ""}<section>
<h2 id="timeline">Timeline</h2>
<ol class="timeline">
${lines(timeline(model), timelineItem)}
</ol>
</section>
${peopleAndPlacesSections(model)}${footer(model)}
</main>
</body>
</html>
`;
}

function infoboxRow(field: InfoboxFieldOut): string {
  const n = field.normalized;
  const value =
    n.type === "url" ? `<a href="${attr(n.url)}">${text(field.value)}</a>` : n.type === "date" ? `<time datetime="${attr(n.iso)}">${text(field.value)}</time>` : text(field.value);
  return `<tr><th scope="row">${text(field.label)}</th><td>${value}</td></tr>`;
}

function timelineItem(entry: TimelineEntry): string {
  const when =
    entry.endDate !== undefined
      ? `${time(entry.date)} – ${time(entry.endDate)}`
      : entry.qualifier !== undefined && entry.kind === "milestone"
        ? `${text(entry.qualifier)} ${time(entry.date)}`
        : time(entry.date);
  // The notes in this order, "; " between them; no paragraph without any.
  let notes = entry.endDate !== undefined && entry.qualifier ? entry.qualifier : undefined;
  if (entry.designatedBy) notes = notes === undefined ? `designated by ${entry.designatedBy}` : `${notes}; designated by ${entry.designatedBy}`;
  if (entry.recurrence !== undefined) notes = notes === undefined ? entry.recurrence : `${notes}; ${entry.recurrence}`;
  return (
    `<li id="${attr(entry.id)}" data-kind="${attr(entry.kind)}">` +
    `<span class="when">${when}</span> <span class="title">${text(entry.title)}</span><span class="category">${text(entry.category)}</span>` +
    (notes !== undefined ? `<p class="notes">${text(notes)}</p>` : "") +
    (entry.description ? `<p>${text(entry.description)}</p>` : "") +
    "</li>"
  );
}

/** The people, then the places; a section only when the article has some. */
function peopleAndPlacesSections(model: ArticleModel): string {
  const { people, places } = peopleAndPlaces(model);
  let out = "";
  if (people.length > 0) out += `<section>\n<h2 id="people">People</h2>\n<ul class="people">\n${lines(people, personItem)}\n</ul>\n</section>\n`;
  if (places.length > 0) out += `<section>\n<h2 id="places">Places</h2>\n<ul class="places">\n${lines(places, placeItem)}\n</ul>\n</section>\n`;
  return out;
}

function personItem(p: PersonEntry): string {
  const roles = p.roles.length > 0 ? ` <span class="roles">(${text(p.roles.join("; "))})</span>` : "";
  const details = [p.nationality !== undefined ? `Nationality: ${p.nationality}.` : "", p.description ?? ""].filter((d) => d !== "").join(" ");
  return `<li data-id="${attr(p.id)}"><span class="name">${text(p.name)}</span>${roles}${details ? `<p>${text(details)}</p>` : ""}</li>`;
}

function placeItem(p: PlaceEntry): string {
  const within = p.within.length > 0 ? `, ${p.within.join(", ")}` : "";
  return (
    `<li data-id="${attr(p.id)}"><span class="name">${text(p.name)}</span><span class="within">${text(within)} (${text(p.kind)})</span>` +
    (p.here.length > 0 ? `<p>${text(p.here.join("; "))}</p>` : "") +
    "</li>"
  );
}

function time(date: string): string {
  return `<time datetime="${attr(date)}">${text(formatDate(date))}</time>`;
}

/** Each item's markup, a line break between them. (Module functions, not closures per call: see subjectOf.) */
function lines<T>(items: readonly T[], markup: (item: T) => string): string {
  let out = "";
  for (let i = 0; i < items.length; i++) out += i === 0 ? markup(items[i]!) : `\n${markup(items[i]!)}`;
  return out;
}

/** The article's subject. A loop rather than find(callback): under tsx each closure made per call costs a defineProperty. */
function subjectOf(model: ArticleModel): ArticleModel["organizations"][number] | undefined {
  for (const o of model.organizations) if (o.id === model.article.subject) return o;
  return undefined;
}

/** Attribution: the exports derive from the article's text, whose license usually asks for it. */
function footer(model: ArticleModel): string {
  const { source, license } = model.article;
  const parts: string[] = [];
  if (source) {
    parts.push(`From the article <a href="${attr(source.url)}">${text(source.title)}</a>${source.publisher ? `, ${text(source.publisher)}` : ""}.`);
  }
  if (license) parts.push(`Text under <a href="${attr(license.url)}" rel="license">${text(license.title ?? license.id)}</a> (${text(license.id)}).`);
  parts.push("The structured data (schema.org) is embedded in this page as JSON-LD.");
  return `<footer>\n<p>${parts.join(" ")}</p>\n</footer>`;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text content: every character that could start markup is escaped. */
function text(value: string): string {
  // Most text has none of them: one scan, and no new string.
  return MARKUP.test(value) ? value.replace(MARKUP_ALL, escapeChar) : value;
}

const MARKUP = /[&<>"']/;
const MARKUP_ALL = /[&<>"']/g;

function escapeChar(c: string): string {
  return ESCAPES[c]!;
}

/** A double-quoted attribute value: the same escapes. */
function attr(value: string): string {
  return text(value);
}
