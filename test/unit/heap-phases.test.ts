/**
 * A whole-tree `check` collects the garbage of one check before the next starts
 * (io/heap-growth.ts collectBetweenPhases; issue 20: a cold check at 500,000 files peaked above a
 * cold verify by what validate had left). Counted through phaseCollections(), never timed: the
 * hook (named paths) and the index source never pay for a collection, and a skipped check is no
 * phase.
 */
import { describe, expect, it } from "vitest";
import { runChecks } from "../../src/checks/run-checks.js";
import type { CheckContext } from "../../src/checks/types.js";
import { collectLimits, phaseCollections } from "../../src/io/heap-growth.js";

const trivial = (name: string) => ({ name, load: () => Promise.resolve({ name, run: () => Promise.resolve([]) }) });

function ctxOf(kind: "worktree" | "index", paths?: string[]): CheckContext {
  return {
    root: "/nonexistent",
    config: { version: 1 },
    source: { kind },
    ...(paths ? { paths } : {}),
    log: () => undefined,
  } as unknown as CheckContext;
}

describe("collections between the checks of a whole-tree run", () => {
  it("collects once between two checks of a whole-tree work-tree run, never before the first", async () => {
    const saved = collectLimits.fromBytes;
    collectLimits.fromBytes = 0; // whatever the test process's heap holds
    try {
      const before = phaseCollections();
      await runChecks(ctxOf("worktree"), [trivial("validate"), trivial("manifest-like")]);
      expect(phaseCollections() - before).toBe(1);
      await runChecks(ctxOf("worktree"), [trivial("validate")]);
      expect(phaseCollections() - before).toBe(1);
    } finally {
      collectLimits.fromBytes = saved;
    }
  });

  it("never collects in the hook (named paths) or on the index", async () => {
    const saved = collectLimits.fromBytes;
    collectLimits.fromBytes = 0;
    try {
      const before = phaseCollections();
      await runChecks(ctxOf("worktree", ["a.json"]), [trivial("validate"), trivial("other")]);
      await runChecks(ctxOf("index"), [trivial("validate"), trivial("other")]);
      expect(phaseCollections()).toBe(before);
    } finally {
      collectLimits.fromBytes = saved;
    }
  });

  it("collects nothing under the heap it is worth it from", async () => {
    const saved = collectLimits.fromBytes;
    collectLimits.fromBytes = Number.MAX_SAFE_INTEGER;
    try {
      const before = phaseCollections();
      await runChecks(ctxOf("worktree"), [trivial("validate"), trivial("other")]);
      expect(phaseCollections()).toBe(before);
    } finally {
      collectLimits.fromBytes = saved;
    }
  });
});
