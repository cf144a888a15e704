/**
 * `mkdir -p` that reports the real reason it failed. Node's recursive mkdir says ENOENT ("no such
 * file or directory") when a folder cannot be created on a read-only file system or without
 * write permission (seen on Node 20.20: EROFS under a read-only bind mount came back as ENOENT),
 * so a user was told a folder is missing instead of that the repository is read-only.
 */
import fs from "node:fs/promises";
import path from "node:path";

/** Create `dir` and its parents; on failure, throw the errno of the level that could not be created. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // Create one level at a time from the deepest folder that exists: a plain mkdir's errno is exact.
    const missing: string[] = [];
    let at = path.resolve(dir);
    while (!(await exists(at))) {
      missing.unshift(at);
      const up = path.dirname(at);
      if (up === at) break;
      at = up;
    }
    for (const d of missing) {
      try {
        await fs.mkdir(d);
      } catch (inner) {
        if ((inner as NodeJS.ErrnoException).code !== "EEXIST") throw inner;
      }
    }
    // Every level was made after all (a race with another creator): the first error stands only if it still holds.
    if (!(await exists(dir))) throw error;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}
