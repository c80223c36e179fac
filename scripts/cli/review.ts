// Command line of `make review`: what a person still has to look at in the articles of a source
// folder. Per article, each flag not yet reviewed (`reviewed: false`) at its file:line:column, what
// it is about, why, and where in the article's text it comes from; then the total. Unreviewed flags
// are work to do, not errors: the exit code is 0.
//
//   node --import tsx scripts/cli/review.ts [--source DIR]
//
// Exit codes: 0 listed (whatever the count), 1 a file that cannot be read as YAML (its problem is
// printed; the others are listed), 2 wrong usage or no such folder.

import { existsSync, statSync } from "node:fs";
import { collectReviews } from "../review/collect.ts";
import { formatReviews } from "../review/format.ts";

const USAGE = "usage: make review  (node --import tsx scripts/cli/review.ts [--source DIR])\n";

export function main(args: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): number {
  let source = "source";
  for (let i = 0; i < args.length; i += 2) {
    if (args[i] === "--source" && args[i + 1]) source = args[i + 1]!;
    else if (args[i] === "--help" || args[i] === "-h") {
      out(USAGE);
      return 0;
    } else {
      err(USAGE);
      return 2;
    }
  }
  if (!existsSync(source) || !statSync(source).isDirectory()) {
    err(`${source}: error: no such folder, expected the articles' folder (source/)\n`);
    return 2;
  }
  const reviews = collectReviews(source);
  out(formatReviews(reviews));
  return reviews.problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = main(process.argv.slice(2));
}
