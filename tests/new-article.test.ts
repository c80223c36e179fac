// `make new SLUG=… TITLE=… [FOUNDED=…]` (scripts/cli/new-article.ts) writes an article to start from:
// the export takes it and `make check` passes its files; it never replaces a file and refuses
// what could not become a valid article, saying what to give instead.

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nameFromTitle } from "../scripts/cli/new-article.ts";
import { checkCombinedCsv } from "../scripts/check/combined-csv.ts";
import { COMBINED, EVENT_COLUMNS } from "../scripts/writers/combined-files.ts";
import { organizationsHeader } from "../scripts/corpus/combined-csv.ts";
import { runExport, tempDir } from "./helpers.ts";
import { runCheck } from "./corpus-checks.ts";
import { runScript } from "./script-bundle.ts";

/** `make new`'s command line, prebuilt (tests/script-bundle.ts), or with `tsx` as make starts it. */
const newArticle = (args: string[], env: NodeJS.ProcessEnv = {}, options: { tsx?: boolean } = {}) =>
  runScript("scripts/cli/new-article.ts", args, { env: { SLUG: "", TITLE: "", FOUNDED: "", ...env }, tsx: options.tsx });

describe("make new", () => {
  it("writes an article that exports and passes make check", async () => {
    const source = tempDir("new-source-");
    const out = join(tempDir("new-out-"), "dist");
    // As make passes them: through the environment, a title with quotes and a colon; and as make
    // starts the command line, through tsx.
    const made = newArticle(["--source", source], { SLUG: "acme-watch", TITLE: 'Acme "Watch": the network (organization)', FOUNDED: "2001-04" }, { tsx: true });
    expect(made.stderr).toBe("");
    expect(made.status).toBe(0);
    expect(made.stdout).toContain("acme-watch.yaml");
    const text = readFileSync(join(source, "acme-watch.yaml"), "utf8");
    expect(text.startsWith("# yaml-language-server: $schema=../schemas/article.schema.json\n")).toBe(true);

    const exported = runExport(["--source", source, "--out", out]);
    expect(exported.stderr).toBe("");
    expect(exported.status).toBe(0);
    const infobox = JSON.parse(readFileSync(join(out, "acme-watch.infobox.json"), "utf8"));
    expect(infobox.title).toBe('Acme "Watch": the network');
    expect(infobox.fields).toEqual([{ label: "Founded", value: "2001-04", normalized: expect.objectContaining({ type: "date", year: 2001, month: 4 }) }]);

    const checked = await runCheck(["--dist", out]);
    expect(checked.stdout).toMatch(/all pass, 0 violations/);
    expect(checked.status).toBe(0);
  });

  it("its corpus.events.csv has no rows, which the check takes (no article need have a dated event); an organizations CSV without rows it does not", () => {
    const headerOnly = (columns: readonly string[]) => `\uFEFF${columns.map((c) => `"${c}"`).join(",")}\r\n`;
    expect(checkCombinedCsv(COMBINED.events, headerOnly(EVENT_COLUMNS)).findings).toEqual([]);
    expect(checkCombinedCsv(COMBINED.organizations, headerOnly(organizationsHeader())).findings.map((f) => f.message)).toEqual(["the CSV has no rows"]);
  });

  it("writes an article without a founding date when none is given, which exports and checks too", async () => {
    const source = tempDir("new-source-");
    const out = join(tempDir("new-out-"), "dist");
    expect(newArticle(["--source", source, "--slug", "acme", "--title", "Acme"]).status).toBe(0);
    const text = readFileSync(join(source, "acme.yaml"), "utf8");
    expect(text).not.toContain("foundingDate");
    expect(runExport(["--source", source, "--out", out]).status).toBe(0);
    const checked = await runCheck(["--dist", out]);
    expect(checked.stdout).toMatch(/all pass, 0 violations/);
  });

  it("never replaces a file", () => {
    const source = tempDir("new-source-");
    writeFileSync(join(source, "acme.yaml"), "# mine\n");
    const again = newArticle(["--source", source, "--slug", "acme", "--title", "Acme", "--founded", "1992"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/acme\.yaml already exists; it is left as it is/);
    expect(readFileSync(join(source, "acme.yaml"), "utf8")).toBe("# mine\n");
  });

  it.each([
    [["--title", "Acme", "--founded", "1992"], /SLUG is missing/],
    [["--slug", "Acme Watch", "--title", "Acme", "--founded", "1992"], /SLUG="Acme Watch" is not a slug/],
    [["--slug", "corpus", "--title", "Acme", "--founded", "1992"], /SLUG=corpus is kept for the project's own files/],
    [["--slug", "acme", "--founded", "1992"], /TITLE is missing/],
    [["--slug", "acme", "--title", "Acme", "--founded", "1992-13"], /FOUNDED="1992-13" is not a date/],
  ])("refuses %j, saying what to give", (args, message) => {
    const source = tempDir("new-source-");
    const result = newArticle(["--source", source, ...args]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("usage: make new SLUG=");
  });

  it("refuses an article the export would refuse, writing nothing", () => {
    const source = tempDir("new-source-");
    const result = newArticle(["--source", source, "--slug", "acme", "--title", "Acme\u0007", "--founded", "1992"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/acme\.yaml:\d+:\d+: error: .*nothing written/s);
  });

  it("names the organization after the title without its parenthesis", () => {
    expect(nameFromTitle("IFEX (organization)")).toBe("IFEX");
    expect(nameFromTitle("Article 19")).toBe("Article 19");
    expect(nameFromTitle("(organization)")).toBe("(organization)");
  });
});
