// The review list of a source folder: every article's flags not yet reviewed, each where it is
// written (file, line, column), for `make review` (scripts/cli/review.ts) and `make check`'s count.
// A file that cannot be read as YAML is a problem of its own (the export reports it too); its flags
// are not counted.

import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Diagnostic } from "../lib/diagnostic.ts";
import { isArticleFile } from "../lib/article-file.ts";
import { compareCodePoints } from "../lib/code-point-order.ts";
import { readYaml, type Position } from "../read/read-yaml.ts";
import { readSourceFile } from "../read/source-file.ts";
import { unreviewed, type ReviewItem } from "./items.ts";

export interface ArticleReviews {
  /** The article's file as messages name it (relative to the working folder where it lies below it). */
  file: string;
  /** Its flags not yet reviewed, in the file's order. */
  items: ReviewItem[];
  /** Where an item is written (the position is found only when asked: counting needs none). */
  positionOf(item: ReviewItem): Position;
}

export interface FolderReviews {
  articles: ArticleReviews[];
  /** Files that could not be read. */
  problems: Diagnostic[];
}

/** Every article of the folder, in code-point order of their names. */
export function collectReviews(sourceDir: string): FolderReviews {
  const articles: ArticleReviews[] = [];
  const problems: Diagnostic[] = [];
  for (const name of readdirSync(sourceDir).filter(isArticleFile).sort(compareCodePoints)) {
    const path = join(sourceDir, name);
    const shown = relative(process.cwd(), resolve(path)) || path;
    const file = shown.startsWith("..") ? path : shown;
    const read = readSourceFile(path, file);
    if (!read.ok) {
      problems.push(read.diagnostic);
      continue;
    }
    const parsed = readYaml(read.text, file);
    if (!parsed.ok) {
      problems.push(...parsed.diagnostics);
      continue;
    }
    const source = parsed.source;
    articles.push({ file, items: unreviewed(source.data), positionOf: (item) => source.positionOf(item.at.path, item.at.key) });
  }
  return { articles, problems };
}
