/**
 * Retention in the manner of `restic forget --keep-last N`, per set: the N newest snapshots of
 * each set are kept. A set with no `keep` (or not in the config any more, like `pre-restore`)
 * keeps everything: we never delete what no policy speaks about.
 */

export interface RetentionItem {
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

export interface EpochItem {
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
