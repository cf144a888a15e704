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
import { resolveStagedLinks, resolveInMemory } from "./staged-links.js";
import { outsideMessage } from "./symlink-outside.js";
import { unchangedEntries } from "./head-unchanged.js";
import { worktreeCopies } from "./worktree-copies.js";
import { linkAliases } from "./link-aliases.js";

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
   * Replace in `contents` the staged symlinks among `paths` that read() left unfollowed (inside
   * the repository) by what they lead to in the index: a regular file's staged content (checked
   * under the link's name), or an OUTSIDE result when a link on the way leaves the repository.
   * Dangling links, loops and links to folders stay as they are (not checked, as in the working
   * tree). No git process unless such a link is among them.
   */
  async followLinks(contents: Map<string, ReadResult>, paths: readonly string[], options: ReadOptions = {}): Promise<void> {
    const asked = paths.filter((p) => {
      const c = contents.get(p);
      return c !== undefined && !Buffer.isBuffer(c) && c.code === "ELOOP" && this.linkTexts.has(p);
    });
    if (asked.length === 0) return;
    const ends = await resolveStagedLinks(
      this.git,
      asked.map((p) => ({ path: this.linkTexts.get(p)!.real, text: this.linkTexts.get(p)!.text })),
    );
    const files: IndexEntry[] = [];
    asked.forEach((p, i) => {
      const end = ends[i]!;
      if (end.kind === "file") files.push({ ...end.entry, path: p });
      else if (end.kind === "outside") contents.set(p, { error: outsideMessage(p, end.link).message, code: OUTSIDE, link: end.link });
    });
    if (files.length === 0) return;
    const reads = await catFileLimited(
      this.git,
      files.map((e) => ({ name: e.oid, limit: "sized" as const })),
      options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {},
    );
    files.forEach((e, i) => contents.set(e.path, this.blobResult(e, reads[i])));
  }

  /**
   * `paths` (staged changes) plus, for each staged symlink among them that leads to a folder of
   * the index, that folder's files named through the link (`data/x.json` for data -> other):
   * readers reach them so, and `data/*.json`'s schema must judge them. Read back by read().
   * Links named like files (`v1.2`) are not looked at, as in the working tree; nor are links
   * inside the linked folder. No git process unless such a link is staged.
   */
  async withLinkedFolders(paths: readonly string[]): Promise<string[]> {
    const { entries } = await this.load();
    const links = paths.map((p) => entries.get(p)).filter((e): e is IndexEntry => e?.mode === SYMLINK && MAYBE_FOLDER.test(e.path));
    const behind = await this.behindCommittedLinks(paths);
    if (links.length === 0) return behind.length ? [...paths, ...behind.filter((p) => !paths.includes(p))] : [...paths];
    const texts = await this.git.readBlobs(links.map((e) => e.oid));
    const known = links.filter((e) => texts.has(e.oid));
    const ends = await resolveStagedLinks(
      this.git,
      known.map((e) => ({ path: e.path, text: texts.get(e.oid)! })),
    );
    const out = [...paths];
    const listed = new Set(paths);
    known.forEach((link, i) => {
      const end = ends[i]!;
      // A link to one of its own ancestors would list the tree under itself again.
      if (end.kind !== "folder" || link.path.startsWith(end.path + "/")) return;
      for (const e of end.entries) {
        const name = `${link.path}/${e.path.slice(end.path.length + 1)}`;
        if (listed.has(name)) continue;
        listed.add(name);
        this.linked.set(name, e);
        out.push(name);
      }
    });
    for (const name of behind) if (!listed.has(name)) out.push(name);
    return out;
  }

  /**
   * Names through which readers reach the staged regular files among `paths` by a link that
   * the commit leaves as it is (committed earlier): `data/state.json` for an unchanged
   * `data/state.json -> ../other/t.json` when other/t.json is staged, `data/lnk/x.json` for an
   * unchanged `data/lnk -> ../real` when real/x.json is. Each is read back by read() as the
   * staged file. HEAD's links come from a cache (head-links.ts); each is resolved in memory
   * against the links of the staged tree first, and only a link that may lead to a staged file
   * is resolved against the index. Links to folders are expanded only when named like folders,
   * as in the working tree. Names through more than one link (`data/sub/inner/x.json` for
   * data/sub -> ../other, other/inner -> ../real), committed or staged, come from linkAliases.
   */
  private async behindCommittedLinks(paths: readonly string[]): Promise<string[]> {
    const { entries, deleted, unborn } = await this.load();
    const changed = new Set(
      paths.filter((p) => {
        const m = entries.get(p)?.mode;
        return m === "100644" || m === "100755";
      }),
    );
    if (changed.size === 0) return [];
    // On an unborn branch every index entry, links included, is a staged change: no HEAD to ask.
    const head = unborn ? undefined : await headLinks(this.git);
    const gone = new Set(deleted);
    const unchanged = head ? [...head.keys()].filter((p) => !entries.has(p) && !gone.has(p)) : [];
    const stagedLinks = [...entries.values()].filter((e) => e.mode === SYMLINK);
    // No link in the staged tree: nothing reaches a staged file by another name (no git process).
    if (unchanged.length === 0 && stagedLinks.length === 0) return [];
    // The links of the staged tree: HEAD's unchanged ones and the staged ones.
    const all = new Map<string, Buffer>();
    for (const p of unchanged) all.set(p, head!.get(p)!);
    if (stagedLinks.length) {
      const texts = await this.git.readBlobs(stagedLinks.map((e) => e.oid));
      for (const e of stagedLinks) {
        const t = texts.get(e.oid);
        if (t) all.set(e.path, t);
      }
    }
    const folders = new Set<string>();
    for (const p of changed) for (let q = path.posix.dirname(p); q !== "."; q = path.posix.dirname(q)) folders.add(q);
    const candidates = unchanged.filter((p) => {
      const end = resolveInMemory(this.git.root, p, all);
      return end !== undefined && (changed.has(end) || (folders.has(end) && MAYBE_FOLDER.test(p)));
    });
    const ends = candidates.length
      ? await resolveStagedLinks(
          this.git,
          candidates.map((p) => ({ path: p, text: all.get(p)! })),
        )
      : [];
    const out = new Set<string>();
    candidates.forEach((link, i) => {
      const end = ends[i]!;
      if (end.kind === "file" && changed.has(end.entry.path)) {
        this.linked.set(link, end.entry);
        out.add(link);
      } else if (end.kind === "folder" && !link.startsWith(end.path + "/")) {
        for (const e of end.entries) {
          if (!changed.has(e.path)) continue;
          const name = `${link}/${e.path.slice(end.path.length + 1)}`;
          this.linked.set(name, e);
          out.add(name);
        }
      }
    });
    // Names through more than one link on the way (a folder link inside a linked folder, a file
    // link seen through a folder link), committed or staged: the walk above follows one folder
    // link only. Resolved in memory over the staged tree's links by followLinks; each reads
    // back as the staged entry it reaches.
    const texts = new Map([...all].map(([p, t]) => [p, t.toString("utf8")] as const));
    for (const [name, real] of await linkAliases(texts, changed, MAYBE_FOLDER)) {
      if (out.has(name) || entries.has(name)) continue;
      this.linked.set(name, entries.get(real)!);
      out.add(name);
    }
    return [...out];
  }
}
