/**
 * `snapshot` on a full disk: git fast-import stopped with its own message ("fatal: ... No space
 * left on device" and a crash report path), shown raw as an internal-looking git failure. Now
 * it is an EnvironmentError (exit 2) that says the disk is full, that nothing was changed (the
 * snapshot branch is where it was), and what to do. A real tmpfs, so root only.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { createRepo, makeTempDir } from "../helpers/repo.js";

const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;

describe("snapshot on a full disk", () => {
  it.skipIf(!canMount)("exit 2, says the disk is full and that nothing was changed; the branch is untouched", async () => {
    const mnt = makeTempDir("ig-full-");
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
      const before = repo.git("rev-parse", "refs/heads/integrity-snapshots").trim();
      // Incompressible data that fits once in the work tree but not again in .git.
      repo.write("data/big.json", JSON.stringify({ blob: crypto.randomBytes(900_000).toString("base64") }) + "\n");
      const r = await repo.cli(["snapshot", "--set", "hourly"]);
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toMatch(/the disk is full/);
      expect(r.stderr).toMatch(/nothing was changed/);
      expect(r.stderr).not.toMatch(/fast-import crash|fatal:/);
      expect(repo.git("rev-parse", "refs/heads/integrity-snapshots").trim()).toBe(before);
    } finally {
      spawnSync("umount", [mnt]);
      fs.rmSync(mnt, { recursive: true, force: true });
    }
  });
});
