/**
 * A data file tracked by Git LFS with git-lfs really installed (`git lfs install --local`): `git
 * add` stages only the pointer and keeps the content in `.git/lfs/objects`. The hook saw the
 * pointer, left it out with a "not checked" notice, and committed a corrupt JSON file: the file
 * every checkout then gives its reader. The hook now checks the content the commit carries (the
 * local LFS object whose SHA-256 is the pointer's oid); a pointer with no local object (staged by
 * hand) keeps the notice and is never blocked. And `verify` in a checkout holding only the
 * pointer of a sealed file (CI's default checkout, GIT_LFS_SKIP_SMUDGE=1) reported it modified:
 * the pointer's oid is the sealed SHA-256, so it now matches. Skipped where git-lfs is not installed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { SCHEMA_VIOLATION, TRAILING_COMMA, VALID, commit, head, hookRepo } from "../e2e/hook-fixture.js";

const hasLfs = spawnSync("git", ["lfs", "version"]).status === 0;

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** A hook repository whose data/big.json goes through git-lfs (filters in the repository's config). */
function lfsRepo(): TestRepo {
  const r = hookRepo();
  r.git("lfs", "install", "--local");
  r.write(".gitattributes", "data/big.json filter=lfs diff=lfs merge=lfs -text\n");
  r.write("data/big.json", VALID);
  r.git("add", ".gitattributes", "data/big.json");
  expect(r.git("cat-file", "-p", ":data/big.json")).toMatch(/^version https:\/\/git-lfs/); // the blob is the pointer
  const c = commit(r);
  expect(c.status, c.out).toBe(0);
  return r;
}

describe.skipIf(!hasLfs)("a JSON file stored in Git LFS (git-lfs installed)", () => {
  it("a corrupt file is blocked by the hook at its line and column, though git stages only its pointer", () => {
    const r = (repo = lfsRepo());
    r.write("data/big.json", TRAILING_COMMA);
    r.git("add", "data/big.json");
    const before = head(r);
    const c = commit(r);
    expect(c.status, c.out).not.toBe(0);
    expect(c.out).toMatch(/data\/big\.json:3:\d+ +error .*\[parse\/syntax\]/);
    expect(c.out).not.toContain("lfs-pointer");
    expect(head(r)).toBe(before);
  });

  it("a schema violation is blocked too, also under `git commit -a` (a temporary index)", () => {
    const r = (repo = lfsRepo());
    r.write("data/big.json", SCHEMA_VIOLATION);
    const before = head(r);
    const c = commit(r, "-a");
    expect(c.status, c.out).not.toBe(0);
    expect(c.out).toMatch(/data\/big\.json:3:\d+ +error .*\[schema\/violation\]/);
    expect(head(r)).toBe(before);
  });

  it("a valid edit is committed, checked (no 'not checked' notice)", () => {
    const r = (repo = lfsRepo());
    r.write("data/big.json", VALID.replace('"count": 1', '"count": 7'));
    r.git("add", "data/big.json");
    const before = head(r);
    const c = commit(r);
    expect(c.status, c.out).toBe(0);
    expect(c.out).not.toContain("not checked");
    expect(head(r)).not.toBe(before);
  });

  it("a pointer whose content is not in this clone (staged by hand) is not blocked: the notice says it was not checked", () => {
    const r = (repo = lfsRepo());
    const pointer =
      "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
    const blob = spawnSync("git", ["hash-object", "-w", "--no-filters", "--stdin"], { cwd: r.dir, input: pointer })
      .stdout.toString()
      .trim();
    r.git("update-index", "--cacheinfo", `100644,${blob},data/big.json`);
    const c = commit(r);
    expect(c.status, c.out).toBe(0);
    expect(c.out).toContain("1 file stored in Git LFS (filter=lfs) not checked");
  });

  it("a local object whose bytes do not hash to the pointer's oid is not used (notice, never a block)", () => {
    const r = (repo = lfsRepo());
    r.write("data/big.json", VALID.replace('"count": 1', '"count": 8'));
    r.git("add", "data/big.json");
    const oid = /oid sha256:([0-9a-f]{64})/.exec(r.git("cat-file", "-p", ":data/big.json"))![1]!;
    // Bit rot in the store: same size, other bytes (corrupt JSON).
    const rel = `.git/lfs/objects/${oid.slice(0, 2)}/${oid.slice(2, 4)}/${oid}`;
    const bytes = r.read(rel);
    fs.chmodSync(`${r.dir}/${rel}`, 0o644);
    r.write(rel, bytes.replace("{", "["));
    const c = commit(r);
    expect(c.status, c.out).toBe(0);
    expect(c.out).toContain("not checked");
  });
});

describe.skipIf(!hasLfs)("a sealed file stored in Git LFS, in a checkout without its LFS content", () => {
  let clone: TestRepo | undefined;
  afterEach(() => {
    clone?.cleanup();
    clone = undefined;
  });

  /** A repository sealing data/big.json (LFS), and a clone holding only its pointer (CI's default checkout). */
  async function pointerClone(): Promise<{ r: TestRepo; c: TestRepo }> {
    const r = (repo = createRepo());
    r.git("lfs", "install", "--local");
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write(".gitattributes", "data/big.json filter=lfs diff=lfs merge=lfs -text\n");
    r.write("data/big.json", VALID);
    r.write("data/a.json", VALID);
    r.commitAll("init");
    expect((await r.cli(["seal"])).code).toBe(0);
    r.commitAll("seal");
    expect((await r.cli(["verify"])).code).toBe(0);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-lfs-clone-"));
    const env = { ...process.env, GIT_LFS_SKIP_SMUDGE: "1", GIT_CONFIG_NOSYSTEM: "1", HOME: dir };
    expect(spawnSync("git", ["clone", "-q", r.dir, dir], { env }).status).toBe(0); // into the empty folder: cleanup removes it
    const c = (clone = createRepo({ dir }));
    expect(c.read("data/big.json")).toMatch(/^version https:\/\/git-lfs/);
    return { r, c };
  }

  it("verify passes: the pointer names exactly the sealed content (its oid is the sealed SHA-256)", async () => {
    const { c } = await pointerClone();
    const v = await c.cli(["verify"]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    // check too (the manifest and the files): only the notice that the pointer's content was not checked.
    const ch = await c.cli(["check", "--format", "json"]);
    expect(ch.code, ch.stdout).toBe(0);
    expect((JSON.parse(ch.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule)).toEqual(["validate/lfs-pointer"]);
  });

  it("a pointer naming other content, or pointer text at a path without filter=lfs, is still a change", async () => {
    const { c } = await pointerClone();
    const pointer = c.read("data/big.json");
    c.write("data/big.json", pointer.replace(/oid sha256:[0-9a-f]{64}/, `oid sha256:${"ab".repeat(32)}`));
    c.write("data/a.json", pointer);
    const v = await c.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    const modified = (JSON.parse(v.stdout) as { findings: { rule: string; file?: string }[] }).findings
      .filter((f) => f.rule === "manifest/modified")
      .map((f) => f.file)
      .sort();
    expect(modified).toEqual(["data/a.json", "data/big.json"]);
  });
});
