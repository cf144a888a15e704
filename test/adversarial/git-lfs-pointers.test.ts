/**
 * Git LFS pointers named like data files (`data/*.json filter=lfs`): with git-lfs installed, the
 * staged blob is always the pointer, and a checkout without LFS (CI's default) holds it in the
 * work tree. A pointer is no JSON: the hook blocked every commit of such a file, and `check`
 * every such checkout. It is left out with a `validate/lfs-pointer` notice, only where the path
 * has `filter=lfs` in the attributes the check reads (the index's for a staged check) and only
 * for the exact pointer form: pointer text elsewhere, or a broken pointer, is still checked.
 * git-lfs is not needed: the pointer is written as git-lfs would clean the file.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, head, hookRepo } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

const POINTER =
  "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";

/** Rule and file of each finding of the built CLI's `check` with these arguments. */
function run(r: TestRepo, ...args: string[]): { code: number; findings: string[] } {
  const out = r.cliBundle(["check", ...args, "--format", "json"]);
  const report = JSON.parse(out.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return { code: out.code, findings: (report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`).sort() };
}

describe("a Git LFS pointer named like a data file", () => {
  it("is committed with a notice, and a checkout holding the pointer passes `check`", () => {
    const r = hookRepo();
    repo = r;
    r.write(".gitattributes", "data/big.json filter=lfs diff=lfs merge=lfs -text\n");
    r.write("data/big.json", POINTER);
    r.git("add", ".gitattributes", "data/big.json");
    expect(run(r, "--staged")).toEqual({ code: 0, findings: ["validate/lfs-pointer data/big.json"] });
    const before = head(r);
    const c = commit(r);
    expect(c.status, c.out).toBe(0);
    expect(c.out).toContain("1 file stored in Git LFS (filter=lfs) not checked");
    expect(head(r)).not.toBe(before);
    expect(run(r)).toEqual({ code: 0, findings: ["validate/lfs-pointer data/big.json"] });
  });

  it("is checked as it is where the path has no filter=lfs in the index", () => {
    const r = hookRepo();
    repo = r;
    r.write("data/big.json", POINTER);
    r.git("add", "data/big.json");
    // Only in the work tree's .gitattributes, not staged: the commit does not route it through LFS.
    r.write(".gitattributes", "data/big.json filter=lfs -text\n");
    expect(run(r, "--staged")).toEqual({ code: 1, findings: ["parse/syntax data/big.json"] });
    const c = commit(r);
    expect(c.status, c.out).not.toBe(0);
  });

  it("is checked as it is when the pointer is not exact", () => {
    const r = hookRepo();
    repo = r;
    r.write(".gitattributes", "data/*.json filter=lfs -text\n");
    r.write("data/big.json", POINTER.replace("size 12345", "size 12345 {}"));
    r.write("data/a.json", '{"id":"abc","count":-5}\n');
    r.git("add", ".gitattributes", "data/big.json", "data/a.json");
    expect(run(r, "--staged")).toEqual({ code: 1, findings: ["parse/syntax data/big.json", "schema/violation data/a.json"] });
  });
});
