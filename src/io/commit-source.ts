/**
 * Files as a commit holds them: on a pull request, the schemas the base branch's config maps are
 * read from the base commit, because the pull request's copy of a schema is data under review
 * (a PR that loosens a schema is the same bypass as one that loosens the config). A path the
 * commit does not hold is read from `fallback` (a schema the pull request adds: no base rule can
 * name it). Symlinks in the commit are never followed.
 */
import type { Git } from "./git.js";
import { withinLimits, type FileSource, type ReadOptions, type ReadResult } from "./file-source.js";
import { resolveCommitFolders } from "./commit-links.js";

export class CommitSource implements FileSource {
  readonly kind = "commit" as const;
  constructor(
    private readonly git: Git,
    /** The commit files are read from (a pull request's base). */
    readonly commit: string,
    private readonly fallback: FileSource,
  ) {}

  list(): Promise<string[]> {
    return this.fallback.list();
  }

  async read(paths: readonly string[], options: ReadOptions = {}): Promise<Map<string, ReadResult>> {
    const entries = await this.git.lsTreeAt(this.commit, paths);
    const byPath = new Map(entries.map((e) => [e.path, e] as const));
    const out = new Map<string, ReadResult>();
    let files = entries.filter((e) => e.type === "blob" && e.mode !== "120000");
    // Bounds asked (a schema tree read ahead, schema-cache.ts): blobs over them are never read whole.
    if (options.maxBytes !== undefined || options.maxTotalBytes !== undefined) files = await withinLimits(this.git, files, options, out);
    const blobs = await this.git.readBlobs(files.map((e) => e.oid));
    const rest: string[] = [];
    for (const p of paths) {
      const e = byPath.get(p);
      if (out.has(p)) continue;
      if (!e) rest.push(p);
      else if (e.mode === "120000") out.set(p, { error: "is a symlink in the base commit (not followed)", code: "ELOOP" });
      else if (e.type !== "blob") out.set(p, { error: `is a ${e.type} in the base commit, not a file`, code: "EISDIR" });
      else out.set(p, blobs.get(e.oid) ?? { error: `blob ${e.oid} is missing from the object database`, code: "EMISSINGOBJ" });
    }
    if (rest.length) await this.readRest(rest, out, options);
    return out;
  }

  /**
   * Paths `ls-tree` did not list: under a folder that is a symlink in the commit, they are read
   * where the link leads in the commit (never through the checkout's link, which the pull
   * request sets); truly absent ones come from `fallback`.
   */
  private async readRest(rest: readonly string[], out: Map<string, ReadResult>, options: ReadOptions): Promise<void> {
    const resolved = await resolveCommitFolders(this.git, this.commit, rest);
    const absent: string[] = [];
    const linked = new Map<string, string>();
    for (const p of rest) {
      const r = resolved.get(p)!;
      if ("error" in r) out.set(p, { error: r.error, code: "ELOOP" });
      else if (r.path === p) absent.push(p);
      else linked.set(p, r.path);
    }
    if (linked.size) {
      const got = await this.read([...new Set(linked.values())], options);
      for (const [p, real] of linked) {
        const r = got.get(real);
        if (r !== undefined) out.set(p, r);
      }
    }
    if (absent.length) for (const [p, r] of await this.fallback.read(absent, options)) out.set(p, r);
  }
}
