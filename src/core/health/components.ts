/**
 * Scoring of each health component from collected facts (pure: the facts are gathered by
 * src/io/health/collect.ts). Every rule is stated next to its function and in docs/health.md;
 * test/unit/health-components.test.ts checks each at its thresholds.
 */
import type { Finding } from "../finding.js";
import { component } from "./score.js";
import { formatBytes, formatDuration, MIN_FREE_INODES_PERCENT, type CheckThresholds, type FreeSpaceLimit } from "./thresholds.js";
import type { ComponentScore, StatusThresholds } from "./types.js";

// ---------------------------------------------------------------- critical files

export interface CriticalFileFact {
  path: string;
  exists: boolean;
  readable: boolean;
  size?: number;
  /** ISO time of the last modification. */
  mtime?: string;
  /** true/false for JSON and YAML files; undefined for other kinds (not parsed). */
  parses?: boolean;
  /** What is wrong, for people (missing, unreadable, empty, parse error at line:col). */
  problem?: string;
}

/**
 * critical_files: 100 × share of files that exist, are readable, non-empty and parse. Any
 * broken critical file caps the score just below the DEGRADED threshold: it is CRITICAL.
 */
export function scoreCriticalFiles(files: readonly CriticalFileFact[], t: StatusThresholds): ComponentScore {
  if (files.length === 0) {
    return component(100, t, { included: false, summary: "no critical files configured (health.critical_files)", detail: { files: [] } });
  }
  const bad = files.filter((f) => f.problem !== undefined);
  let score = (100 * (files.length - bad.length)) / files.length;
  if (bad.length > 0) score = Math.min(score, t.degraded - 1);
  const summary =
    bad.length === 0
      ? `${files.length} critical file${plural(files.length)} present and parse`
      : `${bad.length} of ${files.length} critical file${plural(files.length)} broken: ${bad.map((f) => `${f.path} (${f.problem})`).join(", ")}`;
  return component(score, t, { summary, detail: { total: files.length, broken: bad.length, files } });
}

// ---------------------------------------------------------------- schemas

export interface SchemaFacts {
  /** Files the validate check covers. */
  total: number;
  /** Files with at least one error-level finding, and the first message of each. */
  invalid: { file: string; message: string }[];
  /** Set when the check itself could not run. */
  failed?: string;
}

/** schemas: 100 × share of valid files; any invalid file caps it just below HEALTHY. */
export function scoreSchemas(facts: SchemaFacts, t: StatusThresholds): ComponentScore {
  if (facts.failed !== undefined)
    return component(0, t, { summary: `validate check failed: ${facts.failed}`, detail: { error: facts.failed } });
  if (facts.total === 0)
    return component(100, t, { included: false, summary: "no JSON/YAML files to validate", detail: { total: 0, valid: 0, invalid: [] } });
  const invalid = Math.min(facts.invalid.length, facts.total);
  let score = (100 * (facts.total - invalid)) / facts.total;
  if (invalid > 0) score = Math.min(score, t.healthy - 1);
  const valid = facts.total - invalid;
  return component(score, t, {
    summary: `${valid} of ${facts.total} file${plural(facts.total)} valid (${Math.floor((1000 * valid) / facts.total) / 10}%)`,
    detail: { total: facts.total, valid, invalid: facts.invalid.slice(0, 20) },
  });
}

// ---------------------------------------------------------------- findings-based (manifest, configuration, sync)

export interface FindingFacts {
  /** False when the config has nothing for this check (the component is left out). */
  configured: boolean;
  findings: readonly Finding[];
  failed?: string;
}

/** Points lost per error-level and per warning-level finding. */
const ERROR_PENALTY = 20;
const WARNING_PENALTY = 5;

/**
 * manifest / configuration / sync: 100 − 20 per error − 5 per warning, floor 0. With the
 * default thresholds one error is DEGRADED (80) and three are CRITICAL (40).
 */
export function scoreFindings(what: string, facts: FindingFacts, t: StatusThresholds, notConfigured: string): ComponentScore {
  if (!facts.configured) return component(100, t, { included: false, summary: notConfigured, detail: { configured: false } });
  if (facts.failed !== undefined)
    return component(0, t, { summary: `${what} check failed: ${facts.failed}`, detail: { error: facts.failed } });
  const errors = facts.findings.filter((f) => f.level === "error").length;
  const warnings = facts.findings.filter((f) => f.level === "warning").length;
  const score = 100 - ERROR_PENALTY * errors - WARNING_PENALTY * warnings;
  const byRule: Record<string, number> = {};
  for (const f of facts.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const summary =
    errors + warnings === 0
      ? `no ${what} findings`
      : `${errors} error${plural(errors)}, ${warnings} warning${plural(warnings)} (${Object.entries(byRule)
          .map(([r, n]) => `${r} ×${n}`)
          .join(", ")})`;
  return component(score, t, {
    summary,
    detail: {
      errors,
      warnings,
      rules: byRule,
      findings: facts.findings.slice(0, 10).map((f) => ({ rule: f.rule, level: f.level, file: f.file, line: f.line, message: f.message })),
    },
  });
}

// ---------------------------------------------------------------- backups

export interface BackupSetFact {
  name: string;
  /** Newest snapshot of the set, if any. */
  newest?: { commit: string; time: string };
  count: number;
  /** health.max_snapshot_age for the set, in ms (undefined: only existence is scored). */
  maxAgeMs?: number;
}

export interface BackupFacts {
  branch: string;
  sets: BackupSetFact[];
  /** Result of the last backup validation, when the snapshot commits record one. */
  lastValidation?: { ok: boolean; commit: string; time?: string; message?: string };
  failed?: string;
}

/**
 * One set's score: no snapshot 0; no age limit or age <= limit 100; beyond the limit it loses
 * 50 points per limit overdue (1.5× the limit 75, 2× 50, 3× 0).
 */
export function scoreBackupSet(set: BackupSetFact, nowMs: number): { score: number; ageMs?: number } {
  if (!set.newest) return { score: 0 };
  const ageMs = Math.max(0, nowMs - Date.parse(set.newest.time));
  if (set.maxAgeMs === undefined || ageMs <= set.maxAgeMs) return { score: 100, ageMs };
  return { score: Math.max(0, Math.round(100 - (50 * (ageMs - set.maxAgeMs)) / set.maxAgeMs)), ageMs };
}

/** backups: the weakest set's score; a failed last validation caps it just below DEGRADED. */
export function scoreBackups(facts: BackupFacts, nowMs: number, t: StatusThresholds): ComponentScore {
  if (facts.failed !== undefined)
    return component(0, t, { summary: `could not read snapshots: ${facts.failed}`, detail: { branch: facts.branch, error: facts.failed } });
  if (facts.sets.length === 0)
    return component(100, t, {
      included: false,
      summary: "no snapshot sets configured (snapshots.sets)",
      detail: { branch: facts.branch, sets: {} },
    });
  let score = 100;
  const sets: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const set of facts.sets) {
    const s = scoreBackupSet(set, nowMs);
    score = Math.min(score, s.score);
    sets[set.name] = {
      score: s.score,
      snapshots: set.count,
      newest: set.newest?.time ?? null,
      commit: set.newest?.commit ?? null,
      age_seconds: s.ageMs === undefined ? null : Math.round(s.ageMs / 1000),
      max_age_seconds: set.maxAgeMs === undefined ? null : Math.round(set.maxAgeMs / 1000),
    };
    if (!set.newest) notes.push(`${set.name}: no snapshot`);
    else if (s.score < 100) notes.push(`${set.name}: newest is ${formatDuration(s.ageMs!)} old (limit ${formatDuration(set.maxAgeMs!)})`);
  }
  if (facts.lastValidation && !facts.lastValidation.ok) {
    score = Math.min(score, t.degraded - 1);
    notes.push(
      `last backup validation failed (${facts.lastValidation.commit.slice(0, 12)}${facts.lastValidation.message ? `: ${facts.lastValidation.message}` : ""})`,
    );
  }
  const summary = notes.length
    ? notes.join("; ")
    : `${facts.sets.length} set${plural(facts.sets.length)} fresh (${facts.sets.map((s) => `${s.name} ${formatDuration(scoreBackupSet(s, nowMs).ageMs ?? 0)} old`).join(", ")})`;
  return component(score, t, { summary, detail: { branch: facts.branch, sets, last_validation: facts.lastValidation ?? null } });
}

// ---------------------------------------------------------------- disk

export interface DiskFacts {
  path: string;
  totalBytes: number;
  freeBytes: number;
  totalInodes: number;
  freeInodes: number;
  limit: FreeSpaceLimit;
  limitText: string;
  failed?: string;
}

/**
 * Score of a free amount against its minimum, r = free / minimum: r >= 2 scores 100; between
 * 1 and 2 it runs through the DEGRADED band; below the minimum it is CRITICAL.
 */
export function scoreFree(free: number, minimum: number, t: StatusThresholds): number {
  if (minimum <= 0) return 100;
  const r = free / minimum;
  if (r >= 2) return 100;
  if (r >= 1) return Math.round(t.degraded + (t.healthy - 1 - t.degraded) * (r - 1));
  return Math.floor((t.degraded - 1) * r);
}

/** disk: the worse of free space (vs health.min_free_disk) and free inodes (vs 5%). */
export function scoreDisk(facts: DiskFacts, t: StatusThresholds): ComponentScore {
  if (facts.failed !== undefined)
    return component(100, t, {
      included: false,
      summary: `free space unknown: ${facts.failed}`,
      detail: { path: facts.path, error: facts.failed },
    });
  const minBytes = "bytes" in facts.limit ? facts.limit.bytes : (facts.totalBytes * facts.limit.percent) / 100;
  const space = scoreFree(facts.freeBytes, minBytes, t);
  // Some filesystems (btrfs, some overlays) report 0 inodes: there is no inode limit to score.
  const minInodes = (facts.totalInodes * MIN_FREE_INODES_PERCENT) / 100;
  const inodes = facts.totalInodes > 0 ? scoreFree(facts.freeInodes, minInodes, t) : 100;
  const pct = (n: number, d: number) => (d > 0 ? Math.round((1000 * n) / d) / 10 : null);
  return component(Math.min(space, inodes), t, {
    summary: `${formatBytes(facts.freeBytes)} free (${pct(facts.freeBytes, facts.totalBytes) ?? "?"}%, minimum ${facts.limitText})${facts.totalInodes > 0 ? `, ${pct(facts.freeInodes, facts.totalInodes)}% inodes free` : ""}`,
    detail: {
      path: facts.path,
      free_bytes: facts.freeBytes,
      total_bytes: facts.totalBytes,
      min_free: facts.limitText,
      min_free_bytes: Math.round(minBytes),
      free_inodes: facts.freeInodes,
      total_inodes: facts.totalInodes,
      space_score: space,
      inode_score: inodes,
    },
  });
}

// ---------------------------------------------------------------- checks (the seed's integration health)

export interface CheckRunFact {
  name: string;
  errors: number;
  warnings: number;
  seconds: number;
  /** The check threw: what it said. */
  failed?: string;
}

/** One check's run as `health` gathers it: the fact it scores plus the findings behind it. */
export interface CheckOutcome extends CheckRunFact {
  findings: Finding[];
}

/**
 * checks: each check starts at 100, loses 20 when it reported more than max_error_count errors
 * and 20 when it took longer than max_check_seconds; a check that crashed scores 0. The
 * component is the weakest check (the seed's integration health: 80, DEGRADED, for one breach).
 */
export function scoreChecks(runs: readonly CheckRunFact[], limits: CheckThresholds, t: StatusThresholds): ComponentScore {
  if (runs.length === 0) return component(100, t, { included: false, summary: "no checks ran", detail: { checks: {} } });
  let score = 100;
  const checks: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const r of runs) {
    let s = 100;
    if (r.failed !== undefined) {
      s = 0;
      notes.push(`${r.name} crashed: ${r.failed}`);
    } else {
      if (r.errors > limits.maxErrorCount) {
        s -= 20;
        notes.push(`${r.name}: ${r.errors} errors (max ${limits.maxErrorCount})`);
      }
      if (r.seconds > limits.maxCheckSeconds) {
        s -= 20;
        notes.push(`${r.name}: ${r.seconds.toFixed(2)}s (max ${limits.maxCheckSeconds}s)`);
      }
    }
    score = Math.min(score, s);
    checks[r.name] = {
      score: s,
      errors: r.errors,
      warnings: r.warnings,
      seconds: Math.round(r.seconds * 1000) / 1000,
      ...(r.failed !== undefined ? { error: r.failed } : {}),
    };
  }
  return component(score, t, {
    summary: notes.length ? notes.join("; ") : `${runs.length} checks ran within limits`,
    detail: { checks, max_error_count: limits.maxErrorCount, max_check_seconds: limits.maxCheckSeconds },
  });
}

function plural(n: number): string {
  return n === 1 ? "" : "s";
}
