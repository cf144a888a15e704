/**
 * The git index as the pre-commit hook needs it: the staged changes (from one `git diff-index`)
 * and their blobs, without listing every index entry. Whole-repository reads (list(), paths
 * that are not staged changes) fall back to the full IndexSource. Honours GIT_INDEX_FILE, which
 * git sets for `git commit -a` and `git commit <path>`: git inherits it from our environment.
 */
import type { Git, IndexEntry } from "./git.js";
import { IndexSource, indexSymlink, SYMLINK, type FileSource, type ReadOptions, type ReadResult, withinLimits } from "./file-source.js";

/** What a commit would change relative to HEAD (see StagedSource.changes). */
export interface StagedDiff {
  /** Added, changed or type-changed paths with their staged (stage 0) entry. */
  entries: Map<string, IndexEntry>;
  unmerged: string[];
  /** Paths in HEAD that the commit deletes. */
  deleted: string[];
  /** True on an unborn branch: there is no HEAD, so every index entry is a change. */
  unborn: boolean;
}

export class StagedSource implements FileSource {
  readonly kind = "index" as const;
  private changes: Promise<StagedDiff> | undefined;
  private readonly full: IndexSource;

  constructor(private readonly git: Git) {
    this.full = new IndexSource(git);
  }

  /** The staged changes, from one `git diff-index` (read once, shared by every check). */
  diff(): Promise<StagedDiff> {
    return this.load();
  }

  private load(): Promise<StagedDiff> {
    this.changes ??= (async () => {
      const diff = await this.git.stagedIndexChanges();
      if (diff)
        return { entries: new Map(diff.entries.map((e) => [e.path, e])), unmerged: diff.unmerged, deleted: diff.deleted, unborn: false };
      // Unborn branch: everything in the index is a change.
      const all = await this.full.allEntries();
      const entries = new Map<string, IndexEntry>();
      const unmerged = new Set<string>();
      for (const e of all) {
        if (e.stage === 0) entries.set(e.path, e);
        else unmerged.add(e.path);
      }
      return { entries, unmerged: [...unmerged], deleted: [], unborn: true };
    })();
    return this.changes;
  }

  /** Paths a commit would add or change (regular files, symlinks, submodules alike), sorted as git lists them. */
  async stagedChanges(): Promise<string[]> {
    return [...(await this.load()).entries.keys()];
  }

  /** Paths with an unresolved merge conflict in the index. */
  async unmergedPaths(): Promise<string[]> {
    return (await this.load()).unmerged;
  }

  list(): Promise<string[]> {
    return this.full.list();
  }

  async read(paths: readonly string[], options: ReadOptions = {}): Promise<Map<string, ReadResult>> {
    const { entries } = await this.load();
    let known: IndexEntry[] = [];
    const rest: string[] = [];
    for (const p of paths) {
      const e = entries.get(p);
      if (e) known.push(e);
      else rest.push(p);
    }
    const out = new Map<string, ReadResult>();
    // The modes of the other paths, asked while git gives the sizes: `:path` alone would read a symlink's target as content.
    const restModes = rest.length ? this.git.lsStaged(rest) : Promise.resolve([]);
    restModes.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    // A staged blob over the size limit is reported by the size git gives, never read (issue 14).
    if (options.maxBytes !== undefined || options.maxTotalBytes !== undefined) known = await withinLimits(this.git, known, options, out);
    // Staged changes by blob id, other paths (schemas, config files) as ":path" index lookups:
    // one git process, and never a listing of the whole index.
    // Symlinks are read too, for their target text only: never followed (issue 14, item 6).
    const regular = known.filter((e) => e.mode === "100644" || e.mode === "100755" || e.mode === SYMLINK);
    const names = [...regular.map((e) => e.oid), ...rest.map((p) => ":" + p)];
    const [blobs, restEntries] = await Promise.all([this.git.catFileBatch(names), restModes]);
    regular.forEach((e, i) => {
      const b = blobs[i];
      if (!b) out.set(e.path, { error: `blob ${e.oid} is missing from the object database (repository corruption)`, code: "EMISSINGOBJ" });
      else out.set(e.path, e.mode === SYMLINK ? indexSymlink(this.git.root, e.path, b) : b);
    });
    const links = new Set(restEntries.filter((e) => e.stage === 0 && e.mode === SYMLINK).map((e) => e.path));
    rest.forEach((p, i) => {
      const b = blobs[regular.length + i];
      if (b) out.set(p, links.has(p) ? indexSymlink(this.git.root, p, b) : b);
    });
    return out;
  }
}
