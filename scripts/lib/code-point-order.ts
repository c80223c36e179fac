// Code-point order for sorting names and lines the same way on every machine and locale.
// JavaScript's default sort compares UTF-16 code units, which differs from it past U+FFFF; the
// order of the UTF-8 bytes is the code-point order, and what `LC_ALL=C sort` gives.

/**
 * The order of the strings' UTF-8 bytes, without encoding them: UTF-16 code units compare in
 * code-point order except a surrogate (U+D800 to U+DFFF, half of a character past U+FFFF) against
 * U+E000 to U+FFFF. Where the first difference involves a surrogate, the bytes decide, as in
 * `compareUtf8Bytes` (which also settles lone surrogates, encoded as U+FFFD).
 */
export function compareCodePoints(a: string, b: string): number {
  const length = a.length < b.length ? a.length : b.length;
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const x = i < a.length ? a.charCodeAt(i) : -1;
  const y = i < b.length ? b.charCodeAt(i) : -1;
  if ((x & 0xf800) === 0xd800 || (y & 0xf800) === 0xd800) return compareUtf8Bytes(a, b);
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

/** The reference: compares the UTF-8 encodings themselves. */
export function compareUtf8Bytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** A surrogate or a character from U+E000: where UTF-16 order and code-point order may part. */
const HIGH = /[\uD800-\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const AFTER_SURROGATES = /[\uE000-\uFFFF]/;

/** How a list is sorted in code-point order; "bytes" when a lone surrogate needs the UTF-8 bytes. */
function sortKind(list: readonly string[]): "native" | "compare" | "bytes" {
  let astral = false;
  let after = false;
  for (const s of list) {
    if (!HIGH.test(s)) continue;
    if (SURROGATE.test(s)) {
      // A lone surrogate is encoded as U+FFFD: only the bytes can say where it goes.
      if (!(s as string & { isWellFormed(): boolean }).isWellFormed()) return "bytes";
      astral = true;
    }
    if (!after && AFTER_SURROGATES.test(s)) after = true;
  }
  return astral && after ? "compare" : "native";
}

/**
 * Sorts the list in place in code-point order. JavaScript's own sort (UTF-16 code units, native and
 * much faster than any comparison function) gives that order unless the list holds both characters
 * past U+FFFF and characters from U+E000, or a lone surrogate; only then is `compareCodePoints` used.
 */
export function sortByCodePoints(list: string[]): string[] {
  return sortKind(list) === "native" ? list.sort() : list.sort(compareCodePoints);
}

/**
 * The list sorted in code-point order without repeats (in place), or undefined when it holds a
 * lone surrogate: different strings could then compare equal, and only a Set dedupes them exactly.
 * `belowSurrogates`: the caller knows no string holds a unit from U+D800 (the order is then UTF-16's).
 */
export function sortUniqueByCodePoints(list: string[], belowSurrogates = false): string[] | undefined {
  const kind = belowSurrogates ? "native" : sortKind(list);
  if (kind === "bytes") return undefined;
  if (kind === "native") list.sort();
  else list.sort(compareCodePoints);
  let n = 0;
  for (let i = 0; i < list.length; i++) if (n === 0 || list[i] !== list[n - 1]) list[n++] = list[i]!;
  list.length = n;
  return list;
}
