// Hashes and sizes of file contents as the bundle files state them: over the UTF-8 bytes written.

import { createHash } from "node:crypto";

export function sha256(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

export function byteSize(content: string): number {
  return Buffer.byteLength(content, "utf8");
}
