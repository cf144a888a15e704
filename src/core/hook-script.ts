/**
 * The text of the pre-commit hooks `init` installs. Pure: strings in, strings out. The files in
 * hooks/ are copies of these (test/integration/init-hook-files.test.ts keeps them equal), so
 * the bundle never has to find hooks/ on disk (it may run from a private IG_DIST or a global
 * install).
 *
 * Both hooks resolve the tool the same way: the repository's own copy
 * (node_modules/.bin/integrity-guard: the version the project pinned) first, then one on PATH;
 * with neither they fail closed, because a missing tool must not let corruption through
 * silently. Git runs pre-commit hooks in the top folder of the work tree, so the relative
 * node_modules path is right for every `git -C` / subfolder invocation.
 */

/** Marks a plain git hook file as ours (so init can update it and never chain it to itself). */
const HOOK_MARKER = "# integrity-guard-hook:";
/** First and last lines of our block inside a husky file. */
export const HUSKY_BEGIN = "# >>> integrity-guard >>>";
export const HUSKY_END = "# <<< integrity-guard <<<";
/** Bumped when the hook text changes, so init rewrites old copies. */
const HOOK_VERSION = 3;

/**
 * The git hooks init installs. `git merge` (and `git pull`) make a merge commit that needed no
 * conflict resolution without running pre-commit: git runs pre-merge-commit instead (githooks(5),
 * git 2.24+). Two branches that each passed the check can merge cleanly, line by line, into a
 * corrupt file (the same key added on both sides), so the same check runs there too. A merge
 * that stopped on conflicts is finished by `git commit`, which runs pre-commit.
 *
 * prepare-commit-msg closes the one path where git commits content the user staged by hand
 * without pre-commit: `git rebase --continue` commits a step stopped on a conflict (or an
 * `edit` step with staged changes) by running `git commit -n`, so a file `git add`ed with its
 * conflict markers went in. git runs prepare-commit-msg for every commit, `-n` or not, so that
 * hook runs the check only for that commit (rebaseContinueGuard), and stays a no-op otherwise:
 * a user's `git commit --no-verify` remains a bypass, and a clean rebase's replayed commits
 * (also passed through prepare-commit-msg, in-process) are not checked again.
 */
export type GitHookName = "pre-commit" | "pre-merge-commit" | "prepare-commit-msg";
/** Name the pre-existing hook is moved to when ours takes its place; ours runs it first. */
export const CHAINED_SUFFIX = ".local";

/**
 * Shell lines that vet node_modules/.bin/integrity-guard before the hook runs it (issue 14,
 * item 5). A commit can bring that file along (`git add -f`), and then everyone who pulls runs
 * the committer's program on their next commit. It is run only when the package manager put it
 * there: not tracked by git (nor node_modules/integrity-guard/), inside a node_modules/.bin
 * (this repository's own, or the one an untracked node_modules symlink leads to outside this
 * work tree: a linked worktree sharing the main checkout's, a Nix store path), and either a
 * symlink resolving into node_modules/integrity-guard/ (npm,
 * yarn, bun) or a shim that runs ../integrity-guard/ (pnpm, npm on Windows). Anything else
 * blocks the commit: falling back to a global copy silently would hide the planted file.
 * Shell-only except one `git ls-files`, and only when the file exists. Sets ig_bin.
 */
function localBinaryGuard(): string {
  return `ig_local=node_modules/.bin/integrity-guard
if [ -e "$ig_local" ] || [ -L "$ig_local" ]; then
  ig_refuse=
  ig_fix="look at it (ls -l node_modules/.bin/integrity-guard), then rm -rf node_modules && npm install (or use a global install: rm node_modules/.bin/integrity-guard)"
  if [ -n "$(git ls-files -- "$ig_local" node_modules/integrity-guard 2>/dev/null || echo error)" ]; then
    ig_refuse="git tracks it (or node_modules/integrity-guard/), so it came with a commit, not from your package manager"
    ig_fix="see who added it (git log --stat -- node_modules), untrack it (git rm -r --cached node_modules; add node_modules/ to .gitignore; commit), then rm -rf node_modules && npm install"
  elif [ -L node_modules ] && [ -n "$(git ls-files -- node_modules 2>/dev/null || echo error)" ]; then
    ig_refuse="node_modules is a symlink that git tracks, so where it leads came with a commit"
  elif ! ig_nm=$(cd -P node_modules 2>/dev/null && pwd -P) || [ "\${ig_nm##*/}" != node_modules ] || [ "$(cd -P node_modules/.bin 2>/dev/null && pwd -P)" != "$ig_nm/.bin" ]; then
    ig_refuse="node_modules or node_modules/.bin is a symlink leading out of a node_modules folder"
  elif [ "$ig_nm" != "$(pwd -P)/node_modules" ] && case "$ig_nm/" in "$(pwd -P)"/*) true ;; *) false ;; esac; then
    ig_refuse="node_modules is a symlink to another folder of this work tree, whose content can come with a commit"
  elif [ -L "$ig_local" ]; then
    ig_pkg=$(cd -P node_modules/integrity-guard 2>/dev/null && pwd -P) || ig_pkg=
    ig_at=$ig_nm/.bin
    ig_name=integrity-guard
    ig_n=0
    while [ -n "$ig_at" ] && [ -L "$ig_at/$ig_name" ] && [ "$ig_n" -lt 40 ]; do
      ig_link=$(readlink "$ig_at/$ig_name") || ig_link=
      case "$ig_link" in "") ig_at= ;; /*) ;; *) ig_link="$ig_at/$ig_link" ;; esac
      if [ -n "$ig_at" ]; then
        ig_name=$(basename "$ig_link")
        ig_at=$(cd -P "$(dirname "$ig_link")" 2>/dev/null && pwd -P) || ig_at=
      fi
      ig_n=$((ig_n + 1))
    done
    ig_inside=
    if [ -n "$ig_pkg" ] && [ -n "$ig_at" ] && [ -f "$ig_at/$ig_name" ]; then
      case "$ig_at/" in "$ig_pkg"/*) ig_inside=yes ;; esac
    fi
    if [ -z "$ig_inside" ]; then
      ig_refuse="it is a symlink that does not resolve into node_modules/integrity-guard/"
    fi
  elif ! grep -q '/\\.\\./integrity-guard/' "$ig_local" 2>/dev/null; then
    ig_refuse="it is neither a symlink into node_modules/integrity-guard/ nor a package-manager shim that runs it"
  fi
  if [ -n "$ig_refuse" ]; then
    echo "integrity-guard: commit blocked: the hook will not run node_modules/.bin/integrity-guard: $ig_refuse." >&2
    echo "  why: a program that a commit can bring along runs on the next commit of everyone who pulls it; it could let corrupt commits through, or do anything else." >&2
    echo "  fix: $ig_fix" >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
    exit 1
  fi
  if [ -x "$ig_local" ]; then
    ig_bin=$ig_local
  fi
fi
`;
}

/**
 * The shell lines that find integrity-guard, run `check --staged`, and on failure print how to
 * bypass. `sh -e` safe (husky runs its files with `sh -e`): failing tests sit in `if`/`||`.
 * `onBlock` is echoed (to stderr) after the message of a blocked commit.
 */
function checkBlock(onBlock = ""): string {
  return `ig_bin=integrity-guard
${localBinaryGuard()}if [ "$ig_bin" = integrity-guard ] && ! command -v integrity-guard >/dev/null 2>&1; then
  echo "integrity-guard: commit blocked: the pre-commit hook is installed but integrity-guard is not." >&2
  echo "  fix: npm install --save-dev integrity-guard   (or install it globally so it is on PATH)" >&2
  echo "  bypass once, at your own risk: git commit --no-verify" >&2
  exit 1
fi
"$ig_bin" check --staged || {
  ig_status=$?
  if [ "$ig_status" -eq 1 ]; then
    # The report above already ends with how to bypass once (git commit --no-verify).
    echo "integrity-guard: commit blocked by the findings above." >&2
  elif [ "$ig_status" -eq 126 ] || [ "$ig_status" -eq 127 ]; then
    # The shell's "not found" / "cannot execute": integrity-guard itself never exits so. Mostly a
    # GUI client or IDE that starts git without the shell's PATH, so env finds no node.
    echo "integrity-guard: commit blocked: $ig_bin could not be started (exit $ig_status): a program it needs, usually node, is not on this PATH: $PATH" >&2
    echo "  fix: GUI clients and IDEs often start git without your shell's PATH: start the client from a terminal, or make node available system-wide; then commit again (command -v node, in a terminal, shows where it is)" >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  else
    echo "integrity-guard: commit blocked: the check could not run (exit $ig_status); see the message above." >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  fi
${onBlock}  exit "$ig_status"
}
`;
}

/**
 * The condition under which prepare-commit-msg checks: the commit `git rebase --continue` makes
 * itself with `git commit -n` (git 2.39 and later set GIT_REFLOG_ACTION to "<action> (continue)"
 * for it, "rebase (continue)" unless the environment named the action otherwise) while a rebase
 * is stopped (the per-worktree rebase-merge folder exists). Measured with git 2.39: no other
 * commit has that value. A user's `git commit` / `git commit -n` during a stopped rebase, an
 * `exec` step that commits, and the rebase's own replayed picks have no GIT_REFLOG_ACTION; a
 * `reword` step has "rebase (reword)" and runs pre-commit. The git call happens only on a match.
 */
const REBASE_CONTINUE_TEST = `ig_rebase_continue=
case "\${GIT_REFLOG_ACTION-}" in
  *" (continue)")
    if [ -d "$(git rev-parse --git-path rebase-merge 2>/dev/null)" ]; then
      ig_rebase_continue=yes
    fi
    ;;
esac
`;

/** What a blocked `git rebase --continue` prints after the findings: the rebase is still stopped. */
const REBASE_BLOCKED = `  echo "  the rebase is still stopped at this step: fix the files, git add them, then git rebase --continue (or bypass once: git commit --no-verify, then git rebase --continue)" >&2
`;

/** The check block guarded so it runs only for the commit `git rebase --continue` makes. */
function rebaseContinueBlock(): string {
  const body = checkBlock(REBASE_BLOCKED).replace(/^(?=.)/gm, "  ");
  return `${REBASE_CONTINUE_TEST}if [ -n "$ig_rebase_continue" ]; then
${body}fi
`;
}

/** The lines each hook runs: the plain check, or for prepare-commit-msg the guarded one. */
function hookBody(hook: GitHookName): string {
  return hook === "prepare-commit-msg" ? rebaseContinueBlock() : checkBlock();
}

/** What each plain hook says about itself in its header. */
const HOOK_PURPOSE: Record<GitHookName, string> = {
  "pre-commit": `# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify`,
  "pre-merge-commit": `# git merge and git pull run this hook, not pre-commit, for a merge commit that needed no
# conflict resolution; a clean line-by-line merge of two valid files can still be corrupt (the
# same key added on both sides). Blocks it as pre-commit would; the merge stays in progress:
# fix, git add, git commit. Bypass once, at your own risk: git merge --no-verify`,
  "prepare-commit-msg": `# git rebase --continue commits a step whose conflicts you resolved with \`git commit -n\`, so
# pre-commit does not run for it: this hook runs the same check of the staged files for that
# commit only (GIT_REFLOG_ACTION "rebase (continue)" while a rebase is stopped), and does
# nothing for every other commit (pre-commit checked it, or you bypassed it with --no-verify).
# A blocked step stays stopped. Bypass once: git commit --no-verify, then git rebase --continue`,
};

/** The whole plain git hook (`.git/hooks/<hook>` or the core.hooksPath folder). */
export function gitHookScript(hook: GitHookName = "pre-commit"): string {
  return `#!/bin/sh
# integrity-guard ${hook} hook, written by \`integrity-guard init\`.
${HOOK_PURPOSE[hook]}
${HOOK_MARKER} v${HOOK_VERSION}

# A ${hook} hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/${hook}${CHAINED_SUFFIX}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${hookBody(hook)}exit 0
`;
}

/** Our block inside `.husky/<hook>` (between the markers, so init can find and update it). */
export function huskyBlock(hook: GitHookName = "pre-commit"): string {
  return `${HUSKY_BEGIN} v${HOOK_VERSION} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${hookBody(hook)}${HUSKY_END}
`;
}

/** A new `.husky/<hook>` holding only our block (the shebang serves husky 8, which execs it). */
export function huskyFile(hook: GitHookName = "pre-commit"): string {
  return `#!/usr/bin/env sh\n${huskyBlock(hook)}`;
}

/** True when a hook file's text was written by integrity-guard (any version). */
export function isOurGitHook(text: string): boolean {
  return text.includes(HOOK_MARKER);
}

/**
 * Put our block into an existing husky file: replace an older copy between the markers, leave
 * the file alone when it already calls `integrity-guard check` by hand, else append.
 * Returns the new text and what happened.
 */
export function mergeHuskyFile(
  existing: string,
  hook: GitHookName = "pre-commit",
): { text: string; action: "unchanged" | "updated" | "appended" | "present" } {
  const begin = existing.indexOf(HUSKY_BEGIN);
  if (begin >= 0) {
    const endAt = existing.indexOf(HUSKY_END, begin);
    if (endAt >= 0) {
      let end = endAt + HUSKY_END.length;
      if (existing[end] === "\n") end += 1;
      const text = existing.slice(0, begin) + huskyBlock(hook) + existing.slice(end);
      return text === existing ? { text, action: "unchanged" } : { text, action: "updated" };
    }
  }
  // A hand-written line such as `npx --no-install integrity-guard check --staged`.
  if (/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(existing)) return { text: existing, action: "present" };
  const sep = existing === "" || existing.endsWith("\n") ? "" : "\n";
  return { text: existing + sep + (existing === "" ? "" : "\n") + huskyBlock(hook), action: "appended" };
}
