/**
 * One index file of schemas/gazetteer/ as its bytes: tab-separated lines, "#" lines first, the rest
 * sorted by their first column (the key) in `compareKeys` order, the lines of one key adjacent.
 * A key's lines are found by a binary search over where each line starts, decoding only the keys it
 * compares: a lookup costs some twenty short decodes whatever the file's size, and a name that is
 * not in the file (most of what articles name) as little as one that is. Nothing is parsed up front.
 */

import { compareKeys } from "./fold.ts";

export class KeyedLines {
  /** Where each line that is not a "#" line (nor empty) starts and ends, in file order (so in key order). */
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  constructor(private readonly bytes: Buffer) {
    const starts: number[] = [];
    const ends: number[] = [];
    for (let at = 0; at < bytes.length; ) {
      const newline = bytes.indexOf(10, at);
      const end = newline < 0 ? bytes.length : newline;
      if (end > at && bytes[at] !== 0x23) {
        starts.push(at);
        ends.push(end);
      }
      at = end + 1;
    }
    this.starts = Uint32Array.from(starts);
    this.ends = Uint32Array.from(ends);
  }

  /** The lines whose key is `key`, in file order, as their columns without the key. */
  linesOf(key: string): string[][] {
    const out: string[][] = [];
    if (key.length === 0) return out;
    // The first line whose key is not before `key`.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareKeys(this.keyAt(middle), key) < 0) low = middle + 1;
      else high = middle;
    }
    for (let line = low; line < this.starts.length && this.keyAt(line) === key; line++) out.push(this.columnsAt(line).slice(1));
    return out;
  }

  /**
   * The first line that has `value` as a column between its first and its last ("CA.08" in
   * regions.tsv, a GeoNames id in cities.tsv), key first: a scan of the bytes, for what no key finds.
   */
  lineWith(value: string): string[] | undefined {
    const at = this.bytes.indexOf(Buffer.from(`\t${value}\t`, "utf8"));
    if (at < 0) return undefined;
    const start = this.bytes.lastIndexOf(10, at) + 1;
    const end = this.bytes.indexOf(10, at);
    return this.bytes.toString("utf8", start, end < 0 ? this.bytes.length : end).split("\t");
  }

  /** Every line's columns, key first, in file order. */
  *lines(): Generator<string[]> {
    for (let line = 0; line < this.starts.length; line++) yield this.columnsAt(line);
  }

  private keyAt(line: number): string {
    const start = this.starts[line]!;
    const end = this.ends[line]!;
    const tab = this.bytes.indexOf(9, start);
    return this.bytes.toString("utf8", start, tab < 0 || tab > end ? end : tab);
  }

  private columnsAt(line: number): string[] {
    return this.bytes.toString("utf8", this.starts[line]!, this.ends[line]!).split("\t");
  }
}
