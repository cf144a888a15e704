/**
 * Where schemas are read from. Schemas are read through the same source as the data (the index
 * for `check --staged`: what is validated is what is committed), except schemas of installed
 * dependencies: `node_modules/` is never in the git index, so there the working tree's installed
 * copy is the only one there is (`"$schema": "./node_modules/@biomejs/biome/configuration_schema.json"`).
 */
import type { Git } from "./git.js";
import { WorktreeSource, type FileSource, type ReadOptions, type ReadResult } from "./file-source.js";
import { WithSkippedBlobs } from "./skip-worktree.js";

/** True for a repo-relative path inside a `node_modules/` folder (at any depth). */
export function isDependencyPath(p: string): boolean {
  return p.startsWith("node_modules/") || p.includes("/node_modules/");
}

/** The source schemas are read from for a run reading data from `source`. */
export function schemaSourceFor(source: FileSource, git: Git): FileSource {
  if (source.kind === "index") return new IndexWithDependencies(source, new WorktreeSource(git));
  // A sparse checkout that leaves a schema out: the index's copy, as for the config (load.ts).
  return source.kind === "worktree" ? new WithSkippedBlobs(source, git) : source;
}

class IndexWithDependencies implements FileSource {
  readonly kind = "index" as const;
  constructor(
    private readonly index: FileSource,
    private readonly worktree: FileSource,
  ) {}

  list(): Promise<string[]> {
    return this.index.list();
  }

  async read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>> {
    const deps = paths.filter(isDependencyPath);
    if (deps.length === 0) return this.index.read(paths, options);
    const [fromIndex, fromTree] = await Promise.all([
      this.index.read(
        paths.filter((p) => !isDependencyPath(p)),
        options,
      ),
      this.worktree.read(deps, options),
    ]);
    for (const [p, c] of fromTree) fromIndex.set(p, c);
    return fromIndex;
  }
}
