// Files the pipeline ships (schemas, the schema.org context) are found relative to the project,
// never to the current directory, so the export works from anywhere.

import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

export const PROJECT_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export function projectPath(relative: string): string {
  return resolve(PROJECT_ROOT, relative);
}
