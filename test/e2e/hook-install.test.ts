/**
 * The hook in each install mode, exercised with real `git commit`s and the BUILT CLI: husky 9
 * wired as husky itself wires it (core.hooksPath=.husky/_, its generated scripts run
 * .husky/pre-commit), a core.hooksPath folder, an existing hook chained (both run), the tool on
 * PATH instead of node_modules, the tool missing (fails closed), a global core.hooksPath
 * (refused), and init's idempotence through the bundle.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { binScript, commit, exists, expectBlocked, expectCommitted, head, hookRepo, TRAILING_COMMA, VALID } from "./hook-fixture.js";
import { at } from "../helpers/position.js";

/** The trailing comma itself (line 3), not the brace after it. */
const AT_B = at("data/b.json", TRAILING_COMMA, ",\n}");
const HUSKY_BIN = path.join(PROJECT_ROOT, "node_modules/husky/bin.js");

let repo: TestRepo | undefined;
const extra: string[] = [];
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  for (const d of extra.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function stage(r: TestRepo, content: string): string {
  r.write("data/b.json", content);
  r.git("add", "data/b.json");
  return head(r);
}

describe("husky 9", () => {
  it("runs our block from .husky/pre-commit after the user's own lines", () => {
    repo = hookRepo({
      before: (r) => {
        r.write("package.json", JSON.stringify({ name: "demo", private: true, devDependencies: { husky: "^9.1.7" } }, null, 2) + "\n");
        // husky 9's own installer: sets core.hooksPath=.husky/_ and writes .husky/_/{h,pre-commit,...}
        const h = spawnSync(process.execPath, [HUSKY_BIN], { cwd: r.dir, encoding: "utf8", env: { ...process.env, HOME: r.dir } });
        expect(h.status, h.stderr + h.stdout).toBe(0);
        expect(r.git("config", "core.hooksPath").trim()).toBe(".husky/_");
        r.write(".husky/pre-commit", "echo user-line > husky-user-line-ran\n");
      },
    });
    const text = repo.read(".husky/pre-commit");
    expect(text.startsWith("echo user-line > husky-user-line-ran\n")).toBe(true);
    expect(text).toContain("check --staged");
    expect(exists(repo, ".git/hooks/pre-commit")).toBe(false);

    const before = stage(repo, TRAILING_COMMA);
    const r = commit(repo);
    expectBlocked(repo, before, r, AT_B);
    expect(r.out).toContain("husky - pre-commit script failed");
    expect(exists(repo, "husky-user-line-ran")).toBe(true);

    fs.rmSync(path.join(repo.dir, "husky-user-line-ran"));
    stage(repo, VALID);
    expectCommitted(repo, before, commit(repo));
    expect(exists(repo, "husky-user-line-ran")).toBe(true);
  });

  it("HUSKY=0 skips every husky hook (husky's documented switch), ours included", () => {
    repo = hookRepo({
      before: (r) => {
        r.write("package.json", '{ "name": "demo", "private": true }\n');
        expect(spawnSync(process.execPath, [HUSKY_BIN], { cwd: r.dir, env: { ...process.env, HOME: r.dir } }).status).toBe(0);
      },
    });
    const before = stage(repo, TRAILING_COMMA);
    const r = repo.tryGit("commit", "-m", "skip");
    expect(r.status).not.toBe(0); // without HUSKY=0 it blocks ...
    const skipped = spawnSync("git", ["commit", "-m", "skip"], {
      cwd: repo.dir,
      encoding: "utf8",
      env: { ...process.env, HOME: repo.dir, HUSKY: "0" },
    });
    expect(skipped.status, skipped.stderr).toBe(0); // ... with it, husky runs nothing
    expect(head(repo)).not.toBe(before);
  });
});

describe("plain git hook", () => {
  it("an existing pre-commit hook still runs, and ours runs too", () => {
    repo = hookRepo({
      before: (r) => {
        const hook = r.write(".git/hooks/pre-commit", '#!/bin/sh\necho ran >> "$(git rev-parse --show-toplevel)/local-hook-ran"\n');
        fs.chmodSync(hook, 0o755);
      },
    });
    expect(exists(repo, ".git/hooks/pre-commit.local")).toBe(true);
    const before = stage(repo, TRAILING_COMMA);
    expectBlocked(repo, before, commit(repo), AT_B);
    expect(repo.read("local-hook-ran")).toBe("ran\n");
    stage(repo, VALID);
    expectCommitted(repo, before, commit(repo));
    expect(repo.read("local-hook-ran")).toBe("ran\nran\n");
  });

  it("a failing existing hook still blocks the commit on its own", () => {
    repo = hookRepo({
      before: (r) => {
        const hook = r.write(".git/hooks/pre-commit", "#!/bin/sh\necho 'local policy says no' >&2\nexit 3\n");
        fs.chmodSync(hook, 0o755);
      },
    });
    const before = stage(repo, VALID);
    const r = commit(repo);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("local policy says no");
    expect(head(repo)).toBe(before);
  });

  it("a repository-local core.hooksPath folder gets the hook, and git runs it", () => {
    repo = hookRepo({ before: (r) => r.git("config", "core.hooksPath", ".githooks") });
    expect(exists(repo, ".githooks/pre-commit")).toBe(true);
    const before = stage(repo, TRAILING_COMMA);
    expectBlocked(repo, before, commit(repo), AT_B);
  });

  it("with no node_modules copy, integrity-guard on PATH is used", () => {
    const binDir = makeTempDir("ig-path-");
    extra.push(binDir);
    fs.writeFileSync(path.join(binDir, "integrity-guard"), binScript(), { mode: 0o755 });
    repo = hookRepo({ localBinary: false });
    const env = { ...process.env, HOME: repo.dir, PATH: `${binDir}${path.delimiter}${process.env.PATH}` };
    const before = stage(repo, TRAILING_COMMA);
    const blocked = spawnSync("git", ["commit", "-m", "x"], { cwd: repo.dir, env, encoding: "utf8" });
    expectBlocked(repo, before, { status: blocked.status, out: blocked.stdout + blocked.stderr }, AT_B);
    stage(repo, VALID);
    const ok = spawnSync("git", ["commit", "-m", "x"], { cwd: repo.dir, env, encoding: "utf8" });
    expectCommitted(repo, before, { status: ok.status, out: ok.stdout + ok.stderr });
  });

  it("with integrity-guard nowhere, the commit is blocked with how to install it", () => {
    repo = hookRepo({ localBinary: false });
    const before = stage(repo, VALID); // even a valid commit: a missing tool must fail closed
    const env = { ...process.env, HOME: repo.dir, PATH: [path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter) };
    expect(spawnSync("sh", ["-c", "command -v integrity-guard"], { env }).status).not.toBe(0); // really absent
    const r = spawnSync("git", ["commit", "-m", "x"], { cwd: repo.dir, env, encoding: "utf8" });
    expect(r.status).not.toBe(0);
    expect(head(repo)).toBe(before);
    expect(r.stderr).toContain("the pre-commit hook is installed but integrity-guard is not");
    expect(r.stderr).toContain("npm install --save-dev integrity-guard");
    expect(r.stderr).toContain("git commit --no-verify");
  });

  it("init through the bundle warns when the tool cannot be found, and says where it installed", () => {
    repo = hookRepo({ install: false, localBinary: false });
    const r = repo.cliBundle(["init", "--hook-only"], { PATH: [path.dirname(process.execPath), "/usr/bin", "/bin"].join(path.delimiter) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("created the git pre-commit hook .git/hooks/pre-commit");
    expect(r.stdout).toContain("warning: integrity-guard is neither in node_modules/.bin nor on PATH");
  });
});

describe("awkward paths", () => {
  it("a repository whose path has spaces, quotes and a $ still runs the chained hook and ours", () => {
    const parent = makeTempDir("ig-odd-");
    extra.push(parent);
    const dir = path.join(parent, `my repo 'q' "d" $HOME`);
    fs.mkdirSync(dir);
    repo = hookRepo({
      dir,
      before: (r) => fs.chmodSync(r.write(".git/hooks/pre-commit", "#!/bin/sh\necho ran > local-ran\n"), 0o755),
    });
    const before = stage(repo, TRAILING_COMMA);
    expectBlocked(repo, before, commit(repo), AT_B);
    expect(repo.read("local-ran")).toBe("ran\n");
    stage(repo, VALID);
    expectCommitted(repo, before, commit(repo));
  });
});

describe("init through the built CLI", () => {
  it("is idempotent: a second run changes no hook file", () => {
    repo = hookRepo();
    const hooks = path.join(repo.dir, ".git/hooks");
    const read = () =>
      Object.fromEntries(
        fs.readdirSync(hooks).map((f) => [f, fs.readFileSync(path.join(hooks, f), "base64") + fs.statSync(path.join(hooks, f)).mode]),
      );
    const before = read();
    const r = repo.cliBundle(["init", "--hook-only"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("unchanged");
    expect(read()).toEqual(before);
  });

  it("refuses a core.hooksPath from the global git config (it would hook every repository)", () => {
    repo = hookRepo({ install: false });
    const global = path.join(repo.dir, "..", `${path.basename(repo.dir)}.gitconfig`);
    extra.push(global);
    const globalHooks = makeTempDir("ig-global-hooks-");
    extra.push(globalHooks);
    fs.writeFileSync(global, `[core]\n\thooksPath = ${globalHooks}\n`);
    const r = repo.cliBundle(["init", "--hook-only"], { GIT_CONFIG_GLOBAL: global });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("core.hooksPath is set in your global git config");
    expect(r.stderr).toContain("git config core.hooksPath .githooks");
    expect(fs.readdirSync(globalHooks)).toEqual([]);
  });

  it("leaves an existing config alone and installs the missing hook (exit 0): a teammate's clone", () => {
    repo = hookRepo({ install: false });
    const config = repo.read(".integrity-guard/config.yml");
    const r = repo.cliBundle(["init"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(".integrity-guard/config.yml exists: left as it is");
    expect(repo.read(".integrity-guard/config.yml")).toBe(config);
    expect(exists(repo, ".git/hooks/pre-commit")).toBe(true);
  });
});
