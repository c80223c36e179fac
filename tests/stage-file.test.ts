// A staged file written again in place (the second job of an article with links fills in its CSV):
// the file holds exactly the new text, whether longer or shorter, its facts say so, and a file the
// current output shares (linked into the staging folder) is refused untouched.

import { linkSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StagedStream, writeStagedFile } from "../scripts/publish/stage-file.ts";
import { factsOf } from "../scripts/datapackage/sha256.ts";
import { tempDir } from "./helpers.ts";

describe("writing a staged file in pieces", () => {
  it("writes text and bytes in the order they come", () => {
    const dir = tempDir("stage-file-");
    const pieces = ["a, ", Buffer.from("ünï", "utf8"), "code, ", "☃".repeat(200_000), Buffer.from("!", "utf8")];
    const text = `a, ünïcode, ${"☃".repeat(200_000)}!`;
    expect(writeStagedFile(dir, "a.csv", pieces)).toEqual(factsOf(text));
    expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe(text);
  });

  it("gathers small pieces into larger writes without losing or reordering any, around a large one", () => {
    const dir = tempDir("stage-file-");
    const stream = new StagedStream(dir, "corpus.nt");
    const expected: string[] = [];
    // Some 3 MB in small pieces (strings, encoded into a buffer reused from piece to piece, and bytes),
    // with pieces of 300 KB and of 2 MB among them, written on their own.
    for (let i = 0; i < 30_000; i++) {
      const line = `<https://example.org/a${i}> <https://schema.org/name> "ñame ☃ ${i}" .\n`;
      expected.push(line);
      stream.write(i % 2 === 0 ? line : Buffer.from(line, "utf8"));
      if (i === 10 || i === 23_456) {
        const large = `${i === 10 ? "x" : "ÿ"}`.repeat(i === 10 ? 300_000 : 1_000_000) + "\n";
        expected.push(large);
        stream.write(large);
      }
    }
    const text = expected.join("");
    expect(stream.close()).toEqual(factsOf(text));
    expect(readFileSync(join(dir, "corpus.nt"), "utf8")).toBe(text);
  });
});

describe("writing a staged file again", () => {
  it("leaves exactly the new text, shorter or longer, with its size and hash", () => {
    const dir = tempDir("stage-file-");
    expect(writeStagedFile(dir, "a.csv", "a long first text, ünïcode")).toEqual(factsOf("a long first text, ünïcode"));
    for (const text of ["short", "a much longer second text than the first one, ☃☃☃", ""]) {
      expect(writeStagedFile(dir, "a.csv", [text.slice(0, 3), text.slice(3)], { replace: true })).toEqual(factsOf(text));
      expect(readFileSync(join(dir, "a.csv"), "utf8")).toBe(text);
    }
  });

  it("writes a text given whole over a longer or shorter one, and shows the bytes it wrote", () => {
    const dir = tempDir("stage-file-");
    writeStagedFile(dir, "a.nt", "a first text of some length, ünïcode");
    for (const text of ["short ☃", "a much longer second text than the first one, ☃☃☃ and more", ""]) {
      let seen: string | undefined;
      const facts = writeStagedFile(dir, "a.nt", text, { replace: true, written: (bytes) => (seen = bytes.toString("utf8")) });
      expect(facts).toEqual(factsOf(text));
      expect(seen).toBe(text);
      expect(readFileSync(join(dir, "a.nt"), "utf8")).toBe(text);
    }
  });

  it("refuses a new file where one is, and a file shared with another name, leaving both as they were", () => {
    const dir = tempDir("stage-file-");
    writeStagedFile(dir, "a.csv", "first");
    expect(() => writeStagedFile(dir, "a.csv", "again")).toThrow();
    linkSync(join(dir, "a.csv"), join(dir, "kept.csv"));
    expect(() => writeStagedFile(dir, "a.csv", "changed", { replace: true })).toThrow(/shares that file/);
    expect(readFileSync(join(dir, "kept.csv"), "utf8")).toBe("first");
  });
});
