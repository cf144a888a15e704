/**
 * Issue 15 items 2-3: git-ignored and secret-looking files stay out of pushed snapshots unless
 * the set says otherwise, and encrypted sets push no clear byte of them (every object of the
 * remote is searched), restore them byte for byte with the identity, refuse without it, and
 * still refuse forgeries.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Encrypter, generateX25519Identity, identityToRecipient } from "age-encryption";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Git } from "../../src/io/git.js";
import { sshRecipient } from "../../src/io/snapshot/encrypt-ssh.js";
import { createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

const ENV_SECRET = "API_TOKEN=tok-7f3c9e1d0b2a";
const YAML_SECRET = "db_password: pw-94d1c0ffee";

let signing: SshKey;
let crypt: SshKey;
beforeAll(() => {
  signing = makeSshKey();
  crypt = makeSshKey("restore@example.com");
});
afterAll(() => {
  signing.cleanup();
  crypt.cleanup();
});

interface Setup {
  repo: TestRepo;
  remote: TestRepo;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A repository whose set `secrets` covers config/ and .env, both secret files git-ignored; a bare remote. */
function setup(setLine: string): Setup {
  const remote = createRepo({ bare: true });
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig({ sets: `    secrets: ${setLine}` }));
  repo.write(".integrity-guard/allowed_signers", signing.allowedSignersLine());
  repo.write(".gitignore", ".env\nconfig/secrets.local.yaml\n");
  repo.write("config/app.yaml", "name: app\n");
  repo.commitAll("init");
  repo.write(".env", `${ENV_SECRET}\n`);
  repo.write("config/secrets.local.yaml", `${YAML_SECRET}\n`);
  repo.git("remote", "add", "origin", remote.dir);
  return {
    repo,
    remote,
    env: { IG_TEST_SIGNING_KEY: signing.privateKey },
    cleanup: () => {
      repo.cleanup();
      remote.cleanup();
    },
  };
}

/** Every object of a repository, raw (cat-file --batch-all-objects --batch), as one latin1 string. */
function allObjects(repo: TestRepo): string {
  return execFileSync("git", ["cat-file", "--batch-all-objects", "--batch"], { cwd: repo.dir, maxBuffer: 1 << 28 }).toString("latin1");
}

function snapshotFiles(repo: TestRepo, rev = "integrity-snapshots"): string[] {
  return repo.git("ls-tree", "-r", "--name-only", rev).trim().split("\n").sort();
}

function read(repo: TestRepo, rel: string): Buffer | undefined {
  const abs = path.join(repo.dir, rel);
  return fs.existsSync(abs) ? fs.readFileSync(abs) : undefined;
}

const encryptLine = () => `{ paths: ["config/", ".env"], ignored: include, encrypt: { recipients: ["${crypt.publicKey}"] } }`;

describe("secrets stay home", () => {
  it("leaves git-ignored files out by default, pushes none of them, and lists them in the notice with the line that includes them", async () => {
    const s = setup('{ paths: ["config/", ".env"] }');
    try {
      const r = await s.repo.cli(["snapshot", "--set", "secrets", "--push"], s.env);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toContain("left out 2 git-ignored file(s) of set secrets: .env, config/secrets.local.yaml");
      expect(r.stdout).toContain("`ignored: include` to snapshots.sets.secrets");
      expect(snapshotFiles(s.remote)).toEqual([".integrity-snapshot/manifest.json", "config/app.yaml"]);
      const objects = allObjects(s.remote);
      expect(objects).toContain("name: app"); // the search does see blob contents
      expect(objects).not.toContain("tok-7f3c9e1d0b2a");
      expect(objects).not.toContain("pw-94d1c0ffee");
      const json = await s.repo.cli(["snapshot", "--set", "secrets", "--format", "json"], s.env);
      expect(JSON.parse(json.stdout).snapshot.left_out).toEqual({ ignored: [".env", "config/secrets.local.yaml"], secrets: [] });
    } finally {
      s.cleanup();
    }
  });

  it("refuses to push secret-looking files of an unencrypted set (nothing written), leaves them out of a local snapshot with a warning", async () => {
    const s = setup('{ paths: ["config/", ".env"], ignored: include }');
    try {
      const r = await s.repo.cli(["snapshot", "--set", "secrets", "--push"], s.env);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("snapshot/secret");
      expect(r.stdout).toContain(".env, config/secrets.local.yaml");
      expect(r.stdout).toContain("snapshots.sets.secrets.encrypt");
      expect(r.stdout).toContain("allow_secrets");
      expect(s.repo.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);
      expect(s.remote.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);

      const local = await s.repo.cli(["snapshot", "--set", "secrets"], s.env);
      expect(local.code, local.stderr).toBe(0);
      expect(local.stdout).toContain("warning: left out 2 secret-looking file(s) of set secrets: .env, config/secrets.local.yaml");
      expect(snapshotFiles(s.repo)).toEqual([".integrity-snapshot/manifest.json", "config/app.yaml"]);
      expect(allObjects(s.repo)).not.toContain("tok-7f3c9e1d0b2a");
    } finally {
      s.cleanup();
    }
  });

  it("pushes secret-looking files in clear only where allow_secrets names them", async () => {
    const s = setup('{ paths: ["config/", ".env"], ignored: include, allow_secrets: [".env"] }');
    try {
      const partly = await s.repo.cli(["snapshot", "--set", "secrets", "--push"], s.env);
      expect(partly.code).toBe(1);
      expect(partly.stdout).toContain("1 secret-looking file(s) that would be pushed in clear: config/secrets.local.yaml");

      s.repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({
          sets: '    secrets: { paths: ["config/", ".env"], ignored: include, allow_secrets: [".env", "config/*.local.yaml"] }',
        }),
      );
      const r = await s.repo.cli(["snapshot", "--set", "secrets", "--push"], s.env);
      expect(r.code, r.stdout).toBe(0);
      expect(snapshotFiles(s.remote)).toEqual([
        ".env",
        ".integrity-snapshot/manifest.json",
        "config/app.yaml",
        "config/secrets.local.yaml",
      ]);
      expect(allObjects(s.remote)).toContain("tok-7f3c9e1d0b2a"); // allowed explicitly: in clear, as configured
    } finally {
      s.cleanup();
    }
  });

  it("a restore leaves alone the files its snapshot left out (it does not delete the ignored .env)", async () => {
    const s = setup('{ paths: ["config/", ".env"] }');
    try {
      expect((await s.repo.cli(["snapshot", "--set", "secrets"], s.env)).code).toBe(0);
      s.repo.write("config/app.yaml", "name: broken\n");
      const r = await s.repo.cli(["restore", "secrets"], s.env);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).not.toMatch(/^\s+remove /m);
      expect(r.stdout).toContain("0 to remove");
      expect(s.repo.read("config/app.yaml")).toBe("name: app\n");
      expect(s.repo.read(".env")).toBe(`${ENV_SECRET}\n`);
      expect(s.repo.read("config/secrets.local.yaml")).toBe(`${YAML_SECRET}\n`);
    } finally {
      s.cleanup();
    }
  });
});

describe("git-ignored detection", () => {
  it("names ignored files, files in ignored folders, and never a tracked file (even inside an ignored folder)", async () => {
    const repo = createRepo();
    try {
      repo.write(".gitignore", "build/\n*.log\n!keep.log\n");
      repo.write("build/tracked.txt", "t");
      repo.git("add", "-f", "build/tracked.txt", ".gitignore");
      repo.git("commit", "-qm", "init");
      const files = [
        "build/tracked.txt",
        "build/sub/x.o",
        "build/y.o",
        "top.log",
        "a/b/c.log",
        "keep.log",
        "a/keep.json",
        "we ird [1].log",
      ];
      for (const f of files) if (f !== "build/tracked.txt") repo.write(f, "x");
      const git = await Git.open(repo.dir);
      const ignored = await git.ignoredPaths(files);
      expect([...ignored].sort()).toEqual(["a/b/c.log", "build/sub/x.o", "build/y.o", "top.log", "we ird [1].log"]);
      expect(await git.ignoredPaths([])).toEqual(new Set());
    } finally {
      repo.cleanup();
    }
  });
});

describe("encrypted sets", () => {
  it("push no clear text (every object of the remote searched), keep paths and sizes readable, and restore byte for byte from another clone with the ssh identity", async () => {
    const s = setup(encryptLine());
    const cloneDir = makeTempDir();
    try {
      s.repo.git("push", "-q", "origin", "main"); // the config travels with the code
      const r = await s.repo.cli(["snapshot", "--set", "secrets", "--push"], s.env);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(r.stdout).toContain("contents encrypted with age: the read-back compared every blob byte for byte");
      expect(snapshotFiles(s.remote)).toEqual([
        ".env",
        ".integrity-snapshot/manifest.json",
        "config/app.yaml",
        "config/secrets.local.yaml",
      ]);
      const objects = allObjects(s.remote);
      expect(objects).toContain("age-encryption.org/v1\n-> ssh-ed25519 ");
      for (const clear of ["tok-7f3c9e1d0b2a", "pw-94d1c0ffee", "API_TOKEN", "db_password"]) expect(objects).not.toContain(clear);
      const manifest = JSON.parse(s.remote.git("show", "integrity-snapshots:.integrity-snapshot/manifest.json"));
      expect(manifest.encryption).toEqual({ format: "age", recipients: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
      expect(manifest.files[".env"].size).toBe(ENV_SECRET.length + 1);

      // Another machine: a clone of the remote, with the snapshot branch fetched.
      execFileSync("git", ["clone", "-q", s.remote.dir, cloneDir], { env: { ...process.env, ...GIT_ENV } });
      const clone = createRepo({ dir: cloneDir });
      execFileSync("git", ["fetch", "-q", "origin", "integrity-snapshots:integrity-snapshots"], { cwd: cloneDir });
      expect(read(clone, ".env")).toBeUndefined();
      const restored = await clone.cli(["restore", "secrets", "--identity", crypt.privateKeyPath], s.env);
      expect(restored.code, restored.stderr + restored.stdout).toBe(0);
      expect(read(clone, ".env")!.equals(read(s.repo, ".env")!)).toBe(true);
      expect(read(clone, "config/secrets.local.yaml")!.equals(read(s.repo, "config/secrets.local.yaml")!)).toBe(true);
      expect(restored.stdout).toContain("verified 3 files against the manifest");
    } finally {
      s.cleanup();
      fs.rmSync(cloneDir, { recursive: true, force: true });
    }
  });

  it("restore without an identity fails clearly and changes nothing; a dry run says it checked the age structure only", async () => {
    const s = setup(encryptLine());
    try {
      expect((await s.repo.cli(["snapshot", "--set", "secrets"], s.env)).code).toBe(0);
      s.repo.write(".env", "API_TOKEN=changed\n");
      fs.rmSync(path.join(s.repo.dir, "config/secrets.local.yaml"));
      const before = {
        env: read(s.repo, ".env"),
        app: read(s.repo, "config/app.yaml"),
        tip: s.repo.git("rev-parse", "integrity-snapshots"),
      };

      const r = await s.repo.cli(["restore", "secrets"], s.env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is encrypted (age); restoring it needs an identity");
      expect(r.stderr).toContain("--identity");
      expect(read(s.repo, ".env")).toEqual(before.env);
      expect(read(s.repo, "config/secrets.local.yaml")).toBeUndefined();
      expect(s.repo.git("rev-parse", "integrity-snapshots")).toBe(before.tip); // no pre-restore snapshot either

      const dry = await s.repo.cli(["restore", "secrets", "--dry-run"], s.env);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stderr + dry.stdout).toContain("checked for age structure and size only, not decrypted");

      // The identity from the set's config (env:NAME) works as --identity does; the pre-restore
      // snapshot of the replaced .env is encrypted too.
      s.repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({
          sets: `    secrets: { paths: ["config/", ".env"], ignored: include, encrypt: { recipients: ["${crypt.publicKey}"], key: env:IG_TEST_AGE_KEY } }`,
        }),
      );
      const ok = await s.repo.cli(["restore", "secrets"], { ...s.env, IG_TEST_AGE_KEY: crypt.privateKey });
      expect(ok.code, ok.stderr + ok.stdout).toBe(0);
      expect(s.repo.read(".env")).toBe(`${ENV_SECRET}\n`);
      expect(s.repo.read("config/secrets.local.yaml")).toBe(`${YAML_SECRET}\n`);
      expect(allObjects(s.repo)).not.toContain("API_TOKEN=changed");
    } finally {
      s.cleanup();
    }
  });

  it("with an age1 recipient: restore with an age identity file works after the set lost its encrypt block, and encrypts the pre-restore snapshot to that identity", async () => {
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const s = setup(`{ paths: ["config/", ".env"], ignored: include, encrypt: { recipients: ["${recipient}"] } }`);
    const idDir = makeTempDir();
    try {
      expect((await s.repo.cli(["snapshot", "--set", "secrets"], s.env)).code).toBe(0);
      expect(allObjects(s.repo)).not.toContain("tok-7f3c9e1d0b2a");
      s.repo.write(
        ".integrity-guard/config.yml",
        snapshotConfig({ sets: '    secrets: { paths: ["config/", ".env"], ignored: include }' }),
      );
      s.repo.write(".env", "API_TOKEN=replaced-value\n");
      const idFile = path.join(idDir, "age-identity.txt");
      fs.writeFileSync(idFile, `# test\n${identity}\n`);
      const r = await s.repo.cli(["restore", "secrets", "--identity", idFile], s.env);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      expect(s.repo.read(".env")).toBe(`${ENV_SECRET}\n`);
      expect(allObjects(s.repo)).not.toContain("replaced-value");
      const pre = s.repo.git("log", "-1", "--format=%H", "integrity-snapshots").trim();
      const manifest = JSON.parse(s.repo.git("show", `${pre}:.integrity-snapshot/manifest.json`));
      expect(manifest.set).toBe("pre-restore");
      expect(manifest.encryption.format).toBe("age");
    } finally {
      s.cleanup();
      fs.rmSync(idDir, { recursive: true, force: true });
    }
  });

  it("refuses a forged snapshot whose re-encrypted blob does not match the signed manifest, writing nothing", async () => {
    const s = setup(encryptLine());
    try {
      expect((await s.repo.cli(["snapshot", "--set", "secrets"], s.env)).code).toBe(0);
      const tip = s.repo.git("rev-parse", "integrity-snapshots").trim();
      // The forger encrypts other bytes to the same recipient and puts them under the same
      // manifest and message (it cannot sign: the commit is unsigned).
      const e = new Encrypter();
      e.addRecipient(sshRecipient(crypt.publicKey)!);
      const forged = Buffer.from(await e.encrypt("API_TOKEN=attacker\n"));
      const blob = execFileSync("git", ["hash-object", "-w", "--stdin"], { cwd: s.repo.dir, input: forged }).toString().trim();
      const index = path.join(s.repo.dir, ".git/forge.index");
      const genv = { ...process.env, ...GIT_ENV, GIT_INDEX_FILE: index };
      execFileSync("git", ["read-tree", tip], { cwd: s.repo.dir, env: genv });
      execFileSync("git", ["update-index", "--cacheinfo", `100644,${blob},.env`], { cwd: s.repo.dir, env: genv });
      const tree = execFileSync("git", ["write-tree"], { cwd: s.repo.dir, env: genv }).toString().trim();
      const message = s.repo.git("log", "-1", "--format=%B", tip);
      const commit = execFileSync("git", ["commit-tree", tree, "-p", tip, "-m", message], { cwd: s.repo.dir, env: genv }).toString().trim();
      s.repo.git("update-ref", "refs/heads/integrity-snapshots", commit);
      s.repo.write(".env", "API_TOKEN=local\n");

      const bySig = await s.repo.cli(["restore", "secrets", "--identity", crypt.privateKeyPath], s.env);
      expect(bySig.code).toBe(1);
      expect(bySig.stdout).toContain("snapshot/signature");
      const byContent = await s.repo.cli(["restore", commit, "--allow-unsigned", "--identity", crypt.privateKeyPath], s.env);
      expect(byContent.code).toBe(1);
      expect(byContent.stdout).toContain("snapshot/checksum");
      expect(byContent.stdout).toContain(".env: read-back checksum differs from the source");
      expect(s.repo.read(".env")).toBe("API_TOKEN=local\n");

      // A wrong identity is refused before anything is written, too.
      const other = makeSshKey("other@example.com");
      try {
        const wrong = await s.repo.cli(["restore", tip, "--identity", other.privateKeyPath], s.env);
        expect(wrong.code).toBe(1);
        expect(wrong.stdout).toContain("cannot be decrypted with the identity given");
        expect(s.repo.read(".env")).toBe("API_TOKEN=local\n");
      } finally {
        other.cleanup();
      }
    } finally {
      s.cleanup();
    }
  });
});
