/**
 * A signed snapshot verifies against the pinned key, and each forgery is refused by restore
 * (snapshot/signature, exit 1) and shown as such by `snapshots`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { makeGpgKey, makeSshKey, snapshotConfig, type GpgKey, type SshKey } from "../helpers/keys.js";

let key: SshKey;
let other: SshKey;
let gpg: GpgKey;
beforeAll(() => {
  key = makeSshKey();
  other = makeSshKey("mallory@example.com");
  gpg = makeGpgKey();
});
afterAll(() => {
  key.cleanup();
  other.cleanup();
  gpg.cleanup();
});

async function signedRepo(): Promise<{ repo: TestRepo; env: NodeJS.ProcessEnv; tip: string }> {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig());
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write("state.json", '{"v":1}\n');
  repo.write("data/a.json", "[1]\n");
  repo.commitAll("init");
  const env = { IG_TEST_SIGNING_KEY: key.privateKey, ...gpg.env };
  const r = await repo.cli(["snapshot", "--set", "hourly"], env);
  expect(r.code, r.stderr).toBe(0);
  repo.write("state.json", '{"v":"damaged"}\n');
  return { repo, env, tip: repo.git("rev-parse", "integrity-snapshots").trim() };
}

/** Put a commit object with the same tree and message as the tip, built by `make`, on the branch. */
function forgeOnBranch(repo: TestRepo, make: (tree: string, parent: string, message: string) => string): string {
  const tip = repo.git("rev-parse", "integrity-snapshots").trim();
  const forged = make(repo.git("rev-parse", "integrity-snapshots^{tree}").trim(), tip, repo.git("log", "-1", "--format=%B", tip));
  repo.git("update-ref", "refs/heads/integrity-snapshots", forged, tip);
  return forged;
}

/** `good`: the snapshot below the forgery, which the refusal's fix must name. */
async function expectRefused(repo: TestRepo, env: NodeJS.ProcessEnv, status: string, good: string) {
  const list = await repo.cli(["snapshots", "--format", "json"], env);
  expect(list.code).toBe(0);
  expect(JSON.parse(list.stdout).snapshots[0].signature).toBe(status);
  const r = await repo.cli(["restore", "latest", "--format", "json"], env);
  expect(r.code).toBe(1);
  const report = JSON.parse(r.stdout);
  expect(report.findings[0]).toMatchObject({ rule: "snapshot/signature", level: "error", found: status });
  expect(report.findings[0].fix).toContain(`the newest snapshot that passes is ${good.slice(0, 12)}`);
  expect(report.findings[0].fix).toContain(`integrity-guard restore ${good.slice(0, 12)}`);
  expect(repo.read("state.json")).toBe('{"v":"damaged"}\n');
}

describe("signature verification against the pinned key", () => {
  it("verifies a good ssh signature: listed as good and restorable", async () => {
    const { repo, env, tip } = await signedRepo();
    try {
      const list = JSON.parse((await repo.cli(["snapshots", "--format", "json"], env)).stdout);
      expect(list.snapshots).toHaveLength(1);
      expect(list.snapshots[0]).toMatchObject({ id: tip, set: "hourly", files: 2, signature: "good", key: key.fingerprint });
      const r = await repo.cli(["restore", "latest"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.read("state.json")).toBe('{"v":1}\n');
    } finally {
      repo.cleanup();
    }
  });

  it("refuses an unsigned commit on the branch, unless --allow-unsigned", async () => {
    const { repo, env, tip } = await signedRepo();
    try {
      forgeOnBranch(repo, (tree, parent, msg) => repo.git("commit-tree", tree, "-p", parent, "--no-gpg-sign", "-m", msg.trim()).trim());
      await expectRefused(repo, env, "unsigned", tip);
      const r = await repo.cli(["restore", "latest", "--allow-unsigned"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("without a trusted signature");
      expect(repo.read("state.json")).toBe('{"v":1}\n');
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a snapshot signed by another ssh key", async () => {
    const { repo, env, tip } = await signedRepo();
    try {
      forgeOnBranch(repo, (tree, parent, msg) =>
        repo
          .git(
            "-c",
            "gpg.format=ssh",
            "-c",
            `user.signingkey=${other.privateKeyPath}`,
            "commit-tree",
            tree,
            "-p",
            parent,
            "-S",
            "-m",
            msg.trim(),
          )
          .trim(),
      );
      await expectRefused(repo, env, "untrusted", tip);
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a commit whose message was edited after signing (old signature kept)", async () => {
    const { repo, env, tip } = await signedRepo();
    try {
      const raw = repo.git("cat-file", "commit", tip);
      expect(raw).toContain("gpgsig");
      const edited = raw.replace("Snapshot-Set: hourly", "Snapshot-Set: daily");
      expect(edited).not.toBe(raw);
      const res = spawnSync("git", ["hash-object", "-t", "commit", "-w", "--stdin"], { cwd: repo.dir, input: edited, encoding: "utf8" });
      const id = res.stdout.trim();
      repo.git("update-ref", "refs/heads/integrity-snapshots", id, tip);
      const list = JSON.parse((await repo.cli(["snapshots", "--format", "json"], env)).stdout);
      expect(list.snapshots[0]).toMatchObject({ id, set: "daily", signature: "bad" });
      const r = await repo.cli(["restore", "latest"], env);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/signature");
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a GPG signature under an SSH pin", async () => {
    const { repo, env, tip } = await signedRepo();
    try {
      forgeOnBranch(repo, (tree, parent, msg) =>
        execFileSync(
          "git",
          [
            "-c",
            "gpg.format=openpgp",
            "-c",
            `user.signingkey=${gpg.fingerprint}`,
            "commit-tree",
            tree,
            "-p",
            parent,
            "-S",
            "-m",
            msg.trim(),
          ],
          {
            cwd: repo.dir,
            env: { ...process.env, ...gpg.env },
            encoding: "utf8",
          },
        ).trim(),
      );
      await expectRefused(repo, env, "wrong-type", tip);
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a snapshot dated in the future, even when properly signed", async () => {
    const { repo, env, tip } = await signedRepo();
    try {
      forgeOnBranch(repo, (tree, parent, msg) =>
        execFileSync(
          "git",
          [
            "-c",
            "gpg.format=ssh",
            "-c",
            `user.signingkey=${key.privateKeyPath}`,
            "commit-tree",
            tree,
            "-p",
            parent,
            "-S",
            "-m",
            msg.trim(),
          ],
          {
            cwd: repo.dir,
            env: { ...process.env, GIT_COMMITTER_DATE: "4000000000 +0000", GIT_AUTHOR_DATE: "4000000000 +0000" },
            encoding: "utf8",
          },
        ).trim(),
      );
      const r = await repo.cli(["restore", "latest"], env);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/chain");
      expect(r.stdout + r.stderr).toContain("future");
      // The snapshot below it passes (its own chain is in order): the fix names it.
      expect(r.stdout + r.stderr).toContain(`integrity-guard restore ${tip.slice(0, 12)}`);
    } finally {
      repo.cleanup();
    }
  });

  it("does not call a snapshot unchanged on the strength of an unsigned commit that claims the content", async () => {
    const { repo, env } = await signedRepo();
    try {
      // A real snapshot of the damaged content, then replaced by an unsigned copy of its message
      // over the OLD tree: the forgery claims the current content's digest but holds other bytes.
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const real = repo.git("rev-parse", "integrity-snapshots").trim();
      const parent = repo.git("rev-parse", `${real}^`).trim();
      const forged = repo
        .git("commit-tree", `${parent}^{tree}`, "-p", parent, "--no-gpg-sign", "-m", repo.git("log", "-1", "--format=%B", real).trim())
        .trim();
      repo.git("update-ref", "refs/heads/integrity-snapshots", forged, real);
      const r = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain("does not verify against the pinned key");
      const tip = repo.git("rev-parse", "integrity-snapshots").trim();
      expect(tip).not.toBe(forged);
      expect(repo.git("rev-parse", `${tip}^`).trim()).toBe(forged);
      // The new snapshot holds the current content and restores it.
      repo.write("state.json", '{"v":"later"}\n');
      const back = await repo.cli(["restore", "latest"], env);
      expect(back.code, back.stderr).toBe(0);
      expect(repo.read("state.json")).toBe('{"v":"damaged"}\n');
    } finally {
      repo.cleanup();
    }
  });

  it("refuses to take a snapshot on a branch tip dated in the future, and writes nothing", async () => {
    const { repo, env } = await signedRepo();
    try {
      const future = forgeOnBranch(repo, (tree, parent, msg) =>
        execFileSync("git", ["commit-tree", tree, "-p", parent, "--no-gpg-sign", "-m", msg.trim()], {
          cwd: repo.dir,
          env: { ...process.env, GIT_COMMITTER_DATE: "4000000000 +0000", GIT_AUTHOR_DATE: "4000000000 +0000" },
          encoding: "utf8",
        }).trim(),
      );
      const objects = repo.git("count-objects", "-v");
      const r = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"], env);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.findings[0]).toMatchObject({ rule: "snapshot/chain", level: "error" });
      expect(report.findings[0].message).toContain("future");
      expect(report.findings[0].fix).toContain("git update-ref refs/heads/integrity-snapshots");
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(future);
      expect(repo.git("count-objects", "-v")).toBe(objects);
    } finally {
      repo.cleanup();
    }
  });

  it("signs and verifies with gpg against a pinned fingerprint, and rejects another gpg key", async () => {
    const repo = createRepo();
    const stranger = makeGpgKey("S <s@e>");
    try {
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sign: `{ format: gpg, key: ${gpg.fingerprint}, fingerprint: ${gpg.fingerprint} }` }),
      );
      repo.write("state.json", "{}\n");
      repo.commitAll();
      const r = await repo.cli(["snapshot", "--set", "hourly"], gpg.env);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN PGP SIGNATURE");
      const list = JSON.parse((await repo.cli(["snapshots", "--format", "json"], gpg.env)).stdout);
      expect(list.snapshots[0]).toMatchObject({ signature: "good", key: gpg.fingerprint });
      // The same snapshot checked against another fingerprint is untrusted.
      repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sign: `{ format: gpg, key: ${gpg.fingerprint}, fingerprint: ${stranger.fingerprint} }` }),
      );
      const again = JSON.parse((await repo.cli(["snapshots", "--format", "json"], gpg.env)).stdout);
      expect(again.snapshots[0].signature).toBe("untrusted");
    } finally {
      repo.cleanup();
      stranger.cleanup();
    }
  });
});
