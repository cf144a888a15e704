/**
 * Run the registered checks (src/checks/index.ts) on the working tree, timing each. A check
 * that throws is recorded as failed (the health of the checks themselves), never rethrown.
 */
import { performance } from "node:perf_hooks";
import { checks } from "../../checks/index.js";
import type { CheckContext } from "../../checks/types.js";
import type { CheckRunFact } from "../../core/health/components.js";
import type { Finding } from "../../core/finding.js";

export interface CheckOutcome extends CheckRunFact {
  findings: Finding[];
}

export async function runChecksTimed(ctx: CheckContext): Promise<Map<string, CheckOutcome>> {
  const out = new Map<string, CheckOutcome>();
  // In order, not in parallel: timings are only comparable with the thresholds when each check has the machine.
  for (const entry of checks) {
    const start = performance.now();
    try {
      const check = await entry.load();
      const findings = await check.run(ctx);
      out.set(entry.name, {
        name: entry.name,
        findings,
        errors: findings.filter((f) => f.level === "error").length,
        warnings: findings.filter((f) => f.level === "warning").length,
        seconds: (performance.now() - start) / 1000,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message.split("\n")[0]! : String(error);
      out.set(entry.name, {
        name: entry.name,
        findings: [],
        errors: 0,
        warnings: 0,
        seconds: (performance.now() - start) / 1000,
        failed: message,
      });
    }
  }
  return out;
}
