/**
 * The keys of a stat-cache half (paths, or blob ids) packed in flat arrays (issue 20: bounded
 * memory at 500,000 files).
 *
 * Why: a Map of key -> slot held each key as a string on the V8 heap (a 40-character blob id is
 * a 56-byte string, a path about as much) plus the Map's own entry: about 90 bytes a record in
 * each half, 90 MB at 500,000 tracked files with both halves loaded, all of it objects the
 * garbage collector walks. Here a key is its characters in one byte array (one byte each when
 * every code unit is below 0x100, else two: exact for any string, lone surrogates included) and
 * a slot found through an open-addressing table of int32: about 14 bytes beside the characters.
 *
 * Slots are handed out in insertion order and never reused, so iterating them in slot order is
 * a Map's order: a re-set key keeps its place, a deleted and re-set one moves to the end (the
 * order the halves are written in). A run deletes at most what it loaded, so the dead slots are
 * at most as many as the live ones; they are dropped from the table (not from the slot order)
 * whenever it grows.
 */

/** FNV-1a 32-bit over UTF-16 code units (a spread, not a security property: lookups compare the key). */
function hashString(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) {
    h ^= k.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** A slot's entry in the table: slot + 1; 0 is empty, -1 a deleted key (probing goes on past it). */
const EMPTY = 0;
const DELETED = -1;

export class PackedKeys {
  /**
   * The characters of the keys, in chunks of CHUNK bytes filled one after the other (a key never
   * spans two; a longer key gets a chunk of its own): growing never copies them, and leaves no
   * garbage buffer behind (at 500,000 blob ids, a doubled 40 MB buffer left 20 + 10 + ... MB to
   * the next collection).
   */
  private readonly chunks: Buffer[] = [];
  private used = CHUNK;
  /** Slot s's key: chunks[starts[s] >>> CHUNK_BITS] from (starts[s] & CHUNK_MASK), lengths[s] bytes. */
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);
  /** Per slot: 1 when its key is stored two bytes a code unit (UTF-16LE), 2 when deleted. */
  private flags = new Uint8Array(0);
  private table = new Int32Array(16);
  /** Table entries that are not EMPTY (live and deleted): kept under half the table. */
  private filled = 0;
  private slots = 0;
  private live = 0;

  /** `grow(capacity)`: the owner's per-slot arrays must hold `capacity` slots. */
  constructor(private readonly grow: (capacity: number) => void) {}

  get size(): number {
    return this.live;
  }

  private keyAt(s: number): string {
    const c = this.chunks[this.starts[s]! >>> CHUNK_BITS]!;
    const a = this.starts[s]! & CHUNK_MASK;
    return c.toString((this.flags[s]! & 1) !== 0 ? "utf16le" : "latin1", a, a + this.lengths[s]!);
  }

  /** hashString of slot s's key, from its stored characters (no string made). */
  private hashAt(s: number): number {
    const c = this.chunks[this.starts[s]! >>> CHUNK_BITS]!;
    const a = this.starts[s]! & CHUNK_MASK;
    const b = a + this.lengths[s]!;
    let h = 0x811c9dc5;
    if ((this.flags[s]! & 1) !== 0)
      for (let i = a; i < b; i += 2) {
        h ^= c[i]! | (c[i + 1]! << 8);
        h = Math.imul(h, 0x01000193);
      }
    else
      for (let i = a; i < b; i++) {
        h ^= c[i]!;
        h = Math.imul(h, 0x01000193);
      }
    return h >>> 0;
  }

  private matches(s: number, k: string): boolean {
    const wide = (this.flags[s]! & 1) !== 0;
    if (this.lengths[s]! !== (wide ? 2 * k.length : k.length)) return false;
    const c = this.chunks[this.starts[s]! >>> CHUNK_BITS]!;
    const a = this.starts[s]! & CHUNK_MASK;
    if (wide) {
      for (let i = 0; i < k.length; i++) if ((c[a + 2 * i]! | (c[a + 2 * i + 1]! << 8)) !== k.charCodeAt(i)) return false;
    } else {
      for (let i = 0; i < k.length; i++) if (c[a + i] !== k.charCodeAt(i)) return false;
    }
    return true;
  }

  /** The table position of `k`, or where it would go (-1 - position) when absent. */
  private find(k: string): number {
    const mask = this.table.length - 1;
    let free = -1;
    for (let t = hashString(k) & mask; ; t = (t + 1) & mask) {
      const v = this.table[t]!;
      if (v === EMPTY) return -1 - (free < 0 ? t : free);
      if (v === DELETED) {
        if (free < 0) free = t;
      } else if (this.matches(v - 1, k)) return t;
    }
  }

  /** The slot of `k`, or undefined. */
  get(k: string): number | undefined {
    const t = this.find(k);
    return t < 0 ? undefined : this.table[t]! - 1;
  }

  has(k: string): boolean {
    return this.find(k) >= 0;
  }

  /** The slot of `k`, allocated (at the end of the order) when absent. */
  claim(k: string): number {
    let t = this.find(k);
    if (t >= 0) return this.table[t]! - 1;
    const s = this.slots;
    if (s >= this.starts.length || (this.filled + 1) * 2 > this.table.length) {
      this.growTo(Math.max(1024, this.starts.length * 2));
      t = this.find(k); // the table was rebuilt
    }
    let wide = false;
    for (let i = 0; i < k.length && !wide; i++) wide = k.charCodeAt(i) > 0xff;
    const bytes = wide ? 2 * k.length : k.length;
    if (this.used + bytes > CHUNK || this.chunks.length === 0) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, bytes)));
      this.used = 0;
    }
    this.chunks[this.chunks.length - 1]!.write(k, this.used, bytes, wide ? "utf16le" : "latin1");
    this.starts[s] = ((this.chunks.length - 1) << CHUNK_BITS) | this.used;
    this.lengths[s] = bytes;
    this.used += bytes;
    this.flags[s] = wide ? 1 : 0;
    const at = -1 - t;
    if (this.table[at] === EMPTY) this.filled++;
    this.table[at] = s + 1;
    this.slots++;
    this.live++;
    return s;
  }

  delete(k: string): boolean {
    const t = this.find(k);
    if (t < 0) return false;
    this.flags[this.table[t]! - 1]! |= 2;
    this.table[t] = DELETED;
    this.live--;
    return true;
  }

  /** Live keys in slot order (insertion order); a key deleted or added while iterating is seen as a Map's iterator would. */
  *keys(): IterableIterator<string> {
    for (let s = 0; s < this.slots; s++) if ((this.flags[s]! & 2) === 0) yield this.keyAt(s);
  }

  /** Room for `capacity` slots, and a table of live keys only, at least four times their count. */
  private growTo(capacity: number): void {
    if (capacity > this.starts.length) {
      const starts = new Int32Array(capacity);
      starts.set(this.starts.subarray(0, this.slots));
      this.starts = starts;
      const lengths = new Int32Array(capacity);
      lengths.set(this.lengths.subarray(0, this.slots));
      this.lengths = lengths;
      const flags = new Uint8Array(capacity);
      flags.set(this.flags.subarray(0, this.slots));
      this.flags = flags;
      this.grow(capacity);
    }
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    const table = new Int32Array(cap);
    const mask = cap - 1;
    for (let s = 0; s < this.slots; s++) {
      if ((this.flags[s]! & 2) !== 0) continue;
      let t = this.hashAt(s) & mask;
      while (table[t] !== EMPTY) t = (t + 1) & mask;
      table[t] = s + 1;
    }
    this.table = table;
    this.filled = this.live;
  }
}
