export const id = 417;
export const ids = [417];
export const modules = {

/***/ 1417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readFromNewestSnapshot: () => (/* binding */ readFromNewestSnapshot)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/load.ts + 4 modules
var load = __webpack_require__(9092);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/io/git.ts
/**
 * The one class that runs git. Argv arrays only (no shell), output read in -z/porcelain form,
 * exit codes checked explicitly. We spawn git directly rather than through simple-git: the hook
 * and snapshots need stdin streaming (cat-file --batch, mktree, commit-tree, update-index
 * --index-info), the inherited GIT_INDEX_FILE must reach git untouched (git sets it for
 * `commit -a` / `commit <path>`), and every extra module costs the hook start-up time.
 */



/** Split NUL-terminated output: "a\0b\0" -> ["a", "b"]. */
function splitZ(out) {
    const s = typeof out === "string" ? out : out.toString("utf8");
    const parts = s.split("\0");
    if (parts.length > 0 && parts[parts.length - 1] === "")
        parts.pop();
    return parts;
}
/**
 * Parse `git ls-files -s -z`: "<mode> <oid> <stage>\t<path>\0".
 * Sample: "100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tdata/a.json\0"
 */
function parseLsFilesStage(out) {
    return splitZ(out).map((rec) => {
        const tab = rec.indexOf("\t");
        const [mode, oid, stage] = rec.slice(0, tab).split(" ");
        return { mode: mode, oid: oid, stage: Number(stage), path: rec.slice(tab + 1) };
    });
}
class Git {
    root;
    gitDir;
    commonDir;
    constructor(
    /** Absolute path of the work tree's top level. */
    root, 
    /** Absolute path of this work tree's git dir (.git, or .git/worktrees/x). */
    gitDir, 
    /** Absolute path of the common git dir (shared by worktrees). */
    commonDir) {
        this.root = root;
        this.gitDir = gitDir;
        this.commonDir = commonDir;
    }
    /** Open the repository containing `cwd`; EnvironmentError (exit 2) when there is none. */
    static async open(cwd) {
        let res;
        try {
            res = await execGit(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir"], { cwd, okCodes: [0, 128] });
        }
        catch (error) {
            throw new errors/* EnvironmentError */.eG(`could not run git: ${error.message}`, {
                fix: "install git 2.30 or newer and make sure it is on PATH",
            });
        }
        if (res.code !== 0) {
            throw new errors/* EnvironmentError */.eG(`${cwd} is not inside a git work tree`, {
                fix: "run integrity-guard from inside a git repository (git init, or cd into one)",
            });
        }
        const [root, gitDir, common] = res.stdout.toString("utf8").trim().split("\n");
        if (!root)
            throw new errors/* EnvironmentError */.eG(`${cwd} is inside a bare repository or a git dir; integrity-guard needs a work tree`);
        return new Git(root, gitDir, external_node_path_default().resolve(root, common));
    }
    /** Run git in the work tree; throws GitError on an exit code not in okCodes. */
    exec(args, options = {}) {
        return execGit(args, { cwd: this.root, ...options });
    }
    /** Folder for machine-local state (stat cache, locks, compiled schemas), never committed. */
    stateDir() {
        return external_node_path_default().join(this.commonDir, "integrity-guard");
    }
    /** Entries of the index that GIT_INDEX_FILE (or .git/index) names. */
    async lsStaged(pathspecs = []) {
        const { stdout } = await this.exec(["ls-files", "-s", "-z", "--", ...literal(pathspecs)]);
        return parseLsFilesStage(stdout);
    }
    /** Tracked and untracked-but-not-ignored files of the work tree (repo-relative). */
    async lsWorktree() {
        const { stdout } = await this.exec(["ls-files", "-z", "-c", "-o", "--exclude-standard", "--deduplicate"]);
        return splitZ(stdout);
    }
    /**
     * Paths whose staged content differs from HEAD (added, copied, modified, renamed, type-changed).
     * On an unborn branch every staged path counts.
     */
    async stagedChanges() {
        const head = await this.tryRevParse("HEAD");
        if (!head)
            return (await this.lsStaged()).map((e) => e.path);
        const { stdout } = await this.exec(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", "HEAD"]);
        return splitZ(stdout);
    }
    /** The object id a revision names, or undefined when it does not exist. Never throws. */
    async tryRevParse(rev) {
        try {
            const res = await this.exec(["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{}"], { okCodes: [0, 1, 128] });
            return res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
        }
        catch {
            return undefined;
        }
    }
    /**
     * Read many blobs in one `git cat-file --batch` process. Returns oid -> content; an oid git
     * reports missing is absent from the map.
     */
    async readBlobs(oids) {
        const result = new Map();
        const unique = [...new Set(oids)];
        if (unique.length === 0)
            return result;
        const { stdout } = await this.exec(["cat-file", "--batch"], { input: unique.join("\n") + "\n" });
        // Output per object: "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
        let pos = 0;
        while (pos < stdout.length) {
            const nl = stdout.indexOf(10, pos);
            if (nl < 0)
                break;
            const header = stdout.toString("utf8", pos, nl).split(" ");
            pos = nl + 1;
            if (header[1] === "missing" || header.length < 3)
                continue;
            const size = Number(header[2]);
            result.set(header[0], stdout.subarray(pos, pos + size));
            pos += size + 1;
        }
        return result;
    }
    // --- manifest (issue 3): intent methods go below this line ---
    /**
     * Index entries with their `ls-files -v` tag: "H" is a normal cached file; a lower-case tag
     * (assume-unchanged) or "S" (skip-worktree) means git will not notice worktree edits, so the
     * manifest must not trust git for that file.
     * Sample: "H 100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tdata/a.json\0"
     */
    async lsIndexTagged() {
        const { stdout } = await this.exec(["ls-files", "-s", "-v", "-z"]);
        // Fixed layout "T MMMMMM <oid> S\t<path>": offsets instead of split() (20,000+ records on the
        // warm verify path). The oid is 40 (SHA-1) or 64 (SHA-256) hex digits.
        return splitZ(stdout).map((rec) => {
            const tab = rec.indexOf("\t");
            return {
                tag: rec[0],
                mode: rec.slice(2, 8),
                oid: rec.slice(9, tab - 2),
                stage: rec.charCodeAt(tab - 1) - 48,
                path: rec.slice(tab + 1),
            };
        });
    }
    /**
     * Tracked paths whose work-tree file may differ from the index (content, mode, type, or just
     * stale stat info: git does not refresh the index here, so this can over-report, never
     * under-report). Read-only: unlike `git status`, it never writes the index.
     */
    async worktreeChangedPaths() {
        const { stdout } = await this.exec(["diff-files", "--name-only", "-z", "--no-renames"]);
        return splitZ(stdout);
    }
    /**
     * Sizes of blobs (one `cat-file --batch-check`), so callers can read big blobs a few at a time.
     * Sample line: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 blob 0"; a missing object is absent.
     */
    async blobSizes(oids) {
        const out = new Map();
        const unique = [...new Set(oids)];
        if (unique.length === 0)
            return out;
        const { stdout } = await this.exec(["cat-file", "--batch-check"], { input: unique.join("\n") + "\n" });
        for (const line of stdout.toString("utf8").split("\n")) {
            const [oid, type, size] = line.split(" ");
            if (oid && type === "blob" && size !== undefined)
                out.set(oid, Number(size));
        }
        return out;
    }
    /** Paths deleted in the index relative to HEAD (none on an unborn branch). */
    async stagedDeletions() {
        const head = await this.tryRevParse("HEAD");
        if (!head)
            return [];
        const { stdout } = await this.exec(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=D", "HEAD"]);
        return splitZ(stdout);
    }
    // --- snapshots and restore (issue 6): intent methods go below this line ---
    /**
     * Write the files at `paths` (repo-relative) as blobs, byte for byte: `--no-filters` keeps
     * eol/clean filters from changing what is stored. Returns the oids in input order.
     */
    async hashFilesAsBlobs(paths) {
        if (paths.length === 0)
            return [];
        for (const p of paths)
            if (p.includes("\n"))
                throw new errors/* EnvironmentError */.eG(`cannot snapshot ${JSON.stringify(p)}: file names with a newline are not supported`);
        const { stdout } = await this.exec(["hash-object", "-w", "--no-filters", "--stdin-paths"], { input: paths.join("\n") + "\n" });
        const oids = stdout.toString("utf8").split("\n").filter(Boolean);
        if (oids.length !== paths.length)
            throw new errors/* EnvironmentError */.eG(`git hash-object returned ${oids.length} ids for ${paths.length} files`);
        return oids;
    }
    /**
     * Write many blobs in one pack with `git fast-import` (one pack file instead of thousands of
     * loose objects, and the bytes are exactly those we hashed: no second read of the file).
     * Returns the oids in input order, read from the exported marks. `marksFile` is a scratch path.
     */
    async writeBlobsPacked(contents, marksFile) {
        if (contents.length === 0)
            return [];
        const parts = [];
        contents.forEach((data, i) => {
            parts.push(Buffer.from(`blob\nmark :${i + 1}\ndata ${data.length}\n`), data, Buffer.from("\n"));
        });
        parts.push(Buffer.from("done\n"));
        await this.exec(["fast-import", "--quiet", "--done", `--export-marks=${marksFile}`], { input: Buffer.concat(parts) });
        const { readFile, rm } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
        const marks = new Map();
        for (const line of (await readFile(marksFile, "utf8")).split("\n")) {
            const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
            if (m)
                marks.set(Number(m[1]), m[2]);
        }
        await rm(marksFile, { force: true });
        return contents.map((_, i) => {
            const oid = marks.get(i + 1);
            if (!oid)
                throw new errors/* EnvironmentError */.eG(`git fast-import did not report blob ${i + 1} of ${contents.length}`);
            return oid;
        });
    }
    /** Write `content` as an object of `type` (default blob) and return its oid. */
    async hashObject(content, type = "blob") {
        const { stdout } = await this.exec(["hash-object", "-w", "-t", type, "--stdin"], { input: content });
        return stdout.toString("utf8").trim();
    }
    /**
     * Build a tree from entries through a temporary index (`GIT_INDEX_FILE` = `indexFile`, which
     * must not be the user's index): update-index --index-info, then write-tree.
     */
    async writeTreeFromEntries(entries, indexFile) {
        const env = { GIT_INDEX_FILE: indexFile };
        const input = entries.map((e) => `${e.mode} ${e.oid}\t${e.path}\0`).join("");
        await this.exec(["update-index", "-z", "--index-info"], { input, env });
        const { stdout } = await this.exec(["write-tree"], { env });
        return stdout.toString("utf8").trim();
    }
    /**
     * `git commit-tree`; `configArgs` are `-c k=v` pairs placed before the verb (signing setup),
     * `sign` adds -S (signing key from user.signingkey) or --no-gpg-sign.
     */
    async commitTree(options) {
        const args = [
            ...(options.configArgs ?? []),
            "commit-tree",
            options.tree,
            ...options.parents.flatMap((p) => ["-p", p]),
            options.sign ? "-S" : "--no-gpg-sign",
        ];
        const { stdout } = await this.exec(args, { input: options.message, env: options.env });
        return stdout.toString("utf8").trim();
    }
    /**
     * Move `ref` to `next` only if it still points at `expected` (40 zeros: must not exist yet).
     * Returns false when someone else moved it first; throws on any other failure.
     */
    async updateRefCas(ref, next, expected, reason) {
        const res = await this.exec(["update-ref", "-m", reason, ref, next, expected], { okCodes: [0, 1, 128] });
        if (res.code === 0)
            return true;
        if (/cannot lock ref|is at .* but expected|reference already exists|unable to resolve reference/.test(res.stderr))
            return false;
        throw new errors/* GitError */.XS(["update-ref", ref, next, expected], res.code, res.stderr);
    }
    /** Delete `ref` only if it still points at `expected`. */
    async deleteRefCas(ref, expected) {
        const res = await this.exec(["update-ref", "-d", ref, expected], { okCodes: [0, 1, 128] });
        return res.code === 0;
    }
    /** Refs under `prefix` with their oids. Sample line: "refs/x/y\0<oid>\n" (format with %00). */
    async listRefs(prefix) {
        const { stdout } = await this.exec(["for-each-ref", "--format=%(refname)%00%(objectname)", prefix]);
        return stdout
            .toString("utf8")
            .split("\n")
            .filter(Boolean)
            .map((line) => {
            const [ref, oid] = line.split("\0");
            return { ref: ref, oid: oid };
        });
    }
    /**
     * Every blob of a commit's tree, recursively. Sample: "100644 blob <oid>\t<path>\0".
     * Trees git itself would refuse (".." entries) are reported as they are; callers check paths.
     */
    async lsTreeBlobs(treeish) {
        const { stdout } = await this.exec(["ls-tree", "-r", "-z", "--full-tree", treeish]);
        return splitZ(stdout).map((rec) => {
            const tab = rec.indexOf("\t");
            const [mode, type, oid] = rec.slice(0, tab).split(" ");
            return { mode: mode, type: type, oid: oid, path: rec.slice(tab + 1) };
        });
    }
    /**
     * The first-parent chain from `rev`, newest first: id, parents, committer time (s), message.
     * Read with `--format=%H%x1f%P%x1f%ct%x1f%B` and -z (records end in NUL).
     */
    async logChain(rev, max) {
        const args = ["log", "-z", "--first-parent", "--format=%H%x1f%P%x1f%ct%x1f%B", ...(max ? [`--max-count=${max}`] : []), rev, "--"];
        const { stdout } = await this.exec(args);
        return splitZ(stdout).map((rec) => {
            const [id, parents, time, ...rest] = rec.split("\x1f");
            return { id: id, parents: parents ? parents.split(" ") : [], time: Number(time), message: rest.join("\x1f") };
        });
    }
    /** The raw bytes of a commit object (to read the signature header). */
    async readCommitObject(oid) {
        const { stdout } = await this.exec(["cat-file", "commit", oid]);
        return stdout;
    }
    /** `git verify-commit --raw`: never throws for a bad signature; the caller reads code and output. */
    async verifyCommitRaw(oid, configArgs, env) {
        return this.exec([...configArgs, "verify-commit", "--raw", oid], { okCodes: [0, 1, 128], env });
    }
    /**
     * Write paths from `source` into the work tree only (the index is left alone). Pathspecs are
     * literal; --overlay: files absent from the source are never deleted by git (we decide that).
     * eol conversion is turned off so the bytes are those stored.
     */
    async restoreWorktree(source, pathspecs) {
        if (pathspecs.length === 0)
            return;
        await this.exec([
            "-c",
            "core.autocrlf=false",
            "-c",
            "core.eol=lf",
            // Parallel checkout: writing thousands of small files is latency-bound (measured on a
            // busy disk: 10,000 files 8-9 s with one worker, 1-5 s with eight).
            "-c",
            "checkout.workers=8",
            "-c",
            "checkout.thresholdForParallelism=100",
            "restore",
            `--source=${source}`,
            "--worktree",
            "--overlay",
            "--pathspec-from-file=-",
            "--pathspec-file-nul",
        ], {
            input: literal(pathspecs).join("\0") + "\0",
        });
    }
    /** Fetch `remoteRef` from `remote` into the local ref `localRef` (forced: it is our private tracking ref). Returns false when the remote has no such ref. */
    async fetchRef(remote, remoteRef, localRef) {
        const res = await this.exec(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, `+${remoteRef}:${localRef}`], {
            okCodes: [0, 1, 128],
        });
        if (res.code === 0)
            return true;
        if (/couldn't find remote ref|no such ref/i.test(res.stderr))
            return false;
        throw new errors/* GitError */.XS(["fetch", remote, remoteRef], res.code, res.stderr);
    }
    /**
     * Push refspecs without force (a `+` is never added). Extra args (e.g. --force-with-lease=ref:oid
     * for an epoch rollover) are passed through. Returns rejected=true when the remote refused an
     * update (someone else pushed first); throws on anything else.
     */
    async pushRefs(remote, refspecs, extraArgs = []) {
        const res = await this.exec(["push", "--porcelain", "--quiet", ...extraArgs, remote, ...refspecs], { okCodes: [0, 1, 128] });
        const out = res.stdout.toString("utf8");
        if (res.code === 0)
            return { ok: true, rejected: false, message: out };
        if (/^!\t/m.test(out))
            return { ok: false, rejected: true, message: out + res.stderr };
        throw new errors/* GitError */.XS(["push", remote, ...refspecs], res.code, res.stderr || out);
    }
    /** The committer identity git would use, or undefined when none is configured. Never throws. */
    async tryCommitterIdent() {
        const res = await this.exec(["var", "GIT_COMMITTER_IDENT"], { okCodes: [0, 1, 128] }).catch(() => undefined);
        return res && res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
    }
    // health (issue 7)
    /**
     * Commits reachable from `branchRef` and the refs under `extraPrefix` (closed snapshot epochs),
     * newest first, at most `max`: id, committer time (ISO) and message. Empty when none exist.
     * Read with `--format=%H%x1f%cI%x1f%B` and -z. Sample record: "<oid>\x1f2026-11-26T13:40:00+00:00\x1fsnapshot hourly…\0".
     */
    async snapshotCommitLog(branchRef, extraPrefix, max = 5000) {
        const refs = (await this.tryRevParse(branchRef)) ? [branchRef] : [];
        const { stdout: listed } = await this.exec(["for-each-ref", "--format=%(refname)", extraPrefix]);
        refs.push(...listed.toString("utf8").split("\n").filter(Boolean));
        if (refs.length === 0)
            return [];
        const { stdout } = await this.exec(["log", "-z", "--format=%H%x1f%cI%x1f%B", `--max-count=${max}`, ...refs, "--"]);
        return splitZ(stdout).map((rec) => {
            const [id, time, ...rest] = rec.split("\x1f");
            return { id: id, time: time, message: rest.join("\x1f") };
        });
    }
    // --- action and workflows (issue 5): intent methods go below this line ---
    /** Work-tree paths that differ from HEAD or are untracked (not ignored), repo-relative. */
    async changedPaths() {
        // Porcelain v1 -z: "XY path\0", renames "R  new\0old\0" (the old path is its own record).
        const { stdout } = await this.exec(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]);
        return splitZ(stdout).map((rec) => rec.slice(3));
    }
    /** Create branch `name` at HEAD and switch to it (fails if it exists: never clobber a branch). */
    async createBranch(name) {
        await this.exec(["switch", "-c", name]);
    }
    /** Stage exactly `paths` (additions, changes, deletions) and commit them; returns the commit id. */
    async commitPaths(paths, message, env) {
        await this.exec(["add", "-A", "--", ...literal(paths)]);
        await this.exec(["commit", "--no-verify", "-q", "-m", message, "--", ...literal(paths)], env ? { env } : {});
        return (await this.exec(["rev-parse", "HEAD"])).stdout.toString("utf8").trim();
    }
    /** Push `ref` (a branch name) to `remote` under the same name; never forces. */
    async pushBranch(remote, branch) {
        await this.exec(["push", "--quiet", remote, `refs/heads/${branch}:refs/heads/${branch}`]);
    }
    /** The current branch name, or undefined on a detached HEAD. */
    async currentBranch() {
        const res = await this.exec(["symbolic-ref", "--quiet", "--short", "HEAD"], { okCodes: [0, 1, 128] });
        return res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
    }
    // --- validate and hook (issue 2): intent methods go below this line ---
    /**
     * What a commit would change, in one git process: staged entries that differ from HEAD
     * (with their staged mode and blob id) and unmerged paths. Lets the hook read only the
     * staged blobs instead of listing the whole index. Undefined on an unborn branch (no HEAD).
     * Sample `diff-index --cached -z` record: ":100644 100644 <old> <new> M\0data/a.json\0".
     */
    async stagedIndexChanges() {
        const res = await this.exec(["diff-index", "--cached", "-z", "--no-renames", "--diff-filter=ACMRTU", "HEAD", "--"], {
            okCodes: [0, 128],
        });
        if (res.code !== 0) {
            if (await this.tryRevParse("HEAD"))
                throw new errors/* GitError */.XS(["diff-index", "--cached", "HEAD"], res.code, res.stderr);
            return undefined;
        }
        const parts = splitZ(res.stdout);
        const entries = [];
        const unmerged = [];
        for (let i = 0; i + 1 < parts.length; i += 2) {
            const [, dstMode, , dstOid, status] = parts[i].slice(1).split(" ");
            const p = parts[i + 1];
            if (status === "U")
                unmerged.push(p);
            else
                entries.push({ mode: dstMode, oid: dstOid, stage: 0, path: p });
        }
        return { entries, unmerged };
    }
    /**
     * Read objects by name in one `git cat-file --batch`, in order: blob ids, or `:path` for the
     * stage-0 index entry of a path (GIT_INDEX_FILE honoured). Undefined where git says "missing"
     * (no such entry, or an unmerged path). Names must not contain a newline (batch input is
     * line-based); such names are reported missing without asking git.
     */
    async catFileBatch(names) {
        const out = names.map(() => undefined);
        const asked = names.map((n, i) => [n, i]).filter(([n]) => !n.includes("\n"));
        if (asked.length === 0)
            return out;
        const { stdout } = await this.exec(["cat-file", "--batch"], { input: asked.map(([n]) => n).join("\n") + "\n" });
        // Per request: "<oid> <type> <size>\n<content>\n", or "<name> missing\n" / "<name> ambiguous\n".
        let pos = 0;
        for (const [, i] of asked) {
            const nl = stdout.indexOf(10, pos);
            if (nl < 0)
                break;
            const header = stdout.toString("utf8", pos, nl);
            pos = nl + 1;
            const m = / (blob|tree|commit|tag) (\d+)$/.exec(header);
            if (!m)
                continue;
            const size = Number(m[2]);
            if (m[1] === "blob")
                out[i] = stdout.subarray(pos, pos + size);
            pos += size + 1;
        }
        return out;
    }
    /**
     * core.hooksPath and the scope that sets it (local, worktree, global, system, command), or
     * undefined when unset. Output of `git config --show-scope --null --get`: "local\0.husky/_\0".
     */
    async hooksPathSetting() {
        const res = await this.exec(["config", "--show-scope", "--null", "--get", "core.hooksPath"], { okCodes: [0, 1] });
        if (res.code !== 0)
            return undefined;
        const [scope, value] = splitZ(res.stdout);
        return value === undefined ? undefined : { scope: scope, value };
    }
    /** Absolute folder git runs hooks from (honours core.hooksPath, relative to the work tree top). */
    async hooksDir() {
        const { stdout } = await this.exec(["rev-parse", "--git-path", "hooks"]);
        return external_node_path_default().resolve(this.root, stdout.toString("utf8").replace(/\n$/, ""));
    }
}
/** Turn paths into literal pathspecs so `*`, `:` and `[` in file names are never globbed. */
function literal(paths) {
    return paths.map((p) => ":(literal)" + p);
}
function execGit(args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)("git", args, {
            cwd: options.cwd,
            env: options.env ? { ...process.env, ...options.env } : process.env,
            stdio: ["pipe", "pipe", "pipe"],
            windowsHide: true,
        });
        const out = [];
        const err = [];
        child.stdout.on("data", (b) => out.push(b));
        child.stderr.on("data", (b) => err.push(b));
        child.on("error", reject);
        child.stdin.on("error", () => {
            /* git may exit before reading all input; its exit code tells what happened */
        });
        child.on("close", (code) => {
            const res = { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), code: code ?? -1 };
            if (!(options.okCodes ?? [0]).includes(res.code))
                reject(new errors/* GitError */.XS(args, code, res.stderr));
            else
                resolve(res);
        });
        child.stdin.end(options.input ?? undefined);
    });
}

;// CONCATENATED MODULE: ./src/io/paths.ts
/**
 * Path safety: every repo-relative path that comes from a file we did not write (a manifest,
 * a config, a snapshot, a command line) goes through here before we read or write it.
 */



/** Normalise to a repo-relative POSIX path; rejects absolute paths and `..` segments. */
function paths_checkRelative(p, what = "path") {
    if (p.includes("\0"))
        throw new UnsafePathError(`${what} ${JSON.stringify(p)} contains a NUL byte`);
    const posix = p.replace(/\\/g, "/");
    if (posix.startsWith("/") || /^[A-Za-z]:\//.test(posix)) {
        throw new UnsafePathError(`${what} ${JSON.stringify(p)} is absolute; only paths inside the repository are allowed`, {
            fix: "use a path relative to the repository root",
        });
    }
    const parts = posix.split("/").filter((s) => s !== "" && s !== ".");
    if (parts.includes("..")) {
        throw new UnsafePathError(`${what} ${JSON.stringify(p)} contains "..", which could leave the repository`, {
            fix: "use a path relative to the repository root without ..",
        });
    }
    if (parts.length === 0)
        throw new UnsafePathError(`${what} ${JSON.stringify(p)} is empty`);
    return parts.join("/");
}
/**
 * Resolve a repo-relative path to an absolute one and make sure no symlink along the way
 * (except, when `allowFinalLink`, the last component itself) leads outside `root`.
 */
function resolveInside(root, rel, options = {}) {
    const clean = paths_checkRelative(rel, options.what);
    const abs = path.join(root, clean);
    const realRoot = fs.realpathSync(root);
    const parent = path.dirname(abs);
    let realParent;
    try {
        realParent = fs.realpathSync(parent);
    }
    catch {
        return abs; // parent does not exist yet: nothing to escape through
    }
    const check = (p) => p === realRoot || p.startsWith(realRoot + path.sep);
    if (!check(realParent)) {
        throw new UnsafePathError(`${options.what ?? "path"} ${JSON.stringify(rel)} resolves outside the repository (through a symlink)`);
    }
    if (!options.allowFinalLink) {
        try {
            const real = fs.realpathSync(abs);
            if (!check(real)) {
                throw new UnsafePathError(`${options.what ?? "path"} ${JSON.stringify(rel)} is a symlink that points outside the repository`);
            }
        }
        catch (error) {
            if (error instanceof UnsafePathError)
                throw error;
        }
    }
    return abs;
}
/** Repo-relative POSIX path of an absolute path. */
function toRepoPath(root, abs) {
    return external_node_path_default().relative(root, abs).split((external_node_path_default()).sep).join("/");
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/io/signing.ts
/**
 * Signing snapshot commits (ssh or gpg through git's own -S) and verifying them against a
 * pinned key. Git's "good signature" alone is not enough: for ssh, git falls back to
 * check-novalidate when no allowed signer matches, and for gpg any key in the keyring is
 * "good". So we also require the signature type the pin names, a matched allowed signer (ssh),
 * and the pinned fingerprint (gpg VALIDSIG, or ssh SHA256 when configured).
 */




/** The sign section, required: signing must be chosen explicitly, `none` included. */
function requireSignConfig(config) {
    const sign = config?.sign;
    if (!sign) {
        throw new ConfigError("snapshots.sign is not set in the config: snapshots must be signed (ssh or gpg), or unsigned by an explicit `format: none`", {
            fix: "add to .integrity-guard/config.yml: snapshots: { sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers } }",
        });
    }
    return sign;
}
/** Environment git needs for gpg (GNUPGHOME) taken from the command's environment. */
function signingEnv(env) {
    const out = {};
    for (const k of ["GNUPGHOME", "SSH_AUTH_SOCK"])
        if (env[k] !== undefined)
            out[k] = env[k];
    return out;
}
/** Make the key text what ssh-keygen accepts: LF line ends, exactly one final newline. */
function normalizeKeyText(text) {
    return text.replace(/\r\n?/g, "\n").replace(/\s+$/, "") + "\n";
}
/** Prepare signing. Missing key -> EnvironmentError (exit 2) naming the variable or path. */
async function openSigner(sign, root, env, scratchDir = os.tmpdir()) {
    const baseEnv = signingEnv(env);
    if (sign.format === "none") {
        return { format: "none", configArgs: [], sign: false, env: baseEnv, dispose: async () => { } };
    }
    if (!sign.key) {
        throw new ConfigError(`snapshots.sign.format is ${sign.format} but snapshots.sign.key is not set`, {
            fix: sign.format === "ssh"
                ? "set snapshots.sign.key to env:NAME (private key text) or the path of a private key file"
                : "set snapshots.sign.key to the gpg key id or fingerprint",
        });
    }
    if (sign.format === "gpg") {
        const keyId = resolveValue(sign.key, env, "gpg key id").trim();
        return {
            format: "gpg",
            configArgs: ["-c", "gpg.format=openpgp", "-c", `user.signingkey=${keyId}`],
            sign: true,
            env: baseEnv,
            dispose: async () => { },
        };
    }
    // ssh: always sign from a private copy with mode 600 (ssh-keygen refuses group-readable keys).
    let text;
    if (sign.key.startsWith("env:")) {
        text = resolveValue(sign.key, env, "ssh private key");
    }
    else {
        const file = path.resolve(root, sign.key.replace(/^~(?=\/)/, os.homedir()));
        try {
            text = await fs.readFile(file, "utf8");
        }
        catch (error) {
            throw new EnvironmentError(`ssh signing key ${file} cannot be read: ${error.code ?? error.message}`, {
                fix: "set snapshots.sign.key to an existing private key file, or to env:NAME with the key text in that variable",
            });
        }
    }
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        throw new EnvironmentError(`the ssh signing key from ${sign.key} is not a private key (no "BEGIN ... PRIVATE KEY" line)`, {
            fix: "put the whole private key file (ssh-keygen -t ed25519 -N '' -f key) in that variable or file",
        });
    }
    await fs.mkdir(scratchDir, { recursive: true });
    const dir = await fs.mkdtemp(path.join(scratchDir, "ig-sign-"));
    await fs.chmod(dir, 0o700);
    const keyFile = path.join(dir, "key");
    await fs.writeFile(keyFile, normalizeKeyText(text), { mode: 0o600 });
    return {
        format: "ssh",
        configArgs: ["-c", "gpg.format=ssh", "-c", `user.signingkey=${keyFile}`],
        sign: true,
        env: baseEnv,
        dispose: () => fs.rm(dir, { recursive: true, force: true }),
    };
}
function resolveValue(value, env, what) {
    if (!value.startsWith("env:"))
        return value;
    const name = value.slice(4);
    const v = env[name];
    if (v === undefined || v.trim() === "") {
        throw new EnvironmentError(`the ${what} is taken from the environment variable ${name}, which is not set`, {
            fix: `export ${name} with the ${what} (in a workflow: env: { ${name}: \${{ secrets.${name} }} })`,
        });
    }
    return v;
}
/** Resolve the pin from the config; undefined for format none (nothing to verify against). */
async function resolvePin(sign, root) {
    if (sign.format === "none")
        return undefined;
    if (sign.format === "ssh") {
        if (!sign.allowed_signers) {
            throw new errors/* ConfigError */.xL("snapshots.sign.allowed_signers is not set: ssh signatures cannot be verified without a pinned key", {
                fix: 'set snapshots.sign.allowed_signers to a file with a line like: snapshots@example.com namespaces="git" ssh-ed25519 AAAA...',
            });
        }
        const file = external_node_path_default().resolve(root, sign.allowed_signers);
        try {
            await promises_default().access(file);
        }
        catch {
            throw new errors/* ConfigError */.xL(`the allowed_signers file ${sign.allowed_signers} does not exist`, {
                fix: "commit the allowed_signers file that pins the snapshot key",
            });
        }
        return { format: "ssh", allowedSigners: file, ...(sign.fingerprint ? { fingerprint: sign.fingerprint } : {}) };
    }
    const fp = sign.fingerprint ?? (sign.key && /^[0-9A-Fa-f ]{40,}$/.test(sign.key) ? sign.key : undefined);
    if (!fp) {
        throw new errors/* ConfigError */.xL("snapshots.sign.fingerprint is not set: gpg signatures are verified against a pinned fingerprint", {
            fix: "set snapshots.sign.fingerprint to the 40-hex fingerprint of the signing key (gpg --list-keys --with-colons)",
        });
    }
    return { format: "gpg", fingerprint: fp.replace(/\s/g, "").toUpperCase() };
}
/** The signature header of a raw commit object ("gpgsig" or "gpgsig-sha256"), or undefined. */
function signatureHeader(raw) {
    const head = raw.slice(0, raw.indexOf("\n\n") >= 0 ? raw.indexOf("\n\n") : raw.length);
    const m = /^gpgsig(?:-sha256)? (.*(?:\n .*)*)/m.exec(head);
    return m ? m[1].replace(/\n /g, "\n") : undefined;
}
/** Verify one commit against the pin. Never throws for a bad signature; returns the status. */
async function verifySignature(git, oid, pin, env = {}) {
    const raw = (await git.readCommitObject(oid)).toString("utf8");
    const sig = signatureHeader(raw);
    if (!sig)
        return { status: "unsigned", detail: "the commit carries no signature" };
    const isSsh = sig.startsWith("-----BEGIN SSH SIGNATURE-----");
    const isPgp = sig.startsWith("-----BEGIN PGP SIGNATURE-----");
    if ((pin.format === "ssh" && !isSsh) || (pin.format === "gpg" && !isPgp)) {
        return {
            status: "wrong-type",
            detail: `signed with ${isSsh ? "ssh" : isPgp ? "gpg" : "an unknown format"}, but the pinned key is ${pin.format}`,
        };
    }
    const configArgs = pin.format === "ssh"
        ? ["-c", "gpg.format=ssh", "-c", `gpg.ssh.allowedSignersFile=${pin.allowedSigners}`, "-c", "gpg.minTrustLevel=fully"]
        : ["-c", "gpg.format=openpgp"];
    const res = await git.verifyCommitRaw(oid, configArgs, signingEnv(env));
    const out = res.stdout.toString("utf8") + res.stderr;
    if (pin.format === "ssh") {
        const fp = /with \S+ key (SHA256:[A-Za-z0-9+/=]+)/.exec(out)?.[1];
        // "Good "git" signature for <principal>" only appears when allowed_signers matched the key.
        const matched = /Good "git" signature for \S/.test(out);
        if (res.code !== 0 || !/Good "git" signature/.test(out)) {
            return {
                status: /No principal matched|not in allowed|allowed_signers/i.test(out) && /Good/.test(out) ? "untrusted" : "bad",
                ...(fp ? { fingerprint: fp } : {}),
                detail: firstLines(out),
            };
        }
        if (!matched)
            return { status: "untrusted", ...(fp ? { fingerprint: fp } : {}), detail: "the key is not in the pinned allowed_signers file" };
        if (pin.fingerprint && fp !== pin.fingerprint)
            return { status: "untrusted", ...(fp ? { fingerprint: fp } : {}), detail: `signed by ${fp}, pinned ${pin.fingerprint}` };
        return { status: "good", ...(fp ? { fingerprint: fp } : {}), detail: `good ssh signature by ${fp ?? "the pinned key"}` };
    }
    // gpg status lines: "[GNUPG:] VALIDSIG <fpr> <date> ... <primary-fpr>"
    const validsig = /^\[GNUPG:\] VALIDSIG (\S+)(?: .* (\S+))?$/m.exec(out);
    if (!/^\[GNUPG:\] GOODSIG /m.test(out) || !validsig)
        return { status: "bad", detail: firstLines(out) };
    const fprs = [validsig[1], validsig[2] ?? ""].map((s) => s.toUpperCase());
    if (!fprs.includes(pin.fingerprint))
        return { status: "untrusted", fingerprint: fprs[0], detail: `signed by ${fprs[0]}, pinned ${pin.fingerprint}` };
    return { status: "good", fingerprint: fprs[0], detail: `good gpg signature by ${fprs[0]}` };
}
function firstLines(s) {
    return s.trim().split("\n").slice(0, 3).join(" / ") || "git verify-commit failed without a message";
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
;// CONCATENATED MODULE: ./src/io/snapshot/files.ts
/**
 * The files of a backup set as they are in the work tree: committed or not, ignored or not
 * (a backup must not depend on .gitignore). Only regular files; symlinks are reported and
 * skipped (their targets may lie outside the repository), `.git` folders are never entered.
 */







/** Collect the files a set's `paths` name ("dir/" = everything below; globs; `:(literal)p`). */
async function collectSetFiles(root, setPaths) {
    const found = new Set();
    const skipped = [];
    const globs = [];
    for (const raw of setPaths) {
        const scope = parseScope(raw);
        if (scope.glob) {
            globs.push(scope.path);
            continue;
        }
        const rel = checkRelative(scope.path, "snapshot set path");
        await walk(root, rel, found, skipped, true);
    }
    if (globs.length > 0) {
        const all = new Set();
        await walk(root, "", all, [], false);
        const m = matcher(globs);
        for (const f of all)
            if (m(f))
                found.add(f);
    }
    const files = [];
    for (const f of found) {
        const why = unsafeSnapshotPath(f) ?? (f.includes("\n") ? "file name contains a newline" : undefined);
        if (why)
            skipped.push({ path: f, reason: why });
        else
            files.push(f);
    }
    files.sort();
    return { files, skipped };
}
async function walk(root, rel, out, skipped, report) {
    const abs = rel ? path.join(root, rel) : root;
    let st;
    try {
        st = await fs.lstat(abs);
    }
    catch {
        return; // a configured path that does not exist (yet) contributes no files
    }
    if (st.isSymbolicLink()) {
        if (report)
            skipped.push({ path: rel, reason: "symlink (not followed)" });
        return;
    }
    if (st.isFile()) {
        out.add(rel);
        return;
    }
    if (!st.isDirectory()) {
        if (report)
            skipped.push({ path: rel, reason: "not a regular file" });
        return;
    }
    const entries = await fs.readdir(abs, { withFileTypes: true });
    await Promise.all(entries.map(async (e) => {
        if (e.name === ".git")
            return;
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory())
            await walk(root, child, out, skipped, report);
        else if (e.isFile())
            out.add(child);
        else if (report)
            skipped.push({ path: child, reason: e.isSymbolicLink() ? "symlink (not followed)" : "not a regular file" });
    }));
}
/**
 * SHA-256, size and mode of each file. Synchronous reads on purpose: for many small files they
 * are about twice as fast as the thread pool (measured on 10,000 JSON files), and the CLI has
 * nothing else to do meanwhile.
 */
async function hashWorktreeFiles(root, files, keep) {
    const result = new Map();
    let kept = 0;
    for (const rel of files) {
        const fd = fsSync.openSync(path.join(root, rel), "r");
        try {
            const st = fsSync.fstatSync(fd);
            const data = fsSync.readFileSync(fd);
            result.set(rel, { sha256: files_sha256(data), size: data.length, mode: st.mode & 0o111 ? "100755" : "100644" });
            // Kept for writing the blobs from the very bytes hashed (bounded by the caller's budget).
            if (keep && kept + data.length <= KEEP_LIMIT) {
                keep.set(rel, data);
                kept += data.length;
            }
        }
        finally {
            fsSync.closeSync(fd);
        }
    }
    return result;
}
/** Bytes of file content kept in memory at most while a snapshot is prepared. */
const KEEP_LIMIT = (/* unused pure expression or super */ null && (256 * 1024 * 1024));
function files_sha256(data) {
    return (0,external_node_crypto_.createHash)("sha256").update(data).digest("hex");
}

;// CONCATENATED MODULE: ./src/core/snapshot/message.ts
/**
 * The snapshot commit message: a subject line and git trailers. The trailers are part of the
 * signed commit, so a restore can trust them once the signature is verified.
 *
 * Sample:
 *   snapshot hourly: 12 files, 3456 bytes
 *
 *   Snapshot-Set: hourly
 *   Snapshot-Time: 2026-11-26T13:40:00.000Z
 *   Source-Commit: 0123abcd... (or "none" on an unborn branch)
 *   Manifest-Digest: sha256:89ab...
 *   Snapshot-Files: 12
 *   Snapshot-Size: 3456
 */
const TRAILER = {
    set: "Snapshot-Set",
    time: "Snapshot-Time",
    source: "Source-Commit",
    digest: "Manifest-Digest",
    files: "Snapshot-Files",
    size: "Snapshot-Size",
};
/** Format the commit message of a snapshot. */
function formatSnapshotMessage(info) {
    return [
        `snapshot ${info.set}: ${info.files} files, ${info.size} bytes`,
        "",
        `${TRAILER.set}: ${info.set}`,
        `${TRAILER.time}: ${info.time}`,
        `${TRAILER.source}: ${info.sourceCommit ?? "none"}`,
        `${TRAILER.digest}: ${info.manifestDigest}`,
        `${TRAILER.files}: ${info.files}`,
        `${TRAILER.size}: ${info.size}`,
        "",
    ].join("\n");
}
/** Read the trailers back; undefined when the message is not a snapshot message (missing or malformed trailers). */
function parseSnapshotMessage(message) {
    const trailers = new Map();
    for (const line of message.replace(/\r\n/g, "\n").split("\n")) {
        const m = /^([A-Za-z-]+): (.*)$/.exec(line);
        // The first occurrence wins: a later duplicate cannot override what the signer wrote first.
        if (m && !trailers.has(m[1]))
            trailers.set(m[1], m[2].trim());
    }
    const set = trailers.get(TRAILER.set);
    const time = trailers.get(TRAILER.time);
    const digest = trailers.get(TRAILER.digest);
    const files = Number(trailers.get(TRAILER.files));
    const size = Number(trailers.get(TRAILER.size));
    const source = trailers.get(TRAILER.source);
    if (!set || !isSetName(set) || !time || Number.isNaN(Date.parse(time)))
        return undefined;
    if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest))
        return undefined;
    if (!Number.isSafeInteger(files) || files < 0 || !Number.isSafeInteger(size) || size < 0)
        return undefined;
    const info = { set, time, manifestDigest: digest, files, size };
    if (source && /^[0-9a-f]{40,64}$/.test(source))
        info.sourceCommit = source;
    return info;
}
/** Set names: what may appear in a trailer and a ref without quoting. */
function isSetName(name) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name);
}

;// CONCATENATED MODULE: ./src/io/snapshot/list.ts


const DEFAULT_BRANCH = "integrity-snapshots";
const EPOCH_PREFIX = "refs/integrity-snapshots/epochs/";
/** Set name of the automatic snapshot a restore takes first. */
const PRE_RESTORE_SET = "pre-restore";
function branchRef(config) {
    return `refs/heads/${config?.branch ?? DEFAULT_BRANCH}`;
}
/** One chain, newest first (empty when the ref does not exist). */
async function readChain(git, ref) {
    const tip = await git.tryRevParse(ref);
    if (!tip)
        return [];
    // A chain up to a given tip never changes (commits are immutable): read it once per process.
    const key = `${git.commonDir}\0${ref}\0${tip}`;
    const cached = chainCache.get(key);
    if (cached)
        return cached;
    const log = await git.logChain(tip);
    const records = log.map((c) => ({ id: c.id, parents: c.parents, time: c.time, info: parseSnapshotMessage(c.message), ref }));
    chainCache.set(key, records);
    return records;
}
const chainCache = new Map();
/** All snapshots: live chain first, then closed epochs, each newest first. */
async function listAllSnapshots(git, config) {
    const live = await readChain(git, branchRef(config));
    const epochs = [];
    for (const { ref } of await git.listRefs(EPOCH_PREFIX))
        epochs.push({ ref, chain: await readChain(git, ref) });
    return { live, epochs };
}
/**
 * Resolve what a user named: "latest" (newest snapshot of any set but pre-restore), a set name
 * (its newest snapshot), or a commit id / prefix that must be a snapshot on one of our refs.
 */
async function resolveSnapshot(git, config, spec) {
    const { live, epochs } = await listAllSnapshots(git, config);
    const all = [...live, ...epochs.flatMap((e) => e.chain)].filter((r) => r.info);
    all.sort((a, b) => b.time - a.time);
    let found;
    if (spec === "latest")
        found = all.find((r) => r.info.set !== PRE_RESTORE_SET);
    else if (/^[0-9a-f]{4,64}$/.test(spec) && all.some((r) => r.id.startsWith(spec))) {
        const matches = all.filter((r) => r.id.startsWith(spec));
        if (new Set(matches.map((m) => m.id)).size > 1)
            throw new UsageError(`snapshot id ${spec} is ambiguous`, { fix: "give more characters of the id" });
        found = matches[0];
    }
    else
        found = all.find((r) => r.info.set === spec);
    if (!found) {
        const sets = [...new Set(all.map((r) => r.info.set))];
        throw new UsageError(`no snapshot matches ${JSON.stringify(spec)} on ${branchRef(config)}${epochs.length ? " or its epochs" : ""}`, {
            fix: all.length === 0
                ? "take one first: integrity-guard snapshot --set NAME"
                : `name a snapshot id, "latest", or a set (${sets.join(", ")}); list them with integrity-guard snapshots`,
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./src/core/snapshot/chain.ts
/** Allowed clock skew between machines, seconds. */
const CLOCK_SKEW_SECONDS = 300;
/**
 * Check a first-parent chain given newest first. `now` in seconds. Returns snapshot/chain
 * findings (empty when the dates are in order and none is in the future).
 */
function checkChainDates(chain, now, ref) {
    const findings = [];
    for (let i = 0; i < chain.length; i++) {
        const c = chain[i];
        if (c.time > now + CLOCK_SKEW_SECONDS) {
            findings.push({
                rule: "snapshot/chain",
                level: "error",
                message: `snapshot ${c.id.slice(0, 12)} on ${ref} is dated in the future (${iso(c.time)}, now ${iso(now)})`,
                expected: `a date before ${iso(now + CLOCK_SKEW_SECONDS)}`,
                found: iso(c.time),
                fix: "a commit dated in the future is forged or made on a machine with a wrong clock; do not trust this chain until it is explained",
            });
        }
        const parent = chain[i + 1];
        if (parent && c.time < parent.time) {
            findings.push({
                rule: "snapshot/chain",
                level: "error",
                message: `snapshot ${c.id.slice(0, 12)} on ${ref} (${iso(c.time)}) is older than its parent ${parent.id.slice(0, 12)} (${iso(parent.time)})`,
                expected: `a date at or after ${iso(parent.time)}`,
                found: iso(c.time),
                fix: "dates out of order along the chain mean a commit was inserted or replayed; inspect the chain with git log --format=fuller",
            });
        }
    }
    return findings;
}
function iso(seconds) {
    return new Date(seconds * 1000).toISOString();
}

;// CONCATENATED MODULE: ./src/core/snapshot/manifest.ts
/**
 * The manifest stored inside every snapshot (`.integrity-snapshot/manifest.json`): the SHA-256
 * and size of each file. Its bytes are deterministic (sorted paths, fixed key order, no time),
 * so two snapshots of unchanged files have the same digest and "nothing changed" is one compare.
 */
const manifest_SNAPSHOT_MANIFEST_PATH = ".integrity-snapshot/manifest.json";
const SNAPSHOT_META_DIR = ".integrity-snapshot";
/** Serialise with sorted paths and a fixed key order (the digest depends on these bytes). */
function serializeSnapshotManifest(m) {
    const files = {};
    for (const p of Object.keys(m.files).sort(comparePaths)) {
        const e = m.files[p];
        files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
    }
    return JSON.stringify({ version: 1, set: m.set, paths: [...m.paths], files }, null, 1) + "\n";
}
/** Byte-wise path order (what git uses), independent of locale. */
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Parse and check the shape of a stored manifest; returns a reason string when it is not valid. */
function parseSnapshotManifest(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return `not valid JSON (${error.message})`;
    }
    if (!isObject(data) || data.version !== 1)
        return 'missing "version": 1';
    if (typeof data.set !== "string")
        return 'missing "set"';
    if (!Array.isArray(data.paths) || !data.paths.every((p) => typeof p === "string"))
        return '"paths" is not a list of strings';
    if (!isObject(data.files))
        return '"files" is not an object';
    const files = {};
    for (const [p, e] of Object.entries(data.files)) {
        if (!isObject(e) || typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256))
            return `file ${JSON.stringify(p)}: bad sha256`;
        if (typeof e.size !== "number" || !Number.isSafeInteger(e.size) || e.size < 0)
            return `file ${JSON.stringify(p)}: bad size`;
        if (e.mode !== "100644" && e.mode !== "100755")
            return `file ${JSON.stringify(p)}: bad mode`;
        files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
    }
    return { version: 1, set: data.set, paths: data.paths, files };
}
/**
 * Why a path stored in a snapshot must not be written to disk, or undefined when it is safe:
 * absolute, `..`, empty segments, backslashes, NUL, or inside .git / our own meta folder.
 */
function manifest_unsafeSnapshotPath(p) {
    if (p.length === 0)
        return "empty path";
    if (p.includes("\0"))
        return "contains a NUL byte";
    if (p.includes("\\"))
        return "contains a backslash";
    if (p.startsWith("/") || /^[A-Za-z]:/.test(p))
        return "absolute path";
    const parts = p.split("/");
    if (parts.some((s) => s === "" || s === "." || s === ".."))
        return "contains an empty, '.' or '..' segment";
    if (parts.some((s) => s.toLowerCase() === ".git"))
        return "inside a .git folder";
    if (parts[0] === SNAPSHOT_META_DIR)
        return "inside the snapshot's own metadata folder";
    return undefined;
}
/** True when `file` is `scope` itself or below `scope` ("dir/" or "dir" both name a folder). */
function inScope(file, scope) {
    const s = scope.replace(/\/+$/, "");
    return file === s || file.startsWith(s + "/");
}
function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** Prefix that makes a set path literal even when it holds glob characters (git's own magic). */
const LITERAL_PREFIX = ":(literal)";
const GLOB_CHARS = /[*?[\]{}!]/;
/**
 * A set path or restore scope: `:(literal)p` is the path p as written; otherwise a path with
 * glob characters is a glob, and anything else a file or folder ("dir/" = everything below).
 */
function manifest_parseScope(scope) {
    if (scope.startsWith(LITERAL_PREFIX))
        return { path: scope.slice(LITERAL_PREFIX.length), glob: false };
    return { path: scope, glob: GLOB_CHARS.test(scope) };
}
/** The scope string naming `p` literally (prefixed only when it would read as a glob). */
function literalScope(p) {
    return GLOB_CHARS.test(p) ? LITERAL_PREFIX + p : p;
}

;// CONCATENATED MODULE: ./src/io/snapshot/readback.ts


/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
async function readBackTree(git, treeish, manifest, manifestText, preloaded) {
    const findings = [];
    const bad = (file, message, expected, found) => findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file,
        message,
        ...(expected ? { expected } : {}),
        ...(found ? { found } : {}),
        fix: "the object store holds different bytes than were snapshotted: run `git fsck --full`, then take the snapshot again",
    });
    let entries;
    try {
        entries = preloaded?.entries ?? (await git.lsTreeBlobs(treeish));
    }
    catch (error) {
        bad(SNAPSHOT_MANIFEST_PATH, `cannot list the snapshot tree ${treeish}: ${error.message.split("\n")[0]}`);
        return findings;
    }
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const blobs = preloaded?.blobs ??
        (await readBlobsSafe(git, entries.map((e) => e.oid)));
    const mEntry = byPath.get(SNAPSHOT_MANIFEST_PATH);
    const mBlob = mEntry && blobs.get(mEntry.oid);
    if (!mBlob || mBlob.toString("utf8") !== manifestText)
        bad(SNAPSHOT_MANIFEST_PATH, "the stored manifest differs from the one written");
    for (const [p, expected] of Object.entries(manifest.files)) {
        const e = byPath.get(p);
        if (!e) {
            bad(p, "file is in the manifest but not in the snapshot tree");
            continue;
        }
        const data = blobs.get(e.oid);
        if (!data) {
            bad(p, `blob ${e.oid} cannot be read back from the object store (missing or corrupt)`);
            continue;
        }
        const got = sha256(data);
        if (got !== expected.sha256 || data.length !== expected.size)
            bad(p, "read-back checksum differs from the source", `sha256 ${expected.sha256} (${expected.size} bytes)`, `sha256 ${got} (${data.length} bytes)`);
    }
    for (const e of entries)
        if (e.path !== SNAPSHOT_MANIFEST_PATH && !manifest.files[e.path])
            bad(e.path, "file is in the snapshot tree but not in its manifest");
    return findings;
}
/**
 * readBlobs, but a corrupt loose object makes cat-file die mid-stream: fall back to one object
 * at a time so the report names which blob is bad instead of failing the whole read.
 */
async function readBlobsSafe(git, oids) {
    try {
        return await git.readBlobs(oids);
    }
    catch {
        const out = new Map();
        for (const oid of new Set(oids)) {
            try {
                const one = await git.readBlobs([oid]);
                const b = one.get(oid);
                if (b)
                    out.set(oid, b);
            }
            catch {
                /* reported by the caller as unreadable */
            }
        }
        return out;
    }
}

;// CONCATENATED MODULE: ./src/io/snapshot/verify.ts
/**
 * Trust checks before a snapshot is used: the signature against the pinned key, the dates along
 * its chain, the manifest against the digest in the signed message, every stored path safe,
 * and every blob read back against the manifest.
 */







/** Signature status of one snapshot against the pin ("unverified" when there is no pin). */
async function signatureOf(git, id, pin, env) {
    if (!pin)
        return { status: "unverified", detail: "snapshots.sign.format is none: nothing to verify against" };
    return verifySignature(git, id, pin, env);
}
/** snapshot/signature and snapshot/chain findings for a snapshot (empty when trusted). */
async function trustFindings(git, record, pin, env) {
    const findings = [];
    const signature = await signatureOf(git, record.id, pin, env);
    if (signature.status !== "good") {
        findings.push({
            rule: "snapshot/signature",
            level: "error",
            message: `snapshot ${record.id.slice(0, 12)} is not trusted: ${signature.status} (${signature.detail})`,
            expected: pin ? `a ${pin.format} signature by the pinned key` : "a signed snapshot",
            found: signature.status,
            fix: "restore a snapshot signed by the pinned key; only if you know where this one came from, pass --allow-unsigned",
        });
    }
    const chain = await readChain(git, record.ref);
    const from = chain.findIndex((c) => c.id === record.id);
    const below = from >= 0 ? chain.slice(from) : [record];
    findings.push(...checkChainDates(below, Math.floor(Date.now() / 1000), record.ref));
    return { findings, signature };
}
/**
 * Read a snapshot's manifest and check it: digest equals the signed trailer, every path (in the
 * manifest and in the tree) safe to write. Throws IntegrityError / UnsafePathError.
 */
async function loadSnapshot(git, record) {
    const short = record.id.slice(0, 12);
    if (!record.info)
        throw new errors/* IntegrityError */.cs(`commit ${short} is not a snapshot (no Snapshot-* trailers)`, {
            fix: "list snapshots with integrity-guard snapshots",
        });
    const entries = await git.lsTreeBlobs(record.id);
    for (const e of entries) {
        const why = e.path === manifest_SNAPSHOT_MANIFEST_PATH ? undefined : manifest_unsafeSnapshotPath(e.path);
        if (why)
            throw new errors/* UnsafePathError */.k0(`snapshot ${short} holds the path ${JSON.stringify(e.path)} (${why}); refusing to restore anything from it`, { fix: "this snapshot was not written by integrity-guard, or was tampered with; pick another one" });
        if (e.type !== "blob" || (e.mode !== "100644" && e.mode !== "100755")) {
            throw new errors/* UnsafePathError */.k0(`snapshot ${short} holds ${JSON.stringify(e.path)} as ${e.type} mode ${e.mode}; only regular files are restored`, { fix: "pick another snapshot" });
        }
    }
    const mEntry = entries.find((e) => e.path === manifest_SNAPSHOT_MANIFEST_PATH);
    const blobs = await readBlobsSafe(git, entries.map((e) => e.oid));
    const text = mEntry ? blobs.get(mEntry.oid)?.toString("utf8") : undefined;
    if (text === undefined)
        throw new errors/* IntegrityError */.cs(`snapshot/checksum: snapshot ${short} has no readable ${manifest_SNAPSHOT_MANIFEST_PATH}`, {
            fix: "pick another snapshot; run git fsck --full",
        });
    const digest = "sha256:" + files_sha256(text);
    if (digest !== record.info.manifestDigest) {
        throw new errors/* IntegrityError */.cs(`snapshot/checksum: the manifest of snapshot ${short} does not match the digest in its message (${record.info.manifestDigest}, found ${digest})`, { fix: "the snapshot was altered after it was written; pick another one" });
    }
    const manifest = parseSnapshotManifest(text);
    if (typeof manifest === "string")
        throw new errors/* IntegrityError */.cs(`snapshot/checksum: the manifest of snapshot ${short} is invalid: ${manifest}`);
    for (const p of Object.keys(manifest.files)) {
        const why = manifest_unsafeSnapshotPath(p);
        if (why)
            throw new errors/* UnsafePathError */.k0(`snapshot ${short} lists the path ${JSON.stringify(p)} (${why}); refusing to restore anything from it`, {
                fix: "pick another snapshot",
            });
    }
    return { manifest, manifestText: text, entries, blobs };
}

;// CONCATENATED MODULE: ./src/lib/snapshot-fallback.ts
/**
 * readJson's `fallback: "snapshot"`: the newest snapshot that holds the file, is trusted
 * (signature good against the pinned key, or signing explicitly `none`), reads back with the
 * checksum its manifest records, and whose copy the caller accepts (parses and validates).
 * Untrusted or damaged snapshots are passed over, never used.
 */









async function readFromNewestSnapshot(file, accept) {
    let git;
    try {
        git = await Git.open(external_node_path_default().dirname(external_node_path_default().resolve(file)));
    }
    catch {
        return undefined; // not in a repository: there are no snapshots
    }
    const abs = external_node_path_default().join(external_node_fs_default().realpathSync(external_node_path_default().dirname(external_node_path_default().resolve(file))), external_node_path_default().basename(file));
    const rel = toRepoPath(external_node_fs_default().realpathSync(git.root), abs);
    const config = (0,load/* loadConfig */.Z)(git.root).config.snapshots;
    const sign = config?.sign;
    if (!sign)
        return undefined; // no signing decision made: nothing can be trusted
    const pin = await resolvePin(sign, git.root);
    const { live, epochs } = await listAllSnapshots(git, config);
    const candidates = [...live, ...epochs.flatMap((e) => e.chain)]
        .filter((r) => r.info && r.info.set !== PRE_RESTORE_SET)
        .sort((a, b) => b.time - a.time);
    for (const record of candidates) {
        const trust = await trustFindings(git, record, pin, process.env);
        const unsignedByChoice = sign.format === "none" && trust.findings.every((f) => f.rule === "snapshot/signature");
        if (trust.findings.length > 0 && !unsignedByChoice)
            continue;
        let loaded;
        try {
            loaded = await loadSnapshot(git, record);
        }
        catch {
            continue; // tampered or damaged: try an older one
        }
        const expected = loaded.manifest.files[rel];
        const entry = loaded.entries.find((e) => e.path === rel);
        const content = entry && loaded.blobs.get(entry.oid);
        if (!expected || !content || files_sha256(content) !== expected.sha256)
            continue;
        if (!accept(content))
            continue;
        return { snapshot: record.id, content, signature: trust.signature.status };
    }
    return undefined;
}


/***/ })

};
