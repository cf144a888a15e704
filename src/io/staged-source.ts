/**
 * The git index as the pre-commit hook needs it: the staged changes (from one `git diff-index`)
 * and their blobs, without listing every index entry. Whole-repository reads (list(), paths
 * that are not staged changes) fall back to the full IndexSource. Honours GIT_INDEX_FILE, which
 * git sets for `git commit -a` and `git commit <path>`: git inherits it from our environment.
 */
import path from "node:path";
import type { Git, IndexEntry } from "./git.js";
import {
  IndexSource,
  indexSymlink,
  OUTSIDE,
  SYMLINK,
  type FileSource,
  type ReadOptions,
  type ReadResult,
  DEFERRED_READ,
  tooLarge,
} from "./file-source.js";
import { catFileLimited, type LimitedItem, type LimitedRead } from "./cat-file-limited.js";
import { headLinks } from "./head-links.js";
import { LINK_LOOP, outsideMessage } from "./symlink-outside.js";
import { unchangedEntries } from "./head-unchanged.js";
import { worktreeCopies } from "./worktree-copies.js";
import { byFolder, inMemoryTexts, linkAliases } from "./link-aliases.js";
import { followLinks } from "./link-paths.js";

/**
 * Names that may be folders (no extension, or `.d`): only staged links named so are looked at
 * as folders, as in the working tree (src/io/linked-folders.ts).
 */
const MAYBE_FOLDER = /(?:^|\/)(?:[^./]+|[^/]*\.d)$/;

/** What a commit would change relative to HEAD (see StagedSource.changes). */
interface StagedDiff {
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
  /** Files reached through a staged link to a folder (`data/x.json`, data -> other): name -> the index entry read for it. */
  private readonly linked = new Map<string, IndexEntry>();
  /** Symlinks read so far: name -> real index path and link text (what followLinks resolves). */
  private readonly linkTexts = new Map<string, { real: string; text: Buffer }>();
  /** The staged tree's symlinks (treeLinks), read once. */
  private links: Promise<Map<string, string>> | undefined;

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
      const ita = await this.git.intentToAdd(all);
      for (const e of all) {
        if (ita.has(e.path)) continue;
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

  /**
   * The staged symlinks among the paths a commit would add or change. list() gives regular files
   * only; a tool that names every staged file (lint-staged) names these too, and each is checked
   * as its staged target (followLinks).
   */
  async stagedLinks(): Promise<Set<string>> {
    const out = new Set<string>();
    for (const [p, e] of (await this.load()).entries) if (e.mode === SYMLINK) out.add(p);
    return out;
  }

  /** Paths with an unresolved merge conflict in the index. */
  async unmergedPaths(): Promise<string[]> {
    return (await this.load()).unmerged;
  }

  list(): Promise<string[]> {
    return this.full.list();
  }

  async read(paths: readonly string[], options: ReadOptions = {}): Promise<Map<string, ReadResult>> {
    const diff = await this.load();
    const { entries } = diff;
    const known: IndexEntry[] = [];
    const others: string[] = [];
    for (const p of paths) {
      const e = entries.get(p) ?? this.linked.get(p);
      if (e) known.push(e.path === p ? e : { ...e, path: p });
      else others.push(p);
    }
    // Paths the commit leaves unchanged (a schema, a config file): HEAD's entry, no index read (head-unchanged.ts).
    const head = others.length ? await unchangedEntries(this.git, diff, others) : new Map<string, IndexEntry>();
    const unchanged = [...head.values()];
    const rest = others.filter((p) => !head.has(p));
    const out = new Map<string, ReadResult>();
    // The modes of the other paths, asked while git gives the sizes: `:path` alone would read a symlink's target as content.
    const restModes = rest.length ? this.git.lsStaged(rest) : Promise.resolve([]);
    restModes.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
    // Other paths (schemas, config files) as ":path" index lookups, then the staged changes by
    // blob id, in one git process and never a listing of the whole index. A staged blob over the
    // size limit is reported by the size git gives, never read (issue 14); past the byte budget
    // the rest wait for a later call. Symlinks are read for their target text only: never
    // followed (issue 14, item 6).
    const regular = known.filter((e) => e.mode === "100644" || e.mode === "100755" || e.mode === SYMLINK);
    // A small commit whose files (and unchanged schemas) the work tree holds byte for byte, each
    // verified by its object id: no git process at all (src/io/worktree-copies.ts says why).
    const copies =
      rest.length === 0
        ? worktreeCopies(this.git.root, [...regular, ...unchanged], { maxBytes: options.maxBytes, budget: options.maxTotalBytes })
        : undefined;
    if (copies) {
      [...regular, ...unchanged].forEach((e, i) => out.set(e.path, copies[i]!));
      return out;
    }
    const items: LimitedItem[] = [
      ...rest.map((p) => ({ name: ":" + p, limit: "always" as const })),
      ...regular.map((e) => ({ name: e.oid, limit: e.mode === SYMLINK ? ("deferrable" as const) : ("sized" as const) })),
      ...unchanged.map((e) => ({ name: e.oid, limit: "always" as const })),
    ];
    const [reads, restEntries] = await Promise.all([
      catFileLimited(this.git, items, {
        ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
        ...(options.maxTotalBytes !== undefined ? { budget: options.maxTotalBytes } : {}),
      }),
      restModes,
    ]);
    regular.forEach((e, i) => {
      const r = reads[rest.length + i];
      if (r && "data" in r && e.mode === SYMLINK) out.set(e.path, this.symlink(e.path, this.linked.get(e.path)?.path ?? e.path, r.data));
      else out.set(e.path, this.blobResult(e, r));
    });
    const links = new Set(restEntries.filter((e) => e.stage === 0 && e.mode === SYMLINK).map((e) => e.path));
    // An intent-to-add entry (`git add -N`) is no part of the commit: absent, not an empty file
    // (a git process only when one of these paths holds the empty blob).
    const ita = await this.git.intentToAdd(restEntries);
    rest.forEach((p, i) => {
      if (ita.has(p)) return;
      const r = reads[i];
      if (r && "data" in r) out.set(p, links.has(p) ? this.symlink(p, p, r.data) : r.data);
    });
    unchanged.forEach((e, i) => {
      const r = reads[rest.length + regular.length + i];
      if (r && "data" in r) out.set(e.path, e.mode === SYMLINK ? this.symlink(e.path, e.path, r.data) : r.data);
    });
    return out;
  }

  /** The read result of a staged blob as catFileLimited gave it. */
  private blobResult(e: IndexEntry, r: LimitedRead): ReadResult {
    if (!r) return { error: `blob ${e.oid} is missing from the object database (repository corruption)`, code: "EMISSINGOBJ" };
    if ("tooLarge" in r) return tooLarge(r.tooLarge);
    if ("deferred" in r) return DEFERRED_READ;
    return r.data;
  }

  /** The read result of a staged symlink named `name` (at `real` in the index); its text is kept for followLinks. */
  private symlink(name: string, real: string, text: Buffer): ReadResult {
    this.linkTexts.set(name, { real, text });
    const result = indexSymlink(this.git.root, real, text);
    if (name === real || Buffer.isBuffer(result) || result.code !== OUTSIDE) return result;
    return { error: outsideMessage(name, real).message, code: OUTSIDE, link: real };
  }

  /**
   * The symlinks of the tree the commit would hold: HEAD's links the commit leaves as they are
   * (from head-links.ts's cache) and the staged ones, path -> link text (an absolute text inside
   * the repository made relative, as the working tree's readers reach it). Read once; no git
   * process unless a link is staged (or HEAD's list is not cached yet).
   */
  private treeLinks(): Promise<Map<string, string>> {
    this.links ??= (async () => {
      const { entries, deleted, unborn } = await this.load();
      const out = new Map<string, string>();
      // On an unborn branch every index entry, links included, is a staged change: no HEAD to ask.
      const head = unborn ? undefined : await headLinks(this.git);
      const gone = new Set(deleted);
      if (head) for (const [p, t] of head) if (!entries.has(p) && !gone.has(p)) out.set(p, this.linkText(p, t));
      const staged = [...entries.values()].filter((e) => e.mode === SYMLINK);
      if (staged.length) {
        const texts = await this.git.readBlobs(staged.map((e) => e.oid));
        for (const e of staged) {
          const t = texts.get(e.oid);
          if (t) out.set(e.path, this.linkText(e.path, t));
        }
      }
      return out;
    })();
    return this.links;
  }

  /** A link's text for followLinks: an absolute path inside the repository becomes relative to the link's folder. */
  private linkText(at: string, text: Buffer): string {
    const t = text.toString("utf8");
    if (!path.posix.isAbsolute(t) && !path.isAbsolute(t)) return t;
    const rel = path.relative(this.git.root, t);
    if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) return t; // followLinks reports it as outside
    return path.posix.relative(path.posix.dirname(at), rel.split(path.sep).join("/")) || ".";
  }

  /**
   * Replace in `contents` the staged symlinks among `paths` that read() left unfollowed (inside
   * the repository) by what they lead to in the index: a regular file's staged content (checked
   * under the link's name), or an OUTSIDE result when a link on the way leaves the repository.
   * A staged link that loops (or passes more than 40 links) becomes an ESYMLINKLOOP read error
   * (parse/unreadable); dangling links, links to folders and loops the commit leaves alone stay
   * as they are (not checked, as in the working tree). Resolved by followLinks over the staged tree's links; no git process unless such a
   * link is among them.
   */
  async followLinks(contents: Map<string, ReadResult>, paths: readonly string[], options: ReadOptions = {}): Promise<void> {
    const asked = paths.filter((p) => {
      const c = contents.get(p);
      return c !== undefined && !Buffer.isBuffer(c) && c.code === "ELOOP" && this.linkTexts.has(p);
    });
    if (asked.length === 0) return;
    const tree = new Map(await this.treeLinks());
    for (const { real, text } of this.linkTexts.values()) if (!tree.has(real)) tree.set(real, this.linkText(real, text));
    const texts = inMemoryTexts(tree);
    const ends = new Map<string, string>();
    const { entries } = await this.load();
    for (const p of asked) {
      const { real } = this.linkTexts.get(p)!;
      const walk = await followLinks(texts, real);
      if ("path" in walk) ends.set(p, walk.path);
      else if (walk.error === "outside") contents.set(p, { error: outsideMessage(p, walk.link).message, code: OUTSIDE, link: walk.link });
      // A staged link whose links go round (or pass more than 40): the commit leaves a selected
      // name no reader can open (ELOOP), an existing data file among them. The repository's own
      // loops the commit leaves alone stay skipped.
      else if (entries.get(real)?.mode === SYMLINK) contents.set(p, { error: LINK_LOOP, code: "ESYMLINKLOOP" });
    }
    const found = await this.regularEntries(new Set(ends.values()));
    const files: IndexEntry[] = [];
    for (const [p, end] of ends) {
      const e = found.get(end);
      if (e) files.push({ ...e, path: p });
    }
    if (files.length === 0) return;
    const reads = await catFileLimited(
      this.git,
      files.map((e) => ({ name: e.oid, limit: "sized" as const })),
      options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {},
    );
    files.forEach((e, i) => contents.set(e.path, this.blobResult(e, reads[i])));
  }

  /**
   * The stage-0 regular files of the commit at `paths` (exactly), and under `folders`: the staged
   * changes from the diff, the rest from one `git ls-files -s` (only when some are not staged changes).
   */
  private async regularEntries(paths: ReadonlySet<string>, folders: ReadonlySet<string> = new Set()): Promise<Map<string, IndexEntry>> {
    const { entries } = await this.load();
    const out = new Map<string, IndexEntry>();
    const ask: string[] = [...folders];
    for (const p of paths) {
      const e = entries.get(p);
      if (e) {
        if (isRegular(e.mode)) out.set(p, e);
      } else ask.push(p);
    }
    if (ask.length === 0) return out;
    for (const e of await this.git.lsCommitted(ask)) {
      if (e.stage !== 0 || !isRegular(e.mode)) continue;
      let inFolder = false;
      for (let i = e.path.lastIndexOf("/"); i > 0 && !inFolder; i = e.path.lastIndexOf("/", i - 1))
        inFolder = folders.has(e.path.slice(0, i));
      if (paths.has(e.path) || inFolder) out.set(e.path, entries.get(e.path) ?? e);
    }
    return out;
  }

  /**
   * `paths` (staged changes) plus every other name through which readers reach, by symlinks of
   * the staged tree, a file the commit changes or a file a staged link newly leads to:
   * `data/state.json` for an unchanged `data/state.json -> ../other/t.json` when other/t.json is
   * staged, `data/lnk/x.json` for a staged `data/lnk -> ../real`, `data/sub/inner/x.json` through
   * data/sub -> ../other and other/inner -> ../real. `data/*.json`'s schema must judge them as the
   * working-tree check does. Each is read back by read() as the file it reaches. All names come
   * from linkAliases (followLinks over the staged tree's links, in memory); links to folders are
   * expanded only when named like folders, as in the working tree. No git process when the tree
   * has no link (HEAD's links come from a cache, head-links.ts).
   */
  async withLinkedFolders(paths: readonly string[]): Promise<string[]> {
    const { entries } = await this.load();
    const changed = new Map<string, IndexEntry>();
    const stagedLinks: string[] = [];
    for (const p of paths) {
      const e = entries.get(p);
      if (e && isRegular(e.mode)) changed.set(p, e);
      else if (e?.mode === SYMLINK) stagedLinks.push(p);
    }
    if (changed.size === 0 && stagedLinks.length === 0) return [...paths];
    const links = await this.treeLinks();
    if (links.size === 0) return [...paths];
    const texts = inMemoryTexts(links);
    // What the staged links lead to, and on through the links inside the folders they lead to:
    // files readers now reach by a new name though their content is unchanged.
    const reachedFiles = new Set<string>();
    const reachedFolders = new Set<string>();
    const linksUnder = stagedLinks.length ? byFolder(links.keys()) : new Map<string, string[]>();
    const todo = [...stagedLinks];
    while (todo.length > 0) {
      const link = todo.pop()!;
      const walk = await followLinks(texts, link);
      if (!("path" in walk)) continue;
      const end = walk.path;
      if (!MAYBE_FOLDER.test(link) || link.startsWith(end + "/")) {
        reachedFiles.add(end);
        continue;
      }
      if (reachedFolders.has(end)) continue;
      reachedFolders.add(end);
      todo.push(...(linksUnder.get(end) ?? []));
    }
    const targets = new Map(changed);
    if (reachedFiles.size || reachedFolders.size)
      for (const [p, e] of await this.regularEntries(reachedFiles, reachedFolders)) if (!targets.has(p)) targets.set(p, e);
    const staged = new Set(stagedLinks);
    const out = [...paths];
    const listed = new Set(paths);
    for (const [name, real] of await linkAliases(links, new Set(targets.keys()), MAYBE_FOLDER)) {
      if (listed.has(name) || entries.has(name)) continue;
      // An unchanged file under a name that passes no staged link is no part of this commit.
      if (!changed.has(real)) {
        const walk = await followLinks(texts, name);
        if (!("hops" in walk) || !walk.hops.some((h) => staged.has(h))) continue;
      }
      this.linked.set(name, targets.get(real)!);
      listed.add(name);
      out.push(name);
    }
    return out;
  }
}

function isRegular(mode: string): boolean {
  return mode === "100644" || mode === "100755";
}
