export const id = 108;
export const ids = [108];
export const modules = {

/***/ 2369:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ checks)
/* harmony export */ });
const checks = [
    { name: "validate", load: async () => (await __webpack_require__.e(/* import() */ 914).then(__webpack_require__.bind(__webpack_require__, 7914))).check },
    { name: "manifest", load: async () => (await Promise.all(/* import() */[__webpack_require__.e(285), __webpack_require__.e(457), __webpack_require__.e(138), __webpack_require__.e(171)]).then(__webpack_require__.bind(__webpack_require__, 8171))).check },
    { name: "conflicts", load: async () => (await __webpack_require__.e(/* import() */ 20).then(__webpack_require__.bind(__webpack_require__, 2020))).check },
    { name: "sync", load: async () => (await Promise.all(/* import() */[__webpack_require__.e(20), __webpack_require__.e(714)]).then(__webpack_require__.bind(__webpack_require__, 3714))).check },
];


/***/ }),

/***/ 186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildCheckContext: () => (/* binding */ buildCheckContext),
  command: () => (/* binding */ command),
  resolvePathArgs: () => (/* binding */ resolvePathArgs),
  sourceSummary: () => (/* binding */ sourceSummary)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(7336);
// EXTERNAL MODULE: ./src/io/file-source.ts
var file_source = __webpack_require__(1912);
;// CONCATENATED MODULE: ./src/io/staged-source.ts

class StagedSource {
    git;
    kind = "index";
    changes;
    full;
    constructor(git) {
        this.git = git;
        this.full = new file_source/* IndexSource */._P(git);
    }
    load() {
        this.changes ??= (async () => {
            const diff = await this.git.stagedIndexChanges();
            if (diff)
                return { entries: new Map(diff.entries.map((e) => [e.path, e])), unmerged: diff.unmerged };
            // Unborn branch: everything in the index is a change.
            const all = await this.full.allEntries();
            const entries = new Map();
            const unmerged = new Set();
            for (const e of all) {
                if (e.stage === 0)
                    entries.set(e.path, e);
                else
                    unmerged.add(e.path);
            }
            return { entries, unmerged: [...unmerged] };
        })();
        return this.changes;
    }
    /** Paths a commit would add or change (regular files, symlinks, submodules alike), sorted as git lists them. */
    async stagedChanges() {
        return [...(await this.load()).entries.keys()];
    }
    /** Paths with an unresolved merge conflict in the index. */
    async unmergedPaths() {
        return (await this.load()).unmerged;
    }
    list() {
        return this.full.list();
    }
    async read(paths) {
        const { entries } = await this.load();
        const known = [];
        const rest = [];
        for (const p of paths) {
            const e = entries.get(p);
            if (e)
                known.push(e);
            else
                rest.push(p);
        }
        const out = new Map();
        // Staged changes by blob id, other paths (schemas, config files) as ":path" index lookups:
        // one git process, and never a listing of the whole index.
        const regular = known.filter((e) => e.mode === "100644" || e.mode === "100755");
        const names = [...regular.map((e) => e.oid), ...rest.map((p) => ":" + p)];
        const blobs = await this.git.catFileBatch(names);
        regular.forEach((e, i) => {
            out.set(e.path, blobs[i] ?? { error: `blob ${e.oid} is missing from the object database (repository corruption)`, code: "EMISSINGOBJ" });
        });
        rest.forEach((p, i) => {
            const b = blobs[regular.length + i];
            if (b)
                out.set(p, b);
        });
        return out;
    }
}

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/checks/index.ts
var checks = __webpack_require__(2369);
;// CONCATENATED MODULE: ./src/checks/run-checks.ts
/**
 * Run the registered checks (src/checks/index.ts) in order with one shared context. A check
 * that cannot run does not hide the others' findings: its failure becomes a finding
 * (`check/failed` for a typed error such as a broken schema, `check/crashed` for a bug) and the
 * run's exit code becomes 2 (could not run), while every other check's findings are still shown.
 */





/**
 * Checks that only do something when their config section exists (or, for the manifest, when a
 * manifest has been sealed). Skipping them unloaded keeps the pre-commit hook near node's own
 * start-up time; each check also returns nothing by itself in these cases.
 */
const NEEDED = {
    manifest: (ctx) => ctx.config.manifest !== undefined || external_node_fs_default().existsSync(external_node_path_default().join(ctx.root, types/* MANIFEST_PATH */.U4)),
    conflicts: (ctx) => ctx.config.config !== undefined,
    sync: (ctx) => (ctx.config.sync?.length ?? 0) > 0,
};
async function runChecks(ctx, list = checks/* checks */.A) {
    const findings = [];
    const timings = {};
    let exitCode;
    for (const entry of list) {
        if (NEEDED[entry.name] && !NEEDED[entry.name](ctx)) {
            timings[entry.name] = { findings: 0, ms: 0, skipped: true };
            continue;
        }
        const start = performance.now();
        let got;
        let failed = false;
        try {
            const c = await entry.load();
            got = await c.run(ctx);
        }
        catch (error) {
            failed = true;
            got = [failureFinding(entry.name, error)];
            const code = error instanceof errors/* GuardError */.U$ ? error.exitCode : 2;
            exitCode = exitCode === undefined ? code : Math.max(exitCode, code);
        }
        findings.push(...got);
        timings[entry.name] = { findings: got.length, ms: Math.round((performance.now() - start) * 10) / 10, ...(failed ? { failed } : {}) };
    }
    return { findings, checks: timings, ...(exitCode !== undefined ? { exitCode } : {}) };
}
function failureFinding(name, error) {
    if (error instanceof errors/* GuardError */.U$) {
        return {
            rule: "check/failed",
            level: "error",
            message: `the ${name} check could not run: ${error.message}`,
            ...(error.fix ? { fix: error.fix } : {}),
        };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
        rule: "check/crashed",
        level: "error",
        message: `the ${name} check crashed: ${message}`,
        fix: `this is a bug in integrity-guard; please report it with the command you ran. The other checks ran; run \`integrity-guard ${name}\` alone to see more`,
    };
}

// EXTERNAL MODULE: ./src/checks/validate.ts + 7 modules
var validate = __webpack_require__(7914);
;// CONCATENATED MODULE: ./src/commands/check.ts
/**
 * `check`: run every registered check (validate, manifest, conflicts, sync) with one context.
 * `check --staged` is the pre-commit hook: it reads what will be committed from the git index
 * (honouring GIT_INDEX_FILE) and restricts per-file checks to the staged changes.
 */






// Static: the hook always needs these, and each dynamic import is one more bundle chunk to load.


/** The source and path restriction for a run: the index (--staged) or the working tree, optionally narrowed to named paths. */
async function buildCheckContext(ctx, named) {
    const staged = ctx.options.staged === true;
    const source = staged ? new StagedSource(ctx.git) : new file_source/* WorktreeSource */.fR(ctx.git);
    let paths;
    if (named.length > 0) {
        const resolved = resolvePathArgs(ctx.root, named, !staged);
        const dirs = resolved.filter((p) => p.endsWith("/"));
        const files = resolved.filter((p) => !p.endsWith("/"));
        if (!staged) {
            // A mistyped name must not pass silently as "no findings".
            const missing = files.find((p) => !external_node_fs_default().existsSync(external_node_path_default().join(ctx.root, p)));
            if (missing !== undefined)
                throw new errors/* UsageError */.eb(`${missing} does not exist`, {
                    fix: "check the path (relative to the repository root, or absolute inside it)",
                });
        }
        if (dirs.length) {
            const all = await source.list();
            for (const d of dirs)
                files.push(...all.filter((p) => p.startsWith(d)));
        }
        paths = [...new Set(files)];
    }
    else if (staged) {
        paths = await source.stagedChanges();
    }
    return {
        root: ctx.root,
        git: ctx.git,
        config: ctx.loaded.config,
        configPath: ctx.loaded.path,
        source,
        ...(paths ? { paths } : {}),
        log: ctx.log,
        interactive: ctx.interactive,
        noCache: ctx.options["no-cache"] === true,
    };
}
/**
 * Command-line paths -> repo-relative POSIX paths. Relative paths are taken from the repository
 * root; absolute paths are accepted only inside the repository (lint-staged passes absolute
 * paths). `..`, paths outside the repository and symlinks out of it are refused (exit 2).
 * A trailing "/" names a folder: every file below it.
 */
function resolvePathArgs(root, args, checkLinks) {
    return args.map((arg) => {
        let rel = arg;
        if (external_node_path_default().isAbsolute(arg)) {
            const r = external_node_path_default().relative(root, arg);
            if (r === "" || r.startsWith("..") || external_node_path_default().isAbsolute(r)) {
                throw new errors/* UnsafePathError */.k0(`path ${JSON.stringify(arg)} is outside the repository ${root}`, {
                    fix: "name files inside the repository",
                });
            }
            rel = r.split((external_node_path_default()).sep).join("/");
        }
        const dir = /[\\/]$/.test(rel);
        const clean = (0,paths/* checkRelative */.Bp)(rel, "path");
        if (checkLinks)
            (0,paths/* resolveInside */.LI)(root, clean, { what: "path" });
        return dir ? clean + "/" : clean;
    });
}
/** summary fields shared by check and validate. */
function sourceSummary(c) {
    return { source: c.source.kind === "index" ? "index" : "worktree", ...(c.paths ? { restrictedTo: c.paths.length } : {}) };
}
const command = {
    name: "check",
    summary: "run every configured check (validate, manifest, conflicts, sync); --staged checks the git index",
    usage: "integrity-guard check [--staged] [--files FILE]... [FILE...]",
    description: `
Runs every check in order (validate, manifest, conflicts, sync) and reports all findings
together, grouped by file. A check that cannot run (for example a schema that does not compile)
is reported as a finding and makes the exit code 2, but the other checks' findings are still shown.

--staged checks exactly what will be committed: file contents are read from the git index, not
the working tree, and GIT_INDEX_FILE is honoured (git sets it for \`git commit -a\` and
\`git commit <path>\`). Per-file checks look only at the staged changes; this is what the
pre-commit hook runs. Bypass a hook once with \`git commit --no-verify\`.

--format json adds summary.checks = {name: {findings, ms}} with each check's timing.`,
    examples: [
        "integrity-guard check                      # the whole working tree",
        "integrity-guard check --staged             # what the next commit will contain (the hook)",
        "integrity-guard check --files config/system.yaml data/",
        "integrity-guard check --staged --format github   # annotations in a workflow",
    ],
    options: {
        staged: { type: "boolean", description: "read files from the git index and check only the staged changes" },
        files: {
            type: "string",
            multiple: true,
            valueName: "FILE",
            description: "restrict per-file checks to FILE (repeatable; a trailing / means a folder)",
        },
        "no-cache": { type: "boolean", description: "do not use or write the compiled-schema cache under .git/integrity-guard/" },
    },
    positionals: { name: "FILE...", description: "restrict per-file checks to these files (same as --files)" },
    async run(ctx) {
        const named = [...(ctx.options.files ?? []), ...ctx.positionals];
        const checkCtx = await buildCheckContext(ctx, named);
        const result = await runChecks(checkCtx);
        const stats = (0,validate.validateStats)(checkCtx);
        return {
            findings: result.findings,
            summary: {
                ...(stats ? { checked: stats.checked } : {}),
                ...sourceSummary(checkCtx),
                checks: result.checks,
            },
            ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
        };
    },
};


/***/ }),

/***/ 6085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ matcher)
/* harmony export */ });
/* unused harmony export matches */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);
/** Glob matching for config patterns (picomatch; `**` matches zero or more folders; dotfiles match). */

const cache = new Map();
/** A matcher for a list of globs; an empty list matches nothing. */
function matcher(globs) {
    if (!globs || globs.length === 0)
        return () => false;
    const key = globs.join("\0");
    let m = cache.get(key);
    if (!m) {
        // A pattern ending in "/" names a folder: everything below it.
        const expanded = globs.map((g) => (g.endsWith("/") ? g + "**" : g));
        m = picomatch__WEBPACK_IMPORTED_MODULE_0___default()(expanded, { dot: true });
        cache.set(key, m);
    }
    return m;
}
function matches(globs, path) {
    return matcher(globs)(path);
}


/***/ }),

/***/ 3059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* unused harmony export fsyncDir */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Atomic file writes: temporary file in the same folder, fsync, rename over the target, fsync
 * the folder. A reader (or a crash) sees the old content or the new, never a mixture. On any
 * failure (ENOSPC, EACCES, EROFS) the temporary file is removed and the target is untouched.
 */




async function writeFileAtomic(target, data, options = {}) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(target);
    const tmp = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(dir, `.${node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(target)}.${process.pid}.${node_crypto__WEBPACK_IMPORTED_MODULE_2___default().randomBytes(4).toString("hex")}.tmp`);
    let mode = options.mode ?? 0o644;
    try {
        mode = (await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().stat(target)).mode & 0o7777;
    }
    catch {
        /* new file */
    }
    let fh;
    try {
        fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(tmp, "wx", mode);
        await fh.writeFile(data);
        await fh.sync();
        await fh.close();
        fh = undefined;
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rename(tmp, target);
    }
    catch (error) {
        await fh?.close().catch(() => undefined);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(tmp, { force: true }).catch(() => undefined);
        throw writeError(target, error);
    }
    await fsyncDir(dir);
}
/** fsync a folder so a rename in it survives a power cut. Best effort where unsupported. */
async function fsyncDir(dir) {
    let fh;
    try {
        fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(dir, "r");
        await fh.sync();
    }
    catch {
        /* some file systems refuse fsync on folders; the rename is still atomic */
    }
    finally {
        await fh?.close().catch(() => undefined);
    }
}
function writeError(target, error) {
    const e = error;
    const why = {
        ENOSPC: "the disk is full",
        EDQUOT: "the disk quota is exceeded",
        EACCES: "permission denied",
        EPERM: "permission denied",
        EROFS: "the file system is read-only",
        ENOENT: "the folder does not exist",
    };
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`could not write ${target}: ${why[e.code ?? ""] ?? e.message}; the previous content is unchanged`, {
        fix: e.code === "ENOSPC" || e.code === "EDQUOT"
            ? "free disk space and run the command again"
            : "check the folder's permissions and run the command again",
        cause: error,
    });
}


/***/ }),

/***/ 1912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _P: () => (/* binding */ IndexSource),
/* harmony export */   fR: () => (/* binding */ WorktreeSource)
/* harmony export */ });
/* unused harmony export mapLimit */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Where checks read files from: the working tree, or the git index (`check --staged`, which must
 * see exactly what will be committed, honouring GIT_INDEX_FILE).
 */


class WorktreeSource {
    git;
    root;
    kind = "worktree";
    constructor(git, root = git.root) {
        this.git = git;
        this.root = root;
    }
    async list() {
        return this.git.lsWorktree();
    }
    async read(paths) {
        const out = new Map();
        // Synchronous reads: for the many small files checked here they are several times faster
        // than FileHandle reads (measured in scripts/bench/validate.bench.mjs).
        for (const p of paths) {
            let fd;
            try {
                // O_NOFOLLOW: a symlink is never followed out of the repository. O_NONBLOCK: a FIFO
                // named like a data file must not hang the run (regular files ignore the flag).
                fd = node_fs__WEBPACK_IMPORTED_MODULE_0___default().openSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().join(this.root, p), node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
                out.set(p, node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(fd));
            }
            catch (error) {
                const e = error;
                if (e.code === "ENOENT")
                    continue;
                out.set(p, { error: e.code === "ELOOP" ? "is a symlink (not followed)" : e.message, code: e.code });
            }
            finally {
                if (fd !== undefined)
                    node_fs__WEBPACK_IMPORTED_MODULE_0___default().closeSync(fd);
            }
        }
        return out;
    }
}
class IndexSource {
    git;
    kind = "index";
    entries;
    constructor(git) {
        this.git = git;
    }
    /** All index entries, including unmerged (stage > 0) ones. */
    allEntries() {
        this.entries ??= this.git.lsStaged();
        return this.entries;
    }
    async list() {
        const seen = new Set();
        for (const e of await this.allEntries())
            if (isRegular(e.mode))
                seen.add(e.path);
        return [...seen];
    }
    async read(paths) {
        const wanted = new Set(paths);
        const byPath = new Map();
        for (const e of await this.allEntries()) {
            // For an unmerged path keep "ours" (stage 2); the validate check reports the conflict itself.
            if (wanted.has(e.path) && isRegular(e.mode) && (e.stage === 0 || e.stage === 2 || !byPath.has(e.path)))
                byPath.set(e.path, e);
        }
        const blobs = await this.git.readBlobs([...byPath.values()].map((e) => e.oid));
        const out = new Map();
        for (const [p, e] of byPath) {
            const b = blobs.get(e.oid);
            out.set(p, b ?? { error: `blob ${e.oid} is missing from the object database (repository corruption)`, code: "EMISSINGOBJ" });
        }
        return out;
    }
}
function isRegular(mode) {
    return mode === "100644" || mode === "100755";
}
/** Run `fn` over `items` with at most `limit` in flight. */
async function mapLimit(items, limit, fn) {
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length)
            await fn(items[next++]);
    });
    await Promise.all(workers);
}


/***/ }),

/***/ 7336:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ checkRelative),
/* harmony export */   LI: () => (/* binding */ resolveInside),
/* harmony export */   xD: () => (/* binding */ toRepoPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/**
 * Path safety: every repo-relative path that comes from a file we did not write (a manifest,
 * a config, a snapshot, a command line) goes through here before we read or write it.
 */



/** Normalise to a repo-relative POSIX path; rejects absolute paths and `..` segments. */
function checkRelative(p, what = "path") {
    if (p.includes("\0"))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} contains a NUL byte`);
    const posix = p.replace(/\\/g, "/");
    if (posix.startsWith("/") || /^[A-Za-z]:\//.test(posix)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} is absolute; only paths inside the repository are allowed`, {
            fix: "use a path relative to the repository root",
        });
    }
    const parts = posix.split("/").filter((s) => s !== "" && s !== ".");
    if (parts.includes("..")) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} contains "..", which could leave the repository`, {
            fix: "use a path relative to the repository root without ..",
        });
    }
    if (parts.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${what} ${JSON.stringify(p)} is empty`);
    return parts.join("/");
}
/**
 * Resolve a repo-relative path to an absolute one and make sure no symlink along the way
 * (except, when `allowFinalLink`, the last component itself) leads outside `root`.
 */
function resolveInside(root, rel, options = {}) {
    const clean = checkRelative(rel, options.what);
    const abs = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, clean);
    const realRoot = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync(root);
    const parent = node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(abs);
    let realParent;
    try {
        realParent = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync(parent);
    }
    catch {
        return abs; // parent does not exist yet: nothing to escape through
    }
    const check = (p) => p === realRoot || p.startsWith(realRoot + (node_path__WEBPACK_IMPORTED_MODULE_1___default().sep));
    if (!check(realParent)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${options.what ?? "path"} ${JSON.stringify(rel)} resolves outside the repository (through a symlink)`);
    }
    if (!options.allowFinalLink) {
        try {
            const real = node_fs__WEBPACK_IMPORTED_MODULE_0___default().realpathSync(abs);
            if (!check(real)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0(`${options.what ?? "path"} ${JSON.stringify(rel)} is a symlink that points outside the repository`);
            }
        }
        catch (error) {
            if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UnsafePathError */ .k0)
                throw error;
        }
    }
    return abs;
}
/** Repo-relative POSIX path of an absolute path. */
function toRepoPath(root, abs) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, abs).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join("/");
}


/***/ })

};
