// The article text reader: the plain-text format of ../shared/seed/ifex-article.txt and
// ../shared/articles/ → its parts with their line numbers. A `= Title =` line; the infobox (its
// title line, then `- Label: Value` lines); the lead; headings `==Section==` (levels 2 to 4, with or
// without spaces inside the `=`); paragraphs (consecutive lines) and lists (`- item` lines).
// Input that is not in this format is refused with the file and line, before anything is written.

export interface InfoboxLine {
  label: string;
  value: string;
  line: number;
}

export type Block = { paragraph: string; line: number } | { list: string[]; line: number; emptyItems: number };

export interface Section {
  title: string;
  level: number;
  line: number;
  blocks: Block[];
}

export interface ArticleText {
  title: string;
  infobox: { title: string; line: number; lines: InfoboxLine[] };
  lead: Block[];
  sections: Section[];
}

export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    message: string,
  ) {
    super(message);
  }

  /** file:line:col: error: message, as the export prints its problems. */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}${this.column === undefined ? "" : `:${this.column}`}`;
    return `${where}: error: ${this.message}`;
  }
}

/** Largest article text accepted (a draft must stay under the source limit of 1 MiB). */
export const MAX_TEXT_BYTES = 512 * 1024;
/** What the YAML schema allows in one text and one section title. */
const MAX_TEXT = 10_000;
const MAX_TITLE = 200;

/** The file's bytes → its text, refusing what is not a UTF-8 text file. */
export function decodeArticle(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ImportError(file, undefined, undefined, "the file is empty, expected an article starting with a `= Title =` line");
  if (bytes.length > MAX_TEXT_BYTES) throw new ImportError(file, undefined, undefined, `the file has ${bytes.length} bytes, more than an article may (${MAX_TEXT_BYTES}); expected the text of one article`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new ImportError(file, lineAt(bytes, nul), undefined, "the file is binary (a NUL byte), expected UTF-8 text");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    throw new ImportError(file, lineAt(bytes, bad), undefined, `the file is not valid UTF-8 (byte ${bad}), expected UTF-8 text`);
  }
  return text.replace(/^\uFEFF/, "");
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, i + 1));
    } catch {
      // A sequence cut at i is not yet an error if more bytes may complete it: check up to 3 more.
      let ok = false;
      for (let k = 1; k <= 3 && i + k < bytes.length; k++) {
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, i + 1 + k));
          ok = true;
          break;
        } catch {
          // keep looking
        }
      }
      if (!ok) return i;
    }
  }
  return bytes.length - 1;
}

const HEADING = /^(={2,6})\s*(.*?)\s*\1\s*$/;
const TITLE = /^=\s*(.*?)\s*=\s*$/;
// Control characters the YAML may not hold (tab is fine; a CR only as part of CRLF line ends).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export function readArticle(file: string, text: string): ArticleText {
  const lines = text.split(/\r?\n/);
  const fail = (line: number, message: string, column?: number): never => {
    throw new ImportError(file, line, column, message);
  };
  for (let i = 0; i < lines.length; i++) {
    const bad = CONTROL.exec(lines[i]!);
    if (bad) fail(i + 1, `a control character U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")} in the text`, bad.index + 1);
    const surrogate = /[\uD800-\uDFFF]/u.exec(lines[i]!.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ""));
    if (surrogate) fail(i + 1, "a lone surrogate in the text");
  }
  let i = 0;
  const skipBlank = () => {
    while (i < lines.length && lines[i]!.trim() === "") i++;
  };
  skipBlank();
  if (i >= lines.length) fail(1, "the file has no text, expected an article starting with a `= Title =` line");
  const titleMatch = HEADING.test(lines[i]!) ? null : TITLE.exec(lines[i]!);
  if (!titleMatch || titleMatch[1] === "") fail(i + 1, `expected the article's title line \`= Title =\`, found ${JSON.stringify(lines[i]!.slice(0, 80))}`);
  const title = titleMatch![1]!;
  if (title.length > MAX_TITLE) fail(i + 1, `the title has ${title.length} characters, more than ${MAX_TITLE}`);
  i++;
  skipBlank();

  // The infobox: a title line, then `- Label: Value` lines.
  if (i >= lines.length || lines[i]!.startsWith("- ") || HEADING.test(lines[i]!)) fail(Math.min(i + 1, lines.length), "expected the infobox's title line after the article's title");
  const infoboxTitleLine = i + 1;
  const infoboxTitle = lines[i]!.trim();
  if (infoboxTitle.length > MAX_TEXT) fail(i + 1, "the infobox title is too long");
  i++;
  const infoboxLines: InfoboxLine[] = [];
  while (i < lines.length && /^-(\s|$)/.test(lines[i]!)) {
    const line = lines[i]!.replace(/^-\s*/, "");
    const colon = line.indexOf(":");
    if (colon <= 0) fail(i + 1, `an infobox line without a colon: expected \`- Label: Value\`, found ${JSON.stringify(lines[i]!.slice(0, 80))}`, 1);
    const label = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (label === "" || label.length > MAX_TITLE) fail(i + 1, "an infobox label must be 1 to 200 characters", 3);
    if (value.length > MAX_TEXT) fail(i + 1, `an infobox value of ${value.length} characters, more than ${MAX_TEXT}`, colon + 4);
    infoboxLines.push({ label, value, line: i + 1 });
    i++;
  }
  if (infoboxLines.length === 0) fail(infoboxTitleLine + 1, "expected `- Label: Value` lines after the infobox's title line");

  // The lead and the sections.
  const lead: Block[] = [];
  const sections: Section[] = [];
  let blocks = lead;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const sectionTitle = heading[2]!;
      if (sectionTitle === "") fail(i + 1, "a heading without a title");
      if (sectionTitle.length > MAX_TITLE) fail(i + 1, `a section title of ${sectionTitle.length} characters, more than ${MAX_TITLE}`);
      const section: Section = { title: sectionTitle, level, line: i + 1, blocks: [] };
      sections.push(section);
      blocks = section.blocks;
      i++;
      continue;
    }
    if (/^-(\s|$)/.test(line)) {
      const start = i + 1;
      const items: string[] = [];
      let emptyItems = 0;
      while (i < lines.length && /^-(\s|$)/.test(lines[i]!)) {
        const item = lines[i]!.replace(/^-\s*/, "").trim();
        if (item.length > MAX_TEXT) fail(i + 1, `a list item of ${item.length} characters, more than ${MAX_TEXT}`);
        if (item === "") emptyItems++;
        else items.push(item);
        i++;
      }
      blocks.push({ list: items, line: start, emptyItems });
      continue;
    }
    const start = i + 1;
    const paragraph: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "" && !HEADING.test(lines[i]!) && !/^-(\s|$)/.test(lines[i]!)) {
      paragraph.push(lines[i]!.trim());
      i++;
    }
    const joined = paragraph.join("\n");
    if (joined.length > MAX_TEXT) fail(start, `a paragraph of ${joined.length} characters, more than ${MAX_TEXT}`);
    blocks.push({ paragraph: joined, line: start });
  }
  return { title, infobox: { title: infoboxTitle, line: infoboxTitleLine, lines: infoboxLines }, lead, sections };
}
