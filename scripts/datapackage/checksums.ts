// SHA256SUMS: the checksum list `sha256sum -c SHA256SUMS` reads in the output folder. One line per
// file, "<hex>  <name>" (two spaces: text mode, the default of GNU coreutils), names in code-point
// order. It covers every other file of the folder, manifest.json and datapackage.json included.

import { compareCodePoints } from "../lib/code-point-order.ts";
import type { FileFacts } from "./input.ts";

export const CHECKSUMS_FILE = "SHA256SUMS";

export function writeChecksums(files: ReadonlyMap<string, FileFacts>): string {
  return [...files.keys()]
    .sort(compareCodePoints)
    .map((name) => {
      // sha256sum writes names with a newline or backslash in an escaped form; slugs never have them.
      if (/[\\\n\r]/.test(name)) throw new Error(`${JSON.stringify(name)}: a file name with a backslash or line break cannot be listed in ${CHECKSUMS_FILE}`);
      return `${files.get(name)!.sha256}  ${name}\n`;
    })
    .join("");
}
