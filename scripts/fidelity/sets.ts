// The scorer's article sets by name: "shared" is the six real articles and their gold beside the
// project (../shared/articles, ../shared/gold); any other name is a set the project keeps under
// tests/fixtures/<name>/ with the same two folders (tests/fixtures/heldout: texts written for
// testing, never used to tune the importer).

import { existsSync } from "node:fs";
import { join } from "node:path";
import { projectPath } from "../lib/project-path.ts";

export const DEFAULT_SET = "shared";

export interface ArticleSet {
  name: string;
  gold: string;
  articles: string;
}

/** The folders of the set `name`, or a message saying why there is no such set. */
export function articleSet(name: string): ArticleSet | string {
  if (name === DEFAULT_SET) return { name, gold: projectPath("../shared/gold"), articles: projectPath("../shared/articles") };
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return `--set ${JSON.stringify(name)}: a set's name is lower-case letters, digits and hyphens (shared, heldout)`;
  const dir = projectPath(join("tests/fixtures", name));
  const set = { name, gold: join(dir, "gold"), articles: join(dir, "articles") };
  if (!existsSync(set.gold) || !existsSync(set.articles)) return `--set ${name}: no ${dir}/gold and ${dir}/articles (the sets are shared, or a folder of tests/fixtures/ holding both)`;
  return set;
}
