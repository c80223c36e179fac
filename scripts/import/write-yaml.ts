// The draft as YAML text: deterministic (the same article text gives the same bytes), through the
// `yaml` library, with the header the curated files have and the curator's notes as comments
// before the nodes they are about ("# review: an ambiguous place: …").

import { Document, isNode } from "yaml";
import type { ReviewNote } from "./draft.ts";

export function draftYaml(data: Record<string, unknown>, sourceName: string, reviews: readonly ReviewNote[] = []): string {
  const header = [
    "# yaml-language-server: $schema=../schemas/article.schema.json",
    "#",
    `# A draft imported from ${sourceName.replace(/[\r\n]/g, " ")} by scripts/cli/import.ts (make import).`,
    "# It exports as it is; curate it (types, places, people, the facts the prose states) and",
    "# keep it: the importer never overwrites it unless forced.",
    ...(reviews.length > 0 ? ["#", `# ${reviews.length} ${reviews.length === 1 ? "value needs" : "values need"} a person's look: the comments that start with "review:".`] : []),
    "",
  ].join("\n");
  const doc = new Document(data, { aliasDuplicateObjects: false });
  for (const r of reviews) {
    const node = doc.getIn(r.path, true);
    if (isNode(node)) node.commentBefore = ` ${r.note.replace(/[\r\n]+/g, " ")}`;
  }
  const body = doc.toString({ lineWidth: 100, minContentWidth: 40, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
  return `${header}\n${body}`;
}
