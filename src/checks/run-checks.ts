/**
 * Run the registered checks (src/checks/index.ts) in order with one shared context. A check
 * that cannot run does not hide the others' findings: its failure becomes a finding
 * (`check/failed` for a typed error such as a broken schema, `check/crashed` for a bug) and the
 * run's exit code becomes 2 (could not run), while every other check's findings are still shown.
 */
import { GuardError, type ExitCode } from "../errors.js";
import type { Finding } from "../core/finding.js";
import { checks as registered } from "./index.js";
import type { Check, CheckContext } from "./types.js";

export interface CheckTiming {
  findings: number;
  ms: number;
  /** Set when the check could not run. */
  failed?: boolean;
}

export interface ChecksResult {
  findings: Finding[];
  /** summary.checks: per check, its finding count and wall time. */
  checks: Record<string, CheckTiming>;
  /** 2 when a check could not run (or an IntegrityError's code); undefined otherwise. */
  exitCode?: ExitCode;
}

export type CheckEntry = { name: string; load: () => Promise<Check> };

export async function runChecks(ctx: CheckContext, list: readonly CheckEntry[] = registered): Promise<ChecksResult> {
  const findings: Finding[] = [];
  const timings: Record<string, CheckTiming> = {};
  let exitCode: ExitCode | undefined;
  for (const entry of list) {
    const start = performance.now();
    let got: Finding[];
    let failed = false;
    try {
      const c = await entry.load();
      got = await c.run(ctx);
    } catch (error) {
      failed = true;
      got = [failureFinding(entry.name, error)];
      const code: ExitCode = error instanceof GuardError ? error.exitCode : 2;
      exitCode = exitCode === undefined ? code : (Math.max(exitCode, code) as ExitCode);
    }
    findings.push(...got);
    timings[entry.name] = { findings: got.length, ms: Math.round((performance.now() - start) * 10) / 10, ...(failed ? { failed } : {}) };
  }
  return { findings, checks: timings, ...(exitCode !== undefined ? { exitCode } : {}) };
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
