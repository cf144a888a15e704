/**
 * Where `init` puts the pre-commit hook and what it does to what is already there: the plain
 * hooks folder, a core.hooksPath folder, husky (three ways of detecting it), an existing hook
 * (chained, never destroyed), an older copy of ours (updated), idempotence. The hook files in
 * hooks/ are kept equal to the text init writes. Commits through these hooks: test/e2e/hook-*.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gitHookScript, huskyBlock, huskyFile, HUSKY_BEGIN, HUSKY_END, mergeHuskyFile } from "../../src/core/hook-script.js";
import { PROJECT_ROOT, withRepo, type TestRepo } from "../helpers/repo.js";

const isExecutable = (file: string) => (fs.statSync(file).mode & 0o111) === 0o111;

/** Every file of the work tree and .git (minus objects), with content and mode. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const abs = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, abs);
    if (rel.startsWith(".git/objects") || rel === ".git/index") continue;
    if (entry.isSymbolicLink()) out[rel] = "link:" + fs.readlinkSync(abs);
    else if (entry.isFile()) out[rel] = `${(fs.statSync(abs).mode & 0o777).toString(8)}:${fs.readFileSync(abs, "base64")}`;
  }
  return out;
}

async function initOk(repo: TestRepo, ...args: string[]) {
  const r = await repo.cli(["init", "--hook-only", ...args]);
  expect(r.code, r.stderr + r.stdout).toBe(0);
  return r;
}

describe("hooks/ holds the exact text init installs", () => {
  it("hooks/pre-commit is the plain git hook, executable", () => {
    const file = path.join(PROJECT_ROOT, "hooks/pre-commit");
    expect(fs.readFileSync(file, "utf8")).toBe(gitHookScript());
    expect(isExecutable(file)).toBe(true);
  });
  it("hooks/pre-merge-commit is the plain git merge hook, executable", () => {
    const file = path.join(PROJECT_ROOT, "hooks/pre-merge-commit");
    expect(fs.readFileSync(file, "utf8")).toBe(gitHookScript("pre-merge-commit"));
    expect(isExecutable(file)).toBe(true);
  });
  it("hooks/husky-pre-commit is the husky block", () => {
    expect(fs.readFileSync(path.join(PROJECT_ROOT, "hooks/husky-pre-commit"), "utf8")).toBe(huskyBlock());
  });
  it("hooks/prepare-commit-msg is the plain git hook for `git rebase --continue`, executable; husky-prepare-commit-msg its husky block", () => {
    const file = path.join(PROJECT_ROOT, "hooks/prepare-commit-msg");
    expect(fs.readFileSync(file, "utf8")).toBe(gitHookScript("prepare-commit-msg"));
    expect(isExecutable(file)).toBe(true);
    expect(fs.readFileSync(path.join(PROJECT_ROOT, "hooks/husky-prepare-commit-msg"), "utf8")).toBe(huskyBlock("prepare-commit-msg"));
  });
  it(".pre-commit-hooks.yaml runs check --staged without file names", () => {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, ".pre-commit-hooks.yaml"), "utf8");
    expect(text).toMatch(/^- id: integrity-guard$/m);
    expect(text).toMatch(/^ {2}entry: integrity-guard check --staged$/m);
    expect(text).toMatch(/^ {2}language: node$/m);
    expect(text).toMatch(/^ {2}pass_filenames: false$/m);
    // pre-commit before 3.2 rejects the stage name `pre-commit`, after it the name `commit`.
    expect(text).not.toMatch(/^ {2}(stages|minimum_pre_commit_version):/m);
  });
});

describe("plain git hook", () => {
  it("is written to .git/hooks/pre-commit, executable", async () => {
    await withRepo(async (repo) => {
      const r = await initOk(repo);
      const hook = path.join(repo.dir, ".git/hooks/pre-commit");
      expect(fs.readFileSync(hook, "utf8")).toBe(gitHookScript());
      expect(isExecutable(hook)).toBe(true);
      expect(r.stdout).toContain("created the git pre-commit hook .git/hooks/pre-commit");
      expect(r.stdout).toContain("git commit --no-verify");
    });
  });

  it("running init twice changes nothing", async () => {
    await withRepo(async (repo) => {
      await repo.cli(["init"]);
      const before = snapshot(repo.dir);
      const r = await repo.cli(["init"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("already runs integrity-guard: unchanged");
      expect(snapshot(repo.dir)).toEqual(before);
    });
  });

  it("an older copy of our hook is updated in place, and made executable again", async () => {
    await withRepo(async (repo) => {
      const hook = repo.write(".git/hooks/pre-commit", "#!/bin/sh\n# integrity-guard-hook: v0\nintegrity-guard check --staged\n");
      fs.chmodSync(hook, 0o644);
      const r = await initOk(repo);
      expect(r.stdout).toContain("updated the integrity-guard pre-commit hook");
      expect(fs.readFileSync(hook, "utf8")).toBe(gitHookScript());
      expect(isExecutable(hook)).toBe(true);
      expect(fs.existsSync(hook + ".local")).toBe(false); // ours is never chained to itself
    });
  });

  it("an existing foreign hook is moved to pre-commit.local, byte for byte, and said so", async () => {
    await withRepo(async (repo) => {
      const mine = "#!/bin/sh\necho my checks\n";
      const hook = repo.write(".git/hooks/pre-commit", mine);
      fs.chmodSync(hook, 0o750);
      const r = await initOk(repo);
      expect(fs.readFileSync(hook + ".local", "utf8")).toBe(mine);
      expect(fs.statSync(hook + ".local").mode & 0o777).toBe(0o750);
      expect(fs.readFileSync(hook, "utf8")).toBe(gitHookScript());
      expect(r.stdout).toContain("moved your existing pre-commit hook to .git/hooks/pre-commit.local");
      expect(r.stdout).toContain("still runs on every commit");
      // and again: nothing moves twice
      const before = snapshot(repo.dir);
      await initOk(repo);
      expect(snapshot(repo.dir)).toEqual(before);
    });
  });

  it("a foreign hook that git was not running (not executable) is kept, with a warning", async () => {
    await withRepo(async (repo) => {
      const hook = repo.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 1\n");
      fs.chmodSync(hook, 0o644);
      const r = await initOk(repo);
      expect(r.stdout).toContain("is not executable, so git was not running it");
      expect(fs.statSync(hook + ".local").mode & 0o777).toBe(0o644);
    });
  });

  it("refuses when both a foreign pre-commit and pre-commit.local exist, changing nothing", async () => {
    await withRepo(async (repo) => {
      repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho a\n");
      repo.write(".git/hooks/pre-commit.local", "#!/bin/sh\necho b\n");
      const before = snapshot(repo.dir);
      const r = await repo.cli(["init"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("pre-commit.local exists too");
      expect(snapshot(repo.dir)).toEqual(before); // not even the config was written
    });
  });

  it("a symlinked hook is moved aside as a link, not followed", async () => {
    await withRepo(async (repo) => {
      repo.write("tools/hook.sh", "#!/bin/sh\necho shared hook\n");
      fs.mkdirSync(path.join(repo.dir, ".git/hooks"), { recursive: true });
      fs.symlinkSync("../../tools/hook.sh", path.join(repo.dir, ".git/hooks/pre-commit"));
      await initOk(repo);
      expect(fs.readlinkSync(path.join(repo.dir, ".git/hooks/pre-commit.local"))).toBe("../../tools/hook.sh");
      expect(repo.read("tools/hook.sh")).toBe("#!/bin/sh\necho shared hook\n");
      expect(fs.lstatSync(path.join(repo.dir, ".git/hooks/pre-commit")).isSymbolicLink()).toBe(false);
    });
  });

  it("a folder where the hook should be is refused", async () => {
    await withRepo(async (repo) => {
      fs.mkdirSync(path.join(repo.dir, ".git/hooks/pre-commit"), { recursive: true });
      const r = await repo.cli(["init", "--hook-only"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("is a folder, not a hook file");
    });
  });
});

describe("core.hooksPath", () => {
  it("a repository-local relative core.hooksPath is where the hook goes (created if missing)", async () => {
    await withRepo(async (repo) => {
      repo.git("config", "core.hooksPath", "tools/githooks");
      const r = await initOk(repo);
      const hook = path.join(repo.dir, "tools/githooks/pre-commit");
      expect(fs.readFileSync(hook, "utf8")).toBe(gitHookScript());
      expect(isExecutable(hook)).toBe(true);
      expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-commit"))).toBe(false);
      expect(r.stdout).toContain('core.hooksPath is "tools/githooks"');
      expect(r.stdout).not.toContain("hooks inside .git/ are not shared"); // this folder is committed
    });
  });

  it("init run from a subfolder still resolves core.hooksPath against the top of the work tree", async () => {
    await withRepo(async (repo) => {
      repo.git("config", "core.hooksPath", ".githooks");
      repo.write("deep/er/x.txt", "x");
      const r = await repo.cli(["init", "--hook-only", "--cwd", path.join(repo.dir, "deep/er")]);
      expect(r.code, r.stderr).toBe(0);
      expect(fs.existsSync(path.join(repo.dir, ".githooks/pre-commit"))).toBe(true);
      expect(fs.existsSync(path.join(repo.dir, "deep/er/.githooks"))).toBe(false);
    });
  });

  it("an absolute core.hooksPath is honoured", async () => {
    await withRepo(async (repo) => {
      const abs = path.join(repo.dir, ".git/custom-hooks");
      repo.git("config", "core.hooksPath", abs);
      await initOk(repo);
      expect(fs.readFileSync(path.join(abs, "pre-commit"), "utf8")).toBe(gitHookScript());
    });
  });
});

describe("husky", () => {
  it("core.hooksPath .husky/_ (husky 9 installed): our block goes into .husky/pre-commit", async () => {
    await withRepo(async (repo) => {
      repo.git("config", "core.hooksPath", ".husky/_");
      const r = await initOk(repo);
      const file = path.join(repo.dir, ".husky/pre-commit");
      expect(fs.readFileSync(file, "utf8")).toBe(huskyFile());
      expect(isExecutable(file)).toBe(true);
      expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-commit"))).toBe(false);
      expect(fs.existsSync(path.join(repo.dir, ".husky/_/pre-commit"))).toBe(false); // husky's own, not ours
      expect(r.stdout).toContain("created the husky pre-commit hook .husky/pre-commit");
      expect(r.stdout).not.toContain("husky is not active");
    });
  });

  it("an existing .husky/pre-commit keeps its lines; ours is appended once", async () => {
    await withRepo(async (repo) => {
      repo.git("config", "core.hooksPath", ".husky/_");
      repo.write(".husky/pre-commit", "npm test");
      const r = await initOk(repo);
      const text = repo.read(".husky/pre-commit");
      expect(text.startsWith("npm test\n\n" + HUSKY_BEGIN)).toBe(true);
      expect(text.endsWith(HUSKY_END + "\n")).toBe(true);
      expect(r.stdout).toContain("added integrity-guard to the existing husky hook .husky/pre-commit");
      const before = snapshot(repo.dir);
      await initOk(repo);
      expect(snapshot(repo.dir)).toEqual(before);
    });
  });

  it("a .husky/ folder without husky active: hook written there, and the fix is named", async () => {
    await withRepo(async (repo) => {
      fs.mkdirSync(path.join(repo.dir, ".husky"));
      const r = await initOk(repo);
      expect(repo.read(".husky/pre-commit")).toBe(huskyFile());
      expect(r.stdout).toContain("husky is not active in this clone");
      expect(r.stdout).toContain("npx husky");
    });
  });

  it("husky in package.json (no .husky/ yet): .husky/pre-commit is created", async () => {
    await withRepo(async (repo) => {
      repo.write("package.json", JSON.stringify({ name: "x", devDependencies: { husky: "^9.1.7" } }));
      const r = await initOk(repo);
      expect(repo.read(".husky/pre-commit")).toBe(huskyFile());
      expect(r.stdout).toContain("package.json lists husky");
    });
  });

  it("a broken package.json does not stop the install", async () => {
    await withRepo(async (repo) => {
      repo.write("package.json", "{ not json");
      await initOk(repo);
      expect(fs.existsSync(path.join(repo.dir, ".git/hooks/pre-commit"))).toBe(true);
    });
  });

  it("a hand-written integrity-guard line is left as it is", async () => {
    await withRepo(async (repo) => {
      repo.git("config", "core.hooksPath", ".husky/_");
      const mine = "npx --no-install integrity-guard check --staged\n";
      const file = repo.write(".husky/pre-commit", mine);
      fs.chmodSync(file, 0o755);
      const r = await initOk(repo);
      expect(repo.read(".husky/pre-commit")).toBe(mine);
      expect(r.stdout).toContain("already calls integrity-guard by hand");
    });
  });

  it("an older copy of our block is replaced between the markers, the rest kept", () => {
    const old = `npm test\n${HUSKY_BEGIN} v0\nold lines\n${HUSKY_END}\necho after\n`;
    const merged = mergeHuskyFile(old);
    expect(merged.action).toBe("updated");
    expect(merged.text).toBe(`npm test\n${huskyBlock()}echo after\n`);
    expect(mergeHuskyFile(merged.text)).toEqual({ text: merged.text, action: "unchanged" });
  });

  it("a commented-out integrity-guard line does not count as present", () => {
    expect(mergeHuskyFile("# integrity-guard check --staged\n").action).toBe("appended");
  });
});

describe("hostile and concurrent", () => {
  it("two inits at once chain a foreign hook exactly once", async () => {
    await withRepo(async (repo) => {
      const mine = "#!/bin/sh\necho mine\n";
      fs.chmodSync(repo.write(".git/hooks/pre-commit", mine), 0o755);
      const runs = await Promise.all([
        repo.cli(["init", "--hook-only"]),
        repo.cli(["init", "--hook-only"]),
        repo.cli(["init", "--hook-only"]),
      ]);
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      expect(repo.read(".git/hooks/pre-commit.local")).toBe(mine);
      expect(repo.read(".git/hooks/pre-commit")).toBe(gitHookScript());
      expect(runs.filter((r) => r.stdout.includes("moved your existing pre-commit hook"))).toHaveLength(1);
      expect(
        fs
          .readdirSync(path.join(repo.dir, ".git/hooks"))
          .filter((f) => !f.endsWith(".sample"))
          .sort(),
      ).toEqual(["pre-commit", "pre-commit.local", "pre-merge-commit", "prepare-commit-msg"]);
    });
  });

  // root ignores folder permissions, so this can only be shown as another user (skipped visibly as root).
  it.skipIf(process.getuid?.() === 0)(
    "a read-only hooks folder is a clear error (exit 2), not a stack trace (skipped as root)",
    async () => {
      await withRepo(async (repo) => {
        const hooks = path.join(repo.dir, ".git/hooks");
        fs.mkdirSync(hooks, { recursive: true });
        fs.chmodSync(hooks, 0o555);
        try {
          const r = await repo.cli(["init", "--hook-only"]);
          expect(r.code).toBe(2);
          expect(r.stderr).not.toContain("internal error");
          expect(r.stderr).toContain("pre-commit");
        } finally {
          fs.chmodSync(hooks, 0o755);
        }
      });
    },
  );

  it("outside a git repository: exit 2 with the fix", async () => {
    const { main } = await import("../../src/cli.js");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ig-nogit-"));
    try {
      let stderr = "";
      const code = await main(["init", "--cwd", dir], {
        cwd: dir,
        env: process.env,
        stdout: () => {},
        stderr: (s) => (stderr += s),
        stdoutIsTTY: false,
        stderrIsTTY: false,
      });
      expect(code).toBe(2);
      expect(stderr).toContain("not inside a git work tree");
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("husky 4 and older (hooks in package.json, scripts in .git/hooks)", () => {
  it("gets the plain hook, which chains husky's own script", async () => {
    await withRepo(async (repo) => {
      repo.write(
        "package.json",
        JSON.stringify({ name: "x", devDependencies: { husky: "^4.3.8" }, husky: { hooks: { "pre-commit": "npm test" } } }),
      );
      const husky4 = '#!/bin/sh\n# husky\n. "$(dirname "$0")/husky.sh"\n';
      fs.chmodSync(repo.write(".git/hooks/pre-commit", husky4), 0o755);
      await initOk(repo);
      expect(fs.existsSync(path.join(repo.dir, ".husky"))).toBe(false);
      expect(repo.read(".git/hooks/pre-commit.local")).toBe(husky4);
      expect(repo.read(".git/hooks/pre-commit")).toBe(gitHookScript());
    });
  });
});

describe("linked worktrees", () => {
  it("init from a linked worktree installs into the shared hooks folder, once", async () => {
    await withRepo(async (repo) => {
      repo.write("a.txt", "a");
      repo.commitAll();
      const wt = path.join(repo.dir, "..", `${path.basename(repo.dir)}-wt`);
      repo.git("worktree", "add", "-q", wt);
      try {
        const r = await repo.cli(["init", "--hook-only", "--cwd", wt]);
        expect(r.code, r.stderr).toBe(0);
        expect(repo.read(".git/hooks/pre-commit")).toBe(gitHookScript());
        const again = await repo.cli(["init", "--hook-only"]);
        expect(again.stdout).toContain("unchanged");
      } finally {
        fs.rmSync(wt, { recursive: true, force: true });
      }
    });
  });
});
