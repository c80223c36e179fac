// A legal status as schema.org's nonprofitStatus: "501(c)(3) nonprofit organization" is a US
// 501(c)(3) (schema:Nonprofit501c3), which is not what became of the organization (oa:fate) nor what
// kind it is. The patterns are data (schemas/nonprofit-statuses.json); a member schema.org does not
// list is never given. The status as written stays beside it (oa:legalStatus).

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SCHEMA } from "../graph/namespaces.ts";
import { schemaOrgVocabulary } from "../vocabulary/schemaorg-vocabulary.ts";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface StatusRow {
  pattern: string;
  member: string;
}

const ROWS: { pattern: RegExp; member: string }[] = (JSON.parse(readFileSync(here("../../schemas/nonprofit-statuses.json"), "utf8")) as { rows: StatusRow[] }).rows.map((r) => ({
  pattern: new RegExp(r.pattern, "i"),
  member: r.member,
}));

/** The IRI of the NonprofitType member the first of the texts that states one states (its legal status, then its type). */
export function nonprofitStatusIri(texts: readonly unknown[]): string | undefined {
  for (const text of texts) {
    const member = typeof text === "string" ? nonprofitStatusOf(text) : undefined;
    if (member !== undefined) return `${SCHEMA}${member}`;
  }
  return undefined;
}

/** The schema.org NonprofitType member the text states ("Nonprofit501c3"), or undefined. */
export function nonprofitStatusOf(text: string): string | undefined {
  const vocabulary = schemaOrgVocabulary();
  for (const row of ROWS) {
    const m = row.pattern.exec(text);
    if (!m) continue;
    const member = row.member.replace(/\$([0-9])/g, (_, n: string) => (m[Number(n)] ?? "").toLowerCase());
    const types = vocabulary.file.members[member] ?? [];
    if (types.some((t) => vocabulary.isSubClassOf(t, "NonprofitType"))) return member;
  }
  return undefined;
}
