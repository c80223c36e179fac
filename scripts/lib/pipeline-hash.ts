// A hash of the pipeline's own files: every file of scripts/ and schemas/, package.json,
// package-lock.json and tsconfig.json. What is made from the code and kept between runs (the
// export's state, the worker threads' bundle) is named or checked by it, so a change to any of
// them is never met by something made by the code before it. Computed once per process.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { compareCodePoints } from "./code-point-order.ts";
import { PROJECT_ROOT } from "./project-path.ts";
import { once } from "./once.ts";

/** Set by esbuild in the prebuilt command line (prebuilt-bundle.ts): the hash of the files it was built from. */
declare const ORG_ARTICLES_PIPELINE_HASH: string | undefined;

export const pipelineHash = once((): string => {
  if (typeof ORG_ARTICLES_PIPELINE_HASH === "string") return ORG_ARTICLES_PIPELINE_HASH;
  const hash = createHash("sha256");
  const files: string[] = ["package.json", "package-lock.json", "tsconfig.json"].map((name) => join(PROJECT_ROOT, name));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(join(PROJECT_ROOT, "scripts"));
  walk(join(PROJECT_ROOT, "schemas"));
  for (const file of files.sort(compareCodePoints)) {
    hash.update(`\u0000${relative(PROJECT_ROOT, file)}\u0000`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
});
