// Writing one artifact into the staging folder, from whichever thread made it: the bytes written
// are hashed as they are written, so the bundle (manifest, SHA256SUMS) never reads them back.

import { closeSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { FileFacts } from "../bundle/input.ts";
import { pauseAt } from "./test-pause.ts";

/** Plain names only: nothing may land outside the folder or look like the staging folders. */
export function checkArtifactName(name: string): void {
  if (!/^[^/\\.][^/\\]*$/.test(name) || name.length > 200) throw new Error(`refusing to write an artifact named ${JSON.stringify(name)}`);
}

/** Writes a new file (never an existing one) of the staging folder; its text may come in pieces. */
export function writeStagedFile(staging: string, name: string, content: string | Iterable<string>): FileFacts {
  const stream = new StagedStream(staging, name);
  let facts: FileFacts;
  try {
    for (const piece of typeof content === "string" ? [content] : content) stream.write(piece);
  } finally {
    facts = stream.close();
  }
  pauseAt("staging-file");
  return facts;
}

/** A file of the staging folder written in pieces as they come (corpus.nt, corpus.ttl). */
export class StagedStream {
  private readonly fd: number;
  private readonly hash = createHash("sha256");
  private bytes = 0;
  constructor(staging: string, readonly name: string) {
    checkArtifactName(name);
    this.fd = openSync(join(staging, name), "wx");
  }
  write(piece: string | Buffer): void {
    const buffer = typeof piece === "string" ? Buffer.from(piece, "utf8") : piece;
    this.hash.update(buffer);
    for (let at = 0; at < buffer.length; ) at += writeSync(this.fd, buffer, at);
    this.bytes += buffer.length;
  }
  close(): FileFacts {
    closeSync(this.fd);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}
