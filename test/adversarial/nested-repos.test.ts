/**
 * A submodule (or an embedded clone) under a folder the manifest covers. git keeps it as one
 * entry (a gitlink), never its files; seal used to walk into it and seal its files, so verify
 * and check in a clone made without `--recurse-submodules` (an empty folder there) reported
 * each of them missing: a false block. Now no walk enters a folder holding `.git`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const repos: TestRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function repo(): TestRepo {
  const r = createRepo();
  repos.push(r);
  return r;
}

/** Sealed paths of the manifest in `dir`. */
function sealed(dir: string): string[] {
  const m = JSON.parse(fs.readFileSync(path.join(dir, ".integrity-guard/manifest.json"), "utf8")) as { entries: { path: string }[] };
  return m.entries.map((e) => e.path).sort();
}

describe("a nested repository under manifest.include", () => {
  it("a submodule is not sealed file by file, and a clone without --recurse-submodules verifies clean", () => {
    const sub = repo();
    sub.write("data/s.json", '{"n":5}\n');
    sub.commitAll("sub");
    const r = repo();
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/a.json", '{"n":1}\n');
    r.commitAll("initial");
    r.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", sub.dir, "data/sub");
    expect(r.cliBundle(["seal"]).code).toBe(0);
    expect(sealed(r.dir)).toEqual(["data/a.json"]);
    r.commitAll("sealed");
    expect(r.cliBundle(["verify"]).code).toBe(0);

    const dir = makeTempDir();
    dirs.push(dir);
    execFileSync("git", ["clone", "-q", r.dir, path.join(dir, "c")], { stdio: "pipe" });
    const cloned = createRepo({ dir: path.join(dir, "c") }); // a TestRepo over the clone (re-init is harmless)
    expect(fs.readdirSync(path.join(cloned.dir, "data/sub"))).toEqual([]);
    const verify = cloned.cliBundle(["verify"]);
    expect(verify.stdout + verify.stderr).not.toContain("manifest/missing");
    expect(verify.code).toBe(0);
    expect(cloned.cliBundle(["check"]).code).toBe(0);
  });

  it("an embedded clone (untracked, with its own .git) is left out of the seal too", () => {
    const r = repo();
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["state/**"]\n');
    r.write("state/a.json", '{"n":1}\n');
    r.commitAll("initial");
    r.write("state/inner/x.json", '{"n":2}\n');
    execFileSync("git", ["init", "-q", path.join(r.dir, "state/inner")]);
    expect(r.cliBundle(["seal"]).code).toBe(0);
    expect(sealed(r.dir)).toEqual(["state/a.json"]);
    // A sealed file still outside any nested repository stays protected.
    r.write("state/a.json", '{"n":9}\n');
    expect(r.cliBundle(["verify"]).code).toBe(1);
  });
});
