/**
 * Session 18: files the default selection never read. `**\/*.json` in picomatch is
 * case-sensitive, so a corrupt `state.JSON` or `deploy.YML` (or a commit that renames a corrupt
 * file so) passed the hook and `check`. Real commits through the hook `init` installs, running
 * the BUILT CLI; each file, fixed, is committed.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { TestRepo } from "../helpers/repo.js";
import { commit, expectBlocked, expectCommitted, head, hookRepo } from "./hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

describe("JSON/YAML extensions in any letter case (built hook, default selection)", () => {
  it.each([
    ["state.JSON", '{\n  "a": 1,\n', /state\.JSON:\d+:\d+ .*(truncated|ends inside)/, '{\n  "a": 1\n}\n'],
    ["deploy/app.YML", "a: 1\nb: [1, 2\n", /deploy\/app\.YML:\d+:\d+/, "a: 1\nb: [1, 2]\n"],
    ["conf/a.Yaml", "a: 1\na: 2\n", /conf\/a\.Yaml:2:1 .*duplicate/i, "a: 1\nb: 2\n"],
    ["settings.JsonC", '{\n  // ok\n  "a": 1,,\n}\n', /settings\.JsonC:3:\d+/, '{\n  // ok\n  "a": 1,\n}\n'],
  ])("%s: blocked, committed once fixed", (file, bad, at, good) => {
    repo = hookRepo();
    const before = head(repo);
    repo.write(file, bad);
    repo.git("add", file);
    expectBlocked(repo, before, commit(repo), at);
    repo.write(file, good);
    repo.git("add", file);
    expectCommitted(repo, before, commit(repo));
  });

  it("a rename of a corrupt file to an upper-case extension is blocked", () => {
    repo = hookRepo();
    repo.write("data/b.txt", '{"id": "abc", "count": 1');
    repo.git("add", "data/b.txt");
    repo.git("commit", "-q", "--no-verify", "-m", "not checked: not JSON by name");
    const before = head(repo);
    repo.git("mv", "data/b.txt", "data/b.JSON");
    expectBlocked(repo, before, commit(repo), /data\/b\.JSON:1:\d+/);
  });

  it("check (whole tree) reads the same files: exit 1 naming each", () => {
    repo = hookRepo({ install: false });
    repo.write("x.JSON", "{");
    repo.write("y.YAML", "a: [");
    repo.write(".vscode/Settings.JSON", '{\n  // VS Code reads .vscode/*.json as JSONC\n  "a": 1,\n}\n');
    repo.commitAll("files");
    const r = repo.cliBundle(["check", "--format", "json"]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const files = (JSON.parse(r.stdout) as { findings: { file: string; level: string }[] }).findings
      .filter((f) => f.level === "error")
      .map((f) => f.file);
    expect([...new Set(files)].sort()).toEqual(["x.JSON", "y.YAML"]);
  });
});
