// The output folder is replaced as a whole. A mistyped --out (".", "source", the home folder) would
// delete whatever is there, so the command line refuses any folder that is or holds the sources,
// the current directory or the project, and any existing folder that does not look like an export
// (one that holds subfolders, a .git, or YAML files).

import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, parse, relative, resolve, sep } from "node:path";

/** Why `out` must not be replaced, or undefined when it may. */
export function unsafeOutDir(out: string, protect: { source: string; cwd: string; projectRoot: string }): string | undefined {
  const target = real(resolve(out));
  if (target === parse(target).root) return `${out} is the root of the file system`;
  for (const [what, dir] of [
    ["the source folder", protect.source],
    ["the current directory", protect.cwd],
    ["the project", protect.projectRoot],
  ] as const) {
    if (contains(target, real(resolve(dir)))) return `${out} is or contains ${what} (${dir}), which replacing it would delete`;
  }
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `${out} exists and is not a folder`;
  // The entries' types as the folder lists them: no stat per file (70,000 at 10,000 articles).
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    const name = entry.name;
    const stranger = name === ".git" || /\.ya?ml$/i.test(name) || entry.isDirectory() || (entry.isSymbolicLink() && statSync(resolve(target, name)).isDirectory());
    if (stranger) return `${out} holds ${JSON.stringify(name)}, so it does not look like an export folder; it would be replaced as a whole`;
  }
  return undefined;
}

/** The path with symbolic links resolved as far as it exists. */
function real(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing) && parse(existing).root !== existing) {
    rest.unshift(parse(existing).base);
    existing = resolve(existing, "..");
  }
  return resolve(realpathSync(existing), ...rest);
}

function contains(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
