/**
 * Reading snapshots back: the live chain (refs/heads/<branch>) and closed epochs
 * (refs/integrity-snapshots/epochs/*), each commit's trailers parsed.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import { parseSnapshotMessage, type SnapshotInfo } from "../../core/snapshot/message.js";
import { UsageError } from "../../errors.js";
import type { Git } from "../git.js";

export const DEFAULT_BRANCH = "integrity-snapshots";
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

/** All snapshots: live chain first, then closed epochs, each newest first. */
export async function listAllSnapshots(
  git: Git,
  config: SnapshotsConfig | undefined,
): Promise<{ live: SnapshotRecord[]; epochs: { ref: string; chain: SnapshotRecord[] }[] }> {
  const live = await readChain(git, branchRef(config));
  const epochs = [];
  for (const { ref } of await git.listRefs(EPOCH_PREFIX)) epochs.push({ ref, chain: await readChain(git, ref) });
  return { live, epochs };
}

/**
 * Resolve what a user named: "latest" (newest snapshot of any set but pre-restore), a set name
 * (its newest snapshot), or a commit id / prefix that must be a snapshot on one of our refs.
 */
export async function resolveSnapshot(git: Git, config: SnapshotsConfig | undefined, spec: string): Promise<SnapshotRecord> {
  const { all, epochs } = await allSnapshotsNewestFirst(git, config);
  let found: SnapshotRecord | undefined;
  if (spec === "latest" || !isIdSpec(spec, all)) found = all.find(matcherFor(spec));
  else {
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
          ? "take one first: integrity-guard snapshot --set NAME"
          : `name a snapshot id, "latest", or a set (${sets.join(", ")}); list them with integrity-guard snapshots`,
    });
  }
  return found;
}

/** Every snapshot (live chain and epochs) with trailers, newest first. */
async function allSnapshotsNewestFirst(git: Git, config: SnapshotsConfig | undefined): Promise<{ all: SnapshotRecord[]; epochs: number }> {
  const { live, epochs } = await listAllSnapshots(git, config);
  const all = [...live, ...epochs.flatMap((e) => e.chain)].filter((r) => r.info);
  return { all: all.sort((a, b) => b.time - a.time), epochs: epochs.length };
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
 * For "latest" or a set name: the snapshots the name could also stand for, newest first,
 * after `refused` (at most `limit`). Empty for a snapshot id, which names one snapshot only.
 */
export async function olderCandidates(
  git: Git,
  config: SnapshotsConfig | undefined,
  spec: string,
  refused: SnapshotRecord,
  limit: number,
): Promise<SnapshotRecord[]> {
  const { all } = await allSnapshotsNewestFirst(git, config);
  if (spec !== "latest" && isIdSpec(spec, all)) return [];
  const i = all.findIndex((r) => r.id === refused.id);
  return all
    .slice(i + 1)
    .filter(matcherFor(spec))
    .slice(0, limit);
}
