/**
 * Red team round 5: a snapshot was not bound to its repository. With one signing key in
 * repositories B and C, a genuine snapshot of C pushed into B as an epoch ref verified and was
 * restored into B as if it were B's backup. `snapshots.repository` is now signed into every
 * snapshot (`Snapshot-Repository`), and restore refuses a snapshot of another identity
 * (`snapshot/repository`), even named by id. A snapshot without the trailer (taken before the
 * identity was set) is never picked by "latest" or a set name, and is restored, with a warning,
 * only when named by its id.
 */
import { execFileSync } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

const cleanup: TestRepo[] = [];
afterEach(() => {
  for (const r of cleanup.splice(0)) r.cleanup();
});

function repoWith(identity: string | undefined, state: string): { repo: TestRepo; env: NodeJS.ProcessEnv } {
  const repo = createRepo();
  cleanup.push(repo);
  repo.write(".integrity-guard/config.yml", snapshotConfig({ extra: identity ? `  repository: ${identity}` : "" }));
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write("state.json", state);
  repo.commitAll("init");
  return { repo, env: { IG_TEST_SIGNING_KEY: key.privateKey } };
}

async function snap(repo: TestRepo, env: NodeJS.ProcessEnv): Promise<string> {
  const r = await repo.cli(["snapshot", "--set", "hourly"], env);
  expect(r.code, r.stderr).toBe(0);
  return repo.git("rev-parse", "integrity-snapshots").trim();
}

/** C's snapshot branch fetched into B as an epoch ref, as a push of that ref would leave it. */
function plantEpoch(into: TestRepo, from: TestRepo, id: string): void {
  into.git("fetch", "-q", from.dir, `+refs/heads/integrity-snapshots:refs/integrity-snapshots/epochs/9999999999-${id}`);
}

async function restoreJson(repo: TestRepo, env: NodeJS.ProcessEnv, spec: string) {
  const r = await repo.cli(["restore", spec, "--dry-run", "--format", "json"], env);
  return {
    code: r.code,
    stderr: r.stderr,
    report: r.stdout ? (JSON.parse(r.stdout) as { findings: { rule: string; level: string; fix?: string }[] }) : undefined,
  };
}

describe("a snapshot is bound to the repository it was taken in", () => {
  it("another repository's snapshot, same key, planted as a newer epoch: refused for latest and by id; the hint names ours", async () => {
    const b = repoWith("repo-b", '{"who":"b"}\n');
    const ours = await snap(b.repo, b.env);
    await new Promise((r) => setTimeout(r, 1100)); // C's snapshot is the newer one
    const c = repoWith("repo-c", '{"who":"c"}\n');
    const theirs = await snap(c.repo, c.env);
    plantEpoch(b.repo, c.repo, theirs);

    const latest = await restoreJson(b.repo, b.env, "latest");
    expect(latest.code).toBe(1);
    expect(latest.report!.findings[0]).toMatchObject({ rule: "snapshot/repository", level: "error" });
    expect(latest.report!.findings[0]!.fix).toContain(`the newest snapshot that passes is ${ours.slice(0, 12)}`);

    const byId = await restoreJson(b.repo, b.env, theirs.slice(0, 12));
    expect(byId.code).toBe(1);
    expect(byId.report!.findings.map((f) => f.rule)).toEqual(["snapshot/repository"]);
    // Nothing of C's was written.
    expect(b.repo.read("state.json")).toBe('{"who":"b"}\n');
  });

  it("a signed snapshot taken without an identity says how to bind it; with one it does not", async () => {
    const unbound = repoWith(undefined, '{"v":1}\n');
    const r = await unbound.repo.cli(["snapshot", "--set", "hourly"], unbound.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/not bound to this repository \(snapshots\.repository is unset\).*uuidgen/);
    const bound = repoWith("repo-b", '{"v":1}\n');
    const b = await bound.repo.cli(["snapshot", "--set", "hourly"], bound.env);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout + b.stderr).not.toContain("not bound to this repository");
  });

  it("a repository without an identity refuses a snapshot that carries one", async () => {
    const b = repoWith(undefined, '{"who":"b"}\n');
    const c = repoWith("repo-c", '{"who":"c"}\n');
    const theirs = await snap(c.repo, c.env);
    plantEpoch(b.repo, c.repo, theirs);
    const r = await restoreJson(b.repo, b.env, "latest");
    expect(r.code).toBe(1);
    expect(r.report!.findings[0]).toMatchObject({ rule: "snapshot/repository", level: "error" });
  });

  it("an old snapshot (no trailer): not picked by latest, restored with a warning when named by id; the next snapshot is bound", async () => {
    const b = repoWith(undefined, '{"v":1}\n');
    const old = await snap(b.repo, b.env);
    b.repo.write(".integrity-guard/config.yml", snapshotConfig({ extra: "  repository: repo-b" }));
    b.repo.commitAll("bind snapshots");

    const latest = await restoreJson(b.repo, b.env, "latest");
    expect(latest.code).toBe(1);
    expect(latest.report!.findings[0]).toMatchObject({ rule: "snapshot/repository", level: "error" });
    expect(latest.report!.findings[0]!.fix).toContain(`integrity-guard restore ${old.slice(0, 12)}`);

    b.repo.write("state.json", '{"v":"damaged"}\n');
    const named = await b.repo.cli(["restore", old.slice(0, 12)], b.env);
    expect(named.code, named.stderr).toBe(0);
    expect(named.stderr).toMatch(/warning: snapshot [0-9a-f]{12} carries no Snapshot-Repository/);
    expect(b.repo.read("state.json")).toBe('{"v":1}\n');

    // Same content as the old snapshot: still a new, bound snapshot (not "unchanged").
    const bound = await snap(b.repo, b.env);
    expect(bound).not.toBe(old);
    expect(b.repo.git("log", "-1", "--format=%B", bound)).toContain("Snapshot-Repository: repo-b");
    const again = await restoreJson(b.repo, b.env, "latest");
    expect(again.code, again.stderr).toBe(0);
  });

  it("the trailer is signed: editing it breaks the signature", async () => {
    const c = repoWith("repo-c", '{"who":"c"}\n');
    const theirs = await snap(c.repo, c.env);
    const raw = c.repo.git("cat-file", "commit", theirs).replace("Snapshot-Repository: repo-c", "Snapshot-Repository: repo-b");
    const b = repoWith("repo-b", '{"who":"b"}\n');
    plantEpoch(b.repo, c.repo, theirs);
    const forged = execFileSync("git", ["hash-object", "-w", "-t", "commit", "--stdin"], {
      cwd: b.repo.dir,
      input: raw,
      encoding: "utf8",
    }).trim();
    b.repo.git("update-ref", "refs/integrity-snapshots/epochs/9999999998-forged", forged);
    const r = await restoreJson(b.repo, b.env, forged.slice(0, 12));
    expect(r.code).toBe(1);
    expect(r.report!.findings[0]).toMatchObject({ rule: "snapshot/signature" });
  });
});
