// GitHub Actions workflow commands: `::error file=F,line=L,col=C::message`, so problems show on the
// lines of the pull request. Escaped as the runner unescapes: % \r \n in the message, and also : ,
// in property values (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts).

import { visible } from "../lib/characters.ts";
import type { Diagnostic } from "../lib/diagnostic.ts";

export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function annotation(d: Diagnostic): string {
  let text = d.message;
  if (d.expected !== undefined) text += `, expected ${d.expected}`;
  if (d.found !== undefined) text += `, found ${d.found}`;
  const file = escapeProperty(d.file.replace(/\\/g, "/"));
  return `::error file=${file},line=${d.line},col=${d.col}::${escapeData(visible(text))}`;
}
