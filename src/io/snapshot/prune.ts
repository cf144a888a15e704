/**
 * Retention without rewriting history. The live chain (refs/heads/<branch>) only ever grows by
 * fast-forward. When it holds a snapshot the policy drops and its root is older than
 * `snapshots.epoch` (default 7d), prune closes it: the tip is kept as
 * refs/integrity-snapshots/epochs/<root-time>-<tip>, and the branch is removed so the next
 * snapshot starts a new chain. Closed epochs are deleted whole once none of their snapshots is
 * kept. No commit is ever re-signed; the only non-fast-forward change is the epoch close, made
 * with a lease (--force-with-lease on the exact old tip) so a concurrent snapshot is never lost.
 */
import type { SnapshotsConfig } from "../../config/types.js";
import {
  DEFAULT_PRE_RESTORE_KEEP,
  epochForecast,
  epochsToDrop,
  selectRetention,
  type EpochForecast,
  type RetentionResult,
} from "../../core/snapshot/retention.js";
import { EnvironmentError } from "../../errors.js";
import type { Git } from "../git.js";
import { branchRef, EPOCH_PREFIX, listAllSnapshots, PRE_RESTORE_SET, type SnapshotRecord } from "./list.js";
import { zeroOidLike } from "./take.js";

interface PrunePlan {
  retention: RetentionResult;
  records: SnapshotRecord[];
  /** Close the live chain into this epoch ref (undefined: leave it). */
  closeLiveAs?: { ref: string; tip: string };
  /** Epoch refs to delete, with the oid they must still have. */
  dropEpochs: { ref: string; oid: string; ids: string[] }[];
  /** Snapshots the policy drops that stay for now (their epoch still holds kept ones). */
  deferred: string[];
  /** For each epoch that stays (the one being closed included): when a later prune deletes it. */
  forecast: EpochForecast[];
  /** The live chain is not closed yet: the earliest time (s) a prune may close it (undefined: nothing to close). */
  closableAt?: number;
}

/** "7d" -> seconds. */
function durationSeconds(d: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?)(s|m|h|d|w)$/.exec(d);
  if (!m) return NaN;
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as "s"];
}

export async function planPrune(git: Git, config: SnapshotsConfig | undefined, now = Math.floor(Date.now() / 1000)): Promise<PrunePlan> {
  const { live, epochs } = await listAllSnapshots(git, config);
  const records = [...live, ...epochs.flatMap((e) => e.chain)].filter((r) => r.info);
  const policy: Record<string, number | undefined> = {};
  // Every restore records a pre-restore snapshot: kept by their own policy, not forever.
  policy[PRE_RESTORE_SET] = config?.pre_restore?.keep ?? DEFAULT_PRE_RESTORE_KEEP;
  for (const [name, set] of Object.entries(config?.sets ?? {})) policy[name] = set.keep;
  const items = records.map((r) => ({ id: r.id, set: r.info!.set, time: Date.parse(r.info!.time) }));
  const retention = selectRetention(items, policy);
  const plan: PrunePlan = { retention, records, dropEpochs: [], deferred: [], forecast: [] };
  const epochItems = epochs.map((e) => ({ ref: e.ref, oid: e.chain[0]?.id ?? "", snapshotIds: e.chain.map((c) => c.id) }));
  const root = live[live.length - 1];
  const epochAge = durationSeconds(config?.epoch ?? "7d");
  if (live.length > 0 && root && live.some((r) => retention.drop.has(r.id)) && now - root.time >= epochAge) {
    const tip = live[0]!.id;
    const ref = `${EPOCH_PREFIX}${new Date(root.time * 1000)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d+Z$/, "Z")}-${tip.slice(0, 12)}`;
    plan.closeLiveAs = { ref, tip };
    epochItems.push({ ref, oid: tip, snapshotIds: live.map((r) => r.id) });
  }
  const drop = new Set(epochsToDrop(epochItems, retention.keep));
  for (const e of epochItems) if (drop.has(e.ref)) plan.dropEpochs.push({ ref: e.ref, oid: e.oid, ids: e.snapshotIds });
  plan.forecast = epochForecast(
    epochItems.filter((e) => !drop.has(e.ref)),
    items,
    policy,
    retention.keep,
  );
  if (!plan.closeLiveAs && root && live.some((r) => retention.drop.has(r.id))) plan.closableAt = root.time + epochAge;
  const gone = new Set(plan.dropEpochs.flatMap((e) => e.ids));
  plan.deferred = [...retention.drop].filter((id) => !gone.has(id));
  return plan;
}

/** Apply a prune plan locally (CAS on every ref) and, with `push`, on the remote. */
export async function applyPrune(git: Git, config: SnapshotsConfig | undefined, plan: PrunePlan, push: boolean): Promise<void> {
  const branch = branchRef(config);
  const remote = config?.remote ?? "origin";
  if (plan.closeLiveAs) {
    const { ref, tip } = plan.closeLiveAs;
    if (!(await git.updateRefCas(ref, tip, zeroOidLike(tip), "integrity-guard prune: close epoch")))
      throw new EnvironmentError(`cannot create ${ref}: it exists already`);
    if (push) {
      const r = await git.pushRefs(remote, [`${ref}:${ref}`]);
      if (!r.ok) throw new EnvironmentError(`push of ${ref} to ${remote} was rejected: ${r.message.trim()}`);
      // The one non-fast-forward change: leased on the exact tip we closed.
      const d = await git.pushRefs(remote, [`:${branch}`], [`--force-with-lease=${branch}:${tip}`]);
      if (!d.ok) {
        await git.deleteRefCas(ref, tip);
        throw new EnvironmentError(
          `${branch} on ${remote} moved while the epoch was being closed (a new snapshot arrived); nothing was pruned`,
          { fix: "run prune again" },
        );
      }
    }
    if (!(await git.deleteRefCas(branch, tip))) {
      throw new EnvironmentError(`${branch} moved while the epoch was being closed; the old chain is safe in ${ref}`, {
        fix: "run prune again",
      });
    }
  }
  for (const e of plan.dropEpochs) {
    if (push) {
      const r = await git
        .pushRefs(remote, [`:${e.ref}`])
        .catch((error: Error) => ({ ok: /does not exist/.test(error.message), message: error.message }));
      if (!r.ok && !/does not exist/.test(r.message))
        throw new EnvironmentError(`deleting ${e.ref} on ${remote} was rejected: ${r.message.trim()}`);
    }
    await git.deleteRefCas(e.ref, e.oid);
  }
}
