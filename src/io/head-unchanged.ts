/**
 * Index entries of paths that a commit leaves as they are, read from HEAD's tree.
 *
 * Why: the hook reads a few files that are not staged changes (the config, the schemas it
 * names). Asking the index for them (`git ls-files -s`, or `:path` in `git cat-file`) makes git
 * load the whole index: about 20 ms of CPU per process in a 20,000-file repository, twice or
 * three times per commit. The staged diff (`git diff-index --cached HEAD`, read once) already
 * says which paths differ from HEAD; any other path has in the index exactly its entry in HEAD's
 * tree, which `git ls-tree` reads without the index.
 *
 * Only what the diff vouches for is answered: on an unborn branch, for a staged, unmerged or
 * deleted path, or for a path HEAD does not hold as a file or symlink (an intent-to-add entry is
 * in the index but no change), the caller asks the index as before.
 */
import type { Git, IndexEntry } from "./git.js";

/** The staged diff as StagedSource.diff() gives it. */
interface DiffVouch {
  entries: ReadonlyMap<string, IndexEntry>;
  unmerged: readonly string[];
  deleted: readonly string[];
  unborn: boolean;
}

/** Modes of a blob in a tree: regular, executable, symlink. */
const BLOB_MODES = new Set(["100644", "100755", "120000"]);

/**
 * The HEAD tree entries of those `paths` that the diff says are unchanged: path -> entry (stage
 * 0, as the index holds it). `listed` is a `git ls-tree HEAD` of the paths the caller may have
 * started before the diff was in (undefined: run it here). Paths absent from the map are for the
 * index to answer. Never throws: a failed ls-tree answers nothing.
 */
export async function unchangedEntries(
  git: Git,
  diff: DiffVouch,
  paths: readonly string[],
  listed?: Promise<{ mode: string; oid: string; path: string }[]>,
): Promise<Map<string, IndexEntry>> {
  const out = new Map<string, IndexEntry>();
  if (diff.unborn) return out;
  const changed = new Set([...diff.unmerged, ...diff.deleted]);
  const asked = paths.filter((p) => !diff.entries.has(p) && !changed.has(p));
  if (asked.length === 0) return out;
  let rows: { mode: string; oid: string; path: string }[];
  try {
    rows = await (listed ?? headTreeEntries(git, asked));
  } catch {
    return out;
  }
  const wanted = new Set(asked);
  for (const r of rows)
    if (wanted.has(r.path) && BLOB_MODES.has(r.mode)) out.set(r.path, { mode: r.mode, oid: r.oid, stage: 0, path: r.path });
  return out;
}

type TreeRow = { mode: string; oid: string; path: string };

/**
 * Whether the commit holds nothing at `path`: the diff says it is no staged change (not added,
 * changed, unmerged or deleted) and HEAD's tree has no entry of any kind there, so the index has
 * none either but an intent-to-add one, which a commit leaves out. The hook asks this for the
 * baseline and the config before `git ls-files`, which loads the whole index (0.35 s of CPU at
 * 500,000 files) to say that a file the repository does not have is not there. False when it
 * cannot tell (an unborn branch, a failed listing): the caller asks the index.
 */
export async function absentFromCommit(
  git: Git,
  diff: DiffVouch,
  path: string,
  listed?: Promise<{ mode: string; oid: string; path: string }[]>,
): Promise<boolean> {
  if (diff.unborn || diff.entries.has(path) || diff.unmerged.includes(path) || diff.deleted.includes(path)) return false;
  try {
    const rows = await (listed ?? headTreeEntries(git, [path]));
    return !rows.some((r) => r.path === path);
  } catch {
    return false;
  }
}

/** Listings started ahead of need (listHeadAhead), per repository: path -> the listing that covers it. */
const ahead = new WeakMap<Git, Map<string, Promise<TreeRow[]>>>();

/**
 * Start one `git ls-tree HEAD` of every path the hook will likely ask about (the config, the
 * baseline, the schemas the config names), so that later asks for any of them start no git
 * process of their own: the schemas were a second ls-tree, on the hook's critical path, after
 * the config. HEAD's entries do not depend on when they are listed, and an ask for a path not
 * listed here runs its own ls-tree as before.
 */
export function listHeadAhead(git: Git, paths: readonly string[]): Promise<TreeRow[]> {
  const listing = git.lsTreeAt("HEAD", paths);
  listing.catch(() => undefined); // an unborn branch: each caller awaits it and handles the rejection
  let memo = ahead.get(git);
  if (!memo) ahead.set(git, (memo = new Map()));
  for (const p of paths) memo.set(p, listing);
  return listing;
}

/** `git ls-tree HEAD` of exactly these paths (rejects on an unborn branch: no HEAD). */
function headTreeEntries(git: Git, paths: readonly string[]): Promise<TreeRow[]> {
  const memo = ahead.get(git);
  const listings = new Set<Promise<TreeRow[]>>();
  for (const p of paths) {
    const listing = memo?.get(p);
    if (!listing) return git.lsTreeAt("HEAD", paths);
    listings.add(listing);
  }
  if (listings.size === 0) return git.lsTreeAt("HEAD", paths);
  // Only the rows asked for, once each (one listing may cover several of the paths, and more).
  const wanted = new Set(paths);
  return Promise.all(listings).then((all) => {
    const rows = new Map<string, TreeRow>();
    for (const r of all.flat()) if (wanted.has(r.path)) rows.set(r.path, r);
    return [...rows.values()];
  });
}
