/**
 * A snapshot prepared as a stream (SHA-1 repositories): the set's files are taken in manifest
 * order in bounded batches; each file's stat is compared with the snapshot stat cache
 * (stat-cache.ts) and only files whose stat changed are read, hashed and, when their blob is
 * new, packed. The manifest is written chunk by chunk, the trees folder by folder
 * (trees.ts: TreeStream), and only the trees the previous snapshot does not hold are packed.
 * write-tree from a temporary index still names the tree (git, not this code, decides its id),
 * and every blob the tree names is read back (or, when its bytes are known, proven intact in
 * its pack: pack-check.ts) before the branch moves.
 *
 * What bounds memory (issue 20): per file, 61 bytes in typed arrays plus its path string
 * (sha256 32, blob id 20, size 8, mode 1); file contents only per batch (BATCH.maxBytes of
 * new blobs waiting for a pack, at most two batches: one being packed while the next is read;
 * a single file bigger than that is a batch of its own); the manifest text only deflated, as
 * it is written (manifest-deflate.ts: about a third of its 100-odd bytes a file); the set's
 * listing, a path string per file (files.ts reads 16 folders at a time); the new trees, TREE_BATCH
 * bytes before they are packed; the read-back two batches of blobs at a time (READ_BACK: one
 * hashed while git reads the next), and a byte a file for the blobs proven in their packs; from
 * POOL_FROM files on, the worker threads' answers (read-pool.ts: at most 12 MiB of file bytes
 * each, three asked at once; each thread reuses one read buffer and has a 4 MB young
 * generation). Nothing holds one object per file. The V8 heap is held to 1.5x what is live (io/heap-growth.ts, set by the command).
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { appendAll } from "../../core/append.js";
import { batchRanges, type BatchLimits } from "../../core/snapshot/batch.js";
import type { Finding } from "../../core/finding.js";
import { compareManifestOrder, ManifestWriter, manifestEntryText, manifestOrder } from "../../core/snapshot/manifest-stream.js";
import { SNAPSHOT_MANIFEST_PATH, SNAPSHOT_META_DIR, type SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import { readWhole, sha256 } from "./files.js";
import { buildPack, ObjectHasher, type PackObject } from "./pack.js";
import { blobIdOfDeflated, inflateManifest, ManifestDeflater } from "./manifest-deflate.js";
import { ageStructureChecker, type SetEncrypter } from "./encrypt.js";
import { checksumReporter } from "./readback.js";
import {
  blockMatches,
  lookupIn,
  racyFrom,
  StatCacheReader,
  StatCacheWriter,
  statCachePath,
  statKeyOf,
  type CacheBlock,
  type Lookup,
  type StatKey,
} from "./stat-cache.js";
import { folderTree, TreeStream } from "./trees.js";
import { ReadPool, type ReadFile, type StatRun } from "./read-pool.js";
import { hashBlobStreamed, STREAM_FROM, storeFileStreamed, type StreamedBlob } from "./big-blob.js";
import { BlobIdSet, treeBlobIds } from "./blob-id-set.js";
import { streamBlobs } from "./blob-stream.js";
import { blobsIntactInPacks, objectsDirOf } from "./pack-check.js";
import { makeStateFolder } from "../state-folder.js";
import { stageEnd } from "../hash/stage-log.js";
import { tempFileName } from "../stale-temp-files.js";

/** New blobs packed together, and blobs read back together. */
const BATCH: BatchLimits = { maxBytes: 32 << 20, maxItems: 50_000 };
/** Blobs read back together: smaller, so that git reads one batch while the one before is hashed. */
const READ_BACK: BatchLimits = { maxBytes: 16 << 20, maxItems: 10_000 };
/**
 * New trees held before they are packed (index-pack --strict, once every blob they name is
 * stored): at 500,000 files in 5,000 folders the trees are about 20 MB, all held until the end
 * before (issue 20). A finished folder's tree is written and forgotten, a batch at a time.
 */
const TREE_BATCH = 4 << 20;
/** Fewer new blobs than this are written only when git lacks them (store.ts keeps the same number). */
const PACK_THRESHOLD = 64;
/**
 * From this many files on, stats and reads run in worker threads (read-pool.ts). At 10,000
 * files the threads' start-up and messages cost more CPU (about 0.4 s on the loaded 2-core
 * machine) than they took off the main thread (0.2 s); at 100,000 they took 2 s off it.
 */
const POOL_FROM = 20_000;
/** Files per request to the worker threads, and requests asked for ahead of the one taken. */
const RUN = 512;
const AHEAD = 2;

/**
 * Worker threads for a capture of `files` files: IG_SNAPSHOT_WORKERS when set (0: none; tests
 * and benchmarks), else none below POOL_FROM and undefined (read-pool.ts: one per core) from it.
 */
function poolThreads(files: number, poolFrom = POOL_FROM): number | undefined {
  const env = process.env.IG_SNAPSHOT_WORKERS;
  if (env !== undefined && /^\d{1,2}$/.test(env)) return Number(env);
  return files >= poolFrom ? undefined : 0;
}

/** The size a stat-cache key holds (its first number). */
function sizeOfKey(key: StatKey): number {
  return Number(key.text.slice(0, key.text.indexOf(" ")));
}

/** What a streamed capture gives build.ts. */
interface Captured {
  digest: string;
  files: number;
  size: number;
  /** Undefined when the digest equals `previousDigest` (nothing was written but the cache). */
  tree?: string;
  verified?: Promise<void>;
}

/**
 * The one place where a file's bytes become a blob: its id and the bytes stored. (Anything
 * that changes what is stored for a file, e.g. encryption, goes here.)
 */
function toBlob(hasher: ObjectHasher, data: Uint8Array): { oid: string; data: Uint8Array } {
  return { oid: hasher.oid("blob", data), data };
}

/** Columns of per-file data, one row per file in manifest order. */
class Rows {
  readonly sha: Buffer;
  readonly oid: Buffer;
  readonly size: Float64Array;
  readonly exec: Uint8Array;
  constructor(readonly paths: readonly string[]) {
    const n = paths.length;
    this.sha = Buffer.alloc(32 * n);
    this.oid = Buffer.alloc(20 * n);
    this.size = new Float64Array(n);
    this.exec = new Uint8Array(n);
  }
  shaHex(i: number): string {
    return this.sha.toString("hex", 32 * i, 32 * i + 32);
  }
  oidHex(i: number): string {
    return this.oid.toString("hex", 20 * i, 20 * i + 20);
  }
  mode(i: number): "100644" | "100755" {
    return this.exec[i] ? "100755" : "100644";
  }
  /** Row of `p`, by binary search (rows are sorted in manifest order); -1 when absent. */
  find(p: string): number {
    let lo = 0;
    let hi = this.paths.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareManifestOrder(this.paths[mid]!, p);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * Writes packs of new blobs, one batch at a time, while the next batch is read. Marks in
 * `fresh` the rows whose blob went into a pack that index-pack took: git computed each id in it
 * from the very bytes the row's SHA-256 was computed from (read-back: see readBack).
 */
class BlobPacker {
  private batch: (PackObject & { oid: string })[] = [];
  private rows: number[] = [];
  private oids = new Set<string>();
  private bytes = 0;
  private inFlight: Promise<void> = Promise.resolve();
  /** Blobs written (a test counts them). */
  written = 0;

  constructor(
    private readonly git: Git,
    private readonly fresh: Uint8Array,
  ) {}

  /**
   * Queue the blob of `row`; returns a promise (to await) only when the batch was full and is
   * being packed. A blob already queued in this batch stands for the row too.
   */
  add(oid: string, data: Uint8Array, row: number): Promise<void> | undefined {
    this.rows.push(row);
    if (this.oids.has(oid)) return undefined;
    this.oids.add(oid);
    this.batch.push({ type: "blob", data, oid });
    this.bytes += data.length;
    return this.bytes >= BATCH.maxBytes || this.batch.length >= BATCH.maxItems ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    await this.inFlight;
    const objects = this.batch;
    const rows = this.rows;
    this.batch = [];
    this.rows = [];
    this.oids = new Set();
    this.bytes = 0;
    if (objects.length === 0) return;
    this.inFlight = this.store(objects, rows);
  }

  /**
   * A few blobs are written only when git lacks them (as hash-object would: an incremental
   * snapshot then reuses what the repository holds, and the read-back checks that copy); a
   * full batch goes to index-pack whole, which compares each with a copy already stored.
   */
  private async store(objects: (PackObject & { oid?: string })[], rows: readonly number[]): Promise<void> {
    let todo = objects;
    if (objects.length < PACK_THRESHOLD) {
      const present = await this.git.blobSizes(objects.map((o) => o.oid!));
      todo = objects.filter((o) => !present.has(o.oid!));
    }
    this.written += todo.length;
    if (todo.length === 0) return;
    // Only a whole batch in our own pack: a blob git already held (left out above) is its copy,
    // not ours, and fast-import writes a pack of its own making.
    const packed = await storeBlobs(this.git, todo);
    if (packed && todo === objects) for (const r of rows) this.fresh[r] = 1;
  }

  async done(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}

/**
 * index-pack, or when git refuses the pack (it compares every object with a copy already
 * stored and dies on a damaged one) fast-import, which stores its own copy: the read-back then
 * sees intact bytes, or names the file. True when index-pack took the pack built here.
 */
async function storeBlobs(git: Git, objects: PackObject[]): Promise<boolean> {
  try {
    await git.storePack(buildPack(objects));
    return true;
  } catch {
    await makeStateFolder(git.stateDir());
    const marks = path.join(git.stateDir(), tempFileName("snapshot", `${Date.now()}.marks`));
    await git.writeBlobsPacked(
      objects.map((o) => Buffer.from(o.data.buffer, o.data.byteOffset, o.data.length)),
      marks,
    );
    return false;
  }
}

interface CaptureOptions {
  set: string;
  paths: readonly string[];
  files: readonly string[];
  previous?: { id: string; digest?: string };
  /** What the set's policy left out, recorded in the manifest (set-policy.ts). */
  excludes?: SnapshotManifest["excludes"];
  /** An encrypted set: each file read is encrypted before it becomes a blob; only ciphertext is written. */
  encrypter?: SetEncrypter;
  /** Use worker threads from this many files on (default POOL_FROM; tests lower it). */
  poolFrom?: number;
  /** Stream files of this many bytes and more (default STREAM_FROM; tests lower it). */
  streamFrom?: number;
  /** Pack the new trees once they hold this many bytes (default TREE_BATCH; tests lower it). */
  treeBatch?: number;
  /** Ids sent to git at once by the streamed read-back (default blob-stream.ts IDS_PER_WRITE; tests lower it). */
  readBackIdBatch?: number;
}
type CaptureCounters = {
  blobsWritten?: number;
  filesRead?: number;
  treesWritten?: number;
  treesReused?: number;
  blobsReadBack?: number;
  /** Reused blobs whose pack entry was found intact (pack-check.ts): not asked of git. */
  blobsIntactInPacks?: number;
  /** Packs of trees written during the loop (TREE_BATCH), and the most tree bytes held before one. */
  treePacks?: number;
  treeBytesHeld?: number;
  /** The most blob ids the streamed read-back held as text at once (blob-stream.ts IDS_PER_WRITE). */
  readBackIdsHeld?: number;
  /** The young generation (MB) of the read threads, when there were some (read-pool.ts WORKER_YOUNG_MB). */
  readThreadYoungMb?: number;
};

/**
 * Capture `files` (from collectSetFiles) and write what is new. `previous` is the set's
 * previous snapshot (its tree binds the stat cache; its trees and blobs are not written again).
 */
export async function captureStreaming(git: Git, options: CaptureOptions, counters?: CaptureCounters): Promise<Captured> {
  let captured = await captureOnce(git, options, counters, undefined);
  // A stat cache whose records are not those written (damaged): capture again without it.
  if (captured instanceof CacheDamaged) captured = await captureOnce(git, options, counters, undefined, false);
  if (!(captured instanceof CacheDisproved)) return captured as Captured;
  // An encrypted set's stat cache named a blob, digest or size the previous snapshot does not
  // hold for a file (damaged or edited): capture again, checking every cached file first.
  return (await captureOnce(git, options, counters, captured.previous)) as Captured;
}

/** The stat cache's records fail its digest (captureOnce): none of them may be used. */
class CacheDamaged {}

/** An encrypted set's cache disagreed with the previous snapshot (captureOnce), whose entries are kept. */
class CacheDisproved {
  constructor(readonly previous: PreviousEntries) {}
}

/**
 * One capture. `checked`: the previous snapshot's entries, when every cache hit of an encrypted
 * set is to be checked against them as it is taken (the second attempt); without them the
 * files that took their blob from the cache are checked after the loop, and only when a new
 * snapshot is to be written (CacheDisproved when one disagrees).
 */
async function captureOnce(
  git: Git,
  options: CaptureOptions,
  counters: CaptureCounters | undefined,
  checked: PreviousEntries | undefined,
  useCache = true,
): Promise<Captured | CacheDisproved | CacheDamaged> {
  // The manifest's text is kept only deflated (manifest-deflate.ts); every way out of a capture
  // stops the compression and drops what it holds.
  const manifestSink = new ManifestDeflater();
  try {
    return await captureWith(git, options, counters, checked, useCache, manifestSink);
  } finally {
    manifestSink.dispose();
  }
}

async function captureWith(
  git: Git,
  options: CaptureOptions,
  counters: CaptureCounters | undefined,
  checked: PreviousEntries | undefined,
  useCache: boolean,
  manifestSink: ManifestDeflater,
): Promise<Captured | CacheDisproved | CacheDamaged> {
  const order = manifestOrder(options.files);
  const rows = new Rows(order);
  const prev = options.previous;
  const prevTree = prev ? await git.tryRevParse(`${prev.id}^{tree}`) : undefined;
  // Trees of the previous snapshot are not packed again (about one per 100 files: cheap to
  // list). Listed once a file turns out changed, or after the loop: a set found unchanged needs
  // no listing (nor the git process it takes).
  let prevTrees: Promise<Map<string, string>> | undefined;
  const knownTrees = (): Promise<Map<string, string>> => {
    if (!prevTrees) {
      prevTrees = prevTree ? lsTreeFolders(git, prevTree) : Promise.resolve(new Map<string, string>());
      prevTrees.catch(() => undefined);
    }
    return prevTrees;
  };
  const encrypter = options.encrypter;
  // An encrypted set's cache names ciphertext blobs: kept per recipient list, so a change of
  // recipients finds no cache and every file is encrypted again to the new ones.
  const cacheFile = encrypter
    ? statCachePath(path.join(git.stateDir(), "age", encrypter.recipientsId.replace(/^sha256:/, "").slice(0, 32)), options.set)
    : statCachePath(git.stateDir(), options.set);
  // Taken before any file is stat'ed: an edit after its stat, within the window, is read again next time.
  const stamp = BigInt(Date.now()) * 1_000_000n;
  const cache = useCache ? StatCacheReader.open(cacheFile, prevTree) : undefined;
  // Without a cache (another machine took the previous snapshot), blobs it holds are not rewritten
  // (their ids packed: blob-id-set.ts).
  const prevBlobs = !cache && prevTree ? await treeBlobIds(git, prevTree).catch(() => new BlobIdSet()) : undefined;
  // An encrypted blob cannot be checked against the bytes it stands for without an identity, so
  // a blob taken from the cache stands only when the previous (signed, read-back) snapshot holds
  // that very blob with that digest and size for the path: the cache is a hint, the previous
  // snapshot the authority. Those files are marked here and checked after the loop when a new
  // snapshot is written (a set found unchanged writes nothing, and reading the previous entries
  // would cost a listing and a manifest parse on every incremental run).
  const fromCache = encrypter && cache && !checked ? new Uint8Array(order.length) : undefined;
  const writer = new StatCacheWriter(cacheFile, stamp);
  // Files whose blob and digests come from the cache (checked against the previous snapshot for
  // an encrypted set): that snapshot read those blobs back, so this one does not read them again.
  const vouched = new Uint8Array(order.length);
  const streamFrom = options.streamFrom ?? STREAM_FROM;
  // Rows whose blob this run packed itself (BlobPacker): proven in the packs like vouched ones.
  const fresh = new Uint8Array(order.length);
  const packer = new BlobPacker(git, fresh);
  const hasher = new ObjectHasher();
  const manifest = new ManifestWriter(
    options.set,
    options.paths,
    (chunk) => {
      const b = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      manifestSink.write(b);
    },
    undefined,
    options.excludes,
    encrypter ? { format: "age", recipients: encrypter.recipientsId } : undefined,
  );
  let size = 0;
  let filesRead = 0;
  // From POOL_FROM files on, the stats and reads run in worker threads (read-pool.ts), a chunk
  // of about RUN files at a time, the next chunks asked for while this one is taken.
  const threads = poolThreads(order.length, options.poolFrom);
  const pool = threads === 0 ? undefined : new ReadPool(git.root, threads);
  const chunks = chunkRanges(order);
  const ahead = new Map<number, Promise<StatRun> | Promise<(ReadFile | undefined)[]>>();
  const ask = (k: number): void => {
    if (!pool || k >= chunks.length || ahead.has(k)) return;
    const [start, end] = chunks[k]!;
    const paths = order.slice(start, end);
    // With a cache, the stats; without one every file is read (its fstat is its only stat).
    const asked = cache ? pool.stat(paths) : pool.readSome(paths);
    asked.catch(() => undefined); // awaited when its chunk comes, unless an error ends the capture first
    ahead.set(k, asked);
  };
  // The trees of the folders, made as their files are taken (a folder of unchanged files keeps
  // its tree from the cache); packed TREE_BATCH bytes at a time and after the loop, unless the
  // previous snapshot holds them.
  const newTrees = new Map<string, Buffer>();
  let newTreeBytes = 0;
  const addTree = (oid: string, data: Buffer): void => {
    if (newTrees.has(oid)) return;
    newTrees.set(oid, data);
    newTreeBytes += data.length;
  };
  // Trees packed during the loop (TREE_BATCH); `treesRefused`: git refused one such pack (a
  // damaged copy stored, or a tree it rejects), so write-tree names the tree at the end instead.
  let treesPacked = 0;
  let treePacks = 0;
  let treeBytesHeld = 0;
  let treesRefused = false;
  const treeBatch = options.treeBatch ?? TREE_BATCH;
  /** The trees made so far that the previous snapshot does not hold; forgotten here. */
  const takeNewTrees = async (): Promise<PackObject[]> => {
    const known = new Set((await knownTrees().catch(() => new Map<string, string>())).values());
    const trees: PackObject[] = [];
    for (const [oid, data] of newTrees) if (!known.has(oid)) trees.push({ type: "tree", data });
    treeBytesHeld = Math.max(treeBytesHeld, newTreeBytes);
    newTrees.clear();
    newTreeBytes = 0;
    return trees;
  };
  /** takeNewTrees, packed once their blobs are stored. */
  const packTrees = async (): Promise<void> => {
    const trees = await takeNewTrees();
    if (trees.length === 0 || treesRefused) return;
    // --strict checks that every object a tree names is stored: the blobs queued so far first.
    await packer.done();
    try {
      await git.exec(["index-pack", "--strict", "--stdin"], { input: buildPack(trees) });
      treesPacked += trees.length;
      treePacks++;
    } catch {
      treesRefused = true;
    }
  };
  const stream = new TreeStream(addTree);
  // Folders whose tree id came from the cache: checked against the previous snapshot's tree.
  const reusedTrees: [string, string][] = [];
  const racyAt = racyFrom(stamp);
  /** The tree entries of the run a..b: one folder tree when the run is a whole folder of files (returned), else each file. */
  const treeOfRun = (a: number, b: number, dir: string | undefined): string | undefined => {
    if (dir === undefined) {
      for (let i = a; i < b; i++) stream.add(order[i]!, rows.mode(i), rows.oidHex(i));
      return undefined;
    }
    const files: { name: string; mode: string; oid: string }[] = [];
    for (let i = a; i < b; i++) files.push({ name: order[i]!.slice(dir.length + 1), mode: rows.mode(i), oid: rows.oidHex(i) });
    const made = folderTree(files, hasher);
    addTree(made.oid, made.data);
    stream.addTree(dir, made.oid);
    return made.oid;
  };
  try {
    for (let k = 0; k < chunks.length; k++) {
      const [start, end] = chunks[k]!;
      for (let j = 1; j <= AHEAD; j++) ask(k + j);
      ask(k);
      const asked = ahead.get(k);
      ahead.delete(k);
      const stats = cache ? ((await asked) as StatRun | undefined) : undefined;
      // The reads of this chunk: files [readFrom, readFrom + reads.length) of `misses`.
      let reads = cache ? [] : (((await asked) as (ReadFile | undefined)[] | undefined) ?? []);
      let readFrom = 0;
      // First the stat of every file of the chunk; then, for each run of one folder's files, the
      // cache's blocks: a run whose names and stats are exactly one block's is taken whole (its
      // manifest text, rows and tree); otherwise each file is looked up, and the files the cache
      // does not vouch for are read, in order, in the second pass.
      const keys: (StatKey | undefined)[] = new Array(end - start);
      const regular = new Uint8Array(end - start);
      if (cache) {
        for (let i = start; i < end; i++) {
          const j = i - start;
          if (stats && stats.kind[j]) {
            keys[j] = { text: stats.keys[j]!, mtimeNs: stats.mtime[j]! };
            regular[j] = stats.kind[j] === 1 ? 1 : 0;
          } else {
            const st = fs.lstatSync(path.join(git.root, order[i]!), { bigint: true });
            keys[j] = statKeyOf(st);
            regular[j] = st.isFile() ? 1 : 0;
          }
        }
      }
      const runs = folderRuns(order, start, end);
      const whole: (CacheBlock | undefined)[] = [];
      const hits: ({ sha256: string; mode: "100644" | "100755"; oid: string; size: number } | undefined)[] = new Array(end - start);
      const cachedOf: (Lookup | undefined)[] = new Array(end - start);
      const misses: number[] = [];
      for (const [a, b] of runs) {
        const blocks = cache ? cache.blocksFor(order[a]!, order[b - 1]!) : [];
        const keyOf = (i: number): string | undefined => (regular[i - start] ? keys[i - start]!.text : undefined);
        // An encrypted set checks each cache hit against the previous snapshot: file by file.
        if (!encrypter && blocks.length === 1 && blockMatches(blocks[0]!, order, a, b, keyOf)) {
          whole.push(blocks[0]);
          continue;
        }
        whole.push(undefined);
        for (let i = a; i < b; i++) {
          const rel = order[i]!;
          const key = keys[i - start];
          const cached = key && blocks.length > 0 ? lookupIn(blocks, rel, key, cache!.racyFrom) : undefined;
          let hit = regular[i - start] ? cached?.hit : undefined;
          const statSize = hit ? sizeOfKey(key!) : 0;
          if (hit && encrypter) {
            if (fromCache) fromCache[i] = 1;
            else if (!agrees(checked?.get(rel), hit.oid, hit.sha256, statSize)) hit = undefined;
          }
          hits[i - start] = hit && { ...hit, size: statSize };
          cachedOf[i - start] = cached;
          if (!hit) misses.push(i);
        }
      }
      let missAt = 0;
      for (let r = 0; r < runs.length; r++) {
        const [a, b] = runs[r]!;
        const dir = wholeFolder(order, a, b);
        const block = whole[r];
        if (block) {
          rows.sha.set(block.sha, 32 * a);
          rows.oid.set(block.oid, 20 * a);
          rows.size.set(block.size, a);
          rows.exec.set(block.exec, a);
          vouched.fill(1, a, b);
          for (let j = 0; j < block.count; j++) size += block.size[j]!;
          manifest.addBytes(block.text, block.count);
          writer.addRaw(block);
          if (dir !== undefined && block.tree) {
            stream.addTree(dir, block.tree);
            reusedTrees.push([dir, block.tree]);
          } else treeOfRun(a, b, dir);
          continue;
        }
        const texts: string[] = [];
        let ident = "";
        let racy = false;
        for (let i = a; i < b; i++) {
          const rel = order[i]!;
          const cached = cachedOf[i - start];
          let key = keys[i - start];
          let entry: { sha256: string; mode: "100644" | "100755"; oid: string; size: number };
          const hit = hits[i - start];
          if (hit) {
            entry = hit;
            vouched[i] = 1;
          } else {
            if (pool && missAt >= readFrom + reads.length) {
              // One answer at a time (it stops at read-pool's byte limit): memory stays bounded.
              readFrom = missAt;
              reads = await pool.readSome(misses.slice(missAt).map((m) => order[m]!));
            }
            const done = pool ? reads[missAt - readFrom] : undefined;
            missAt++;
            let data: Buffer | undefined;
            let exec: boolean;
            let readKey: StatKey;
            let sha: string;
            let streamed: StreamedBlob | undefined;
            if (done) {
              ({ data, exec, key: readKey, sha256: sha } = done);
            } else {
              const fd = fs.openSync(path.join(git.root, rel), "r");
              try {
                const fst = fs.fstatSync(fd, { bigint: true });
                readKey = statKeyOf(fst);
                exec = (Number(fst.mode) & 0o111) !== 0;
                // A big file of a clear set is streamed into git, never held whole (big-blob.ts).
                if (!encrypter && fst.size >= streamFrom) data = undefined;
                else data = readWhole(fd, Number(fst.size));
              } finally {
                fs.closeSync(fd);
              }
              if (!data) {
                streamed = await storeFileStreamed(git, path.join(git.root, rel), git.stateDir());
                // The key of the stat before the read: an edit during it is read again next time.
                sha = streamed.sha256;
              } else sha = sha256(data);
            }
            filesRead++;
            if (cached?.previous?.sha256 !== sha) void knownTrees();
            if (streamed) {
              entry = { sha256: sha, mode: exec ? "100755" : "100644", oid: streamed.oid, size: streamed.size };
              key = readKey;
            } else {
              data = data!;
              // An encrypted file read again whose bytes are those the cache recorded (rewritten with
              // the same content, touched, checked out again) keeps its ciphertext, as an unchanged
              // stat would: a new encryption would only make another blob of the same content.
              const prior = encrypter ? cached?.previous : undefined;
              let oid: string | undefined;
              if (prior && prior.sha256 === sha && prior.size === data.length) {
                if (fromCache) fromCache[i] = 1;
                if (fromCache || agrees(checked?.get(rel), prior.oid, sha, data.length)) {
                  oid = prior.oid;
                  vouched[i] = 1;
                }
              }
              if (oid === undefined) {
                // The worker's blob id is that of the bytes read (clear sets store those very bytes).
                const blob = encrypter
                  ? toBlob(hasher, await encrypter.encrypt(data))
                  : done
                    ? { oid: done.oid, data }
                    : toBlob(hasher, data);
                oid = blob.oid;
                // A blob the previous snapshot holds is not written again (its read-back below checks it).
                if (!(prevBlobs?.has(blob.oid) || cached?.previousOid === blob.oid)) {
                  const full = packer.add(blob.oid, blob.data, i);
                  if (full) await full;
                }
              }
              entry = { sha256: sha, mode: exec ? "100755" : "100644", oid, size: data.length };
              key = readKey;
            }
          }
          rows.sha.write(entry.sha256, 32 * i, "hex");
          rows.oid.write(entry.oid, 20 * i, "hex");
          rows.size[i] = entry.size;
          rows.exec[i] = entry.mode === "100755" ? 1 : 0;
          size += entry.size;
          const text = manifestEntryText(rel, entry);
          manifest.addText(text);
          texts.push(text);
          ident += `${rel.slice(rel.lastIndexOf("/") + 1)}\0${key!.text}\0`;
          if (key!.mtimeNs >= racyAt) racy = true;
        }
        const tree = treeOfRun(a, b, dir);
        writer.add({
          first: order[a]!,
          last: order[b - 1]!,
          count: b - a,
          ident,
          text: texts.join(",\n"),
          sha: rows.sha.subarray(32 * a, 32 * b),
          oid: rows.oid.subarray(20 * a, 20 * b),
          size: rows.size.subarray(a, b),
          exec: rows.exec.subarray(a, b),
          ...(tree ? { tree } : {}),
          racy,
        });
      }
      if (newTreeBytes >= treeBatch) await packTrees();
    }
    manifest.end();
    await packer.done();
    // Before the tree is written or the cache renewed: the records used must be those written.
    if (cache && !cache.intact()) {
      writer.abort();
      return new CacheDamaged();
    }
  } catch (error) {
    writer.abort();
    throw error;
  } finally {
    cache?.close();
    if (pool && counters) counters.readThreadYoungMb = pool.youngGenerationMb();
    void pool?.close();
  }
  stageEnd("snapshot capture");
  if (counters) {
    counters.blobsWritten = packer.written;
    counters.filesRead = filesRead;
    counters.treesReused = reusedTrees.length;
  }
  const manifestDigest = manifestSink.digest();
  const captured: Captured = { digest: manifestDigest, files: order.length, size };
  if (prev?.digest === manifestDigest) {
    // Same content as the previous snapshot, so the same tree: the refreshed stats describe it.
    // When nearly all of the cache still holds (a few files touched but unchanged), it is kept
    // as it is: reading those few again next time costs less than writing the whole cache now.
    if (cache && filesRead <= staleLimit(order.length) && writer.discard()) return captured;
    if (prevTree) writer.commit(prevTree);
    else writer.abort();
    return captured;
  }
  // A folder tree taken from the cache is only a hint: it stands when the previous snapshot's
  // tree holds that very tree at that folder (the cache then describes that snapshot's files
  // there). Otherwise the cache is not that snapshot's: capture again without it.
  if (reusedTrees.length > 0) {
    const dirs = await knownTrees().catch(() => new Map<string, string>());
    if (reusedTrees.some(([dir, oid]) => dirs.get(dir) !== oid)) {
      writer.abort();
      return new CacheDamaged();
    }
  }
  if (fromCache?.includes(1)) {
    const previous = await previousEntries(git, prevTree!);
    for (let i = 0; i < order.length; i++) {
      if (fromCache[i] && !agrees(previous.get(order[i]!), rows.oidHex(i), rows.shaHex(i), rows.size[i]!)) {
        writer.abort();
        return new CacheDisproved(previous);
      }
    }
  }

  const manifestDeflated = await manifestSink.end(manifestDigest);
  const manifestOid = await blobIdOfDeflated(manifestDeflated);
  const metaTree = folderTree(
    [{ name: SNAPSHOT_MANIFEST_PATH.slice(SNAPSHOT_META_DIR.length + 1), mode: "100644", oid: manifestOid }],
    hasher,
  );
  addTree(metaTree.oid, metaTree.data);
  stream.addRootTree(SNAPSHOT_META_DIR, metaTree.oid);
  const root = stream.end();
  const trees = await takeNewTrees();
  if (counters) {
    counters.treesWritten = treesPacked + trees.length;
    counters.treePacks = treePacks;
    counters.treeBytesHeld = treeBytesHeld;
  }
  let tree: string;
  try {
    if (treesRefused) throw new Error("git refused a pack of this snapshot's trees");
    // --strict: git checks each tree of the pack (names, modes, order, no duplicate) and that
    // every object it names is stored, with its type. The root tree is then the one computed
    // here (the read-back below lists it); no index of every file is built for write-tree.
    await git.exec(["index-pack", "--strict", "--stdin"], {
      input: buildPack([
        { type: "blob", data: new Uint8Array(0), size: manifestDeflated.size, deflated: manifestDeflated.deflated },
        ...trees,
      ]),
    });
    tree = root;
  } catch {
    // A damaged copy of one of these is stored, or git refused a tree: write-tree from a
    // temporary index names the tree (git, not this code, decides it), and the read-back
    // below reads what git holds.
    await git.hashObject(await inflateManifest(manifestDeflated));
    tree = await writeTree(git, rows, manifestOid);
  }
  trees.length = 0;
  manifestSink.dispose();
  stageEnd("snapshot pack");
  if (tree === root) writer.commit(tree);
  else writer.abort();
  captured.tree = tree;
  // When write-tree named the very tree computed from the rows, the blobs the previous snapshot
  // vouches for (stat cache hits) are left to git to read; the others are read back here.
  const idStats: ReadBackIds = { held: 0, ...(options.readBackIdBatch !== undefined ? { batch: options.readBackIdBatch } : {}) };
  const readingBack = readBack(
    git,
    tree,
    rows,
    manifestDigest,
    encrypter !== undefined,
    tree === root ? { vouched, fresh } : undefined,
    streamFrom,
    idStats,
  );
  captured.verified = readingBack.then(({ findings, blobs, intact }) => {
    stageEnd("snapshot read-back");
    if (counters) {
      counters.blobsReadBack = blobs;
      counters.blobsIntactInPacks = intact;
      counters.readBackIdsHeld = idStats.held;
    }
    if (findings.length > 0) throw new ReadBackFailed(findings);
  });
  captured.verified.catch(() => undefined);
  return captured;
}

/** Files read again (stat changed, same content) that an unchanged set's cache may leave as they are. */
function staleLimit(files: number): number {
  return Math.max(64, Math.floor(files / 100));
}

/** The findings of a read-back that failed (build.ts words the refusal). */
export class ReadBackFailed extends Error {
  constructor(readonly findings: Finding[]) {
    super("read-back failed");
  }
}

/** The blob id, SHA-256 and size a previous snapshot holds for a path. */
interface PreviousEntry {
  oid: string;
  sha256: string;
  size: number;
}
type PreviousEntries = { get(path: string): PreviousEntry | undefined };

/** Whether the previous snapshot holds this very blob, digest and size for a path. */
function agrees(before: PreviousEntry | undefined, oid: string, sha: string, size: number): boolean {
  return before !== undefined && before.oid === oid && before.sha256 === sha && before.size === size;
}

/**
 * path -> blob id, SHA-256 and size of the files of a previous snapshot (its tree and manifest);
 * empty when unreadable. The listing and the manifest are read at once, and each entry is
 * looked up (and its shape checked) only when a file asks for it: the caller compares every
 * field with values it checked itself, so an entry of the wrong shape only fails to match.
 */
async function previousEntries(git: Git, tree: string): Promise<PreviousEntries> {
  const none = { get: () => undefined };
  try {
    const [{ stdout }, blobs] = await Promise.all([
      git.exec(["ls-tree", "-r", "-z", "--full-tree", tree]),
      git.readBlobsBuffered([`${tree}:${SNAPSHOT_MANIFEST_PATH}`]),
    ]);
    const oids = new Map<string, string>();
    const text = stdout.toString("utf8");
    for (let pos = 0; pos < text.length;) {
      let end = text.indexOf("\0", pos);
      if (end < 0) end = text.length;
      const tab = text.indexOf("\t", pos);
      // "<mode> <type> <oid>\t<path>": the id is the word before the tab.
      if (tab > pos && tab < end) oids.set(text.slice(tab + 1, end), text.slice(text.lastIndexOf(" ", tab) + 1, tab));
      pos = end + 1;
    }
    const mOid = oids.get(SNAPSHOT_MANIFEST_PATH);
    const mBlob = mOid ? blobs.get(mOid) : undefined;
    if (!mBlob) return none;
    const data: unknown = JSON.parse(mBlob.toString("utf8"));
    const files = isRecord(data) && data.version === 1 && isRecord(data.files) ? data.files : undefined;
    if (!files) return none;
    return {
      get(p) {
        const oid = oids.get(p);
        const e = oid && Object.hasOwn(files, p) ? files[p] : undefined;
        if (!isRecord(e) || typeof e.sha256 !== "string" || typeof e.size !== "number") return undefined;
        return { oid: oid!, sha256: e.sha256, size: e.size };
      },
    };
  } catch {
    /* no previous entries: every file is read and encrypted again */
    return none;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Folder path -> tree id of every folder below `tree` (ls-tree -r -d). */
async function lsTreeFolders(git: Git, tree: string): Promise<Map<string, string>> {
  const { stdout } = await git.exec(["ls-tree", "-r", "-d", "-z", "--full-tree", tree]);
  const out = new Map<string, string>();
  for (let pos = 0; pos < stdout.length;) {
    const end = stdout.indexOf(0, pos);
    const rec = stdout.toString("utf8", pos, end < 0 ? stdout.length : end);
    pos = end < 0 ? stdout.length : end + 1;
    // "040000 tree <oid>\t<path>"
    const tab = rec.indexOf("\t");
    const oid = rec.slice(0, tab).split(" ")[2];
    if (oid && tab > 0) out.set(rec.slice(tab + 1), oid);
  }
  return out;
}

/**
 * Chunks of about RUN files of `order` that end where a folder's run of files ends (so a run
 * is taken whole, and its cache block is the same from one snapshot to the next), at most
 * 8 RUN files (a bigger folder is cut: its pieces are compared file by file).
 */
function chunkRanges(order: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < order.length;) {
    let end = Math.min(start + RUN, order.length);
    const cap = Math.min(start + 8 * RUN, order.length);
    while (end < cap && sameFolder(order[end]!, order[end - 1]!)) end++;
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** The runs of files of one folder (names without a further "/") in order[start..end). */
function folderRuns(order: readonly string[], start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let a = start;
  for (let i = start + 1; i <= end; i++) {
    if (i < end && sameFolder(order[i]!, order[a]!)) continue;
    out.push([a, i]);
    a = i;
  }
  return out;
}

function sameFolder(p: string, q: string): boolean {
  const slash = p.lastIndexOf("/");
  return slash === q.lastIndexOf("/") && (slash < 0 || q.startsWith(p.slice(0, slash + 1)));
}

/**
 * The folder of the run order[a..b) when the run is all of it (no file of the set lies in a
 * folder below it, and it is not the top): one tree then stands for the run. Undefined otherwise.
 */
function wholeFolder(order: readonly string[], a: number, b: number): string | undefined {
  const first = order[a]!;
  const slash = first.lastIndexOf("/");
  if (slash < 0) return undefined;
  const prefix = first.slice(0, slash + 1);
  if (a > 0 && order[a - 1]!.startsWith(prefix)) return undefined;
  if (b < order.length && order[b]!.startsWith(prefix)) return undefined;
  return first.slice(0, slash);
}

/** write-tree from a temporary index (GIT_INDEX_FILE under .git/integrity-guard, removed after). */
async function writeTree(git: Git, rows: Rows, manifestOid: string): Promise<string> {
  // One buffer for the update-index input, not one per file: "<mode> <oid>\t<path>\0" each.
  const line = (i: number) => `${rows.mode(i)} ${rows.oidHex(i)}\t${rows.paths[i]}\0`;
  const last = `100644 ${manifestOid}\t${SNAPSHOT_MANIFEST_PATH}\0`;
  let total = Buffer.byteLength(last);
  for (let i = 0; i < rows.paths.length; i++) total += 49 + Buffer.byteLength(rows.paths[i]!, "utf8");
  const input = Buffer.allocUnsafe(total);
  let pos = 0;
  for (let i = 0; i < rows.paths.length; i++) pos += input.write(line(i), pos, "utf8");
  pos += input.write(last, pos, "utf8");
  const dir = git.stateDir();
  await makeStateFolder(dir);
  const file = path.join(dir, tempFileName("snapshot", `${Date.now()}-${Math.random().toString(36).slice(2)}.index`));
  try {
    const env = { GIT_INDEX_FILE: file };
    await git.exec(["update-index", "-z", "--index-info"], { input: input.subarray(0, pos), env });
    const { stdout } = await git.exec(["write-tree"], { env });
    return stdout.toString("utf8").trim();
  } finally {
    await fsp.rm(file, { force: true });
    await fsp.rm(file + ".lock", { force: true });
  }
}

/** The streamed read-back's ids: how many are sent to git at once (tests lower it), the most held. */
type ReadBackIds = { batch?: number; held: number };

/**
 * Read back what git stored under `tree`: its listing (every manifest file, no other, with its
 * mode), every blob it names (SHA-256 and size against the manifest, in bounded batches), and
 * the manifest blob (against the digest). `computed`, given when `tree` is the tree computed
 * from the rows: `vouched` marks the files whose blob the previous snapshot read back against
 * the same digest and size (stat cache hits); git alone reads those (`cat-file --batch`, its answers counted), and
 * only when it fails are they read back here. `fresh` marks the files whose blob this run put
 * in a pack of its own that index-pack took (BlobPacker). Returns the findings and the number
 * of blobs read back here.
 */
async function readBack(
  git: Git,
  tree: string,
  rows: Rows,
  digest: string,
  encrypted = false,
  computed?: { vouched: Uint8Array; fresh: Uint8Array },
  /** Blobs of this size and more are hashed as git streams them (a clear set's). */
  streamFrom = STREAM_FROM,
  idStats: ReadBackIds = { held: 0 },
): Promise<{ findings: Finding[]; blobs: number; intact?: number }> {
  const findings: Finding[] = [];
  const bad = checksumReporter(findings);
  // The listing is read even for a computed tree: a damaged tree the snapshot reuses from the
  // previous one lists other names or ids than the rows (git does not check a stored tree
  // against its id when it names it again).
  const seen = await listStored(git, tree, rows, bad, encrypted);
  stageEnd("snapshot read-back: tree listed");
  if (!seen) return { findings, blobs: 0 };
  // Blobs whose bytes are known to be the manifest's (a clear set's), and whose pack entry is
  // intact on disk (pack-check.ts: its CRC-32 and size), are not asked of git; the others are
  // read below. Known: the previous snapshot read them back against the same digest and size
  // (vouched), or this run packed them (fresh): index-pack computed each id in that pack from
  // the bytes it stored, and the tree names the id computed here from the very bytes the
  // manifest's SHA-256 was computed from, so the stored bytes are those (as git itself takes
  // an id to stand for its bytes). At 100,000 small files a `cat-file --batch` of every new
  // blob, inflated by git and hashed again here, was about a sixth of a first snapshot's CPU.
  let intact = 0;
  if (computed && !encrypted) {
    const isReused = (i: number): boolean => seen[i] === 1 && (computed.vouched[i] === 1 || computed.fresh[i] === 1);
    let count = 0;
    for (let i = 0; i < seen.length; i++) if (isReused(i)) count++;
    const reused = new Uint32Array(count);
    for (let i = 0, k = 0; i < seen.length; i++) if (isReused(i)) reused[k++] = i;
    const proven = blobsIntactInPacks(objectsDirOf(git.commonDir), { oids: rows.oid, size: rows.size, rows: reused });
    for (let i = 0; i < seen.length; i++) if (proven.has(i)) seen[i] = 0;
    intact = proven.size;
    stageEnd("snapshot read-back: packs checked");
  }
  // A clear set: every blob through one git process, hashed as it streams (blob-stream.ts).
  if (!encrypted) {
    const streamed = await readBackStreamed(git, rows, seen, digest, computed?.vouched, idStats);
    if (streamed) {
      appendAll(findings, streamed.findings);
      return { findings, blobs: streamed.blobs, intact };
    }
    // git stopped before answering every id (a damaged object): read again below, in batches
    // split in halves, so that the damaged blobs are named.
  }
  if (!computed) return { findings, blobs: await readBackBlobs(git, rows, seen, digest, seen.manifestOid, bad, encrypted, streamFrom) };
  // Blobs the previous snapshot read back against these digests are read by git only (it
  // inflates each, which catches damaged bytes), beside the read-back of the others here; when
  // git fails on one, they are all read back here so that the damaged ones are named.
  const vouched = new Uint8Array(seen.length);
  const vouchedIds: string[] = [];
  for (let i = 0; i < seen.length; i++) {
    if (!seen[i] || !computed.vouched[i]) continue;
    vouchedIds.push(rows.oidHex(i));
    vouched[i] = 1;
    seen[i] = 0;
  }
  const readable = allReadable(git, vouchedIds);
  readable.catch(() => undefined);
  let blobs = await readBackBlobs(git, rows, seen, digest, seen.manifestOid, bad, encrypted, streamFrom);
  if (!(await readable)) blobs += await readBackBlobs(git, rows, vouched, digest, null, bad, encrypted, streamFrom);
  return { findings, blobs, intact };
}

/**
 * The read-back of a clear set in one `cat-file --batch` (blob-stream.ts): the manifest blob
 * against the digest, and every blob of the rows marked in `seen` against the manifest, except
 * those `vouched` marks (the previous snapshot read them back against the same digest and
 * size): git reads and inflates those (a damaged one is answered missing, or stops git), and
 * their bytes are skipped. Undefined when git did not answer every id (the caller reads again
 * in a way that names the damaged blobs); else the findings and the number of blobs hashed.
 */
async function readBackStreamed(
  git: Git,
  rows: Rows,
  seen: Uint8Array & { manifestOid?: string },
  digest: string,
  vouched: Uint8Array | undefined,
  /** Ids sent to git at once (default IDS_PER_WRITE), and the most held (set here). */
  idStats: ReadBackIds,
): Promise<{ findings: Finding[]; blobs: number } | undefined> {
  const findings: Finding[] = [];
  const bad = checksumReporter(findings);
  // The rows to read, as indexes (4 bytes each); their ids are made as git is sent them
  // (blob-stream.ts IDS_PER_WRITE at a time): one id string per blob read back, held together
  // with its text joined whole, was the peak of an incremental snapshot at 500,000 files whose
  // blobs no pack proved (360 MB; issue 20).
  let count = seen.manifestOid ? 1 : 0;
  for (let i = 0; i < seen.length; i++) if (seen[i]) count++;
  const rowOf = new Int32Array(count);
  let at = 0;
  if (seen.manifestOid) rowOf[at++] = -1;
  else bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
  for (let i = 0; i < seen.length; i++) if (seen[i]) rowOf[at++] = i;
  const manifestOid = seen.manifestOid;
  const ids = { count, oid: (k: number): string => (rowOf[k]! < 0 ? manifestOid! : rows.oidHex(rowOf[k]!)) };
  let blobs = 0;
  const hashed = (k: number): boolean => rowOf[k]! < 0 || !vouched?.[rowOf[k]!];
  const whole = await streamBlobs(
    git,
    ids,
    hashed,
    (k, got) => {
      const i = rowOf[k]!;
      if (i < 0) {
        if (!got || "sha256:" + got.sha256 !== digest) bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
        return;
      }
      const p = rows.paths[i]!;
      if (!got) {
        bad(p, `blob ${ids.oid(k)} cannot be read back from the object store (missing or corrupt)`);
        return;
      }
      // A vouched blob's bytes are skipped, but git tells its size: it must be the manifest's.
      if (!hashed(k)) {
        if (got.size !== rows.size[i]) bad(p, "read-back size differs from the source", `${rows.size[i]} bytes`, `${got.size} bytes`);
        return;
      }
      blobs++;
      if (got.sha256 !== rows.shaHex(i) || got.size !== rows.size[i])
        bad(
          p,
          "read-back checksum differs from the source",
          `sha256 ${rows.shaHex(i)} (${rows.size[i]} bytes)`,
          `sha256 ${got.sha256} (${got.size} bytes)`,
        );
    },
    { ...(idStats.batch !== undefined ? { batch: idStats.batch } : {}), held: (n) => (idStats.held = Math.max(idStats.held, n)) },
  );
  return whole ? { findings, blobs } : undefined;
}

/**
 * Whether git can read every one of `oids` whole: `cat-file --batch` inflates each, and a
 * damaged object is answered "<oid> missing" with exit status 0 (git 2.39 on a loose object
 * whose zlib check fails), so the answers are counted, not the exit status. In batches, so
 * that memory stays bounded.
 */
async function allReadable(git: Git, oids: readonly string[]): Promise<boolean> {
  const unique = [...new Set(oids)];
  try {
    for (let at = 0; at < unique.length; at += 10_000) {
      const batch = unique.slice(at, at + 10_000);
      if ((await git.readBlobsBuffered(batch)).size !== batch.length) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * The listing of `tree` against the rows: every manifest file, no other, with its mode. Marks
 * the rows found; from here on rows.oid holds the ids the stored tree names (what a restore
 * reads). Undefined when the tree cannot be listed (reported).
 */
async function listStored(
  git: Git,
  tree: string,
  rows: Rows,
  bad: ReturnType<typeof checksumReporter>,
  encrypted: boolean,
): Promise<(Uint8Array & { manifestOid?: string }) | undefined> {
  const seen: Uint8Array & { manifestOid?: string } = new Uint8Array(rows.paths.length);
  let manifestOid: string | undefined;
  // git lists in the order of the rows for most names: the next row is tried before a search.
  let next = 0;
  // The listing is taken as git writes it (at 500,000 files it is about 40 MB whole). Its
  // findings are reported once git listed the whole tree: a listing that fails is one finding.
  const listed: Parameters<typeof bad>[] = [];
  try {
    for await (const { mode, type, oid, path: p } of git.lsTreeStream(tree)) {
      if (p === SNAPSHOT_MANIFEST_PATH) {
        manifestOid = oid;
        continue;
      }
      const i = type !== "blob" ? -1 : rows.paths[next] === p ? next : rows.find(p);
      if (i >= 0) next = i + 1;
      if (i < 0 || seen[i]) {
        listed.push([p, "file is in the snapshot tree but not in its manifest"]);
        continue;
      }
      seen[i] = 1;
      if (mode !== rows.mode(i)) listed.push([p, "mode in the snapshot tree differs from the manifest", rows.mode(i), mode]);
      // Ciphertext cannot be hashed against the manifest (no identity here): the tree must name
      // the very blob made from the bytes hashed (or kept, unchanged, from the previous snapshot).
      if (encrypted && oid !== rows.oidHex(i)) listed.push([p, "encrypted blob in the snapshot tree differs from the ciphertext written"]);
      rows.oid.write(oid, 20 * i, "hex");
    }
  } catch (error) {
    bad(SNAPSHOT_MANIFEST_PATH, `cannot list the snapshot tree ${tree}: ${(error as Error).message.split("\n")[0]}`);
    return undefined;
  }
  for (const args of listed) bad(...args);
  for (let i = 0; i < seen.length; i++) if (!seen[i]) bad(rows.paths[i]!, "file is in the manifest but not in the snapshot tree");
  if (manifestOid) seen.manifestOid = manifestOid;
  return seen;
}

/**
 * The manifest blob against the digest, and the blobs of the rows marked in `read` against the
 * manifest, in batches; returns how many were read. Batches are made of the marked rows only,
 * and the manifest goes with the first: an incremental snapshot that changed 10 files of
 * 100,000 reads them back with one `cat-file` (batches over every row gave one per 10,000 rows,
 * and each git process started from a big heap costs the fork of its page tables).
 */
async function readBackBlobs(
  git: Git,
  rows: Rows,
  read: Uint8Array,
  digest: string,
  /** The manifest's id in the tree (undefined: none there); null when the manifest was checked already. */
  manifestOid: string | undefined | null,
  bad: ReturnType<typeof checksumReporter>,
  encrypted: boolean,
  streamFrom: number,
): Promise<number> {
  const marked: number[] = [];
  // Blobs of STREAM_FROM bytes and more (a clear set's) are hashed as git streams them, one at a time.
  const big: number[] = [];
  for (let i = 0; i < read.length; i++) if (read[i]) (!encrypted && rows.size[i]! >= streamFrom ? big : marked).push(i);
  const hasher = new ObjectHasher();
  const ageStructureProblem = ageStructureChecker();
  // git reads the next batch while this one is hashed here (two batches in memory at most).
  const ranges = [
    ...batchRanges(
      marked.map((i) => rows.size[i]!),
      READ_BACK,
    ),
  ];
  const checkManifest = manifestOid !== null;
  if (checkManifest && !manifestOid) bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
  if (checkManifest && manifestOid && ranges.length === 0) ranges.push([0, 0]);
  const ask = (k: number): { ids: string[]; blobs: Promise<Map<string, Buffer>> } | undefined => {
    if (k >= ranges.length) return undefined;
    const [start, end] = ranges[k]!;
    const ids: string[] = k === 0 && checkManifest && manifestOid ? [manifestOid] : [];
    for (let j = start; j < end; j++) ids.push(rows.oidHex(marked[j]!));
    return { ids, blobs: readBlobsBisect(git, ids) };
  };
  let count = 0;
  let next = ask(0);
  for (let k = 0; k < ranges.length; k++) {
    const [start, end] = ranges[k]!;
    const { blobs: reading } = next!;
    next = ask(k + 1);
    const blobs = await reading;
    if (k === 0 && checkManifest && manifestOid) {
      const mBlob = blobs.get(manifestOid);
      if (!mBlob || "sha256:" + sha256(mBlob) !== digest) bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
    }
    count += end - start;
    for (let j = start; j < end; j++) {
      const i = marked[j]!;
      const p = rows.paths[i]!;
      const oid = rows.oidHex(i);
      const data = blobs.get(oid);
      if (!data) {
        bad(p, `blob ${oid} cannot be read back from the object store (missing or corrupt)`);
        continue;
      }
      if (encrypted) {
        // The bytes git returns must be that blob (its id recomputed) and a whole age file of the size hashed.
        const why = hasher.oid("blob", data) !== oid ? "its bytes do not match its id" : ageStructureProblem(data, rows.size[i]!);
        if (why) bad(p, `encrypted blob is damaged: ${why}`);
        continue;
      }
      const got = sha256(data);
      if (got !== rows.shaHex(i) || data.length !== rows.size[i])
        bad(
          p,
          "read-back checksum differs from the source",
          `sha256 ${rows.shaHex(i)} (${rows.size[i]} bytes)`,
          `sha256 ${got} (${data.length} bytes)`,
        );
    }
  }
  for (const i of big) {
    count++;
    const got = await hashBlobStreamed(git, rows.oidHex(i));
    if (!got) bad(rows.paths[i]!, `blob ${rows.oidHex(i)} cannot be read back from the object store (missing or corrupt)`);
    else if (got.sha256 !== rows.shaHex(i) || got.size !== rows.size[i])
      bad(
        rows.paths[i]!,
        "read-back checksum differs from the source",
        `sha256 ${rows.shaHex(i)} (${rows.size[i]} bytes)`,
        `sha256 ${got.sha256} (${got.size} bytes)`,
      );
  }
  return count;
}

/**
 * cat-file --batch of many ids; a corrupt object makes cat-file die mid-stream, so a failed
 * read is split in halves until the bad ids are alone (they are then absent from the result):
 * a few damaged objects cost a few dozen reads, not one per blob.
 */
async function readBlobsBisect(git: Git, oids: string[]): Promise<Map<string, Buffer>> {
  if (oids.length === 0) return new Map();
  try {
    return await git.readBlobsBuffered(oids);
  } catch {
    if (oids.length === 1) return new Map();
    const mid = oids.length >>> 1;
    const [a, b] = [await readBlobsBisect(git, oids.slice(0, mid)), await readBlobsBisect(git, oids.slice(mid))];
    for (const [k, v] of b) a.set(k, v);
    return a;
  }
}
