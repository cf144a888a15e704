import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

const FILES = 150; // above the pack threshold (64)

function setup(dir?: string): { repo: TestRepo; env: NodeJS.ProcessEnv } {
  const repo = createRepo(dir ? { dir } : {});
  repo.write(".integrity-guard/config.yml", snapshotConfig());
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write("state.json", '{"v":1}\n');
  for (let i = 0; i < FILES; i++) repo.write(`data/d${i % 7}/f${i}.json`, JSON.stringify({ i, pad: "x".repeat(i * 13) }) + "\n");
  repo.write("data/big.bin", Buffer.alloc(70_000, 7)); // compressed in the pack, more than one stored block otherwise
  repo.write("data/run.sh", "#!/bin/sh\n");
  fs.chmodSync(path.join(repo.dir, "data/run.sh"), 0o755);
  return { repo, env: { IG_TEST_SIGNING_KEY: key.privateKey } };
}

function looseObjects(repo: TestRepo): number {
  return Number(/^count: (\d+)$/m.exec(repo.git("count-objects", "-v"))![1]);
}

describe("snapshot objects written as one pack", () => {
  it("stores blobs, manifest and trees in one pack (write-tree writes nothing), reuses unchanged blobs, and fsck is clean", async () => {
    const { repo, env } = setup();
    try {
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      // Only the commit is loose: the trees write-tree computed were all in the pack already.
      expect(looseObjects(repo)).toBe(1);
      const first = repo.git("rev-parse", "integrity-snapshots").trim();
      expect(repo.git("show", `${first}:data/d3/f10.json`)).toBe(JSON.stringify({ i: 10, pad: "x".repeat(130) }) + "\n");
      expect(repo.git("ls-tree", first, "data/run.sh")).toMatch(/^100755 blob /);
      expect(Buffer.from(repo.git("cat-file", "blob", `${first}:data/big.bin`), "latin1").equals(Buffer.alloc(70_000, 7))).toBe(true);

      repo.write("data/d1/f8.json", '{"changed":true}\n');
      repo.write("data/new.json", "[]\n");
      const again = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(again.code, again.stdout + again.stderr).toBe(0);
      const second = repo.git("rev-parse", "integrity-snapshots").trim();
      expect(repo.git("rev-parse", `${second}^`).trim()).toBe(first);
      const diff = repo.git("diff-tree", "-r", "--name-status", first, second).trim().split("\n");
      expect(diff).toEqual(["M\t.integrity-snapshot/manifest.json", "M\tdata/d1/f8.json", "A\tdata/new.json"]);
      expect(repo.git("fsck", "--full", "--strict", "--no-dangling").trim()).toBe("");
    } finally {
      repo.cleanup();
    }
  });

  it("leaves the user's index byte-identical and HEAD where it was", async () => {
    const { repo, env } = setup();
    try {
      repo.commitAll("init");
      repo.write("data/d2/f2.json", '{"edited":true}\n');
      repo.git("add", "data/d2/f2.json");
      repo.write("data/d3/f3.json", '{"unstaged":true}\n');
      const indexBefore = fs.readFileSync(path.join(repo.dir, ".git/index"));
      const head = repo.git("rev-parse", "HEAD");
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(fs.readFileSync(path.join(repo.dir, ".git/index")).equals(indexBefore)).toBe(true);
      expect(repo.git("rev-parse", "HEAD")).toBe(head);
      expect(repo.git("show", "integrity-snapshots:data/d3/f3.json")).toBe('{"unstaged":true}\n');
      expect(fs.readdirSync(path.join(repo.dir, ".git/integrity-guard")).filter((f) => f.endsWith(".index"))).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  it("catches a blob damaged inside the pack: the next snapshot is refused and the branch stays", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const tip = repo.git("rev-parse", "integrity-snapshots").trim();
      // Small blobs are stored uncompressed: the file's bytes appear as they are in the pack.
      const packDir = path.join(repo.dir, ".git/objects/pack");
      const packs = fs.readdirSync(packDir).filter((f) => f.endsWith(".pack"));
      const needle = Buffer.from(JSON.stringify({ i: 42, pad: "x".repeat(42 * 13) }));
      let damaged = 0;
      for (const p of packs) {
        const file = path.join(packDir, p);
        const bytes = fs.readFileSync(file);
        const at = bytes.indexOf(needle);
        if (at < 0) continue;
        bytes.writeUInt8(bytes.readUInt8(at + 3) ^ 0x20, at + 3);
        fs.chmodSync(file, 0o644);
        fs.writeFileSync(file, bytes);
        damaged++;
      }
      expect(damaged).toBe(1);
      repo.write("state.json", '{"v":2}\n');
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/checksum");
      expect(r.stdout + r.stderr).toContain("data/d0/f42.json");
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
      // A restore from it is refused before anything is written, and records no pre-restore snapshot.
      fs.rmSync(path.join(repo.dir, "data/d1"), { recursive: true });
      const restore = await repo.cli(["restore", "hourly"], env);
      expect(restore.code, restore.stdout + restore.stderr).toBe(1);
      expect(restore.stdout + restore.stderr).toContain("snapshot/checksum");
      expect(fs.existsSync(path.join(repo.dir, "data/d1"))).toBe(false);
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
    } finally {
      repo.cleanup();
    }
  });

  it("catches a damaged tree the next snapshot would reuse: refused, branch stays", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const tip = repo.git("rev-parse", "integrity-snapshots").trim();
      // Trees are stored uncompressed too: find the one of data/d4 by an entry name and damage it.
      const packDir = path.join(repo.dir, ".git/objects/pack");
      // The snapshot may span packs (blobs, then manifest and trees): take the one holding the tree.
      const entry = Buffer.from("100644 f11.json\0");
      const pack = fs
        .readdirSync(packDir)
        .filter((f) => f.endsWith(".pack"))
        .find((f) => fs.readFileSync(path.join(packDir, f)).includes(entry))!;
      expect(pack).toBeDefined();
      const bytes = fs.readFileSync(path.join(packDir, pack));
      const at = bytes.indexOf(entry);
      expect(at).toBeGreaterThan(0);
      bytes.writeUInt8(bytes.readUInt8(at + 9) ^ 0x01, at + 9);
      fs.chmodSync(path.join(packDir, pack), 0o644);
      fs.writeFileSync(path.join(packDir, pack), bytes);
      repo.write("data/d0/f0.json", '{"changed":1}\n'); // d4 unchanged: its tree is reused
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/checksum");
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toBe(tip);
    } finally {
      repo.cleanup();
    }
  });

  it("falls back to fast-import when git refuses the pack (a damaged copy of a blob is already there)", async () => {
    const { repo, env } = setup();
    try {
      repo.commitAll("init"); // every file's blob is now a loose object
      const oid = repo.git("rev-parse", "HEAD:data/d5/f12.json").trim();
      const file = path.join(repo.dir, ".git/objects", oid.slice(0, 2), oid.slice(2));
      const bytes = fs.readFileSync(file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0xff, bytes.length - 3);
      fs.chmodSync(file, 0o644);
      fs.writeFileSync(file, bytes);
      expect(repo.tryGit("cat-file", "blob", oid).status).not.toBe(0);
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      // fast-import stores its own copy (it skips only packed duplicates): read back intact.
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(repo.git("show", "integrity-snapshots:data/d5/f12.json")).toBe(repo.read("data/d5/f12.json"));
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a snapshot signed by a key other than the pinned one while the read-back runs, with exit 1", async () => {
    const { repo, env } = setup();
    const other = makeSshKey("other@example.com");
    try {
      const r = await repo.cli(["snapshot", "--set", "hourly"], { ...env, IG_TEST_SIGNING_KEY: other.privateKey });
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain("snapshot/signature");
      expect(repo.tryGit("rev-parse", "--verify", "-q", "integrity-snapshots").status).not.toBe(0);
    } finally {
      other.cleanup();
      repo.cleanup();
    }
  });

  it("takes the fast-import path in a SHA-256 repository and round-trips a restore", async () => {
    const dir = makeTempDir();
    fs.rmSync(dir, { recursive: true });
    fs.mkdirSync(dir);
    const { execFileSync } = await import("node:child_process");
    execFileSync("git", ["init", "-q", "-b", "main", "--object-format=sha256", dir]);
    const { repo, env } = setup(dir);
    try {
      expect(repo.git("rev-parse", "--show-object-format").trim()).toBe("sha256");
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(repo.git("rev-parse", "integrity-snapshots").trim()).toHaveLength(64);
      const before = repo.read("data/d2/f9.json");
      fs.rmSync(path.join(repo.dir, "data"), { recursive: true });
      const restored = await repo.cli(["restore", "hourly"], env);
      expect(restored.code, restored.stdout + restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`verified ${FILES + 3} files`);
      expect(repo.read("data/d2/f9.json")).toBe(before);
      expect(fs.statSync(path.join(repo.dir, "data/run.sh")).mode & 0o111).not.toBe(0);
    } finally {
      repo.cleanup();
    }
  });
});
