// The web page shows the infobox of the .infobox.json, which writers/infobox.ts keeps for the model
// it was made for: the kept document must be exactly a fresh one, each model's own when models come
// in turn, and a model that changed must get a new one.

import { describe, expect, it } from "vitest";
import type { ArticleModel } from "../scripts/model/types.ts";
import { infoboxDocument } from "../scripts/writers/infobox.ts";
import { ifex } from "./ifex.ts";

/** The document of a model no other call has seen (a fresh copy of every part it is made from). */
const fresh = (model: ArticleModel) => infoboxDocument(structuredClone(model));

describe("the infobox document kept for the web page", () => {
  it("is each model's own when models are asked about in turn, and made again when a model changes", () => {
    const { model } = ifex();
    const other: ArticleModel = { ...model, infobox: { ...model.infobox, title: "Other" } };
    for (let i = 0; i < 2; i++) {
      expect(infoboxDocument(model)).toEqual(fresh(model));
      expect(infoboxDocument(other).title).toBe("Other");
      expect(infoboxDocument(other)).toEqual(fresh(other));
    }
    const changed: ArticleModel = { ...model, infobox: { ...model.infobox, fields: [...model.infobox.fields] } };
    expect(infoboxDocument(changed)).toEqual(fresh(model));
    changed.infobox.fields.pop();
    expect(infoboxDocument(changed).fields).toHaveLength(model.infobox.fields.length - 1);
    expect(infoboxDocument(model).title).toBe(model.infobox.title);
  });
});
