import { execFileSync, spawnSync } from "node:child_process";
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

/** Every file under the repo except .git, path -> bytes. */
function tree(repo: TestRepo): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(repo.dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (r === ".git") continue;
      if (e.isDirectory()) walk(r);
      else out.set(r, fs.readFileSync(path.join(repo.dir, r)));
    }
  };
  walk("");
  return out;
}

function setup(): { repo: TestRepo; env: NodeJS.ProcessEnv } {
  const repo = createRepo();
  repo.write(".integrity-guard/config.yml", snapshotConfig());
  repo.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
  repo.write(".gitattributes", "*.txt text eol=crlf\n"); // must not change restored bytes
  repo.write("state.json", '{"v":1}\n');
  repo.write("data/bin.dat", Buffer.from([0, 1, 2, 255, 254, 13, 10, 0]));
  repo.write("data/lf.txt", "line1\nline2\n");
  repo.write("data/we ird/na*me [x].json", '{"odd":true}\r\n');
  repo.commitAll("init");
  repo.write("data/untracked.json", "[]\n");
  return { repo, env: { IG_TEST_SIGNING_KEY: key.privateKey } };
}

describe("restore", () => {
  it("round-trips byte for byte, verifies, leaves the index alone, and its undo brings back the damaged state", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const good = tree(repo);
      const index = fs.readFileSync(path.join(repo.dir, ".git/index"));

      // Damage: modify, delete, add.
      repo.write("state.json", '{"v":"corrupt"');
      fs.rmSync(path.join(repo.dir, "data/bin.dat"));
      repo.write("data/we ird/na*me [x].json", "garbage");
      repo.write("data/extra.json", "{}\n");
      repo.write("data/lf.txt", "line1\n"); // eol=crlf in .gitattributes must not turn \n into \r\n
      const damaged = tree(repo);

      const dry = await repo.cli(["restore", "hourly", "--dry-run", "--format", "json"], env);
      expect(dry.code, dry.stderr).toBe(0);
      const plan = JSON.parse(dry.stdout).restore;
      expect(plan).toMatchObject({
        dry_run: true,
        create: ["data/bin.dat"],
        modify: ["data/lf.txt", "data/we ird/na*me [x].json", "state.json"],
        remove: ["data/extra.json"],
      });
      expect(tree(repo)).toEqual(damaged);

      const r = await repo.cli(["restore", "hourly"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/verified 5 files against the manifest; recovery time \d+\.\d\d s/);
      expect(tree(repo)).toEqual(good);
      expect(fs.readFileSync(path.join(repo.dir, ".git/index")).equals(index)).toBe(true);

      const undo = /^\s+(integrity-guard restore [0-9a-f]{40})$/m.exec(r.stdout)![1]!;
      const args = undo.split(" ").slice(1);
      const u = await repo.cli(args, env);
      expect(u.code, u.stderr).toBe(0);
      expect(tree(repo)).toEqual(damaged);
    } finally {
      repo.cleanup();
    }
  });

  it("restores only the named paths (literal: * and [ are not globs)", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      repo.write("state.json", "bad");
      repo.write("data/we ird/na*me [x].json", "bad");
      repo.write("data/we ird/name x.json", "must stay");
      const r = await repo.cli(["restore", "latest", "data/we ird/na*me [x].json"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.read("data/we ird/na*me [x].json")).toBe('{"odd":true}\r\n');
      expect(repo.read("state.json")).toBe("bad");
      expect(repo.read("data/we ird/name x.json")).toBe("must stay");
    } finally {
      repo.cleanup();
    }
  });

  it("refuses paths outside the repository and paths the snapshot does not hold", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      for (const bad of ["../outside", "/etc/passwd"]) {
        const r = await repo.cli(["restore", "latest", bad], env);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/\.\.|absolute/);
      }
      const r = await repo.cli(["restore", "latest", "nothere.json"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`"nothere.json" is in no snapshot`); // "latest" with a path: the newest snapshot holding it
    } finally {
      repo.cleanup();
    }
  });

  it("refuses a signed snapshot whose tree holds a hostile path, writing nothing", async () => {
    const { repo, env } = setup();
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      const tip = repo.git("rev-parse", "integrity-snapshots").trim();
      const blob = spawnSync("git", ["hash-object", "-w", "--stdin"], { cwd: repo.dir, input: "pwned\n", encoding: "utf8" }).stdout.trim();
      const listing = repo.git("ls-tree", "integrity-snapshots^{tree}");
      const evil = spawnSync("git", ["mktree"], {
        cwd: repo.dir,
        input: listing + `100644 blob ${blob}\t..\n`,
        encoding: "utf8",
      }).stdout.trim();
      const msg = repo.git("log", "-1", "--format=%B", tip).trim();
      const forged = execFileSync(
        "git",
        ["-c", "gpg.format=ssh", "-c", `user.signingkey=${key.privateKeyPath}`, "commit-tree", evil, "-p", tip, "-S", "-m", msg],
        { cwd: repo.dir, encoding: "utf8" },
      ).trim();
      repo.git("update-ref", "refs/heads/integrity-snapshots", forged, tip);
      repo.write("state.json", "damaged");
      const r = await repo.cli(["restore", "latest"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('".."');
      expect(repo.read("state.json")).toBe("damaged");
      expect(fs.existsSync(path.join(path.dirname(repo.dir), "pwned"))).toBe(false);
    } finally {
      repo.cleanup();
    }
  });

  it("says so when there is nothing to restore from", async () => {
    const { repo, env } = setup();
    try {
      const r = await repo.cli(["restore", "latest"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("snapshot --set");
    } finally {
      repo.cleanup();
    }
  });
  it("round-trips a set large enough to be written as one pack", async () => {
    const { repo, env } = setup();
    try {
      for (let i = 0; i < 150; i++) repo.write(`data/many/f${i}.json`, JSON.stringify({ i }) + "\n");
      const r = await repo.cli(["snapshot", "--set", "hourly"], env);
      expect(r.code, r.stderr).toBe(0);
      expect(fs.readdirSync(path.join(repo.dir, ".git/objects/pack")).some((f) => f.endsWith(".pack"))).toBe(true);
      const good = tree(repo);
      fs.rmSync(path.join(repo.dir, "data/many"), { recursive: true });
      const restored = await repo.cli(["restore", "hourly"], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(tree(repo)).toEqual(good);
    } finally {
      repo.cleanup();
    }
  });

  it("refuses to write through a symlinked folder that leads outside the repository", async () => {
    const { repo, env } = setup();
    const outside = fs.mkdtempSync(path.join(path.dirname(repo.dir), "ig-outside-"));
    try {
      expect((await repo.cli(["snapshot", "--set", "hourly"], env)).code).toBe(0);
      fs.rmSync(path.join(repo.dir, "data/we ird"), { recursive: true });
      fs.symlinkSync(outside, path.join(repo.dir, "data/we ird"));
      const r = await repo.cli(["restore", "hourly"], env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("symlink");
      expect(fs.readdirSync(outside)).toEqual([]);
    } finally {
      repo.cleanup();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
