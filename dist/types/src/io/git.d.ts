import { type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import { CatFileSession } from "./cat-file-session.js";
interface ExecOptions {
    /** Bytes written to git's stdin. */
    input?: string | Buffer;
    /** Extra environment (merged over process.env less what children must not see: child-env.ts). */
    env?: NodeJS.ProcessEnv;
    /** Exit codes that are not failures (default [0]). */
    okCodes?: number[];
    cwd?: string;
    /** git's stdout goes nowhere (stdout of the result is empty): output only git's own work needs. */
    discardStdout?: boolean;
    /**
     * Expected bytes of stdout: it is gathered into one buffer of this size (grown when short)
     * instead of a list of pipe chunks joined at the end, which held the output twice at once.
     */
    stdoutSizeHint?: number;
}
interface ExecResult {
    stdout: Buffer;
    stderr: string;
    code: number;
}
export interface IndexEntry {
    mode: string;
    oid: string;
    /** 0 normally; 1-3 for an unresolved merge conflict. */
    stage: number;
    path: string;
}
/**
 * Split NUL-terminated output: "a\0b\0" -> ["a", "b"]. Names that are not valid UTF-8 are
 * decoded losslessly (core/names.ts decodeName), never into U+FFFD: a lossy name would read
 * another file, or none, and the file would be skipped silently (issue 14).
 */
export declare function splitZ(out: Buffer | string): string[];
export declare class Git {
    /** Absolute path of the work tree's top level. */
    readonly root: string;
    /** Absolute path of this work tree's git dir (.git, or .git/worktrees/x). */
    readonly gitDir: string;
    /** Absolute path of the common git dir (shared by worktrees). */
    readonly commonDir: string;
    private constructor();
    /** Open the repository containing `cwd`; EnvironmentError (exit 2) when there is none. */
    static open(cwd: string): Promise<Git>;
    /** Run git in the work tree; throws GitError on an exit code not in okCodes. */
    exec(args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
    /** Folder for machine-local state (stat cache, locks, compiled schemas), never committed. */
    stateDir(): string;
    /** Entries of the index that GIT_INDEX_FILE (or .git/index) names. */
    lsStaged(pathspecs?: readonly string[]): Promise<IndexEntry[]>;
    /**
     * lsStaged without intent-to-add entries (`git add -N`): what a commit of this index holds.
     * Costs a second git process only when an entry holds the empty blob.
     */
    lsCommitted(pathspecs?: readonly string[]): Promise<IndexEntry[]>;
    /**
     * Paths with an unresolved merge conflict: index entries at stage 1-3 (a merge, cherry-pick,
     * revert, rebase, `stash pop`, `checkout -m` or `am -3` that stopped), each path once.
     * Sample `ls-files -u -z` record: "100644 <oid> 2\tdata/a.json\0".
     */
    unmergedPaths(): Promise<string[]>;
    /** Tracked and untracked-but-not-ignored files of the work tree (repo-relative). */
    lsWorktree(): Promise<string[]>;
    /**
     * Paths whose staged content differs from HEAD (added, copied, modified, renamed, type-changed).
     * On an unborn branch every staged path counts.
     */
    stagedChanges(): Promise<string[]>;
    /** The object id a revision names, or undefined when it does not exist. Never throws. */
    tryRevParse(rev: string): Promise<string | undefined>;
    /** The shared `cat-file --batch-command` of withCatFileSession, while one is open. */
    private session;
    /**
     * Run `fn` with one `git cat-file --batch-command` process (started on the first read, if any)
     * answering its readBlobs, catFileBatch and catFileLimited calls: the hook's manifest check
     * reads in four or five dependent rounds, each a process of its own before (cat-file-session.ts).
     */
    withCatFileSession<T>(fn: () => Promise<T>): Promise<T>;
    /**
     * `ask` through the open session; undefined when none is open, it was closed meanwhile, or this
     * git has no --batch-command (the session is then dropped): the caller asks a process of its own.
     */
    viaSession<T>(ask: (s: CatFileSession) => Promise<T>): Promise<T | undefined>;
    /**
     * Read many blobs in one `git cat-file --batch` process. Returns oid -> content; an oid git
     * reports missing is absent from the map.
     */
    readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>>;
    /**
     * Index entries with their `ls-files -v` tag: "H" is a normal cached file; a lower-case tag
     * (assume-unchanged) or "S" (skip-worktree) means git will not notice worktree edits, so the
     * manifest must not trust git for that file.
     * Sample: "H 100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tdata/a.json\0"
     */
    lsIndexTagged(pathspecs?: readonly string[]): Promise<(IndexEntry & {
        tag: string;
    })[]>;
    /** The index file git reads here: GIT_INDEX_FILE (relative to the work tree, where git runs) or the repository's. */
    indexFile(): string;
    /**
     * The raw bytes of `git ls-files -s -v -z` (the layout lsIndexTagged parses), for a reader that
     * keeps them packed instead of one object per entry (io/hash/tracked.ts).
     */
    lsIndexRaw(): Promise<Buffer>;
    /**
     * Tracked paths whose work-tree file may differ from the index (content, mode, type, or just
     * stale stat info: git does not refresh the index here, so this can over-report, never
     * under-report). Read-only: unlike `git status`, it never writes the index.
     * Every stat field is compared whatever the repository's config says: with
     * `core.trustctime=false` or `core.checkStat=minimal`, a file rewritten with its old size and
     * `touch -d` back to its old mtime looked clean to git, and verify, seal and check took its
     * old hash from the cache (test/adversarial/racy-stat-cache.test.ts). A ctime that changes
     * without an edit then only costs a re-hash. `core.fsmonitor` is off for the same reason: git
     * then skips the stat of every file its monitor calls unchanged, and a write the monitor never
     * saw (another host on NFS, a container's bind mount, a daemon that missed an event) passed
     * verify (test/adversarial/git-index-states.test.ts).
     */
    worktreeChangedPaths(): Promise<string[]>;
    /**
     * The blob id each work-tree file at `paths` would be stored as by `git add` (its bytes read
     * now, through the checkout conversion its path has: eol, autocrlf, clean filters), written
     * nowhere. Content, not stat info: a file rewritten with its old stat is seen. Names that
     * `--stdin-paths` cannot carry (CR, newline, a leading `"`) and names that are not UTF-8 are
     * left out, as are files git could not read.
     */
    cleanedBlobIds(paths: readonly string[]): Promise<Map<string, string>>;
    /**
     * Sizes of blobs (one `cat-file --batch-check`), so callers can read big blobs a few at a time.
     * Sample line: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 blob 0"; a missing object is absent.
     */
    blobSizes(oids: readonly string[]): Promise<Map<string, number>>;
    /**
     * Type and size of each name (`:path` for a stage-0 index entry), in order, from one
     * `git cat-file --batch-check`; undefined where git says missing (a folder is no index
     * entry). Names with a newline are reported missing without asking git.
     * Sample output: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 blob 0\n:data missing\n".
     */
    batchCheck(names: readonly string[]): Promise<({
        oid: string;
        type: string;
        size: number;
    } | undefined)[]>;
    /**
     * The value of attribute `name` for each of `paths` (`set`, `unset`, `unspecified` or its
     * value), from one `git check-attr`: the work tree's .gitattributes, or the index's with
     * `cached` (what a commit of the index holds). Names git cannot take on stdin are left out.
     * Sample output (-z): "data/a.json\0filter\0lfs\0".
     */
    attribute(name: string, paths: readonly string[], cached: boolean): Promise<Map<string, string>>;
    /**
     * The value of attribute `name` for each of `paths` as `commit`'s own .gitattributes files set
     * it (git 2.39 has no `check-attr --source`): the commit's .gitattributes on each path's
     * folders (symlinked ones are ignored, as git does) go into a temporary index at `indexFile`
     * (never the user's index), which `check-attr --cached` reads. $GIT_DIR/info/attributes and
     * core.attributesFile apply as for any check-attr.
     */
    attributeAt(commit: string, name: string, paths: readonly string[], indexFile: string): Promise<Map<string, string>>;
    /** Paths deleted in the index relative to HEAD (none on an unborn branch). */
    stagedDeletions(): Promise<string[]>;
    /**
     * Which of `paths` (repo-relative work-tree files) git ignores (.gitignore, info/exclude,
     * core.excludesFile). Tracked files are never ignored. One `ls-files --others --ignored`
     * limited to the top-level entries that hold `paths` (check-ignore of every path cost 1 s of
     * CPU for 10,000 files; `--directory` would be cheaper still, but it reports a folder that
     * holds only ignored files as ignored as a whole, which is not what .gitignore says).
     */
    ignoredPaths(paths: readonly string[]): Promise<Set<string>>;
    /**
     * Write the files at `paths` (repo-relative) as blobs, byte for byte: `--no-filters` keeps
     * eol/clean filters from changing what is stored. Returns the oids in input order.
     */
    hashFilesAsBlobs(paths: readonly string[]): Promise<string[]>;
    /**
     * Write many blobs in one pack with `git fast-import` (one pack file instead of thousands of
     * loose objects, and the bytes are exactly those we hashed: no second read of the file).
     * Returns the oids in input order, read from the exported marks. `marksFile` is a scratch path.
     */
    writeBlobsPacked(contents: readonly Buffer[], marksFile: string): Promise<string[]>;
    /**
     * Store a pack stream with `git index-pack --stdin`: git checks the stream, computes every
     * object's id itself and writes the .pack and .idx (a blob we named wrongly is then simply
     * absent, which write-tree and the read-back report).
     */
    storePack(pack: Buffer): Promise<void>;
    /**
     * The repository's object format: "sha1" or "sha256". Only extensions.objectFormat in the
     * repository's own config file can make it other than sha1 (git reads repository extensions
     * from no other file), so git is asked only when that file names it.
     */
    objectFormat(): Promise<string>;
    /**
     * readBlobs with `cat-file --batch --buffer`: git fills its output buffer instead of flushing
     * after every object, so thousands of small blobs arrive in far fewer pipe reads.
     * Output per object: "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
     */
    readBlobsBuffered(oids: readonly string[]): Promise<Map<string, Buffer>>;
    /** Write `content` as an object of `type` (default blob) and return its oid. */
    hashObject(content: string | Buffer, type?: "blob" | "commit"): Promise<string>;
    /**
     * Build a tree from entries through a temporary index (`GIT_INDEX_FILE` = `indexFile`, which
     * must not be the user's index): update-index --index-info, then write-tree.
     */
    writeTreeFromEntries(entries: readonly {
        mode: string;
        oid: string;
        path: string;
    }[], indexFile: string): Promise<string>;
    /**
     * `git commit-tree`; `configArgs` are `-c k=v` pairs placed before the verb (signing setup),
     * `sign` adds -S (signing key from user.signingkey) or --no-gpg-sign.
     */
    commitTree(options: {
        tree: string;
        parents: readonly string[];
        message: string;
        sign: boolean;
        configArgs?: readonly string[];
        env?: NodeJS.ProcessEnv;
    }): Promise<string>;
    /**
     * Move `ref` to `next` only if it still points at `expected` (40 zeros: must not exist yet).
     * Returns false when someone else moved it first; throws on any other failure.
     */
    updateRefCas(ref: string, next: string, expected: string, reason: string): Promise<boolean>;
    /** Delete `ref` only if it still points at `expected`. */
    deleteRefCas(ref: string, expected: string): Promise<boolean>;
    /** Refs under `prefix` with their oids. Sample line: "refs/x/y\0<oid>\n" (format with %00). */
    listRefs(prefix: string): Promise<{
        ref: string;
        oid: string;
    }[]>;
    /**
     * Every blob of a commit's tree, recursively. Sample: "100644 blob <oid>\t<path>\0".
     * Trees git itself would refuse (".." entries) are reported as they are; callers check paths.
     */
    lsTreeBlobs(treeish: string): Promise<{
        mode: string;
        type: string;
        oid: string;
        path: string;
    }[]>;
    /**
     * lsTreeBlobs's records one at a time as git writes them, never the whole listing in memory (a
     * restore of 500,000 files walks it twice). Throws GitError as exec does when git fails.
     */
    lsTreeStream(treeish: string): AsyncGenerator<{
        mode: string;
        type: string;
        oid: string;
        path: string;
    }>;
    /**
     * One blob's bytes in a buffer of their size (`cat-file -s`, then `cat-file blob`): a 70 MB
     * manifest is not gathered in pieces and copied into one at the end. Undefined when git cannot
     * give it (the caller's batch reader then names why).
     */
    readBlobExact(oid: string): Promise<Buffer | undefined>;
    /**
     * The first-parent chain from `rev`, newest first: id, parents, committer time (s), message.
     * Read with `--format=%H%x1f%P%x1f%ct%x1f%B` and -z (records end in NUL).
     */
    logChain(rev: string, max?: number): Promise<{
        id: string;
        parents: string[];
        time: number;
        message: string;
    }[]>;
    /** The raw bytes of a commit object (to read the signature header). */
    readCommitObject(oid: string): Promise<Buffer>;
    /** `git verify-commit --raw`: never throws for a bad signature; the caller reads code and output. */
    verifyCommitRaw(oid: string, configArgs: readonly string[], env?: NodeJS.ProcessEnv): Promise<ExecResult>;
    /** Fetch `remoteRef` from `remote` into the local ref `localRef` (forced: it is our private tracking ref). Returns false when the remote has no such ref. */
    fetchRef(remote: string, remoteRef: string, localRef: string): Promise<boolean>;
    /** The URL of remote `name`, or undefined when no such remote is configured. Never throws. */
    tryRemoteUrl(name: string): Promise<string | undefined>;
    /**
     * The remote's refs matching `patterns` (ls-remote's tail match, globs allowed), without
     * fetching anything (`remote` must not start with "-"). Throws GitError when the remote cannot be read (offline, no access).
     * Sample line: "<oid>\trefs/heads/integrity-snapshots\n". Never prompts for credentials.
     */
    lsRemote(remote: string, patterns: readonly string[]): Promise<{
        ref: string;
        oid: string;
    }[]>;
    /** Fetch exactly these refspecs from `remote` (no tags, no FETCH_HEAD); throws GitError on failure. */
    fetchRefspecs(remote: string, refspecs: readonly string[]): Promise<void>;
    /** True when commit `a` is `b` or an ancestor of it (`merge-base --is-ancestor`). Never throws. */
    isAncestor(a: string, b: string): Promise<boolean>;
    /**
     * Push refspecs without force (a `+` is never added). Extra args (e.g. --force-with-lease=ref:oid
     * for an epoch rollover) are passed through. Returns rejected=true when the remote refused an
     * update (someone else pushed first); throws on anything else.
     */
    pushRefs(remote: string, refspecs: readonly string[], extraArgs?: readonly string[]): Promise<{
        ok: boolean;
        rejected: boolean;
        message: string;
    }>;
    /** The committer identity git would use, or undefined when none is configured. Never throws. */
    tryCommitterIdent(): Promise<string | undefined>;
    /**
     * Commits reachable from `branchRef` and the refs under `extraPrefix` (closed snapshot epochs),
     * newest first, at most `max`: id, committer time (ISO) and message. Empty when none exist.
     * Read with `--format=%H%x1f%cI%x1f%B` and -z. Sample record: "<oid>\x1f2026-11-26T13:40:00+00:00\x1fsnapshot hourly…\0".
     */
    snapshotCommitLog(branchRef: string, extraPrefix: string, max?: number): Promise<{
        id: string;
        time: string;
        message: string;
    }[]>;
    /** Work-tree paths that differ from HEAD or are untracked (not ignored), repo-relative. */
    changedPaths(): Promise<{
        path: string;
        untracked: boolean;
    }[]>;
    /** Create branch `name` at HEAD and switch to it (fails if it exists: never clobber a branch). */
    createBranch(name: string): Promise<void>;
    /** Stage exactly `paths` (additions, changes, deletions) and commit them; returns the commit id. */
    commitPaths(paths: readonly string[], message: string, env?: NodeJS.ProcessEnv): Promise<string>;
    /** Push `ref` (a branch name) to `remote` under the same name; never forces. */
    pushBranch(remote: string, branch: string): Promise<void>;
    /** The current branch name, or undefined on a detached HEAD. */
    currentBranch(): Promise<string | undefined>;
    /**
     * What a commit would change, in one git process: staged entries that differ from HEAD
     * (with their staged mode and blob id), unmerged paths and deleted paths. Lets the hook read only the
     * staged blobs instead of listing the whole index. Undefined on an unborn branch (no HEAD).
     * Sample `diff-index --cached -z` record: ":100644 100644 <old> <new> M\0data/a.json\0".
     */
    stagedIndexChanges(): Promise<{
        entries: IndexEntry[];
        unmerged: string[];
        deleted: string[];
    } | undefined>;
    /**
     * Which of `entries` (index entries holding the empty blob) are intent-to-add (`git add -N`):
     * git commit leaves those out. Asked where the hook lists the whole index (an unborn branch, a
     * reseal): one `git diff-index` against the empty tree, which does not list them.
     */
    intentToAdd(entries: readonly IndexEntry[]): Promise<Set<string>>;
    /**
     * Read objects by name in one `git cat-file --batch`, in order: blob ids, or `:path` for the
     * stage-0 index entry of a path (GIT_INDEX_FILE honoured). Undefined where git says "missing"
     * (no such entry, or an unmerged path). Names must not contain a newline (batch input is
     * line-based); such names are reported missing without asking git.
     */
    catFileBatch(names: readonly string[]): Promise<(Buffer | undefined)[]>;
    /**
     * A git process whose output the caller reads as a stream and may stop (cat-file-limited.ts);
     * environment and folder as exec's.
     */
    spawnStreaming(args: readonly string[]): ChildProcessByStdio<Writable, Readable, Readable>;
    /**
     * core.hooksPath and the scope that sets it (local, worktree, global, system, command), or
     * undefined when unset. Output of `git config --show-scope --null --get`: "local\0.husky/_\0".
     */
    hooksPathSetting(): Promise<{
        value: string;
        scope: string;
    } | undefined>;
    /** True when `rev` names a commit present in the object database (no fetch). Never throws. */
    hasCommit(rev: string): Promise<boolean>;
    /**
     * `git fetch --no-tags --depth=1 <remote> <sha>`: one commit (a pull request's base, absent
     * from a shallow checkout). Returns undefined on success, else git's message. Never throws.
     */
    tryFetchCommit(remote: string, sha: string): Promise<string | undefined>;
    /**
     * The entries of `commit`'s tree at exactly these paths (literal; a path below a symlink or
     * absent is not listed). Sample of `git ls-tree -z --full-tree`: "120000 blob <oid>\tcfg.yml\0".
     */
    lsTreeAt(commit: string, paths: readonly string[]): Promise<{
        mode: string;
        type: string;
        oid: string;
        path: string;
    }[]>;
    /** Absolute folder git runs hooks from (honours core.hooksPath, relative to the work tree top). */
    hooksDir(): Promise<string>;
}
export {};
