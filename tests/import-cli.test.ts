// The import command line: --help, --out, --force, the report, and bad input refused with the file
// name (and line) with nothing written. The article texts here are made up for the test.

import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../scripts/cli/import.ts";
import { ROOT, tempDir } from "./helpers.ts";
import { runScript } from "./script-bundle.ts";

/** The import command line, prebuilt (tests/script-bundle.ts), or with `tsx` as make starts it. */
const runImport = (args: string[], options: { tsx?: boolean } = {}) => runScript("scripts/cli/import.ts", args, options);

/**
 * The command line's main in this process: what the process prints, and the status it exits with
 * (scripts/cli/import.ts sets process.exitCode to it; the tests above run the process itself).
 */
function importHere(args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const status = main(args, (s) => (stdout += s), (s) => (stderr += s));
  return { status, stdout, stderr };
}

const ARTICLE = ["= Acme Trust (charity) =", "", "Acme Trust", "- Type: Charitable foundation", "- Founded: 2005, UK", "- Location: Leeds, England", "- Num Employees: approx. 230", "- Map: |", "- Mapframe: no", "- Footnote B: a note", "", "Acme Trust is a made-up foundation for this test.", "", "== History ==", "It was made up.", "", "==See also==", "- Made-up things", ""].join("\n");

function article(dir: string, name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("import --help and the report", () => {
  it("lists every option and exits 0", () => {
    // As make starts it, through tsx.
    const help = runImport(["--help"], { tsx: true });
    expect(help.status).toBe(0);
    for (const option of ["--out DIR", "--force", "--verbose", "-h, --help", "make import FILES="]) expect(help.stdout).toContain(option);
  });

  it("refuses an unknown option and no file (exit 2)", () => {
    // The process exits with main's status (the test above, and the last of the file's refusals);
    // the second refusal is main's own, here.
    expect(runImport(["--output", "x"]).status).toBe(2);
    expect(importHere([]).status).toBe(2);
  });

  it("writes <slug>.yaml into --out and reports typed, text and dropped lines with why", () => {
    const dir = tempDir("import-in-");
    const out = tempDir("import-out-");
    const result = runImport(["--out", out, article(dir, "acme.txt", ARTICLE)]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readdirSync(out)).toEqual(["acme-trust.yaml"]);
    expect(result.stdout).toContain(`wrote ${join(out, "acme-trust.yaml")} from ${join(dir, "acme.txt")}: 7 infobox lines, 4 typed, 1 text, 2 dropped`);
    expect(result.stdout).toContain(":8: dropped: Map: template residue");
    expect(result.stdout).toContain(":9: dropped: Mapframe: display setting");
    expect(result.stdout).toContain(":10: text: Footnote B: unknown label");
    const yaml = readFileSync(join(out, "acme-trust.yaml"), "utf8");
    expect(yaml).toContain("foundingDate: \"2005\"");
    expect(yaml).toContain("type: NGO");
    expect(yaml).toContain("seeAlso:");
  });

  it("never replaces an existing file unless forced", () => {
    const dir = tempDir("import-in-");
    const out = tempDir("import-out-");
    writeFileSync(join(out, "acme-trust.yaml"), "# curated\n");
    const kept = runImport(["--out", out, article(dir, "acme.txt", ARTICLE)]);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toContain("kept");
    expect(readFileSync(join(out, "acme-trust.yaml"), "utf8")).toBe("# curated\n");
    // --force is main's own option (scripts/cli/import.ts), here in this process.
    const forced = importHere(["--out", out, "--force", join(dir, "acme.txt")]);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(out, "acme-trust.yaml"), "utf8")).toContain("slug: acme-trust");
  });
});

describe("make import", () => {
  it("passes every file of FILES to one command line, a list of one a line (FILES=\"$(ls …)\") as well", () => {
    // make -n prints the commands it would run, and runs none; -o: it does not install packages either.
    const planned = execFileSync("make", ["-n", "-o", "node_modules/.package-lock.json", "import", "FILES=../a b.txt\nc.txt\n"], { cwd: ROOT, encoding: "utf8" });
    const commands = planned.split("\n").filter((line) => line.includes("scripts/cli/import.ts"));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/ --out source +\.\.\/a b\.txt c\.txt$/);
  });
});

// The refusals below are the import's own (scripts/cli/import.ts's main, in this process); the
// last one runs the process too, which exits 1 with the message.
describe("bad input is refused with the file name (and line), and nothing is written", () => {
  const cases: [string, string | Buffer | ((path: string) => void), RegExp][] = [
    ["empty.txt", "", /empty\.txt: error: the file is empty/],
    ["binary.txt", Buffer.from([0x3d, 0x20, 0x41, 0x20, 0x3d, 0x0a, 0x00, 0x01]), /binary\.txt:2: error: the file is binary/],
    ["latin1.txt", Buffer.from("= Caf\xe9 =\n\nX\n- A: b\n", "latin1"), /latin1\.txt:1: error: the file is not valid UTF-8/],
    ["no-title.txt", "Acme\n- Type: NGO\n", /no-title\.txt:1: error: expected the article's title line/],
    ["no-colon.txt", "= Acme =\n\nAcme\n- Type: NGO\n- Founded 1992\n", /no-colon\.txt:5:1: error: an infobox line without a colon/],
    ["no-infobox.txt", "= Acme =\n\nAcme is a company.\n", /no-infobox\.txt:4: error: expected `- Label: Value` lines/],
    ["huge.txt", (path: string) => { writeFileSync(path, "= Huge =\n"); truncateSync(path, 50 * 1024 * 1024); }, /huge\.txt: error: the file has 52428800 bytes, more than an article may/],
    ["control.txt", "= Acme =\n\nAcme\n- Type: N\u0007GO\n", /control\.txt:4:10: error: a control character U\+0007/],
  ];

  it.each(cases)("%s", (name, content, message) => {
    const dir = tempDir("import-bad-");
    const out = tempDir("import-out-");
    const good = article(dir, "good.txt", ARTICLE);
    const path = join(dir, name);
    if (typeof content === "function") content(path);
    else writeFileSync(path, content);
    const result = importHere(["--out", out, good, path]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("nothing written");
    // The good article beside it is not written either.
    expect(readdirSync(out)).toEqual([]);
  });

  it("refuses two articles with the same slug", () => {
    const dir = tempDir("import-bad-");
    const out = tempDir("import-out-");
    const result = runImport(["--out", out, article(dir, "a.txt", ARTICLE), article(dir, "b.txt", ARTICLE)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/b\.txt:1: error: the title gives the slug "acme-trust", as .*a\.txt does/);
    expect(readdirSync(out)).toEqual([]);
  });
});
