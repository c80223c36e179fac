// One article's import, from its bytes to the draft's YAML text: read, draft, check as the export
// checks a source, and fall back to a draft of text when the typed one is refused. Throws an
// ImportError (file, line) for input that is not an article in the format.

import { basename } from "node:path";
import { checkCorpus } from "../corpus/check-corpus.ts";
import { buildDraft, type Draft } from "./draft.ts";
import { decodeArticle, ImportError, readArticle } from "./read-text.ts";
import { draftYaml } from "./write-yaml.ts";
import { RESERVED_SLUG } from "../writers/combined-files.ts";

export interface ImportedArticle {
  slug: string;
  yaml: string;
  report: Draft["report"];
  /** The infobox template the infobox was read as, and how it was told. */
  template?: Draft["template"];
  prose: Draft["prose"];
  /** Why the typed draft was refused, when the draft is the fallback of text. */
  untyped?: string;
}

/** `outPath(slug)` names the draft's file, for the check's messages. */
export function importArticle(file: string, bytes: Uint8Array, outPath: (slug: string) => string): ImportedArticle {
  const text = readArticle(file, decodeArticle(file, bytes));
  let draft = buildDraft(file, text);
  if (draft.slug === "" || draft.slug === RESERVED_SLUG || draft.slug === "vocab") {
    throw new ImportError(file, 1, undefined, `the title ${JSON.stringify(text.title)} gives the slug ${JSON.stringify(draft.slug)}, which an article cannot have (empty or reserved)`);
  }
  const path = outPath(draft.slug);
  let yaml = draftYaml(draft.data, basename(file));
  // A typed draft the export would refuse (a form of value the parsers misread) falls back to a
  // draft of text, so that an article in the format always imports; the report says so.
  const refused = checkCorpus([{ file: path, text: yaml }]);
  if (refused.length === 0) return { slug: draft.slug, yaml, report: draft.report, prose: draft.prose, ...(draft.template && { template: draft.template }) };
  const because = `${refused[0]!.message}${refused.length > 1 ? `, and ${refused.length - 1} more` : ""}`;
  draft = buildDraft(file, text, { untyped: { because } });
  yaml = draftYaml(draft.data, basename(file));
  return { slug: draft.slug, yaml, report: draft.report, prose: draft.prose, untyped: because };
}
