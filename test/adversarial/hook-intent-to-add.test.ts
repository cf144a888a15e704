/**
 * The pre-commit hook and intent-to-add entries (`git add -N file`, which editors and
 * `git add -p` workflows use): the index holds the empty blob for them, but `git commit` leaves
 * them out. The hook read them as staged empty files and blocked a valid commit
 * (`parse/empty`), and a reseal as a staged file that disagrees with the manifest. They are no
 * part of the commit, so not judged; `git commit -a` stages their content, which is judged.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { commit, head, hookRepo, SCHEMA_VIOLATION, VALID } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** The built CLI's `check --staged --format json`: exit code and each "rule file" of the findings. */
function staged(r: TestRepo): { code: number; findings: string[] } {
  const run = r.cliBundle(["check", "--staged", "--format", "json"]);
  const report = JSON.parse(run.stdout || "{}") as { findings?: { rule: string; file?: string }[] };
  return { code: run.code, findings: [...new Set((report.findings ?? []).map((f) => `${f.rule} ${f.file ?? ""}`))].sort() };
}

describe("an intent-to-add entry", () => {
  it("does not block a commit that leaves it out, and is judged once `git commit -a` stages it", () => {
    const r = hookRepo();
    repo = r;
    r.write("data/new.json", VALID);
    r.git("add", "-N", "data/new.json");
    r.write("data/a.json", '{"id":"abc","count":2}\n');
    r.git("add", "data/a.json");
    expect(staged(r)).toEqual({ code: 0, findings: [] });
    const before = head(r);
    const c = commit(r);
    expect(c.status, c.out).toBe(0);
    expect(head(r)).not.toBe(before);
    expect(r.git("ls-tree", "-r", "--name-only", "HEAD")).not.toContain("data/new.json");
    // Still intent-to-add; its content breaks the schema: `git commit -a` stages and judges it.
    r.write("data/new.json", SCHEMA_VIOLATION);
    const all = commit(r, "-a");
    expect(all.status).not.toBe(0);
    expect(all.out).toContain("data/new.json");
  });

  it("does not block the first commit of a repository", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", "version: 1\n");
    r.write("data/a.json", VALID);
    r.write("data/new.json", VALID);
    r.git("add", ".integrity-guard/config.yml", "data/a.json");
    r.git("add", "-N", "data/new.json");
    expect(staged(r)).toEqual({ code: 0, findings: [] });
  });

  it("does not disagree with a resealed manifest, while a staged empty file still does", () => {
    const r = createRepo();
    repo = r;
    r.write(".integrity-guard/config.yml", 'version: 1\nmanifest:\n  include: ["data/**"]\n');
    r.write("data/a.json", VALID);
    r.commitAll("initial");
    r.write("data/new.json", VALID);
    r.git("add", "-N", "data/new.json");
    r.write("data/a.json", '{"id":"abc","count":2}\n');
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.git("add", ".integrity-guard", "data/a.json");
    expect(staged(r)).toEqual({ code: 0, findings: [] });
    // A real empty blob staged for a sealed file is still caught.
    r.write("data/e.json", "");
    r.git("add", "data/e.json");
    r.write("data/e.json", "{}\n");
    expect(r.cliBundle(["seal"]).code).toBe(0);
    r.git("add", ".integrity-guard");
    expect(staged(r)).toEqual({ code: 1, findings: ["manifest/unsealed-change data/e.json", "parse/empty data/e.json"] });
  });
});
