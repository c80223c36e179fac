// The text checks of the reader's fast path (fast-yaml.ts): regular expressions, each a pass over
// the text (a hand-written single pass would save under the 5 % a hand-written part must save:
// BENCHMARKS.md).
//
// The text is declined (undefined) when it holds anything the fast path does not vouch for:
// - what the source limits could refuse (source-limits.ts): over MAX_SOURCE_BYTES of UTF-8, C0
//   controls but line feed, DEL, C1 controls, lone surrogates;
// - tab, carriage return, BOM, line and paragraph separators;
// - YAML that only the `yaml` reader handles: at a line start, a directive (`%`), a document
//   marker (`---`, `...`) or a `:` after spaces (a key on the line before); where a node may start
//   (text start, after white space or `[]{},`), a tag (`!`), an anchor or alias (`&a`, `*a`), an
//   explicit key (`?` then white space or the end); a flow collection as a key (`]` or `}`,
//   spaces, `:`);
// - a sequence item with nothing after its `-` on the line: js-yaml may take a later, less
//   indented item into it (`- -` then `- a`; `-`, `  -`, a comment, `- []`);
// - a `#` right after `"`, `'`, `]` or `}` (not a comment in YAML; js-yaml reads some as one);
// - a block scalar whose first line is blank: the `yaml` reader refuses more-indented ones without
//   an indentation indicator;
// - a `:` past the 1024th character of its line (it could end a key too long for YAML).
// They may match inside text too ("Rock &Roll"): that only costs the slower reader.
// Otherwise it gives the deepest indentation of any line, for the nesting bound.

import { MAX_SOURCE_BYTES } from "./source-limits.ts";

const DECLINED = [
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\t\r\uFEFF\u2028\u2029]/,
  /^(?:%|---|\.\.\.| *:|!|[&*][^\s[\]{},]|\?(?:\s|$))/,
  /\n(?:%|---|\.\.\.| *:)/,
  /[\s[\]{},](?:!|[&*][^\s[\]{},]|\?(?:\s|$))/,
  /[\]}] *:/,
  /(?:^|[\n ])- *(?:#|\n|$)/,
  /["'\]}]#/,
];
/**
 * A block scalar header at the end of a line (or before a comment), then a blank line: asked line by
 * line, as `/[|>][-+0-9]* *(?:#[^\n]*)?\n *\n/` over the whole text would take minutes on a line of
 * a million `>#` (each would scan the rest of the line).
 */
const HEADER_AT_END = /[|>][-+0-9]* *(?:#|$)/;
const BLANK_LINE = / *\n/y;

/** The deepest indentation of any line, or undefined when the fast path must decline the text. */
export function precheck(text: string): number | undefined {
  if (text.length > MAX_SOURCE_BYTES || Buffer.byteLength(text, "utf8") > MAX_SOURCE_BYTES) return undefined;
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return undefined;
  for (const pattern of DECLINED) if (pattern.test(text)) return undefined;
  let deepest = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let i = start;
    while (text.charCodeAt(i) === 0x20) i++;
    if (i - start > deepest) deepest = i - start;
    if (end - start > 1024 && text.slice(start + 1024, end).includes(":")) return undefined;
    if (end < text.length && HEADER_AT_END.test(text.slice(start, end))) {
      BLANK_LINE.lastIndex = end + 1;
      if (BLANK_LINE.test(text)) return undefined;
    }
    start = end + 1;
  }
  return deepest;
}
