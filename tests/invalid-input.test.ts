// Bad input: a non-zero exit, the right line and column, and the output folder exactly as it was.

import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ifexDist, ifexSources, ifexYaml, runExport, snapshot, tempDir } from "./helpers.ts";

const original = ifexYaml();

/** Replaces the first occurrence of `from` (which must exist) in the IFEX source. */
function broken(from: string, to: string): string {
  expect(original).toContain(from);
  return original.replace(from, to);
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

function exportBroken(text: string) {
  const sources = ifexSources();
  writeFileSync(join(sources, "ifex.yaml"), text);
  const out = tempDir("dist-");
  cpSync(ifexDist(), out, { recursive: true });
  const before = snapshot(out);
  const result = runExport(["--source", sources, "--out", out]);
  expect(snapshot(out)).toEqual(before);
  return { ...result, file: join(sources, "ifex.yaml") };
}

describe("invalid input", () => {
  it("reports a YAML syntax error at its line", () => {
    const text = broken("  title: IFEX (organization)\n", "  title: [IFEX (organization)\n");
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/ifex\.yaml:\d+:\d+: error: YAML syntax error/);
    expect(result.stderr).toContain("left as it was");
  });

  it("reports a duplicate key where it is repeated", () => {
    const text = broken("    name: IFEX\n", "    name: IFEX\n    name: IFEX again\n");
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    const line = lineOf(text, "    name: IFEX again");
    expect(result.stderr).toContain(`ifex.yaml:${line}:5: error: duplicate key "name"`);
  });

  it("reports an unknown key at the key, with what was expected", () => {
    const text = broken("    foundingDate: \"1992\"\n", "    foundingDate: \"1992\"\n    foundedIn: Montreal\n");
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    const line = lineOf(text, "    foundedIn:");
    expect(result.stderr).toContain(`ifex.yaml:${line}:5: error: unknown key "foundedIn" in organizations[0]`);
    expect(result.stderr).toMatch(/expected one of id, section, .*foundingDate/);
  });

  it("reports a wrong type at the value, saying what was found", () => {
    const text = broken("    founderCount: 12\n", "    founderCount: twelve\n");
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    const line = lineOf(text, "    founderCount: twelve");
    expect(result.stderr).toContain(`ifex.yaml:${line}:19: error: organizations[0].founderCount has the wrong type, expected integer, found "twelve"`);
  });

  it("reports a malformed date and an impossible one", () => {
    const text = broken('    startDate: "2011"\n', '    startDate: "2011-13"\n').replace('    startDate: "2021-05-03"\n    endDate: "2021-07-04"', '    startDate: "2021-05-03"\n    endDate: "2021-02-30"');
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`ifex.yaml:${lineOf(text, '"2011-13"')}:16: error: events[1].startDate is not well formed, expected a date as YYYY, YYYY-MM or YYYY-MM-DD`);
  });

  it("reports an impossible day and an end before the start", () => {
    const text = original.replace('    endDate: "2021-07-04"', '    endDate: "2021-02-30"').replace('    endDate: "2013-01"', '    endDate: "2003-01"');
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`ifex.yaml:${lineOf(text, '"2021-02-30"')}:14: error: events[8].endDate is not a date of the calendar`);
    expect(result.stderr).toContain(`ifex.yaml:${lineOf(text, '"2003-01"')}:14: error: endDate is before startDate`);
  });

  it("reports every problem at once, in order", () => {
    const text = broken("  - {id: canada, section: Infobox,", "  - {id: canada, section: Infobox, population: 1,").replace("    founderCount: 12\n", "    founderCount: -1\n");
    const result = exportBroken(text);
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n").filter((l) => l.includes(": error: "));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`:${lineOf(text, "founderCount: -1")}:19: error: organizations[0].founderCount is out of range, expected a number >= 1, found number -1`);
    expect(lines[1]).toContain(`:${lineOf(text, "population: 1")}:`);
  });
});
