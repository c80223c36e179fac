// `node --import tsx scripts/cli/prebuilt.ts` (make runs it when a pipeline source changed): makes
// the prebuilt command line if needed (lib/prebuilt-bundle.ts) and points cli.cjs, what
// `make export` runs, at it.

import { existsSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildBundle, PREBUILT_CLI, prebuiltEntry } from "../lib/prebuilt-bundle.ts";

export { PREBUILT_CLI, PREBUILT_DIR, prebuiltEntry, pruneBundles, workerBundle } from "../lib/prebuilt-bundle.ts";

/** Set by esbuild in the bundle: its own entry's URL. */
declare const ORG_ARTICLES_PREBUILT_ENTRY: string | undefined;

// Run as a script: compared as real paths (Node resolves symbolic links in the module's own URL, not in argv).
if (typeof ORG_ARTICLES_PREBUILT_ENTRY !== "string" && process.argv[1] !== undefined && existsSync(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const entry = prebuiltEntry();
  if (entry === undefined) {
    buildBundle(); // throws esbuild's message
    process.exit(1);
  }
  // Always written (make compares its time with the sources').
  writeFileSync(`${PREBUILT_CLI}.${process.pid}`, `// The prebuilt command line (scripts/cli/prebuilt.ts); made by make, not by hand.\nrequire(${JSON.stringify(fileURLToPath(entry))});\n`);
  renameSync(`${PREBUILT_CLI}.${process.pid}`, PREBUILT_CLI);
}
