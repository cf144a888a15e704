/**
 * The blob ids of a tree, packed (issue 20): 20 bytes an id (32 in a SHA-256 repository) in one
 * buffer, found through an open-addressing table of int32 slots. A snapshot without its stat
 * cache (a fresh clone, a CI runner, a removed cache) asks it whether the previous snapshot holds
 * each blob, so as not to write it again: held as a Set of hex strings, with git's whole listing
 * beside it while it was parsed, that was about 100 MB of heap at 500,000 files, the peak of such
 * a snapshot (370-380 MB); packed it is about 14 MB.
 */
import type { Git } from "../git.js";

export class BlobIdSet {
  private ids = Buffer.alloc(0);
  private count = 0;
  /** Bytes an id: set by the first id added (all ids of one repository have one length). */
  private width = 0;
  /** Slot -> index + 1 (0 empty); built by seal(). */
  private table = new Int32Array(0);
  private readonly scratch = Buffer.alloc(32);

  /** Add a hex id (ids of another length than the first are ignored: not this repository's). */
  add(hex: string): void {
    const width = hex.length >> 1;
    if (this.width === 0) {
      if (width !== 20 && width !== 32) return;
      this.width = width;
    }
    if (width !== this.width) return;
    if ((this.count + 1) * width > this.ids.length) {
      const grown = Buffer.alloc(Math.max(1024, this.ids.length * 2));
      this.ids.copy(grown, 0, 0, this.count * width);
      this.ids = grown;
    }
    this.ids.write(hex, this.count * width, width, "hex");
    this.count++;
  }

  /** Build the lookup table (after the last add) and drop the buffer's unused end. */
  seal(): this {
    const width = this.width;
    this.ids = Buffer.from(this.ids.subarray(0, this.count * width));
    let cap = 16;
    while (cap < this.count * 2) cap *= 2;
    const table = new Int32Array(cap);
    const mask = cap - 1;
    for (let i = 0; i < this.count; i++) {
      let s = this.ids.readUInt32BE(i * width) & mask;
      while (table[s] !== 0) s = (s + 1) & mask;
      table[s] = i + 1;
    }
    this.table = table;
    return this;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held (the ids and the table): what the issue-20 bound is about. */
  get bytes(): number {
    return this.ids.length + this.table.byteLength;
  }

  has(hex: string): boolean {
    const width = this.width;
    if (this.count === 0 || hex.length !== 2 * width) return false;
    if (this.scratch.write(hex, 0, width, "hex") !== width) return false;
    const mask = this.table.length - 1;
    for (let s = this.scratch.readUInt32BE(0) & mask; ; s = (s + 1) & mask) {
      const v = this.table[s]!;
      if (v === 0) return false;
      const at = (v - 1) * width;
      if (this.ids.compare(this.scratch, 0, width, at, at + width) === 0) return true;
    }
  }
}

/** The ids of every blob under `tree` (ls-tree -r, taken as git writes it). */
export async function treeBlobIds(git: Git, tree: string): Promise<BlobIdSet> {
  const set = new BlobIdSet();
  for await (const { type, oid } of git.lsTreeStream(tree)) if (type === "blob") set.add(oid);
  return set.seal();
}
