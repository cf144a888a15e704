/**
 * Backup facts from the snapshot branch: the newest snapshot of each set (commits whose trailers
 * carry `Snapshot-Set` and `Snapshot-Time`, written by `snapshot`), the read-back validation of
 * the newest one, and any health scores
 * recorded with them (`Health-Score: 85 HEALTHY` trailer), for the history chart.
 */
import type { Config } from "../../config/types.js";
import type { BackupFacts, BackupSetFact } from "../../core/health/components.js";
import type { HistoryPoint } from "../../core/health/chart.js";
import type { HealthStatus } from "../../core/health/types.js";
import type { Git } from "../git.js";
import { validateSnapshot } from "./snapshot-validation.js";

const DEFAULT_BRANCH = "integrity-snapshots";
/** Where `snapshot` keeps closed epochs (old chains); their snapshots still count. */
const EPOCH_PREFIX = "refs/integrity-snapshots/epochs/";

interface SnapshotTrailers {
  id: string;
  set?: string;
  time?: string;
  health?: { score: number; status: HealthStatus };
  /** `Manifest-Digest: sha256:<hex>` of the snapshot's stored manifest. */
  digest?: string;
}

/** The first value of each trailer-like line `Name: value` (the first wins, as `snapshot` reads them). */
export function parseTrailers(id: string, message: string): SnapshotTrailers {
  const t = new Map<string, string>();
  for (const line of message.replace(/\r\n/g, "\n").split("\n")) {
    const m = /^([A-Za-z][A-Za-z-]*): (.*)$/.exec(line);
    if (m && !t.has(m[1]!)) t.set(m[1]!, m[2]!.trim());
  }
  const out: SnapshotTrailers = { id };
  const set = t.get("Snapshot-Set");
  const time = t.get("Snapshot-Time");
  if (set && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(set)) out.set = set;
  if (time && Number.isFinite(Date.parse(time))) out.time = new Date(Date.parse(time)).toISOString();
  const hs = /^(\d{1,3})(?:\s+(HEALTHY|DEGRADED|CRITICAL))?$/.exec(t.get("Health-Score") ?? "");
  if (hs && Number(hs[1]) <= 100) out.health = { score: Number(hs[1]), status: (hs[2] as HealthStatus | undefined) ?? "HEALTHY" };
  const digest = t.get("Manifest-Digest");
  if (digest) out.digest = digest;
  return out;
}

/** Read the snapshot branch once: backup facts per set, and health points recorded with snapshots. */
export async function readSnapshotFacts(
  git: Git,
  config: Config,
  maxAgeMs: Record<string, number>,
): Promise<{ backups: BackupFacts; history: HistoryPoint[] }> {
  const branch = config.snapshots?.branch ?? DEFAULT_BRANCH;
  const names = [...new Set([...Object.keys(config.snapshots?.sets ?? {}), ...Object.keys(maxAgeMs)])].sort();
  const backups: BackupFacts = { branch, sets: [] };
  const history: HistoryPoint[] = [];
  let log: { id: string; time: string; message: string }[] = [];
  try {
    log = await git.snapshotCommitLog(`refs/heads/${branch}`, EPOCH_PREFIX);
  } catch (error) {
    backups.failed = (error as Error).message.split("\n")[0]!;
  }
  const newest = new Map<string, { commit: string; time: string; digest?: string }>();
  const counts = new Map<string, number>();
  for (const c of log) {
    const t = parseTrailers(c.id, c.message);
    if (t.set && t.time) {
      counts.set(t.set, (counts.get(t.set) ?? 0) + 1);
      const prev = newest.get(t.set);
      if (!prev || Date.parse(t.time) > Date.parse(prev.time))
        newest.set(t.set, { commit: c.id, time: t.time, ...(t.digest ? { digest: t.digest } : {}) });
    }
    if (t.health)
      history.push({ time: t.time ?? c.time, score: t.health.score, status: t.health.status, source: `snapshot:${c.id.slice(0, 12)}` });
  }
  for (const name of names) {
    const set: BackupSetFact = { name, count: counts.get(name) ?? 0 };
    const n = newest.get(name);
    if (n) set.newest = { commit: n.commit, time: n.time };
    if (maxAgeMs[name] !== undefined) set.maxAgeMs = maxAgeMs[name];
    backups.sets.push(set);
  }
  // The last backup: the newest snapshot of the configured sets, read back and checked.
  const last = names
    .map((n) => newest.get(n))
    .filter((n) => n !== undefined)
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0];
  if (last) {
    const v = await validateSnapshot(git, last.commit, last.digest);
    backups.lastValidation = { ok: v.ok, commit: last.commit, time: last.time, ...(v.message ? { message: v.message } : {}) };
  }
  return { backups, history };
}
