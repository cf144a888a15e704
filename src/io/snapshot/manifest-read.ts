/**
 * A snapshot manifest read as git streams its blob (issue 20): hashed, checked for UTF-8 and
 * packed (packed-files.ts CanonicalScan) chunk by chunk, so a restore of 500,000 files never
 * holds the 70 MB text while it packs it, nor leaves it as garbage while the read-back starts.
 *
 * Only the ordinary case is answered here: git gave the blob whole, its bytes are UTF-8, their
 * digest is the signed one and `snapshot` wrote them. Anything else (git failing, a tampered or
 * hand-made text, bytes that are not UTF-8) answers undefined, and the caller reads the blob
 * whole the way it always did, which names the damage with the same words as before.
 */
import crypto from "node:crypto";
import { isUtf8 } from "node:buffer";
import { CanonicalScan, type PackedSnapshotManifest } from "../../core/snapshot/packed-files.js";
import type { Git } from "../git.js";

/** Test hook: manifests packed as streamed, left to the whole read, and the largest chunk fed. */
export const manifestReadProbe = { streamed: 0, declined: 0, largestChunk: 0 };

/**
 * The manifest blob `oid` packed, with "sha256:<hex>" of its bytes, when they are UTF-8, hash
 * to `expectedDigest` and are in the canonical layout; otherwise undefined (read it whole).
 */
export async function streamPackedManifest(
  git: Git,
  oid: string,
  expectedDigest: string,
): Promise<{ manifest: PackedSnapshotManifest; digest: string } | undefined> {
  const answer = await streamManifest(git, oid, expectedDigest);
  if (answer) manifestReadProbe.streamed++;
  else manifestReadProbe.declined++;
  return answer;
}

async function streamManifest(
  git: Git,
  oid: string,
  expectedDigest: string,
): Promise<{ manifest: PackedSnapshotManifest; digest: string } | undefined> {
  const sized = await git.exec(["cat-file", "-s", oid], { okCodes: [0, 1, 128] });
  if (sized.code !== 0) return undefined;
  const size = Number(sized.stdout.toString("latin1").trim());
  if (!Number.isSafeInteger(size)) return undefined;
  const child = git.spawnStreaming(["cat-file", "blob", oid]);
  child.stdin.end();
  child.stderr.resume();
  const closed = new Promise<number | null>((resolve) => {
    child.on("error", () => resolve(-1));
    child.on("close", resolve);
  });
  const hash = crypto.createHash("sha256");
  const utf8 = new Utf8Check();
  const scan = new CanonicalScan(size);
  let read = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      read += chunk.length;
      if (chunk.length > manifestReadProbe.largestChunk) manifestReadProbe.largestChunk = chunk.length;
      hash.update(chunk);
      utf8.push(chunk);
      scan.push(chunk);
      if (scan.gaveUp || !utf8.ok) return undefined;
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await closed;
  if (code !== 0 || read !== size || !utf8.finish()) return undefined;
  const digest = "sha256:" + hash.digest("hex");
  if (digest !== expectedDigest) return undefined;
  const manifest = scan.finish();
  return manifest ? { manifest, digest } : undefined;
}

/** UTF-8 validity of a byte stream checked chunk by chunk (a character may be cut between two). */
export class Utf8Check {
  ok = true;
  /** The start of a character cut by the last chunk's end. */
  private tail: Buffer | undefined;

  push(chunk: Buffer): void {
    if (!this.ok) return;
    let b = chunk;
    if (this.tail) {
      const need = sequenceLength(this.tail[0]!) - this.tail.length;
      if (b.length < need) {
        this.tail = Buffer.concat([this.tail, b]);
        return;
      }
      this.ok = isUtf8(Buffer.concat([this.tail, b.subarray(0, need)]));
      this.tail = undefined;
      if (!this.ok) return;
      b = b.subarray(need);
    }
    let cut = b.length;
    for (let k = 1; k <= 3 && k <= b.length; k++) {
      const c = b[b.length - k]!;
      if ((c & 0xc0) === 0x80) continue; // a continuation byte: its lead is further back
      if (sequenceLength(c) > k) cut = b.length - k;
      break;
    }
    if (cut < b.length) this.tail = Buffer.from(b.subarray(cut));
    this.ok = isUtf8(b.subarray(0, cut));
  }

  /** Whether every byte pushed was UTF-8 (no character left cut at the end). */
  finish(): boolean {
    return this.ok && this.tail === undefined;
  }
}

/** How many bytes the character a lead byte starts takes (0: no lead byte; isUtf8 refuses it). */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
