/**
 * `seal` and `verify` in a `core.symlinks=false` checkout (Git for Windows' default), where git
 * checks a symlink out as a plain file holding its target. git still records a link (mode 120000,
 * the text as its target), so the manifest must too: before, seal recorded the placeholder as a
 * plain file, which the hook then refused forever (the staged link never matched it), a clone
 * with real links disagreed, and `verify` there failed on a manifest sealed with real links.
 */
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, type TestRepo } from "../helpers/repo.js";

const repos: TestRepo[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const CONFIG = 'version: 1\nmanifest:\n  include: ["data/**"]\n';

/** A repository (real links) with data/a.json and the link data/l.json -> a.json, committed. */
function origin(): TestRepo {
  const r = createRepo();
  repos.push(r);
  r.write(".integrity-guard/config.yml", CONFIG);
  r.write("data/a.json", '{"n":1}\n');
  fs.symlinkSync("a.json", path.join(r.dir, "data/l.json"));
  r.commitAll("initial");
  return r;
}

/** A clone of `from`, with `core.symlinks` as given, set up like createRepo's repositories. */
function clone(from: TestRepo, symlinks: boolean): TestRepo {
  const dir = fs.mkdtempSync(path.join(path.dirname(from.dir), "ig-clone-"));
  fs.rmdirSync(dir);
  dirs.push(dir);
  execFileSync("git", ["clone", "-q", "-c", `core.symlinks=${symlinks}`, from.dir, dir], { env: { ...process.env, ...GIT_ENV } });
  const r = createRepo({ dir }); // re-init keeps the clone; sets the test identity
  return r;
}

type ManifestEntry = { path: string; link?: string };
function entries(r: TestRepo): ManifestEntry[] {
  return (JSON.parse(r.read(".integrity-guard/manifest.json")) as { entries: ManifestEntry[] }).entries;
}

describe("core.symlinks=false: the manifest records a link as git does", () => {
  for (const noCache of [false, true]) {
    const flags = noCache ? ["--no-cache"] : [];
    it(`seal${noCache ? " --no-cache" : ""} records the placeholder as the link; verify agrees everywhere, the hook passes`, async () => {
      const o = origin();
      const w = clone(o, false);
      expect(fs.lstatSync(path.join(w.dir, "data/l.json")).isFile()).toBe(true); // a placeholder
      const s = await w.cli(["seal", ...flags]);
      expect(s.code, s.stderr).toBe(0);
      expect(entries(w).find((e) => e.path === "data/l.json")).toMatchObject({ link: "a.json" });
      expect((await w.cli(["verify", ...flags])).code).toBe(0);
      // The reseal is committed through the hook's check: the staged link matches it.
      w.git("add", ".integrity-guard/manifest.json");
      const hook = await w.cli(["check", "--staged", "--format", "json"]);
      expect(hook.code, hook.stdout).toBe(0);
      w.git("commit", "-q", "--no-verify", "-m", "seal");
      // A clone with real links verifies the same manifest.
      const real = clone(w, true);
      expect(fs.lstatSync(path.join(real.dir, "data/l.json")).isSymbolicLink()).toBe(true);
      const v = await real.cli(["verify", "--format", "json"]);
      expect(v.code, v.stdout).toBe(0);
    });
  }

  it("verify in a placeholder checkout accepts a manifest sealed with real links", async () => {
    const o = origin();
    expect((await o.cli(["seal"])).code).toBe(0);
    o.commitAll("seal");
    const w = clone(o, false);
    const v = await w.cli(["verify", "--format", "json"]);
    expect(v.code, v.stdout).toBe(0);
    expect((await w.cli(["verify", "--no-cache"])).code).toBe(0);
  });

  it("a placeholder edited to another target is a changed link", async () => {
    const o = origin();
    expect((await o.cli(["seal"])).code).toBe(0);
    o.commitAll("seal");
    const w = clone(o, false);
    fs.writeFileSync(path.join(w.dir, "data/l.json"), "../elsewhere.json");
    const v = await w.cli(["verify", "--format", "json"]);
    expect(v.code).toBe(1);
    const f = (JSON.parse(v.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings;
    expect(f.map((x) => `${x.rule} ${x.file}`)).toEqual(["manifest/modified data/l.json"]);
    expect(f[0]!.message).not.toContain("now a file");
  });

  it("verify --no-cache with a manifest big enough for early hash threads still reads placeholders as links", async () => {
    const o = origin();
    // 700 more files: a manifest over 64 KiB, so --no-cache starts its threads before the walk
    // (and asks git about links while they start) and compares their digests as bytes.
    for (let i = 0; i < 700; i++) o.write(`data/many/f${i}.json`, `{"i":${i},"pad":"${"x".repeat(40)}"}\n`);
    o.commitAll("many");
    expect((await o.cli(["seal"])).code).toBe(0);
    o.commitAll("seal");
    expect(fs.statSync(path.join(o.dir, ".integrity-guard/manifest.json")).size).toBeGreaterThan(64 * 1024);
    const w = clone(o, false);
    const clean = await w.cli(["verify", "--no-cache", "--format", "json"]);
    expect(clean.code, clean.stdout).toBe(0);
    fs.writeFileSync(path.join(w.dir, "data/l.json"), "../elsewhere.json");
    const v = await w.cli(["verify", "--no-cache", "--format", "json"]);
    expect(v.code).toBe(1);
    const f = (JSON.parse(v.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings;
    expect(f.map((x) => `${x.rule} ${x.file}`)).toEqual(["manifest/modified data/l.json"]);
    expect(f[0]!.message).not.toContain("now a file");
  });
});
