/**
 * Which lines a pull request touched, per file, for `scope: changed-lines` and suggested
 * changes. From the `patch` of each file in the PR files API, or from `git diff -U0 base...head`
 * when the API is not available. A file whose lines cannot be known (a binary file, a diff too
 * large for the API to include) counts as touched everywhere: a finding there is never hidden
 * because its lines are unknown.
 */
import type { Git } from "../io/git.js";
import type { PullFile } from "../io/github-api.js";

export interface FileChanges {
  /** The text of each line the PR added or changed, by line number in the new file. */
  added: Map<number, string>;
  /**
   * Where lines were only removed (nothing added in their place): the new file's lines on either
   * side, where an error the removal caused is reported.
   */
  removedAt: Set<number>;
  /** The lines are unknown: treat every line as touched. */
  whole: boolean;
}

/** Changes per repo-relative file name. */
export type ChangedLines = Map<string, FileChanges>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Parse the hunks of one file's unified diff (as the API's `patch`, or git's after the header). */
export function parsePatch(patch: string): FileChanges {
  const out: FileChanges = { added: new Map(), removedAt: new Set(), whole: false };
  let line = 0;
  let inHunk = false;
  // A run of removed lines not followed by added ones (a pure deletion) marks the lines around it.
  let deletion = false;
  const endDeletion = () => {
    if (deletion) {
      out.removedAt.add(line);
      if (line > 1) out.removedAt.add(line - 1);
    }
    deletion = false;
  };
  for (const raw of patch.split("\n")) {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const m = HUNK.exec(text);
    if (m) {
      endDeletion();
      // +c,0: nothing added; c is the line before the removal, so the next line is c + 1.
      line = m[2] === "0" ? Number(m[1]) + 1 : Number(m[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (text.startsWith("+")) {
      deletion = false;
      out.added.set(line++, text.slice(1));
    } else if (text.startsWith("-")) deletion = true;
    else if (text.startsWith(" ")) {
      endDeletion();
      line++;
    }
    // "\\ No newline at end of file" and anything else: no line of the new file.
  }
  endDeletion();
  return out;
}

/** True when `line` of a file with these changes was touched by the PR (no line: the file was). */
export function touches(changes: FileChanges | undefined, line: number | undefined): boolean {
  if (!changes) return false;
  if (changes.whole || line === undefined) return true;
  return changes.added.has(line) || changes.removedAt.has(line);
}

/** From the PR files API: `patch` per file; a file without one is touched everywhere. */
export function changedLinesFromApi(files: readonly PullFile[]): ChangedLines {
  const out: ChangedLines = new Map();
  for (const f of files) {
    if (f.status === "removed") continue;
    out.set(f.filename, f.patch === undefined ? { added: new Map(), removedAt: new Set(), whole: true } : parsePatch(f.patch));
  }
  return out;
}

/**
 * From `git diff -U0 base...head` (both commits must be present). Undefined when git cannot
 * tell; a file whose name git had to quote is left out (its findings are then on no changed
 * line, and the caller falls back to whole files for it).
 */
export async function changedLinesFromGit(git: Git, baseSha: string, headSha: string): Promise<ChangedLines | undefined> {
  const res = await git.exec(
    [
      "-c",
      "core.quotePath=false",
      "diff",
      "-U0",
      "--no-color",
      "--no-ext-diff",
      "--no-renames",
      // The "+++ b/<name>" we read, whatever diff.noprefix (which made "b/x.json" the file
      // x.json) or diff.mnemonicPrefix / diff.srcPrefix / diff.dstPrefix say.
      "--src-prefix=a/",
      "--dst-prefix=b/",
      "--diff-filter=ACMRT",
      `${baseSha}...${headSha}`,
    ],
    { okCodes: [0, 128] },
  );
  if (res.code !== 0) return undefined;
  const out: ChangedLines = new Map();
  const text = res.stdout.toString("utf8");
  for (const section of text.split(/^diff --git /m).slice(1)) {
    const plus = /^\+\+\+ b\/(.*)$/m.exec(section);
    if (!plus) {
      // No "+++" line: a binary file or a mode change; its lines are unknown.
      const name = /^Binary files .* and b\/(.*) differ$/m.exec(section)?.[1];
      if (name && !name.startsWith('"')) out.set(name, { added: new Map(), removedAt: new Set(), whole: true });
      continue;
    }
    if (plus[1]!.startsWith('"')) continue;
    const hunks = section.indexOf("\n@@");
    out.set(plus[1]!, hunks < 0 ? { added: new Map(), removedAt: new Set(), whole: true } : parsePatch(section.slice(hunks + 1)));
  }
  return out;
}
