/**
 * Line-end conversion (`.gitattributes` `eol=crlf`, `core.autocrlf=true`, the Git for Windows
 * default): the work tree holds CRLF while the staged blob holds LF. `seal` hashes the work-tree
 * bytes, so the hook must not take the staged blob's own bytes as "changed since sealed": that
 * blocked every commit of a resealed file (a false block with no way out but --no-verify). An
 * edit that really is not sealed must still be blocked. Real repositories, the built CLI, the
 * real pre-commit hook.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { commit, head, installLocalBinary } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const CRLF_V1 = '{\r\n  "status": "ok",\r\n  "n": 1\r\n}\r\n';
const CRLF_V2 = '{\r\n  "status": "ok",\r\n  "n": 2\r\n}\r\n';
const CRLF_V3 = '{\r\n  "status": "ok",\r\n  "n": 3\r\n}\r\n';

/**
 * A repository whose data/*.json check out with CRLF (by `.gitattributes` or by core.autocrlf),
 * sealed, committed, checked out afresh (so the work tree holds what git writes), hook installed.
 */
function crlfRepo(how: "attributes" | "autocrlf"): TestRepo {
  const r = createRepo();
  r.write(".gitignore", "node_modules/\n");
  r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
  if (how === "attributes") r.write(".gitattributes", "data/*.json text eol=crlf\n");
  else r.git("config", "core.autocrlf", "true");
  r.write("data/state.json", CRLF_V1);
  r.write("data/other.json", CRLF_V1);
  r.commitAll("initial");
  fs.rmSync(path.join(r.dir, "data"), { recursive: true });
  r.git("checkout", "--", "data");
  expect(fs.readFileSync(path.join(r.dir, "data/state.json"), "utf8")).toBe(CRLF_V1); // CRLF in the work tree
  expect(r.git("cat-file", "-p", ":data/state.json")).not.toContain("\r"); // LF in the blob
  const sealed = r.cliBundle(["seal"]);
  expect(sealed.code, sealed.stderr).toBe(0);
  r.git("add", ".integrity-guard");
  r.git("commit", "-q", "--no-verify", "-m", "seal");
  installLocalBinary(r);
  const hook = r.cliBundle(["init", "--hook-only"]);
  expect(hook.code, hook.stderr + hook.stdout).toBe(0);
  return r;
}

describe.each(["attributes", "autocrlf"] as const)("a CRLF work tree (%s): the hook", (how) => {
  it("lets through a resealed edit (seal, git add, commit)", () => {
    repo = crlfRepo(how);
    repo.write("data/state.json", CRLF_V2);
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.git("add", "data/state.json", ".integrity-guard/manifest.json");
    const before = head(repo);
    const c = commit(repo);
    expect(c.out).not.toContain("manifest/unsealed-change");
    expect(c.status, c.out).toBe(0);
    expect(head(repo)).not.toBe(before);
  });

  it("lets through a resealed edit committed with `git commit -a` and with `git commit PATHS` (temporary index)", () => {
    repo = crlfRepo(how);
    repo.write("data/state.json", CRLF_V2);
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    const a = commit(repo, "-a");
    expect(a.status, a.out).toBe(0);
    repo.write("data/other.json", CRLF_V3);
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    const p = commit(repo, "--", "data/other.json", ".integrity-guard/manifest.json");
    expect(p.status, p.out).toBe(0);
  });

  it("still blocks an edit made after the seal", () => {
    repo = crlfRepo(how);
    repo.write("data/state.json", CRLF_V2);
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.write("data/state.json", CRLF_V3);
    repo.git("add", "data/state.json", ".integrity-guard/manifest.json");
    const before = head(repo);
    const c = commit(repo);
    expect(c.status).toBe(1);
    expect(c.out).toContain("manifest/unsealed-change");
    expect(head(repo)).toBe(before);
  });

  it("still blocks a staged content that differs from the sealed work-tree file (staged, then the file put back)", () => {
    repo = crlfRepo(how);
    repo.write("data/state.json", CRLF_V2);
    expect(repo.cliBundle(["seal"]).code).toBe(0); // seals V2
    repo.write("data/state.json", CRLF_V3);
    repo.git("add", "data/state.json", ".integrity-guard/manifest.json"); // stages V3
    repo.write("data/state.json", CRLF_V2); // the work tree matches the seal again, the index does not
    const c = commit(repo);
    expect(c.status).toBe(1);
    expect(c.out).toContain("manifest/unsealed-change");
  });

  it.each(["--assume-unchanged", "--skip-worktree"])(
    "still blocks it when the entry is marked %s (git then does not compare the work tree)",
    (flag) => {
      repo = crlfRepo(how);
      repo.write("data/state.json", CRLF_V2);
      expect(repo.cliBundle(["seal"]).code).toBe(0); // seals V2
      repo.write("data/state.json", CRLF_V3);
      repo.git("add", "data/state.json", ".integrity-guard/manifest.json"); // stages V3
      repo.git("update-index", flag, "data/state.json");
      repo.write("data/state.json", CRLF_V2);
      expect(repo.git("diff-files", "--name-only")).toBe(""); // git vouches for the file...
      const c = commit(repo); // ...but the staged V3 was never sealed
      expect(c.status).toBe(1);
      expect(c.out).toContain("manifest/unsealed-change");
    },
  );

  it("still blocks it when the sealed bytes are put back with the staged file's stat (git's stat check then sees no change)", () => {
    repo = crlfRepo(how);
    repo.git("config", "core.trustctime", "false");
    const file = path.join(repo.dir, "data/state.json");
    const old = new Date(Date.now() - 60_000);
    repo.write("data/state.json", CRLF_V2);
    expect(repo.cliBundle(["seal"]).code).toBe(0); // seals V2
    fs.writeFileSync(file, CRLF_V3); // same size, same inode
    fs.utimesSync(file, old, old);
    repo.git("add", "data/state.json", ".integrity-guard/manifest.json"); // stages V3
    fs.writeFileSync(file, CRLF_V2);
    fs.utimesSync(file, old, old);
    expect(repo.git("diff-files", "--name-only")).toBe(""); // git's stat check vouches for the file...
    const c = commit(repo); // ...but its bytes are V2, and the staged V3 was never sealed
    expect(c.status).toBe(1);
    expect(c.out).toContain("manifest/unsealed-change");
  });

  it("still blocks an unsealed edit (no reseal)", () => {
    repo = crlfRepo(how);
    repo.write("data/state.json", CRLF_V2);
    repo.git("add", "data/state.json");
    const c = commit(repo);
    expect(c.status).toBe(1);
    expect(c.out).toContain("data/state.json changed but the manifest was not resealed");
  });
});

interface Report {
  findings: { rule: string; level: string; file?: string }[];
}

function verify(r: TestRepo, ...args: string[]): { code: number; report: Report } {
  const run = r.cliBundle(["verify", "--format", "json", ...args]);
  return { code: run.code, report: JSON.parse(run.stdout) as Report };
}

/** Check the data files (and the manifest) out again, as a fresh clone on this machine would. */
function checkOutAgain(r: TestRepo): void {
  fs.rmSync(path.join(r.dir, "data"), { recursive: true });
  fs.rmSync(path.join(r.dir, ".integrity-guard/manifest.json"));
  r.git("checkout", "--", "data", ".integrity-guard/manifest.json");
}

const LF_V1 = CRLF_V1.replace(/\r\n/g, "\n");

describe("verify of a manifest sealed under another line-end conversion", () => {
  it("sealed with LF files, verified where they check out with CRLF (core.autocrlf, the Git for Windows default): no drift", () => {
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/state.json", LF_V1);
    repo.write("data/raw.bin", Buffer.from([0, 1, 2, 10, 13, 10]));
    for (let i = 0; i < 300; i++) repo.write(`data/many/f${i}.json`, LF_V1); // more than one argv's worth of paths
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.commitAll("sealed");
    repo.git("config", "core.autocrlf", "true");
    checkOutAgain(repo);
    expect(fs.readFileSync(path.join(repo.dir, "data/state.json"), "utf8")).toBe(CRLF_V1);
    for (const args of [[], ["--no-cache"]]) {
      const v = verify(repo, ...args);
      expect(v.report.findings.filter((f) => f.level === "error")).toEqual([]);
      expect(v.code).toBe(0);
    }
  });

  it("sealed with CRLF files, verified where they check out with LF: no drift", () => {
    repo = createRepo();
    repo.git("config", "core.autocrlf", "true");
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/state.json", CRLF_V1);
    repo.commitAll("data");
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.commitAll("sealed");
    repo.git("config", "core.autocrlf", "false");
    checkOutAgain(repo);
    expect(fs.readFileSync(path.join(repo.dir, "data/state.json"), "utf8")).toBe(LF_V1);
    const v = verify(repo, "--no-cache");
    expect(v.report.findings.filter((f) => f.level === "error")).toEqual([]);
    expect(v.code).toBe(0);
  });

  it("still reports a committed change that was never sealed, and bit rot under an unchanged stat", () => {
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    repo.write("data/state.json", LF_V1);
    repo.write("data/other.json", LF_V1);
    expect(repo.cliBundle(["seal"]).code).toBe(0);
    repo.commitAll("sealed");
    repo.git("config", "core.autocrlf", "true");
    checkOutAgain(repo);
    repo.write("data/state.json", CRLF_V2);
    repo.commitAll("unsealed change"); // committed, git-clean, but not what was sealed
    const file = path.join(repo.dir, "data/other.json");
    const st = fs.statSync(file);
    fs.writeFileSync(file, CRLF_V1.replace("ok", "OK")); // same size; timestamps put back
    fs.utimesSync(file, st.atime, st.mtime);
    const v = verify(repo, "--no-cache");
    expect(v.code).toBe(1);
    const rules = v.report.findings.filter((f) => f.level === "error").map((f) => `${f.rule} ${f.file}`);
    expect(rules).toContain("manifest/modified data/state.json");
    expect(rules.some((r) => r.endsWith(" data/other.json"))).toBe(true);
  });
});
