/**
 * Red team round 5: newer fake snapshots on epoch refs (anyone who may push refs can add
 * `refs/integrity-snapshots/epochs/*`) pushed the newest trusted snapshot out of the ten the
 * refusal hint looked at, so `restore latest` was refused with no way forward named. The hint
 * now verifies newest first until one passes (at most TRUSTED_SCAN) and says when it stopped.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRUSTED_SCAN } from "../../src/io/snapshot/run-restore.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

async function signedRepo(): Promise<{ repo: TestRepo; env: NodeJS.ProcessEnv; good: string }> {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig());
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write("state.json", '{"v":1}\n');
  repo.commitAll("init");
  const env = { IG_TEST_SIGNING_KEY: key.privateKey };
  const r = await repo.cli(["snapshot", "--set", "hourly"], env);
  expect(r.code, r.stderr).toBe(0);
  return { repo, env, good: repo.git("rev-parse", "integrity-snapshots").trim() };
}

/**
 * `count` unsigned copies of the good snapshot (same tree and trailers), each alone on its own
 * epoch ref and dated newer (within the 5 minutes of clock skew the date check allows), written
 * by one fast-import.
 */
function addFakeEpochs(repo: TestRepo, good: string, count: number): void {
  const tree = repo.git("rev-parse", `${good}^{tree}`).trim();
  const message = repo.git("log", "-1", "--format=%B", good);
  const base = Math.floor(Date.now() / 1000);
  let stream = "";
  for (let i = 0; i < count; i++) {
    const when = base + 1 + Math.floor((i * 200) / count);
    stream += `commit refs/integrity-snapshots/epochs/${when}-fake${i}\nauthor F${i} <m@e> ${when} +0000\ncommitter M <m@e> ${when} +0000\n`;
    stream += `data ${Buffer.byteLength(message)}\n${message}\n`;
    // fast-import has no "use this tree": list the good snapshot's tree into the commit.
    stream += `M 040000 ${tree} \n\n`;
  }
  execFileSync("git", ["fast-import", "--quiet"], { cwd: repo.dir, input: stream });
}

describe("fake newer epoch refs do not hide the newest trusted snapshot", () => {
  let repo: TestRepo | undefined;
  afterAll(() => repo?.cleanup());

  it("fifteen newer unsigned epoch snapshots: restore latest is refused and names the good one", async () => {
    const s = await signedRepo();
    repo = s.repo;
    addFakeEpochs(s.repo, s.good, 15);
    const r = await s.repo.cli(["restore", "latest", "--format", "json"], s.env);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings[0]).toMatchObject({ rule: "snapshot/signature", found: "unsigned" });
    expect(report.findings[0].fix).toContain(`the newest snapshot that passes is ${s.good.slice(0, 12)}`);
    // The named one is trusted and restores.
    const ok = await s.repo.cli(["restore", s.good.slice(0, 12), "--dry-run"], s.env);
    expect(ok.code, ok.stderr).toBe(0);
  });

  it(`more than ${TRUSTED_SCAN} newer fakes: the refusal says where the search stopped`, async () => {
    const s = await signedRepo();
    try {
      addFakeEpochs(s.repo, s.good, TRUSTED_SCAN + 2);
      const r = await s.repo.cli(["restore", "latest", "--format", "json"], s.env);
      expect(r.code).toBe(1);
      const fix = JSON.parse(r.stdout).findings[0].fix as string;
      expect(fix).not.toContain("that passes is");
      expect(fix).toContain(`none of the ${TRUSTED_SCAN} next older ones passes either (the search stops there)`);
    } finally {
      s.repo.cleanup();
    }
  }, 120_000);
});
