// The organization's schema.org type and Wikidata classes, from schemas/organization-types.json:
// each item of the infobox's Type field ("Research institute, Think tank") is looked up on its
// own, and the lead's first sentence as a whole, so the subject gets the kinds of every item.

import { ORGANIZATION_TYPES, type OrganizationTypeRow } from "./mapping.ts";
import { splitList } from "./values.ts";

export interface OrganizationType {
  /** The schema.org type: of the matched row that comes first in the table (rows go from the most specific kinds). */
  type: string;
  /** The Wikidata class of that row ("" when it has none). */
  additionalType: string;
  /** Wikidata classes of every matched row (schema:additionalType): the Type field's items in order, then the lead's. */
  additionalTypes: string[];
}

/**
 * The type from the Type field's items and the lead's first sentence, else the row of the kind the
 * infobox's template is for (Infobox union: a trade union), else a company's parameters; undefined
 * when none says.
 */
export function organizationType(typeField: string, firstSentence: string, parameters: readonly string[], templateKind?: string): OrganizationType | undefined {
  const matched = [...splitList(typeField).map(rowOf), rowOf(firstSentence)].filter((r): r is OrganizationTypeRow => r !== undefined);
  const byTemplate = ORGANIZATION_TYPES.rows.find((r) => templateKind !== undefined && r.kind === templateKind);
  const rows = matched.length > 0 ? matched : byTemplate ? [byTemplate] : [];
  if (rows.length > 0) {
    const first = [...rows].sort((a, b) => ORGANIZATION_TYPES.rows.indexOf(a) - ORGANIZATION_TYPES.rows.indexOf(b))[0]!;
    return { type: first.type, additionalType: first.additionalType ?? "", additionalTypes: [...new Set(rows.map((r) => r.additionalType ?? "").filter((t) => t !== ""))] };
  }
  if (parameters.some((p) => ORGANIZATION_TYPES.companyParameters.includes(p))) return { type: "Corporation", additionalType: "", additionalTypes: [] };
  return undefined;
}

/** The first row of the table whose words occur in the text (whole words, any case). */
function rowOf(text: string): OrganizationTypeRow | undefined {
  return ORGANIZATION_TYPES.rows.find((row) => row.words.some((w) => hasWords(text, w)));
}

function hasWords(text: string, words: string): boolean {
  if (!text) return false;
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, "iu").test(text);
}
