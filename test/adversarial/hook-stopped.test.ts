/**
 * A hook that silently stops running is the worst failure of a check: corrupt files go in and
 * nothing says so. After `init`, the hook stops when core.hooksPath is changed (by the user,
 * by another tool, in ~/.gitconfig, to /dev/null), when the file loses its exec bit (git skips
 * it with a hint only), when another installer writes its own hook over ours, or when husky 9
 * before 9.1.5 never generates `.husky/_/pre-merge-commit`. `health` must say so, with the fix,
 * and `check` must say it in one line. Real repositories, the hooks written by init (src), the
 * built CLI as the local binary so that the commits really run the hook.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, type TestRepo } from "../helpers/repo.js";
import { head, installLocalBinary } from "../e2e/hook-fixture.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
});

/** Hooks are expected outside CI only: the suite itself may run with CI=true. */
const LOCAL = { CI: "", GITHUB_ACTIONS: "" };
const CORRUPT = '{"a": 1,}\n';

async function installed(setup?: (r: TestRepo) => unknown): Promise<TestRepo> {
  const r = createRepo();
  r.write(".gitignore", "node_modules/\n");
  r.write(".integrity-guard/config.yml", "version: 1\n");
  r.write("data/a.json", '{"a": 1}\n');
  r.commitAll("initial");
  installLocalBinary(r);
  await setup?.(r);
  const init = await r.cli(["init", "--hook-only"], LOCAL);
  expect(init.code, init.stderr + init.stdout).toBe(0);
  return r;
}

interface HookJson {
  hook: string;
  runs: boolean;
  stopped: boolean;
  via?: string;
}

async function health(r: TestRepo, env: NodeJS.ProcessEnv = LOCAL) {
  const out = await r.cli(["health", "--format", "json", "--no-record"], env);
  const json = JSON.parse(out.stdout) as { hooks?: HookJson[]; findings?: unknown };
  const text = await r.cli(["health", "--no-record"], env);
  return { json, text: text.stdout + text.stderr };
}

/** The hook findings health reports (text form: rule, message and fix). */
function hookLines(text: string): string[] {
  return text.split("\n").filter((l) => /hook\/not-running|hook\/not-installed|fix: /.test(l));
}

function commitCorrupt(r: TestRepo): { status: number | null; out: string } {
  r.write("data/b.json", CORRUPT);
  r.git("add", "data/b.json");
  const c = r.tryGit("commit", "-qm", "corrupt");
  return { status: c.status, out: c.stdout + c.stderr };
}

describe("a hook that stopped running is reported by health and check", () => {
  it("installed and running: health lists both hooks as running, no hook finding", async () => {
    repo = await installed();
    const h = await health(repo);
    expect(h.json.hooks?.map((s) => [s.hook, s.runs])).toEqual([
      ["pre-commit", true],
      ["pre-merge-commit", true],
      ["prepare-commit-msg", true],
    ]);
    expect(h.text).not.toMatch(/hook\/not-running/);
    expect(commitCorrupt(repo).status).not.toBe(0);
  });

  it("core.hooksPath set to /dev/null after init: the commit goes through unchecked, health and check say so", async () => {
    repo = await installed();
    repo.git("config", "core.hooksPath", "/dev/null");
    const before = head(repo);
    expect(commitCorrupt(repo).status).toBe(0); // git's behaviour: no hook runs at all
    expect(head(repo)).not.toBe(before);
    const h = await health(repo);
    expect(h.json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: false, stopped: true });
    expect(h.text).toMatch(
      /warning {2}the pre-commit hook does not run integrity-guard: core\.hooksPath is "\/dev\/null" \(local git config\).*\.git\/hooks\/pre-commit no longer runs {2}\[hook\/not-running\]/,
    );
    expect(h.text).toContain('fix: core.hooksPath "/dev/null" is no folder, so it turns every hook off: git config --unset core.hooksPath');
    const check = await repo.cli(["check"], LOCAL);
    expect(check.stderr).toMatch(
      /^integrity-guard: warning: the pre-commit hook no longer runs the check: .*git config --unset core\.hooksPath/m,
    );
  });

  it("core.hooksPath set in the global git config (~/.gitconfig) to another folder: a warning whose fix names --global", async () => {
    repo = await installed();
    const global = path.join(repo.dir, "global-hooks");
    fs.mkdirSync(global);
    fs.writeFileSync(path.join(repo.dir, ".gitconfig"), `[core]\n\thooksPath = ${global}\n`);
    // The in-process CLI's git processes inherit process.env (this file's worker only).
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = path.join(repo.dir, ".gitconfig");
    let h: Awaited<ReturnType<typeof health>>;
    try {
      h = await health(repo);
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
    }
    expect(h.json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: false, stopped: true });
    expect(h.text).toContain("(global git config)");
    expect(h.text).toMatch(/fix: give this repository its own hooks folder \(git config core\.hooksPath \.githooks/);
  });

  it("core.hooksPath changed to a new local folder by another tool: fix is to install there, and init does", async () => {
    repo = await installed();
    repo.git("config", "core.hooksPath", ".tool-hooks");
    const h = await health(repo);
    expect(hookLines(h.text).join("\n")).toContain("git runs pre-commit from .tool-hooks, which has none");
    expect(h.text).toContain("fix: install it where git now looks: npx integrity-guard init --hook-only");
    expect((await repo.cli(["init", "--hook-only"], LOCAL)).code).toBe(0);
    expect((await health(repo)).json.hooks?.every((s) => s.runs)).toBe(true);
    expect(commitCorrupt(repo).status).not.toBe(0);
  });

  it("the hook lost its exec bit (a filesystem without modes): git skips it; health and check give chmod", async () => {
    repo = await installed();
    fs.chmodSync(path.join(repo.dir, ".git/hooks/pre-commit"), 0o644);
    expect(commitCorrupt(repo).status).toBe(0); // git only prints a hint
    const h = await health(repo);
    expect(h.json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: false, stopped: true });
    expect(h.text).toContain(".git/hooks/pre-commit is not executable, so git skips it");
    expect(h.text).toContain(`fix: chmod +x ${path.join(fs.realpathSync(repo.dir), ".git/hooks/pre-commit")}`);
    const check = await repo.cli(["check"], LOCAL);
    expect(check.stderr).toContain("the pre-commit hook no longer runs the check");
  });

  it("a committed hooks folder whose file lost its mode: the fix also commits the mode", async () => {
    repo = await installed((r) => r.git("config", "core.hooksPath", ".githooks"));
    fs.chmodSync(path.join(repo.dir, ".githooks/pre-commit"), 0o644);
    const h = await health(repo);
    expect(h.text).toContain("git add --chmod=+x .githooks/pre-commit");
  });

  it("overwritten by the pre-commit framework (ours kept as pre-commit.legacy, which it runs): still runs", async () => {
    repo = await installed();
    const hooks = path.join(repo.dir, ".git/hooks");
    fs.renameSync(path.join(hooks, "pre-commit"), path.join(hooks, "pre-commit.legacy"));
    fs.writeFileSync(path.join(hooks, "pre-commit"), PRE_COMMIT_FRAMEWORK, { mode: 0o755 });
    const h = await health(repo);
    expect(h.json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: true });
  });

  it("overwritten by the pre-commit framework with `pre-commit install -f` (ours gone), config without our id: a warning", async () => {
    repo = await installed();
    repo.write(
      ".pre-commit-config.yaml",
      "repos:\n  - repo: local\n    hooks:\n      - id: eslint\n        name: eslint\n        entry: eslint\n        language: system\n",
    );
    fs.writeFileSync(path.join(repo.dir, ".git/hooks/pre-commit"), PRE_COMMIT_FRAMEWORK, { mode: 0o755 });
    const h = await health(repo);
    expect(h.json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: false });
    expect(h.text).toContain(
      ".git/hooks/pre-commit was written by the pre-commit framework, whose configuration does not run integrity-guard",
    );
    expect(h.text).toContain("fix: add `- id: integrity-guard` to .pre-commit-config.yaml");
    // Adding the hook id to the framework's config is what makes it run again.
    repo.write(
      ".pre-commit-config.yaml",
      "repos:\n  - repo: https://github.com/o/integrity-guard\n    rev: v0.1.0\n    hooks:\n      - id: integrity-guard\n",
    );
    expect((await health(repo)).json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({
      runs: true,
      via: "the pre-commit framework (.pre-commit-config.yaml)",
    });
  });

  it("overwritten by lefthook (ours moved to pre-commit.old, which lefthook does not run): a warning, stopped", async () => {
    repo = await installed();
    const hooks = path.join(repo.dir, ".git/hooks");
    fs.renameSync(path.join(hooks, "pre-commit"), path.join(hooks, "pre-commit.old"));
    fs.writeFileSync(path.join(hooks, "pre-commit"), LEFTHOOK, { mode: 0o755 });
    repo.write("lefthook.yml", "pre-commit:\n  commands:\n    lint:\n      run: npx eslint {staged_files}\n");
    const h = await health(repo);
    expect(h.json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: false, stopped: true });
    expect(h.text).toContain("written by lefthook");
    repo.write("lefthook.yml", "pre-commit:\n  commands:\n    integrity:\n      run: npx integrity-guard check --staged\n");
    expect((await health(repo)).json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({
      runs: true,
      via: "lefthook (lefthook.yml)",
    });
  });

  it("overwritten by simple-git-hooks with another command: a warning; with ours in the command: runs", async () => {
    repo = await installed();
    const file = path.join(repo.dir, ".git/hooks/pre-commit");
    fs.writeFileSync(file, '#!/bin/sh\n\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\n\nnpx eslint .\n', { mode: 0o755 });
    expect((await health(repo)).text).toContain("written by simple-git-hooks");
    fs.writeFileSync(
      file,
      '#!/bin/sh\n\nif [ "$SKIP_SIMPLE_GIT_HOOKS" = "1" ]; then\n    exit 0\nfi\n\nnpx integrity-guard check --staged\n',
      { mode: 0o755 },
    );
    expect((await health(repo)).json.hooks?.find((s) => s.hook === "pre-commit")).toMatchObject({ runs: true });
  });

  it("never installed in this clone: a notice (not a warning) with the init command", async () => {
    repo = createRepo();
    repo.write(".integrity-guard/config.yml", "version: 1\n");
    repo.commitAll("initial");
    const h = await health(repo);
    expect(h.text).toMatch(/notice {2}the pre-commit hook does not run integrity-guard: .* {2}\[hook\/not-installed\]/);
    expect(h.text).toContain("fix: npx integrity-guard init --hook-only");
    expect((await repo.cli(["check"], LOCAL)).stderr).not.toContain("no longer runs");
  });

  it("in CI (no hooks expected) health has no hooks section and check no hint", async () => {
    repo = await installed();
    repo.git("config", "core.hooksPath", "/dev/null");
    const h = await health(repo, { CI: "true", GITHUB_ACTIONS: "true" });
    expect(h.json.hooks).toBeUndefined();
    expect((await repo.cli(["check"], { CI: "true", GITHUB_ACTIONS: "true" })).stderr).not.toContain("no longer runs");
  });
});

describe("husky 9 before 9.1.5 (no .husky/_/pre-merge-commit)", () => {
  /** main and feat each add "dup"; git merges them without a conflict into a duplicate key. */
  const BASE = '{\n  "id": "abc",\n  "z": 1,\n  "n": 1,\n  "p": 1,\n  "q": 1,\n  "r": 2\n}\n';

  it("init adds the runner stub so the clean merge into a duplicate key is blocked; health shows both hooks running", async () => {
    repo = await installed((r) => {
      // What husky 9.1.4 writes: .husky/_/h (the runner) and one stub per hook it knows, which
      // does not include pre-merge-commit.
      fs.mkdirSync(path.join(r.dir, ".husky/_"), { recursive: true });
      fs.copyFileSync(path.join(import.meta.dirname, "../../node_modules/husky/husky"), path.join(r.dir, ".husky/_/h"));
      for (const hook of ["pre-commit", "commit-msg", "post-merge"])
        fs.writeFileSync(path.join(r.dir, `.husky/_/${hook}`), '#!/usr/bin/env sh\n. "${0%/*}/h"', { mode: 0o755 });
      fs.writeFileSync(path.join(r.dir, ".husky/_/.gitignore"), "*");
      r.git("config", "core.hooksPath", ".husky/_");
      r.write("data/a.json", BASE);
      r.commitAll("base");
    });
    expect(fs.existsSync(path.join(repo.dir, ".husky/_/pre-merge-commit"))).toBe(true);
    expect((await health(repo)).json.hooks?.map((s) => [s.hook, s.runs, s.via])).toEqual([
      ["pre-commit", true, "husky (.husky/pre-commit)"],
      ["pre-merge-commit", true, "husky (.husky/pre-merge-commit)"],
      ["prepare-commit-msg", true, "husky (.husky/prepare-commit-msg)"],
    ]);
    repo.git("checkout", "-q", "-b", "feat");
    repo.write("data/a.json", BASE.replace('"id": "abc",\n', '"id": "abc",\n  "dup": 1,\n'));
    expect(repo.tryGit("commit", "-qam", "feat").status).toBe(0);
    repo.git("checkout", "-q", "main");
    repo.write("data/a.json", BASE.replace('"q": 1,\n', '"q": 1,\n  "dup": 2,\n'));
    expect(repo.tryGit("commit", "-qam", "main").status).toBe(0);
    const before = head(repo);
    const m = repo.tryGit("merge", "--no-edit", "feat");
    expect(m.status, m.stdout + m.stderr).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(m.stdout + m.stderr).toContain('duplicate key "dup"');
  });

  it("the stub removed again (a fresh clone of such a repository): health warns with the husky upgrade", async () => {
    repo = await installed((r) => {
      fs.mkdirSync(path.join(r.dir, ".husky/_"), { recursive: true });
      fs.copyFileSync(path.join(import.meta.dirname, "../../node_modules/husky/husky"), path.join(r.dir, ".husky/_/h"));
      fs.writeFileSync(path.join(r.dir, ".husky/_/pre-commit"), '#!/usr/bin/env sh\n. "${0%/*}/h"', { mode: 0o755 });
      r.git("config", "core.hooksPath", ".husky/_");
    });
    fs.rmSync(path.join(repo.dir, ".husky/_/pre-merge-commit"));
    const h = await health(repo);
    expect(h.json.hooks?.find((s) => s.hook === "pre-merge-commit")).toMatchObject({ runs: false, stopped: true });
    expect(h.text).toContain("husky 9 before 9.1.5");
    expect(h.text).toContain("fix: npm install --save-dev husky@^9.1.5 && npx husky");
  });
});

/** The head of the hook `pre-commit install` writes (pre-commit 3.x), enough to be recognised. */
const PRE_COMMIT_FRAMEWORK = `#!/usr/bin/env bash
# File generated by pre-commit: https://pre-commit.com
# ID: 138fd403232d2ddd5efb44317e38bf03

# start templated
INSTALL_PYTHON=/usr/bin/python3
ARGS=(hook-impl --config=.pre-commit-config.yaml --hook-type=pre-commit)
# end templated

HERE="$(cd "$(dirname "$0")" && pwd)"
ARGS+=(--hook-dir "$HERE" -- "$@")

if [ -x "$INSTALL_PYTHON" ]; then
    exec "$INSTALL_PYTHON" -mpre_commit "\${ARGS[@]}"
elif command -v pre-commit > /dev/null; then
    exec pre-commit "\${ARGS[@]}"
else
    echo '\`pre-commit\` not found.  Did you forget to activate your virtualenv?' 1>&2
    exit 1
fi
`;

/** The head of the hook `lefthook install` writes. */
const LEFTHOOK = `#!/bin/sh

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
  fi
}

call_lefthook run "pre-commit" "$@"
`;
