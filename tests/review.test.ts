// The review list: what the importer is not sure of is flagged in the draft as data (`review:` on
// an infobox field, `reviewed: false`), the import report says "to review" for the same lines,
// `make review` lists every flag not yet reviewed at its file:line:column, and `make check` ends
// with their count. A curator marks one reviewed by editing a value; the export ignores the flags.
// The real articles are read from ../shared (never copied here); without it those tests are skipped.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importArticle } from "../scripts/import/import-article.ts";
import { formatReport } from "../scripts/import/report.ts";
import { readYaml } from "../scripts/read/read-yaml.ts";
import { reviewItems, unreviewed } from "../scripts/review/items.ts";
import { collectReviews } from "../scripts/review/collect.ts";
import { main as reviewMain } from "../scripts/cli/review.ts";
import { main as checkMain } from "../scripts/cli/check.ts";
import { checkCorpus } from "../scripts/corpus/check-corpus.ts";
import { ifexDist, ifexSources, ROOT, runExport, tempDir } from "./helpers.ts";
import { runScript } from "./script-bundle.ts";
import { SHARED_ARTICLES, sharedArticleFiles, sharedArticlesMissing } from "./shared-articles.ts";

const HELD_OUT = join(ROOT, "tests/fixtures/heldout/articles");
const haveShared = sharedArticlesMissing === undefined;
if (!haveShared) console.warn(`review tests of the shared articles skipped: ${sharedArticlesMissing}`);

/** An article text imported in this process: its draft's YAML, its report, and the flags the YAML holds. */
function imported(file: string) {
  const article = importArticle(file, readFileSync(file), (slug) => `source/${slug}.yaml`);
  const read = readYaml(article.yaml, `source/${article.slug}.yaml`);
  if (!read.ok) throw new Error(`the draft of ${file} does not read back`);
  return { ...article, items: reviewItems(read.source.data) };
}

/** A made-up article of a few infobox lines and a lead, written to a temporary file. */
function madeUp(infobox: string[], lead: string): string {
  const path = join(tempDir("review-text-"), "example.txt");
  writeFileSync(path, ["= Example Body =", "", "Example Body", ...infobox.map((l) => `- ${l}`), "", lead, ""].join("\n"));
  return path;
}

/** Imported drafts written into a temporary source folder, as `make import` writes them. */
function sourceOf(files: string[]): string {
  const dir = ifexSources();
  for (const file of files) {
    const a = importArticle(file, readFileSync(file), (slug) => join(dir, `${slug}.yaml`));
    writeFileSync(join(dir, `${a.slug}.yaml`), a.yaml);
  }
  return dir;
}

const total = (dir: string) => collectReviews(dir).articles.reduce((sum, a) => sum + a.items.length, 0);

function run(main: (args: string[], out: (s: string) => void, err: (s: string) => void) => number, args: string[]) {
  let stdout = "";
  let stderr = "";
  const status = main(args, (s) => (stdout += s), (s) => (stderr += s));
  return { status, stdout, stderr };
}

describe("the draft flags what needs a person's look", () => {
  it.skipIf(!haveShared)("flags an unknown label of a shared article with its line, and nothing the importer typed for sure", () => {
    const oif = imported(join(SHARED_ARTICLES, "organisation-internationale-de-la-francophonie.txt"));
    const text = readFileSync(join(SHARED_ARTICLES, "organisation-internationale-de-la-francophonie.txt"), "utf8").split("\n");
    const footnote = oif.items.find((i) => i.what === "Footnote A");
    expect(footnote).toMatchObject({ kind: "infobox", value: "Deliberately alluding to France's motto.", why: expect.stringMatching(/unknown label/), reviewed: false });
    // Its line is the line of the article's text that holds it.
    expect(text[Number(footnote!.from!.replace("text line ", "")) - 1]).toMatch(/^- Footnote A: /);
    // A typed line is not flagged (Languages: French), a display setting is not either.
    expect(oif.items.map((i) => i.what)).not.toContain("Languages");
    expect(oif.items.map((i) => i.what)).not.toContain("Languages Type");
  });

  it.skipIf(!haveShared)("lists a fact read from a shared article's prose with its section and sentence", () => {
    const nuj = imported(join(SHARED_ARTICLES, "national-union-of-journalists.txt"));
    expect(nuj.items.find((i) => i.what === "national-union-of-journalists foundingDate")).toMatchObject({
      kind: "prose",
      value: "1907",
      from: 'Lead: "The NUJ was founded in 1907 and has 20,693 members."',
      reviewed: false,
    });
    // A fact that agrees with the infobox adds nothing and is not listed (the NUJ, the infobox's title).
    expect(nuj.prose.find((l) => l.outcome === "agrees")?.detail).toMatch(/^alternateNames NUJ/);
    expect(nuj.items.map((i) => i.what)).not.toContain("national-union-of-journalists alternateNames");
  });

  it.skipIf(!haveShared)("flags exactly what the import report says is to review, in every shared article, with its line", () => {
    for (const file of sharedArticleFiles()) {
      const name = file.replace(/^.*\//, "");
      const text = readFileSync(file, "utf8").split("\n");
      const a = imported(file);
      const report = formatReport({ source: name, out: "x", written: true, lines: a.report, prose: a.prose }, false).split("\n");
      const marked = report.filter((l) => /; to review/.test(l));
      // The infobox's: the same lines and labels.
      const infobox = marked.filter((l) => !/: prose /.test(l)).map((l) => /:(\d+): \w+: ([^:]+):/.exec(l)!.slice(1, 3).join(" "));
      expect(a.items.filter((i) => i.kind === "infobox").map((i) => `${i.from!.replace("text line ", "")} ${i.what}`), name).toEqual(infobox);
      // The prose's: one item per line, in the same section, its sentence on that line of the text.
      const prose = marked.filter((l) => /: prose /.test(l)).map((l) => /:(\d+): prose \w+: ([^:]+):/.exec(l)!.slice(1, 3));
      const proseItems = a.items.filter((i) => i.kind !== "infobox");
      expect(proseItems.length, name).toBe(prose.length);
      prose.forEach(([line, section], k) => {
        const from = proseItems[k]!.from!;
        expect(from.startsWith(`${section}: `), `${name}: ${from}`).toBe(true);
        expect(text[Number(line) - 1], from).toContain(JSON.parse(from.slice(section!.length + 2)));
      });
      // The head counts them; the draft's header says the same number.
      if (marked.length > 0) {
        expect(report[0], name).toMatch(new RegExp(`; ${marked.length} to review \\(reviewed: false in the draft\\)$`));
        expect(a.yaml, name).toContain(`# ${marked.length} imported fact${marked.length === 1 ? " needs" : "s need"} a person's look`);
      } else expect(report[0], name).not.toMatch(/to review/);
    }
  });

  it("flags an ambiguous place with its candidates, and a place typed with a doubt", () => {
    const ambiguous = imported(madeUp(["Type: Guild", "Location: Birmingham"], "The Example Body is a guild of printers."));
    expect(ambiguous.items).toEqual([
      { at: { path: ["infobox", "fields", 1], key: "review" }, kind: "infobox", what: "Location", value: "Birmingham", why: expect.stringMatching(/^an ambiguous place: .*Birmingham, England, GB \(GeoNames 2655603\).*Birmingham, Alabama, US/), from: "text line 5", reviewed: false },
    ]);
    // A held-out article: a headquarters in a place the gazetteer has no city of is typed, with a doubt.
    const danish = imported(join(HELD_OUT, "danish-olympic-committee.txt"));
    const hq = danish.items.find((i) => i.what === "Headquarters");
    expect(hq).toMatchObject({ why: expect.stringMatching(/"Brøndby": not a city the gazetteer knows/), reviewed: false });
    expect(danish.yaml).toMatch(/- label: Headquarters\n\s+value: Brøndby, Denmark\n\s+type: place\n\s+place: \S+\n\s+review:\n/);
  });

  it("says so in the draft's header, and nothing when there is nothing to review", () => {
    const flagged = imported(madeUp(["Type: Guild", "Nonsense Label: 12 things"], "The Example Body is a guild."));
    expect(flagged.items).toHaveLength(1);
    expect(flagged.yaml).toContain("# 1 imported fact needs a person's look: each has `reviewed: false`");
    const sure = imported(madeUp(["Type: Guild", "Founded: 1992"], "The Example Body is a guild."));
    expect(sure.items).toEqual([]);
    expect(sure.yaml).not.toContain("reviewed");
  });
});

describe("the prose's facts are items of the list", () => {
  it("each prose entry is an item with its section and sentence; a contradiction says what the infobox keeps; reviewed ones are done", () => {
    const sentence = "Acme was founded in 1990 in Leeds and has offices in Paris and Lyon.";
    const data = {
      infobox: { title: "Acme", fields: [{ label: "Founded", value: "1992", type: "date" }] },
      organizations: [
        {
          id: "acme", name: "Acme", foundingDate: "1992", locations: ["paris", "lyon"], membership: [{ id: "acme-members", value: 20, asWritten: "20 members" }],
          prose: [
            { field: "locations", values: ["paris", "lyon"], section: "History", sentence, reviewed: false },
            { field: "foundingDate", section: "History", sentence, says: "1990", contradicts: "1992", reviewed: false },
            { field: "membership", values: ["acme-members"], section: "Lead", sentence: "Acme has 20 members.", reviewed: true },
          ],
        },
      ],
      places: [{ id: "paris", name: "Paris" }, { id: "lyon", name: "Lyon" }],
    };
    const items = reviewItems(data);
    expect(items.map((i) => [i.kind, i.what, i.value, i.reviewed])).toEqual([
      ["prose", "acme locations", "Paris; Lyon", false],
      ["contradiction", "acme foundingDate", "1990", false],
      ["prose", "acme membership", "20 members", true],
    ]);
    expect(items[0]).toMatchObject({ at: { path: ["organizations", 0, "prose", 0] }, from: `History: ${JSON.stringify(sentence)}` });
    expect(items[1]!.why).toMatch(/the infobox says 1992/);
    expect(unreviewed(data)).toHaveLength(2);
  });
});

describe("a curator marks a flag reviewed", () => {
  it("setting reviewed: true takes one off the count, and the article still exports", () => {
    const dir = sourceOf([madeUp(["Type: Guild", "Location: Birmingham", "Nonsense Label: 12 things"], "The Example Body is a guild of printers.")]);
    expect(total(dir)).toBe(2);
    const file = join(dir, "example-body.yaml");
    const before = readFileSync(file, "utf8");
    const after = before.replace(/(\n\s+)reviewed: false/, "$1reviewed: true");
    expect(after).not.toBe(before);
    writeFileSync(file, after);
    expect(total(dir)).toBe(1);
    expect(collectReviews(dir).articles.find((a) => a.file.endsWith("example-body.yaml"))!.items.map((i) => i.what)).toEqual(["Nonsense Label"]);
    expect(checkCorpus([{ file, text: after }])).toEqual([]);
    // Deleting the flag counts as reviewed too; a value that is not a boolean is refused at its line.
    const deleted = after.replace(/\n\s+review:\n\s+why: [^\n]+\n\s+line: \d+\n\s+reviewed: false\n/, "\n");
    expect(deleted).not.toBe(after);
    const read = readYaml(deleted, file);
    expect(read.ok && unreviewed(read.source.data)).toEqual([]);
    const wrong = after.replace(/(\n\s+)reviewed: false/, "$1reviewed: not yet");
    const problems = checkCorpus([{ file, text: wrong }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: wrong.split("\n").findIndex((l) => l.includes("reviewed: not yet")) + 1, message: expect.stringMatching(/review\.reviewed/) });
  });

  it.skipIf(!haveShared)("a prose fact of a shared article marked reviewed: true is one fewer", () => {
    const dir = sourceOf([join(SHARED_ARTICLES, "national-union-of-journalists.txt")]);
    const file = join(dir, "national-union-of-journalists.yaml");
    const before = total(dir);
    expect(before).toBeGreaterThan(1);
    const text = readFileSync(file, "utf8");
    const after = text.replace(/(\n(\s+)- field: foundingDate\n(?:\2  [^\n]*\n)*?\2  reviewed: )false/, "$1true");
    expect(after).not.toBe(text);
    writeFileSync(file, after);
    expect(total(dir)).toBe(before - 1);
    expect(collectReviews(dir).articles.flatMap((a) => a.items.map((i) => i.what))).not.toContain("national-union-of-journalists foundingDate");
    expect(checkCorpus([{ file, text: after }])).toEqual([]);
  });

  it("the export ignores the flags: an article with them gives the same graph, infobox and page", () => {
    const dir = ifexSources();
    const file = join(dir, "ifex.yaml");
    const text = readFileSync(file, "utf8");
    const flaggedText = text.replace(/(\n(\s+)- label: Founded Date\n(?:\2  \S[^\n]*\n)*)/, `$1$2  review:\n$2    why: a curator's own question\n$2    line: 4\n$2    reviewed: false\n`);
    expect(flaggedText).not.toBe(text);
    writeFileSync(file, flaggedText);
    expect(total(dir)).toBe(1);
    const out = join(tempDir("review-dist-"), "dist");
    const result = runExport(["--source", dir, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // Every artifact but those that record the source's own checksum.
    for (const name of readdirSync(ifexDist()).filter((n) => !["manifest.json", "SHA256SUMS"].includes(n))) {
      expect(readFileSync(join(out, name)).equals(readFileSync(join(ifexDist(), name))), name).toBe(true);
    }
  });
});

describe("make review and make check", () => {
  it("make review lists each flag not yet reviewed at the file:line:column of its review: key, and the total; exit 0", () => {
    const dir = sourceOf([madeUp(["Type: Guild", "Location: Birmingham", "Nonsense Label: 12 things"], "The Example Body is a guild of printers.")]);
    const result = runScript("scripts/cli/review.ts", ["--source", dir]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    const file = join(dir, "example-body.yaml");
    expect(lines[0]).toBe(`${file}: 2 to review`);
    const yaml = readFileSync(file, "utf8").split("\n");
    const listed = lines.slice(1, 3).map((l) => {
      const m = new RegExp(`^  ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):(\\d+): infobox "([^"]+)" = [^(]+ \\(text line (\\d+)\\): (.*)$`).exec(l);
      expect(m, l).not.toBeNull();
      return { line: Number(m![1]), col: Number(m![2]), label: m![3], textLine: Number(m![4]), why: m![5] };
    });
    expect(listed.map((l) => [l.label, l.textLine])).toEqual([["Location", 5], ["Nonsense Label", 6]]);
    expect(listed[1]!.why).toMatch(/unknown label/);
    for (const l of listed) expect(yaml[l.line - 1]!.slice(l.col - 1)).toBe("review:");
    expect(lines.at(-1)).toBe("review: 2 imported facts not yet reviewed, in 1 of 2 articles (set reviewed: true once checked)");

    // Reviewed, it is no longer listed; with none left, the total says 0.
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("reviewed: false", "reviewed: true"));
    expect(run(reviewMain, ["--source", dir]).stdout).toBe("review: 0 imported facts not yet reviewed, in 0 of 2 articles\n");
  });

  it("make review: a file that cannot be read is reported (exit 1), the others still listed; wrong usage exits 2", () => {
    const dir = sourceOf([madeUp(["Type: Guild", "Nonsense Label: 12 things"], "The Example Body is a guild.")]);
    writeFileSync(join(dir, "broken.yaml"), "article: [\n");
    const result = run(reviewMain, ["--source", dir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/broken\.yaml:\d+:\d+: error: /);
    expect(result.stdout).toContain(`${join(dir, "example-body.yaml")}: 1 to review`);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("review: 1 imported fact not yet reviewed, in 1 of 2 articles (set reviewed: true once checked); 1 file could not be read");
    expect(run(reviewMain, ["--sources", dir]).status).toBe(2);
    expect(run(reviewMain, ["--source", join(dir, "nothing-here")]).status).toBe(2);
  });

  it("make check ends with the count of facts not yet reviewed, one line, and still passes", async () => {
    const dir = sourceOf([madeUp(["Type: Guild", "Location: Birmingham", "Nonsense Label: 12 things"], "The Example Body is a guild of printers.")]);
    let stdout = "";
    const output = { stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stdout += s) };
    expect(await checkMain(["--dist", ifexDist(), "--source", dir], output)).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines.at(-2)).toMatch(/^check: 1 article, 16 artifacts, all pass, 0 violations$/);
    expect(lines.at(-1)).toBe("review: 2 imported facts not yet reviewed, in 1 of 2 articles (make review lists them)");
    expect(lines.filter((l) => l.startsWith("review:"))).toHaveLength(1);
    // The curated IFEX has none; without --source there is no such line.
    stdout = "";
    expect(await checkMain(["--dist", ifexDist(), "--source", ifexSources()], output)).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe("review: 0 imported facts not yet reviewed, in 0 of 1 article");
    stdout = "";
    await checkMain(["--dist", ifexDist()], output);
    expect(stdout).not.toContain("review:");
  });

  it("the Makefile's check and review targets read source/", () => {
    const makefile = readFileSync(join(ROOT, "Makefile"), "utf8");
    expect(makefile).toMatch(/\ncheck: [^\n]*\n\t\$\(NODE\) scripts\/cli\/check\.ts --dist dist --source source\n/);
    expect(makefile).toMatch(/\nreview: [^\n]*\n\t\$\(NODE\) scripts\/cli\/review\.ts --source source\n/);
  });
});
