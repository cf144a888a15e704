/**
 * Reading snapshots back: the live chain (refs/heads/<branch>) and closed epochs
 * (refs/integrity-snapshots/epochs/*), each commit's trailers parsed.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import { parseSnapshotMessage, type SnapshotInfo } from "../../core/snapshot/message.js";
import { UsageError } from "../../errors.js";
import type { Git } from "../git.js";
import { checkRelative } from "../paths.js";

const DEFAULT_BRANCH = "integrity-snapshots";
export const EPOCH_PREFIX = "refs/integrity-snapshots/epochs/";
/** Set name of the automatic snapshot a restore takes first. */
export const PRE_RESTORE_SET = "pre-restore";

export interface SnapshotRecord {
  id: string;
  parents: string[];
  /** Committer time, seconds. */
  time: number;
  /** Undefined when the commit is not a snapshot (no or malformed trailers). */
  info: SnapshotInfo | undefined;
  /** The ref whose chain holds it (the branch, or an epoch ref). */
  ref: string;
}

export function branchRef(config: SnapshotsConfig | undefined): string {
  return `refs/heads/${config?.branch ?? DEFAULT_BRANCH}`;
}

/** The remote snapshots are pushed to and read from (snapshots.remote, default origin). */
export function snapshotRemote(config: SnapshotsConfig | undefined): string {
  return config?.remote ?? "origin";
}

/**
 * Where the remote's branch tip is kept when the local branch has snapshots of its own (the
 * same ref `snapshot --push` fetches into). A URL remote is reduced to ref-safe characters.
 */
export function remoteTrackingRef(config: SnapshotsConfig | undefined): string {
  const remote = snapshotRemote(config).replace(/[^A-Za-z0-9._-]+/g, "_");
  return `refs/integrity-snapshots/remotes/${remote}/${branchRef(config).slice("refs/heads/".length)}`;
}

/** One chain, newest first (empty when the ref does not exist). */
export async function readChain(git: Git, ref: string): Promise<SnapshotRecord[]> {
  const tip = await git.tryRevParse(ref);
  if (!tip) return [];
  // A chain up to a given tip never changes (commits are immutable): read it once per process.
  const key = `${git.commonDir}\0${ref}\0${tip}`;
  const cached = chainCache.get(key);
  if (cached) return cached;
  const log = await git.logChain(tip);
  const records = log.map((c) => ({ id: c.id, parents: c.parents, time: c.time, info: parseSnapshotMessage(c.message), ref }));
  chainCache.set(key, records);
  return records;
}

const chainCache = new Map<string, SnapshotRecord[]>();

/**
 * All snapshots: live chain first, then closed epochs, each newest first; `remote` holds the
 * snapshots of the remote's branch that the local refs do not (read-only: prune never acts on it).
 */
export async function listAllSnapshots(
  git: Git,
  config: SnapshotsConfig | undefined,
): Promise<{ live: SnapshotRecord[]; epochs: { ref: string; chain: SnapshotRecord[] }[]; remote: SnapshotRecord[] }> {
  const live = await readChain(git, branchRef(config));
  const epochs = [];
  for (const { ref } of await git.listRefs(EPOCH_PREFIX)) epochs.push({ ref, chain: await readChain(git, ref) });
  const seen = new Set([...live, ...epochs.flatMap((e) => e.chain)].map((r) => r.id));
  const remote = (await readChain(git, remoteTrackingRef(config))).filter((r) => !seen.has(r.id));
  return { live, epochs, remote };
}

/** Every snapshot once (live, epochs, then the remote's), in listing order. */
export function uniqueRecords(all: {
  live: SnapshotRecord[];
  epochs: { chain: SnapshotRecord[] }[];
  remote: SnapshotRecord[];
}): SnapshotRecord[] {
  const seen = new Set<string>();
  return [...all.live, ...all.epochs.flatMap((e) => e.chain), ...all.remote].filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id)));
}

/**
 * Resolve what a user named: "latest" (newest snapshot of any set but pre-restore), a set name
 * (its newest snapshot), or a commit id / prefix that must be a snapshot on one of our refs.
 * With `paths`, "latest" is the newest snapshot that holds every one of them, and a set's newest
 * snapshot must hold them; when it does not, the error names the sets and snapshots that do.
 */
export async function resolveSnapshot(
  git: Git,
  config: SnapshotsConfig | undefined,
  spec: string,
  paths: readonly string[] = [],
): Promise<SnapshotRecord> {
  const { all, epochs } = await allSnapshotsNewestFirst(git, config);
  let found: SnapshotRecord | undefined;
  if (spec === "latest" || !isIdSpec(spec, all)) {
    const named = all.filter(matcherFor(spec));
    if (paths.length === 0 || named.length === 0) found = named[0];
    else {
      const wanted = paths.map((p) => checkRelative(p, "restore path"));
      for (const r of spec === "latest" ? named : named.slice(0, 1)) if (await holdsAll(git, r, wanted)) return r;
      throw await notHeld(git, spec, named[0]!, wanted, all);
    }
  } else {
    const matches = all.filter((r) => r.id.startsWith(spec));
    if (new Set(matches.map((m) => m.id)).size > 1)
      throw new UsageError(`snapshot id ${spec} is ambiguous`, { fix: "give more characters of the id" });
    found = matches[0];
  }
  if (!found) {
    const sets = [...new Set(all.map((r) => r.info!.set))];
    throw new UsageError(`no snapshot matches ${JSON.stringify(spec)} on ${branchRef(config)}${epochs > 0 ? " or its epochs" : ""}`, {
      fix:
        all.length === 0
          ? `take one first: integrity-guard snapshot --set NAME; snapshots pushed from another clone are fetched from ${snapshotRemote(config)} unless --no-fetch (by hand: ${fetchCommandText(config)})`
          : `name a snapshot id, "latest", or a set (${sets.join(", ")}); list them with integrity-guard snapshots`,
    });
  }
  return found;
}

/** The command that fetches the snapshot refs by hand (also printed when the automatic fetch fails). */
export function fetchCommandText(config: SnapshotsConfig | undefined): string {
  const branch = branchRef(config).slice("refs/heads/".length);
  return `git fetch ${snapshotRemote(config)} ${branch}:${branch} '${EPOCH_PREFIX}*:${EPOCH_PREFIX}*'`;
}

/** Whether a snapshot's tree holds every path (file or folder), read with one ls-tree. */
async function holdsAll(git: Git, record: SnapshotRecord, paths: readonly string[]): Promise<boolean> {
  const listed = new Set((await git.lsTreeAt(record.id, paths)).map((e) => e.path));
  return paths.every((p) => listed.has(p));
}

/** How many snapshots, newest first, the "which snapshots hold it" error looks through. */
const HOLDER_SCAN = 200;

/** The error for paths the chosen snapshot does not hold: which sets and snapshots do. */
async function notHeld(
  git: Git,
  spec: string,
  newest: SnapshotRecord,
  paths: readonly string[],
  all: readonly SnapshotRecord[],
): Promise<UsageError> {
  const holders = new Map<string, { set: string; newest: SnapshotRecord; count: number }[]>();
  for (const r of all.slice(0, HOLDER_SCAN)) {
    const listed = new Set((await git.lsTreeAt(r.id, paths)).map((e) => e.path));
    for (const p of paths) {
      if (!listed.has(p)) continue;
      const list = holders.get(p) ?? [];
      const bySet = list.find((h) => h.set === r.info!.set);
      if (bySet) bySet.count++;
      else list.push({ set: r.info!.set, newest: r, count: 1 });
      holders.set(p, list);
    }
  }
  const where = paths.map((p) => {
    const list = holders.get(p) ?? [];
    if (list.length === 0) return `${JSON.stringify(p)} is in no snapshot`;
    return `${JSON.stringify(p)} is in ${list.map((h) => `set ${h.set} (${h.count} snapshot(s), newest ${h.newest.id.slice(0, 12)} of ${h.newest.info!.time})`).join(", ")}`;
  });
  const what = spec === "latest" ? "no snapshot holds" : `the newest snapshot of set ${spec} (${newest.id.slice(0, 12)}) does not hold`;
  const every = paths.length > 1 ? `every one of ${paths.map((p) => JSON.stringify(p)).join(", ")}` : JSON.stringify(paths[0]);
  // A set (not pre-restore) whose newest holder holds every path is the one to name.
  const sets = new Set(paths.flatMap((p) => (holders.get(p) ?? []).map((h) => h.set)));
  const full = [...sets].filter((set) => set !== PRE_RESTORE_SET && paths.every((p) => holders.get(p)?.some((h) => h.set === set)));
  const quote = (p: string) => (/^[A-Za-z0-9_./:@=+-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`);
  const setOf = (p: string) => holders.get(p)?.find((h) => h.set !== PRE_RESTORE_SET)?.set;
  let fix = "name a file or folder a snapshot holds; list a snapshot's files with git ls-tree -r --name-only <snapshot>";
  if (full.length > 0) fix = `restore from a set that holds it: integrity-guard restore ${full[0]} -- ${paths.map(quote).join(" ")}`;
  else if (paths.length > 1 && paths.every(setOf))
    fix = `restore them set by set: ${paths.map((p) => `integrity-guard restore ${setOf(p)} -- ${quote(p)}`).join("; ")}`;
  return new UsageError(`${what} ${every}: ${where.join("; ")}`, { fix });
}

/** Every snapshot (live chain, epochs, the remote's branch) with trailers, newest first. */
async function allSnapshotsNewestFirst(git: Git, config: SnapshotsConfig | undefined): Promise<{ all: SnapshotRecord[]; epochs: number }> {
  const listed = await listAllSnapshots(git, config);
  const all = uniqueRecords(listed).filter((r) => r.info);
  // Committer time has one-second steps; the signed Snapshot-Time trailer breaks ties.
  const at = (r: SnapshotRecord) => Date.parse(r.info!.time) || 0;
  return { all: all.sort((a, b) => b.time - a.time || at(b) - at(a)), epochs: listed.epochs.length };
}

/** Whether `spec` names a snapshot by id (prefix) rather than "latest" or a set. */
function isIdSpec(spec: string, all: readonly SnapshotRecord[]): boolean {
  return /^[0-9a-f]{4,64}$/.test(spec) && all.some((r) => r.id.startsWith(spec));
}

/** "latest": any set but pre-restore; otherwise the set of that name. */
function matcherFor(spec: string): (r: SnapshotRecord) => boolean {
  return spec === "latest" ? (r) => r.info!.set !== PRE_RESTORE_SET : (r) => r.info!.set === spec;
}

/**
 * For "latest" or a set name: the snapshots the name could also stand for, newest first, after
 * `refused` (with `paths`, only those that hold every one of them), yielded one at a time so a
 * caller that verifies each stops at the first that passes. Nothing for a snapshot id, which
 * names one snapshot only.
 */
export async function* olderCandidates(
  git: Git,
  config: SnapshotsConfig | undefined,
  spec: string,
  refused: SnapshotRecord,
  paths: readonly string[] = [],
): AsyncGenerator<SnapshotRecord> {
  const { all } = await allSnapshotsNewestFirst(git, config);
  if (spec !== "latest" && isIdSpec(spec, all)) return;
  const i = all.findIndex((r) => r.id === refused.id);
  const wanted = paths.map((p) => checkRelative(p, "restore path"));
  for (const r of all.slice(i + 1).filter(matcherFor(spec))) if (wanted.length === 0 || (await holdsAll(git, r, wanted))) yield r;
}
