/**
 * The read-back of a snapshot's blobs through one `git cat-file --batch --buffer`, parsed as its
 * output streams (issue 20). Each blob is hashed where it lies in the pipe's chunks (a blob cut
 * across chunks is hashed piece by piece), so no blob is copied and no batch is held: memory is
 * one pipe chunk whatever the set's size, and a big blob is hashed as git streams it.
 *
 * What it replaced (capture.ts): batches of at most 10,000 ids, each a git process whose whole
 * output was collected, concatenated and split into a Map. At 100,000 files that was 10 to 20
 * git processes (each a fork of a process holding the set's rows) and 2 to 4 s of copying and
 * garbage collection, for a read-back that git answers in about 0.3 s.
 *
 * Git answers in the order asked: "<oid> <type> <size>\n<content>\n", or "<oid> missing\n" (also
 * for a loose object git cannot inflate, with exit status 0: git 2.39). A damaged packed object
 * makes git die mid-stream: the read is then incomplete, and the caller reads again in a way that
 * names the damaged blob (capture.ts: batches split in halves).
 *
 * The ids are written to git `batch` at a time as it takes them (the pipe's back-pressure), each
 * made from the caller's rows when written: at 500,000 blobs, 500,000 id strings and their text
 * joined whole were about 70 MB of a snapshot's read-back (issue 20, session 26).
 */
import crypto from "node:crypto";
import type { Writable } from "node:stream";
import type { Git } from "../git.js";

/** The ids to read: how many, and the k-th as hex (made when needed, not held). */
interface BlobIds {
  readonly count: number;
  oid(k: number): string;
}

/** Ids written to git at once (41 to 65 bytes each): what the id side of a read-back holds. */
export const IDS_PER_WRITE = 4096;

/** What git gave for one id asked: its SHA-256 and size, or nothing (missing, not a blob). */
export type StreamedAnswer = { sha256: string; size: number } | undefined;

/** The hash of a blob at most this big is taken in one call when it lies within one chunk. */
const ONE_SHOT = 1 << 16;

type OneShotHash = (algorithm: string, data: Uint8Array, encoding: "hex") => string;
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;

/**
 * Read `oids` back in order. `hash(k)` says whether the k-th blob's SHA-256 is wanted (else git
 * reads and inflates it, its answer is checked, and its bytes are skipped: `onAnswer` gets its
 * size with an empty digest). `onAnswer(k, answer)` is called in order for every id git answered.
 * Returns whether git answered every id and exited 0: when false, answers after the last one
 * given are unknown (never reported as good).
 */
export async function streamBlobs(
  git: Git,
  oids: readonly string[] | BlobIds,
  hash: (k: number) => boolean,
  onAnswer: (k: number, answer: StreamedAnswer) => void,
  /** `batch`: ids per write (tests lower it); `held` gets the most ids held as text at once. */
  options: { batch?: number; held?: (ids: number) => void } = {},
): Promise<boolean> {
  const ids: BlobIds = Array.isArray(oids) ? { count: oids.length, oid: (k) => oids[k]! } : (oids as BlobIds);
  if (ids.count === 0) return true;
  const child = git.spawnStreaming(["cat-file", "--batch", "--buffer"]);
  const parser = new AnswerParser(ids, hash, onAnswer);
  child.stdout.on("data", (chunk: Buffer) => parser.push(chunk));
  child.stderr.resume();
  child.stdin.on("error", () => {
    /* git died before reading every id: the exit status and the count of answers tell */
  });
  const closed = new Promise<number>((resolve) => {
    child.on("error", () => resolve(-1));
    child.on("close", (c) => resolve(c ?? -1));
  });
  await writeIds(child.stdin, ids, Math.max(1, options.batch ?? IDS_PER_WRITE), options.held);
  const code = await closed;
  return code === 0 && parser.complete();
}

/**
 * The ids, `batch` at a time, each write after the pipe took the one before (git reads them as
 * it answers, and its answers are parsed meanwhile), then the end of input. Stops early when
 * the pipe closed (git died: the caller sees an incomplete read).
 */
async function writeIds(stdin: Writable, ids: BlobIds, batch: number, held: ((ids: number) => void) | undefined): Promise<void> {
  let most = 0;
  for (let at = 0; at < ids.count; at += batch) {
    if (stdin.destroyed || stdin.writableEnded) return;
    const end = Math.min(ids.count, at + batch);
    let text = "";
    for (let k = at; k < end; k++) text += ids.oid(k) + "\n";
    most = Math.max(most, end - at);
    held?.(most);
    if (!stdin.write(text)) await drained(stdin);
  }
  if (!stdin.destroyed) stdin.end();
}

/** Resolves when the pipe takes more, or closes (an error, git gone). */
function drained(stdin: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stdin.off("drain", done);
      stdin.off("close", done);
      stdin.off("error", done);
      resolve();
    };
    stdin.on("drain", done);
    stdin.on("close", done);
    stdin.on("error", done);
  });
}

/** The state of git's answer between chunks. */
class AnswerParser {
  private k = 0;
  /** Bytes of a header line cut across chunks. */
  private head: Buffer[] = [];
  /** The content being read: bytes still to come (the final newline included), its hash. */
  private left = 0;
  private size = 0;
  private digest: crypto.Hash | undefined;
  private broken = false;

  constructor(
    private readonly ids: BlobIds,
    private readonly hash: (k: number) => boolean,
    private readonly onAnswer: (k: number, answer: StreamedAnswer) => void,
  ) {}

  complete(): boolean {
    return !this.broken && this.k === this.ids.count && this.left === 0 && this.head.length === 0;
  }

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length && !this.broken) {
      if (this.left > 0) {
        pos = this.content(chunk, pos);
        continue;
      }
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) {
        this.head.push(chunk.subarray(pos));
        return;
      }
      const line = this.head.length > 0 ? Buffer.concat([...this.head, chunk.subarray(pos, nl)]) : chunk.subarray(pos, nl);
      this.head = [];
      pos = nl + 1;
      this.header(line.toString("latin1"));
      // A blob small enough, whole in this chunk: hashed in place.
      if (this.left > 0 && this.digest && this.size <= ONE_SHOT && oneShot && chunk.length - pos >= this.left) {
        if (chunk[pos + this.size] !== 10) {
          this.broken = true;
          return;
        }
        this.finish(oneShot("sha256", chunk.subarray(pos, pos + this.size), "hex"));
        pos += this.size + 1;
        this.left = 0;
        this.digest = undefined;
      }
    }
  }

  /** "<oid> <type> <size>" or "<oid> missing", for the id asked next. */
  private header(line: string): void {
    if (this.k >= this.ids.count) {
      this.broken = true; // more answers than ids asked
      return;
    }
    const oid = this.ids.oid(this.k);
    const m = /^([0-9a-f]{40,64}) (\S+) (\d+)$/.exec(line);
    if (m && m[1] === oid) {
      this.size = Number(m[3]);
      this.left = this.size + 1;
      // Not a blob: its bytes are skipped and it is reported unreadable (a tree names blobs only here).
      this.digest = m[2] === "blob" && this.hash(this.k) ? crypto.createHash("sha256") : undefined;
      if (m[2] !== "blob") this.size = -1;
      return;
    }
    if (line === `${oid} missing`) {
      this.onAnswer(this.k++, undefined);
      return;
    }
    this.broken = true; // an answer for another id: nothing after it is trusted
  }

  /** Bytes of the current content from `pos`; returns where they end in the chunk. */
  private content(chunk: Buffer, pos: number): number {
    const take = Math.min(this.left, chunk.length - pos);
    // The content's own bytes (the last of `left` is the newline after it).
    const own = Math.min(take, this.left - 1);
    if (own > 0) this.digest?.update(chunk.subarray(pos, pos + own));
    this.left -= take;
    if (this.left === 0) {
      if (take > own && chunk[pos + take - 1] !== 10) this.broken = true;
      else this.finish(this.digest?.digest("hex"));
      this.digest = undefined;
    }
    return pos + take;
  }

  private finish(sha: string | undefined): void {
    const k = this.k++;
    if (this.size < 0) this.onAnswer(k, undefined);
    else this.onAnswer(k, { sha256: sha ?? "", size: this.size });
  }
}
