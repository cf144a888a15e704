/**
 * Whether git will actually run integrity-guard before a commit (pre-commit) and a merge commit
 * (pre-merge-commit) in this clone. A hook that silently stops running is the worst failure of
 * a check: nothing says so, and corrupt files go in. It stops when core.hooksPath is changed
 * after `init` (by the user, another tool, a global ~/.gitconfig, /dev/null), when the file
 * loses its exec bit (git then skips it, printing only a hint), when another installer
 * (lefthook, the pre-commit framework, simple-git-hooks) writes its own hook over ours, or when
 * husky 9 before 9.1.5 never generates `.husky/_/pre-merge-commit`. Reads only.
 */
import fs from "node:fs";
import path from "node:path";
import { CHAINED_SUFFIX, isOurGitHook, type GitHookName } from "../core/hook-script.js";
import { callsIntegrityGuard, hookRunner, isHuskyStub } from "../core/hook-runners.js";
import type { Finding } from "../core/finding.js";
import type { Git } from "./git.js";
import { toRepoPath } from "./paths.js";
import { onCiRunner } from "../compile-cache.js";

export interface HookStatus {
  hook: GitHookName;
  /** The file git runs for this hook (display form: repo-relative when inside the work tree). */
  file: string;
  /** True when running that file runs `integrity-guard check`. */
  runs: boolean;
  /** How the check is reached, when it runs. */
  via?: string;
  /** Why it does not run, with the fix. */
  problem?: { message: string; fix: string };
  /**
   * True when integrity-guard was installed for this hook and no longer runs (a copy of ours, or
   * our husky block, sits where git does not look, or the file git runs is ours but skipped):
   * the case nobody notices.
   */
  stopped: boolean;
}

/** The status of the hooks init installs. */
export async function hookStatuses(git: Git): Promise<HookStatus[]> {
  const dir = await git.hooksDir();
  const statuses = await Promise.all(
    (["pre-commit", "pre-merge-commit", "prepare-commit-msg"] as const).map((h) => hookStatus(git, dir, h)),
  );
  const [commit, merge] = statuses;
  // One hook still runs the check, so it was installed here: the other one stopped (an installer
  // such as `pre-commit install -f` or simple-git-hooks replaced or deleted it, leaving no copy).
  // Not so for prepare-commit-msg: init installs it since session 17 only, so every earlier
  // install lacks it (and husky's stub for it runs a `.husky/prepare-commit-msg` never written):
  // "not installed" (init --hook-only adds it) unless a copy of ours shows it was (hookStatus).
  if (statuses.some((s) => s.runs)) for (const s of [commit!, merge!]) if (!s.runs) s.stopped = true;
  if (commit!.via?.startsWith(FRAMEWORK) && !merge!.runs && merge!.problem && !fs.existsSync(path.join(dir, "pre-merge-commit")))
    // The framework runs its hooks for every type it is installed as (our hook id names no stages).
    merge!.problem.fix =
      "pre-commit install --hook-type pre-merge-commit (the integrity-guard hook runs at every stage it is installed for)";
  return statuses;
}

const FRAMEWORK = "the pre-commit framework";

async function hookStatus(git: Git, dir: string, hook: GitHookName): Promise<HookStatus> {
  const root = git.root;
  const abs = path.join(dir, hook);
  const file = display(root, abs);
  const elsewhere = installedElsewhere(git, dir, hook);
  const stat = statOf(abs);
  if (stat === undefined || !stat.isFile()) {
    const husky = path.basename(dir) === "_" ? huskyMissingStub(root, dir, hook) : undefined;
    if (husky) return { hook, file, runs: false, problem: husky, stopped: true };
    const setting = await git.hooksPathSetting();
    const where = setting ? `core.hooksPath is ${JSON.stringify(setting.value)} (${setting.scope} git config), so git` : "git";
    if (elsewhere !== undefined && path.dirname(elsewhere) === path.join(root, ".husky") && !setting) {
      return {
        hook,
        file,
        runs: false,
        stopped: true,
        problem: {
          message: `${display(root, elsewhere)} runs integrity-guard, but husky is not set up in this clone (core.hooksPath is not .husky/_), so git runs ${file}, which does not exist`,
          fix: "npx husky (or npm install, whose prepare script runs it)",
        },
      };
    }
    if (elsewhere !== undefined) {
      return {
        hook,
        file,
        runs: false,
        stopped: true,
        problem: {
          message: `${where} runs ${hook} from ${display(root, dir)}, which has none: the integrity-guard hook in ${display(root, elsewhere)} no longer runs`,
          fix: movedFix(setting, hook, statOf(dir)?.isDirectory() !== false),
        },
      };
    }
    const chained = abs + CHAINED_SUFFIX;
    if (statOf(chained)?.isFile() && isExecutable(chained)) {
      // The user's own hook, moved aside by an install that stopped before writing ours (init
      // before session 20, killed), or ours removed by hand: neither runs now.
      return {
        hook,
        file,
        runs: false,
        stopped: true,
        problem: {
          message: `${where} runs ${hook} from ${display(root, dir)}, which has none: neither integrity-guard nor your own hook kept in ${display(root, chained)} runs (an install that stopped halfway, or integrity-guard's hook removed)`,
          fix: `npx integrity-guard init --hook-only (its hook runs ${display(root, chained)} first)`,
        },
      };
    }
    return {
      hook,
      file,
      runs: false,
      stopped: false,
      problem: {
        message: `${where} runs ${hook} from ${display(root, dir)}, which has none: integrity-guard is not installed as the ${hook} hook in this clone`,
        fix:
          setting && !["local", "worktree"].includes(setting.scope)
            ? movedFix(setting, hook, statOf(dir)?.isDirectory() !== false)
            : "npx integrity-guard init --hook-only",
      },
    };
  }
  const text = readText(abs) ?? "";
  const reached = reaches(root, dir, abs, hook, text);
  if (!isExecutable(abs)) {
    // git's own test (access X_OK); it skips the file with only a "hint: ... ignored" line.
    // A hooks folder in the work tree (core.hooksPath .githooks) is committed: its mode too.
    const tracked = inWorkTree(git, abs);
    return {
      hook,
      file,
      runs: false,
      stopped: reached.runs || elsewhere !== undefined,
      problem: {
        message: `${file} is not executable, so git skips it (it prints only a hint) and the commit is not checked`,
        fix: `chmod +x ${shellQuote(abs)}${tracked ? ` (a committed hooks folder on a filesystem without modes, or core.fileMode=false: also git add --chmod=+x ${shellQuote(file)} and commit it)` : ""}`,
      },
    };
  }
  if (reached.runs) return { hook, file, runs: true, stopped: false, ...(reached.via ? { via: reached.via } : {}) };
  return { hook, file, runs: false, stopped: elsewhere !== undefined || reached.keptOurs === true, problem: reached.problem! };
}

interface Reach {
  runs: boolean;
  via?: string;
  problem?: { message: string; fix: string };
  /** A copy of our hook was kept beside the file by the installer that replaced it. */
  keptOurs?: boolean;
}

/** Whether running `abs` (executable, with text `text`) runs integrity-guard's check. */
function reaches(root: string, dir: string, abs: string, hook: GitHookName, text: string): Reach {
  const file = display(root, abs);
  if (isOurGitHook(text)) return { runs: true, via: "integrity-guard's hook" };
  if (path.basename(dir) === "_" || isHuskyStub(text)) {
    // husky 9: .husky/_/<hook> runs .husky/<hook> when it exists, and nothing when it does not.
    const user = path.join(path.dirname(dir), hook);
    const userText = readText(user);
    if (userText !== undefined && callsIntegrityGuard(userText)) return { runs: true, via: `husky (${display(root, user)})` };
    return {
      runs: false,
      problem: {
        message: `husky runs ${display(root, user)}, which ${userText === undefined ? "does not exist" : "does not run integrity-guard"}`,
        fix: "npx integrity-guard init --hook-only",
      },
    };
  }
  if (callsIntegrityGuard(text)) return { runs: true, via: file };
  const runner = hookRunner(text);
  if (runner) {
    const config = runner.configs.find((c) => callsIntegrityGuard(readText(path.join(root, c)) ?? ""));
    if (config) return { runs: true, via: `${runner.name} (${config})` };
    const kept = runner.runsKept ? readText(abs + runner.runsKept) : undefined;
    if (kept !== undefined && isOurGitHook(kept) && isExecutable(abs + runner.runsKept))
      return { runs: true, via: `${runner.name} (${file}${runner.runsKept})` };
    return {
      runs: false,
      keptOurs: keptCopyOfOurs(abs),
      problem: { message: `${file} was written by ${runner.name}, whose configuration does not run integrity-guard`, fix: runner.fix },
    };
  }
  return {
    runs: false,
    keptOurs: keptCopyOfOurs(abs),
    problem: {
      message: `${file} is a ${hook} hook that does not run integrity-guard`,
      fix: `npx integrity-guard init --hook-only (it keeps this hook as ${file}${CHAINED_SUFFIX} and runs it first)`,
    },
  };
}

/** husky set as core.hooksPath, but its generated `.husky/_/<hook>` is missing. */
function huskyMissingStub(root: string, dir: string, hook: GitHookName): { message: string; fix: string } | undefined {
  const user = path.join(path.dirname(dir), hook);
  if (!callsIntegrityGuard(readText(user) ?? "")) return undefined;
  if (statOf(path.join(dir, "pre-commit")) !== undefined && hook === "pre-merge-commit") {
    return {
      message: `${display(root, user)} runs integrity-guard, but this husky generates no ${display(root, path.join(dir, hook))} (husky 9 before 9.1.5), so git merge commits merges without the check`,
      fix: "npm install --save-dev husky@^9.1.5 && npx husky",
    };
  }
  return {
    message: `${display(root, user)} runs integrity-guard, but husky is not set up in this clone (${display(root, dir)} has no ${hook})`,
    fix: "npx husky (or npm install, whose prepare script runs it)",
  };
}

/**
 * Where a copy of ours (or our husky block) sits that git does not run now: the hooks folder
 * init uses by default, `.husky/<hook>`, and what other installers kept when they replaced ours.
 */
function installedElsewhere(git: Git, dir: string, hook: GitHookName): string | undefined {
  const candidates = [path.join(git.commonDir, "hooks", hook), path.join(git.root, ".husky", hook)];
  for (const c of candidates) {
    if (path.dirname(c) === dir || (path.basename(dir) === "_" && path.dirname(c) === path.dirname(dir))) continue;
    const text = readText(c);
    if (text !== undefined && (isOurGitHook(text) || callsIntegrityGuard(text))) return c;
  }
  return undefined;
}

/** lefthook keeps the hook it replaced as `<hook>.old`, the pre-commit framework as `<hook>.legacy`. */
function keptCopyOfOurs(abs: string): boolean {
  return [".old", ".legacy"].some((s) => isOurGitHook(readText(abs + s) ?? ""));
}

function movedFix(setting: { value: string; scope: string } | undefined, hook: GitHookName, isFolder: boolean): string {
  if (!setting) return "npx integrity-guard init --hook-only";
  // core.hooksPath=/dev/null (a file, not a folder) switches every hook off; a folder not made yet is made by init.
  if (!isFolder)
    return `core.hooksPath ${JSON.stringify(setting.value)} is no folder, so it turns every hook off: git config ${scopeFlag(setting.scope)}--unset core.hooksPath`;
  if (setting.scope === "local" || setting.scope === "worktree" || setting.scope === "command")
    return `install it where git now looks: npx integrity-guard init --hook-only; or go back: git config --unset core.hooksPath`;
  return `give this repository its own hooks folder (git config core.hooksPath .githooks, then npx integrity-guard init --hook-only), or add \`integrity-guard check --staged\` to the ${hook} hook in ${setting.value}`;
}

function inWorkTree(git: Git, abs: string): boolean {
  const inside = (dir: string) => !path.relative(dir, abs).startsWith("..");
  return inside(git.root) && !inside(git.gitDir) && !inside(git.commonDir);
}

function scopeFlag(scope: string): string {
  return scope === "global" || scope === "system" || scope === "worktree" ? `--${scope} ` : "";
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function readText(p: string): string | undefined {
  try {
    return fs.readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
}

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** Repo-relative when inside the repository, else absolute. */
function display(root: string, abs: string): string {
  const rel = toRepoPath(root, abs);
  return rel.startsWith("..") ? abs : rel;
}

/**
 * Findings for hooks that do not run the check: `hook/not-running` (a warning: it was installed
 * and stopped) or `hook/not-installed` (a notice: never installed in this clone). None in CI,
 * where nobody commits through hooks.
 */
export function hookFindings(statuses: readonly HookStatus[]): Finding[] {
  return statuses
    .filter((s) => !s.runs && s.problem)
    .map((s) => ({
      rule: s.stopped ? "hook/not-running" : "hook/not-installed",
      level: s.stopped ? ("warning" as const) : ("notice" as const),
      key: s.hook,
      message: `the ${s.hook} hook does not run integrity-guard: ${s.problem!.message}`,
      expected: `git runs integrity-guard check --staged as the ${s.hook} hook`,
      found: s.file,
      fix: s.problem!.fix,
    }));
}

/** True where hooks are not expected (CI runners, the Action). */
export function hooksNotExpected(env: NodeJS.ProcessEnv): boolean {
  return onCiRunner(env);
}

/**
 * One line for `check` when a hook integrity-guard installed no longer runs (see HookStatus.stopped);
 * undefined when all is well or it cannot tell. Never throws.
 */
export async function tryStoppedHookHint(git: Git): Promise<string | undefined> {
  try {
    const stopped = (await hookStatuses(git)).find((s) => s.stopped && s.problem);
    if (!stopped) return undefined;
    return `integrity-guard: warning: the ${stopped.hook} hook no longer runs the check: ${stopped.problem!.message}; fix: ${stopped.problem!.fix} (integrity-guard health lists every hook)`;
  } catch {
    return undefined;
  }
}
