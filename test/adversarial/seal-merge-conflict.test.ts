/**
 * `seal` in the middle of a merge (or cherry-pick, or `stash pop`) that stopped on conflicts:
 * the covered files hold git's conflict markers, and a seal used to bless them silently (exit 0,
 * the markers' hash written into the manifest; verify then passed them for good). YAML may even
 * parse with them (a marker line can read as a plain scalar), and CSV or text is never parsed.
 * Now seal refuses while any covered file is unmerged (manifest/merge-conflict, exit 1, the
 * manifest left as it was), and seals once the conflicts are resolved, which also resolves a
 * conflict in the manifest itself. Real repositories, the CLI from src.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { parseReport } from "../integration/manifest-helpers.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CONFIG = 'version: 1\nmanifest:\n  include: ["data/**"]\n';

/** main and feat each change data/c.yaml, data/j.json and data/t.csv, each sealed: merging conflicts in all four. */
async function conflictingBranches(): Promise<TestRepo> {
  const r = createRepo();
  r.write(".integrity-guard/config.yml", CONFIG);
  const side = async (n: number) => {
    r.write("data/c.yaml", `a: ${n}\nb: 2\n`);
    r.write("data/j.json", `{"a": ${n}}\n`);
    r.write("data/t.csv", `x,y\n1,${n}\n`);
    r.write("notes.txt", `side ${n}\n`); // not covered
    const s = await r.cli(["seal"]);
    expect(s.code, s.stderr + s.stdout).toBe(0);
    r.commitAll(`side ${n}`);
  };
  await side(1);
  r.git("checkout", "-q", "-b", "feat");
  await side(2);
  r.git("checkout", "-q", "main");
  await side(3);
  return r;
}

const manifestPath = (r: TestRepo) => path.join(r.dir, ".integrity-guard/manifest.json");

describe("seal while a merge has unresolved conflicts", () => {
  it("refuses every conflicted covered file (YAML, JSON and CSV alike) and leaves the manifest as it was", async () => {
    repo = await conflictingBranches();
    expect(repo.tryGit("merge", "feat").status).not.toBe(0);
    expect(repo.read("data/c.yaml")).toContain("<<<<<<< HEAD");
    const before = fs.readFileSync(manifestPath(repo));
    const s = await repo.cli(["seal", "--format", "json"]);
    expect(s.code, s.stderr + s.stdout).toBe(1);
    const report = parseReport(s.stdout);
    expect(report.findings.map((f) => `${f.rule} ${f.file}`)).toEqual([
      "manifest/merge-conflict data/c.yaml",
      "manifest/merge-conflict data/j.json",
      "manifest/merge-conflict data/t.csv",
    ]);
    expect(report.summary.sealed).toBe(false);
    expect(fs.readFileSync(manifestPath(repo)).equals(before)).toBe(true);
    // The text form names the file and the way out.
    const t = await repo.cli(["seal"]);
    expect(t.code).toBe(1);
    expect(t.stdout + t.stderr).toMatch(/data\/t\.csv has an unresolved merge conflict[^\n]*\n[\s\S]*git add data\/t\.csv/);
  });

  it("seals once the files are resolved and added, which resolves the manifest's own conflict", async () => {
    repo = await conflictingBranches();
    expect(repo.tryGit("merge", "feat").status).not.toBe(0);
    repo.git("checkout", "--theirs", "--", "data/c.yaml", "data/j.json", "data/t.csv", "notes.txt");
    repo.git("add", "data/c.yaml", "data/j.json", "data/t.csv", "notes.txt");
    // Only the manifest is still unmerged: it is not covered, and seal rewrites it.
    const s = await repo.cli(["seal"]);
    expect(s.code, s.stderr + s.stdout).toBe(0);
    expect(repo.read(".integrity-guard/manifest.json")).not.toContain("<<<<<<<");
    repo.git("add", ".integrity-guard/manifest.json");
    const v = await repo.cli(["verify"]);
    expect(v.code, v.stderr + v.stdout).toBe(0);
    expect(repo.tryGit("commit", "-q", "--no-edit", "--no-verify").status).toBe(0);
  });

  it("refuses a modify/delete conflict, a cherry-pick that stopped, and a `stash pop` that conflicted", async () => {
    repo = await conflictingBranches();
    // modify/delete: feat deletes data/t.csv, main changed it.
    repo.git("checkout", "-q", "feat");
    repo.git("rm", "-q", "data/t.csv");
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.commitAll("feat: drop t.csv");
    repo.git("checkout", "-q", "main");
    expect(repo.tryGit("merge", "feat").status).not.toBe(0);
    let s = await repo.cli(["seal", "--format", "json"]);
    expect(s.code).toBe(1);
    expect(parseReport(s.stdout).findings.map((f) => f.file)).toContain("data/t.csv");
    repo.git("merge", "--abort");

    // cherry-pick of feat's first commit onto main.
    expect(repo.tryGit("cherry-pick", "feat~1").status).not.toBe(0);
    s = await repo.cli(["seal", "--format", "json"]);
    expect(s.code).toBe(1);
    expect(parseReport(s.stdout).findings.map((f) => f.file)).toContain("data/j.json");
    repo.git("cherry-pick", "--abort");

    // A work-tree edit stashed, HEAD moved under it, `stash pop` conflicting.
    repo.write("data/j.json", '{"a": "local"}\n');
    repo.git("stash", "push", "-q");
    repo.write("data/j.json", '{"a": "upstream"}\n');
    expect((await repo.cli(["seal"])).code).toBe(0);
    repo.commitAll("upstream");
    const sealed = fs.readFileSync(manifestPath(repo));
    expect(repo.tryGit("stash", "pop").status).not.toBe(0);
    expect(repo.read("data/j.json")).toContain("<<<<<<<");
    s = await repo.cli(["seal", "--format", "json"]);
    expect(s.code).toBe(1);
    expect(parseReport(s.stdout).findings.map((f) => `${f.rule} ${f.file}`)).toEqual(["manifest/merge-conflict data/j.json"]);
    expect(fs.readFileSync(manifestPath(repo)).equals(sealed)).toBe(true);
  });

  it("a conflict outside manifest.include does not stop the seal", async () => {
    repo = await conflictingBranches();
    expect(repo.tryGit("merge", "feat").status).not.toBe(0);
    repo.git("checkout", "--theirs", "--", "data/c.yaml", "data/j.json", "data/t.csv");
    repo.git("add", "data/c.yaml", "data/j.json", "data/t.csv");
    expect(repo.git("ls-files", "-u")).toMatch(/\tnotes\.txt\n/);
    const s = await repo.cli(["seal"]);
    expect(s.code, s.stderr + s.stdout).toBe(0);
  });

  it("snapshot backs the conflicted files up as they are, with a warning for each (exit 0)", async () => {
    repo = await conflictingBranches();
    expect(repo.tryGit("merge", "feat").status).not.toBe(0);
    // The set names a file (as a folder) and a glob: data/t.csv and notes.txt are outside it. The
    // config edit is not part of the merge.
    repo.write(
      ".integrity-guard/config.yml",
      CONFIG + 'snapshots:\n  sign: { format: none }\n  sets:\n    h: { paths: ["data/c.yaml/", "data/*.json"] }\n',
    );
    const s = await repo.cli(["snapshot", "--set", "h", "--format", "json"]);
    expect(s.code, s.stderr + s.stdout).toBe(0);
    const report = parseReport(s.stdout);
    expect(report.findings.map((f) => `${f.rule} ${f.level} ${f.file}`)).toEqual([
      "snapshot/merge-conflict warning data/c.yaml",
      "snapshot/merge-conflict warning data/j.json",
    ]);
    // Nothing of the work in progress is lost: the snapshot holds the files as they are.
    expect(repo.git("show", "integrity-snapshots:data/j.json")).toContain("<<<<<<< HEAD");
  });
});
