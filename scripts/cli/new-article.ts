// `make new SLUG=… TITLE=… [FOUNDED=…]`: writes source/<slug>.yaml, the smallest article the export
// takes and `make check` passes (an organization with its name and type, its founding date when
// given, and an infobox of one field), to start from. It never replaces a file; it checks what it writes with
// the pipeline itself, so the start is valid.
//
//   node --import tsx scripts/cli/new-article.ts --slug acme --title "Acme (organization)" [--founded 1992] [--language en] [--source DIR]
//
// The options may also come from the environment (SLUG, TITLE, FOUNDED, LANGUAGE), which is how
// `make new` passes them, so a title needs no shell quoting inside the Makefile.

import { existsSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { checkCorpus } from "../corpus/check-corpus.ts";
import { formatDiagnostic } from "../lib/diagnostic.ts";

const USAGE = `usage: make new SLUG=<slug> TITLE=<title> [FOUNDED=<YYYY|YYYY-MM|YYYY-MM-DD>] [LANGUAGE=en]
   or: node --import tsx scripts/cli/new-article.ts --slug <slug> --title <title> [--founded <date>] [--language en] [--source DIR]`;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$/;
const RESERVED = ["corpus", "vocab"];

export interface NewArticle {
  slug: string;
  title: string;
  founded?: string;
  language?: string;
}

/** A YAML scalar for a text: plain when that reads back as the same string, double-quoted otherwise. */
function scalar(text: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ()'.,&/-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[0-9.+-]/.test(text);
  return plain ? text : JSON.stringify(text);
}

/** The organization's name from the article's title: "IFEX (organization)" names IFEX. */
export function nameFromTitle(title: string): string {
  const name = title.replace(/\s*\([^()]*\)\s*$/, "").trim();
  return name === "" ? title.trim() : name;
}

/** The text of the new article. */
export function newArticleText({ slug, title, founded, language = "en" }: NewArticle): string {
  const name = nameFromTitle(title);
  return `# yaml-language-server: $schema=../schemas/article.schema.json
#
# The canonical data of the encyclopedia article ${JSON.stringify(title)}, started by \`make new\`.
# Every key this file may hold is described in docs/article-format.md; source/ifex.yaml is a full
# article. Run \`make export\` after each change: it reports any problem at its line.

article:
  slug: ${slug}
  title: ${scalar(title)}
  language: ${language}
  subject: ${slug}
  sections:
    - Infobox
    - Lead

infobox:
  title: ${scalar(name)}
  fields:
${
  founded === undefined
    ? `    - label: Type
      value: Organization
      type: text`
    : `    - label: Founded
      value: "${founded}"
      type: date`
}

organizations:
  - id: ${slug}
    section: Lead
    type: Organization
    name: ${scalar(name)}
${founded === undefined ? "" : `    foundingDate: "${founded}"\n`}`;
}

/** What is wrong with the options, each as a sentence; none when the article can be written. */
export function problemsWith(options: Partial<NewArticle>): string[] {
  const problems: string[] = [];
  const { slug, title, founded } = options;
  if (!slug) problems.push("SLUG is missing: the article's short name, e.g. SLUG=acme (its file is source/<slug>.yaml)");
  else if (!ID.test(slug) || slug.length > 100) problems.push(`SLUG=${JSON.stringify(slug)} is not a slug: lower-case letters and digits, words joined by single hyphens (e.g. article-19)`);
  else if (RESERVED.includes(slug)) problems.push(`SLUG=${slug} is kept for the project's own files (corpus.*, the vocabulary): choose another`);
  if (!title || title.trim() === "") problems.push('TITLE is missing: the article\'s title, e.g. TITLE="Acme (organization)"');
  if (founded !== undefined && !DATE.test(founded)) problems.push(`FOUNDED=${JSON.stringify(founded)} is not a date: YYYY, YYYY-MM or YYYY-MM-DD`);
  return problems;
}

export type NewArticleResult = { ok: true; file: string } | { ok: false; status: 1 | 2; message: string };

/** Writes <source>/<slug>.yaml unless it exists; the text is checked by the pipeline first. */
export function writeNewArticle(options: Partial<NewArticle>, sourceDir: string): NewArticleResult {
  const problems = problemsWith(options);
  if (problems.length > 0) return { ok: false, status: 2, message: `${problems.map((p) => `error: ${p}`).join("\n")}\n${USAGE}` };
  const article = options as NewArticle;
  const file = join(sourceDir, `${article.slug}.yaml`);
  const shown = relative(process.cwd(), file) || file;
  if (existsSync(file)) return { ok: false, status: 2, message: `error: ${shown} already exists; it is left as it is (choose another SLUG, or edit that file)` };
  const text = newArticleText(article);
  const diagnostics = checkCorpus([{ file: shown, text }]);
  if (diagnostics.length > 0) return { ok: false, status: 1, message: `${diagnostics.map(formatDiagnostic).join("\n")}\nnothing written` };
  // "wx": never replaces a file that appeared meanwhile.
  writeFileSync(file, text, { flag: "wx" });
  return { ok: true, file: shown };
}

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({
      options: { slug: { type: "string" }, title: { type: "string" }, founded: { type: "string" }, language: { type: "string" }, source: { type: "string" }, help: { type: "boolean" } },
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = (name: string): string | undefined => (process.env[name] === "" ? undefined : process.env[name]);
  const options: Partial<NewArticle> = {
    slug: values.slug ?? env("SLUG"),
    title: values.title ?? env("TITLE"),
    founded: values.founded ?? env("FOUNDED"),
    language: values.language ?? env("LANGUAGE") ?? "en",
  };
  const result = writeNewArticle(options, values.source ?? "source");
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    return result.status;
  }
  process.stdout.write(`wrote ${result.file}: fill it in (docs/article-format.md lists every key), then make export\n`);
  return 0;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exitCode = main();
