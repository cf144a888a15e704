/**
 * A sealed file kept with local edits through `git update-index --skip-worktree` (the common
 * way to keep one machine's settings out of commits). git commits the index copy, never the
 * work tree's, so `seal` must seal git's copy: it sealed the local copy, the staged manifest then
 * disagreed with the staged file, and the hook blocked every commit of the manifest, its fix
 * (reseal, git add) sealing the local copy again; a commit made past the hook carried a manifest
 * that fails `verify` on every other clone.
 */
import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { MANIFEST_PATH } from "../../src/config/types.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => repo?.cleanup());

const sha = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

function sealedDigest(r: TestRepo, rev: string, file: string): string | undefined {
  const manifest = JSON.parse(r.git("show", `${rev}:${MANIFEST_PATH}`)) as { entries: { path: string; sha256: string }[] };
  return manifest.entries.find((e) => e.path === file)?.sha256;
}

function rules(stdout: string): [string, string][] {
  return (JSON.parse(stdout) as { findings: { rule: string; file: string }[] }).findings.map((f) => [f.rule, f.file]);
}

describe("seal and a skip-worktree file with local edits", () => {
  it("seals git's copy: the reseal commits through the hook, and the committed manifest matches the committed files", async () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/settings.json", '{"db": "prod"}\n');
    r.write("data/other.json", '{"x": 1}\n');
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("sealed");

    r.git("update-index", "--skip-worktree", "data/settings.json");
    r.write("data/settings.json", '{"db": "localhost"}\n'); // this machine's setting, never committed
    r.write("data/other.json", '{"x": 2}\n');
    const seal = await r.cli(["seal"]);
    expect(seal.code, seal.stderr).toBe(0);
    expect(seal.stdout).toContain(
      "sealed from git's copy (the index), not the work tree's: 1 file(s) marked skip-worktree (data/settings.json)",
    );
    r.git("add", "-A");
    expect(r.git("diff", "--cached", "--name-only").trim().split("\n")).toEqual([MANIFEST_PATH, "data/other.json"]);

    // What `git commit` runs: passes (it blocked with manifest/unsealed-change before).
    const hook = await r.cli(["check", "--staged", "--format", "json"]);
    expect(hook.code, hook.stdout).toBe(0);
    r.git("commit", "-q", "--no-verify", "-m", "reseal");
    expect(sealedDigest(r, "HEAD", "data/settings.json")).toBe(sha(r.git("show", "HEAD:data/settings.json")));
    expect(sealedDigest(r, "HEAD", "data/other.json")).toBe(sha('{"x": 2}\n'));

    // Here, verify names the local copy (it differs from what is sealed); nothing else.
    const verify = await r.cli(["verify", "--format", "json"]);
    expect(verify.code).toBe(1);
    expect(rules(verify.stdout)).toEqual([["manifest/modified", "data/settings.json"]]);
    // Sealing again changes nothing, and the local copy is left as it is.
    const again = await r.cli(["seal"]);
    expect(again.stdout).toMatch(/^unchanged: /);
    expect(r.read("data/settings.json")).toBe('{"db": "localhost"}\n');

    // Without the bit (git commits the work tree's copy again), the local copy is sealed.
    r.git("update-index", "--no-skip-worktree", "data/settings.json");
    const plain = await r.cli(["seal"]);
    expect(plain.stdout).not.toContain("skip-worktree");
    expect((await r.cli(["verify"])).code).toBe(0);
  });
});
