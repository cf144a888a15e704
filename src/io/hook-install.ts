/**
 * Installing a hook (pre-commit; pre-merge-commit for merges git commits without running
 * pre-commit; prepare-commit-msg for the step `git rebase --continue` commits with `-n`): decide where it goes (husky, a core.hooksPath folder, or the repository's hooks
 * folder), plan the change without touching anything (for --dry-run), then apply it. Never
 * destroys a hook: one that is not ours is moved to `<hook>.local` and run first by ours;
 * running the install twice changes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { EnvironmentError, UsageError } from "../errors.js";
import { callsIntegrityGuard, hookRunners, isHuskyStub } from "../core/hook-runners.js";
import { CHAINED_SUFFIX, gitHookScript, huskyFile, isOurGitHook, mergeHuskyFile, type GitHookName } from "../core/hook-script.js";
import { atomicWriteError, fsyncDir, removeDeadTemporaries, temporaryBeside, writeTemporary } from "./atomic.js";
import type { Git } from "./git.js";
import { resolveInside, toRepoPath } from "./paths.js";

type HookMode = "husky" | "git";

/** What installing the hook will do (or did). Paths are absolute. */
export interface HookPlan {
  mode: HookMode;
  hook: GitHookName;
  /** The file git (or husky) runs. */
  file: string;
  action: "created" | "updated" | "appended" | "chained" | "unchanged";
  /** New content of `file`, when it changes. */
  content?: string;
  /**
   * An existing foreign hook moved aside (run first by ours). linked: `to` is already the same
   * file as `from` (an install killed after that step, see chainAndReplace).
   */
  chain?: { from: string; to: string; linked?: boolean };
  /** Lines for people: what was found, what they still have to do. */
  notes: string[];
  /**
   * husky 9 before 9.1.5 generates no `.husky/_/pre-merge-commit`, so git never runs
   * `.husky/pre-merge-commit`: its generic runner stub (`.husky/_/pre-commit`) is copied there.
   */
  huskyStub?: { from: string; to: string };
  /** unchanged: the hook belongs to this hook manager, which would drop ours (REWRITERS); left alone. */
  managedBy?: string;
}

const HUSKY_DIR = ".husky";

/** Work out where and how the hook goes. Reads only; throws UsageError when it must not proceed. */
export async function planHookInstall(git: Git, hook: GitHookName = "pre-commit"): Promise<HookPlan> {
  const root = git.root;
  const setting = await git.hooksPathSetting();
  const husky = path.join(root, HUSKY_DIR);
  const hooksDir = await git.hooksDir();
  const repoScoped = setting === undefined || ["local", "worktree", "command"].includes(setting.scope);
  const huskyActive = setting !== undefined && repoScoped && (hooksDir === husky || hooksDir === path.join(husky, "_"));
  const huskyPresent = isDir(husky) || usesHuskyPackage(root);

  if (huskyActive) return withHuskyStub(root, planHusky(root, hook, []), hooksDir);
  if (setting !== undefined && repoScoped)
    return planGitHook(root, hooksDir, hook, [`core.hooksPath is ${JSON.stringify(setting.value)}: installing there.`]);
  if (huskyPresent) {
    const why = isDir(husky) ? `${HUSKY_DIR}/ exists` : "package.json lists husky";
    return planHusky(root, hook, [
      `${why}, but husky is not active in this clone (core.hooksPath is not ${HUSKY_DIR}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${HUSKY_DIR}/pre-commit.`,
    ]);
  }
  if (setting !== undefined) {
    throw new UsageError(
      `core.hooksPath is set in your ${setting.scope} git config to ${JSON.stringify(setting.value)}: installing the hook there would make it run in every repository`,
      {
        fix: `add \`integrity-guard check --staged\` to the pre-commit hook in ${setting.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`,
      },
    );
  }
  return planGitHook(root, hooksDir, hook, []);
}

/** A hook written whole beside its place (stage), not yet in it (commit). */
interface StagedHook {
  plan: HookPlan;
  /** The new content's temporary beside plan.file. */
  tmp?: string;
  /** The husky runner stub's temporary beside huskyStub.to. */
  stubTmp?: string;
  /** The user's hook got its `.local` second name in this run (removed again if the install stops). */
  localMade?: boolean;
}

/**
 * Carry out the plans of one init (pre-commit, pre-merge-commit, prepare-commit-msg), all or
 * none. Session 28, red team (rt-data23): applied one after the other, a disk that filled up
 * between two left pre-commit installed and pre-merge-commit not (merge commits unchecked, and
 * the message named one file). Every new file (and the user's hook's `.local` name) is now
 * made first, beside its place; only when all of them are whole do the renames put them in
 * place (renames take no room). A failure before that removes what was made: no hook changed.
 */
export async function applyHookPlans(plans: readonly HookPlan[]): Promise<void> {
  const todo = plans.filter((p) => p.action !== "unchanged");
  if (todo.length === 0) return;
  for (const plan of todo) {
    try {
      await fs.promises.mkdir(path.dirname(plan.file), { recursive: true });
    } catch (error) {
      throw new EnvironmentError(`could not create the hooks folder ${path.dirname(plan.file)}: ${(error as Error).message}`, {
        fix: "check that the folder is writable (or that core.hooksPath names a folder you own)",
      });
    }
    // A killed earlier run may have left its temporary file (init holds its lock: none is live).
    await removeDeadTemporaries(plan.file);
    if (plan.chain) await removeDeadTemporaries(plan.chain.to);
    if (plan.huskyStub) await removeDeadTemporaries(plan.huskyStub.to);
  }
  const staged: StagedHook[] = [];
  try {
    for (const plan of todo) {
      const s: StagedHook = { plan };
      staged.push(s); // before its first write: abortStaged removes what it made if it stops half-way
      await stageHook(s);
    }
  } catch (error) {
    await abortStaged(staged);
    if (!(error instanceof EnvironmentError)) throw error;
    const names = todo.map((p) => p.hook).join(", ");
    throw new EnvironmentError(
      `${error.message.replace(/; the previous content is unchanged$/, "")}; no hook was installed or changed (${names}: all or none)`,
      { fix: `${(error.fix ?? "check the hooks folder").replace(/ and run the command again$/, "")}, then run init again`, cause: error },
    );
  }
  const dirs = new Set<string>();
  for (const [i, s] of staged.entries()) {
    try {
      await commitHook(s);
    } catch (error) {
      await abortStaged(staged.slice(i));
      const done = staged.slice(0, i).map((d) => d.plan.hook);
      throw new EnvironmentError(
        `could not put the ${s.plan.hook} hook in place (${s.plan.file}): ${(error as Error).message}; ${done.length ? `installed: ${done.join(", ")}; not installed: ` : "not installed: "}${staged
          .slice(i)
          .map((d) => d.plan.hook)
          .join(", ")}`,
        { fix: `check the permissions of ${path.dirname(s.plan.file)}, then run init again (it finishes the install)`, cause: error },
      );
    }
    dirs.add(path.dirname(s.plan.file));
    if (s.plan.huskyStub) dirs.add(path.dirname(s.plan.huskyStub.to));
  }
  for (const dir of dirs) await fsyncDir(dir);
}

/** Write a plan's new files beside their places (and give a chained hook its `.local` name). */
async function stageHook(s: StagedHook): Promise<void> {
  const { plan } = s;
  if (plan.content !== undefined) {
    let mode = 0o755;
    let existed = false;
    if (!plan.chain) {
      try {
        mode = fs.statSync(plan.file).mode & 0o7777; // an existing hook of ours keeps its mode
        existed = true;
      } catch {
        /* a new hook */
      }
    }
    s.tmp = temporaryBeside(plan.file);
    await writeTemporary(s.tmp, plan.content, mode, existed || plan.chain !== undefined).catch((error: unknown) => {
      throw atomicWriteError(plan.file, error);
    });
  }
  if (plan.huskyStub) {
    const stub = plan.huskyStub;
    s.stubTmp = temporaryBeside(stub.to);
    await writeTemporary(s.stubTmp, fs.readFileSync(stub.from), 0o755, false).catch((error: unknown) => {
      throw atomicWriteError(stub.to, error);
    });
  }
  if (plan.chain && !plan.chain.linked) {
    const chain = plan.chain;
    await secondName(chain.from, chain.to).catch((error: unknown) => {
      if (error instanceof UsageError) throw error;
      const e = atomicWriteError(chain.to, error);
      throw new EnvironmentError(
        `could not keep the existing hook ${chain.from} as ${chain.to}: ${e.message.replace(/^could not write [^:]*: /, "")}`,
        {
          fix: e.fix ?? "check the permissions of the hooks folder",
          cause: error,
        },
      );
    });
    s.localMade = true;
  }
}

/** Remove what stageHook made for these plans (best effort: a temporary left is swept by the next run). */
async function abortStaged(staged: readonly StagedHook[]): Promise<void> {
  for (const s of staged) {
    if (s.tmp) await fs.promises.rm(s.tmp, { force: true }).catch(() => undefined);
    if (s.stubTmp) await fs.promises.rm(s.stubTmp, { force: true }).catch(() => undefined);
    // The user's hook is still at its own name: its `.local` second name (made here) goes.
    if (s.localMade && s.plan.chain && sameHook(s.plan.chain.from, s.plan.chain.to))
      await fs.promises.rm(s.plan.chain.to, { force: true }).catch(() => undefined);
  }
}

/** Put a staged hook in place: renames (and a chmod), which take no room. */
async function commitHook(s: StagedHook): Promise<void> {
  const { plan } = s;
  if (s.tmp) {
    await fs.promises.rename(s.tmp, plan.file);
    s.tmp = undefined;
    // In place: the user's hook is under `.local` only now, which abortStaged must not remove.
    s.localMade = false;
  }
  if (s.stubTmp && plan.huskyStub) {
    await fs.promises.rename(s.stubTmp, plan.huskyStub.to);
    s.stubTmp = undefined;
  }
  // Husky 9 runs its files with `sh -e`, but husky 8 and git exec them: they must be executable.
  const mode = fs.statSync(plan.file).mode & 0o7777;
  if ((mode & 0o111) !== 0o111) {
    await fs.promises.chmod(plan.file, mode | 0o111).catch((error: Error) => {
      throw new EnvironmentError(`could not make ${plan.file} executable: ${error.message}`, { fix: `chmod +x ${plan.file}` });
    });
  }
}

/**
 * Give the hook `from` the second name `to`, never overwriting `to`: a hard link, or where the
 * file system has none, a copy with the same mode; a symlink gets a symlink with its target.
 */
async function secondName(from: string, to: string): Promise<void> {
  const stat = await fs.promises.lstat(from);
  const appeared = () => new UsageError(`${to} appeared while installing; nothing was changed`);
  // A symlink gets a symlink (macOS's link() would link the file it leads to instead). Its
  // target, when relative, resolves the same: both names are in one folder.
  if (stat.isSymbolicLink()) {
    return fs.promises.symlink(await fs.promises.readlink(from), to).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EEXIST" ? appeared() : error;
    });
  }
  try {
    await fs.promises.link(from, to);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw appeared();
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "EMLINK") throw error;
  }
  // A copy is written whole under a hidden name first: a kill must not leave a `.local` cut
  // short (init run again would refuse it as a second hook, and ours would run it).
  const tmp = temporaryBeside(to);
  try {
    await writeTemporary(tmp, await fs.promises.readFile(from), stat.mode & 0o7777, true);
    // No rename without replacing: checked under init's lock, which every writer here holds.
    if (isPresentAt(to)) throw appeared();
    await fs.promises.rename(tmp, to);
  } catch (error) {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

function isPresentAt(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** A one-line description of a plan for people. */
export function describeHookPlan(root: string, plan: HookPlan, dryRun: boolean): string[] {
  const rel = display(root, plan.file);
  const verb = (done: string, would: string) => (dryRun ? would : done);
  const lines: string[] = [];
  switch (plan.action) {
    case "created":
      lines.push(`${verb("created", "would create")} the ${plan.mode === "husky" ? "husky" : "git"} ${plan.hook} hook ${rel}`);
      break;
    case "updated":
      lines.push(`${verb("updated", "would update")} the integrity-guard ${plan.hook} hook in ${rel}`);
      break;
    case "appended":
      lines.push(`${verb("added", "would add")} integrity-guard to the existing husky hook ${rel} (your lines run first)`);
      break;
    case "chained":
      lines.push(
        `${verb("moved", "would move")} your existing ${plan.hook} hook to ${display(root, plan.chain!.to)} and ${verb("installed", "install")} ${rel}, which runs it first, then integrity-guard`,
      );
      break;
    case "unchanged":
      if (plan.managedBy) lines.push(`left ${plan.managedBy}'s ${plan.hook} hook ${rel} as it is`);
      else lines.push(`the ${plan.hook} hook ${rel} already runs integrity-guard: unchanged`);
      break;
  }
  return [...lines, ...plan.notes];
}

/**
 * A hook file in the work tree (`.husky/pre-commit`, a core.hooksPath folder such as `.githooks`)
 * may be reached through a symlink a clone carries (`.husky -> ~/bin`, `.husky/pre-commit ->
 * ~/.bashrc`): reading it would merge an outside file's text into the repository, and writing it
 * would replace or chmod a file outside. Refused (UnsafePathError, exit 2) naming the link. Hook
 * folders outside the work tree or under .git/ are git's own setting, not the clone's.
 */
function refuseCommittedLink(root: string, file: string): void {
  const rel = toRepoPath(root, file);
  if (rel === "" || rel === ".." || rel.startsWith("../") || path.isAbsolute(rel) || rel.split("/")[0]!.toLowerCase() === ".git") return;
  resolveInside(root, rel, { what: "hook file" });
}

/** Add the missing `.husky/_/<hook>` runner (older husky 9) to a husky plan; see HookPlan.huskyStub. */
function withHuskyStub(root: string, plan: HookPlan, hooksDir: string): HookPlan {
  if (path.basename(hooksDir) !== "_") return plan;
  const to = path.join(hooksDir, plan.hook);
  const from = path.join(hooksDir, "pre-commit");
  if (to === from || fs.existsSync(to) || isSymlink(to) || !isHuskyStub(readText(from) ?? "")) return plan;
  plan.notes.push(
    `this husky generates no ${display(root, to)} (husky 9 before 9.1.5), so git would never run ${HUSKY_DIR}/${plan.hook}: ${display(root, to)} is added as a copy of its pre-commit runner; a new clone needs \`npx integrity-guard init --hook-only\` again (husky 9.1.5+ writes it itself)`,
  );
  return { ...plan, action: plan.action === "unchanged" ? "updated" : plan.action, huskyStub: { from, to } };
}

function planHusky(root: string, hook: GitHookName, notes: string[]): HookPlan {
  const file = path.join(root, HUSKY_DIR, hook);
  refuseCommittedLink(root, file);
  const existing = readText(file);
  if (existing === undefined) return { mode: "husky", hook, file, action: "created", content: huskyFile(hook), notes };
  const merged = mergeHuskyFile(existing, hook);
  const executable = isExecutable(file);
  if (merged.action === "present" || merged.action === "unchanged") {
    if (merged.action === "present") notes.push(`${display(root, file)} already calls integrity-guard by hand; left as it is.`);
    return { mode: "husky", hook, file, action: executable ? "unchanged" : "updated", notes };
  }
  return { mode: "husky", hook, file, action: merged.action, content: merged.text, notes };
}

function planGitHook(root: string, dir: string, hook: GitHookName, notes: string[]): HookPlan {
  const file = path.join(dir, hook);
  refuseCommittedLink(root, file);
  const script = gitHookScript(hook);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return { mode: "git", hook, file, action: "created", content: script, notes };
  }
  if (stat.isDirectory()) {
    throw new UsageError(`${display(root, file)} is a folder, not a hook file`, { fix: "move it away, then run init again" });
  }
  const text = readText(file) ?? "";
  if (isOurGitHook(text)) {
    // A symlink to our shipped script (hooks/pre-commit) is kept: the link is the user's choice.
    if (stat.isSymbolicLink() || (text === script && isExecutable(file))) return { mode: "git", hook, file, action: "unchanged", notes };
    return { mode: "git", hook, file, action: "updated", content: script, notes };
  }
  const managed = planManagedHook(root, file, hook, text, notes);
  if (managed) return managed;
  const to = file + CHAINED_SUFFIX;
  const linked = sameHook(file, to);
  if (!linked && (fs.existsSync(to) || isSymlink(to))) {
    throw new UsageError(`${display(root, file)} is a ${hook} hook integrity-guard did not write, and ${display(root, to)} exists too`, {
      fix: `merge the two into ${display(root, to)} (ours runs it first), remove ${display(root, file)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`,
    });
  }
  notes.push(
    `your previous ${hook} hook is kept in ${display(root, to)} and still runs ${CHAINED_RUNS[hook]}; if it fails, the ${hook === "pre-merge-commit" ? "merge" : "commit"} is blocked as before.`,
  );
  if (!isExecutable(file))
    notes.push(`${display(root, to)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`);
  return { mode: "git", hook, file, action: "chained", content: script, chain: { from: file, to, linked }, notes };
}

/**
 * Whether `local` is the hook `file` under its second name: the state an install killed between
 * giving the user's hook its `.local` name and putting ours in place leaves (chainAndReplace).
 * The same inode (a hard link), or where links were not possible, a copy with the same mode and
 * bytes (a symlink with the same target). Replacing `file` then loses nothing.
 */
function sameHook(file: string, local: string): boolean {
  try {
    const a = fs.lstatSync(file);
    const b = fs.lstatSync(local);
    if (a.dev === b.dev && a.ino === b.ino) return true;
    if (a.isSymbolicLink() && b.isSymbolicLink()) return fs.readlinkSync(file) === fs.readlinkSync(local);
    if (!a.isFile() || !b.isFile() || a.mode !== b.mode || a.size !== b.size) return false;
    return fs.readFileSync(file).equals(fs.readFileSync(local));
  } catch {
    return false;
  }
}

/**
 * Hook managers that write their own hook over one they did not write, the next time they
 * install (which their package's postinstall or a config change triggers): a hook of theirs
 * that init chained would put ours where they drop it. What each does, for the refusal.
 */
const REWRITERS: Record<string, string> = {
  lefthook:
    "lefthook puts its own hook back on its next `lefthook install` (npm install runs it) and never runs the hook it moves aside (<hook>.old), so a chained integrity-guard would silently stop running",
  "simple-git-hooks":
    "simple-git-hooks overwrites it on its next run (`npx simple-git-hooks`, after each change of its config, often from postinstall), so a chained integrity-guard would silently stop running",
  "the pre-commit framework":
    'the next `pre-commit install` (every clone runs it) moves a chained integrity-guard hook to <hook>.legacy and runs it, which runs the framework\'s hook again: the framework then stops every commit ("installed in migration mode")',
};

/**
 * A hook written by a hook manager that rewrites hooks (REWRITERS) is not chained: when the
 * manager's config already runs integrity-guard it is left alone; prepare-commit-msg (which
 * only checks a `git rebase --continue` step) is left alone with a note; pre-commit and
 * pre-merge-commit are refused, with how to add the check to the manager's config.
 */
function planManagedHook(root: string, file: string, hook: GitHookName, text: string, notes: string[]): HookPlan | undefined {
  const runners = hookRunners(text);
  const runner = runners.find((r) => REWRITERS[r.name] !== undefined);
  if (!runner) return undefined;
  const why = REWRITERS[runner.name]!;
  // A command of the hook may be another runner (simple-git-hooks running lint-staged): its config counts too.
  const configs = [...new Set(runners.flatMap((r) => r.configs))];
  const config = configs.find((c) => callsIntegrityGuard(readText(path.join(root, c)) ?? ""));
  const rel = display(root, file);
  if (config) {
    notes.push(`${rel} is ${runner.name}'s, whose ${config} runs integrity-guard.`);
    return { mode: "git", hook, file, action: "unchanged", managedBy: runner.name, notes };
  }
  if (hook === "prepare-commit-msg") {
    notes.push(
      `integrity-guard is not added to it: ${why}. Without it, the step \`git rebase --continue\` commits after a conflict is not checked; commit such a step with \`git commit\` before \`git rebase --continue\`.`,
    );
    return { mode: "git", hook, file, action: "unchanged", managedBy: runner.name, notes };
  }
  throw new UsageError(`${rel} is a ${hook} hook written by ${runner.name}: ${why}; nothing was changed`, {
    fix: `${runner.fix}; then run init again (it leaves ${runner.name}'s hooks alone). The config alone: integrity-guard init --no-hook`,
  });
}

/** When a chained (moved-aside) hook still runs, for the note init prints. */
const CHAINED_RUNS: Record<GitHookName, string> = {
  "pre-commit": "on every commit",
  "pre-merge-commit": "before every merge commit",
  "prepare-commit-msg": "for every commit, first, with the same arguments",
};

/** Whether package.json names husky as a dependency (husky may not have been set up yet). */
function usesHuskyPackage(root: string): boolean {
  const text = readText(path.join(root, "package.json"));
  if (text === undefined) return false;
  try {
    const pkg = JSON.parse(text) as Record<string, unknown>;
    const spec = ["dependencies", "devDependencies"]
      .map((k) => pkg[k])
      .map((deps) => (typeof deps === "object" && deps !== null ? (deps as Record<string, unknown>).husky : undefined))
      .find((v) => v !== undefined);
    if (spec === undefined) return false;
    // husky 4 and older install their own scripts in .git/hooks and never read .husky/:
    // those repositories get the plain hook, which chains husky's.
    const legacy =
      (typeof pkg.husky === "object" && pkg.husky !== null) || (typeof spec === "string" && /^[\^~=v]*[0-4]\./.test(spec.trim()));
    return !legacy;
  } catch {
    return false; // a broken package.json is for `check` to report, not for the installer
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isSymlink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether git may run the file (the same access test git makes before running a hook). */
function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Repo-relative when inside the repository, else absolute. */
function display(root: string, abs: string): string {
  const rel = toRepoPath(root, abs);
  return rel.startsWith("..") ? abs : rel;
}
