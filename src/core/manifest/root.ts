/** The root digest: one SHA-256 that changes when any entry changes (path, hash, size, link, mode). */
import { createHash } from "node:crypto";
import stringify from "fast-json-stable-stringify";
import type { ManifestEntry } from "./model.js";

/**
 * SHA-256 of the stable-stringified entries, one per line, in manifest order. Recomputing it on
 * read catches a hand-edited or truncated entry list that still happens to be valid JSON.
 */
export function rootDigest(entries: readonly ManifestEntry[]): string {
  const h = createHash("sha256");
  for (const e of entries) h.update(stringify(e) + "\n");
  return h.digest("hex");
}
