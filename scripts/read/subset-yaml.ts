// A reader for the small part of YAML that articles are written in, several times faster than
// js-yaml on them: block mappings with plain keys, block sequences, one-line scalars (plain,
// single-quoted, double-quoted without escapes), one-line flow sequences and mappings, and folded
// or literal block scalars of plain lines. Anything else, however valid, is declined (undefined)
// and left to js-yaml (fast-yaml.ts) and then to the `yaml` reader of record (read-yaml.ts).
//
// It runs on texts the fast path's text checks passed (fast-yaml-precheck.ts): no tabs, carriage
// returns, control characters, tags, anchors, aliases, directives or document markers.
// What it gives must be exactly the `yaml` reader's data: tests/fast-yaml.test.ts compares the two
// over the project's articles and generated documents. So it declines whenever a rule of YAML it
// does not follow could apply:
// - keys: a letter, then letters, digits, `_` or `-`, then `:` and a space or the line's end; not a
//   null or boolean word; each once per mapping;
// - a key with nothing after it opens a block that is more indented than the key (no null value,
//   no sequence at the key's own indentation);
// - a line more indented than its place (a scalar continued on the next line), comment lines that
//   are indented, plain scalars starting with an indicator or holding `: `;
// - quoted scalars with a backslash or over several lines; flow collections over several lines,
//   nested beyond a sequence inside a mapping, with empty or trailing entries, or with `:`, `#`,
//   quotes or brackets inside a plain scalar;
// - block scalars other than `>`, `>-`, `|`, `|-` right before the line end, with a line more
//   indented than the first, a line ending in a space, a blank line between lines, a line of
//   spaces only, or no line break after the last line.

import { coreValue, TEXT } from "./core-scalars.ts";
import { MAX_NESTING } from "./source-limits.ts";

/** Thrown to give up on a text; caught in readSubset. */
const DECLINE = Symbol("declined");

function decline(): never {
  throw DECLINE;
}

// The reader's state, for the text being read (one text at a time: the reader is synchronous).
let text = "";
let n = 0;
/** The start of the line not read yet (or n). */
let pos = 0;
/** The first character of the current content line, as found by nextLine. */
let content = 0;
/** How deeply collections nest (a mapping of scalars: 1). */
let deepest = 0;

const RESERVED = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"]);

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isKeyChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;

/** The data of the text, and how deeply its collections nest; undefined when it is not of the subset. */
export function readSubset(source: string): { data: Record<string, unknown>; depth: number } | undefined {
  text = source;
  n = source.length;
  pos = 0;
  deepest = 0;
  try {
    if (nextLine() !== 0) decline();
    const data = mapping(0, content, 1);
    if (nextLine() !== -1) decline();
    return { data, depth: deepest };
  } catch {
    // DECLINE, or anything else that went wrong (the other readers will say what).
    return undefined;
  } finally {
    text = "";
  }
}

/**
 * Moves to the next line with content (past blank lines and comment lines at column 0) and gives
 * its indentation, or -1 at the end. Asked again without reading, it gives the same line.
 */
function nextLine(): number {
  for (;;) {
    if (pos >= n) return -1;
    let i = pos;
    while (text.charCodeAt(i) === 0x20) i++;
    if (i >= n) {
      pos = n;
      return -1;
    }
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      pos = i + 1;
    } else if (c === 0x23) {
      if (i !== pos) decline();
      pos = lineEnd(i);
    } else {
      content = i;
      return i - pos;
    }
  }
}

/** The start of the line after the one holding `i` (or n). */
function lineEnd(i: number): number {
  const end = text.indexOf("\n", i);
  return end < 0 ? n : end + 1;
}

/** After a value ending at `i`: spaces, maybe a comment after a space, then the line end. */
function endLine(i: number): void {
  let j = i;
  while (text.charCodeAt(j) === 0x20) j++;
  if (j >= n) pos = n;
  else if (text.charCodeAt(j) === 0x0a) pos = j + 1;
  else if (text.charCodeAt(j) === 0x23 && j > i) pos = lineEnd(j);
  else decline();
}

/** The end of a key starting at `i` (a letter, then key characters, then `:`), or -1. */
function keyEnd(i: number): number {
  let c = text.charCodeAt(i);
  if (!isLetter(c)) return -1;
  // The key's slot among the known keys (below), hashed on the way.
  let h = c;
  let j = i + 1;
  while (isKeyChar((c = text.charCodeAt(j)))) {
    h = (h * 31 + c) | 0;
    j++;
  }
  keySlot = h & (KEY_SLOTS - 1);
  return c === 0x3a ? j : -1;
}

// Keys seen before, by a hash of their characters. Articles use a few dozen keys thousands of
// times: a key found here is that same string, already a property name to V8, instead of a new
// slice of the text that every store and look-up would first have to hash and find in V8's table
// of names (setKey was a third of the reader's time). Only keys setKey accepted are kept, so a
// key found here is not a reserved word.
const KEY_SLOTS = 512;
const knownKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
/** The slot of the key keyEnd found last. */
let keySlot = 0;

/** The key written from `start` to `end`, right after keyEnd found it, as a string. */
function keyAt(start: number, end: number): string {
  const known = knownKeys[keySlot];
  if (known !== undefined && known.length === end - start && text.startsWith(known, start)) return known;
  return text.slice(start, end);
}

/** Sets a key of a mapping (its slot as keyEnd found it); declines a reserved word or a key the mapping already has. */
function setKey(map: Record<string, unknown>, key: string, value: unknown, slot: number): void {
  if (Object.prototype.hasOwnProperty.call(map, key)) decline();
  if (knownKeys[slot] !== key) {
    if (RESERVED.has(key)) decline();
    knownKeys[slot] = key;
  }
  map[key] = value;
}

/** A block mapping whose keys are at column `indent`, the first one at `start`. */
function mapping(indent: number, start: number, level: number): Record<string, unknown> {
  if (level > deepest) deepest = level;
  // Deeper than any article may nest: not recursed into (source-limits.ts refuses it).
  if (level > MAX_NESTING) decline();
  const map: Record<string, unknown> = {};
  let at = start;
  for (;;) {
    const end = keyEnd(at);
    if (end < 0) decline();
    const key = keyAt(at, end);
    const slot = keySlot;
    let i = end + 1;
    const after = text.charCodeAt(i);
    let value: unknown;
    if (i >= n || after === 0x0a) {
      pos = i >= n ? n : i + 1;
      value = block(indent, level);
    } else if (after === 0x20) {
      while (text.charCodeAt(i) === 0x20) i++;
      const c = text.charCodeAt(i);
      if (i >= n || c === 0x0a) {
        pos = i >= n ? n : i + 1;
        value = block(indent, level);
      } else value = inline(i, indent, level, true);
    } else decline();
    setKey(map, key, value, slot);
    const next = nextLine();
    if (next === indent) at = content;
    else if (next < indent) return map;
    else decline();
  }
}

/** The block value of a key at column `indent`: a mapping or a sequence, more indented. */
function block(indent: number, level: number): unknown {
  const next = nextLine();
  if (next <= indent) decline();
  if (text.charCodeAt(content) === 0x2d && text.charCodeAt(content + 1) === 0x20) return sequence(next, level + 1);
  return mapping(next, content, level + 1);
}

/** A block sequence whose `-` are at column `indent`, the first on the current line. */
function sequence(indent: number, level: number): unknown[] {
  if (level > deepest) deepest = level;
  if (level > MAX_NESTING) decline();
  const list: unknown[] = [];
  for (;;) {
    let i = content + 1;
    while (text.charCodeAt(i) === 0x20) i++;
    if (i >= n || text.charCodeAt(i) === 0x0a) decline();
    // `- key: value` opens a mapping whose keys are at the column of the first.
    const end = keyEnd(i);
    if (end >= 0 && (end + 1 >= n || text.charCodeAt(end + 1) === 0x20 || text.charCodeAt(end + 1) === 0x0a)) list.push(mapping(i - pos, i, level + 1));
    else list.push(inline(i, indent, level, false));
    const next = nextLine();
    if (next === indent && text.charCodeAt(content) === 0x2d && text.charCodeAt(content + 1) === 0x20) continue;
    if (next < indent) return list;
    decline();
  }
}

/** A value starting at `i` on its key's or item's line; reads to the line end (and a block scalar's lines). */
function inline(i: number, indent: number, level: number, blockScalar: boolean): unknown {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x27) {
    const end = quotedEnd(i);
    endLine(end);
    return quoted(i, end);
  }
  if (c === 0x5b || c === 0x7b) {
    const [value, end] = c === 0x5b ? flowSequence(i, level + 1) : flowMapping(i, level + 1);
    endLine(end);
    return value;
  }
  if (c === 0x7c || c === 0x3e) {
    if (!blockScalar) decline();
    return blockText(i, indent);
  }
  if (isIndicator(c)) decline();
  // A plain scalar: to a comment (` #`) or the line end; `: ` would make it a key.
  let j = i;
  let end = -1;
  for (; j < n; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x0a) break;
    if (d === 0x3a) {
      const e = text.charCodeAt(j + 1);
      if (j + 1 >= n || e === 0x20 || e === 0x0a) decline();
    } else if (d === 0x23 && text.charCodeAt(j - 1) === 0x20) {
      end = j;
      break;
    }
  }
  pos = j >= n ? n : end >= 0 ? lineEnd(j) : j + 1;
  if (end < 0) end = j;
  while (text.charCodeAt(end - 1) === 0x20) end--;
  return plain(text.slice(i, end));
}

/** Characters that cannot start a plain scalar here, or that start one this reader leaves to others (`-`, `?`, `:`). */
function isIndicator(c: number): boolean {
  switch (c) {
    case 0x2d: // -
    case 0x3f: // ?
    case 0x3a: // :
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x7b: // {
    case 0x7d: // }
    case 0x23: // #
    case 0x26: // &
    case 0x2a: // *
    case 0x21: // !
    case 0x7c: // |
    case 0x3e: // >
    case 0x27: // '
    case 0x22: // "
    case 0x25: // %
    case 0x40: // @
    case 0x60: // `
      return true;
    default:
      return false;
  }
}

function plain(s: string): unknown {
  const value = coreValue(s);
  return value === TEXT ? s : value;
}

/** The position after the closing quote of a quoted scalar starting at `i`, on the same line. */
function quotedEnd(i: number): number {
  const q = text.charCodeAt(i);
  for (let j = i + 1; j < n; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x0a) break;
    if (q === 0x22 && d === 0x5c) break;
    if (d === q) {
      if (q === 0x27 && text.charCodeAt(j + 1) === 0x27) {
        j++;
        continue;
      }
      return j + 1;
    }
  }
  return decline();
}

function quoted(i: number, end: number): string {
  const s = text.slice(i + 1, end - 1);
  return text.charCodeAt(i) === 0x27 && s.includes("'") ? s.replace(/''/g, "'") : s;
}

/** A one-line flow sequence `[a, "b", 'c']` at `i`, of scalars; with the position after its `]`. */
function flowSequence(i: number, level: number): [unknown[], number] {
  if (level > deepest) deepest = level;
  const list: unknown[] = [];
  let j = skipSpaces(i + 1);
  if (text.charCodeAt(j) === 0x5d) return [list, j + 1];
  for (;;) {
    const [value, end] = flowScalar(j, 0x5d);
    list.push(value);
    j = skipSpaces(end);
    const d = text.charCodeAt(j);
    if (d === 0x5d) return [list, j + 1];
    if (d !== 0x2c) decline();
    j = skipSpaces(j + 1);
    if (text.charCodeAt(j) === 0x5d) decline();
  }
}

/** A one-line flow mapping `{a: b, c: [d]}` at `i`; with the position after its `}`. */
function flowMapping(i: number, level: number): [Record<string, unknown>, number] {
  if (level > deepest) deepest = level;
  const map: Record<string, unknown> = {};
  let j = skipSpaces(i + 1);
  if (text.charCodeAt(j) === 0x7d) return [map, j + 1];
  for (;;) {
    const end = keyEnd(j);
    if (end < 0 || text.charCodeAt(end + 1) !== 0x20) decline();
    const key = keyAt(j, end);
    const slot = keySlot;
    j = skipSpaces(end + 1);
    let value: unknown;
    let after: number;
    if (text.charCodeAt(j) === 0x5b) [value, after] = flowSequence(j, level + 1);
    else [value, after] = flowScalar(j, 0x7d);
    setKey(map, key, value, slot);
    j = skipSpaces(after);
    const d = text.charCodeAt(j);
    if (d === 0x7d) return [map, j + 1];
    if (d !== 0x2c) decline();
    j = skipSpaces(j + 1);
    if (text.charCodeAt(j) === 0x7d) decline();
  }
}

function skipSpaces(i: number): number {
  while (text.charCodeAt(i) === 0x20) i++;
  return i;
}

/** A scalar inside a flow collection closed by `close`, at `i`; with the position after it. */
function flowScalar(i: number, close: number): [unknown, number] {
  const c = text.charCodeAt(i);
  if (c === 0x22 || c === 0x27) {
    const end = quotedEnd(i);
    return [quoted(i, end), end];
  }
  if (isIndicator(c)) decline();
  let j = i;
  for (; ; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x2c || d === close) break;
    // The line end, the text's end (NaN), brackets, `:`, `#` and quotes: left to the other readers.
    if (!(d >= 0x20) || d === 0x5b || d === 0x5d || d === 0x7b || d === 0x7d || d === 0x3a || d === 0x23 || d === 0x22 || d === 0x27) decline();
  }
  let end = j;
  while (text.charCodeAt(end - 1) === 0x20) end--;
  return [plain(text.slice(i, end)), j];
}

/** A block scalar whose header `>`, `>-`, `|` or `|-` is at `i`, for a key at column `indent`. */
function blockText(i: number, indent: number): string {
  const folded = text.charCodeAt(i) === 0x3e;
  let j = i + 1;
  const strip = text.charCodeAt(j) === 0x2d;
  if (strip) j++;
  if (text.charCodeAt(j) !== 0x0a) decline();
  let line = j + 1;
  let k = -1;
  const lines: string[] = [];
  for (;;) {
    if (line >= n) break;
    let s = line;
    while (text.charCodeAt(s) === 0x20) s++;
    const spaces = s - line;
    const c = text.charCodeAt(s);
    if (s >= n || c === 0x0a) {
      // A blank line: only after the last line of the scalar, and without spaces.
      if (spaces > 0 || k < 0) decline();
      let after = s + 1;
      for (;;) {
        let t = after;
        while (text.charCodeAt(t) === 0x20) t++;
        const blank = t >= n || text.charCodeAt(t) === 0x0a;
        // Spaces alone on a line after a block scalar may be part of it: left to the other readers.
        if (blank && t > after) decline();
        if (t >= n) break;
        if (blank) {
          after = t + 1;
          continue;
        }
        // A line as indented as the scalar's after the blank one: the blank one was inside it.
        if (t - after >= k) decline();
        break;
      }
      break;
    }
    if (k < 0) {
      if (spaces <= indent) decline();
      k = spaces;
    }
    if (spaces < k) break;
    if (spaces > k) decline();
    const end = text.indexOf("\n", s);
    if (end < 0 || text.charCodeAt(end - 1) === 0x20) decline();
    lines.push(text.slice(s, end));
    line = end + 1;
  }
  if (lines.length === 0) decline();
  pos = line;
  const body = lines.join(folded ? " " : "\n");
  return strip ? body : `${body}\n`;
}
