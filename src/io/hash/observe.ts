/**
 * Observe the covered files of the work tree: path -> content hash (or link, or error), as
 * cheaply as the cache allows:
 *   1. tracked files git reports unchanged, whose blob id is in the stat cache: no I/O at all;
 *   2. other files whose lstat equals the cached stat (and is not racy): no read;
 *   3. everything else is read and hashed by the worker pool.
 * With `useCache: false` every file is read (and bit rot is detected against the cache).
 */
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import type { Git } from "../git.js";
import type { Observation } from "../../core/manifest/model.js";
import type { StatCache } from "../stat-cache.js";
import { HashStream, hashFiles, hashOne, type HashResult, type HeldDigest, type StatKey } from "./pool.js";
import { walkTree, type WalkEntry } from "./walk.js";
import { UNSUPPORTED_NAME_CODE, unsupportedNameReason } from "../../core/names.js";
import type { PathState } from "./dir-state.js";
import { TrackedIndex, type TrackedFile, type TrackedIds } from "./tracked.js";
import { indexIdentity, readIndexCtimes } from "./index-ctimes.js";
import { placeholderLinks, readPlaceholder } from "./placeholder-links.js";
import { stageEnd } from "./stage-log.js";
import { PathList } from "./path-list.js";

interface ObserveOptions {
  git: Git;
  root: string;
  /** Folders (or files) to walk, repo-relative. */
  roots: readonly string[];
  /** Paths the manifest covers (include minus exclude, and the shard). */
  accept: (rel: string) => boolean;
  cache: StatCache;
  /** False: read every file (still compares with the cache to detect bit rot). */
  useCache: boolean;
  onProgress?: (done: number, total: number, bytes: number) => void;
  /** Already started by the caller (the verdict fast path that fell through): reused, not redone. */
  pre?: { changed: Promise<string[]>; startedNs: bigint };
  /**
   * Worker threads started early by the caller, only with `useCache: false` (every file is read):
   * each file is pushed as the walk finds it. observeTree finishes it.
   */
  stream?: HashStream;
  /**
   * The walk, already done by the caller with every file pushed to `stream` in this order (the
   * early-threads path walks before the manifest is parsed). Only with `stream`.
   */
  walked?: WalkEntry[];
  /** Filled with what the walk saw of each folder (walkTree's `states`), for a verdict. */
  states?: Map<string, PathState>;
  /**
   * True when a file's observation matches what the manifest sealed, which the caller then
   * records itself: observeTree keeps no observation for it (at 500,000 files, one object and map
   * entry each that only said "as sealed"). With `useCache: false` (verify --no-cache) such a
   * file needs nothing from the stat cache either (bit rot is a finding only for a file that
   * differs), so a tree that matches throughout never loads it; its records are then left as
   * they were, which costs a later cached run a re-read at most. A cached run still records what
   * it hashed.
   */
  sealedMatch?: (rel: string, o: Observation) => boolean;
  /**
   * sealedMatch for a file read as bytes by a stream's threads (`useCache: false` only): true
   * when it matches what the manifest sealed, compared without making a hex digest or an
   * observation (issue 20: a cold verify of 20,000 small files made three objects and two
   * 64-character strings a file only to find it matched). Anything it says false to goes
   * through sealedMatch as before.
   */
  sealedDigest?: (rel: string, held: HeldDigest) => boolean;
  /**
   * True when the caller takes a file's observation (seal: as its manifest entry), which then
   * is not kept in `observed`. Never asked for a file found bit-rotted (that stays observed).
   */
  claim?: (rel: string, o: Observation) => boolean;
  /**
   * False: the caller does not use `walked` (seal), so the walk's entries are dropped once sorted
   * out, before the hashing (at 500,000 files, an object and an array slot each).
   */
  keepWalk?: boolean;
}

export interface ObserveStats {
  files: number;
  /** Trusted from git's index + the blob cache. */
  fromGit: number;
  /** Trusted from the stat cache. */
  fromCache: number;
  hashed: number;
  bytesHashed: number;
}

interface ObserveResult {
  observed: Map<string, Observation>;
  stats: ObserveStats;
  /**
   * Blob ids of the tracked files seen (for pruning the cache). `release` drops git's listing
   * behind it (about 100 bytes a tracked file) once the caller has pruned: `has` then says false.
   */
  blobIds: { has(oid: string): boolean; release(): void };
  /** Length of the index's blob ids (40 or 64; 40 when no tracked file was listed). */
  oidLength: number;
  /**
   * Files git did not vouch for (untracked, ignored, dirty, flagged), with the stat they had
   * when observed (null when unknown), and links: what a verdict must re-check by itself.
   * Cached runs only (a verdict is never recorded by a --no-cache run).
   */
  others: Map<string, StatKey | null>;
  /** The walk's entries (for the verdict's digest); empty with `keepWalk: false`. */
  walked: WalkEntry[];
}

/**
 * From this many files to read, results are taken as they arrive (a stream) rather than gathered
 * by hashFiles; paths go to the threads this many at a time (one message per path costs more).
 */
const STREAM_FROM = 4096;
const STREAM_CHUNK = 4096;
/**
 * Files per stream (issue 20): the threads get this many paths, then the next stream the next
 * batch. A stream holds every path pushed to it twice (the main thread's copy and each worker's),
 * about 180 bytes a file: pushed all at once, 90 MB at 500,000 files (a batch: 12 MB). Each new
 * stream costs a thread start (a few tens of ms), under 1% of hashing a batch.
 */
const STREAM_BATCH = 65536;
/** @internal Test seam: tests lower `streamFrom` (and `batch`) to take the streamed path with a few files. */
export const observeLimits = { streamFrom: STREAM_FROM, batch: STREAM_BATCH };

/** Margin between a file's mtime and the start of `git diff-files` for its blob to be cached. */
const BLOB_MARGIN_NS = 1_000_000_000n;

export async function observeTree(options: ObserveOptions): Promise<ObserveResult> {
  const { git, root, cache } = options;
  // Ask git first: its processes (diff-files lstat's every tracked file) run while we walk.
  // A --no-cache run reads everything anyway and skips git (the next cached run asks it).
  // The start of diff-files: a blob id is only recorded for content older than that (less a margin).
  const startNs = options.pre?.startedNs ?? BigInt(Date.now()) * 1_000_000n;
  const askGit = options.useCache && options.roots.length > 0;
  // The index file as git is about to list it: its entries' ctimes are read from it once git has
  // answered, only if it is still that file (index-ctimes.ts).
  const indexFile = git.indexFile();
  const indexBefore = askGit ? indexIdentity(indexFile) : undefined;
  // (let: dropped once heard, so the settled promise does not keep git's whole listing alive
  // beside what is kept of it, through every closure of this run; issue 20.)
  let gitAnswers: Promise<[Buffer, string[]] | undefined> = askGit
    ? Promise.all([git.lsIndexRaw(), options.pre?.changed ?? git.worktreeChangedPaths()])
    : Promise.resolve(undefined);
  // core.symlinks=false: tracked links checked out as plain files are observed as the links git records.
  const placeholders = placeholderLinks(git, askGit ? gitAnswers.then((a) => a?.[0]) : undefined);
  placeholders.catch(() => undefined); // awaited with git's answers; never an unhandled rejection if the walk throws
  let links = new Set<string>();
  const stream = options.useCache ? undefined : options.stream;
  // Entries sorted out as the walk finds them (issue 20: no array of every file, about 100 bytes
  // a file) when the caller keeps no walk and no early stream was fed: git's answers are then
  // awaited before the walk instead of after it (its listing is read after the walk either way:
  // its pipe fills while the walk holds the thread).
  const asFound = options.keepWalk === false && !stream;
  const observed = new Map<string, Observation>();
  const stats: ObserveStats = { files: 0, fromGit: 0, fromCache: 0, hashed: 0, bytesHashed: 0 };
  const others = new Map<string, StatKey | null>();
  const none = () => TrackedIndex.fromListing(Buffer.alloc(0), []);
  // What git knows: clean tracked files (normal "H" entries, stage 0, regular files, not named
  // by diff-files), kept packed in the listing's own bytes (tracked.ts). (let: set once git has
  // answered, released through blobIds once the caller is done with it.)
  let tracked = none();
  /**
   * The same files' blob ids alone, by record number, once the walk is over: nothing is looked up
   * by path after it (each path to hash carries its record number), so the listing and its tables
   * by path are dropped before the hashing (issue 20: about 35 MB at 500,000 files).
   */
  let ids: TrackedIds | undefined;
  const hear = async () => {
    const answers = await gitAnswers;
    gitAnswers = Promise.resolve(undefined);
    if (answers) {
      const [listing, dirty] = answers;
      // "T MMMMMM <oid> S\t<path>": the first record's tab gives the id's length (hex digits).
      const tab = listing.indexOf(9);
      const ctimes = tab > 11 ? readIndexCtimes(indexFile, indexBefore, (tab - 11) / 2) : undefined;
      tracked = TrackedIndex.fromListing(listing, dirty, ctimes);
    }
    links = await placeholders;
    stageEnd("observe: git listing");
  };

  /** An observation of a file, kept unless the caller records it as matching the manifest. */
  const keep = (p: string, o: Observation) => {
    if (options.sealedMatch?.(p, o) !== true && options.claim?.(p, o) !== true) observed.set(p, o);
  };
  // The paths to hash, and those deferred below, as bytes (path-list.ts: about 80 bytes a path
  // held as strings, 40 MB of a cold run at 500,000 files).
  const toHash = new PathList();
  /** A file git does not vouch for (`k`: its record in `tracked`, or -1): the stat cache's answer, or hashed. */
  const lookUp = (p: string, t: TrackedFile | undefined, k: number): void => {
    // A tracked file the cache has no record of is hashed whatever its stat: no lstat (a cold
    // run). Other files keep theirs: a verdict re-checks them by it.
    const st = t && !cache.hasFile(p) ? undefined : lstatKey(root, p);
    const c = st && cache.lookup(p, st);
    if (!t) others.set(p, st ?? null);
    if (c) {
      keep(p, fileObservation(c.sha256, c.size, c.executable));
      stats.fromCache++;
      // Git vouches for this tracked file too: remember its blob, so next time not even the lstat
      // is needed. Only with its index entry's very ctime (see sortOut) and content older than
      // diff-files.
      if (t && tracked.ctimeIs(k, BigInt(st[3])) && BigInt(st[1]) < startNs - BLOB_MARGIN_NS && c.executable === t.executable) {
        cache.recordBlob(t.oid, c.sha256, c.size);
      }
      return;
    }
    toHash.push(p, k);
  };
  /**
   * Files to look up in the stat cache's files half, gathered while it is not loaded: after the
   * walk only their records are loaded (StatCache.preloadFiles; issue 20: a reseal with one dirty
   * file among 500,000 held the whole half, about 63 MB, for one record). Looked up in walk order.
   */
  const deferred = new PathList();
  const sortOut = (e: WalkEntry): void => {
    stats.files++;
    if (e.kind === "link") {
      observed.set(e.path, readLink(root, e.path));
      others.set(e.path, null);
      return;
    }
    const badName = e.kind === "badname" ? "the file name is not valid UTF-8" : unsupportedNameReason(e.path);
    if (badName) {
      // Never read (a string path cannot name it): reported as path/unsupported-name (diff, seal).
      observed.set(e.path, { kind: "error", message: badName, code: UNSUPPORTED_NAME_CODE });
      return;
    }
    if (e.kind === "other") {
      observed.set(e.path, { kind: "error", message: "is not a regular file (FIFO, socket or device); not read", code: "ENOTFILE" });
      return;
    }
    // (With early threads the file is hashed anyway, in walk order: take() turns it into the link.)
    if (links.has(e.path) && !(options.stream && !options.useCache)) {
      observed.set(e.path, readPlaceholder(root, e.path));
      others.set(e.path, null);
      return;
    }
    let k = tracked.recordOf(e.path); // (marks its blob id as seen: blobIds)
    let t = k >= 0 ? tracked.file(k) : undefined;
    if (options.useCache) {
      if (t) {
        const b = cache.blob(t.oid);
        // Git compares stat in whole seconds: a same-size rewrite with its mtime put back within
        // the second of the entry's ctime looks clean to it. Its blob's hash is taken only when
        // the file's ctime is, to the nanosecond, the one its index entry recorded; any other is
        // treated like an untracked file (its stat cache record, or hashed). (A tracked file
        // without a cached blob is hashed anyway: no lstat, its blob is recorded only if the
        // stat read with its bytes has that ctime.)
        if (b && ctimeAsIndexed(root, e.path, tracked, k)) {
          keep(e.path, fileObservation(b.sha256, b.size, t.executable));
          stats.fromGit++;
          return;
        }
        if (b) [k, t] = [-1, undefined];
      }
      if (cache.filesLoaded) lookUp(e.path, t, k);
      else deferred.push(e.path, k);
      return;
    }
    toHash.push(e.path, k);
  };

  let entries: WalkEntry[] = [];
  try {
    if (asFound) {
      await hear();
      walkTree(root, options.roots, options.accept, options.states, sortOut, false);
    } else if (stream && options.walked) entries = options.walked;
    else {
      // Same order as toHash below: with useCache false every file entry is hashed, in walk order.
      const onEntry = stream && ((e: WalkEntry) => e.kind === "file" && stream.push(`${root}/${e.path}`));
      entries = walkTree(root, options.roots, options.accept, options.states, onEntry || undefined);
    }
  } catch (error) {
    options.stream?.cancel();
    await gitAnswers.catch(() => undefined);
    throw error;
  }
  if (!asFound) {
    await hear();
    for (const e of entries) sortOut(e);
  }
  stageEnd("observe: walk");
  if (deferred.length > 0) {
    cache.preloadFiles(deferred);
    for (let i = 0; i < deferred.length; i++) {
      const k = deferred.tag(i);
      lookUp(deferred.at(i), k >= 0 ? tracked.file(k) : undefined, k);
    }
    deferred.clear();
  }
  ids = tracked.ids();
  tracked = none();
  if (options.keepWalk === false) {
    // The caller's own walk (the early-threads path) is emptied too: nothing else reads it.
    if (entries === options.walked) entries.length = 0;
    entries = [];
  }

  /** The result of toHash[i]. */
  const take = (i: number, first: HashResult) => {
    const p = toHash.at(i);
    const k = toHash.tag(i);
    let r = first;
    if (r.ok && r.noStat) {
      // Read without its stat (a stream of a --no-cache run, see hash-file.ts): a file that
      // matches the manifest needs none; any other is read again here, with the stat that
      // describes the bytes read (bit rot is judged, and the cache records, by that stat only).
      const o: Observation = { kind: "file", sha256: r.sha256, size: r.size };
      if (r.executable) o.mode = "755";
      if (!links.has(p) && options.sealedMatch?.(p, o) === true) {
        stats.hashed++;
        stats.bytesHashed += r.size;
        return;
      }
      r = hashOne(`${root}/${p}`);
    }
    if (!r.ok) {
      if (r.code === "ENOENT") {
        cache.forget(p); // vanished since the walk: it does not exist now
        return;
      }
      observed.set(p, { kind: "error", message: friendly(r.code, r.error), code: r.code });
      return;
    }
    stats.hashed++;
    stats.bytesHashed += r.size;
    if (links.has(p)) {
      observed.set(p, readPlaceholder(root, p));
      return;
    }
    if (options.useCache && k < 0) others.set(p, r.stat);
    const o: Observation = { kind: "file", sha256: r.sha256, size: r.size };
    if (r.executable) o.mode = "755";
    if (!options.useCache && options.sealedMatch?.(p, o) === true) return;
    // A bit-rotted file keeps its old record: the evidence stays until someone acts on it.
    if (r.stat !== null && cache.recordHashed(p, r.stat, r.sha256, r.executable)) {
      o.bitrot = true;
      observed.set(p, o);
    } else keep(p, o);
    if (r.stat) {
      const t = k >= 0 ? ids!.at(k) : undefined;
      // Only content git vouched for before we read it: the stat read with the bytes has its index
      // entry's very ctime (git's whole-second comparison alone is not enough), and its mtime
      // predates diff-files.
      const old = startNs - BLOB_MARGIN_NS;
      if (t && ids!.ctimeIs(k, BigInt(r.stat[3])) && BigInt(r.stat[1]) < old && r.executable === t.executable)
        cache.recordBlob(t.oid, r.sha256, r.size);
    }
  };

  /** A --no-cache result that matches the manifest, taken as bytes: nothing to record (see take). */
  const sealedDigest = options.sealedDigest;
  const quick =
    !options.useCache && sealedDigest
      ? (i: number, h: HeldDigest): boolean => {
          const p = toHash.at(i);
          if (links.has(p) || !sealedDigest(p, h)) return false;
          stats.hashed++;
          stats.bytesHashed += h.size;
          return true;
        }
      : undefined;
  const onProgress = options.onProgress;
  const given = options.useCache ? undefined : options.stream;
  if (given || toHash.length >= observeLimits.streamFrom) {
    // Many files (a first seal, a cold cache): results are taken as they come instead of all held
    // at once (at 500,000 files, 500,000 result objects), and the paths go to the threads one
    // batch at a time (STREAM_BATCH). The early threads (given) already have every path.
    if (!given) options.stream?.cancel(); // (only given with useCache false)
    let from = 0;
    let bytesBefore = 0;
    do {
      const end = given ? toHash.length : Math.min(toHash.length, from + observeLimits.batch);
      // (A --no-cache verify takes no stat with the bytes, see take; a seal needs every file's.)
      const s = given ?? new HashStream({ chunkSize: STREAM_CHUNK, withStat: options.useCache || !options.sealedMatch });
      if (!given) for (let i = from; i < end; i++) s.push(`${root}/${toHash.at(i)}`);
      const [d0, b0] = [from, bytesBefore];
      let bytesHere = 0;
      s.onProgress = (done, bytes) => {
        bytesHere = bytes;
        onProgress?.(d0 + done, toHash.length, b0 + bytes);
      };
      await drainStream(s, from, end, take, s !== given, quick);
      bytesBefore += bytesHere;
      from = end;
    } while (from < toHash.length);
  } else {
    options.stream?.cancel(); // (only given with useCache false)
    const paths = Array.from(toHash, (p) => `${root}/${p}`);
    const results = await hashFiles(paths, onProgress ? { onProgress: (done, bytes) => onProgress(done, paths.length, bytes) } : {});
    results.forEach((r, i) => take(i, r));
  }
  stageEnd("observe: hashed");
  toHash.clear(); // every result is taken: the paths can go (the closures below keep this scope)
  if (options.useCache) for (const [p, o] of observed) if (o.kind === "error") others.set(p, null);
  const blobIds = {
    has: (oid: string) => ids?.seenOid(oid) === true,
    release: () => {
      ids = undefined;
    },
  };
  return { observed, stats, blobIds, oidLength: ids.oidLength || 40, others, walked: entries };
}

/**
 * Take the results of `s` (the files toHash[from..end), pushed in that order) as they arrive:
 * the main thread would otherwise idle while the threads hash, then do all of this alone at the
 * end. Each is handed over (takeResult), so the stream never holds every file's result at once.
 * `own`: the stream is ours, its threads never outlive the run.
 */
async function drainStream(
  s: HashStream,
  from: number,
  end: number,
  take: (i: number, r: HashResult) => void,
  own: boolean,
  quick?: (i: number, h: HeldDigest) => boolean,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  const count = end - from;
  const drain = () => {
    try {
      for (; next < count; next++) {
        // A file read that `quick` finds as sealed is handed over as bytes, never made an object.
        const h = quick && s.held(next);
        if (h && quick(from + next, h)) {
          s.drop(next);
          continue;
        }
        const r = s.takeResult(next);
        if (r === undefined) break;
        take(from + next, r);
      }
    } catch (error) {
      failure ??= error; // thrown below, not from inside a worker's message event
    }
  };
  s.onResults = drain;
  drain();
  let pushed: number;
  try {
    pushed = await s.end();
  } finally {
    if (own) s.cancel(); // no-op once finished
  }
  drain();
  if (failure !== undefined) throw failure;
  if (pushed !== count || next !== count) throw new Error(`internal: ${pushed} files hashed for ${count} to read`);
}

function fileObservation(sha256: string, size: number, executable: boolean): Observation {
  return executable ? { kind: "file", sha256, size, mode: "755" } : { kind: "file", sha256, size };
}

/** Whether the file at `rel` has exactly the ctime that record k's index entry recorded. */
function ctimeAsIndexed(root: string, rel: string, tracked: TrackedIndex, k: number): boolean {
  try {
    const st = fs.lstatSync(`${root}/${rel}`, { bigint: true });
    return st.isFile() && tracked.ctimeIs(k, st.ctimeNs);
  } catch {
    return false;
  }
}

function lstatKey(root: string, rel: string): StatKey | undefined {
  try {
    const st = fs.lstatSync(`${root}/${rel}`, { bigint: true });
    if (!st.isFile()) return undefined;
    return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
  } catch {
    return undefined;
  }
}

function readLink(root: string, rel: string): Observation {
  try {
    const target = fs.readlinkSync(path.join(root, rel), "buffer");
    const sha256 = crypto.createHash("sha256").update(target).digest("hex");
    return { kind: "link", sha256, size: target.length, link: target.toString("utf8") };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { kind: "error", message: e.message, code: e.code ?? "EIO" };
  }
}

function friendly(code: string, message: string): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "is a symlink (not followed)";
    case "ENOTFILE":
      return "is not a regular file";
    case "EISDIR":
      return "is a folder";
    default:
      return message.replace(/, open '.*'$/, "");
  }
}
