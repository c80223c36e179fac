// What `make export` needs to say "nothing changed" without starting Node (some 0.07 s on this
// machine, more than the whole answer may take): after each export the command line writes, for
// make, the sources it read and the files it left in the output folder. The Makefile includes it
// and runs the command line again only when a source or a file of the output is newer than this
// file, one is missing, the lists differ (an article added or removed, a file added to the output
// by hand), or the settings differ (FORCE, SOURCE_DATE_EPOCH, the command line itself).
//
// The command line also keeps the record's stamp (the file whose time make compares with) and the
// mark that it ran (`<stamp>.ran`, which make reads and empties with its own functions), rather
// than the Makefile keeping them with `rm`, `touch` and `[ -e ]`: five processes, some 8 ms of a
// one-article `make export` of about 0.25 s.

import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Names make can list and compare: no spaces, no characters make or the shell would read. */
const PLAIN = /^[A-Za-z0-9._/+-]+$/;

/** Where make keeps what an export left: the record, its stamp, and the mark that the export ran. */
export interface MakeState {
  record: string;
  stamp: string;
}

/**
 * Before an export: the last one's record and stamp go, so an export that fails leaves make nothing
 * to vouch for; the mark says the command line ran (make then does not say "unchanged").
 */
export function forgetMakeState({ record, stamp }: MakeState): void {
  rmSync(record, { force: true });
  rmSync(stamp, { force: true });
  writeFileSync(`${stamp}.ran`, "ran\n");
}

/**
 * After a good export: the record, then its stamp touched (its time is what sources and files are
 * compared with). `started`: when the export began (ms since 1970); a source changed since then is
 * not vouched for.
 */
export function writeMakeState({ record: file, stamp }: MakeState, sourceDir: string, outDir: string, sourceDateEpoch: string | undefined, started: number): void {
  // Every YAML file of the folder, source/corpus.yaml too, as make's wildcard lists them.
  const sources = readdirSync(sourceDir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => join(sourceDir, name));
  // As make's wildcard lists them: no hidden files.
  const outputs = readdirSync(outDir).filter((name) => !name.startsWith(".")).sort().map((name) => join(outDir, name));
  // A name make cannot hold, or a source edited while the export ran: no record, so make asks the command line.
  const editedSince = sources.some((path) => statSync(path).mtimeMs >= started);
  if (editedSince || ![...sources, ...outputs, sourceDateEpoch ?? ""].every((name) => name === "" || PLAIN.test(name))) {
    rmSync(file, { force: true });
    return;
  }
  const text = [
    "# Written by the export for `make export` (scripts/cli/make-state.ts): what it read and left.",
    `EXPORTED_SOURCES := ${sources.join(" ")}`,
    `EXPORTED_FILES := ${outputs.join(" ")}`,
    `EXPORTED_EPOCH := ${sourceDateEpoch ?? ""}`,
    "",
  ].join("\n");
  writeFileSync(`${file}.${process.pid}`, text);
  renameSync(`${file}.${process.pid}`, file);
  writeFileSync(stamp, "");
}
