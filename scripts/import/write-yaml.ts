// The draft as YAML text: deterministic (the same article text gives the same bytes), through the
// `yaml` library, with the header the curated files have, and a word on the values flagged for the
// curator (`reviewed: false`) when there are any.

import { Document } from "yaml";
import { reviewItems } from "../review/items.ts";

export function draftYaml(data: Record<string, unknown>, sourceName: string): string {
  const flagged = reviewItems(data).length;
  const header = [
    "# yaml-language-server: $schema=../schemas/article.schema.json",
    "#",
    `# A draft imported from ${sourceName.replace(/[\r\n]/g, " ")} by scripts/cli/import.ts (make import).`,
    "# It exports as it is; curate it (types, places, people, the facts the prose states) and",
    "# keep it: the importer never overwrites it unless forced.",
    ...(flagged > 0
      ? [
          "#",
          `# ${flagged} imported ${flagged === 1 ? "fact needs" : "facts need"} a person's look: each has \`reviewed: false\` and says why`,
          "# or gives its sentence. Check it against the article, correct it if need be, then set",
          "# `reviewed: true`. `make review` lists those left.",
        ]
      : []),
    "",
  ].join("\n");
  const doc = new Document(data, { aliasDuplicateObjects: false });
  const body = doc.toString({ lineWidth: 100, minContentWidth: 40, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  return `${header}\n${body}`;
}
