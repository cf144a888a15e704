/**
 * `init` on a repository whose hook was written by a hook manager that rewrites hooks: the
 * pre-commit framework, lefthook, simple-git-hooks. Chaining such a hook (moving it to
 * `<hook>.local`) does not last: the next `pre-commit install` (every clone runs it) turns the
 * pair into a loop the framework stops every commit on; lefthook's next install (npm install
 * runs it) moves ours to `.old` and never runs it; simple-git-hooks overwrites it: the check
 * silently stops. So init refuses (nothing changed) and says what to add to the manager's
 * config; once that config runs integrity-guard, init leaves the manager's hooks alone.
 * The lefthook and simple-git-hooks hooks are the texts lefthook 2.2.1 and simple-git-hooks
 * 2.14.0 write (seen with both: after init had chained them, `lefthook install` moved ours to
 * pre-commit.old and a corrupt commit went through).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitHookScript } from "../../src/core/hook-script.js";
import { CLI_BUNDLE, createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const hasPreCommit = spawnSync("pre-commit", ["--version"], { encoding: "utf8" }).status === 0;

/** lefthook 2.2.1's hook, shortened to the lines that matter (the search for its binary elided). */
const LEFTHOOK_HOOK = (hook: string) => `#!/bin/sh

if [ "$LEFTHOOK_VERBOSE" = "1" -o "$LEFTHOOK_VERBOSE" = "true" ]; then
  set -x
fi

if [ "$LEFTHOOK" = "0" ]; then
  exit 0
fi

call_lefthook()
{
  if test -n "$LEFTHOOK_BIN"
  then
    "$LEFTHOOK_BIN" "$@"
  elif lefthook -h >/dev/null 2>&1
  then
    lefthook "$@"
  else
    echo "Can't find lefthook in PATH"
  fi
}

call_lefthook run "${hook}" "$@"
`;

/** simple-git-hooks 2.14.0's hook for `"pre-commit": "npx lint-staged"`. */
const SIMPLE_GIT_HOOKS_HOOK = `#!/bin/sh
if [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then
    echo "[INFO] SKIP_SIMPLE_GIT_HOOKS is set to 1, skipping hook."
    exit 0
fi
if [ -f "$SIMPLE_GIT_HOOKS_RC" ]; then
    . "$SIMPLE_GIT_HOOKS_RC"
fi
npx lint-staged
`;

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function repoWith(files: Record<string, string>): TestRepo {
  const repo = createRepo();
  cleanups.push(() => repo.cleanup());
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  repo.write("data/a.json", '{"a": 1}\n');
  repo.commitAll("initial");
  return repo;
}

function hook(repo: TestRepo, name: string, text: string): void {
  fs.writeFileSync(path.join(repo.dir, ".git/hooks", name), text, { mode: 0o755 });
}

/** The hooks folder, name -> text (git's samples left out). */
function hooks(repo: TestRepo): Record<string, string> {
  const dir = path.join(repo.dir, ".git/hooks");
  const out: Record<string, string> = {};
  for (const n of fs.readdirSync(dir).filter((n) => !n.endsWith(".sample"))) out[n] = fs.readFileSync(path.join(dir, n), "utf8");
  return out;
}

describe("init and a hook manager's hook", () => {
  it("lefthook: refused with what to add to lefthook.yml; nothing changed, no config written", async () => {
    const repo = repoWith({ "lefthook.yml": "pre-commit:\n  commands:\n    lint:\n      run: npx eslint {staged_files}\n" });
    hook(repo, "pre-commit", LEFTHOOK_HOOK("pre-commit"));
    const before = hooks(repo);
    const r = await repo.cli(["init"]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(".git/hooks/pre-commit is a pre-commit hook written by lefthook");
    expect(r.stderr).toContain("never runs the hook it moves aside");
    expect(r.stderr).toContain("run: npx integrity-guard check --staged");
    expect(r.stderr).toContain("integrity-guard init --no-hook");
    expect(hooks(repo)).toEqual(before);
    expect(fs.existsSync(path.join(repo.dir, ".integrity-guard/config.yml"))).toBe(false);
  });

  it("lefthook whose lefthook.yml runs integrity-guard: its hooks are left alone, the missing ones installed", async () => {
    const repo = repoWith({
      "lefthook.yml": "pre-commit:\n  commands:\n    integrity:\n      run: npx integrity-guard check --staged\n",
    });
    hook(repo, "pre-commit", LEFTHOOK_HOOK("pre-commit"));
    const r = await repo.cli(["init", "--hook-only"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("left lefthook's pre-commit hook .git/hooks/pre-commit as it is");
    expect(r.stdout).toContain("whose lefthook.yml runs integrity-guard");
    expect(hooks(repo)).toEqual({
      "pre-commit": LEFTHOOK_HOOK("pre-commit"),
      "pre-merge-commit": gitHookScript("pre-merge-commit"),
      "prepare-commit-msg": gitHookScript("prepare-commit-msg"),
    });
  });

  it("lefthook's prepare-commit-msg is left alone with a note; the user's own pre-commit is chained", async () => {
    const repo = repoWith({ "lefthook.yml": "prepare-commit-msg:\n  commands:\n    ticket:\n      run: ./add-ticket {1}\n" });
    const own = '#!/bin/sh\necho "own hook"\n';
    hook(repo, "pre-commit", own);
    hook(repo, "prepare-commit-msg", LEFTHOOK_HOOK("prepare-commit-msg"));
    const r = await repo.cli(["init", "--hook-only"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("left lefthook's prepare-commit-msg hook .git/hooks/prepare-commit-msg as it is");
    expect(r.stdout).toContain("`git rebase --continue` commits after a conflict is not checked");
    expect(hooks(repo)).toEqual({
      "pre-commit": gitHookScript("pre-commit"),
      "pre-commit.local": own,
      "pre-merge-commit": gitHookScript("pre-merge-commit"),
      "prepare-commit-msg": LEFTHOOK_HOOK("prepare-commit-msg"),
    });
  });

  it("simple-git-hooks: refused with what to add to package.json; nothing changed", async () => {
    const repo = repoWith({ "package.json": '{"name": "x", "simple-git-hooks": {"pre-commit": "npx lint-staged"}}\n' });
    hook(repo, "pre-commit", SIMPLE_GIT_HOOKS_HOOK);
    const before = hooks(repo);
    const r = await repo.cli(["init", "--hook-only"]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain("written by simple-git-hooks: simple-git-hooks overwrites it on its next run");
    expect(r.stderr).toContain('to "simple-git-hooks" in package.json');
    expect(hooks(repo)).toEqual(before);
  });

  describe.skipIf(!hasPreCommit || !fs.existsSync(CLI_BUNDLE))("the pre-commit framework (real)", () => {
    it("refused while its config does not run integrity-guard; once it does, init leaves its hooks and the check blocks through it, after another `pre-commit install` too", async () => {
      const home = makeTempDir("ig-pre-commit-home-");
      cleanups.push(() => fs.rmSync(home, { recursive: true, force: true }));
      const bin = makeTempDir("ig-bin-");
      cleanups.push(() => fs.rmSync(bin, { recursive: true, force: true }));
      fs.writeFileSync(path.join(bin, "integrity-guard"), `#!/bin/sh\nexec "${process.execPath}" "${CLI_BUNDLE}" "$@"\n`, {
        mode: 0o755,
      });
      const env = { ...process.env, PRE_COMMIT_HOME: home, HOME: home, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` };
      const local = (id: string, entry: string) =>
        `  - id: ${id}\n    name: ${id}\n    entry: ${entry}\n    language: system\n    pass_filenames: false\n    always_run: true\n`;
      const repo = repoWith({
        ".pre-commit-config.yaml": `repos:\n- repo: local\n  hooks:\n${local("hello", "sh -c 'echo hello >> .git/hello.log'")}`,
      });
      const run = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { cwd: repo.dir, env, encoding: "utf8" });
      const install = () => run("pre-commit", "install", "--hook-type", "pre-commit", "--hook-type", "pre-merge-commit");
      expect(install().status).toBe(0);
      const before = hooks(repo);

      const refused = await repo.cli(["init", "--hook-only"], env);
      expect(refused.code, refused.stdout + refused.stderr).toBe(2);
      expect(refused.stderr).toContain(".git/hooks/pre-commit is a pre-commit hook written by the pre-commit framework");
      expect(refused.stderr).toContain("installed in migration mode");
      expect(refused.stderr).toContain("add `- id: integrity-guard` to .pre-commit-config.yaml");
      expect(hooks(repo)).toEqual(before);

      repo.write(
        ".pre-commit-config.yaml",
        `repos:\n- repo: local\n  hooks:\n${local("hello", "sh -c 'echo hello >> .git/hello.log'")}${local("integrity-guard", "integrity-guard check --staged")}`,
      );
      repo.git("add", ".pre-commit-config.yaml");
      const ok = await repo.cli(["init", "--hook-only"], env);
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain("left the pre-commit framework's pre-commit hook .git/hooks/pre-commit as it is");
      expect(hooks(repo)).toEqual({ ...before, "prepare-commit-msg": gitHookScript("prepare-commit-msg") });
      expect(install().status).toBe(0); // what every clone runs: still no loop, still our check
      repo.write("data/b.json", '{"b": 1,}\n');
      repo.git("add", "data/b.json");
      const bad = run("git", "commit", "-qm", "b");
      expect(bad.status, bad.stdout + bad.stderr).toBe(1);
      expect(bad.stdout + bad.stderr).toContain("data/b.json:1:8");
      expect(bad.stdout + bad.stderr).not.toContain("migration mode");
      repo.write("data/b.json", '{"b": 1}\n');
      repo.git("add", "data/b.json");
      const good = run("git", "commit", "-qm", "b");
      expect(good.status, good.stdout + good.stderr).toBe(0);
      expect(fs.readFileSync(path.join(repo.dir, ".git/hello.log"), "utf8")).toBe("hello\nhello\n");
    }, 300_000);
  });
});
