/**
 * Red team round 5: Git LFS pointers on a pull request. The Action read `filter=lfs` from the
 * checkout, which is the pull request's own .gitattributes: a pull request that added
 * `*.json filter=lfs` and replaced a checked state file by a pointer got a notice and passed,
 * and once merged the file's content came from the LFS server unchecked. The base commit's
 * .gitattributes (read through a temporary index: git 2.39 has no `check-attr --source`) must
 * route the path through LFS as well; otherwise the pointer is a `validate/lfs-pointer` error.
 * A pointer the base already routes keeps its notice; a non-pointer file under `filter=lfs`
 * stays checked.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runPullRequest, type ActionRun } from "../e2e/action-harness.js";
import { createRepo, type TestRepo } from "../helpers/repo.js";

const POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${"ab".repeat(32)}\nsize 123456\n`;
const CONFIG = `version: 1
validate:
  schemas:
    - { files: ["data/*.json"], schema: schemas/state.schema.json }
`;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

interface Report {
  findings: { rule: string; level: string; file?: string; found?: string }[];
}

async function prRun(base: (r: TestRepo) => void, change: (r: TestRepo) => void): Promise<ActionRun & { report: Report }> {
  const repo = createRepo();
  cleanup.push(() => repo.cleanup());
  repo.write(".integrity-guard/config.yml", CONFIG);
  repo.write("schemas/state.schema.json", JSON.stringify({ type: "object", required: ["v"] }) + "\n");
  repo.write("data/state.json", '{"v": 1}\n');
  base(repo);
  repo.commitAll("base");
  const r = await runPullRequest(repo, change);
  return { ...r, report: JSON.parse(r.findingsJson ?? '{"findings":[]}') as Report };
}

const of = (r: { report: Report }, rule: string) => r.report.findings.filter((f) => f.rule === rule);

describe("LFS pointers on a pull request are judged by the base branch's .gitattributes", () => {
  it("a pull request that adds filter=lfs and turns a checked file into a pointer fails", async () => {
    const r = await prRun(
      () => undefined,
      (repo) => {
        repo.write(".gitattributes", "*.json filter=lfs diff=lfs merge=lfs -text\n");
        repo.write("data/state.json", POINTER);
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(of(r, "validate/lfs-pointer")).toEqual([expect.objectContaining({ level: "error", file: "data/state.json" })]);
  }, 60_000);

  it("a pointer the base already routes through LFS (root .gitattributes) passes with the notice", async () => {
    const r = await prRun(
      (repo) => repo.write(".gitattributes", "data/*.json filter=lfs diff=lfs merge=lfs -text\n"),
      (repo) => repo.write("data/big.json", POINTER),
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(of(r, "validate/lfs-pointer")).toEqual([expect.objectContaining({ level: "notice", found: "data/big.json" })]);
  }, 60_000);

  it("a base rule in a folder's own .gitattributes counts too", async () => {
    const r = await prRun(
      (repo) => repo.write("data/.gitattributes", "big*.json filter=lfs -text\n"),
      (repo) => repo.write("data/big.json", POINTER),
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(of(r, "validate/lfs-pointer")).toEqual([expect.objectContaining({ level: "notice" })]);
  }, 60_000);

  it("under filter=lfs (base and head), a file that is not a pointer is still checked", async () => {
    const r = await prRun(
      (repo) => repo.write(".gitattributes", "data/*.json filter=lfs -text\n"),
      (repo) => repo.write("data/state.json", '{"v": 1,,}\n'),
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(of(r, "parse/syntax")).toEqual([expect.objectContaining({ file: "data/state.json" })]);
  }, 60_000);

  it("a pull request that drops the base's filter=lfs has its pointer checked as content", async () => {
    const r = await prRun(
      (repo) => {
        repo.write(".gitattributes", "data/big.json filter=lfs -text\n");
        repo.write("data/big.json", '{"v": 2}\n');
      },
      (repo) => {
        repo.write(".gitattributes", "");
        repo.write("data/big.json", POINTER);
      },
    );
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(of(r, "validate/lfs-pointer")).toEqual([]);
    expect(r.report.findings.some((f) => f.file === "data/big.json" && f.level === "error")).toBe(true);
  }, 60_000);
});
