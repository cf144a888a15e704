/**
 * Issue 15: `verify --format sha256sum` exports the sealed manifest as `sha256sum -c` lines and
 * changes nothing (no reseal: drift is not blessed); `seal --format sha256sum` says on stderr
 * when it resealed, with stdout the checksum list alone.
 */
import crypto from "node:crypto";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { withRepo } from "../helpers/repo.js";

const sha = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

describe("verify --format sha256sum", () => {
  it("prints the sealed checksums read-only, even when the tree drifted", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
      repo.write("data/a.json", '{"a":1}\n');
      repo.write("data/b.json", '{"b":2}\n');
      expect((await repo.cli(["seal"])).code).toBe(0);
      const sealed = repo.read(".integrity-guard/manifest.json");
      repo.write("data/a.json", '{"a":"drifted"}\n');

      const r = await repo.cli(["verify", "--format", "sha256sum"]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`${sha('{"a":1}\n')}  data/a.json\n${sha('{"b":2}\n')}  data/b.json\n`);
      expect(repo.read(".integrity-guard/manifest.json")).toBe(sealed); // not resealed
      repo.write("SUMS", r.stdout);
      const check = spawnSync("sha256sum", ["-c", "--strict", "SUMS"], { cwd: repo.dir, encoding: "utf8" });
      expect(check.stdout).toContain("data/a.json: FAILED"); // the export lets other tools see the drift
      expect(check.stdout).toContain("data/b.json: OK");

      // seal --format sha256sum still reseals, and says so.
      const s = await repo.cli(["seal", "--format", "sha256sum"]);
      expect(s.code, s.stderr).toBe(0);
      expect(s.stdout).toBe(`${sha('{"a":"drifted"}\n')}  data/a.json\n${sha('{"b":2}\n')}  data/b.json\n`);
      expect(s.stderr).toContain("seal resealed .integrity-guard/manifest.json");
      expect(s.stderr).toContain("integrity-guard verify --format sha256sum");
      const quiet = await repo.cli(["seal", "--format", "sha256sum"]);
      expect(quiet.stderr).toBe(""); // nothing changed: nothing to say
    });
  });

  it("without a manifest: exit 2 naming seal", async () => {
    await withRepo(async (repo) => {
      repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
      const r = await repo.cli(["verify", "--format", "sha256sum"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("integrity-guard seal");
    });
  });
});
