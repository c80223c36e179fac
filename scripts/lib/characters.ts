// Which characters a text of an article may hold, and how to show the invisible ones in messages.
//
// Refused: C0 controls other than tab, line feed and carriage return; DEL; C1 controls (U+0080 to
// U+009F, which in pasted text are almost always a Windows-1252 quote or dash decoded wrongly);
// lone surrogates (no UTF-8 file can hold them). Spreadsheets, XML-based stores and terminals
// mangle or act on these, so no artifact could carry them faithfully. Everything else, including
// right-to-left text, combining marks, emoji and bidirectional controls, is kept exactly as written.

/**
 * One refused character in a source file; global, so a loop of `exec` finds every one. Lone
 * surrogates are matched one unit at a time. A carriage return is allowed in the file, where it
 * is part of a CRLF line end (YAML turns line ends into line feeds).
 */
export const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * One refused character in a value: also the carriage return (written "\r" in YAML), because
 * spreadsheets turn it into a line feed, so the CSV could not give it back.
 */
export const FORBIDDEN_IN_VALUE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first refused character of a value and where it is (0-based index in UTF-16 units), if any. */
export function firstForbidden(text: string): { index: number; char: string } | undefined {
  const match = FORBIDDEN_IN_VALUE.exec(text);
  return match ? { index: match.index, char: match[0] } : undefined;
}

const NAMES: Record<number, string> = {
  0x00: "NUL",
  0x07: "BEL",
  0x08: "BACKSPACE",
  0x0b: "VERTICAL TAB",
  0x0c: "FORM FEED",
  0x0d: "CARRIAGE RETURN",
  0x1b: "ESCAPE",
  0x7f: "DELETE",
  0x85: "NEXT LINE",
};

/** "U+001B ESCAPE, a control character": how a message names a refused character. */
export function describeCharacter(char: string): string {
  const code = char.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  if (code >= 0xd800 && code <= 0xdfff) return `${hex}, half of a surrogate pair without its other half`;
  const name = NAMES[code];
  const windows1252 = code >= 0x80 && code <= 0x9f ? " (often a Windows-1252 quote or dash decoded as the wrong encoding)" : "";
  const cr = code === 0x0d ? " (write a line break as \\n: spreadsheets turn \\r into \\n)" : "";
  return `${hex}${name ? ` ${name}` : ""}, a control character${windows1252}${cr}`;
}

/**
 * Characters that change how a terminal or a log shows text, or are invisible: written as \uXXXX in
 * messages so a hostile value cannot move the cursor, recolour the screen or reorder the line
 * (bidirectional overrides, "Trojan Source"). `##[` is broken up because GitHub's runner reads it
 * as a command anywhere in a line.
 */
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`).replace(/##\[/g, "#\\u0023[");
}
