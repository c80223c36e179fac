// What the export's output depends on beyond the articles and the pipeline: source/corpus.yaml
// (its base and shared entities) and the command line's --base. Cheap (no YAML read), so the
// command line's "nothing changed" path can ask it too.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export function corpusFingerprint(sourceDir: string, base: string | undefined): { corpusFile: string | null; base: string | null } {
  let corpusFile: string | null = null;
  for (const name of ["corpus.yaml", "corpus.yml"]) {
    try {
      corpusFile = createHash("sha256").update(readFileSync(join(sourceDir, name))).digest("hex");
      break;
    } catch {
      // No such file: the next name, or none.
    }
  }
  return { corpusFile, base: base ?? null };
}

/** Whether source/corpus.yaml sets a base (a line "base: …"), without reading its YAML. */
export function corpusFileSetsBase(sourceDir: string): boolean {
  for (const name of ["corpus.yaml", "corpus.yml"]) {
    try {
      return /^base:[ \t]*[^\s#]/m.test(readFileSync(join(sourceDir, name), "utf8"));
    } catch {
      // No such file: the next name, or none.
    }
  }
  return false;
}
