// A block of BENCHMARKS.md that a benchmark other than `npm run bench` writes, between the markers
// <!-- name --> and <!-- /name -->: run-bench.ts rewrites the rest of the file and keeps these.

import { readFileSync, writeFileSync } from "node:fs";

/** Every kept block of a BENCHMARKS.md text, markers included, in the order they stand. */
export const KEPT_BLOCK = /<!-- ([\w-]+) -->[\s\S]*?<!-- \/\1 -->/g;

/** The block `name` holding `lines`, markers included. */
export function keptBlock(name: string, lines: readonly string[]): string {
  return `<!-- ${name} -->\n${lines.join("\n")}\n<!-- /${name} -->`;
}

/** Puts the block `name` into the file at `path`: in the place of the one there, or at the end. */
export function writeKeptBlock(path: string, name: string, lines: readonly string[]): void {
  const block = keptBlock(name, lines);
  const text = readFileSync(path, "utf8");
  const marked = new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->`);
  writeFileSync(path, marked.test(text) ? text.replace(marked, () => block) : `${text.trimEnd()}\n\n${block}\n`);
}
