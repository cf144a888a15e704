/**
 * Git LFS pointer files (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md): what git
 * stores for a file whose path has `filter=lfs`. The file's real content lives on an LFS server,
 * not in git, so a pointer named `*.json` is no JSON and no verdict on the content it stands for.
 * Pure: recognises the exact pointer form only (the caller also requires the path's
 * `filter=lfs` attribute, so a data file overwritten with pointer text is still checked).
 */

/** Pointers are at most this many bytes (the spec's limit). */
const MAX_POINTER = 1024;

/** `version <url>` first, then sorted `key value` lines; `oid sha256:<hex>` and `size <n>` required. */
const POINTER =
  /^version https:\/\/(?:git-lfs\.github\.com\/spec\/v1|hawser\.github\.com\/spec\/v1)\n(?:ext-\d-[a-z0-9.-]+ sha256:[0-9a-f]{64}\n)*oid sha256:[0-9a-f]{64}\nsize \d+\n$/;

/** True when `content` is a Git LFS pointer file, byte for byte as git-lfs writes one. */
export function isLfsPointer(content: Uint8Array): boolean {
  if (content.length > MAX_POINTER || content.length < 60 || content[0] !== 0x76 /* v */) return false;
  return POINTER.test(Buffer.from(content.buffer, content.byteOffset, content.length).toString("latin1"));
}
