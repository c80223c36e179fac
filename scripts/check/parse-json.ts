// JSON.parse for the checks: a syntax error becomes a finding at the line and column it names.

import type { Finding } from "./finding.ts";
import type { Position } from "../read/read-yaml.ts";

export type ParsedJson = { ok: true; value: unknown } | { ok: false; finding: Finding; position: Position };

export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    const before = text.slice(0, offset).split("\n");
    return { ok: false, finding: { check: "syntax", node: "", message: `not JSON: ${(error as Error).message}` }, position: { line: before.length, col: before.at(-1)!.length + 1 } };
  }
}
