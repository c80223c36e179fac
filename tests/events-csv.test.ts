// corpus.events.csv is written by the export from its rows' lines as bytes (eventsCsvBytes, copied
// out of the spill), by the in-memory pipeline from the lines as text (eventsCsvText): the same bytes.
// corpus.organizations.csv is written from each article's row kept as its line: what csvDocument writes.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventsCsvBytes, eventsCsvText, organizationsCsv, organizationsCsvBytes, organizationsHeader } from "../scripts/corpus/combined-csv.ts";
import { csvDocument, quotedRow } from "../scripts/writers/csv-text.ts";
import { guardFormula } from "../scripts/writers/csv.ts";

/** Every piece copied as it comes: eventsCsvBytes reuses its block from piece to piece. */
function collect(pieces: Iterable<Uint8Array>): Buffer {
  const copies: Buffer[] = [];
  for (const piece of pieces) copies.push(Buffer.from(piece));
  return Buffer.concat(copies);
}

describe("corpus.events.csv from bytes", () => {
  it("is the UTF-8 of the text written from the same lines, in the same order", () => {
    const date = fc.constantFrom("1992", "1992-05", "1992-05-01", "2001", "1995-12-31");
    // Lines across the 64 KB block, and longer than it.
    const line = fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom(1_000, 40_000, 70_000).map((n) => "é".repeat(n)));
    fc.assert(
      fc.property(fc.array(fc.tuple(date, line), { maxLength: 40 }), (rows) => {
        const dates = rows.map(([d]) => d);
        const text = [...eventsCsvText(dates, (i) => rows[i]![1])].join("");
        expect(collect(eventsCsvBytes(dates, (i) => Buffer.from(rows[i]![1], "utf8"))).equals(Buffer.from(text, "utf8"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("corpus.organizations.csv from kept lines", () => {
  it("is what csvDocument writes for the rows' cells, formulas guarded", () => {
    const header = organizationsHeader();
    const cell = fc.oneof(fc.constantFrom("", "=SUM(A1)", "+1", '"quoted"', "a,b", "line\nbreak", "é 日本 𝄞"), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 6 }), (rows) => {
        const lines = rows.map((cells) => ({ line: quotedRow(cells.map(guardFormula)) }));
        const text = csvDocument(header.map(guardFormula), rows.map((cells) => cells.map(guardFormula)));
        expect([...organizationsCsv(lines)].join("")).toBe(text);
        // The same bytes from the lines as UTF-8 (the export's, copied out of its spill).
        expect(collect(organizationsCsvBytes(lines.length, (i) => Buffer.from(lines[i]!.line, "utf8"))).equals(Buffer.from(text, "utf8"))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
