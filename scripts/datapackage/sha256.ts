// Hashes and sizes of file contents as the data package files state them: over the UTF-8 bytes written.

import { createHash } from "node:crypto";
import type { FileFacts } from "./input.ts";

export function sha256(content: string | Uint8Array): string {
  return typeof content === "string" ? createHash("sha256").update(content, "utf8").digest("hex") : createHash("sha256").update(content).digest("hex");
}

/** A file's facts for the data package, from the bytes that are written. */
export function factsOf(content: string | Uint8Array): FileFacts {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { bytes: bytes.length, sha256: sha256(bytes) };
}
