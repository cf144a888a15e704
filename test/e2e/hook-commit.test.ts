/**
 * Real `git commit`s through the hook `init` installs, running the BUILT CLI: corrupt content
 * blocked (HEAD unchanged, file:line:column and the bypass named), valid content committed,
 * and what is checked is what will be committed: the index, not the working tree, including
 * the temporary index git makes for `git commit -a` and `git commit <path>` (GIT_INDEX_FILE).
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo, SCHEMA_VIOLATION, TRAILING_COMMA, VALID } from "./hook-fixture.js";
import { at } from "../helpers/position.js";

// The report names TRAILING_COMMA's comma itself (line 3), not the brace after it.
const AT_A = at("data/a.json", TRAILING_COMMA, ",\n}");
const AT_B = at("data/b.json", TRAILING_COMMA, ",\n}");

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe("git commit through the installed hook", () => {
  it("a valid commit passes", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/b.json", VALID);
    repo.git("add", "data/b.json");
    expectCommitted(repo, before, commit(repo));
    expect(repo.git("show", "HEAD:data/b.json")).toBe(VALID);
  });

  it("corrupt JSON is blocked with file:line:column; HEAD and the index unchanged", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    const indexBefore = repo.git("ls-files", "-s");
    const r = commit(repo);
    expectBlocked(repo, before, r, AT_B);
    expect(r.out).toContain("parse/");
    expect(r.out).toContain("commit blocked");
    expect(repo.git("ls-files", "-s")).toBe(indexBefore); // still staged, nothing lost
    expect(repo.read("data/b.json")).toBe(TRAILING_COMMA);
  });

  it("a schema violation is blocked at the offending value's line and column", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/a.json", SCHEMA_VIOLATION);
    repo.git("add", "data/a.json");
    const r = commit(repo);
    expectBlocked(repo, before, r, at("data/a.json", SCHEMA_VIOLATION, "-5"));
    expect(r.out).toContain("schema/violation");
  });

  it("corrupt YAML is blocked too", () => {
    repo = hookRepo();
    const before = head(repo);
    const text = "a: 1\na: 2\n";
    repo.write("config/app.yaml", text);
    repo.git("add", "config/app.yaml");
    expectBlocked(repo, before, commit(repo), at("config/app.yaml", text, "a: 2")); // the second "a"
  });

  it("--no-verify bypasses the hook (the documented escape hatch)", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json");
    expectCommitted(repo, before, commit(repo, "--no-verify"));
  });
});

describe("the index is checked, not the working tree", () => {
  it("staged corrupt, fixed only in the working tree: blocked", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/a.json", TRAILING_COMMA);
    repo.git("add", "data/a.json");
    repo.write("data/a.json", VALID); // fixed, but not staged
    expectBlocked(repo, before, commit(repo), AT_A);
    expect(repo.read("data/a.json")).toBe(VALID); // the hook never touches the working tree
  });

  it("staged valid, broken afterwards in the working tree: passes, and the valid content is committed", () => {
    repo = hookRepo();
    const before = head(repo);
    const changed = VALID.replace('"count": 1', '"count": 2');
    repo.write("data/a.json", changed);
    repo.git("add", "data/a.json");
    repo.write("data/a.json", TRAILING_COMMA); // broken, not staged
    expectCommitted(repo, before, commit(repo));
    expect(repo.git("show", "HEAD:data/a.json")).toBe(changed);
    expect(repo.read("data/a.json")).toBe(TRAILING_COMMA); // left as the user had it
  });

  it("git commit -a with a corrupt modified tracked file: blocked (git's temporary index is read)", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/a.json", TRAILING_COMMA); // modified, not staged: only -a stages it
    const r = repo.tryGit("commit", "-a", "-m", "all");
    expectBlocked(repo, before, { status: r.status, out: r.stdout + r.stderr }, AT_A);
    expect(repo.git("diff", "--cached", "--name-only")).toBe(""); // the real index is as it was
  });

  it("git commit -a with a valid modified tracked file passes", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/a.json", VALID.replace('"count": 1', '"count": 3'));
    const r = repo.tryGit("commit", "-a", "-m", "all");
    expectCommitted(repo, before, { status: r.status, out: r.stdout + r.stderr });
  });

  it("git commit <path> checks that path's working-tree content", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/a.json", TRAILING_COMMA); // staged copy (the old one) is valid
    const r = repo.tryGit("commit", "-m", "only a", "--", "data/a.json");
    expectBlocked(repo, before, { status: r.status, out: r.stdout + r.stderr }, AT_A);
  });

  it("git commit <path> does not check other staged files that will not be committed", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write("data/b.json", TRAILING_COMMA);
    repo.git("add", "data/b.json"); // staged corrupt, but not part of this commit
    repo.write("data/a.json", VALID.replace('"count": 1', '"count": 4'));
    const r = repo.tryGit("commit", "-m", "only a", "--", "data/a.json");
    expectCommitted(repo, before, { status: r.status, out: r.stdout + r.stderr });
    expect(repo.git("show", "--name-only", "--format=", "HEAD").trim()).toBe("data/a.json");
    // the next plain commit would carry b.json: blocked
    const after = head(repo);
    expectBlocked(repo, after, commit(repo), AT_B);
  });
});

describe("failing closed", () => {
  it("a broken config blocks the commit (exit 2: the check could not run)", () => {
    repo = hookRepo();
    const before = head(repo);
    repo.write(".integrity-guard/config.yml", "version: 1\nvalidaet: {}\n");
    repo.write("data/b.json", VALID);
    repo.git("add", "-A");
    const r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(r.out).toContain("could not run");
    expect(r.out).toContain("git commit --no-verify");
  });
});
