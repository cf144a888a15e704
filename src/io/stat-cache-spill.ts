/**
 * A stat-cache half written out as its records are made (issue 20: bounded memory at 500,000
 * files).
 *
 * Why: a run with no valid half on disk (a first seal, a cold verify) held every record it made
 * until save, both halves about 90 MB at 500,000 tracked files. Such a half is rewritten whole at
 * save anyway, so its records can go to the temporary file of that rewrite as they come, a batch
 * at a time: what stays is a 64-bit print of each key (and, for blob records, a 32-bit print of
 * the value), 8-12 bytes a record instead of 100-130. The temporary file is renamed over the half
 * only at the end (fsync first), so a run killed half way leaves the old half as it was.
 *
 * The prints only answer "never written here" exactly; a key whose print is present may have been
 * written, and the owner (stat-cache.ts) then finishes the file and reads it back before
 * answering, so every answer is the one an in-memory half gives.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { makeStateFolderSync } from "./state-folder.js";
import { WRITER_TAG, writerTag } from "./process-start.js";
import { sweepDeadWriters } from "./sweep-dead-writers.js";

/** Two 32-bit hashes of a key's UTF-16 code units: FNV-1a and a murmur-style mix. */
function prints(k: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // Never 0: an empty slot is a zero second word.
  return [a >>> 0, (b >>> 0) | 1];
}

/** Open-addressing set of 64-bit key prints, each with an optional 32-bit value print. */
class KeyPrints {
  private a = new Uint32Array(1 << 12);
  private b = new Uint32Array(1 << 12);
  private v: Uint32Array | undefined;
  private count = 0;

  constructor(withValues: boolean) {
    if (withValues) this.v = new Uint32Array(this.a.length);
  }

  private slot(pa: number, pb: number): number {
    const mask = this.a.length - 1;
    let s = (pa ^ Math.imul(pb, 0x9e3779b1)) & mask;
    while (this.b[s] !== 0 && (this.a[s] !== pa || this.b[s] !== pb)) s = (s + 1) & mask;
    return s;
  }

  add(k: string, value?: string): void {
    if ((this.count + 1) * 2 > this.a.length) this.grow();
    const [pa, pb] = prints(k);
    const s = this.slot(pa, pb);
    if (this.b[s] === 0) this.count++;
    this.a[s] = pa;
    this.b[s] = pb;
    if (this.v && value !== undefined) this.v[s] = prints(value)[0];
  }

  /** Whether `k` may have been added (false: it was not). */
  has(k: string): boolean {
    const [pa, pb] = prints(k);
    return this.b[this.slot(pa, pb)] !== 0;
  }

  /** Whether `k` was added with `value` (both prints equal). */
  hasWith(k: string, value: string): boolean {
    const [pa, pb] = prints(k);
    const s = this.slot(pa, pb);
    return this.b[s] !== 0 && this.v !== undefined && this.v[s] === prints(value)[0];
  }

  private grow(): void {
    const [a, b, v] = [this.a, this.b, this.v];
    this.a = new Uint32Array(a.length * 2);
    this.b = new Uint32Array(a.length * 2);
    if (v) this.v = new Uint32Array(a.length * 2);
    for (let i = 0; i < a.length; i++) {
      if (b[i] === 0) continue;
      const s = this.slot(a[i]!, b[i]!);
      this.a[s] = a[i]!;
      this.b[s] = b[i]!;
      if (v) this.v![s] = v[i]!;
    }
  }
}

/** Characters gathered before a write (below V8's large-object size; see stat-cache.ts PIECE_CHARS). */
const PIECE_CHARS = 32 * 1024;

/**
 * Remove temporary files of writes to `half` (`<half>.<writer>.<8 hex>.tmp`, as the cache names
 * them; writer: process-start.ts writerTag) whose writer is dead: a run killed while spilling left
 * one, as big as the half (told by pid and start time: a reused pid kept it for good).
 */
function removeDeadSpills(half: string): void {
  const prefix = `${path.basename(half)}.`;
  sweepDeadWriters(path.dirname(half), (name) =>
    name.startsWith(prefix) ? HALF_TEMP_TAIL.exec(name.slice(prefix.length))?.[1] : undefined,
  );
}

/** What follows `<half>.` in the name of a half's temporary file (halfTempName). */
const HALF_TEMP_TAIL = new RegExp(String.raw`^(${WRITER_TAG})\.[0-9a-f]{8}\.tmp$`);

/** A new temporary name for a write of `half` (the spill's, and stat-cache.ts's whole rewrite). */
export function halfTempName(half: string): string {
  return `${half}.${writerTag()}.${crypto.randomBytes(4).toString("hex")}.tmp`;
}

/** The temporary file of a half being written record batch by record batch. */
export class SpillFile {
  private readonly keys: KeyPrints;
  private members = 0;

  private constructor(
    private readonly half: string,
    readonly tmp: string,
    private fd: number,
    withValues: boolean,
  ) {
    this.keys = new KeyPrints(withValues);
  }

  /** Start the temporary file of `half` with `head` (the text before the first member); throws when it cannot be written. */
  static open(half: string, head: string, withValues: boolean): SpillFile {
    makeStateFolderSync(path.dirname(half));
    removeDeadSpills(half);
    const tmp = halfTempName(half);
    const fd = fs.openSync(tmp, "wx", 0o644); // a new file: never one a symlink at that name leads to
    try {
      fs.writeSync(fd, head);
    } catch (error) {
      fs.closeSync(fd);
      fs.rmSync(tmp, { force: true });
      throw error;
    }
    return new SpillFile(half, tmp, fd, withValues);
  }

  /** Members written so far. */
  get size(): number {
    return this.members;
  }

  /**
   * Write these members (`"key":<member(k)>`, comma-separated after the ones before) and keep a
   * print of each key (and of `value(k)`, for a half opened with values). Throws on a write error.
   */
  append(keys: Iterable<string>, member: (k: string) => string, value?: (k: string) => string): void {
    let piece = "";
    for (const k of keys) {
      piece += `${this.members === 0 ? "" : ","}${JSON.stringify(k)}:${member(k)}`;
      this.members++;
      this.keys.add(k, value?.(k));
      if (piece.length >= PIECE_CHARS) {
        fs.writeSync(this.fd, piece);
        piece = "";
      }
    }
    if (piece) fs.writeSync(this.fd, piece);
  }

  /** False when `k` was never written here; true when it may have been. */
  mayHold(k: string): boolean {
    return this.keys.has(k);
  }

  /** Whether `k` was written with this value (prints compared: a false yes only drops a record). */
  holdsWith(k: string, value: string): boolean {
    return this.keys.hasWith(k, value);
  }

  /**
   * Write the last members and `tail`, fsync, and rename the file over the half (its journal is
   * removed: the half now holds everything). Throws on failure, after removing the temporary file.
   */
  finish(keys: Iterable<string>, member: (k: string) => string, tail: string): void {
    try {
      this.append(keys, member);
      fs.writeSync(this.fd, tail);
      fs.fsyncSync(this.fd);
      fs.closeSync(this.fd);
      this.fd = -1;
      fs.renameSync(this.tmp, this.half);
      fs.rmSync(this.half + ".journal", { force: true });
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /** Remove the temporary file (the half on disk stays as it was). */
  abort(): void {
    if (this.fd >= 0) {
      try {
        fs.closeSync(this.fd);
      } catch {
        /* already closed */
      }
      this.fd = -1;
    }
    fs.rmSync(this.tmp, { force: true });
  }
}
