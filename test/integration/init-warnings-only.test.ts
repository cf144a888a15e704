/**
 * init's whole-tree check on a repository whose files have warnings but no error (found by
 * replaying khuedoan/homelab's history, scripts/replay-history.mjs: an empty values.yaml). `check`
 * exits 0 on warnings, and the Action fails on them only with `fail-on: warning`, so init must not
 * say that CI will fail, nor tell the team to fix or baseline "failing" files.
 */
import { describe, expect, it, vi } from "vitest";
import { withRepo } from "../helpers/repo.js";

vi.setConfig({ testTimeout: 240_000 });

describe("init on a repository with warnings only", () => {
  it("says the tree has no errors and that CI's check passes; check exits 0", () =>
    withRepo(async (repo) => {
      repo.write("platform/vault/values.yaml", "");
      repo.write("platform/app/values.yaml", "replicas: 2\n");
      repo.commitAll("charts");
      const r = await repo.cli(["init", "--no-hook"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/will fail|fail now|fails until then|failing file/);
      expect(r.stdout).toMatch(/checked the whole tree: no errors; 1 file\(s\) with warnings/);
      expect(r.stdout).toContain("platform/vault/values.yaml:1:1 parse/empty");
      const check = await repo.cli(["check"]);
      expect(check.code, check.stdout).toBe(0);
    }));

  it("with an error beside the warnings: still says CI's check will fail, and counts the files", () =>
    withRepo(async (repo) => {
      repo.write("platform/vault/values.yaml", "");
      repo.write("data/state.json", '{"a": 1,}\n');
      repo.commitAll("files");
      const r = await repo.cli(["init", "--no-hook"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /checked the whole tree: 2 file\(s\) fail now \(1 error\(s\), 1 warning\(s\)\); CI's `integrity-guard check` will fail/,
      );
      expect(r.stdout).toMatch(/fix the 1 failing file\(s\)/);
      const check = await repo.cli(["check"]);
      expect(check.code).toBe(1);
    }));
});
