// node:child_process, loaded when a child process is first started: loading it (with net, dgram
// and streams) takes some 6 ms of an export's start, and an export of a few articles starts none.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Node's child_process module, loaded on first use. */
export function childProcess(): typeof import("node:child_process") {
  return require("node:child_process") as typeof import("node:child_process");
}
