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
export const HOOK_MARKER = "# integrity-guard-hook:";
/** First and last lines of our block inside a husky file. */
export const HUSKY_BEGIN = "# >>> integrity-guard >>>";
export const HUSKY_END = "# <<< integrity-guard <<<";
/** Bumped when the hook text changes, so init rewrites old copies. */
export const HOOK_VERSION = 1;
/** Name the pre-existing hook is moved to when ours takes its place; ours runs it first. */
export const CHAINED_SUFFIX = ".local";

/**
 * The shell lines that find integrity-guard, run `check --staged`, and on failure print how to
 * bypass. `sh -e` safe (husky runs its files with `sh -e`): failing tests sit in `if`/`||`.
 */
export function checkBlock(): string {
  return `ig_bin=integrity-guard
if [ -x node_modules/.bin/integrity-guard ]; then
  ig_bin=node_modules/.bin/integrity-guard
elif ! command -v integrity-guard >/dev/null 2>&1; then
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
  else
    echo "integrity-guard: commit blocked: the check could not run (exit $ig_status); see the message above." >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  fi
  exit "$ig_status"
}
`;
}

/** The whole plain git hook (`.git/hooks/pre-commit` or the core.hooksPath folder). */
export function gitHookScript(): string {
  return `#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${HOOK_MARKER} v${HOOK_VERSION}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${CHAINED_SUFFIX}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${checkBlock()}exit 0
`;
}

/** Our block inside `.husky/pre-commit` (between the markers, so init can find and update it). */
export function huskyBlock(): string {
  return `${HUSKY_BEGIN} v${HOOK_VERSION} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${checkBlock()}${HUSKY_END}
`;
}

/** A new `.husky/pre-commit` holding only our block (the shebang serves husky 8, which execs it). */
export function huskyFile(): string {
  return `#!/usr/bin/env sh\n${huskyBlock()}`;
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
export function mergeHuskyFile(existing: string): { text: string; action: "unchanged" | "updated" | "appended" | "present" } {
  const begin = existing.indexOf(HUSKY_BEGIN);
  if (begin >= 0) {
    const endAt = existing.indexOf(HUSKY_END, begin);
    if (endAt >= 0) {
      let end = endAt + HUSKY_END.length;
      if (existing[end] === "\n") end += 1;
      const text = existing.slice(0, begin) + huskyBlock() + existing.slice(end);
      return text === existing ? { text, action: "unchanged" } : { text, action: "updated" };
    }
  }
  // A hand-written line such as `npx --no-install integrity-guard check --staged`.
  if (/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(existing)) return { text: existing, action: "present" };
  const sep = existing === "" || existing.endsWith("\n") ? "" : "\n";
  return { text: existing + sep + (existing === "" ? "" : "\n") + huskyBlock(), action: "appended" };
}
