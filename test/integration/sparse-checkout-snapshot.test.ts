/**
 * `snapshot` in a sparse checkout whose cone leaves some of the set's files out of the work tree:
 * it took the set "as it is in the work tree", so those files were not in the snapshot, and a
 * restore of it (here, or in a full checkout) removed them as files the snapshot does not hold.
 * The snapshot is now refused (exit 2, nothing written) naming the files and the fix; a set
 * wholly inside the cone is taken as before.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

function sparseRepo(): TestRepo {
  const r = createRepo();
  repo = r;
  r.write(
    ".integrity-guard/config.yml",
    'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    both: { paths: ["a/", "b/"] }\n    inside: { paths: ["a/"] }\n',
  );
  r.write("a/1.json", '{"n":1}\n');
  r.write("b/r.txt", "precious\n");
  r.commitAll("data");
  r.git("sparse-checkout", "set", "a", ".integrity-guard");
  expect(fs.existsSync(path.join(r.dir, "b"))).toBe(false);
  return r;
}

describe("snapshot in a sparse checkout", () => {
  it("refuses a set with files outside the cone: restoring it would delete them", async () => {
    const r = sparseRepo();
    const out = await r.cli(["snapshot", "--set", "both"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("b/r.txt");
    expect(out.stderr).toContain("sparse checkout");
    expect(r.tryGit("rev-parse", "--verify", "-q", "refs/heads/integrity-snapshots").status).not.toBe(0);
    // Once the cone holds them, the snapshot holds them, and a restore keeps them.
    r.git("sparse-checkout", "disable");
    expect((await r.cli(["snapshot", "--set", "both"])).code).toBe(0);
    expect(r.git("ls-tree", "-r", "--name-only", "integrity-snapshots").split("\n")).toContain("b/r.txt");
    expect((await r.cli(["restore", "both", "--allow-unsigned"])).code).toBe(0);
    expect(r.read("b/r.txt")).toBe("precious\n");
  });

  it("takes a set wholly inside the cone as before", async () => {
    const r = sparseRepo();
    const out = await r.cli(["snapshot", "--set", "inside"]);
    expect(out.code).toBe(0);
    expect(r.git("ls-tree", "-r", "--name-only", "integrity-snapshots").trim().split("\n")).toEqual([
      ".integrity-snapshot/manifest.json",
      "a/1.json",
    ]);
  });
});

describe("restore in a sparse checkout", () => {
  function snapshotThenSparse(): TestRepo {
    const r = createRepo();
    repo = r;
    r.write(
      ".integrity-guard/config.yml",
      'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    both: { paths: ["a/", "b/"] }\n',
    );
    r.write("a/1.json", '{"n":1}\n');
    r.write("b/r.txt", "precious\n");
    r.commitAll("data");
    return r;
  }

  it("refuses paths that reach files outside the cone, dry run too, and changes nothing", async () => {
    const r = snapshotThenSparse();
    expect((await r.cli(["snapshot", "--set", "both"])).code).toBe(0);
    r.git("sparse-checkout", "set", "a", ".integrity-guard");
    const branchBefore = r.git("rev-parse", "integrity-snapshots");
    for (const args of [
      ["restore", "both", "--allow-unsigned", "--dry-run"],
      ["restore", "both", "--allow-unsigned"],
    ]) {
      const out = await r.cli(args);
      expect(out.code, args.join(" ")).toBe(2);
      expect(out.stderr).toContain("b/r.txt");
      expect(out.stderr).toContain("sparse checkout");
    }
    // Nothing written: no pre-restore snapshot, b/ still left out with its skip-worktree bit, a clean status.
    expect(r.git("rev-parse", "integrity-snapshots")).toBe(branchBefore);
    expect(fs.existsSync(path.join(r.dir, "b"))).toBe(false);
    expect(r.git("ls-files", "-t", "b/r.txt").trim()).toBe("S b/r.txt");
    expect(r.git("status", "--porcelain").trim()).toBe("");
  });

  it("restores paths inside the cone as before", async () => {
    const r = snapshotThenSparse();
    expect((await r.cli(["snapshot", "--set", "both"])).code).toBe(0);
    r.git("sparse-checkout", "set", "a", ".integrity-guard");
    r.write("a/1.json", '{"n":2}\n');
    const out = await r.cli(["restore", "both", "a/", "--allow-unsigned"]);
    expect(out.code).toBe(0);
    expect(r.read("a/1.json")).toBe('{"n":1}\n');
    expect(r.git("ls-files", "-t", "b/r.txt").trim()).toBe("S b/r.txt");
  });
});
