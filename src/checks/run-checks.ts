/**
 * Run the registered checks (src/checks/index.ts) in order with one shared context. A check
 * that cannot run does not hide the others' findings: its failure becomes a finding
 * (`check/failed` for a typed error such as a broken schema, `check/crashed` for a bug) and the
 * run's exit code becomes 2 (could not run), while every other check's findings are still shown.
 * The findings of all checks are then finished in one place (finishFindings), so the CLI, the
 * hook and the Action agree: no reseal advice for a broken file, at most N findings per file.
 */
import fs from "node:fs";
import path from "node:path";
import { GuardError, type ExitCode } from "../errors.js";
import { MANIFEST_PATH } from "../config/types.js";
import type { Finding } from "../core/finding.js";
import type { CheckOutcome } from "../core/health/components.js";
import { capFindings, DEFAULT_MAX_FINDINGS_PER_FILE } from "../core/finding-cap.js";
import { guardReseal } from "../core/manifest/reseal-guard.js";
import type { Config } from "../config/types.js";
import { checks as registered } from "./index.js";
import type { Check, CheckContext } from "./types.js";
import { conflictsTouched, syncTouched } from "./staged-touch.js";

interface CheckTiming {
  findings: number;
  ms: number;
  /** Set when the check could not run. */
  failed?: boolean;
  /** Set when the check has nothing to do (not configured, or in the hook none of its files is staged): it was not loaded. */
  skipped?: boolean;
}

/**
 * Checks that only do something when their config section exists (or, for the manifest, when a
 * manifest has been sealed). Skipping them unloaded keeps the pre-commit hook near node's own
 * start-up time; each check also returns nothing by itself in these cases.
 */
const NEEDED: Record<string, (ctx: CheckContext) => boolean | Promise<boolean>> = {
  manifest: (ctx) => ctx.config.manifest !== undefined || fs.existsSync(path.join(ctx.root, MANIFEST_PATH)),
  // Whole-repository checks: in the hook, only when the commit touches their files (staged-touch.ts).
  conflicts: (ctx) => ctx.config.config !== undefined && conflictsTouched(ctx),
  sync: (ctx) => (ctx.config.sync?.length ?? 0) > 0 && syncTouched(ctx),
};

/** A gate that cannot decide (a git error) runs the check, which then reports the problem itself. */
async function isNeeded(gate: (ctx: CheckContext) => boolean | Promise<boolean>, ctx: CheckContext): Promise<boolean> {
  try {
    return await gate(ctx);
  } catch {
    return true;
  }
}

interface ChecksResult {
  findings: Finding[];
  /** summary.checks: per check, its finding count and wall time. */
  checks: Record<string, CheckTiming>;
  /** 2 when a check could not run (or an IntegrityError's code); undefined otherwise. */
  exitCode?: ExitCode;
  /** What the baseline exempted (summary.baseline), when one applied. */
  baseline?: Record<string, number>;
}

type CheckEntry = { name: string; load: () => Promise<Check> };

/** One check run: its findings (a failure is one finding), wall time, and the failure if any. */
interface CheckRun {
  findings: Finding[];
  ms: number;
  /** What it threw, as a finding (also the last of `findings`). */
  failure?: { finding: Finding; exitCode: ExitCode };
}

/** Load and run one check. A check that throws is recorded, never rethrown: the others still run. */
async function runOne(entry: CheckEntry, ctx: CheckContext): Promise<CheckRun> {
  // process.hrtime, not performance.now(): the first use of the `performance` global loads
  // node:perf_hooks, CPU that every hook run paid for one timing figure.
  const start = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - start) / 1e6;
  try {
    const c = await entry.load();
    const findings = await c.run(ctx);
    return { findings, ms: elapsed() };
  } catch (error) {
    const finding = failureFinding(entry.name, error);
    const exitCode: ExitCode = error instanceof GuardError ? error.exitCode : 2;
    return { findings: [finding], ms: elapsed(), failure: { finding, exitCode } };
  }
}

export async function runChecks(ctx: CheckContext, list: readonly CheckEntry[] = registered): Promise<ChecksResult> {
  const findings: Finding[] = [];
  const timings: Record<string, CheckTiming> = {};
  let exitCode: ExitCode | undefined;
  for (const entry of list) {
    if (NEEDED[entry.name] && !(await isNeeded(NEEDED[entry.name]!, ctx))) {
      timings[entry.name] = { findings: 0, ms: 0, skipped: true };
      continue;
    }
    const got = await runOne(entry, ctx);
    if (got.failure) exitCode = exitCode === undefined ? got.failure.exitCode : (Math.max(exitCode, got.failure.exitCode) as ExitCode);
    // One at a time: push(...got) passes every finding as an argument, and a report of a few
    // hundred thousand findings (a Helm chart's templates read as YAML) overflows the stack.
    for (const f of got.findings) findings.push(f);
    timings[entry.name] = {
      findings: got.findings.length,
      ms: Math.round(got.ms * 10) / 10,
      ...(got.failure ? { failed: true } : {}),
    };
  }
  // Before the cap: a baseline matches findings one by one, and a capped line stands for many.
  const exempted = ctx.exempt ? await ctx.exempt(findings) : undefined;
  if (exempted?.invalid) exitCode = 2;
  return {
    findings: finishFindings(exempted?.findings ?? findings, ctx.config),
    checks: timings,
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(exempted?.counts ? { baseline: exempted.counts } : {}),
  };
}

/**
 * Every registered check, in order, each with its own findings and timing, for `health` (which
 * scores each check apart and needs all of them, not the hook's gated subset). The same runner
 * and error handling as runChecks: a failure is its message, the other checks still run. An
 * invalid baseline is its finding (an error) in the first check that has a baselinable finding.
 */
export async function runChecksTimed(ctx: CheckContext, list: readonly CheckEntry[] = registered): Promise<Map<string, CheckOutcome>> {
  const out = new Map<string, CheckOutcome>();
  // In order, not in parallel: timings are only comparable with the thresholds when each check has the machine.
  for (const entry of list) {
    const got = await runOne(entry, ctx);
    // The baseline applies here as in `check`, check by check: a file recorded as known broken
    // (unchanged since) lowers no score. Its exempted findings stay as notices.
    const findings = got.failure ? [] : ctx.exempt ? (await ctx.exempt(got.findings)).findings : got.findings;
    out.set(entry.name, {
      name: entry.name,
      findings,
      errors: findings.filter((f) => f.level === "error").length,
      warnings: findings.filter((f) => f.level === "warning").length,
      seconds: got.ms / 1000,
      ...(got.failure ? { failed: got.failure.finding.message } : {}),
    });
  }
  return out;
}

/** validate.max_findings_per_file, or the default. */
function maxFindingsPerFile(config: Config): number {
  return config.validate?.max_findings_per_file ?? DEFAULT_MAX_FINDINGS_PER_FILE;
}

/**
 * What every command that reports per-file findings does last: manifest findings on a file that
 * does not parse (or breaks its schema) say "repair first", not "reseal", and each file lists
 * at most validate.max_findings_per_file findings, the most important first.
 */
export function finishFindings(findings: Finding[], config: Config): Finding[] {
  guardReseal(findings);
  return capFindings(findings, maxFindingsPerFile(config));
}

function failureFinding(name: string, error: unknown): Finding {
  if (error instanceof GuardError) {
    return {
      rule: "check/failed",
      level: "error",
      message: `the ${name} check could not run: ${error.message}`,
      ...(error.fix ? { fix: error.fix } : {}),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    rule: "check/crashed",
    level: "error",
    message: `the ${name} check crashed: ${message}`,
    fix: `this is a bug in integrity-guard; please report it with the command you ran. The other checks ran; run \`integrity-guard ${name}\` alone to see more`,
  };
}
