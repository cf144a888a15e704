/**
 * A manifest's entries packed in a few flat arrays (issue 20: bounded memory at 500,000 files).
 * Pure.
 *
 * Why: one ManifestEntry object per entry, with its hex digest as a string and its path sliced
 * out of the shard text (which keeps the whole text alive), cost about 400 bytes an entry: 200 MB
 * of a 500,000-file verify, the biggest holder. Here an entry is its path (one flat string), 32
 * bytes of digest, a float64 size and a flag byte, found by path through an open-addressing table
 * of int32 slots: about 100 bytes an entry. Entries keep the manifest's order (comparePaths), so
 * index i is the i-th entry of the single-file manifest (its line is entryLine(i)), unless the
 * index was built unordered (`ordered` false: see ManifestIndexBuilder.finish). Links (rare)
 * sit in a Map by index. An entry is materialised as a ManifestEntry only when asked for one
 * (diff, findings), for a moment.
 */
import { comparePaths, type ManifestEntry } from "./model.js";

const EXEC = 1;
const LINK = 2;
/** Value of a lower-case hex digit's byte, 255 for any other byte. */
const HEX_VALUE = new Uint8Array(256).fill(255);
for (let d = 0; d < 16; d++) HEX_VALUE["0123456789abcdef".charCodeAt(d)] = d;

/** A copy of `s` that holds no reference to the text it was sliced from. */
function flat(s: string): string {
  // V8 keeps a substring of 13 or more characters as a slice of its parent string: a path read
  // from a shard would keep the whole shard text alive. The JSON round trip copies it exactly,
  // lone surrogates included (a UTF-8 round trip would replace them).
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** FNV-1a 32-bit over UTF-16 code units (a spread, not a security property: lookups compare the path). */
function hashOf(p: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < p.length; i++) {
    h ^= p.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class ManifestIndex {
  /** Number of entries. */
  readonly size: number;
  /**
   * Whether index i is the i-th entry in manifest order. False for an index built unordered
   * (entries where they were added: a sharded manifest's shard by shard); `inOrder` and
   * `entries` still give manifest order.
   */
  readonly ordered: boolean;
  private readonly paths: string[];
  private readonly digests: Buffer;
  private readonly sizes: Float64Array;
  private readonly flags: Uint8Array;
  private readonly links: Map<number, string>;
  /** Open addressing: slot -> entry index + 1 (0 empty); capacity a power of two, at least twice size. */
  private readonly table: Int32Array;

  private constructor(
    paths: string[],
    digests: Buffer,
    sizes: Float64Array,
    flags: Uint8Array,
    links: Map<number, string>,
    ordered: boolean,
  ) {
    this.size = paths.length;
    this.ordered = ordered;
    this.paths = paths;
    this.digests = digests;
    this.sizes = sizes;
    this.flags = flags;
    this.links = links;
    let cap = 16;
    while (cap < paths.length * 2) cap *= 2;
    this.table = new Int32Array(cap);
    const mask = cap - 1;
    for (let i = 0; i < paths.length; i++) {
      let s = hashOf(paths[i]!) & mask;
      while (this.table[s] !== 0) s = (s + 1) & mask;
      this.table[s] = i + 1;
    }
  }

  /**
   * Pack entries given in any order (each path at most once: the readers check that first);
   * they are kept sorted by path. Each group (a shard's entries) can be dropped by the caller as
   * soon as it is added: nothing keeps a reference to the objects.
   */
  static build(groups: Iterable<readonly ManifestEntry[]>): ManifestIndex {
    const b = new ManifestIndexBuilder();
    // Paths (and links) copied flat: one sliced out of a shard's text would keep the text alive.
    for (const g of groups) for (const e of g) b.add(e, true);
    return b.finish();
  }

  /**
   * @internal The builder's parts, sorted by path when they are not (each path at most once),
   * unless `ordered` is false (they are then kept as added). The lists and the digest buffer are
   * sorted in place: the builder gives them up.
   */
  static fromParts(
    paths: string[],
    digests: Buffer,
    sizeList: number[],
    flagList: number[],
    linkList: Map<number, string>,
    ordered = true,
  ): ManifestIndex {
    const n = paths.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) if (comparePaths(paths[i - 1]!, paths[i]!) > 0) sorted = false;
    if (!sorted && ordered) {
      // A reseal adds the files git vouched for in walk order and the hashed ones after them.
      // (A plain array sorts faster than an Int32Array with a comparator.)
      const order: number[] = new Array<number>(n);
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((a, b) => comparePaths(paths[a]!, paths[b]!));
      const links = new Map<number, string>();
      for (let k = 0; k < n; k++) {
        const link = linkList.get(order[k]!);
        if (link !== undefined) links.set(k, link);
      }
      linkList = links;
      permuteInPlace(order, paths, digests, sizeList, flagList);
    }
    return new ManifestIndex(
      paths,
      digests.subarray(0, n * 32),
      Float64Array.from(sizeList),
      Uint8Array.from(flagList),
      linkList,
      sorted || ordered,
    );
  }

  /** Index of the entry for `p`, or -1. */
  indexOf(p: string): number {
    const mask = this.table.length - 1;
    for (let s = hashOf(p) & mask; ; s = (s + 1) & mask) {
      const v = this.table[s]!;
      if (v === 0) return -1;
      if (this.paths[v - 1] === p) return v - 1;
    }
  }

  has(p: string): boolean {
    return this.indexOf(p) !== -1;
  }

  path(i: number): string {
    return this.paths[i]!;
  }

  /** Lower-case hex SHA-256 of entry i. */
  sha256(i: number): string {
    return this.digests.toString("hex", i * 32, i * 32 + 32);
  }

  /** Whether entry i's digest is the 32 bytes of `bytes` from `at` (a digest compared without hex). */
  sameDigest(i: number, bytes: Uint8Array, at: number): boolean {
    const d = this.digests;
    for (let b = 0, o = i * 32; b < 32; b++) if (d[o + b] !== bytes[at + b]) return false;
    return true;
  }

  fileSize(i: number): number {
    return this.sizes[i]!;
  }

  /** Whether entry i is an executable file (mode "755"). */
  executable(i: number): boolean {
    return (this.flags[i]! & EXEC) !== 0;
  }

  link(i: number): string | undefined {
    return (this.flags[i]! & LINK) !== 0 ? this.links.get(i) : undefined;
  }

  /** Entry i as the manifest holds it (a new object each call). */
  entry(i: number): ManifestEntry {
    const e: ManifestEntry = { path: this.paths[i]!, sha256: this.sha256(i), size: this.sizes[i]! };
    const link = this.link(i);
    if (link !== undefined) e.link = link;
    if ((this.flags[i]! & EXEC) !== 0) e.mode = "755";
    return e;
  }

  /**
   * The indexes `keep` takes (every one without it), in manifest order. On an unordered index
   * only those are sorted: a caller that wants a few entries in order (a verify's mismatches)
   * pays for those, not for sorting every entry.
   */
  inOrder(keep?: (i: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) if (!keep || keep(i)) out.push(i);
    if (!this.ordered) out.sort((a, b) => comparePaths(this.paths[a]!, this.paths[b]!));
    return out;
  }

  /** Where entry i stands in manifest order (0-based): i itself on an ordered index; counted otherwise (for a message). */
  position(i: number): number {
    if (this.ordered) return i;
    const p = this.paths[i]!;
    let before = 0;
    for (const q of this.paths) if (comparePaths(q, p) < 0) before++;
    return before;
  }

  /** Every entry in manifest order, materialised one at a time. */
  *entries(): IterableIterator<ManifestEntry> {
    if (this.ordered) for (let i = 0; i < this.size; i++) yield this.entry(i);
    else for (const i of this.inOrder()) yield this.entry(i);
  }
}

/**
 * Put entry order[k] at position k, for every k, by following the permutation's cycles: one
 * entry's worth of memory aside instead of a second copy of every list (issue 20: at 500,000
 * entries a reseal's sorted copy was 16 MB of digests and two arrays of 500,000 slots, at the
 * peak of the run). `order` is used up (each slot set to -1 once placed).
 */
function permuteInPlace(order: number[], paths: string[], digests: Buffer, sizes: number[], flags: number[]): void {
  const digest = Buffer.alloc(32);
  const n = order.length;
  for (let start = 0; start < n; start++) {
    if (order[start]! < 0) continue;
    if (order[start] === start) {
      order[start] = -1;
      continue;
    }
    // Take the entry at `start` aside, then pull each slot's entry from where order says, around the cycle.
    const [path, size, flag] = [paths[start]!, sizes[start]!, flags[start]!];
    for (let b = 0; b < 32; b++) digest[b] = digests[start * 32 + b]!;
    let k = start;
    for (;;) {
      const from = order[k]!;
      order[k] = -1;
      if (from === start) {
        paths[k] = path;
        sizes[k] = size;
        flags[k] = flag;
        for (let b = 0; b < 32; b++) digests[k * 32 + b] = digest[b]!;
        break;
      }
      paths[k] = paths[from]!;
      sizes[k] = sizes[from]!;
      flags[k] = flags[from]!;
      // (Byte by byte: Buffer#copy's argument checks cost more than 32 bytes.)
      for (let b = 0, to = k * 32, at = from * 32; b < 32; b++) digests[to + b] = digests[at + b]!;
      k = from;
    }
  }
}

/**
 * Entries packed as they come (seal's, issue 20): each digest as 32 raw bytes at once, so no
 * entry object or hex string is kept per file while the tree is observed.
 */
export class ManifestIndexBuilder {
  private paths: string[] = [];
  private digests = Buffer.alloc(32 * 1024);
  private sizes: number[] = [];
  private flags: number[] = [];
  private links = new Map<number, string>();

  get length(): number {
    return this.paths.length;
  }

  /** Add one entry (its path not added before). `copy`: keep flat copies of its strings. */
  add(e: ManifestEntry, copy = false): void {
    const i = this.paths.length;
    if ((i + 1) * 32 > this.digests.length) {
      const grown = Buffer.alloc(this.digests.length * 2);
      this.digests.copy(grown);
      this.digests = grown;
    }
    this.digests.write(e.sha256, i * 32, 32, "hex");
    this.paths.push(copy ? flat(e.path) : e.path);
    this.sizes.push(e.size);
    this.flags.push((e.mode === "755" ? EXEC : 0) | (e.link !== undefined ? LINK : 0));
    if (e.link !== undefined) this.links.set(i, copy ? flat(e.link) : e.link);
  }

  /**
   * Add the entry of a regular file whose digest is the 64 lower-case hex digits at `at` in
   * `src` (a canonical shard line, read without a string or an object for it; sharded.ts
   * packShard). False, with nothing added, when they are not 64 lower-case hex digits. `path`
   * must hold no reference to a bigger string (packShard decodes it from the bytes).
   */
  addHex(path: string, src: Uint8Array, at: number, size: number, executable: boolean): boolean {
    const i = this.paths.length;
    if ((i + 1) * 32 > this.digests.length) {
      const grown = Buffer.alloc(this.digests.length * 2);
      this.digests.copy(grown);
      this.digests = grown;
    }
    const d = this.digests;
    for (let k = 0, o = i * 32; k < 32; k++) {
      const hi = HEX_VALUE[src[at + 2 * k]!]!;
      const lo = HEX_VALUE[src[at + 2 * k + 1]!]!;
      if ((hi | lo) > 15) return false;
      d[o + k] = (hi << 4) | lo;
    }
    this.paths.push(path);
    this.sizes.push(size);
    this.flags.push(executable ? EXEC : 0);
    return true;
  }

  /** Drop every entry added after the first `length` (a shard that turned out not to be canonical). */
  truncate(length: number): void {
    if (length >= this.paths.length) return;
    this.paths.length = length;
    this.sizes.length = length;
    this.flags.length = length;
    for (const k of [...this.links.keys()]) if (k >= length) this.links.delete(k);
  }

  /**
   * The index of every entry added (sorted by path); the builder is used up. `ordered: false`
   * keeps them as added (ManifestIndex.ordered): for a reader that looks entries up by path and
   * wants few of them in order (verify). Sorting and permuting every entry of a sharded manifest
   * read shard by shard cost about 4 s of a cold verify at 500,000 entries, 2.5 s of it the sort.
   */
  finish(options: { ordered?: boolean } = {}): ManifestIndex {
    const index = ManifestIndex.fromParts(this.paths, this.digests, this.sizes, this.flags, this.links, options.ordered !== false);
    // Used up: its lists (copied into the index's typed arrays) are not kept alive by a caller's
    // closure that still holds the builder (at 500,000 entries, about 10 MB).
    this.paths = [];
    this.digests = Buffer.alloc(0);
    this.sizes = [];
    this.flags = [];
    this.links = new Map();
    return index;
  }
}
