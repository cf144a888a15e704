/**
 * The sharded manifest layout (issue 20), used above SINGLE_FILE_MAX entries. Pure.
 *
 * Why this layout: the pre-commit hook must read the entries of the N staged paths without
 * parsing the whole manifest, and a reseal of one file must rewrite only its part. The entries
 * are spread over 2^k shard files by a hash of the path (FNV-1a, below), k chosen from the entry
 * count so that a shard holds about SHARD_TARGET entries; the root file
 * (.integrity-guard/manifest.json) lists every shard's entry count and digest, and its own root
 * digest is a SHA-256 over those lines, so one digest still covers everything (a Merkle tree of
 * depth two, as git trees nest). A staged path's shard is computed from the path alone: the hook
 * reads the root (about 100 bytes a shard: 50 KB at 500,000 entries) and that shard (about 150
 * KB), never the other shards.
 *
 * Why by hash and not by folder: a folder may hold 100,000 files (one shard as big as the whole
 * manifest), and a tree of 5,000 small folders would make the root as big as a shard of its own;
 * a hash bounds both. The cost: a folder's entries are spread over several shards in review, and
 * when the entry count crosses a power of two every shard is rewritten once (like a hash table
 * growing), which keeps the bytes a pure function of the entries (deterministic).
 *
 * Why a single file below SINGLE_FILE_MAX: a small tree's manifest (under 600 KB) is parsed in a
 * few milliseconds, one file reviews better, and every repository sealed so far keeps exactly
 * the bytes it has (format version 1, still read and written as before).
 *
 * Shard file: the canonical entry lines (root.ts stringifyEntry) sorted by path, each followed
 * by "\n" (JSON Lines); its digest is SHA-256 of exactly those bytes (the version-1 root digest
 * of its entries). An empty shard has no file (count 0, digest of no bytes).
 */
import { isCrlfCheckout } from "./line-ends.js";
import { createHash } from "node:crypto";
import type { Finding } from "../finding.js";
import { MANIFEST_ALGORITHM, MANIFEST_FORMAT, comparePaths, type ManifestEntry } from "./model.js";
import { rootDigestOfLines, stringifyEntry } from "./root.js";
import { checkEntryPath, isPlainSafePath, matchesEntrySchema, noncanonical } from "./validate.js";

/** The folder of the shard files. */
export const MANIFEST_SHARD_DIR = ".integrity-guard/manifest.d";
/** Manifests of at most this many entries keep the single-file layout (version 1). */
export const SINGLE_FILE_MAX = 4096;
/** About how many entries a shard holds. */
export const SHARD_TARGET = 1024;
/**
 * @internal Test seam: the limits shardCountFor uses (tests lower them to get a sharded layout
 * from a handful of files). Never changed outside tests: the layout must be the same everywhere.
 */
export const layoutLimits = { singleFileMax: SINGLE_FILE_MAX, shardTarget: SHARD_TARGET };
const SHARDED_VERSION = 2;
const SHARDED_LAYOUT = "sharded";

/** One line of the root: a shard's id, entry count and digest. */
export interface ShardRecord {
  count: number;
  id: string;
  sha256: string;
}

export interface ShardedRoot {
  algorithm: typeof MANIFEST_ALGORITHM;
  format: typeof MANIFEST_FORMAT;
  layout: typeof SHARDED_LAYOUT;
  root: string;
  shards: ShardRecord[];
  version: typeof SHARDED_VERSION;
}

/** How many shards a manifest of `entries` entries has: 1 means the single-file layout. */
export function shardCountFor(entries: number): number {
  if (entries <= layoutLimits.singleFileMax) return 1;
  let n = 2;
  while (entries / n > layoutLimits.shardTarget) n *= 2;
  return n;
}

/**
 * The shard (0-based) of a path among `count` (a power of two): FNV-1a 32-bit over the path's
 * UTF-16 code units. Not a cryptographic hash: it only spreads paths, costs nothing per entry
 * (every full read checks each entry lies in its shard), and tampering is caught by the digests.
 */
export function bucketOf(path: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    h ^= path.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (count - 1);
}

/** The id of shard `index` among `count`: lower-case hex, as wide as the largest id. */
export function shardId(index: number, count: number): string {
  return index.toString(16).padStart((count - 1).toString(16).length, "0");
}

/** Repo-relative path of a shard file. */
export function shardFilePath(id: string): string {
  return `${MANIFEST_SHARD_DIR}/${id}.jsonl`;
}

/** Whether a repo-relative path is one of the manifest's own files (root or shard). */
export function isManifestFile(p: string, manifestPath: string): boolean {
  return p === manifestPath || p.startsWith(MANIFEST_SHARD_DIR + "/");
}

/**
 * True when these root bytes are a sharded root. `"layout":"sharded"` cannot occur in a
 * version-1 manifest that passes its checks (every string in it is JSON-escaped, and no entry has
 * a "layout" key), so a false positive is a manifest that is corrupt either way.
 */
export function isShardedRootBytes(bytes: Buffer | string): boolean {
  return bytes.indexOf('"layout":"sharded"') !== -1;
}

function stringifyRecord(r: ShardRecord): string {
  return `{"count":${r.count},"id":"${r.id}","sha256":"${r.sha256}"}`;
}

/** The root digest: SHA-256 over the stringified shard records, each followed by "\n". */
export function shardedRootDigest(records: readonly ShardRecord[]): string {
  return rootDigestOfLines(records.map(stringifyRecord));
}

/** The root file's text (ends with a newline). */
export function renderShardedRoot(root: ShardedRoot): string {
  const shards = root.shards.length === 0 ? "[]" : "[\n" + root.shards.map(stringifyRecord).join(",\n") + "\n]";
  return (
    `{"algorithm":${JSON.stringify(root.algorithm)},"format":${JSON.stringify(root.format)},"layout":"${SHARDED_LAYOUT}",` +
    `"root":${JSON.stringify(root.root)},"shards":${shards},"version":${SHARDED_VERSION}}\n`
  );
}

interface ShardedLayout {
  root: ShardedRoot;
  /** Root file text. */
  rootText: string;
  /** Repo-relative shard path -> text, for the non-empty shards. */
  files: Map<string, string>;
}

/** Spread sorted, normalised entries over shards (count > 1). */
export function buildSharded(sorted: readonly ManifestEntry[], count: number): ShardedLayout {
  // Each shard's entries (indexes, in manifest order), then its lines, one shard at a time: the
  // lines of every entry at once were about 70 MB at 500,000 entries.
  const members: number[][] = Array.from({ length: count }, () => []);
  for (let k = 0; k < sorted.length; k++) members[bucketOf(sorted[k]!.path, count)]!.push(k);
  const files = new Map<string, string>();
  const shards = members.map((ks, i) => {
    const id = shardId(i, count);
    // The shard's digest is over exactly its text (rootDigestOfLines of its lines): joined once.
    const text = ks.length > 0 ? ks.map((k) => stringifyEntry(sorted[k]!)).join("\n") + "\n" : "";
    if (ks.length > 0) files.set(shardFilePath(id), text);
    members[i] = [];
    return { count: ks.length, id, sha256: createHash("sha256").update(text).digest("hex") };
  });
  return { ...shardedRootOf(shards), files };
}

/** A packed manifest's entries as the shard writer reads them (compact.ts ManifestIndex). */
interface PackedEntries {
  readonly size: number;
  path(i: number): string;
  entry(i: number): ManifestEntry;
}

/** One shard of a layout: its record for the root, and its text (empty: no file). */
interface ShardText {
  rel: string;
  text: string;
  record: ShardRecord;
}

/**
 * The shards of packed, sorted entries (count > 1), one at a time (issue 20): the caller writes
 * each and drops it before the next is built, where buildSharded held every shard's text at once
 * (about 60 MB at 500,000 entries). The same texts and records as buildSharded.
 */
export function* shardTexts(entries: PackedEntries, count: number): Generator<ShardText> {
  // Entry indexes grouped by shard, in manifest order within each (a counting sort).
  const n = entries.size;
  const bucket = new Int32Array(n);
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < n; k++) starts[(bucket[k] = bucketOf(entries.path(k), count)) + 1]!++;
  for (let i = 0; i < count; i++) starts[i + 1]! += starts[i]!;
  const order = new Int32Array(n);
  const fill = starts.slice(0, count);
  for (let k = 0; k < n; k++) order[fill[bucket[k]!]!++] = k;
  for (let i = 0; i < count; i++) {
    const id = shardId(i, count);
    const lines: string[] = [];
    for (let j = starts[i]!; j < starts[i + 1]!; j++) lines.push(stringifyEntry(entries.entry(order[j]!)));
    const text = lines.length > 0 ? lines.join("\n") + "\n" : "";
    yield { rel: shardFilePath(id), text, record: { count: lines.length, id, sha256: createHash("sha256").update(text).digest("hex") } };
  }
}

/** The sharded root over the shards' records (in shard order), and its file text. */
export function shardedRootOf(shards: ShardRecord[]): { root: ShardedRoot; rootText: string } {
  const root: ShardedRoot = {
    algorithm: MANIFEST_ALGORITHM,
    format: MANIFEST_FORMAT,
    layout: SHARDED_LAYOUT,
    root: shardedRootDigest(shards),
    shards,
    version: SHARDED_VERSION,
  };
  return { root, rootText: renderShardedRoot(root) };
}

const HEX64 = /^[0-9a-f]{64}$/;
const FIX =
  "restore the manifest from git (`git checkout -- .integrity-guard/manifest.json .integrity-guard/manifest.d`) or, once the files are known good, run `integrity-guard seal`";

function corrupt(file: string, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    line: 1,
    column: 1,
    ...extra,
    rule: "manifest/corrupt",
    level: "error",
    file,
    message: `corrupt manifest: ${message}`,
    fix: FIX,
  };
}

interface RootRead {
  root?: ShardedRoot;
  findings: Finding[];
}

/** Parse and check a sharded root: shape, shard ids and count, root digest, canonical form. */
export function readShardedRoot(text: Buffer | string, file: string): RootRead {
  const str = typeof text === "string" ? text : text.toString("utf8");
  let v: unknown;
  try {
    v = JSON.parse(str);
  } catch (error) {
    return { findings: [corrupt(file, `the root is not valid JSON (${(error as Error).message})`)] };
  }
  const shape = rootShapeProblem(v);
  if (shape) return { findings: [corrupt(file, shape.message, { pointer: shape.pointer })] };
  const root = v as ShardedRoot;
  const n = root.shards.length;
  for (let i = 0; i < n; i++) {
    if (root.shards[i]!.id !== shardId(i, n)) {
      return {
        findings: [
          corrupt(file, `shard ${i} has id ${JSON.stringify(root.shards[i]!.id)}, expected ${JSON.stringify(shardId(i, n))}`, {
            pointer: `/shards/${i}/id`,
            line: i + 2,
          }),
        ],
      };
    }
  }
  const digest = shardedRootDigest(root.shards);
  if (digest !== root.root) {
    return {
      findings: [
        corrupt(file, "the manifest's root digest does not match its shard list: it was edited by hand or damaged", {
          pointer: "/root",
          expected: digest,
          found: root.root,
        }),
      ],
    };
  }
  const findings: Finding[] = [];
  const total = root.shards.reduce((s, r) => s + r.count, 0);
  const canonical = renderShardedRoot(root);
  if ((canonical !== str && !isCrlfCheckout(canonical, str)) || shardCountFor(total) !== n) findings.push(noncanonical(file));
  return { root, findings };
}

function rootShapeProblem(v: unknown): { message: string; pointer: string } | undefined {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { message: "the root is not a JSON object", pointer: "" };
  const m = v as Record<string, unknown>;
  const keys = ["algorithm", "format", "layout", "root", "shards", "version"];
  for (const k of Object.keys(m))
    if (!keys.includes(k)) return { message: `unexpected key ${JSON.stringify(k)} in the root`, pointer: `/${k}` };
  if (m.format !== MANIFEST_FORMAT) return { message: `"format" must be ${JSON.stringify(MANIFEST_FORMAT)}`, pointer: "/format" };
  if (m.version !== SHARDED_VERSION) return { message: `a sharded root must have "version": ${SHARDED_VERSION}`, pointer: "/version" };
  if (m.algorithm !== MANIFEST_ALGORITHM) return { message: `"algorithm" must be "sha256"`, pointer: "/algorithm" };
  if (m.layout !== SHARDED_LAYOUT) return { message: `"layout" must be "sharded"`, pointer: "/layout" };
  if (typeof m.root !== "string" || !HEX64.test(m.root)) return { message: `"root" must be 64 lower-case hex digits`, pointer: "/root" };
  if (!Array.isArray(m.shards)) return { message: `"shards" must be an array`, pointer: "/shards" };
  const n = m.shards.length;
  if (n < 2 || (n & (n - 1)) !== 0)
    return { message: `"shards" must hold a power of two (at least 2) shard records, found ${n}`, pointer: "/shards" };
  for (let i = 0; i < n; i++) {
    const r = m.shards[i] as Record<string, unknown> | null;
    const where = `/shards/${i}`;
    if (typeof r !== "object" || r === null || Array.isArray(r)) return { message: `shard record ${i} is not an object`, pointer: where };
    const rk = Object.keys(r);
    if (rk.length !== 3 || !rk.every((k) => k === "count" || k === "id" || k === "sha256"))
      return { message: `shard record ${i} must have exactly "count", "id" and "sha256"`, pointer: where };
    if (typeof r.count !== "number" || !Number.isInteger(r.count) || r.count < 0)
      return { message: `shard record ${i}: "count" must be an integer >= 0`, pointer: `${where}/count` };
    if (typeof r.id !== "string") return { message: `shard record ${i}: "id" must be a string`, pointer: `${where}/id` };
    if (typeof r.sha256 !== "string" || !HEX64.test(r.sha256))
      return { message: `shard record ${i}: "sha256" must be 64 lower-case hex digits`, pointer: `${where}/sha256` };
  }
  return undefined;
}

interface ShardRead {
  entries?: ManifestEntry[];
  findings: Finding[];
}

/**
 * Parse and check one shard file against its root record: every line an entry of the schema
 * with a safe path (`..`, absolute: UnsafePathError, exit 2, as for a single-file manifest),
 * sorted and unique, in the right shard, the count and the digest as the root says (an edit,
 * truncation, reordering or a swapped shard fails here). `bytes` undefined: the file is absent.
 * `prevalidated`: these exact bytes passed every check before, only parse them.
 */
export function readShard(
  bytes: Buffer | string | undefined,
  file: string,
  record: ShardRecord,
  index: number,
  count: number,
  options: { prevalidated?: boolean } = {},
): ShardRead {
  if (bytes === undefined) {
    if (record.count === 0) return { entries: [], findings: [] };
    return {
      findings: [
        corrupt(file, `the shard file is missing, but the root lists ${record.count} entries in it`, {
          fix: `${FIX}; stage it with \`git add ${MANIFEST_SHARD_DIR}\``,
        }),
      ],
    };
  }
  const str = typeof bytes === "string" ? bytes : bytes.toString("utf8");
  if (str.length > 0 && !str.endsWith("\n"))
    return { findings: [corrupt(file, "the shard does not end with a newline: it was truncated", { line: str.split("\n").length })] };
  const raw = str.length === 0 ? [] : str.slice(0, -1).split("\n");
  const entries: ManifestEntry[] = [];
  const lines: string[] = [];
  const findings: Finding[] = [];
  /** Whether every line was read by canonicalEntry (then the lines are the canonical text itself). */
  let allCanonical = true;
  let prev: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    const text = raw[i]!;
    const fast = canonicalEntry(text);
    if (fast && options.prevalidated) {
      entries.push(fast);
      continue;
    }
    let e: ManifestEntry;
    if (fast) e = fast;
    else {
      allCanonical = false;
      let v: unknown;
      try {
        v = JSON.parse(text);
      } catch (error) {
        return { findings: [corrupt(file, `line ${line} is not valid JSON (${(error as Error).message})`, { line })] };
      }
      if (options.prevalidated) {
        entries.push(v as ManifestEntry);
        continue;
      }
      if (!matchesEntrySchema(v))
        return { findings: [corrupt(file, `line ${line} is not a manifest entry (path, sha256, size, optional link and mode)`, { line })] };
      e = v as ManifestEntry;
    }
    checkEntryPath(e.path, i, `${file} line ${line}`);
    if (prev !== undefined && !(prev < e.path)) {
      findings.push(
        corrupt(
          file,
          prev === e.path
            ? `entry ${JSON.stringify(e.path)} appears twice`
            : `entries are not sorted: ${JSON.stringify(e.path)} comes after ${JSON.stringify(prev)}`,
          { line },
        ),
      );
    }
    if (bucketOf(e.path, count) !== index)
      findings.push(corrupt(file, `entry ${JSON.stringify(e.path)} does not belong in shard ${record.id}`, { line }));
    prev = e.path;
    entries.push(e);
    // A canonical line is its own stringified entry.
    lines.push(fast ? text : stringifyEntry(e));
  }
  if (options.prevalidated) return { entries, findings: [] };
  if (entries.length !== record.count)
    findings.push(
      corrupt(
        file,
        `the shard holds ${entries.length} entries but the root lists ${record.count}: entries were added or removed by hand, or the file was truncated`,
        { expected: String(record.count), found: String(entries.length) },
      ),
    );
  // Every line canonical: the lines joined are the text itself, so its digest is the file's.
  const digest = allCanonical ? createHash("sha256").update(str).digest("hex") : rootDigestOfLines(lines);
  if (digest !== record.sha256)
    findings.push(
      corrupt(file, `the shard's digest does not match the root's record for it: it was edited by hand or damaged`, {
        expected: record.sha256,
        found: digest,
      }),
    );
  if (findings.length > 0) return { findings };
  if (!allCanonical && lines.length > 0) {
    const canonical = lines.join("\n") + "\n";
    if (canonical !== str && !isCrlfCheckout(canonical, str)) findings.push(noncanonical(file));
  }
  return { entries, findings };
}

/**
 * A line exactly as seal writes the entry of a regular file whose path is plain (ASCII letters,
 * digits, `_`, `-`, `.`, `/`: nothing JSON escapes) with a size JSON prints as written (at most 15
 * digits, no leading zero). Such a line is a valid entry by construction and is its own canonical
 * form, so it is read without JSON.parse and without stringifying it again: most lines of a
 * manifest. Anything else (links, other names, other formatting) takes JSON.parse and the full
 * checks.
 */
const CANONICAL_LINE = /^\{(?:"mode":"755",)?"path":"([\w./-]+)","sha256":"([0-9a-f]{64})","size":(0|[1-9][0-9]{0,14})\}$/;

/** The entry of a canonical line (see CANONICAL_LINE), or undefined. */
export function canonicalEntry(line: string): ManifestEntry | undefined {
  const m = CANONICAL_LINE.exec(line);
  if (!m) return undefined;
  const e: ManifestEntry = { path: m[1]!, sha256: m[2]!, size: Number(m[3]) };
  if (line.charCodeAt(2) === 0x6d /* "mode" */) e.mode = "755";
  return e;
}

const PATH_PREFIX = Buffer.from('{"path":"', "latin1");
const MODE_PREFIX = Buffer.from('{"mode":"755","path":"', "latin1");
const SHA_KEY = Buffer.from('","sha256":"', "latin1");
const SIZE_KEY = Buffer.from('","size":', "latin1");
/** The bytes of CANONICAL_LINE's path: `[\w./-]` (ASCII letters, digits, `_`, `.`, `/`, `-`). */
const PATH_BYTE = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-") PATH_BYTE[c.charCodeAt(0)] = 1;

function bytesAt(b: Uint8Array, at: number, literal: Uint8Array): boolean {
  if (at + literal.length > b.length) return false;
  for (let k = 0; k < literal.length; k++) if (b[at + k] !== literal[k]) return false;
  return true;
}

/** Where packShard adds entries (compact.ts ManifestIndexBuilder). */
interface PackTarget {
  readonly length: number;
  addHex(path: string, src: Uint8Array, at: number, size: number, executable: boolean): boolean;
  truncate(length: number): void;
}

/**
 * readShard's common case read straight from the bytes into a packed index (issue 20: cold
 * verify of 20,000 files spent about a third of its main thread reading the manifest through line
 * strings, regular expression matches, entry objects and hex strings). Only when every line is a
 * canonical line (CANONICAL_LINE, matched byte by byte) with a plain safe path (isPlainSafePath),
 * the lines sorted and unique, each in shard `index`, as many as the record says, and the bytes
 * of the record's digest, are the entries added to `into` and is the answer true: exactly the
 * entries readShard reads from such a shard, with no finding. Anything else answers false with
 * `into` as it was, and the caller reads the shard with readShard, whose findings (or
 * UnsafePathError) are then the ones it always gave.
 */
export function packShard(bytes: Buffer, record: ShardRecord, index: number, count: number, into: PackTarget): boolean {
  const end = bytes.length;
  if (end === 0 || bytes[end - 1] !== 0x0a) return false;
  // Every line canonical: the bytes are the lines' text, so its digest is readShard's.
  if (createHash("sha256").update(bytes).digest("hex") !== record.sha256) return false;
  const mark = into.length;
  const fail = () => {
    into.truncate(mark);
    return false;
  };
  let prev = "";
  let n = 0;
  for (let at = 0; at < end;) {
    let executable = false;
    if (bytesAt(bytes, at, PATH_PREFIX)) at += PATH_PREFIX.length;
    else if (bytesAt(bytes, at, MODE_PREFIX)) {
      at += MODE_PREFIX.length;
      executable = true;
    } else return fail();
    const from = at;
    // bucketOf's FNV-1a, over the bytes: each is one UTF-16 code unit of the (ASCII) path.
    let h = 0x811c9dc5;
    while (at < end && PATH_BYTE[bytes[at]!] === 1) {
      h ^= bytes[at]!;
      h = Math.imul(h, 0x01000193);
      at++;
    }
    if (at === from || !bytesAt(bytes, at, SHA_KEY)) return fail();
    // A new string, not a slice of a bigger one: the index keeps it without keeping the bytes.
    const path = bytes.toString("latin1", from, at);
    at += SHA_KEY.length;
    const hexAt = at;
    at += 64;
    if (!bytesAt(bytes, at, SIZE_KEY)) return fail();
    at += SIZE_KEY.length;
    const digitsFrom = at;
    let size = 0;
    while (at < end && bytes[at]! >= 0x30 && bytes[at]! <= 0x39) size = size * 10 + (bytes[at++]! - 0x30);
    const digits = at - digitsFrom;
    if (digits === 0 || digits > 15 || (digits > 1 && bytes[digitsFrom] === 0x30)) return fail();
    if (bytes[at] !== 0x7d || bytes[at + 1] !== 0x0a) return fail();
    at += 2;
    if ((n > 0 && !(prev < path)) || ((h >>> 0) & (count - 1)) !== index || !isPlainSafePath(path)) return fail();
    if (!into.addHex(path, bytes, hexAt, size, executable)) return fail();
    prev = path;
    n++;
  }
  return n === record.count || fail();
}

/** Sort entries gathered from shards into manifest order (each shard is sorted already). */
export function mergeShardEntries(parts: readonly ManifestEntry[][]): ManifestEntry[] {
  const all: ManifestEntry[] = [];
  for (const p of parts) for (const e of p) all.push(e);
  return all.sort((a, b) => comparePaths(a.path, b.path));
}

/** SHA-256 of a root and its shard files together: the key the caches remember a clean read by. */
export function manifestSetDigest(rootBytes: Buffer, shards: ReadonlyMap<string, Buffer | undefined>): string {
  const h = createHash("sha256").update(rootBytes);
  for (const [p, b] of [...shards].sort((a, b) => comparePaths(a[0], b[0]))) {
    h.update(`\0${p}\0${b ? b.length : -1}\0`);
    if (b) h.update(b);
  }
  return h.digest("hex");
}
