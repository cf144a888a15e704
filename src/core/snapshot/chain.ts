/**
 * Date checks along a snapshot chain. A signature proves who signed a commit, not when; a
 * replayed or back-dated commit shows up as a date in the future or a child older than its
 * parent, and either one rejects the chain.
 */
import type { Finding } from "../finding.js";

interface ChainCommit {
  id: string;
  /** Committer time, seconds since the epoch. */
  time: number;
}

/** Allowed clock skew between machines, seconds. */
const CLOCK_SKEW_SECONDS = 300;

/**
 * Check a first-parent chain given newest first. `now` in seconds. Returns snapshot/chain
 * findings (empty when the dates are in order and none is in the future).
 */
export function checkChainDates(chain: readonly ChainCommit[], now: number, ref: string): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < chain.length; i++) {
    const c = chain[i]!;
    if (c.time > now + CLOCK_SKEW_SECONDS) {
      findings.push({
        rule: "snapshot/chain",
        level: "error",
        message: `snapshot ${c.id.slice(0, 12)} on ${ref} is dated in the future (${iso(c.time)}, now ${iso(now)})`,
        expected: `a date before ${iso(now + CLOCK_SKEW_SECONDS)}`,
        found: iso(c.time),
        fix: "a commit dated in the future is forged or made on a machine with a wrong clock; do not trust this chain until it is explained",
      });
    }
    const parent = chain[i + 1];
    if (parent && c.time < parent.time) {
      findings.push({
        rule: "snapshot/chain",
        level: "error",
        message: `snapshot ${c.id.slice(0, 12)} on ${ref} (${iso(c.time)}) is older than its parent ${parent.id.slice(0, 12)} (${iso(parent.time)})`,
        expected: `a date at or after ${iso(parent.time)}`,
        found: iso(c.time),
        fix: "dates out of order along the chain mean a commit was inserted or replayed; inspect the chain with git log --format=fuller",
      });
    }
  }
  return findings;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
