// The web page shows the infobox of the .infobox.json: the writers' input (writers/index.ts) makes
// the document once per article and hands it to both writers; nothing is kept from one article to
// the next.

import { describe, expect, it } from "vitest";
import type { ArticleModel } from "../scripts/model/types.ts";
import { infoboxDocument } from "../scripts/writers/infobox.ts";
import { WRITERS, writerInput } from "../scripts/writers/index.ts";
import { ifex } from "./ifex.ts";

describe("the infobox document of the .infobox.json and the web page", () => {
  it("is made once per article, and is what a fresh call makes", () => {
    const { model, iris, graph } = ifex();
    const input = writerInput(model, iris, graph);
    const document = input.infobox();
    expect(input.infobox()).toBe(document);
    expect(document).toEqual(infoboxDocument(structuredClone(model), iris));
    expect(WRITERS.infobox.write(input)).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(WRITERS.html.write(input)).toContain(`<caption>${document.title}</caption>`);
  });

  it("is each model's own", () => {
    const { model, iris, graph } = ifex();
    const other: ArticleModel = { ...model, infobox: { ...model.infobox, title: "Other", fields: model.infobox.fields.slice(1) } };
    const document = writerInput(other, iris, graph).infobox();
    expect(document.title).toBe("Other");
    expect(document.fields).toHaveLength(model.infobox.fields.length - 1);
    expect(writerInput(model, iris, graph).infobox().title).toBe(model.infobox.title);
  });
});
