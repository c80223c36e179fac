// The held-out set (tests/fixtures/heldout: article texts written for testing, which the importer
// was never tuned on, and their gold): `npm run fidelity -- --set heldout` scores it, and the import
// holds the floors of the "heldout" entry of tests/fidelity-floors.json (raise them as it improves;
// wrong persons and places in a foreign country may only fall).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../scripts/fidelity/cli.ts";
import { articleSet } from "../scripts/fidelity/sets.ts";
import type { Score } from "../scripts/fidelity/score.ts";
import { IFEX_SOURCE, ROOT } from "./helpers.ts";

const HELDOUT = join(ROOT, "tests/fixtures/heldout");

interface Floors {
  precision: number;
  recallInfobox: number;
  recallProse: number;
  wrongPersons: number;
  foreignPlaces: number;
}

/** Runs the command line, returning its exit status and what it printed. */
function run(args: string[]): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = main(args, (s) => (out += s), (s) => (err += s));
  return { status, out, err };
}

describe("the held-out set", () => {
  it("pairs each article text with a gold file of the same slug", () => {
    const slugs = (dir: string, ext: string) => readdirSync(join(HELDOUT, dir)).filter((f) => f.endsWith(ext)).map((f) => f.slice(0, -ext.length)).sort();
    const texts = slugs("articles", ".txt");
    expect(texts.length).toBeGreaterThanOrEqual(14);
    expect(slugs("gold", ".yaml")).toEqual(texts);
  });

  it("is the set named heldout; an unknown set, a set with --gold, or --write-doc with another set is wrong usage", () => {
    expect(articleSet("heldout")).toEqual({ name: "heldout", gold: join(HELDOUT, "gold"), articles: join(HELDOUT, "articles") });
    expect(articleSet("nope")).toMatch(/no .*tests\/fixtures\/nope\/gold/);
    expect(articleSet("../heldout")).toMatch(/lower-case letters/);
    const unknown = run(["--set", "nope"]);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toMatch(/--set nope/);
    const both = run(["--set", "heldout", "--gold", HELDOUT]);
    expect(both.status).toBe(2);
    expect(both.err).toMatch(/--set names both folders/);
    const doc = run(["--set", "heldout", "--write-doc"]);
    expect(doc.status).toBe(2);
    expect(doc.err).toMatch(/--write-doc/);
  });

  describe("scored", () => {
    let result: Floors & Pick<Score, "articles">;
    beforeAll(() => {
      // With the tests' corpus settings (tests/fixtures/ifex/), not whatever base or places source/ holds.
      const { status, out, err } = run(["--set", "heldout", "--json", "--corpus", join(IFEX_SOURCE, "corpus.yaml")]);
      expect(err).toBe("");
      expect(status).toBe(0);
      result = JSON.parse(out) as typeof result;
    });

    it("holds the floors of tests/fidelity-floors.json's heldout entry: precision and recall at or above, wrong persons and foreign places at or below", () => {
      const floors = (JSON.parse(readFileSync(join(ROOT, "tests/fidelity-floors.json"), "utf8")) as { heldout: Floors }).heldout;
      expect(result.articles.map((a) => a.slug)).toEqual(readdirSync(join(HELDOUT, "gold")).filter((f) => f.endsWith(".yaml")).map((f) => f.slice(0, -5)).sort());
      expect(result.precision).toBeGreaterThanOrEqual(floors.precision);
      expect(result.recallInfobox).toBeGreaterThanOrEqual(floors.recallInfobox);
      expect(result.recallProse).toBeGreaterThanOrEqual(floors.recallProse);
      expect(result.wrongPersons).toBeLessThanOrEqual(floors.wrongPersons);
      expect(result.foreignPlaces).toBeLessThanOrEqual(floors.foreignPlaces);
    });
  });
});
