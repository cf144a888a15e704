/**
 * Retention in the manner of `restic forget --keep-last N`, per set: the N newest snapshots of
 * each set are kept. A set with no `keep` (or not in the config any more, like `pre-restore`)
 * keeps everything: we never delete what no policy speaks about.
 */

interface RetentionItem {
  id: string;
  set: string;
  /** Milliseconds since the epoch. */
  time: number;
}

export interface RetentionResult {
  keep: Set<string>;
  drop: Set<string>;
  /** Per snapshot id, why it is kept or dropped (for --dry-run output). */
  reasons: Map<string, string>;
}

/** Select what to keep; `policy` maps a set name to its keep count. Pure and order-independent. */
export function selectRetention(items: readonly RetentionItem[], policy: Readonly<Record<string, number | undefined>>): RetentionResult {
  const bySet = new Map<string, RetentionItem[]>();
  for (const item of items) {
    const list = bySet.get(item.set) ?? [];
    list.push(item);
    bySet.set(item.set, list);
  }
  const keep = new Set<string>();
  const drop = new Set<string>();
  const reasons = new Map<string, string>();
  for (const [set, list] of bySet) {
    // Newest first; ties broken by id so the result never depends on input order.
    list.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const n = policy[set];
    list.forEach((item, i) => {
      if (n === undefined) {
        keep.add(item.id);
        reasons.set(item.id, `set ${set} has no keep policy`);
      } else if (i < n) {
        keep.add(item.id);
        reasons.set(item.id, `newest ${i + 1} of ${n} kept for set ${set}`);
      } else {
        drop.add(item.id);
        reasons.set(item.id, `beyond keep ${n} for set ${set}`);
      }
    });
  }
  return { keep, drop, reasons };
}

interface EpochItem {
  /** The ref holding the epoch (refs/integrity-snapshots/epochs/...). */
  ref: string;
  snapshotIds: string[];
}

/**
 * Epochs are dropped whole (no commit is ever rewritten or re-signed): an epoch goes when none
 * of its snapshots is kept; otherwise it stays with everything in it.
 */
export function epochsToDrop(epochs: readonly EpochItem[], keep: ReadonlySet<string>): string[] {
  return epochs.filter((e) => !e.snapshotIds.some((id) => keep.has(id))).map((e) => e.ref);
}

/** Pre-restore snapshots kept by prune when snapshots.pre_restore.keep is not set. */
export const DEFAULT_PRE_RESTORE_KEEP = 20;

/**
 * When an epoch that stays now will be deleted: per set, how many more snapshots of that set
 * must be taken before its last kept snapshot of that set falls beyond `keep` (`after`), or the
 * set whose kept snapshots no policy ever drops (`never`).
 */
export type EpochForecast = { ref: string; after: Record<string, number> } | { ref: string; never: string };

/** Forecast for each epoch that `keep` holds on to. Pure. */
export function epochForecast(
  epochs: readonly EpochItem[],
  items: readonly RetentionItem[],
  policy: Readonly<Record<string, number | undefined>>,
  keep: ReadonlySet<string>,
): EpochForecast[] {
  // Position of each snapshot in its set, newest first (0 = newest), as selectRetention orders them.
  const rank = new Map<string, { set: string; index: number }>();
  const bySet = new Map<string, RetentionItem[]>();
  for (const item of items) bySet.set(item.set, [...(bySet.get(item.set) ?? []), item]);
  for (const [set, list] of bySet) {
    list.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    list.forEach((item, index) => rank.set(item.id, { set, index }));
  }
  const out: EpochForecast[] = [];
  for (const e of epochs) {
    const kept = e.snapshotIds.filter((id) => keep.has(id));
    if (kept.length === 0) continue;
    const after: Record<string, number> = {};
    let never: string | undefined;
    for (const id of kept) {
      const r = rank.get(id);
      if (!r) continue;
      const n = policy[r.set];
      if (n === undefined) {
        never = r.set;
        break;
      }
      after[r.set] = Math.max(after[r.set] ?? 0, n - r.index);
    }
    out.push(never !== undefined ? { ref: e.ref, never } : { ref: e.ref, after });
  }
  return out;
}
