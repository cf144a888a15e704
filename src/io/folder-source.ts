/**
 * Files of a plain folder, for `validate FILE...` outside any git repository (issue 13): no
 * index, no `git ls-files`, so a folder named on the command line is walked here. Reads go
 * through WorktreeSource's reader (no symlink followed, FIFOs do not hang the run).
 */
import fs from "node:fs";
import path from "node:path";
import { NotARepositoryError } from "../errors.js";
import { WorktreeSource, type FileSource, type ReadResult } from "./file-source.js";
import type { Git } from "./git.js";

/** Folders never walked: git's own data and installed packages (ALWAYS_EXCLUDED). */
const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export class FolderSource implements FileSource {
  readonly kind = "worktree" as const;
  private readonly files: WorktreeSource;
  private listed: Promise<string[]> | undefined;
  constructor(private readonly root: string) {
    this.files = new WorktreeSource(noRepository(root), root);
  }

  /** Regular files below the root (symlinks are not followed), repo-relative POSIX paths. */
  list(): Promise<string[]> {
    this.listed ??= Promise.resolve(walk(this.root));
    return this.listed;
  }

  read(paths: readonly string[]): Promise<Map<string, ReadResult>> {
    return this.files.read(paths);
  }
}

function walk(root: string): string[] {
  const out: string[] = [];
  const stack = [""];
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      continue; // unreadable folder: its files cannot be named, so they are not listed
    }
    for (const e of entries) {
      const p = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(p);
      } else if (e.isFile()) out.push(p);
    }
  }
  return out.sort();
}

/**
 * A stand-in for Git where there is no repository: any use throws the "not inside a git work
 * tree" error (exit 2), so a code path that needs git says so instead of misbehaving.
 */
export function noRepository(cwd: string): Git {
  return new Proxy({} as Git, {
    get(_target, prop) {
      if (prop === "then") return undefined; // not a thenable: it may pass through await
      throw new NotARepositoryError(`${cwd} is not inside a git work tree (needed for ${String(prop)})`, {
        fix: "run integrity-guard from inside a git repository; outside one, only `validate FILE...` works",
      });
    },
  });
}
