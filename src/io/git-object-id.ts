/** Git's object ids, computed without git: hash("<type> <size>\0" + content). */
import crypto from "node:crypto";

/**
 * The id git gives an object of this type and content: SHA-1, or SHA-256 in a repository with
 * extensions.objectFormat=sha256 (`hexLength` 64, the length of the ids that repository uses).
 */
export function gitObjectId(type: string, content: Uint8Array, hexLength = 40): string {
  return crypto
    .createHash(hexLength === 64 ? "sha256" : "sha1")
    .update(`${type} ${content.length}\0`, "latin1")
    .update(content)
    .digest("hex");
}
