/**
 * Merge the `verify --shard K/N --format json` reports of N shards into one: findings
 * concatenated, numeric summary fields summed. Refuses reports that do not make exactly one
 * complete set of shards (a missing shard must never pass as a clean verify).
 */
import { UsageError } from "../../errors.js";
import type { Finding } from "../finding.js";
import { appendAll } from "../append.js";

export interface ShardReport {
  file: string;
  data: unknown;
}

const COUNTS = ["entries", "checked", "hashed", "bytes_hashed", "trusted_git", "trusted_cache"];

export function mergeReports(reports: readonly ShardReport[]): { findings: Finding[]; summary: Record<string, unknown> } {
  const findings: Finding[] = [];
  const summary: Record<string, number> = Object.fromEntries(COUNTS.map((k) => [k, 0]));
  const seen = new Map<number, string>();
  let total: number | undefined;
  for (const r of reports) {
    const d = r.data as { version?: unknown; findings?: unknown; summary?: Record<string, unknown> } | null;
    if (!d || d.version !== 1 || !Array.isArray(d.findings) || typeof d.summary !== "object" || d.summary === null) {
      throw new UsageError(`${r.file} is not a verify --format json report`, {
        fix: "pass files written by `verify --shard K/N --format json`",
      });
    }
    const shard = typeof d.summary.shard === "string" ? /^(\d+)\/(\d+)$/.exec(d.summary.shard) : null;
    const k = shard ? Number(shard[1]) : 1;
    const n = shard ? Number(shard[2]) : 1;
    if (total !== undefined && n !== total) throw new UsageError(`${r.file} is shard ${k}/${n} but an earlier report has N=${total}`);
    total = n;
    if (seen.has(k)) throw new UsageError(`shard ${k}/${n} appears twice (${seen.get(k)} and ${r.file})`);
    seen.set(k, r.file);
    appendAll(findings, d.findings as Finding[]);
    for (const key of COUNTS) summary[key]! += typeof d.summary[key] === "number" ? d.summary[key] : 0;
  }
  const missing = Array.from({ length: total ?? 0 }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (missing.length > 0) {
    throw new UsageError(`incomplete set of shards: ${missing.map((k) => `${k}/${total}`).join(", ")} missing`, {
      fix: "pass the report of every shard",
    });
  }
  return { findings, summary: { ...summary, shards: total ?? 0 } };
}
