import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

function setup(config = snapshotConfig()): { repo: TestRepo; env: NodeJS.ProcessEnv } {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", config);
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write(".gitignore", "*.log\n");
  repo.write("state.json", '{"committed":true}\n');
  repo.write("data/committed.json", "[1]\n");
  repo.commitAll("init");
  return { repo, env: { IG_TEST_SIGNING_KEY: key.privateKey } };
}

describe("snapshot --set", () => {
  it("captures committed, uncommitted and (with ignored: include) ignored files and leaves index, HEAD and stash alone", async () => {
    const { repo, env } = setup(snapshotConfig({ sets: '    hourly: { paths: ["data/", "state.json"], keep: 2, ignored: include }' }));
    try {
      repo.write("data/uncommitted.json", "[2]\n");
      repo.write("data/ignored.log", "secret log\n");
      repo.write("state.json", '{"committed":false}\n'); // modified, not staged
      repo.write("data/staged.json", "[3]\n");
      repo.git("add", "data/staged.json");
      repo.write("data/sub dir/we*rd [1].json", "{}\n");
      const indexBefore = fs.readFileSync(path.join(repo.dir, ".git/index"));
      const head = repo.git("rev-parse", "HEAD");
      const statusBefore = repo.git("status", "--porcelain=v1", "-z", "--ignored");

      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/snapshot [0-9a-f]{12} of set hourly: 6 files/);

      expect(fs.readFileSync(path.join(repo.dir, ".git/index")).equals(indexBefore)).toBe(true);
      expect(repo.git("rev-parse", "HEAD")).toBe(head);
      expect(repo.git("status", "--porcelain=v1", "-z", "--ignored")).toBe(statusBefore);
      expect(repo.tryGit("rev-parse", "--verify", "-q", "refs/stash").status).not.toBe(0);
      expect(fs.readdirSync(path.join(repo.dir, ".git/integrity-guard")).filter((f) => f.endsWith(".index"))).toEqual([]);

      const files = repo.git("ls-tree", "-r", "--name-only", "integrity-snapshots").trim().split("\n");
      expect(files.sort()).toEqual([
        ".integrity-snapshot/manifest.json",
        "data/committed.json",
        "data/ignored.log",
        "data/staged.json",
        "data/sub dir/we*rd [1].json",
        "data/uncommitted.json",
        "state.json",
      ]);
      expect(repo.git("show", "integrity-snapshots:state.json")).toBe('{"committed":false}\n');
      expect(repo.git("show", "integrity-snapshots:data/ignored.log")).toBe("secret log\n");
      // An orphan branch: no parent, unrelated to main.
      expect(repo.git("rev-list", "--count", "integrity-snapshots").trim()).toBe("1");
      const msg = repo.git("log", "-1", "--format=%B", "integrity-snapshots");
      expect(msg).toContain("Snapshot-Set: hourly");
      expect(msg).toContain(`Source-Commit: ${head.trim()}`);
      expect(msg).toMatch(/Manifest-Digest: sha256:[0-9a-f]{64}/);
      expect(msg).toMatch(/Snapshot-Time: \d{4}-\d\d-\d\dT/);
      const manifest = JSON.parse(repo.git("show", "integrity-snapshots:.integrity-snapshot/manifest.json"));
      expect(manifest.files["data/ignored.log"]).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: 11, mode: "100644" });
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("-----BEGIN SSH SIGNATURE-----");
    } finally {
      repo.cleanup();
    }
  });

  it("makes no commit when nothing changed, and a child commit when something did", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const first = repo.git("rev-parse", "integrity-snapshots").trim();
      const again = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"], env);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).snapshot).toMatchObject({ id: first, unchanged: true });
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(first);

      repo.write("data/committed.json", "[1, 2]\n");
      const third = await repo.cli(["snapshot", "--set", "hourly", "--format", "json"], env);
      const id = JSON.parse(third.stdout).snapshot.id as string;
      expect(id).not.toBe(first);
      expect(repo.git("rev-parse", `${id}^`).trim()).toBe(first);
      expect(repo.git("show", `${id}:data/committed.json`)).toBe("[1, 2]\n");
    } finally {
      repo.cleanup();
    }
  });

  it("takes the key from an env var with CRLF line ends and no final newline, and removes the temp key", async () => {
    const { repo } = setup();
    try {
      const crlf = key.privateKey.replace(/\n/g, "\r\n").replace(/\s+$/, "");
      const r = await repo.cli(["snapshot", "--set", "hourly"], { IG_TEST_SIGNING_KEY: crlf });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).toContain("BEGIN SSH SIGNATURE");
      // The temporary private key copy is gone.
      expect(fs.readdirSync(path.join(repo.dir, ".git/integrity-guard")).filter((f) => f.startsWith("ig-sign-"))).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  it("exits 2 naming the variable when the key is missing, and leaves no branch", async () => {
    const { repo } = setup();
    try {
      const r = await repo.cli(["snapshot", "--set", "hourly"], { IG_TEST_SIGNING_KEY: "" });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("IG_TEST_SIGNING_KEY");
      expect(repo.tryGit("rev-parse", "--verify", "-q", "integrity-snapshots").status).not.toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it("exits 2 naming the path when the key file does not exist", async () => {
    const { repo } = setup(snapshotConfig({ sign: "{ format: ssh, key: keys/nope, allowed_signers: .integrity-guard/allowed_signers }" }));
    try {
      const r = await repo.cli(["snapshot", "--set", "hourly"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(path.join(repo.dir, "keys/nope"));
    } finally {
      repo.cleanup();
    }
  });

  it("requires signing to be chosen explicitly, and accepts an explicit none", async () => {
    const { repo } = setup("version: 1\nsnapshots:\n  sets:\n    hourly: { paths: [state.json] }\n");
    try {
      const r = await repo.cli(["snapshot", "--set", "hourly"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("snapshots.sign");
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: [state.json] }\n",
      );
      const ok = await repo.cli(["snapshot", "--set", "hourly"]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain("unsigned");
      expect(repo.git("cat-file", "-p", "integrity-snapshots")).not.toContain("gpgsig");
    } finally {
      repo.cleanup();
    }
  });

  it("refuses an unknown set and a missing --set with the configured names", async () => {
    const { repo, env } = setup();
    try {
      const r = await repo.cli(["snapshot", "--set", "hourlyy"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("hourly, daily");
      expect((await repo.cli(["snapshot"], env)).code).toBe(2);
    } finally {
      repo.cleanup();
    }
  });

  it("refuses to move the branch when the signing key is not the pinned one", async () => {
    const other = makeSshKey("other@example.com");
    const { repo } = setup();
    try {
      const r = await repo.cli(["snapshot", "--set", "hourly"], { IG_TEST_SIGNING_KEY: other.privateKey });
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/signature");
      expect(repo.tryGit("rev-parse", "--verify", "-q", "integrity-snapshots").status).not.toBe(0);
    } finally {
      repo.cleanup();
      other.cleanup();
    }
  });

  it("detects a corrupted object in the repository: the snapshot aborts and the branch stays", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const tip = repo.git("rev-parse", "integrity-snapshots").trim();
      // Corrupt the loose object of data/committed.json (reused by the next snapshot).
      const oid = repo.git("rev-parse", "integrity-snapshots:data/committed.json").trim();
      const file = path.join(repo.dir, ".git/objects", oid.slice(0, 2), oid.slice(2));
      fs.chmodSync(file, 0o644);
      const bytes = fs.readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
      fs.writeFileSync(file, bytes);
      repo.write("state.json", '{"changed":1}\n');
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/checksum");
      expect(r.stdout + r.stderr).toContain("data/committed.json");
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
      // A restore from the damaged snapshot is refused before anything is written.
      repo.write("state.json", "broken");
      const restore = await repo.cli(["restore", "hourly"], env);
      expect(restore.code).toBe(1);
      expect(restore.stdout + restore.stderr).toContain("snapshot/checksum");
      expect(repo.read("state.json")).toBe("broken");
    } finally {
      repo.cleanup();
    }
  });
});
