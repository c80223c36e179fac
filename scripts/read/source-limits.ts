// Checks on a source text BEFORE the YAML parser sees it, so hostile or broken input is refused in
// milliseconds and bounded memory: too big, binary, control characters, nesting too deep.
// (Alias bombs are capped where aliases are expanded, in read-yaml.ts.)

import { yamlLibrary } from "./yaml-library.ts";
import { describeCharacter, FORBIDDEN_CHARACTER } from "../lib/characters.ts";
import type { Diagnostic } from "../lib/diagnostic.ts";

/** An article's YAML is tens of kilobytes; a megabyte is far beyond any real one and still parses in well under a second. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/**
 * How deep collections may nest. An article needs about 6 levels; the YAML composer and the
 * validators recurse, and a few thousand levels exhaust the stack.
 */
export const MAX_NESTING = 64;

/** More problems of one kind in one file are summarised, not listed: a binary file would list thousands. */
const MAX_LISTED = 20;

export function checkSourceText(text: string, file: string): Diagnostic[] {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_BYTES) {
    return [{ file, line: 1, col: 1, message: "the file is too big for an article", expected: `at most ${MAX_SOURCE_BYTES} bytes`, found: `${bytes} bytes` }];
  }
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return [{ file, ...positionAt(text, nul), message: "the file is binary, not YAML text (it holds a NUL byte)", expected: "a UTF-8 text file", found: "U+0000 NUL" }];
  const control = controlCharacters(text, file);
  if (control.length > 0) return control;
  const deep = tooDeep(text, file);
  return deep ? [deep] : [];
}

function controlCharacters(text: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Counted, not collected: a binary-like file may hold millions.
  let total = 0;
  let next: number | undefined;
  const pattern = new RegExp(FORBIDDEN_CHARACTER.source, "g");
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    total++;
    if (total <= MAX_LISTED) {
      found.push({
        file,
        ...positionAt(text, match.index),
        message: `the file holds ${describeCharacter(match[0])}, which no output format can carry; delete it or write the character meant`,
        expected: "text without control characters (tab and newline are fine)",
        found: describeCharacter(match[0]).replace(/,.*$/, ""),
      });
    } else if (total === MAX_LISTED + 1) next = match.index;
  }
  if (next !== undefined) {
    found.push({ file, ...positionAt(text, next), message: `and ${total - MAX_LISTED} more control characters from here on`, expected: "none", found: `${total} in all` });
  }
  return found;
}

/**
 * An upper bound of the nesting depth, from the YAML lexer's tokens (cheap, no tree is built):
 * open flow collections, plus indentation levels, plus `- ` and `? ` indicators on the line.
 * It can overcount a little, never by enough to refuse a real article.
 */
function tooDeep(text: string, file: string): Diagnostic | undefined {
  const { CST, Lexer } = yamlLibrary();
  let offset = 0;
  let flow = 0;
  let indicators = 0;
  let lineStart = true;
  let indent = 0;
  const indents: number[] = [];
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer interleaves marker characters that are not in the source; they take no room.
    const inSource = !(type === "doc-mode" || type === "flow-error-end" || (type === "scalar" && token === CST.SCALAR));
    if (type === "newline" && token !== "") {
      lineStart = true;
      indent = 0;
      indicators = 0;
    } else if (type === "space") {
      if (lineStart) indent = token.length;
    } else if (inSource && token !== "" && type !== "comment") {
      if (lineStart && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
        if (indent > 0 && (indents.length === 0 || indents[indents.length - 1]! < indent)) indents.push(indent);
      }
      lineStart = false;
      if (type === "flow-map-start" || type === "flow-seq-start") flow++;
      else if (type === "flow-map-end" || type === "flow-seq-end") flow = Math.max(0, flow - 1);
      else if ((type === "seq-item-ind" || type === "explicit-key-ind") && flow === 0) indicators++;
      if (flow + indents.length + indicators > MAX_NESTING) {
        return { file, ...positionAt(text, offset), message: `the YAML is nested too deeply here`, expected: `at most ${MAX_NESTING} levels of nesting (an article needs about 6)`, found: "more" };
      }
    }
    if (inSource) offset += token.length;
  }
  return undefined;
}

/** 1-based line and column (in UTF-16 units, as the YAML reader counts them) of an offset. */
export function positionAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}
