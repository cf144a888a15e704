/**
 * The manifest's stat cache (machine-local, under .git/integrity-guard/, never committed).
 *
 * - `files`: path -> the stat of the file when it was last hashed (size, mtime ns, inode,
 *   ctime ns) and its SHA-256. A file whose stat is unchanged is not re-read, except when its
 *   mtime or ctime is within RACY_WINDOW_NS of the moment the cache was written ("racy git": an edit in
 *   the same timestamp tick leaves the stat unchanged), and except with --no-cache.
 * - `blobs`: git blob id -> SHA-256 and size of the work-tree bytes of a tracked file that git
 *   reported clean. For tracked files git's own index (which handles racy entries itself) says
 *   which files changed, so an unchanged tracked file costs neither a read nor an lstat here.
 *
 * The two halves live in two files, each parsed only when first needed: a warm verify of a
 * tracked tree reads only the blob half. One pair per work tree (the state dir is shared by
 * linked worktrees). A cache that is missing, unreadable or of another version is ignored: the
 * only cost is re-hashing. Lookups use the parsed objects as they are (no Map copies): the keys
 * are hex ids and repo paths, read with Object.hasOwn.
 *
 * Incremental saves (issue 20): a run that changed a few records appends them, as one JSON line
 * per save, to a journal beside each half (`<half>.journal`) instead of rewriting the half (137
 * MB at 500,000 files); the half is rewritten whole, and the journal removed, once the journal
 * passes half the half's size. Replay applies the lines in order; a torn last line (a crash while
 * appending) is ignored, which only costs re-hashing. A files line carries the stamp of the run
 * that wrote it, and a record racy against its own line's stamp is dropped on replay, so a later
 * stamp (another run's) never makes an earlier run's racy record trusted.
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { StatKey } from "./hash/pool.js";
import { BlobRecords, FileRecords } from "./stat-cache-records.js";
import { SpillFile, halfTempName } from "./stat-cache-spill.js";
import { makeStateFolderSync } from "./state-folder.js";
import { openStateFileSync, readStateFileSync } from "./read-regular.js";

/** Two seconds: covers FAT's 2 s mtime granularity and coarse kernel clocks with room to spare. */
export const RACY_WINDOW_NS = 2_000_000_000n;
const VERSION = 2;

type FileRecord = [size: string, mtimeNs: string, ino: string, ctimeNs: string, sha256: string, exec: 0 | 1];
/**
 * A FileRecord's JSON text without the brackets, `"size","mtime","ino","ctime","sha",0`: how a
 * changed record waits for its journal line, and how the half is written back (`[` + it + `]`,
 * the bytes JSON.stringify gives the array). Held records are packed (stat-cache-records.ts).
 */
type PackedRecord = string;

/**
 * Whether a record's mtime or ctime falls within RACY_WINDOW_NS of `stamp` (or after it): its
 * content may have changed since it was hashed without changing its stat. The ctime counts too: a
 * file rewritten with its mtime put back (`touch -d`, `cp -p`, `tar x`) keeps an old mtime while
 * its ctime is now, and a second same-size rewrite put back the same way within the ctime's tick
 * (a jiffy on Linux, a second on some file systems) leaves size, mtime, inode and ctime equal.
 */
function isRacyAt(mtimeNs: string, ctimeNs: string, stamp: bigint): boolean {
  const from = stamp - RACY_WINDOW_NS;
  return BigInt(mtimeNs) >= from || BigInt(ctimeNs) >= from;
}

/** A JSON array index key (JSON.parse and Object.keys order these first, ascending). */
function isIndexKey(k: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(k) && Number(k) < 4294967295;
}

/** Bytes read at a time by the scanners (a record longer than this grows the window). */
const SCAN_CHUNK = 1 << 20;

/**
 * The members of the one object of a cache file, read from its bytes one window at a time
 * (issue 20: the files half is about 77 MB at 500,000 files, which was read whole): the file must
 * start with `head` (checked by `headEnd`, which returns where the members start, or -1), each
 * member is `"key":<open>value<close>` (value without `close` in it), and the tail after the
 * members is returned for the caller to check. Keys with escapes are decoded as JSON. Undefined
 * when the bytes are not in that exact shape (the caller then parses them as JSON) or unreadable.
 */
function scanMembers(
  file: string,
  headEnd: (first: Buffer) => number,
  open: number,
  close: number,
  onMember: (key: string, value: string) => void,
): { first: Buffer; tail: string } | undefined {
  let fd: number | undefined;
  try {
    fd = openStateFileSync(file); // never through a link, never a FIFO
  } catch {
    return undefined;
  }
  if (fd === undefined) return undefined;
  try {
    let eof = false;
    const read = (): Buffer => {
      const b = Buffer.allocUnsafe(SCAN_CHUNK);
      const n = fs.readSync(fd, b, 0, SCAN_CHUNK, null);
      if (n < SCAN_CHUNK) eof = true;
      return b.subarray(0, n);
    };
    let w = read();
    const first = Buffer.from(w.subarray(0, Math.min(w.length, 256)));
    let at = headEnd(w);
    if (at < 0) return undefined;
    let afterMember = false;
    for (;;) {
      // One member from `at`, or a request for more bytes (the window ends inside it).
      let more = false;
      parse: {
        if (at >= w.length) {
          more = true;
          break parse;
        }
        if (afterMember && w[at] === 0x2c /* , */) {
          at++;
          afterMember = false;
          continue;
        }
        if (w[at] === 0x7d /* } */) {
          let tail = w.toString("latin1", at);
          while (!eof && tail.length < 4096) tail += read().toString("latin1");
          return eof ? { first, tail } : undefined;
        }
        if (w[at] !== 0x22) return undefined;
        // The key's closing quote: the first one not escaped (preceded by an even run of backslashes).
        let q = at;
        let escaped = false;
        for (;;) {
          q = w.indexOf(0x22, q + 1);
          if (q < 0) {
            more = true;
            break parse;
          }
          let b = 0;
          while (w[q - 1 - b] === 0x5c) b++;
          if (b % 2 === 0) break;
          escaped = true;
        }
        if (q + 2 >= w.length) {
          more = true;
          break parse;
        }
        if (w[q + 1] !== 0x3a || w[q + 2] !== open) return undefined;
        const end = w.indexOf(close, q + 3);
        if (end < 0) {
          more = true;
          break parse;
        }
        let key: string;
        try {
          if (!escaped) for (let i = at + 1; i < q && !escaped; i++) escaped = w[i] === 0x5c;
          key = escaped ? (JSON.parse(w.toString("utf8", at, q + 1)) as string) : w.toString("utf8", at + 1, q);
        } catch {
          return undefined;
        }
        onMember(key, w.toString("latin1", q + 3, end));
        at = end + 1;
        afterMember = true;
      }
      if (more) {
        if (eof) return undefined;
        w = Buffer.concat([w.subarray(at), read()]);
        at = 0;
      }
    }
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The files of a cache file written as `{"version":2,"stamp":"<digits>","files":{...}}` (how
 * every version writes it), read from its bytes: paths decoded one at a time, records packed.
 * Undefined when the bytes are not in that exact shape (the caller then parses them as JSON).
 */
function scanFiles(file: string, wanted?: (path: string) => boolean): { stamp: string; files: FileRecords } | undefined {
  const head = `{"version":${VERSION},"stamp":"`;
  let stamp = "";
  const headEnd = (buf: Buffer): number => {
    if (buf.length < head.length || buf.toString("latin1", 0, head.length) !== head) return -1;
    const stampEnd = buf.indexOf(0x22, head.length);
    stamp = stampEnd < 0 ? "" : buf.toString("latin1", head.length, stampEnd);
    if (!/^\d+$/.test(stamp) || buf.toString("latin1", stampEnd, stampEnd + 11) !== '","files":{') return -1;
    return stampEnd + 11;
  };
  const files = new FileRecords();
  // A damaged record is dropped (re-hashed, never trusted): setText removes the key.
  const scanned = scanMembers(file, headEnd, 0x5b /* [ */, 0x5d /* ] */, (k, r) => {
    if (!wanted || wanted(k)) files.setText(k, r);
  });
  return scanned && scanned.tail === "}}" ? { stamp, files } : undefined;
}

/**
 * The blobs of a cache file written as `{"version":2,"blobs":{...}}` or with `,"manifest":"<hex>"`
 * after them (how every version writes it), read from its bytes. Undefined when the bytes are not
 * in that exact shape (the caller then parses them as JSON).
 */
function scanBlobs(file: string): { blobs: BlobRecords; manifest?: string } | undefined {
  const head = `{"version":${VERSION},"blobs":{`;
  const headEnd = (buf: Buffer): number => (buf.toString("latin1", 0, head.length) === head ? head.length : -1);
  const blobs = new BlobRecords();
  const scanned = scanMembers(file, headEnd, 0x22, 0x22, (k, r) => blobs.setText(k, r));
  if (!scanned) return undefined;
  if (scanned.tail === "}}") return { blobs };
  const m = /^},"manifest":"([0-9a-f]{64})"}$/.exec(scanned.tail);
  return m ? { blobs, manifest: m[1]! } : undefined;
}

/**
 * Characters of a piece of a half's text. Below V8's large-object size (128 KiB): a bigger string
 * is allocated straight in the old generation, where it waits for a full collection; at 500,000
 * records the 77 MB of pieces of 4,096 records (530 KB each) stayed there, about 45 MB of a cold
 * verify's and a first seal's peak (issue 20). A smaller piece dies young, collected at once.
 */
const PIECE_CHARS = 32 * 1024;

/**
 * JSON text of a half's object, in pieces of PIECE_CHARS (a half of 500,000 records is
 * about 77 MB of text, which as one string was the largest allocation of a first seal): keys in
 * JSON.stringify's order for an object (index-like keys first in ascending order, then the others
 * in insertion order), so the bytes are the same as before.
 */
function* recordPieces(head: string, keys: () => Iterable<string>, member: (k: string) => string, tail: string): Generator<string> {
  // Only the index-like keys (rare) are gathered: an array of every key was a string per record
  // at once (issue 20: the keys are packed, stat-cache-keys.ts, and made one at a time).
  const index: string[] = [];
  for (const k of keys()) if (isIndexKey(k)) index.push(k);
  index.sort((a, b) => Number(a) - Number(b));
  let piece = head;
  let n = 0;
  const ordered = function* () {
    yield* index;
    for (const k of keys()) if (!isIndexKey(k)) yield k;
  };
  for (const k of ordered()) {
    piece += `${n === 0 ? "" : ","}${JSON.stringify(k)}:${member(k)}`;
    n++;
    if (piece.length >= PIECE_CHARS) {
      yield piece;
      piece = "";
    }
  }
  yield piece + tail;
}
/** "<64 hex sha256><decimal size>": a flat string parses faster than a [sha, size] pair. */
type BlobRecord = string;

interface FilesData {
  version: number;
  /** Wall-clock ns when the cache was written. */
  stamp: string;
  files: Record<string, FileRecord>;
}

/** One save appended to the files journal: null deletes a record. */
interface FilesLine {
  stamp: string;
  files: Record<string, FileRecord | null>;
}

/** One save appended to the blobs journal. */
interface BlobsLine {
  blobs: Record<string, BlobRecord | null>;
  manifest?: string;
}

/**
 * A lower bound of the JSON length of pending records: each key quoted with its colon and comma,
 * and `least` characters for a record, 4 for a deletion (null).
 */
function pendingBytes(pending: ReadonlyMap<string, unknown>, least: number): number {
  let n = 0;
  for (const [k, v] of pending) n += k.length + 4 + (v === null ? 4 : least);
  return n;
}

/**
 * Append `text` to `file` unless `file` is a symlink (O_NOFOLLOW): an append through a link
 * would grow whatever file it leads to. False when the file is a link or not a regular file (the
 * caller then rewrites the half whole, which replaces it). Other failures throw, as appendFileSync did.
 */
const APPEND_FLAGS =
  fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NONBLOCK | (fs.constants.O_NOFOLLOW ?? 0);

function appendNoFollow(file: string, text: string): boolean {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO at the name fails at once (ENXIO) instead of waiting for a reader.
    fd = fs.openSync(file, APPEND_FLAGS, 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "ENXIO") return false;
    throw error;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return false; // a FIFO with a reader, a device: not our journal
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Write pieces of text to `file` atomically (temporary file beside it, fsync, rename), never
 * holding all of it at once. A failure removes the temporary file and throws (save() treats the
 * cache as best effort).
 */
function writePiecesAtomic(file: string, pieces: Iterable<string>): void {
  const tmp = halfTempName(file);
  const fd = fs.openSync(tmp, "wx", 0o644); // a new file: never one a symlink at that name leads to
  try {
    for (const p of pieces) fs.writeSync(fd, p);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

/** A journal is folded into its half once it is larger than this share of the half, plus a floor. */
const COMPACT_FLOOR = 64 * 1024;

/** Paths up to which preloadFiles loads only their records (beyond: the whole half). */
const PARTIAL_MAX = 65536;

/**
 * Records of a half with nothing valid on disk held before they are written out to the half's
 * temporary file (stat-cache-spill.ts). @internal Test seam: tests lower it.
 */
export const spillLimits = { records: 65536 };

/** The lines of a journal that parse, in order (a torn or damaged line ends the replay). */
function readJournal<T>(file: string): T[] {
  let text: string;
  try {
    text = readStateFileSync(file)?.toString("utf8") ?? "";
  } catch {
    return [];
  }
  const out: T[] = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      break;
    }
  }
  return out;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

interface BlobsData {
  version: number;
  blobs: Record<string, BlobRecord>;
  /** SHA-256 of the last manifest text that passed every check (content-addressed, so safe to trust). */
  manifest?: string;
}

interface CachedContent {
  sha256: string;
  size: number;
  executable: boolean;
}

/**
 * The files half: scanned from its bytes (scanFiles), or, for any other JSON of the right version
 * (written by hand or by a future layout), parsed and packed record by record. Undefined when
 * missing, unreadable or of another version.
 */
function readFiles(file: string, wanted?: (path: string) => boolean): { stamp: string; files: FileRecords } | undefined {
  const scanned = scanFiles(file, wanted);
  if (scanned) return scanned;
  let d: FilesData;
  try {
    d = JSON.parse(readStateFileSync(file)?.toString("utf8") ?? "") as FilesData;
  } catch {
    return undefined;
  }
  if (!d || d.version !== VERSION || typeof d.stamp !== "string" || !/^\d+$/.test(d.stamp) || typeof d.files !== "object" || !d.files)
    return undefined;
  const files = new FileRecords();
  for (const [p, r] of Object.entries(d.files)) if (!wanted || wanted(p)) setFileRecord(files, p, r);
  return { stamp: d.stamp, files };
}

/** Set a record given as JSON (a FileRecord array); a damaged one removes the key instead. */
function setFileRecord(files: FileRecords, p: string, r: unknown): boolean {
  const ok =
    Array.isArray(r) &&
    r.length === 6 &&
    r.slice(0, 5).every((f) => typeof f === "string") &&
    (r[5] === 0 || r[5] === 1) &&
    files.set(p, [r[0] as string, r[1] as string, r[2] as string, r[3] as string], r[4] as string, r[5] === 1);
  if (!ok) files.delete(p);
  return ok;
}

/** The blobs half: scanned from its bytes, or parsed as JSON when laid out otherwise. */
function readBlobs(file: string): { blobs: BlobRecords; manifest?: string } | undefined {
  const scanned = scanBlobs(file);
  if (scanned) return scanned;
  let d: BlobsData;
  try {
    d = JSON.parse(readStateFileSync(file)?.toString("utf8") ?? "") as BlobsData;
  } catch {
    return undefined; // missing or damaged: start empty
  }
  if (!d || d.version !== VERSION) return undefined;
  const blobs = new BlobRecords();
  if (typeof d.blobs === "object" && d.blobs) for (const [o, r] of Object.entries(d.blobs)) if (typeof r === "string") blobs.setText(o, r);
  return typeof d.manifest === "string" ? { blobs, manifest: d.manifest } : { blobs };
}

export class StatCache {
  private filesData: FileRecords | undefined;
  /**
   * The paths whose records alone were loaded (preloadFiles), or undefined when the files half is
   * held whole. Asking about any other path loads the rest first (filesFor).
   */
  private filesWanted: Set<string> | undefined;
  private blobsData: BlobRecords | undefined;
  /**
   * A half with nothing valid on disk (every record is this run's) is written out as it grows
   * (issue 20): its records beyond the ones held sit in this temporary file until save renames it
   * over the half. A question about a key it may hold finishes it and reads the half back first.
   */
  private filesSpill: SpillFile | undefined;
  private blobsSpill: SpillFile | undefined;
  /** No (more) spilling of a half: it could not be written, or was read back once. */
  private filesSpillOff = false;
  private blobsSpillOff = false;
  private validManifest: string | undefined;
  private stamp = 0n;
  private filesDirty = false;
  private blobsDirty = false;
  /** Records changed since the last save (null: deleted): what a journal line holds. */
  private filesPending = new Map<string, PackedRecord | null>();
  private blobsPending = new Map<string, BlobRecord | null>();
  /** Whether each half was read from a valid file (a journal may only extend such a file). */
  private filesBaseOk = false;
  private blobsBaseOk = false;
  /**
   * Paths (re)recorded in this run whose record is racy against the stamp read: their hash is at
   * least as recent as the next stamp. Only those (save asks only about them), and only over a
   * half read from disk (otherwise every record is this run's): not a set of every path a first
   * seal records.
   */
  private touched = new Set<string>();
  /**
   * The stamp this run writes: the wall clock when the cache was opened, BEFORE any file was
   * stat'ed or read. A file edited after we read it, in the same timestamp tick as its recorded
   * mtime, then has that mtime within RACY_WINDOW_NS of the stamp however long the run took (a
   * stamp taken at save time would let an edit early in a run longer than the window pass).
   */
  private readonly openedNs = BigInt(Date.now()) * 1_000_000n;

  private constructor(
    /** The files half; the blobs half sits beside it. */
    readonly file: string,
    private readonly persistent: boolean,
  ) {}

  /** Cache file for the work tree at `root` inside `stateDir`. */
  static pathFor(stateDir: string, root: string): string {
    const id = crypto.createHash("sha256").update(root).digest("hex").slice(0, 12);
    return path.join(stateDir, `manifest-cache-${id}.json`);
  }

  /** Open (never throws; nothing is read until a lookup needs it). */
  static load(file: string): StatCache {
    return new StatCache(file, true);
  }

  /** An empty cache that never reads or writes disk. */
  static empty(file: string): StatCache {
    return new StatCache(file, false);
  }

  private get blobsFile(): string {
    return this.file.replace(/\.json$/, ".blobs.json");
  }

  private journalOf(file: string): string {
    return file + ".journal";
  }

  private files(): FileRecords {
    if (!this.filesData) this.loadFiles();
    return this.filesData!;
  }

  /** The files half for a question about `rel`: whole, unless `rel`'s record was preloaded. */
  private filesFor(rel: string): FileRecords {
    if (this.filesSpill?.mayHold(rel)) this.readBackFiles();
    if (this.filesWanted && !this.filesWanted.has(rel)) this.loadRestOfFiles();
    return this.files();
  }

  private filesHead(): string {
    return `{"version":${VERSION},"stamp":${JSON.stringify(String(this.openedNs))},"files":{`;
  }

  private blobsTail(): string {
    return this.validManifest ? `},"manifest":${JSON.stringify(this.validManifest)}}` : "}}";
  }

  /**
   * Write the held records of a files half that has nothing valid on disk to its temporary file
   * once they are many (see filesSpill). The stamp is this run's: the one save would write.
   */
  private spillFiles(): void {
    const data = this.filesData!;
    if (data.size < spillLimits.records || this.filesSpillOff || this.filesBaseOk || this.filesWanted || !this.persistent) return;
    try {
      this.filesSpill ??= SpillFile.open(this.file, this.filesHead(), false);
      this.filesSpill.append(data.keys(), (p) => `[${data.text(p)!}]`);
    } catch {
      // Cannot write (disk full, permissions): hold the records as before; what was written is lost,
      // which only costs re-hashing those files next time (no answer comes from a lost record).
      this.filesSpill?.abort();
      this.filesSpill = undefined;
      this.filesSpillOff = true;
      return;
    }
    this.filesData = new FileRecords();
  }

  /**
   * Finish the spilled files half (held records last) and rename it over the half: the half on
   * disk then holds every record, and none is held (a partial load of nothing: a question about
   * a path reads it whole, a prune scans it, as after any save).
   */
  private finishFiles(): void {
    const s = this.filesSpill!;
    this.filesSpill = undefined;
    this.filesSpillOff = true;
    const data = this.filesData!;
    s.finish(data.keys(), (p) => `[${data.text(p)!}]`, "}}");
    this.stamp = this.openedNs;
    this.filesBaseOk = true;
    this.filesDirty = false;
    this.filesPending.clear();
    this.filesData = new FileRecords();
    this.filesWanted = new Set();
  }

  /** A question about a path the spilled half may hold: finished, then read back whole (exact answers). */
  private readBackFiles(): void {
    try {
      this.finishFiles();
    } catch {
      // Not written: as a half that cannot be read (start over, empty; only costs re-hashing).
      this.filesData = new FileRecords();
      this.filesWanted = undefined;
      this.filesBaseOk = false;
      return;
    }
    this.filesData = undefined;
    this.filesWanted = undefined;
    this.loadFiles();
  }

  /** spillFiles for the blobs half. */
  private spillBlobs(): void {
    const data = this.blobsData!;
    if (data.size < spillLimits.records || this.blobsSpillOff || this.blobsBaseOk || !this.persistent) return;
    try {
      this.blobsSpill ??= SpillFile.open(this.blobsFile, `{"version":${VERSION},"blobs":{`, true);
      this.blobsSpill.append(
        data.keys(),
        (o) => JSON.stringify(data.text(o)!),
        (o) => data.text(o)!,
      );
    } catch {
      this.blobsSpill?.abort();
      this.blobsSpill = undefined;
      this.blobsSpillOff = true;
      return;
    }
    this.blobsData = new BlobRecords();
  }

  /** finishFiles for the blobs half; the half is then not held at all (the next question reads it). */
  private finishBlobs(): void {
    const s = this.blobsSpill!;
    this.blobsSpill = undefined;
    this.blobsSpillOff = true;
    const data = this.blobsData!;
    s.finish(data.keys(), (o) => JSON.stringify(data.text(o)!), this.blobsTail());
    this.blobsDirty = false;
    this.blobsPending.clear();
    this.blobsData = undefined;
    this.blobsBaseOk = false;
  }

  /** readBackFiles for the blobs half. */
  private readBackBlobs(): BlobRecords {
    const manifest = this.validManifest;
    try {
      this.finishBlobs();
    } catch {
      this.blobsData = new BlobRecords();
      this.blobsBaseOk = false;
      return this.blobsData;
    }
    const b = this.blobs();
    // (The tail carried it; the same value either way.)
    this.validManifest = manifest;
    return b;
  }

  /** Read the files half (only the records of `wanted`, when given) and its journal. */
  private loadFiles(wanted?: Set<string>): void {
    const d = this.persistent ? readFiles(this.file, wanted && ((p) => wanted.has(p))) : undefined;
    if (d) {
      this.stamp = BigInt(d.stamp);
      this.filesData = d.files;
      this.filesBaseOk = true;
      this.filesWanted = wanted;
      this.replayFiles(this.filesData, wanted);
    } else {
      this.filesData = new FileRecords();
      this.filesWanted = undefined; // nothing on disk: every record is this run's
    }
  }

  /** @internal Test seam: how many file records are held (a partial load holds only those asked for). */
  get heldFileRecords(): number {
    return this.filesData?.size ?? 0;
  }

  /** Whether the files half is loaded (whole or in part): lookups then need no preloadFiles. */
  get filesLoaded(): boolean {
    return this.filesData !== undefined;
  }

  /**
   * Load only the records of these paths from the files half, when it is not loaded yet (issue
   * 20: a reseal or verify with one dirty file among 500,000 read the whole half, about 63 MB
   * held, to look one record up). The answers stay exactly a whole load's: asking about another
   * path loads the rest first, and so does a save that must rewrite the half whole. Many paths:
   * the whole half (a set of them would cost more than it saves).
   */
  preloadFiles(paths: Iterable<string> & { readonly length: number }): void {
    if (this.filesData || !this.persistent) return;
    // No half on disk (a first seal, a cold verify): nothing to pick from, no set to build.
    this.loadFiles(paths.length > PARTIAL_MAX || sizeOf(this.file) < 0 ? undefined : new Set(paths));
  }

  /** A partial load made whole: the half read again, with this run's changes over it. */
  private loadRestOfFiles(): void {
    // A partial load is only over a valid half, so filesPending holds every change since.
    const pending = this.filesPending;
    this.filesData = undefined;
    this.filesWanted = undefined;
    this.loadFiles();
    for (const [p, r] of pending) {
      if (r === null) this.filesData!.delete(p);
      else this.filesData!.setText(p, r);
    }
    this.filesPending = pending;
  }

  /**
   * Apply the files journal. Every record (the half's and each line's) is judged against the
   * stamp it was written under and dropped when racy there; the stamp becomes the latest one.
   */
  private replayFiles(files: FileRecords, wanted?: ReadonlySet<string>): void {
    const lines = readJournal<FilesLine>(this.journalOf(this.file)).filter(
      (l) => typeof l?.stamp === "string" && /^\d+$/.test(l.stamp) && typeof l.files === "object" && l.files !== null,
    );
    if (lines.length === 0) return;
    const racy = (r: FileRecord, stamp: bigint) => isRacyAt(String(r[1]), String(r[3]), stamp);
    for (const p of [...files.keys()]) if (files.mtimeAtLeast(p, this.stamp - RACY_WINDOW_NS)) files.delete(p);
    let latest = this.stamp;
    for (const l of lines) {
      const stamp = BigInt(l.stamp);
      if (stamp > latest) latest = stamp;
      for (const [p, r] of Object.entries(l.files)) {
        if (wanted && !wanted.has(p)) continue;
        if (setFileRecord(files, p, r) && racy(r as FileRecord, stamp)) files.delete(p);
      }
    }
    this.stamp = latest;
  }

  private blobs(): BlobRecords {
    if (!this.blobsData) {
      const d = this.persistent ? readBlobs(this.blobsFile) : undefined;
      this.blobsData = d?.blobs ?? new BlobRecords();
      this.validManifest = d?.manifest;
      if (this.persistent && d) {
        this.blobsBaseOk = true;
        for (const l of readJournal<BlobsLine>(this.journalOf(this.blobsFile))) {
          if (typeof l?.blobs !== "object" || l.blobs === null) break;
          for (const [o, r] of Object.entries(l.blobs)) {
            if (typeof r === "string") this.blobsData.setText(o, r);
            else this.blobsData.delete(o);
          }
          if (typeof l.manifest === "string") this.validManifest = l.manifest;
        }
      }
    }
    return this.blobsData;
  }

  /**
   * Remember a changed record for the journal line. Only over a half read as valid: any other
   * half is rewritten whole at save, so the line is never written (after a first seal, a map of
   * every record for nothing).
   */
  private pendFile(rel: string, r: PackedRecord | null): void {
    if (this.filesBaseOk) this.filesPending.set(rel, r);
  }

  private pendBlob(oid: string, r: BlobRecord | null): void {
    if (this.blobsBaseOk) this.blobsPending.set(oid, r);
  }

  private touch(rel: string, stat: StatKey): void {
    if (this.filesBaseOk && this.isRacy(stat)) this.touched.add(rel);
  }

  private isRacy(stat: StatKey): boolean {
    return isRacyAt(stat[1], stat[3], this.stamp);
  }

  /**
   * Whether the files half holds a record for `rel` (or may: a spilled one is read back first):
   * when not, `lookup` answers nothing whatever the stat, so a caller can skip the lstat (a cold
   * run over 500,000 tracked files made 500,000 lstat calls for no answer).
   */
  hasFile(rel: string): boolean {
    return this.filesFor(rel).has(rel);
  }

  /** The cached content of `rel` when `stat` is exactly what was recorded and not racy. */
  lookup(rel: string, stat: StatKey): CachedContent | undefined {
    const f = this.filesFor(rel);
    if (!f.statIs(rel, stat) || this.isRacy(stat)) return undefined;
    return { sha256: f.sha256(rel)!, size: Number(stat[0]), executable: f.executable(rel) };
  }

  /**
   * True when `rel` was recorded with exactly this stat (not racy) but with other content:
   * the file changed without any of its metadata changing (bit rot).
   */
  isBitrot(rel: string, stat: StatKey, sha256: string): boolean {
    const f = this.filesFor(rel);
    return f.statIs(rel, stat) && !this.isRacy(stat) && f.sha256(rel) !== sha256;
  }

  /**
   * After `rel` was read and hashed: true when that is bit rot (`isBitrot`; the old record is
   * kept as evidence), else the hash is recorded. One lookup for the common unchanged case:
   * this runs for every file of a --no-cache run.
   */
  recordHashed(rel: string, stat: StatKey, sha256: string, executable: boolean): boolean {
    const f = this.filesFor(rel);
    if (f.statIs(rel, stat)) {
      const sameSha = f.sha256(rel) === sha256;
      if (sameSha && f.executable(rel) === executable) {
        this.touch(rel, stat); // as record() would: the same record, re-confirmed
        return false;
      }
      if (!sameSha && !this.isRacy(stat)) return true;
    }
    this.record(rel, stat, sha256, executable);
    return false;
  }

  record(rel: string, stat: StatKey, sha256: string, executable: boolean): void {
    const f = this.filesFor(rel);
    this.touch(rel, stat);
    if (f.statIs(rel, stat) && f.sha256(rel) === sha256 && f.executable(rel) === executable) return;
    if (!f.set(rel, stat, sha256, executable)) return;
    if (this.filesBaseOk) this.pendFile(rel, f.text(rel)!); // (a line is written only over a valid half)
    this.filesDirty = true;
    this.spillFiles();
  }

  forget(rel: string): void {
    if (this.filesFor(rel).delete(rel)) {
      this.pendFile(rel, null);
      this.filesDirty = true;
    }
  }

  blob(oid: string): CachedContent | undefined {
    if (this.blobsSpill?.mayHold(oid)) this.readBackBlobs();
    const r = this.blobs().get(oid);
    return r && { sha256: r.sha256, size: r.size, executable: false };
  }

  recordBlob(oid: string, sha256: string, size: number): void {
    if (this.blobsSpill?.mayHold(oid)) {
      // The same record already written out (the same content at another path: common), or a
      // print that only looks alike: then the half is read back and the answer is exact. Prints
      // that agree by chance only leave this record out (re-hashed next time, never trusted).
      if (this.blobsSpill.holdsWith(oid, sha256 + String(size))) return;
      this.readBackBlobs();
    }
    const b = this.blobs();
    const r = b.get(oid);
    if (r && r.sha256 === sha256 && r.size === size) return;
    b.set(oid, sha256, size);
    if (this.blobsBaseOk) this.pendBlob(oid, b.text(oid)!);
    this.blobsDirty = true;
    this.spillBlobs();
  }

  /**
   * The blob records of a few ids without parsing the blob half (5.6 MB at 50,000 files, most of
   * a one-file hook run): each `"<oid>":"` is searched in the file's bytes (ids are hex, so the
   * match is exact), then the journal is applied. The same answers as `blob`, for the hook.
   */
  peekBlobs(oids: readonly string[]): Map<string, CachedContent> {
    const out = new Map<string, CachedContent>();
    if (this.blobsData || !this.persistent) {
      for (const o of oids) {
        const c = this.blob(o);
        if (c) out.set(o, c);
      }
      return out;
    }
    let buf: Buffer;
    try {
      const read = readStateFileSync(this.blobsFile);
      if (read === undefined) return out;
      buf = read;
    } catch {
      return out;
    }
    if (buf.indexOf(`{"version":${VERSION},"blobs":{`) !== 0) return out;
    const records = new Map<string, string>();
    for (const o of oids) {
      if (!/^[0-9a-f]{40,64}$/.test(o)) continue;
      const key = `"${o}":"`;
      const at = buf.indexOf(key);
      if (at < 0) continue;
      const start = at + key.length;
      const end = buf.indexOf('"', start);
      if (end > start) records.set(o, buf.toString("latin1", start, end));
    }
    const wanted = new Set(oids);
    for (const l of readJournal<BlobsLine>(this.journalOf(this.blobsFile))) {
      if (typeof l?.blobs !== "object" || l.blobs === null) break;
      for (const [o, r] of Object.entries(l.blobs)) {
        if (!wanted.has(o)) continue;
        if (typeof r === "string") records.set(o, r);
        else records.delete(o);
      }
    }
    for (const [o, r] of records) {
      if (/^[0-9a-f]{64}\d+$/.test(r)) out.set(o, { sha256: r.slice(0, 64), size: Number(r.slice(64)), executable: false });
    }
    return out;
  }

  /** Whether the manifest text with this SHA-256 already passed every check on this machine. */
  isValidatedManifest(sha256: string): boolean {
    this.blobs();
    return this.validManifest === sha256;
  }

  rememberValidatedManifest(sha256: string): void {
    this.blobs();
    if (this.validManifest === sha256) return;
    this.validManifest = sha256;
    this.blobsDirty = true;
  }

  /** True when something was recorded that is not on disk yet. */
  get changed(): boolean {
    return this.filesDirty || this.blobsDirty;
  }

  /** Keep only the given paths and blob ids (after a full, unsharded run). */
  prune(keepPaths: { has(path: string): boolean }, keepBlobs: { has(oid: string): boolean }): void {
    // A spilled half is finished first (as save would), then pruned from disk as a partial load is.
    if (this.filesSpill) this.tryFinish(() => this.finishFiles());
    if (this.blobsSpill) this.pruneSpilledBlobs(keepBlobs);
    // Only halves already loaded: pruning must not cost a read the run did not need.
    if (this.filesData && this.filesWanted) this.pruneUnloadedFiles(keepPaths);
    else if (this.filesData) {
      for (const p of this.filesData.keys()) {
        if (!keepPaths.has(p)) {
          this.filesData.delete(p);
          this.pendFile(p, null);
          this.filesDirty = true;
        }
      }
    }
    if (this.blobsData) {
      for (const o of this.blobsData.keys()) {
        if (!keepBlobs.has(o)) {
          this.blobsData.delete(o);
          this.pendBlob(o, null);
          this.blobsDirty = true;
        }
      }
    }
  }

  /** Run a finish; on failure what was written out is lost (only costs re-hashing) and the held records stay. */
  private tryFinish(finish: () => void): void {
    try {
      finish();
    } catch {
      /* the spill is aborted; the held records are pruned as before */
    }
  }

  /**
   * prune over a spilled blobs half: the keys written out are scanned from the temporary file
   * (none held). When none is stale (the usual case: every record is of a blob this run saw),
   * nothing changes; otherwise the half is finished, read back whole and pruned as before.
   */
  private pruneSpilledBlobs(keepBlobs: { has(oid: string): boolean }): void {
    let stale = false;
    const head = `{"version":${VERSION},"blobs":{`;
    // The temporary file has no tail yet: every member before its end is seen (scanMembers then
    // reports the missing tail, which is expected here).
    scanMembers(
      this.blobsSpill!.tmp,
      (b) => (b.toString("latin1", 0, head.length) === head ? head.length : -1),
      0x22,
      0x22,
      (k) => {
        if (!keepBlobs.has(k)) stale = true;
      },
    );
    if (!stale) return;
    this.readBackBlobs();
  }

  /**
   * prune over a partly loaded files half: the paths of the half and its journal are scanned
   * from disk (none held) and those not kept are deleted, as a whole load's prune deletes them.
   */
  private pruneUnloadedFiles(keepPaths: { has(path: string): boolean }): void {
    const stale = new Set<string>();
    const judge = (p: string) => {
      if (!keepPaths.has(p)) stale.add(p);
      return false; // nothing is loaded
    };
    // Changed under us (no longer in the shape seal writes): no prune this time; it only costs disk.
    if (!scanFiles(this.file, judge)) return;
    for (const l of readJournal<FilesLine>(this.journalOf(this.file)))
      if (typeof l?.files === "object" && l.files !== null) for (const [p, r] of Object.entries(l.files)) if (r !== null) judge(p);
    for (const p of stale) {
      this.filesData!.delete(p);
      this.pendFile(p, null);
      this.filesDirty = true;
    }
  }

  /**
   * Drop the records held (issue 20: at 500,000 files both halves are about 150 MB), once saved:
   * a caller done with the cache frees them before its last phase (seal's manifest writing). A
   * later lookup reads them again from disk, so this never changes an answer; unsaved changes
   * keep their half.
   */
  release(): void {
    if (!this.filesDirty) {
      this.filesData = undefined;
      this.filesWanted = undefined;
      this.filesBaseOk = false;
      this.touched.clear();
    }
    if (!this.blobsDirty) {
      this.blobsData = undefined;
      this.blobsBaseOk = false;
    }
  }

  /**
   * Write the halves that changed: the changed records appended to the half's journal, or the
   * half rewritten atomically (and its journal removed) when there is no half yet or the journal
   * has grown past half of it. Best effort: a cache that cannot be written only costs speed.
   */
  async save(): Promise<boolean> {
    if (!this.persistent || (!this.filesDirty && !this.blobsDirty)) return false;
    try {
      makeStateFolderSync(path.dirname(this.file));
      if (this.blobsDirty && this.blobsSpill) this.finishBlobs();
      const blobsData = this.blobsData;
      if (this.blobsDirty && blobsData) {
        const line = (): string =>
          JSON.stringify({
            blobs: Object.fromEntries(this.blobsPending),
            ...(this.validManifest ? { manifest: this.validManifest } : {}),
          } satisfies BlobsLine);
        // A record is at least its quoted hex id and a quoted 64-hex digest, or null.
        const least = pendingBytes(this.blobsPending, 67);
        // The same bytes as JSON.stringify of the BlobsData, in pieces (see jsonPieces).
        const tail = this.blobsTail();
        await this.saveHalf(this.blobsFile, this.blobsBaseOk, least, line, () =>
          recordPieces(
            `{"version":${VERSION},"blobs":{`,
            () => blobsData.keys(),
            (o) => JSON.stringify(blobsData.text(o)!),
            tail,
          ),
        );
        this.blobsPending.clear();
        this.blobsBaseOk = true;
        this.blobsDirty = false;
      }
      if (this.filesDirty && this.filesSpill) this.finishFiles();
      if (this.filesDirty && this.filesData) {
        // An entry racy against the old stamp that this run did not re-hash must not become
        // trusted just because the stamp moves forward: drop it (it is re-hashed next time).
        // (Over a half not read from disk, every record is this run's.)
        const dropRacy = () => {
          const filesData = this.filesData!;
          if (this.filesBaseOk)
            for (const p of filesData.keys()) {
              if (!this.touched.has(p) && filesData.mtimeAtLeast(p, this.stamp - RACY_WINDOW_NS)) {
                filesData.delete(p);
                this.pendFile(p, null);
              }
            }
        };
        // (Over a partly loaded half this covers the loaded records; a journal line needs no more:
        // replay judges every record against the stamp it was written under.)
        dropRacy();
        const stamp = this.openedNs;
        // A FilesLine's JSON (each record as its array's bytes; a line's keys are distinct, so their order does not matter).
        const line = (): string => {
          const parts: string[] = [];
          for (const [p, r] of this.filesPending) parts.push(`${JSON.stringify(p)}:${r === null ? "null" : `[${r}]`}`);
          return `{"stamp":${JSON.stringify(String(stamp))},"files":{${parts.join(",")}}}`;
        };
        // A record is at least its quoted path and a quoted 64-hex digest among its fields, or null.
        const least = pendingBytes(this.filesPending, 67);
        await this.saveHalf(this.file, this.filesBaseOk, least, line, () => {
          // Rewritten whole: a partly loaded half is read in full first (with this run's changes over it).
          if (this.filesWanted) {
            this.loadRestOfFiles();
            dropRacy();
          }
          const filesData = this.filesData!;
          return recordPieces(
            `{"version":${VERSION},"stamp":${JSON.stringify(String(stamp))},"files":{`,
            () => filesData.keys(),
            (p) => `[${filesData.text(p)!}]`,
            "}}",
          );
        });
        this.filesBaseOk = true;
        this.stamp = stamp;
        this.filesPending.clear();
        this.filesDirty = false;
      }
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Append the line to the journal of `file`, or rewrite `file` whole (see save). `least` is a
   * lower bound of the line's length: when even that is too long for the journal, the line (as
   * long as the half itself after a first seal) is never built.
   */
  private async saveHalf(file: string, baseOk: boolean, least: number, line: () => string, whole: () => Iterable<string>): Promise<void> {
    const journal = this.journalOf(file);
    const base = sizeOf(file);
    const logged = Math.max(0, sizeOf(journal));
    const room = base / 2 + COMPACT_FLOOR - logged - 1;
    // Only onto a half that was read as valid: a journal over a missing or foreign half is never replayed.
    if (baseOk && base >= 0 && least <= room) {
      const text = line();
      if (text.length <= room) {
        if (appendNoFollow(journal, text + "\n")) return;
      }
    }
    writePiecesAtomic(file, whole());
    fs.rmSync(journal, { force: true });
  }
}
