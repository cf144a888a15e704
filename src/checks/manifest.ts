/**
 * The manifest check (issue 3). Working tree: verify the covered files against the manifest
 * (the same engine as `integrity-guard verify`). Staged (`check --staged`): every staged change
 * to a sealed or covered file must agree with the staged manifest, so protected state changes
 * only together with a reseal, like a lockfile.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { MANIFEST_PATH, type Config } from "../config/types.js";
import type { Finding } from "../core/finding.js";
import { UnsafePathError } from "../errors.js";
import { diffManifest, same } from "../core/manifest/diff.js";
import type { ManifestEntry, Observation } from "../core/manifest/model.js";
import { coveredFilter, walkRoots } from "../core/manifest/select.js";
import { inShard, type Shard } from "../core/manifest/shard.js";
import { entryLine, readManifestText } from "../core/manifest/validate.js";
import {
  MANIFEST_SHARD_DIR,
  bucketOf,
  isManifestFile,
  isShardedRootBytes,
  readShard,
  readShardedRoot,
  shardFilePath,
  type ShardedRoot,
} from "../core/manifest/sharded.js";
import { stringifyEntry } from "../core/manifest/root.js";
import type { Git, IndexEntry } from "../io/git.js";
import { observeTree, type ObserveStats } from "../io/hash/observe.js";
import { progressBar } from "../io/hash/progress.js";
import { readManifestIndex, readManifestSetSparse, type ManifestSet } from "../io/manifest-store.js";
import type { ManifestIndex } from "../core/manifest/compact.js";
import { Verdict, filterKey, statKeyOf } from "../io/hash/verdict.js";
import { manifestBlobVerdict, recordManifestBlobVerdict } from "../io/hash/manifest-blob-verdict.js";
import { StagedSource } from "../io/staged-source.js";
import { unchangedEntries } from "../io/head-unchanged.js";
import { catFileLimited } from "../io/cat-file-limited.js";
import type { PathState } from "../io/hash/dir-state.js";
import { HashStream, type HeldDigest, type StatKey } from "../io/hash/pool.js";
import { walkTree, type WalkEntry } from "../io/hash/walk.js";
import { hashPath } from "../io/hash/hash-file.js";
import { symlinksOff } from "../io/checkout-forms.js";
import { hasRawBytes } from "../core/names.js";
import { StatCache } from "../io/stat-cache.js";
import { committedFormDrivers, committedFormPaths, committedForms } from "../io/hash/committed-form.js";
import { matchLfsPointers } from "../io/lfs-objects.js";
import { blobObservation, skippedBlobs, withLocalEditsFix, withSparseAdd } from "../io/skip-worktree.js";
import type { Check, CheckContext } from "./types.js";
import { appendAll } from "../core/append.js";
import { stageEnd } from "../io/hash/stage-log.js";

const RESEAL = "run `integrity-guard seal && git add .integrity-guard/manifest.json` (after checking the change is intended)";

interface VerifyOptions {
  git: Git;
  root: string;
  config: Config;
  shard?: Shard;
  /** Read every file (default: trust git's index and the stat cache for unchanged files). */
  noCache?: boolean;
  /** Only these repo-relative paths (check with explicit paths). */
  paths?: readonly string[];
  /** Only paths this accepts (verify with paths on the command line: folders, globs). */
  within?: (p: string) => boolean;
  interactive?: boolean;
}

interface VerifyOutcome {
  findings: Finding[];
  summary: Record<string, unknown>;
}

/** What verifyTree sets up before the manifest is parsed, shared by its steps. */
interface VerifyRun {
  cache: StatCache;
  include: readonly string[];
  covered: (p: string) => boolean;
  includeRoots: string[];
  reached: (p: string) => boolean;
  /** The manifest's files (root and shards), read once. */
  bytes: ManifestSet | undefined;
  /** A full cached run on the real index: the only kind that uses or records a verdict. */
  whole: boolean;
  indexFile: string;
  indexBefore: StatKey | undefined;
  /** Key of the include/exclude globs (the verdict applies only under the same ones). */
  filter: string;
  verdictFile: string;
  /** git diff-files, started first (see prepareRun). */
  pre: { changed: Promise<string[]>; startedNs: bigint } | undefined;
  /** Hash threads started before the manifest is parsed (--no-cache on a big manifest). */
  stream: HashStream | undefined;
}

/** Manifest bytes from which `--no-cache` starts hash threads early (about 600 entries). */
const EARLY_THREADS_BYTES = 64 * 1024;

/** Diff the work tree against the manifest: the engine behind `verify` and `check`. */
export async function verifyTree(o: VerifyOptions): Promise<VerifyOutcome> {
  // A sparse checkout that leaves the manifest out: the index's copy (manifest-store.ts).
  const run = prepareRun(o, await readManifestSetSparse(o.root, o.git));
  const fast = await cleanRunVerdict(o, run);
  if (fast) return fast;
  // --no-cache on a big manifest reads every file: start the hash threads now, so their start-up
  // overlaps parsing the manifest, and they hash while the walk runs.
  // No stat is taken with the bytes: only a file that differs from the manifest needs one, and
  // observeTree reads that one again with it.
  if (o.noCache && run.bytes && run.bytes.size >= EARLY_THREADS_BYTES) {
    run.stream = new HashStream({ withStat: false });
    // observeTree asks git whether links are checked out as plain files (one `git config`
    // process): ask now, while the threads start. Starting a process holds this thread until the
    // child runs (tens of ms on a loaded machine); here that overlaps the threads' start-up, and
    // this process is still small (node copies its page tables for the child).
    symlinksOff(o.git).catch(() => undefined); // (the same promise observeTree awaits and reports)
  }
  try {
    return await compareWithManifest(o, run);
  } finally {
    run.stream?.cancel(); // no-op once finished; stops the threads when the run ended early
  }
}

function prepareRun(o: VerifyOptions, bytes: ManifestSet | undefined): VerifyRun {
  const cacheFile = StatCache.pathFor(o.git.stateDir(), o.root);
  const include = o.config.manifest?.include ?? [];
  const includeRoots = walkRoots(include);
  // The verdict applies only to a full cached run on the real index (see src/io/hash/verdict.ts).
  const whole = !o.noCache && !o.shard && !o.paths && !o.within && !process.env.GIT_INDEX_FILE;
  const indexFile = path.join(o.git.gitDir, "index");
  const indexBefore = whole ? statKeyOf(indexFile) : undefined;
  // git's answer (diff-files lstat's every tracked file) is the longest step of a warm run:
  // start it before anything else; the verdict and the full comparison both use it.
  let pre: VerifyRun["pre"];
  if (whole && bytes) {
    const startedNs = BigInt(Date.now()) * 1_000_000n;
    const changed = o.git.worktreeChangedPaths();
    changed.catch(() => undefined); // awaited later or by observeTree; never an unhandled rejection
    pre = { changed, startedNs };
  }
  return {
    cache: StatCache.load(cacheFile),
    include,
    covered: coveredFilter(o.config.manifest),
    includeRoots,
    reached: reachedBy(includeRoots),
    bytes,
    whole,
    indexFile,
    indexBefore,
    filter: filterKey(include, o.config.manifest?.exclude ?? []),
    verdictFile: cacheFile.replace(/\.json$/, ".verdict.json"),
    pre,
    stream: undefined,
  };
}

/** Whether a path is one of these walk roots or below one ("" is the whole tree). */
function reachedBy(roots: readonly string[]): (p: string) => boolean {
  if (roots.includes("")) return () => true;
  const prefixes = roots.map((r) => r + "/"); // built once: this runs for every sealed entry
  return (p) => roots.some((r, i) => p === r || p.startsWith(prefixes[i]!));
}

/** The warm fast path: "clean" from the last clean run's verdict, or undefined (see verdict.ts). */
async function cleanRunVerdict(o: VerifyOptions, run: VerifyRun): Promise<VerifyOutcome | undefined> {
  if (!run.pre || !run.bytes) return undefined;
  const verdict = Verdict.load(run.verdictFile);
  const extra = verdict.extraFor(run.bytes.sha256, run.filter);
  // While git runs: one lstat per folder the clean run listed instead of a walk.
  if (!extra || !verdict.indexMatches(run.indexBefore) || !verdict.treeUnchanged(o.root)) return undefined;
  const extraSet = new Set(extra);
  const n = verdict.check(o.root, await run.pre.changed, (p) => extraSet.has(p) || run.covered(p));
  if (n === undefined) return undefined;
  return {
    findings: [],
    summary: {
      entries: n,
      checked: verdict.walked,
      hashed: 0,
      bytes_hashed: 0,
      trusted_git: verdict.walked - verdict.otherCount,
      trusted_cache: verdict.otherCount,
      clean_run_verdict: true,
    },
  };
}

/** The full comparison: parse the manifest, observe the tree, diff, record a verdict when clean. */
async function compareWithManifest(o: VerifyOptions, run: VerifyRun): Promise<VerifyOutcome> {
  const { cache, include, covered, includeRoots, reached, whole, indexFile, indexBefore, filter, verdictFile, pre, stream } = run;
  const only = o.paths ? new Set(o.paths) : undefined;
  // No shard, paths or selection (the usual run): every entry and covered path is wanted.
  const everything = !o.shard && !only && !o.within;
  const wanted = everything ? () => true : (p: string) => inShard(p, o.shard) && (!only || only.has(p)) && (!o.within || o.within(p));
  // With early threads, walk BEFORE parsing the manifest, handing each file to the threads as it
  // is found: they hash while the manifest is parsed instead of waiting for it.
  const push = stream && ((e: WalkEntry) => e.kind === "file" && stream.push(`${o.root}/${e.path}`));
  const prewalked = push ? walkTree(o.root, includeRoots, (p) => wanted(p) && covered(p), undefined, push) : undefined;
  // Left in shard order (issue 20): every later step finds entries by path, and the few that need
  // an order (mismatches, extra roots) are sorted alone (index.inOrder).
  const stored = readManifestIndex(o.root, o.noCache ? undefined : cache, run.bytes, { anyOrder: true });
  stageEnd("verify: manifest read");
  run.bytes = undefined; // the entries hold what they need: the files' bytes can go (13 MB at 100,000 entries)
  if (!stored.exists) {
    if (include.length === 0) return { findings: [], summary: { entries: 0 } };
    return {
      findings: [
        {
          rule: "manifest/unsealed",
          level: "error",
          file: MANIFEST_PATH,
          message: `manifest.include is configured but ${MANIFEST_PATH} does not exist, so nothing is protected`,
          fix: "run `integrity-guard seal` and commit .integrity-guard/manifest.json",
        },
      ],
      summary: { entries: 0 },
    };
  }
  if (!stored.manifest || !stored.index) return { findings: stored.findings, summary: { entries: 0 } };
  // The entries stay packed (core/manifest/compact.ts): index i is the i-th entry in manifest
  // order; `picked` says which are wanted (all when undefined), `matched` which a file was found
  // to match (observeTree keeps nothing for those, see sealedMatch).
  const index = stored.index;
  const n = index.size;
  let picked: Uint8Array | undefined;
  let count = n;
  if (!everything) {
    picked = new Uint8Array(n);
    count = 0;
    for (let i = 0; i < n; i++) {
      if (!wanted(index.path(i))) continue;
      picked[i] = 1;
      count++;
    }
  }
  const isPicked = (i: number) => i >= 0 && (!picked || picked[i] === 1);
  /**
   * The wanted entries no file was found to match, in manifest order (set once the tree is
   * observed): the only ones any step after it materialises.
   */
  let unmatched: number[] = [];
  /** The wanted entries `keep` takes among the unmatched (manifest order), materialised one at a time. */
  function* wantedEntries(keep: (i: number) => boolean): Generator<ManifestEntry> {
    for (const i of unmatched) if (keep(i)) yield index.entry(i);
  }
  // A sharded manifest's entries sit in shard files: the finding names the root only.
  const lineOf = (p: string) => {
    const i = stored.sharded ? -1 : index.indexOf(p);
    return i >= 0 ? entryLine(i) : undefined;
  };
  const matched = new Uint8Array(n);
  const sealed = { has: (p: string) => isPicked(index.indexOf(p)) };
  // Sealed paths stay checked even if the include globs no longer reach them: walk them too.
  const roots = new Set(includeRoots);
  for (const i of index.inOrder((i) => isPicked(i) && !reached(index.path(i)))) roots.add(index.path(i));
  const uncovered = () => index.inOrder((i) => isPicked(i) && !covered(index.path(i))).map((i) => index.path(i));
  if (push && prewalked) {
    // Sealed paths the globs do not cover (excluded since, or outside every include root): the
    // ordinary walk takes them through `sealed`; here they are walked as roots of their own,
    // accepting only such paths, so nothing is listed twice.
    const extra = uncovered();
    if (extra.length > 0)
      appendAll(
        prewalked,
        walkTree(o.root, extra, (p) => sealed.has(p) && !covered(p), undefined, push),
      );
  }
  const bar = progressBar(o.interactive === true, "verify");
  // Taken before the walk: what a verdict trusts must be older than this (dir-state.ts).
  const walkStartNs = BigInt(Date.now()) * 1_000_000n;
  const states = whole ? new Map<string, PathState>() : undefined;
  const { observed, stats, blobIds, others } = await observeTree({
    git: o.git,
    root: o.root,
    roots: [...roots],
    accept: (p) => sealed.has(p) || (wanted(p) && covered(p)),
    cache,
    useCache: !o.noCache,
    ...(bar ? { onProgress: bar.update } : {}),
    ...(pre ? { pre } : {}),
    ...(states ? { states } : {}),
    ...(stream ? { stream } : {}),
    ...(prewalked ? { walked: prewalked } : {}),
    // Only the walk's count is used (stats.files, for a verdict): its entries are sorted out as
    // found and not kept (issue 20: an object and a path string a file, about 45 MB at 500,000).
    keepWalk: false,
    sealedMatch: (p: string, ob: Observation) => {
      const i = index.indexOf(p);
      if (!isPicked(i) || !sameAt(index, i, ob)) return false;
      matched[i] = 1;
      return true;
    },
    // sameAt's file case, on the digest's bytes (a link entry never matches a file: sealedMatch then says so).
    sealedDigest: (p: string, h: HeldDigest) => {
      const i = index.indexOf(p);
      if (!isPicked(i) || index.link(i) !== undefined) return false;
      if (h.size !== index.fileSize(i) || h.executable !== index.executable(i) || !index.sameDigest(i, h.bytes, h.at)) return false;
      matched[i] = 1;
      return true;
    },
  });
  bar?.end();
  stageEnd("verify: observed");
  const isMatched = (i: number) => matched[i] === 1;
  unmatched = index.inOrder((i) => isPicked(i) && !isMatched(i));
  // Pruning walks the whole cache: only worth it when the cache is being rewritten anyway.
  if (!o.shard && !only && cache.changed) {
    cache.prune({ has: (p) => observed.has(p) || isMatched(index.indexOf(p)) }, blobIds);
  }
  await cache.save();
  stageEnd("verify: cache saved");
  await observeSkipWorktree(
    o.git,
    wantedEntries((i) => !isMatched(i) && !observed.has(index.path(i))),
    observed,
  );
  // A sealed path the walk did not find may lie beyond a symlinked folder (a tampered manifest
  // aiming through `data/link -> /etc`): refuse it by name, as for `..` and absolute paths.
  for (const i of unmatched) {
    const p = index.path(i);
    if (!observed.has(p)) rejectThroughSymlink(o.root, p, () => index.position(i));
  }
  // Entries whose file matches (read and matched under --no-cache, or observed as sealed) have no
  // finding: both steps see only the others, materialised one at a time (the same findings, in
  // the same order, as with every entry passed in).
  const differs = (i: number) => {
    if (isMatched(i)) return false;
    const ob = observed.get(index.path(i));
    return ob === undefined || !sameAt(index, i, ob);
  };
  await matchCheckedOutForms(o.git, wantedEntries(differs), observed);
  await matchCommittedForms(o.git, wantedEntries(differs), observed);
  // A checkout without LFS content holds the pointer of a sealed file (io/lfs-objects.ts).
  await matchLfsPointers(o.git, wantedEntries(differs), observed);
  const findings = diffManifest(wantedEntries(differs), observed, {
    modifiedLevel: o.config.manifest?.modified_level ?? "error",
    lineOf,
    sealed: sealed.has,
  });
  const all = [...stored.findings, ...findings];
  stageEnd("verify: diffed");
  if (whole) {
    const indexAfter = statKeyOf(indexFile);
    if (all.length === 0 && indexBefore && indexAfter && indexBefore.every((v, i) => v === indexAfter[i])) {
      const links = new Map<string, string>();
      for (const [p, ob] of observed) if (ob.kind === "link") links.set(p, ob.link);
      await Verdict.record(verdictFile, {
        manifestSha: stored.sha256,
        index: indexBefore,
        filter,
        dirs: states!,
        walked: stats.files,
        stampNs: walkStartNs,
        extra: uncovered(),
        others,
        links,
        sealed: count,
      });
    } else {
      Verdict.remove(verdictFile);
    }
  }
  return { findings: all, summary: summaryOf(count, stats, o.shard) };
}

/**
 * Sealed files whose bytes differ from the manifest only by git's checkout conversion (a
 * manifest sealed where files check out with LF, verified where they check out with CRLF under
 * core.autocrlf or eol=crlf, or the reverse): when the file's current bytes are what `git add`
 * would store as its index blob (hash-object reads them: content, never stat, so bit rot is still
 * seen), and that blob, or its CRLF form, is the sealed content, the observation is taken as the
 * sealed one. Runs only for mismatches: no cost on a clean tree.
 */
async function matchCheckedOutForms(git: Git, entries: Iterable<ManifestEntry>, observed: Map<string, Observation>): Promise<void> {
  const differing: ManifestEntry[] = [];
  for (const e of entries) {
    const ob = observed.get(e.path);
    if (e.link === undefined && ob?.kind === "file" && !ob.bitrot && !same(e, ob) && !hasRawBytes(e.path)) differing.push(e);
  }
  if (differing.length === 0) return;
  const index = new Map<string, IndexEntry>();
  // Many paths: the whole index rather than an argv of thousands (a CRLF checkout differs everywhere).
  for (const i of await git.lsStaged(differing.length > 256 ? [] : differing.map((e) => e.path)))
    if (i.stage === 0 && (i.mode === "100644" || i.mode === "100755")) index.set(i.path, i);
  const tracked = differing.filter((e) => index.has(e.path));
  if (tracked.length === 0) return;
  const ids = await git.cleanedBlobIds(tracked.map((e) => e.path));
  const vouched = tracked.filter((e) => ids.get(e.path) === index.get(e.path)!.oid);
  for (let at = 0; at < vouched.length; at += 128) {
    const chunk = vouched.slice(at, at + 128); // bounded memory when every file differs
    const blobs = await git.readBlobs(chunk.map((e) => index.get(e.path)!.oid));
    for (const e of chunk) {
      const blob = blobs.get(index.get(e.path)!.oid);
      const ob = observed.get(e.path);
      if (blob && ob?.kind === "file" && storedFormMatches(blob, e)) observed.set(e.path, { ...ob, sha256: e.sha256, size: e.size });
    }
  }
}

/**
 * Sealed files missing from the work tree because git does not check them out (the skip-worktree
 * bit: outside a sparse checkout's cone, or `update-index --skip-worktree`): git's copy, the
 * index blob, is observed instead (in its stored form or its CRLF form, as above), so they are
 * neither reported missing nor left unverified. Runs only for sealed files the walk did not find.
 */
async function observeSkipWorktree(git: Git, entries: Iterable<ManifestEntry>, observed: Map<string, Observation>): Promise<void> {
  const missing = new Map<string, ManifestEntry>();
  for (const e of entries) if (!hasRawBytes(e.path)) missing.set(e.path, e);
  if (missing.size === 0) return;
  const pathspecs = missing.size > 256 ? [] : [...missing.keys()];
  for await (const chunk of skippedBlobs(git, (p) => missing.has(p), pathspecs)) {
    for (const { path: p, mode, blob } of chunk) {
      const e = missing.get(p)!;
      const ob = blobObservation(mode, blob);
      observed.set(p, ob.kind === "file" && storedFormMatches(blob, e) ? { ...ob, sha256: e.sha256, size: e.size } : ob);
    }
  }
}

/**
 * Sealed files behind a rewriting clean filter, sealed in their committed form
 * (io/hash/committed-form.ts): a work-tree file whose bytes clean to the sealed content is the
 * sealed one, staged or not (a clone's smudged file, a file sealed before `git add`). Runs only
 * for mismatches, and only when such a filter is configured.
 */
async function matchCommittedForms(git: Git, entries: Iterable<ManifestEntry>, observed: Map<string, Observation>): Promise<void> {
  const differing = new Map<string, ManifestEntry>();
  for (const e of entries) {
    const ob = observed.get(e.path);
    if (e.link === undefined && ob?.kind === "file" && !ob.bitrot && !hasRawBytes(e.path)) differing.set(e.path, e);
  }
  if (differing.size === 0) return;
  const drivers = await committedFormDrivers(git);
  const forms = await committedForms(git, await committedFormPaths(git, [...differing.keys()], drivers));
  for (const [p, f] of forms) {
    const e = differing.get(p)!;
    const ob = observed.get(p)!;
    if (ob.kind === "file" && same(e, { ...ob, sha256: f.sha256, size: f.size }))
      observed.set(p, { ...ob, sha256: e.sha256, size: e.size });
  }
}

/** Whether `blob`, as stored or with every LF written CRLF (a blob without CR), is the sealed content. */
function storedFormMatches(blob: Buffer, e: ManifestEntry): boolean {
  const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
  if (blob.length === e.size) return sha(blob) === e.sha256;
  let lf = 0;
  for (let i = blob.indexOf(10); i !== -1; i = blob.indexOf(10, i + 1)) lf++;
  if (lf === 0 || blob.length + lf !== e.size || blob.includes(13)) return false;
  return sha(Buffer.from(blob.toString("latin1").replace(/\n/g, "\r\n"), "latin1")) === e.sha256;
}

/** same() for entry i of a packed manifest, without materialising the entry. */
function sameAt(index: ManifestIndex, i: number, o: Observation): boolean {
  if (o.kind !== "file" || index.link(i) !== undefined) return same(index.entry(i), o);
  return o.size === index.fileSize(i) && o.sha256 === index.sha256(i) && (o.mode === "755") === index.executable(i);
}

/** UnsafePathError when a folder on the way to `rel` is a symlink (nothing is read through it). */
function rejectThroughSymlink(root: string, rel: string, position: () => number): void {
  const parts = rel.split("/");
  let cur = "";
  for (const part of parts.slice(0, -1)) {
    cur = cur ? `${cur}/${part}` : part;
    let isLink: boolean;
    try {
      isLink = fs.lstatSync(path.join(root, cur)).isSymbolicLink();
    } catch {
      return; // the folder does not exist: the entry is simply missing
    }
    if (isLink) {
      throw new UnsafePathError(
        `manifest entry ${position()} (${JSON.stringify(rel)}) lies beyond the symlink ${JSON.stringify(cur)}; symlinks are never followed, so nothing was read through it`,
        {
          fix: "the manifest was tampered with or the folder was replaced by a link: restore the folder (or the manifest from git) and verify again",
        },
      );
    }
  }
}

function summaryOf(entries: number, s: ObserveStats, shard: Shard | undefined): Record<string, unknown> {
  return {
    entries,
    checked: s.files,
    hashed: s.hashed,
    bytes_hashed: s.bytesHashed,
    trusted_git: s.fromGit,
    trusted_cache: s.fromCache,
    ...(shard ? { shard: `${shard.k}/${shard.n}` } : {}),
  };
}

/** What checkStaged needs of the index: changed entries (all entries for a reseal), unmerged and deleted paths. */
interface StagedState {
  byPath: Map<string, IndexEntry>;
  unmerged: Set<string>;
  changed: string[];
  deleted: string[];
  /** False when byPath holds only the changed entries (enough unless the manifest itself changed). */
  wholeIndex: boolean;
}

/** The staged changes: from the hook's StagedSource (one `git diff-index`) when given, else asked here. */
async function stagedState(git: Git, source: StagedSource | undefined): Promise<StagedState> {
  const diff = source ? await source.diff() : await git.stagedIndexChanges();
  if (diff && !("unborn" in diff && diff.unborn)) {
    const byPath = diff.entries instanceof Map ? new Map(diff.entries) : new Map(diff.entries.map((e) => [e.path, e]));
    return { byPath, unmerged: new Set(diff.unmerged), changed: [...byPath.keys()], deleted: diff.deleted, wholeIndex: false };
  }
  // Unborn branch: every index entry is a change.
  return { ...wholeIndexState(await git.lsCommitted()), deleted: [] };
}

function wholeIndexState(index: readonly IndexEntry[]): Omit<StagedState, "changed" | "deleted"> & { changed: string[] } {
  const byPath = new Map<string, IndexEntry>();
  const unmerged = new Set<string>();
  for (const e of index) {
    if (e.stage === 0) byPath.set(e.path, e);
    else unmerged.add(e.path); // the validate check reports conflicts
  }
  return { byPath, unmerged, changed: [...byPath.keys()], wholeIndex: true };
}

/** Test instrumentation: what the last checkStaged run read and hashed (counts, not time). */
export const stagedRunStats = {
  manifestRead: false,
  /** Manifest files (root, shards) read from git, and their bytes. */
  manifestFilesRead: 0,
  manifestBytesRead: 0,
  blobsHashed: 0,
  bytesHashed: 0,
  blobsFromCache: 0,
};

/**
 * `check --staged`: the staged manifest and the staged content of sealed files must agree.
 * Cost follows the change (issue 20): the manifest is read only when it is staged, when a staged
 * path may be sealed by it, or when no verdict for its blob exists yet; for a reseal, sealed blobs
 * whose id the stat cache vouches for are not read again.
 */
async function checkStaged(git: Git, config: Config, paths?: readonly string[], source?: StagedSource): Promise<Finding[]> {
  stagedRunStats.manifestRead = false;
  stagedRunStats.blobsHashed = stagedRunStats.bytesHashed = stagedRunStats.blobsFromCache = 0;
  stagedRunStats.manifestFilesRead = stagedRunStats.manifestBytesRead = 0;
  const include = config.manifest?.include ?? [];
  const state = await stagedState(git, source);
  const { changed, deleted } = state;
  const covered = coveredFilter(config.manifest);
  const only = paths ? new Set(paths) : undefined;
  const inScope = (p: string) => !only || only.has(p) || p === MANIFEST_PATH;
  let manifestIdx = state.byPath.get(MANIFEST_PATH);
  // Not a change (the manifest is as HEAD has it): HEAD's tree entry, which the hook listed with
  // the config (head-unchanged.ts); the index only when HEAD does not vouch for it (any
  // `git ls-files` loads the whole index: O(repository) per commit).
  if (!manifestIdx && !state.wholeIndex && !deleted.includes(MANIFEST_PATH) && !state.unmerged.has(MANIFEST_PATH)) {
    manifestIdx = source ? (await unchangedEntries(git, await source.diff(), [MANIFEST_PATH])).get(MANIFEST_PATH) : undefined;
    manifestIdx ??= (await git.lsStaged([MANIFEST_PATH])).find((e) => e.stage === 0 && e.path === MANIFEST_PATH);
  }
  if (!manifestIdx) {
    if (include.length > 0 && deleted.includes(MANIFEST_PATH)) {
      return [
        {
          rule: "manifest/unsealed-change",
          level: "error",
          file: MANIFEST_PATH,
          message: `this commit deletes ${MANIFEST_PATH} while manifest.include is configured: nothing would stay protected`,
          fix: "keep the manifest (`git restore --staged .integrity-guard/manifest.json`), or remove manifest.include from the config in the same commit",
        },
      ];
    }
    const touched = [...changed, ...deleted].filter((p) => covered(p) && inScope(p));
    if (include.length === 0 || touched.length === 0) return [];
    return touched.sort().map((p) => ({
      rule: "manifest/unsealed-change",
      level: "error" as const,
      file: p,
      message: `${p} is covered by manifest.include but no manifest is staged (${MANIFEST_PATH} is not in the index)`,
      fix: RESEAL,
    }));
  }
  // A staged shard file is a change of the manifest too (the root alone would not show it).
  const manifestChanged = changed.includes(MANIFEST_PATH) || changed.some(isShardFile) || deleted.some(isShardFile);
  const stateDir = git.stateDir();
  const filter = filterKey(include, config.manifest?.exclude ?? []);
  // Recorded by the hook's own full check of these bytes, or by the seal that wrote them.
  const verdict = manifestBlobVerdict(stateDir, manifestIdx.oid, filter);
  if (verdict && !manifestChanged) {
    // This exact manifest passed every check before: only a staged path it may seal needs it.
    const mayBeSealed = (p: string) => !isManifestFile(p, MANIFEST_PATH) && (covered(p) || verdict.has(p)) && inScope(p);
    if (!changed.some(mayBeSealed) && !deleted.some(mayBeSealed)) return [];
  }
  stagedRunStats.manifestRead = true;
  const blob = (await git.readBlobs([manifestIdx.oid])).get(manifestIdx.oid);
  if (!blob) {
    return [
      {
        rule: "manifest/corrupt",
        level: "error",
        file: MANIFEST_PATH,
        message: `the staged manifest's blob ${manifestIdx.oid} is missing from the object database`,
        fix: "run `git fsck`",
      },
    ];
  }
  countManifestRead(blob);
  const run: StagedRun = { git, state, covered, inScope, verdict, manifestChanged, stateDir, source };
  if (isShardedRootBytes(blob)) return checkStagedSharded(run, blob);
  // A reseal must agree with every staged file it seals, not only the changed ones: the whole index.
  if (manifestChanged && !state.wholeIndex) run.state = { ...wholeIndexState(await git.lsCommitted()), changed, deleted };
  const read = readManifestText(blob, MANIFEST_PATH, { prevalidated: verdict !== undefined });
  if (!read.manifest) return read.findings.map((f) => ({ ...f, message: `staged ${f.message}` }));
  if (!verdict && read.findings.length === 0) {
    const extra = read.manifest.entries.filter((e) => !covered(e.path)).map((e) => e.path);
    await recordManifestBlobVerdict(stateDir, manifestIdx.oid, filter, extra);
  }
  const entries = new Map(read.manifest.entries.map((e, i) => [e.path, { e, line: entryLine(i), file: MANIFEST_PATH }]));
  const candidates = new Set<string>();
  for (const p of [...changed, ...deleted])
    if (!isManifestFile(p, MANIFEST_PATH) && (covered(p) || entries.has(p)) && inScope(p)) candidates.add(p);
  // A changed manifest must agree with every staged file it seals, not only the changed ones,
  // and seal every covered file the commit holds: a reseal that left some out (made where they
  // were missing from the work tree, e.g. a sparse checkout) would unprotect them silently.
  if (manifestChanged)
    for (const [p, e] of run.state.byPath)
      if (entries.has(p) || (covered(p) && inScope(p) && e.mode !== "160000" && !isManifestFile(p, MANIFEST_PATH))) candidates.add(p);
  return [...read.findings, ...(await compareStaged(run, candidates, entries, RESEAL))];
}

const RESEAL_SHARDED = "run `integrity-guard seal && git add .integrity-guard/` (after checking the change is intended)";
const SHARD_PREFIX = MANIFEST_SHARD_DIR + "/";
const isShardFile = (p: string) => p.startsWith(SHARD_PREFIX);

function countManifestRead(b: Buffer): void {
  stagedRunStats.manifestFilesRead++;
  stagedRunStats.manifestBytesRead += b.length;
}

/** What checkStaged hands its layout-specific halves. */
interface StagedRun {
  git: Git;
  state: StagedState;
  covered: (p: string) => boolean;
  inScope: (p: string) => boolean;
  verdict: ReadonlySet<string> | undefined;
  manifestChanged: boolean;
  stateDir: string;
  /** The hook's source: its staged diff lets HEAD's tree answer for unchanged shard files. */
  source: StagedSource | undefined;
}

/** A sealed entry and where it is written (root file or shard file, 1-based line). */
interface Located {
  e: ManifestEntry;
  line: number;
  file: string;
}

/** Index entries past which the hook lists the whole index instead of naming paths. */
const NAMED_PATHS_MAX = 64;

/**
 * checkStaged for a sharded manifest (core/manifest/sharded.ts): reads the staged root, the
 * shards of the staged paths that it may seal, and the shards this commit changes; never the
 * others. Every shard read is checked in full against the root's record for it (count, digest,
 * order, safe paths), so tampering with a staged shard is `manifest/corrupt` as for one file.
 * Trust is as for the single file: what HEAD committed is not checked again; every entry of a
 * changed shard must agree with the staged file it seals (a reseal), every staged path with its
 * shard's entry.
 */
async function checkStagedSharded(run: StagedRun, blob: Buffer): Promise<Finding[]> {
  const { git, state, covered, inScope, verdict } = run;
  const staged = (fs: readonly Finding[]) => fs.map((f) => ({ ...f, message: `staged ${f.message}` }));
  const rootRead = readShardedRoot(blob, MANIFEST_PATH);
  if (!rootRead.root) return staged(rootRead.findings);
  const records = rootRead.root.shards;
  const n = records.length;
  // Staged paths the manifest may seal (without a verdict: any, since it may seal paths the globs do not cover).
  const lookups = [...state.changed, ...state.deleted].filter(
    (p) => !isManifestFile(p, MANIFEST_PATH) && inScope(p) && (!verdict || covered(p) || verdict.has(p)),
  );
  const wanted = new Set<number>(lookups.map((p) => bucketOf(p, n)));
  // Shards this commit changes: a staged or deleted shard file, or (when the root is staged) a
  // record that differs from HEAD's root, so a root staged without its shard files is caught.
  const changedShards = new Set<number>();
  const deletedSet = new Set(state.deleted);
  records.forEach((r, i) => {
    const rel = shardFilePath(r.id);
    if (state.byPath.has(rel) || deletedSet.has(rel)) changedShards.add(i);
  });
  let before: ShardedRoot | undefined;
  if (state.byPath.has(MANIFEST_PATH)) {
    const [head] = await git.catFileBatch([`HEAD:${MANIFEST_PATH}`]);
    if (head) countManifestRead(head);
    before = head && isShardedRootBytes(head) ? readShardedRoot(head, MANIFEST_PATH).root : undefined;
    records.forEach((r, i) => {
      const was = before && before.shards.length === n ? before.shards[i] : undefined;
      if (!was || was.sha256 !== r.sha256 || was.count !== r.count) changedShards.add(i);
    });
  }
  for (const i of changedShards) wanted.add(i);
  const want = [...wanted].sort((a, b) => a - b).filter((i) => records[i]!.count > 0);
  const rels = want.map((i) => shardFilePath(records[i]!.id));
  const unnamed = rels.filter((r) => !state.byPath.has(r));
  // Shard files this commit leaves as HEAD has them: HEAD's tree entries (one `git ls-tree` of
  // those paths); the index (which git loads whole) only for what HEAD does not vouch for.
  const fromHead =
    unnamed.length > 0 && run.source ? await unchangedEntries(git, await run.source.diff(), unnamed) : new Map<string, IndexEntry>();
  const rest = unnamed.filter((r) => !fromHead.has(r));
  const named = rest.length > 0 ? await git.lsStaged(rest) : [];
  const oidOf = new Map<string, string>();
  for (const r of rels) {
    const e = state.byPath.get(r) ?? fromHead.get(r) ?? named.find((x) => x.path === r && x.stage === 0);
    if (e) oidOf.set(r, e.oid);
  }
  const blobs = oidOf.size > 0 ? await git.readBlobs([...new Set(oidOf.values())]) : new Map<string, Buffer>();
  // HEAD's lines of every changed shard, emptied ones too: an entry a reseal dropped is found there.
  const headLines = await headShardLines(git, before, n, [...changedShards]);
  const findings: Finding[] = [...staged(rootRead.findings)];
  const entries = new Map<string, Located>();
  const inChanged: string[] = [];
  for (const i of want) {
    const rel = shardFilePath(records[i]!.id);
    const oid = oidOf.get(rel);
    const bytes = oid ? blobs.get(oid) : undefined;
    if (bytes) countManifestRead(bytes);
    const s = readShard(bytes, rel, records[i]!, i, n);
    appendAll(findings, staged(s.findings));
    const was = headLines.get(i);
    s.entries?.forEach((e, k) => {
      entries.set(e.path, { e, line: k + 1, file: rel });
      // An entry of a changed shard that HEAD's shard holds as is was checked when HEAD was.
      if (changedShards.has(i) && !was?.has(stringifyEntry(e))) inChanged.push(e.path);
    });
  }
  if (findings.some((f) => f.level === "error")) return findings;
  const candidates = new Set<string>();
  for (const p of lookups) if (covered(p) || entries.has(p)) candidates.add(p);
  // Entries HEAD's version of a changed shard holds and the staged one dropped: a file the commit
  // still holds must stay sealed (a reseal made where it was missing from the work tree).
  for (const i of changedShards) {
    for (const line of headLines.get(i) ?? []) {
      const p = droppedPath(line, entries);
      if (p !== undefined && covered(p) && inScope(p)) inChanged.push(p);
    }
  }
  if (inChanged.length > 0) {
    // The entries of a changed shard must agree with the staged files they seal: their index
    // entries, named (or the whole index when there are many, e.g. the first sharded seal).
    const missing = inChanged.filter((p) => !state.byPath.has(p));
    if (missing.length > 0) {
      const listed = missing.length > NAMED_PATHS_MAX ? await git.lsCommitted() : await git.lsCommitted(missing);
      const byPath = new Map(state.byPath);
      for (const e of listed) if (e.stage === 0 && !byPath.has(e.path)) byPath.set(e.path, e);
      run.state = { ...state, byPath };
    }
    for (const p of inChanged) if (run.state.byPath.has(p)) candidates.add(p);
  }
  appendAll(findings, await compareStaged(run, candidates, entries, RESEAL_SHARDED));
  return findings;
}

/** The path of a shard line of HEAD's that the staged shards no longer seal, else undefined. */
function droppedPath(line: string, entries: ReadonlyMap<string, Located>): string | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const p = (JSON.parse(line) as { path?: unknown }).path;
    return typeof p === "string" && !entries.has(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The lines of HEAD's version of each of these shards, when HEAD has a sharded root with the
 * same shard count (else none: every entry of a changed shard is then new to the check).
 */
async function headShardLines(
  git: Git,
  before: ShardedRoot | undefined,
  n: number,
  shards: readonly number[],
): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  if (!before || before.shards.length !== n) return out;
  for (const i of shards) if (before.shards[i]!.count === 0) out.set(i, new Set());
  const asked = shards.filter((i) => before.shards[i]!.count > 0);
  if (asked.length === 0) return out;
  const blobs = await git.catFileBatch(asked.map((i) => `HEAD:${shardFilePath(before.shards[i]!.id)}`));
  asked.forEach((i, k) => {
    const b = blobs[k];
    if (!b) return;
    countManifestRead(b);
    out.set(i, new Set(b.toString("utf8").split("\n")));
  });
  return out;
}

/** The staged content of each candidate path against its sealed entry (shared by both layouts). */
async function compareStaged(
  run: StagedRun,
  candidates: ReadonlySet<string>,
  entries: ReadonlyMap<string, Located>,
  reseal: string,
): Promise<Finding[]> {
  const { git, manifestChanged, stateDir } = run;
  const { byPath, unmerged, deleted } = run.state;
  const findings: Finding[] = [];
  const toHash: { path: string; idx: IndexEntry; sealed?: Located }[] = [];
  const deletedSet = new Set(deleted);
  const changedSet = new Set(run.state.changed);
  for (const p of [...candidates].sort()) {
    if (unmerged.has(p)) continue;
    const sealed = entries.get(p);
    const idx = byPath.get(p);
    if (!idx) {
      if (sealed && deletedSet.has(p)) {
        findings.push({
          rule: "manifest/unsealed-change",
          level: "error",
          file: p,
          message: `${p} is deleted in this commit but the staged manifest still seals it`,
          expected: "the file, or the entry removed from the manifest",
          found: "deleted",
          fix: reseal,
          related: [{ file: sealed.file, line: sealed.line, message: "sealed here" }],
        });
      }
      continue;
    }
    if (idx.mode === "160000") continue; // submodule: not content we hold
    toHash.push({ path: p, idx, ...(sealed ? { sealed } : {}) });
  }
  // Read-only use of the cache: nothing the hook hashes is recorded (a blob's bytes may differ
  // from the work tree's under a checkout filter, and the cache holds work-tree content).
  const mismatched: { path: string; sealed: Located; obs: Observation; idx: IndexEntry }[] = [];
  // The sealed SHA-256s of this commit's own changed blobs: hashStaged reads those from git.
  const changedSealed = new Map<string, Set<string>>();
  for (const t of toHash) {
    if (!t.sealed || !changedSet.has(t.path)) continue;
    let shas = changedSealed.get(t.idx.oid);
    if (!shas) changedSealed.set(t.idx.oid, (shas = new Set()));
    shas.add(t.sealed.e.sha256);
  }
  const observed = await hashStaged(
    git,
    toHash.map((t) => t.idx),
    StatCache.load(StatCache.pathFor(stateDir, git.root)),
    changedSealed,
  );
  for (const t of toHash) {
    const o = observed.get(t.idx.oid);
    if (!o) {
      findings.push({
        rule: "manifest/unreadable",
        level: "error",
        file: t.path,
        message: `the staged blob ${t.idx.oid} of ${t.path} is missing from the object database`,
        fix: "run `git fsck`, then `git add` the file again",
      });
      continue;
    }
    const isLink = t.idx.mode === "120000";
    const obs: Observation = isLink
      ? { kind: "link", sha256: o.sha256, size: o.size, link: o.text }
      : { kind: "file", sha256: o.sha256, size: o.size, ...(t.idx.mode === "100755" ? { mode: "755" } : {}) };
    if (!t.sealed) {
      findings.push({
        rule: "manifest/unsealed-change",
        level: "error",
        file: t.path,
        message: changedSet.has(t.path)
          ? `${t.path} is staged and covered by manifest.include, but the staged manifest does not seal it`
          : `${t.path} is in the commit and covered by manifest.include, but the staged manifest does not seal it (the reseal left it out: was it missing from the work tree, e.g. outside a sparse checkout?)`,
        expected: "an entry in .integrity-guard/manifest.json",
        found: "no entry",
        fix: reseal,
      });
      continue;
    }
    if (same(t.sealed.e, obs)) continue; // the common case of a reseal: no finding, no Map per entry
    mismatched.push({ path: t.path, sealed: t.sealed, obs, idx: t.idx });
  }
  // Under a checkout conversion (eol=crlf, core.autocrlf, a filter) the blob is not the bytes
  // `seal` hashed: those are the work tree's. Where the work-tree file's bytes are what `git add`
  // would store as the staged blob, they are the staged content as checked out, so they are
  // compared instead. Only on a mismatch: no cost on a clean commit.
  const asCheckedOut = await workTreeForms(git, mismatched);
  // A path behind a rewriting clean filter is sealed in its committed form, the blob's own bytes
  // (io/hash/committed-form.ts), while the blob cache may answer with its work-tree form: the
  // blobs still mismatched are read themselves. Only on a mismatch.
  const own = await blobOwnForms(
    git,
    mismatched.filter((m) => !sameOrUndefined(m.sealed.e, asCheckedOut.get(m.path))),
  );
  for (const m of mismatched) {
    const wt = asCheckedOut.get(m.path);
    if (wt && same(m.sealed.e, wt)) continue;
    const blob = own.get(m.idx.oid);
    if (blob && m.obs.kind === "file" && same(m.sealed.e, { ...m.obs, sha256: blob.sha256, size: blob.size })) continue;
    const { obs, sealed } = m;
    const t = { path: m.path, sealed };
    const diff = diffManifest([t.sealed.e], new Map([[t.path, obs]]));
    if (diff.length > 0) {
      const d = diff[0]!;
      findings.push({
        rule: "manifest/unsealed-change",
        level: "error",
        file: t.path,
        message: manifestChanged
          ? `${t.path}: the staged content does not match the staged manifest (resealed before the last edit, or the manifest was edited by hand)`
          : `${t.path} changed but the manifest was not resealed`,
        ...(d.expected ? { expected: d.expected } : {}),
        ...(d.found ? { found: d.found } : {}),
        fix: reseal,
        related: [{ file: t.sealed.file, line: t.sealed.line, message: "sealed here" }],
      });
    }
  }
  return findings;
}

/**
 * Observations of the work-tree files of `candidates` (regular files only) whose bytes git would
 * store as exactly the staged blob (hash-object through the path's conversion), with the index
 * entry's mode. Names that are not UTF-8 are left out (hasRawBytes: no pathspec carries them).
 */
async function workTreeForms(git: Git, candidates: readonly { path: string; idx: IndexEntry }[]): Promise<Map<string, Observation>> {
  const out = new Map<string, Observation>();
  const files = candidates.filter((c) => (c.idx.mode === "100644" || c.idx.mode === "100755") && !hasRawBytes(c.path));
  if (files.length === 0) return out;
  const buf = Buffer.allocUnsafe(1 << 20);
  const seen = new Map<string, Observation>();
  for (const c of files) {
    const r = hashPath(path.join(git.root, c.path), buf); // never follows a symlink, never blocks on a FIFO
    if (r.dig === undefined || r.size === undefined) continue;
    seen.set(c.path, {
      kind: "file",
      sha256: Buffer.from(r.dig, "latin1").toString("hex"),
      size: r.size,
      ...(c.idx.mode === "100755" ? { mode: "755" } : {}),
    });
  }
  const ids = await git.cleanedBlobIds([...seen.keys()]);
  for (const c of files) {
    const o = seen.get(c.path);
    if (o && ids.get(c.path) === c.idx.oid) out.set(c.path, o);
  }
  return out;
}

function sameOrUndefined(e: ManifestEntry, o: Observation | undefined): boolean {
  return o !== undefined && same(e, o);
}

/** SHA-256 and size of the regular-file blobs of `items`, read from git (never the blob cache). */
async function blobOwnForms(git: Git, items: readonly { idx: IndexEntry }[]): Promise<Map<string, { sha256: string; size: number }>> {
  const out = new Map<string, { sha256: string; size: number }>();
  const oids = items.filter((m) => m.idx.mode === "100644" || m.idx.mode === "100755").map((m) => m.idx.oid);
  for (let at = 0; at < oids.length; at += 128) {
    for (const [oid, buf] of await git.readBlobs(oids.slice(at, at + 128)))
      out.set(oid, { sha256: crypto.createHash("sha256").update(buf).digest("hex"), size: buf.length });
  }
  return out;
}

interface BlobHash {
  sha256: string;
  size: number;
  /** Symlink target (for mode 120000 entries). */
  text: string;
}

/**
 * SHA-256 of staged blobs, read a bounded amount at a time (sizes asked first). A regular file's
 * blob that the stat cache's blob half knows is not read again: `seal` and `verify` record, by
 * blob id, the SHA-256 of a tracked file's work-tree bytes when git reported the file clean, and
 * a blob id is a hash of the content. Those are the bytes the manifest seals; without a checkout
 * filter (eol, LFS) they are the blob's own bytes, and with one they are what the blob checks out
 * as, which is what `seal` hashed (hashing the blob itself would disagree with the manifest).
 * Symlinks are always read (their target text is compared).
 */
/** Up to this many blobs, their cache records are searched for rather than the cache parsed. */
const FEW_BLOBS = 64;
/** A changed blob up to this size is read from git rather than looked up in the blob cache; this many bytes in all. */
const DIRECT_MAX = 16 << 20;
const DIRECT_BUDGET = 64 << 20;

/**
 * `changedSealed`: the blobs this commit changes, each with the SHA-256s the manifest seals it
 * as. When few, they are read from git and hashed first (a cost of their own bytes): the blob
 * cache's lookup reads the whole cache (11 MB at 100,000 files, 56 MB at 500,000), and a changed
 * blob is seldom in it. A hash that matches its seal is the answer; any other blob is answered
 * as before (the cache's record when it has one, a filter's work-tree form, else the hash).
 */
async function hashStaged(
  git: Git,
  entries: readonly IndexEntry[],
  cache: StatCache,
  changedSealed: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): Promise<Map<string, BlobHash>> {
  const out = new Map<string, BlobHash>();
  const needText = new Set(entries.filter((e) => e.mode === "120000").map((e) => e.oid));
  const all = [...new Set(entries.map((e) => e.oid))];
  const hashedAhead = new Map<string, BlobHash>();
  const direct = all.length <= FEW_BLOBS ? all.filter((o) => !needText.has(o) && changedSealed.has(o)) : [];
  if (direct.length > 0) {
    const reads = await catFileLimited(
      git,
      direct.map((name) => ({ name, limit: "sized" as const })),
      { maxBytes: DIRECT_MAX, budget: DIRECT_BUDGET },
    );
    direct.forEach((oid, k) => {
      const r = reads[k];
      if (!r || !("data" in r)) return; // missing, too large or deferred: as before
      stagedRunStats.blobsHashed++;
      stagedRunStats.bytesHashed += r.data.length;
      const h = { sha256: crypto.createHash("sha256").update(r.data).digest("hex"), size: r.data.length, text: "" };
      if (changedSealed.get(oid)!.has(h.sha256)) out.set(oid, h);
      else hashedAhead.set(oid, h);
    });
  }
  // Parsing the blob cache costs about its size (5.6 MB at 50,000 files): for a few blobs (a
  // one-file commit) their records are looked up in its bytes instead.
  const rest = all.filter((o) => !out.has(o));
  const peeked =
    rest.length === 0 ? new Map() : all.length <= FEW_BLOBS ? cache.peekBlobs(rest.filter((o) => !needText.has(o))) : undefined;
  const toRead: string[] = [];
  for (const oid of rest) {
    const known = needText.has(oid) ? undefined : peeked ? peeked.get(oid) : cache.blob(oid);
    if (known) {
      stagedRunStats.blobsFromCache++;
      out.set(oid, { sha256: known.sha256, size: known.size, text: "" });
    } else if (hashedAhead.has(oid)) out.set(oid, hashedAhead.get(oid)!);
    else toRead.push(oid);
  }
  const sizes = await git.blobSizes(toRead);
  const LIMIT = 64 << 20;
  let chunk: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const blobs = await git.readBlobs(chunk);
    for (const [oid, buf] of blobs) {
      stagedRunStats.blobsHashed++;
      stagedRunStats.bytesHashed += buf.length;
      out.set(oid, {
        sha256: crypto.createHash("sha256").update(buf).digest("hex"),
        size: buf.length,
        text: buf.length < 4096 ? buf.toString("utf8") : "",
      });
    }
    chunk = [];
    bytes = 0;
  };
  for (const oid of toRead) {
    const size = sizes.get(oid);
    if (size === undefined) continue; // missing: reported by the caller
    if (chunk.length > 0 && bytes + size > LIMIT) await flush();
    chunk.push(oid);
    bytes += size;
  }
  await flush();
  return out;
}

export const check: Check = {
  name: "manifest",
  async run(ctx: CheckContext): Promise<Finding[]> {
    // Staged mode is commit-level (the staged manifest must agree with every staged change,
    // deletions included), so the path restriction, which lists staged changes, is not applied.
    // Its reads depend on each other (root, shards, HEAD's, the staged blobs): one cat-file process for all of them.
    if (ctx.source.kind === "index")
      return withSparseAdd(
        ctx.git,
        await ctx.git.withCatFileSession(() =>
          checkStaged(ctx.git, ctx.config, undefined, ctx.source instanceof StagedSource ? ctx.source : undefined),
        ),
      );
    const out = await verifyTree({
      git: ctx.git,
      root: ctx.root,
      config: ctx.config,
      ...(ctx.noCache ? { noCache: true } : {}),
      ...(ctx.paths ? { paths: ctx.paths } : {}),
      interactive: ctx.interactive,
    });
    return withLocalEditsFix(ctx.git, out.findings);
  },
};
