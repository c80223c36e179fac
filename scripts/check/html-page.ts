// `make check` for <slug>.html: the page must embed the JSON-LD byte for byte as <slug>.jsonld
// (so search engines read the same graph) and load nothing from elsewhere.

import { existsSync, readFileSync } from "node:fs";
import type { Finding } from "./finding.ts";
import type { Position } from "../read/read-yaml.ts";

const SCRIPT = /<script type="application\/ld\+json">\n?([\s\S]*?)<\/script>/;

export type Embedded = { ok: true; json: string } | { ok: false; finding: Finding; position: Position };

export function embeddedJsonLd(html: string, path: string): Embedded {
  const lineAt = (offset: number): Position => ({ line: html.slice(0, offset).split("\n").length, col: 1 });
  const external = /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.exec(html);
  if (external) return { ok: false, finding: { check: "syntax", node: "", message: "the page loads something from elsewhere", expected: "a self-contained page", found: JSON.stringify(external[0].slice(0, 80)) }, position: lineAt(external.index) };
  const match = SCRIPT.exec(html);
  if (!match) return { ok: false, finding: { check: "syntax", node: "", message: "the page embeds no JSON-LD", expected: '<script type="application/ld+json">', found: "none" }, position: { line: 1, col: 1 } };
  const json = match[1]!;
  const sibling = path.replace(/\.html$/, ".jsonld");
  if (existsSync(sibling)) {
    const expected = readFileSync(sibling, "utf8");
    if (json.trim() !== expected.trim()) {
      return { ok: false, finding: { check: "syntax", node: "", message: "the embedded JSON-LD differs from the .jsonld artifact", expected: "the bytes of " + sibling.replace(/^.*\//, ""), found: "other bytes" }, position: lineAt(match.index) };
    }
  }
  return { ok: true, json };
}
