// Byte-identical output whatever the order the sources come in, their line ends or byte-order mark,
// the locale, the time zone or the current directory.

import { cpSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { FORMATS } from "../scripts/writers/index.ts";
import { describe, expect, it } from "vitest";
import { exportInMemory } from "./reference/pipeline.ts";
import type { SourceText } from "../scripts/lib/diagnostic.ts";
import { IFEX_SOURCE, ifexYaml, runExport, snapshot, tempDir } from "./helpers.ts";

const IFEX = ifexYaml();

/** A second article that refers to the first one's entities, so the two depend on each other. */
const SECOND = `article:
  slug: aaa-second
  title: Deuxième article
  language: fr
  subject: second
  sections: [Lead]
infobox:
  title: Deuxième
  fields:
    - {label: Siège, value: "Toronto, Ontario, Canada", type: text}
organizations:
  - id: second
    section: Lead
    type: NGO
    name: Deuxième organisation
    location: corpus/toronto
    parentOrganization: ifex/ifex
`;

function artifacts(sources: SourceText[]): Map<string, string | Uint8Array> {
  const result = exportInMemory(sources);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  const files = new Map<string, string | Uint8Array>();
  for (const article of result.articles) for (const [name, content] of article.artifacts) files.set(name, content);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe("deterministic output", () => {
  const expected = artifacts([{ file: "source/aaa-second.yaml", text: SECOND }, { file: "source/ifex.yaml", text: IFEX }]);

  it("does not depend on the order the sources are read in", () => {
    expect(expected.size).toBe(2 * FORMATS.length);
    expect(expected.get("aaa-second.csv")).toContain("https://org-articles.example/corpus#toronto");
    expect(artifacts([{ file: "source/ifex.yaml", text: IFEX }, { file: "source/aaa-second.yaml", text: SECOND }])).toEqual(expected);
  });

  it("does not depend on line ends (CRLF) or a byte-order mark in the source", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    expect(artifacts([{ file: "source/aaa-second.yaml", text: `\uFEFF${crlf(SECOND)}` }, { file: "source/ifex.yaml", text: crlf(IFEX) }])).toEqual(expected);
  });

  it("does not depend on the locale, the time zone or the current directory (relative paths from elsewhere)", () => {
    const sources = tempDir("det-sources-");
    writeFileSync(join(sources, "aaa-second.yaml"), SECOND);
    cpSync(join(IFEX_SOURCE, "ifex.yaml"), join(sources, "ifex.yaml"));
    const cwd = tempDir("det-cwd-");
    const out = join(tempDir("det-out-"), "dist");
    const result = runExport(["--source", relative(cwd, sources), "--out", relative(cwd, out)], {
      cwd,
      env: { LC_ALL: "C", LANG: "C", LANGUAGE: "", TZ: "Asia/Kathmandu" },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const written = snapshot(out);
    // The artifacts, plus the files that describe the bundle (checksums, manifest, data package).
    expect([...written.keys()].filter((name) => !expected.has(name))).toEqual(["SHA256SUMS", "corpus.events.csv", "corpus.nt", "corpus.organizations.csv", "corpus.ttl", "corpus.xlsx", "datapackage.json", "manifest.json", "table-schema.json"]);
    expect(new Map([...written].filter(([name]) => expected.has(name)))).toEqual(new Map([...expected].map(([name, content]) => [name, Buffer.from(content).toString("base64")])));
  });
});
