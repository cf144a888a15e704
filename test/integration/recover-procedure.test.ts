import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

const recovery = `recovery:
  good:
    - restore: { set: hourly, paths: ["data/"] }
    - run: "test -f data/a.json && echo restarted"
    - verify: ["data/"]
  halfway:
    - restore: { set: hourly, paths: ["data/"] }
    - run: "echo restarting; exit 3"
    - verify: ["data/"]
  nowhere:
    - restore: { set: hourly, paths: ["data/"] }
    - verify: ["logs/"]
  clobbered:
    - restore: { set: hourly }
    - run: "echo overwritten > data/a.json"
    - verify: ["data/"]
`;

async function setup(): Promise<{ repo: TestRepo; env: NodeJS.ProcessEnv }> {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig() + recovery);
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write("data/a.json", '{"a":1}\n');
  repo.write("state.json", "{}\n");
  const env = { IG_TEST_SIGNING_KEY: key.privateKey };
  const r = await repo.cli(["snapshot", "--set", "hourly"], env);
  expect(r.code, r.stderr).toBe(0);
  repo.write("data/a.json", "corrupt");
  return { repo, env };
}

describe("recover NAME", () => {
  it("runs restore, run and verify steps with timings", async () => {
    const { repo, env } = await setup();
    try {
      const r = await repo.cli(["recover", "good"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/ok {3}step 1\/3 restore hourly data\/ \(\d+\.\d\d s\)/);
      expect(r.stdout).toMatch(/ok {3}step 2\/3 run .* exit code 0/);
      expect(r.stdout).toMatch(/ok {3}step 3\/3 verify data\/ .*paths match snapshot/);
      expect(r.stdout).toMatch(/recovery good completed in \d+\.\d\d s/);
      expect(r.stderr).toContain("| restarted");
      expect(repo.read("data/a.json")).toBe('{"a":1}\n');
    } finally {
      repo.cleanup();
    }
  });

  it("stops at the first failed step, says which, and exits 1", async () => {
    const { repo, env } = await setup();
    try {
      const r = await repo.cli(["recover", "halfway", "--format", "json"], env);
      expect(r.code).toBe(1);
      const rec = JSON.parse(r.stdout).recovery;
      expect(rec).toMatchObject({ name: "halfway", ok: false, failed_step: 2 });
      expect(rec.steps.map((s: { ok: boolean }) => s.ok)).toEqual([true, false]); // step 3 never ran
      expect(rec.steps[1].detail).toBe("exit code 3");
      expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ rule: "recover/step-failed" });
      // Step 1 did restore before the failure.
      expect(repo.read("data/a.json")).toBe('{"a":1}\n');
      const text = await repo.cli(["recover", "halfway"], env);
      expect(text.stdout).toContain("recovery halfway FAILED at step 2 (run echo restarting; exit 3)");
      expect(text.stdout).toContain("skip step 3/3");
    } finally {
      repo.cleanup();
    }
  });

  it("fails the verify step when a later step changed a restored file", async () => {
    const { repo, env } = await setup();
    try {
      const r = await repo.cli(["recover", "clobbered"], env);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("FAILED at step 3");
      expect(r.stdout).toContain("data/a.json");
    } finally {
      repo.cleanup();
    }
  });

  it("--dry-run shows the plan of every step, runs nothing, and exits 0 when the plan can go ahead", async () => {
    const { repo, env } = await setup();
    try {
      const before = repo.git("for-each-ref").trim();
      const r = await repo.cli(["recover", "good", "--dry-run"], env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        /plan step 1\/3 restore hourly data\/ .*would change 1 file\(s\) from snapshot [0-9a-f]{12} \(modify data\/a\.json\)/,
      );
      expect(r.stdout).toContain("plan step 2/3 run test -f data/a.json && echo restarted");
      expect(r.stdout).toContain('would run: sh -c "test -f data/a.json && echo restarted"');
      expect(r.stdout).toMatch(/plan step 3\/3 verify data\/ .*would check 1 file\(s\) under data\/ against snapshot/);
      expect(r.stdout).toContain("recovery good dry run: every step of the plan can go ahead; nothing was changed or run");
      expect(r.stderr).not.toContain("| restarted"); // the command did not run
      expect(repo.read("data/a.json")).toBe("corrupt"); // nothing restored
      expect(repo.git("for-each-ref").trim()).toBe(before); // no pre-restore snapshot either
      // A plan that cannot go ahead is shown whole and exits 1.
      const bad = await repo.cli(["recover", "nowhere", "--dry-run"], env);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain("FAIL step 2/2 verify logs/");
      expect(bad.stdout).toContain("recovery nowhere dry run: step 2 (verify logs/) could not go ahead");
    } finally {
      repo.cleanup();
    }
  });

  it("names the configured procedures for an unknown name (exit 2)", async () => {
    const { repo, env } = await setup();
    try {
      const r = await repo.cli(["recover", "nope"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("good, halfway, nowhere, clobbered");
    } finally {
      repo.cleanup();
    }
  });
});
