/**
 * The ctime git recorded for each index entry, to the nanosecond, read from the index file.
 *
 * Why: git compares a file's stat with its index entry in whole seconds (Debian's and most
 * distributions' git is built without USE_NSEC), so a file rewritten with its old size and its
 * mtime put back (`touch -d`, `cp -p`, `tar x`) within the same second as the entry's ctime is
 * clean even to a strict `git diff-files`. Its blob id then names content the file no longer
 * holds. The ctime cannot be put back; comparing it to the nanosecond closes that hole
 * (test/adversarial/racy-stat-cache.test.ts). Git records the nanoseconds in the index even
 * when it does not compare them.
 *
 * Read in windows (the index is about 80 bytes an entry: 40 MB at 500,000 files), keeping one
 * number an entry. Formats 2, 3 and 4 are read; a split index (`link` extension, its entries in
 * another file) or a sparse index (`sdir`: folders as entries) gives undefined, as does anything
 * unexpected: the caller then vouches for no tracked file by git's word alone.
 */
import fs from "node:fs";

/** Identity of the index file: it is replaced by rename on every write (a new inode). */
interface IndexIdentity {
  ino: bigint;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export function indexIdentity(file: string): IndexIdentity | undefined {
  try {
    const st = fs.statSync(file, { bigint: true });
    return { ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs };
  } catch {
    return undefined;
  }
}

const sameIdentity = (a: IndexIdentity, b: IndexIdentity) =>
  a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

const WINDOW = 1 << 20;

/**
 * Each entry's ctime in index order (the order `git ls-files -s` lists them): entry i's seconds
 * at [2i], its nanoseconds at [2i + 1]. Undefined when the file
 * is not the one `before` saw (git wrote the index meanwhile: the listing may be of either), or
 * when it cannot be read as above. `hashBytes`: 20 (SHA-1) or 32 (SHA-256).
 */
export function readIndexCtimes(file: string, before: IndexIdentity | undefined, hashBytes: number): Uint32Array | undefined {
  if (!before) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd, { bigint: true });
    if (!sameIdentity(before, { ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs })) return undefined;
    return parse(new Reader(fd, Number(st.size)), hashBytes);
  } catch {
    return undefined; // a short read or a malformed index: no ctimes, nothing vouched for by them
  } finally {
    fs.closeSync(fd);
  }
}

class Reader {
  private buf = Buffer.alloc(WINDOW);
  /** File offset of buf[0], and how many bytes of buf are valid. */
  private base = 0;
  private len = 0;
  /** File offset of the next byte to read. */
  pos = 0;

  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  /** Makes bytes [pos, pos + n) available and returns their offset in `buf`. */
  need(n: number): Buffer {
    if (this.pos + n > this.size) throw new Error("index truncated");
    if (this.pos < this.base || this.pos + n > this.base + this.len) {
      if (n > this.buf.length) this.buf = Buffer.alloc(n);
      this.base = this.pos;
      this.len = 0;
      const want = Math.min(this.buf.length, this.size - this.pos);
      while (this.len < want) {
        const got = fs.readSync(this.fd, this.buf, this.len, want - this.len, this.base + this.len);
        if (got === 0) throw new Error("index truncated");
        this.len += got;
      }
    }
    return this.buf;
  }

  /** Offset in `buf` of file offset `pos` (valid after `need`). */
  at(): number {
    return this.pos - this.base;
  }

  /** File offset of the next NUL from `pos` (paths are at most a few KiB; windows are refilled). */
  nul(): number {
    for (;;) {
      const b = this.need(1);
      const i = b.indexOf(0, this.at());
      if (i >= 0 && i < this.len) return this.base + i;
      if (this.base + this.len >= this.size) throw new Error("index truncated");
      // No NUL in what is left of this window: refill from pos with a bigger need.
      this.need(Math.min(this.size - this.pos, this.len - this.at() + 4096));
    }
  }
}

function parse(r: Reader, hashBytes: number): Uint32Array | undefined {
  let b = r.need(12);
  if (b.toString("latin1", r.at(), r.at() + 4) !== "DIRC") return undefined;
  const version = b.readUInt32BE(r.at() + 4);
  const count = b.readUInt32BE(r.at() + 8);
  if (version < 2 || version > 4) return undefined;
  r.pos += 12;
  const out = new Uint32Array(count * 2);
  // Fixed part: ctime, mtime (8 each), dev, ino, mode, uid, gid, size (4 each), the id, flags (2).
  const fixed = 40 + hashBytes + 2;
  for (let i = 0; i < count; i++) {
    const start = r.pos;
    b = r.need(fixed + 2);
    const o = r.at();
    out[2 * i] = b.readUInt32BE(o);
    out[2 * i + 1] = b.readUInt32BE(o + 4);
    const flags = b.readUInt16BE(o + fixed - 2);
    // Extended flags (version 3 and later: intent-to-add, skip-worktree) add two bytes.
    const head = fixed + (version >= 3 && (flags & 0x4000) !== 0 ? 2 : 0);
    r.pos = start + head;
    if (version === 4) {
      // The path is a number of bytes to drop from the previous path (a varint) and a NUL-ended
      // suffix; no padding.
      for (;;) {
        const c = r.need(1)[r.at()]!;
        r.pos++;
        if ((c & 0x80) === 0) break;
      }
      r.pos = r.nul() + 1;
    } else {
      // NUL-ended, padded with NULs to a multiple of 8 bytes from the entry's start.
      const pathLen = r.nul() - r.pos;
      r.pos = start + ((head + pathLen + 8) & ~7);
    }
  }
  // Extensions up to the trailing checksum: a split or sparse index lists other entries.
  while (r.pos + 8 <= r.size - hashBytes) {
    b = r.need(8);
    const sig = b.toString("latin1", r.at(), r.at() + 4);
    if (sig === "link" || sig === "sdir") return undefined;
    r.pos += 8 + b.readUInt32BE(r.at() + 4);
  }
  return out;
}
