/**
 * `restore` on a full disk: before it writes a file, restore records the current state of the
 * paths as a pre-restore snapshot (its undo). When that snapshot cannot be stored, git's
 * fast-import failure came out raw ("fatal: ... Out of diskspace", a crash report path), which
 * did not say that nothing was restored nor what to do. It is now an EnvironmentError (exit 2)
 * that says so; the work tree, with its uncommitted edits, is untouched. A real tmpfs, so root only.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createRepo, makeTempDir } from "../helpers/repo.js";

const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;

describe("restore on a full disk", () => {
  it.skipIf(!canMount)("exit 2 before any write: says the disk is full and that no file was written; the edits stay", async () => {
    const mnt = makeTempDir("ig-full-restore-");
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", mnt]).status).toBe(0);
    try {
      const repo = createRepo({ dir: mnt });
      repo.write(
        ".integrity-guard/config.yml",
        "version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: [data/], keep: 3 }\n",
      );
      repo.write("data/small.json", '{"a": 1}\n');
      repo.commitAll("base");
      const first = await repo.cli(["snapshot", "--set", "hourly"]);
      expect(first.code, first.stdout + first.stderr).toBe(0);
      // Uncommitted edits the pre-restore snapshot must hold: too big for what is left.
      const big = JSON.stringify({ blob: crypto.randomBytes(900_000).toString("base64") }) + "\n";
      repo.write("data/big.json", big);
      repo.write("data/small.json", '{"a": 2}\n');
      const r = await repo.cli(["restore", "hourly", "--allow-unsigned"]);
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toMatch(/restore stopped before changing anything/);
      expect(r.stderr).toMatch(/it is full; no file was written/);
      expect(r.stderr).toMatch(/fix: free disk space/);
      expect(r.stderr).not.toMatch(/fast_import_crash|fatal:/);
      expect(repo.read("data/small.json")).toBe('{"a": 2}\n');
      expect(repo.read("data/big.json")).toBe(big);
      expect(fs.existsSync(path.join(mnt, ".git/integrity-guard/restore-journal.json"))).toBe(false);
    } finally {
      spawnSync("umount", [mnt]);
      fs.rmSync(mnt, { recursive: true, force: true });
    }
  });
});
