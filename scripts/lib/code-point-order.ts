// Code-point order for sorting names and lines the same way on every machine and locale.
// JavaScript's default sort compares UTF-16 code units, which differs from it past U+FFFF; the
// order of the UTF-8 bytes is the code-point order, and what `LC_ALL=C sort` gives.

export function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
