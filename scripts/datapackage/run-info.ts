// Facts about the run that the data package files state: the pipeline's name and version, and the time
// SOURCE_DATE_EPOCH gives (if any).

import { readFileSync } from "node:fs";
import { projectPath } from "../lib/project-path.ts";
import type { PackageInput } from "./input.ts";

/** The pipeline's name and version, from the project's package.json. */
export function pipelineInfo(): PackageInput["pipeline"] {
  const pkg = JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}

/**
 * SOURCE_DATE_EPOCH (reproducible-builds.org): whole seconds since 1970 in UTC. Unset or empty: no
 * time at all. Anything else is an error, as the specification asks.
 */
export function createdFromSourceDateEpoch(value: string | undefined): { ok: true; created?: string } | { ok: false; message: string } {
  if (value === undefined || value === "") return { ok: true };
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)) || Number(value) * 1000 > 8.64e15) {
    return { ok: false, message: `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found ${JSON.stringify(value)}` };
  }
  return { ok: true, created: new Date(Number(value) * 1000).toISOString().replace(/\.000Z$/, "Z") };
}
