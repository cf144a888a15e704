/**
 * A list of repo-relative paths held as UTF-8 bytes in one growing buffer (issue 20: peak RSS).
 *
 * Why: observeTree keeps the paths it must look up or hash until their results are in. As JS
 * strings, the paths a walk builds (`${folder}/${name}`) cost about 80 bytes each on the heap
 * (a cons string, its flattened copy once hashed, an array slot): 40 MB of a cold verify at
 * 500,000 files, for about 12 MB of bytes. Here a path costs its UTF-8 bytes and 4 bytes of end
 * offset; `at` decodes a fresh string for the moment it is used.
 *
 * Exact: a path a UTF-8 round trip would change (one holding a surrogate code unit, as a name
 * that is not valid UTF-8 is decoded to, see core/names.ts) is kept as the string itself.
 */

/** Any surrogate code unit: such a path is kept as a string (rare; exactness over size). */
const SURROGATE = /[\uD800-\uDFFF]/;

export class PathList implements Iterable<string> {
  private bytes = Buffer.alloc(0);
  private ends = new Uint32Array(0);
  private used = 0;
  private count = 0;
  /** A number per path (push's `tag`), allocated on the first tag other than -1. */
  private tags: Int32Array | undefined;
  /** Paths kept as strings (see the file comment), by index. */
  private kept: Map<number, string> | undefined;

  /** Number of paths pushed. */
  get length(): number {
    return this.count;
  }

  /** Add a path, with a number the caller keeps beside it (`tag(i)`; -1 when not given). */
  push(p: string, tag = -1): void {
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(Math.max(1024, this.count * 2));
      ends.set(this.ends);
      this.ends = ends;
      if (this.tags) {
        const tags = new Int32Array(ends.length).fill(-1);
        tags.set(this.tags);
        this.tags = tags;
      }
    }
    if (tag !== -1) (this.tags ??= new Int32Array(this.ends.length).fill(-1))[this.count] = tag;
    if (SURROGATE.test(p)) {
      (this.kept ??= new Map()).set(this.count, p);
    } else {
      const most = p.length * 3; // UTF-8 bytes of at most 3 per UTF-16 code unit
      if (this.used + most > this.bytes.length) {
        const bytes = Buffer.allocUnsafe(Math.max(64 * 1024, this.bytes.length * 2, this.used + most));
        this.bytes.copy(bytes, 0, 0, this.used);
        this.bytes = bytes;
      }
      this.used += this.bytes.write(p, this.used, "utf8");
    }
    this.ends[this.count++] = this.used;
  }

  /** The i-th path pushed (0 <= i < length). */
  at(i: number): string {
    const s = this.kept?.get(i);
    if (s !== undefined) return s;
    return this.bytes.toString("utf8", i === 0 ? 0 : this.ends[i - 1]!, this.ends[i]);
  }

  /** The number pushed with the i-th path (-1 when none was). */
  tag(i: number): number {
    return this.tags ? this.tags[i]! : -1;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  /** Drop every path (the memory goes with it). */
  clear(): void {
    this.bytes = Buffer.alloc(0);
    this.ends = new Uint32Array(0);
    this.used = 0;
    this.count = 0;
    this.tags = undefined;
    this.kept = undefined;
  }
}
