// The draft as YAML text: deterministic (the same article text gives the same bytes), through the
// `yaml` library, with the header the curated files have.

import { stringify } from "yaml";

export function draftYaml(data: Record<string, unknown>, sourceName: string): string {
  const header = [
    "# yaml-language-server: $schema=../schemas/article.schema.json",
    "#",
    `# A draft imported from ${sourceName.replace(/[\r\n]/g, " ")} by scripts/cli/import.ts (make import).`,
    "# It exports as it is; curate it (types, places, people, the facts the prose states) and",
    "# keep it: the importer never overwrites it unless forced.",
    "",
  ].join("\n");
  const body = stringify(data, { lineWidth: 100, minContentWidth: 40, aliasDuplicateObjects: false, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  return `${header}\n${body}`;
}
