// The text checks of the reader's fast path (fast-yaml.ts), in one pass over the character codes.
// They were a dozen regular expressions, each a pass over the whole text, plus a pass for the
// indentation: a third of the fast path's time. tests/fast-yaml-precheck.test.ts keeps those
// expressions as the reference and checks this pass gives the same verdict on generated texts.
//
// The text is declined (undefined) when it holds anything the fast path does not vouch for:
// - what the source limits could refuse: over MAX_SOURCE_BYTES of UTF-8, C0 controls but line
//   feed, DEL, C1 controls, lone surrogates;
// - tab, carriage return, BOM, line and paragraph separators;
// - YAML that only the `yaml` reader handles: at a line start, a directive (`%`), a document
//   marker (`---`, `...`) or a `:` after spaces (a key on the line before); where a node may start
//   (text start, after white space or `[]{},`), a tag (`!`), an anchor or alias (`&a`, `*a`), an
//   explicit key (`?` then white space or the end); a flow collection as a key (`]` or `}`,
//   spaces, `:`);
// - a sequence item with nothing after its `-` on the line (text start, line feed or space, `-`,
//   spaces, then `#`, a line feed or the end): js-yaml may take a later, less indented item into
//   it (`- -` then `- a`; `-`, `  -`, a comment, `- []`);
// - a `#` right after `"`, `'`, `]` or `}` (not a comment in YAML; js-yaml reads some as one);
// - a block scalar whose first line is blank (`|` or `>`, indicators, spaces, maybe a comment, a
//   line feed, spaces, a line feed): the `yaml` reader refuses more-indented ones without an
//   indentation indicator;
// - a `:` past the 1024th character of its line (it could end a key too long for YAML).
// They may match inside text too ("Rock &Roll"): that only costs the slower reader.
// Otherwise it gives the deepest indentation of any line, for the nesting bound.

import { MAX_SOURCE_BYTES } from "./source-limits.ts";

/** What an ASCII character asks of the pass; 0: nothing (most characters of an article). */
const PLAIN = 0;
const REFUSE = 1;
const LINE_FEED = 2;
const SPECIAL = 3;

const ASCII = new Uint8Array(128);
for (let c = 0; c < 0x20; c++) ASCII[c] = REFUSE; // controls, tab and carriage return
ASCII[0x7f] = REFUSE;
ASCII[0x0a] = LINE_FEED;
for (const c of "!\"'&*?]}-|>:") ASCII[c.charCodeAt(0)] = SPECIAL;

/** A character of JavaScript's `\s`. */
function isWhiteSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Where a node may start after this character: white space or a flow indicator (`[]{},`). */
function endsToken(c: number): boolean {
  return c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c || isWhiteSpace(c);
}

/** The deepest indentation of any line, or undefined when the fast path must decline the text. */
export function precheck(text: string): number | undefined {
  const n = text.length;
  if (n > MAX_SOURCE_BYTES) return undefined;
  let bytes = n;
  let deepest = 0;
  let lineStart = 0;
  let i = 0;
  // Each line starts here: its indentation, then what may not open a line.
  for (;;) {
    // Past the last line feed nothing is left to check. (Reading there gives NaN, which the checks
    // below would pass, but each such read past the end made V8 throw away its compiled code.)
    if (i >= n) break;
    let j = i;
    while (text.charCodeAt(j) === 0x20) j++;
    if (j - i > deepest) deepest = j - i;
    const first = text.charCodeAt(i);
    if (first === 0x25 || text.charCodeAt(j) === 0x3a) return undefined; // %  or  spaces then :
    if ((first === 0x2d || first === 0x2e) && text.charCodeAt(i + 1) === first && text.charCodeAt(i + 2) === first) return undefined; // --- or ...
    lineStart = i;
    // Where this line ends, once a comment after a block scalar header asked (-2: not yet): asked
    // again, it is not searched for again, so a line full of `>#` stays linear.
    let lineEnd = -2;
    // The spaces need no check of their own: the checks that look back at them do so themselves.
    i = j;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        const kind = ASCII[c];
        if (kind === PLAIN) continue;
        if (kind === LINE_FEED) break;
        if (kind === REFUSE) return undefined;
        const next = text.charCodeAt(i + 1); // NaN at the end
        switch (c) {
          case 0x21: // ! (a tag)
            if (i === 0 || endsToken(text.charCodeAt(i - 1))) return undefined;
            break;
          case 0x26: // & (an anchor)
          case 0x2a: // * (an alias)
            if ((i === 0 || endsToken(text.charCodeAt(i - 1))) && i + 1 < n && !endsToken(next)) return undefined;
            break;
          case 0x3f: // ? (an explicit key)
            if ((i === 0 || endsToken(text.charCodeAt(i - 1))) && (i + 1 === n || isWhiteSpace(next))) return undefined;
            break;
          case 0x22: // "
          case 0x27: // '
            if (next === 0x23) return undefined;
            break;
          case 0x5d: // ]
          case 0x7d: {
            // }
            if (next === 0x23) return undefined;
            let k = i + 1;
            while (text.charCodeAt(k) === 0x20) k++;
            if (text.charCodeAt(k) === 0x3a) return undefined;
            break;
          }
          case 0x2d: {
            // - with nothing after it on the line
            const before = i === 0 ? 0x0a : text.charCodeAt(i - 1);
            if (before === 0x0a || before === 0x20) {
              let k = i + 1;
              while (text.charCodeAt(k) === 0x20) k++;
              if (k === n || text.charCodeAt(k) === 0x23 || text.charCodeAt(k) === 0x0a) return undefined;
            }
            break;
          }
          case 0x7c: // |
          case 0x3e: {
            // > : a block scalar header, then a blank line
            let k = i + 1;
            for (let d = text.charCodeAt(k); d === 0x2d || d === 0x2b || (d >= 0x30 && d <= 0x39); d = text.charCodeAt(++k));
            while (text.charCodeAt(k) === 0x20) k++;
            if (text.charCodeAt(k) === 0x23) {
              if (lineEnd === -2) lineEnd = text.indexOf("\n", k);
              if (lineEnd < 0) break;
              k = lineEnd;
            }
            if (text.charCodeAt(k) !== 0x0a) break;
            k++;
            while (text.charCodeAt(k) === 0x20) k++;
            if (text.charCodeAt(k) === 0x0a) return undefined;
            break;
          }
          case 0x3a: // : far out on a long line
            if (i - lineStart >= 1024) return undefined;
            break;
        }
      } else if (c < 0xa0) {
        return undefined; // C1 controls
      } else if (c < 0x800) {
        bytes += 1;
      } else if (c >= 0xd800 && c <= 0xdfff) {
        // A surrogate pair (four bytes), or a lone half.
        if (c > 0xdbff) return undefined;
        const low = text.charCodeAt(i + 1);
        if (!(low >= 0xdc00 && low <= 0xdfff)) return undefined;
        bytes += 2;
        i++;
      } else {
        if (c === 0xfeff || c === 0x2028 || c === 0x2029) return undefined;
        bytes += 2;
      }
    }
    if (i >= n) break;
    i++; // past the line feed
  }
  return bytes > MAX_SOURCE_BYTES ? undefined : deepest;
}
