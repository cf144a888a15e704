import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { parseReport, sealedRepoFixture } from "./manifest-helpers.js";

let repo: TestRepo;
afterEach(() => repo?.cleanup());

/** `check --staged --format json`, manifest findings only (other checks run too). */
async function stagedManifestFindings(): Promise<{ code: number; rules: string[]; messages: string[] }> {
  const r = await repo.cli(["check", "--staged", "--format", "json"]);
  const report = parseReport(r.stdout);
  const mine = report.findings.filter((f) => f.rule.startsWith("manifest/"));
  return { code: r.code, rules: mine.map((f) => `${f.rule} ${f.file ?? ""}`).sort(), messages: mine.map((f) => f.message) };
}

async function sealedAndCommitted(): Promise<void> {
  repo = sealedRepoFixture();
  const s = await repo.cli(["seal"]);
  expect(s.code, s.stderr).toBe(0);
  repo.commitAll("seal");
}

describe("check --staged: the staged manifest must agree with staged changes", () => {
  it("passes when nothing sealed changed, and for changes outside the manifest's scope", async () => {
    await sealedAndCommitted();
    repo.write("other/not-covered.json", '{"x":1}\n');
    repo.git("add", "-A");
    const r = await stagedManifestFindings();
    expect(r.rules).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("blocks a sealed file changed without a reseal, then passes once resealed and staged", async () => {
    await sealedAndCommitted();
    repo.write("fsm_state.json", '{"states":{"a":1}}\n');
    repo.git("add", "fsm_state.json");
    const blocked = await stagedManifestFindings();
    expect(blocked.code).toBe(1);
    expect(blocked.rules).toEqual(["manifest/unsealed-change fsm_state.json"]);
    expect(blocked.messages[0]).toMatch(/fsm_state\.json changed but the manifest was not resealed/);
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.git("add", MANIFEST_PATH);
    const ok = await stagedManifestFindings();
    expect(ok.rules).toEqual([]);
    expect(ok.code).toBe(0);
  });

  it("checks the staged content, not the working tree", async () => {
    await sealedAndCommitted();
    repo.write("data/a.json", '{"a":"staged"}\n');
    repo.git("add", "data/a.json");
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.git("add", MANIFEST_PATH);
    // Edited again after the reseal, and that edit staged: the manifest no longer agrees.
    repo.write("data/a.json", '{"a":"later"}\n');
    repo.git("add", "data/a.json");
    const r = await stagedManifestFindings();
    expect(r.rules).toEqual(["manifest/unsealed-change data/a.json"]);
    expect(r.messages[0]).toMatch(/does not match the staged manifest/);
    // Unstaged edits do not matter to the commit: stage the sealed content back.
    repo.write("data/a.json", '{"a":"staged"}\n');
    repo.git("add", "data/a.json");
    repo.write("data/a.json", '{"a":"unstaged edit"}\n');
    expect((await stagedManifestFindings()).rules).toEqual([]);
  });

  it("blocks deleting a sealed file and adding a covered file without a reseal", async () => {
    await sealedAndCommitted();
    repo.git("rm", "-q", "data/sub/b.json");
    repo.write("agent_workspaces/new.json", "{}\n");
    repo.git("add", "agent_workspaces/new.json");
    const r = await stagedManifestFindings();
    expect(r.rules).toEqual(["manifest/unsealed-change agent_workspaces/new.json", "manifest/unsealed-change data/sub/b.json"]);
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.git("add", MANIFEST_PATH);
    expect((await stagedManifestFindings()).rules).toEqual([]);
  });

  it("a staged manifest edited by hand to match a change is caught by its root digest", async () => {
    await sealedAndCommitted();
    const text = repo.read(MANIFEST_PATH);
    repo.write(MANIFEST_PATH, text.replace(/"size":14/, '"size":15'));
    repo.git("add", MANIFEST_PATH);
    const r = await stagedManifestFindings();
    expect(r.code).toBe(1);
    expect(r.rules).toEqual([`manifest/corrupt ${MANIFEST_PATH}`]);
  });

  it("a resealed manifest that disagrees with an unchanged staged file is caught", async () => {
    await sealedAndCommitted();
    // Reseal with a working-tree edit that is NOT staged: the manifest seals content the commit does not hold.
    repo.write("data/sub/b.json", '{"b":"worktree only"}\n');
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.git("add", MANIFEST_PATH);
    const r = await stagedManifestFindings();
    expect(r.rules).toEqual(["manifest/unsealed-change data/sub/b.json"]);
  });

  it("with include configured but no manifest committed, a covered change is blocked", async () => {
    repo = sealedRepoFixture();
    repo.write("data/a.json", '{"a":5}\n');
    repo.git("add", "data/a.json");
    const r = await stagedManifestFindings();
    expect(r.rules).toEqual(["manifest/unsealed-change data/a.json"]);
    expect(fs.existsSync(path.join(repo.dir, MANIFEST_PATH))).toBe(false);
  });

  it("blocks a commit that deletes the manifest while include is configured", async () => {
    await sealedAndCommitted();
    repo.git("rm", "-q", "--cached", MANIFEST_PATH);
    const r = await stagedManifestFindings();
    expect(r.rules).toEqual([`manifest/unsealed-change ${MANIFEST_PATH}`]);
    expect(r.code).toBe(1);
  });
});
