// Command line: node --import tsx scripts/cli/import.ts [options] FILE...
// Imports articles in the plain-text format of ../shared/articles/ as draft source/<slug>.yaml
// files. Every file is read and turned into a draft first, and each draft is checked as the export
// checks a source; on any problem nothing is written.
//
// Exit codes: 0 done, 1 invalid input (nothing written), 2 wrong usage.

import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { importArticle } from "../import/import-article.ts";
import { ImportError, MAX_TEXT_BYTES } from "../import/read-text.ts";
import { formatReport, type ArticleReport } from "../import/report.ts";
import { checkCorpus } from "../corpus/check-corpus.ts";

const HELP = `Usage: node --import tsx scripts/cli/import.ts [options] FILE...
       make import FILES="a.txt b.txt"

Imports each article FILE (the plain-text format of ../shared/articles/: a "= Title =" line, the
infobox's title and "- Label: Value" lines, the lead, "==Section==" headings, paragraphs and
"- item" lists) as a draft <slug>.yaml in the output folder, ready to export and to curate.
The slug is the title's, without a parenthesized qualifier: "IFEX (organization)" -> ifex.

Every infobox line is kept as written, in order; where its value allows it becomes a typed fact
(dates, places, counts, money, people, organizations, URLs: schemas/infobox-mapping.json), else it
stays text; display settings and template residue are dropped from the graph. Per article it
prints the file written and how many lines were typed, stayed text or were dropped, and why.

Options:
  --out DIR     folder to write the drafts to (default: source)
  --force       replace an existing <slug>.yaml (a curated file is otherwise never overwritten)
  --verbose     also list what each typed line became
  -h, --help    this help

Nothing is written when any file is refused (empty, binary, not UTF-8, larger than
${MAX_TEXT_BYTES} bytes, not in the format: the message names the file and line).

Exit codes: 0 done, 1 invalid input (nothing written), 2 wrong usage.`;

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  let options;
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", default: "source" },
        force: { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    });
  } catch (error) {
    err(`import: ${(error as Error).message}\nTry --help.\n`);
    return 2;
  }
  if (options.values.help) {
    out(`${HELP}\n`);
    return 0;
  }
  const files = options.positionals;
  if (files.length === 0) {
    err("import: no article file given, expected FILE... (e.g. make import FILES=\"../shared/articles/article-19.txt\")\n");
    return 2;
  }
  const outDir = options.values.out!;
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    err(`import: --out ${outDir} is not a folder\n`);
    return 2;
  }

  const problems: string[] = [];
  const drafts: { file: string; path: string; yaml: string; report: ArticleReport }[] = [];
  const slugs = new Map<string, string>();
  for (const file of files) {
    try {
      let bytes: Buffer;
      try {
        const size = statSync(file).size;
        if (size > MAX_TEXT_BYTES) throw new ImportError(file, undefined, undefined, `the file has ${size} bytes, more than an article may (${MAX_TEXT_BYTES}); expected the text of one article`);
        bytes = readFileSync(file);
      } catch (error) {
        if (error instanceof ImportError) throw error;
        throw new ImportError(file, undefined, undefined, `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      const imported = importArticle(file, bytes, (slug) => join(outDir, `${slug}.yaml`));
      const earlier = slugs.get(imported.slug);
      if (earlier) throw new ImportError(file, 1, undefined, `the title gives the slug ${JSON.stringify(imported.slug)}, as ${earlier} does: one file per article`);
      slugs.set(imported.slug, file);
      const path = join(outDir, `${imported.slug}.yaml`);
      drafts.push({ file, path, yaml: imported.yaml, report: { source: file, out: path, written: false, lines: imported.report, prose: imported.prose, ...(imported.template !== undefined && { template: imported.template }), ...(imported.untyped !== undefined && { untyped: imported.untyped }) } });
    } catch (error) {
      if (error instanceof ImportError) problems.push(error.format());
      else throw error;
    }
  }
  // Each draft must be what the export accepts, alone and together: an importer's mistake must not reach the folder.
  if (problems.length === 0) {
    const diagnostics = checkCorpus(drafts.map((d) => ({ file: d.path, text: d.yaml })));
    for (const d of diagnostics) {
      const draft = drafts.find((x) => x.path === d.file);
      problems.push(`${draft?.file ?? d.file}: error: the draft ${d.file} would not export (importer bug): ${d.line}:${d.col}: ${d.message}`);
    }
  }
  if (problems.length > 0) {
    err(`${problems.join("\n")}\n${problems.length} problem${problems.length === 1 ? "" : "s"}; nothing written\n`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  for (const draft of drafts) {
    if (existsSync(draft.path) && !options.values.force) {
      out(`kept ${draft.path}: it exists (--force replaces it); ${draft.file} not imported\n`);
      continue;
    }
    const temporary = `${draft.path}.import-${process.pid}`;
    writeFileSync(temporary, draft.yaml);
    renameSync(temporary, draft.path);
    draft.report.written = true;
    out(`${formatReport(draft.report, options.values.verbose!)}\n`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
