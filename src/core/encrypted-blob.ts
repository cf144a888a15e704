/**
 * Blobs that git-crypt and transcrypt store for a file whose path has their clean/smudge filter
 * (https://github.com/AGWA/git-crypt, https://github.com/elasticdog/transcrypt): git holds the
 * ciphertext, the work tree the plaintext (or the ciphertext in a locked clone). A ciphertext
 * named `*.json` is no JSON and no verdict on the plaintext it stands for. Pure: recognises the
 * exact ciphertext form for the filter the path has (the caller reads the attribute), so a data
 * file that merely starts with the header, at a path without the filter, is still checked.
 */

export type EncryptedBy = "git-crypt" | "transcrypt";

/** git-crypt's blob header: "\0GITCRYPT\0", then a 12-byte nonce, then AES-CTR ciphertext. */
const GIT_CRYPT_HEADER = Buffer.from("\0GITCRYPT\0", "latin1");
const GIT_CRYPT_MIN = GIT_CRYPT_HEADER.length + 12;
/** transcrypt: `openssl enc -a` output, base64 of "Salted__" + salt + ciphertext, in lines. */
const TRANSCRYPT = /^U2FsdGVkX1[A-Za-z0-9+/]*(?:\n[A-Za-z0-9+/]+)*={0,2}\n?$/;

/** Filter names: git-crypt's `git-crypt` / `git-crypt-<key>`, transcrypt's `crypt` / `crypt-<context>`. */
const GIT_CRYPT_FILTER = /^git-crypt(?:-[^\s]+)?$/;
const TRANSCRYPT_FILTER = /^crypt(?:-[^\s]+)?$/;

/** Which tool encrypted `content`, given the `filter` attribute of its path; undefined when it is not such a ciphertext. */
export function encryptedBy(content: Uint8Array, filter: string | undefined): EncryptedBy | undefined {
  if (filter === undefined) return undefined;
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.length);
  if (GIT_CRYPT_FILTER.test(filter)) {
    return bytes.length >= GIT_CRYPT_MIN && bytes.subarray(0, GIT_CRYPT_HEADER.length).equals(GIT_CRYPT_HEADER) ? "git-crypt" : undefined;
  }
  if (TRANSCRYPT_FILTER.test(filter)) return looksTranscrypt(bytes) ? "transcrypt" : undefined;
  return undefined;
}

/** Whether the content could be either tool's ciphertext (before the path's filter is read: one git process only then). */
export function mayBeEncrypted(content: Uint8Array): boolean {
  const bytes = Buffer.from(content.buffer, content.byteOffset, content.length);
  return (bytes.length >= GIT_CRYPT_MIN && bytes.subarray(0, GIT_CRYPT_HEADER.length).equals(GIT_CRYPT_HEADER)) || looksTranscrypt(bytes);
}

function looksTranscrypt(bytes: Buffer): boolean {
  // "U2FsdGVkX1" is base64 of "Salted__"; the whole blob must be base64 lines (no JSON/YAML is).
  return bytes.length >= 24 && bytes[0] === 0x55 /* U */ && TRANSCRYPT.test(bytes.toString("latin1"));
}
