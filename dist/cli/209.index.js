export const id = 209;
export const ids = [209];
export const modules = {

/***/ 8381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command),
/* harmony export */   describeChanges: () => (/* binding */ describeChanges)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _checks_conflicts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2020);
/* harmony import */ var _core_conflicts_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8865);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _io_config_write_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2710);
/* harmony import */ var _io_file_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1912);
/* harmony import */ var _io_lock_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7161);








/** "  file: key old -> new" lines plus the undo hint, for text output. */
function describeChanges(changes, undoRel, verb) {
    if (changes.length === 0)
        return `${verb}: nothing to change`;
    const files = new Set(changes.map((c) => c.file));
    const lines = [
        `${verb}: changed ${changes.length} value${changes.length === 1 ? "" : "s"} in ${files.size} file${files.size === 1 ? "" : "s"}:`,
    ];
    for (const c of changes)
        lines.push(`  ${c.file}: ${c.key} ${c.from} -> ${c.to}`);
    if (undoRel)
        lines.push(`previous contents saved in ${undoRel}; to undo: cp -R ${undoRel}/. .`);
    return lines.join("\n");
}
function sourceFor(ctx) {
    return ctx.options.staged ? new _io_file_source_js__WEBPACK_IMPORTED_MODULE_6__/* .IndexSource */ ._P(ctx.git) : new _io_file_source_js__WEBPACK_IMPORTED_MODULE_6__/* .WorktreeSource */ .fR(ctx.git);
}
const command = {
    name: "conflicts",
    summary: "report keys set to different values across config files; resolve by precedence",
    usage: "integrity-guard conflicts [--staged] [--resolve [--write]]",
    description: `
Reads every file of the configuration set (config.files, plus the files named in
config.precedence and config.owners) and reports each key (a JSON pointer, shown dotted) that
two or more files set to different values as config/conflict, with every file:line:column and
each value. Values of keys that look secret (password, token, secret, key, credential, ... and
the patterns in config.secret_keys) are shown as *** everywhere, JSON output included.

Maps are compared key by key; lists and scalars as whole values. config.merge declares other
strategies per path: deep (maps, the default), replace (compare and take the whole value),
unique / append (lists are merged, never a conflict). Keys under config.differ are expected to
differ. A key under a config.owners prefix belongs to that one file: a definition anywhere else
is config/single-source, even with an equal value.

--resolve prints the effective configuration: the files merged in config.precedence order (the
last wins; files not listed come first), owned keys taken from their owner. --resolve --write
writes each conflicting key's winning value into the files that disagree, keeping comments and
layout, atomically, after checking that every edited file reads back as intended; the previous
contents are saved under .git/integrity-guard/undo/.`,
    examples: [
        "integrity-guard conflicts",
        "integrity-guard conflicts --staged --format json",
        "integrity-guard conflicts --resolve",
        "integrity-guard conflicts --resolve --format json",
        "integrity-guard conflicts --resolve --write",
    ],
    options: {
        resolve: {
            type: "boolean",
            description: "print the effective merged configuration (YAML; in the `resolved` field with --format json)",
        },
        write: {
            type: "boolean",
            description: "with --resolve: write the winning values into the files that disagree (keeps comments and layout)",
        },
        staged: { type: "boolean", description: "read every config file from the git index (as it will be committed)" },
    },
    async run(ctx) {
        if (ctx.options.write && !ctx.options.resolve)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb("--write needs --resolve", { fix: "run `integrity-guard conflicts --resolve --write`" });
        if (ctx.options.write && ctx.options.staged) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb("--write cannot be combined with --staged: it edits the working tree", {
                fix: "run `integrity-guard conflicts --resolve --write` without --staged, then stage the result",
            });
        }
        // Writers run one at a time, each analysing after the previous one wrote (the lock spans both).
        if (ctx.options.write)
            return (0,_io_lock_js__WEBPACK_IMPORTED_MODULE_7__/* .withLock */ .k)(node_path__WEBPACK_IMPORTED_MODULE_0___default().join(ctx.git.stateDir(), "config-write.lock"), () => runConflicts(ctx));
        return runConflicts(ctx);
    },
};
async function runConflicts(ctx) {
    const config = ctx.loaded.config;
    if (!config.config) {
        return {
            findings: [],
            text: `nothing to check: ${ctx.loaded.path} has no \`config\` section (config.files names the files to compare)`,
        };
    }
    const rules = config.config;
    const first = await (0,_checks_conflicts_js__WEBPACK_IMPORTED_MODULE_2__.conflictFindings)(sourceFor(ctx), config, ctx.loaded.path, { parseFindings: true, root: ctx.root });
    const summary = { checked: first.set.checked, conflicts: first.analysis.conflicts.length };
    if (!ctx.options.resolve)
        return { findings: first.findings, summary };
    const resolved = (0,_core_conflicts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveConfig */ .pE)(first.set.files, rules);
    const shown = (0,_core_conflicts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .maskValue */ .QS)(resolved, first.analysis.isSecret);
    const order = first.set.files.map((f) => f.path).join(" < ");
    if (!ctx.options.write) {
        return {
            findings: first.findings,
            summary,
            json: { resolved: shown, precedence: first.set.files.map((f) => f.path) },
            text: `# effective configuration, merged in precedence order: ${order || "(no files)"}\n${yaml__WEBPACK_IMPORTED_MODULE_1__.stringify(shown, { lineWidth: 0 })}`,
        };
    }
    const { edits, changes } = (0,_core_conflicts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .planConflictWrites */ .iM)(first.set.files, first.analysis.conflicts, resolved);
    let undoRel;
    if (edits.size > 0) {
        const byPath = new Map(first.set.files.map((f) => [f.path, f]));
        const plans = (0,_io_config_write_js__WEBPACK_IMPORTED_MODULE_5__/* .planWrites */ .ux)(ctx.root, [...edits].map(([file, list]) => ({ file, original: byPath.get(file).bytes, edits: list })));
        const undo = (0,_io_config_write_js__WEBPACK_IMPORTED_MODULE_5__/* .undoDirFor */ .PP)(ctx.git.stateDir(), "conflicts");
        await (0,_io_config_write_js__WEBPACK_IMPORTED_MODULE_5__/* .commitWrites */ .QD)(plans, undo);
        undoRel = node_path__WEBPACK_IMPORTED_MODULE_0___default().relative(ctx.root, undo).split((node_path__WEBPACK_IMPORTED_MODULE_0___default().sep)).join("/");
    }
    // Report what is left after the write (single-source findings are never fixed automatically).
    const after = await (0,_checks_conflicts_js__WEBPACK_IMPORTED_MODULE_2__.conflictFindings)(new _io_file_source_js__WEBPACK_IMPORTED_MODULE_6__/* .WorktreeSource */ .fR(ctx.git), config, ctx.loaded.path, { parseFindings: true, root: ctx.root });
    return {
        findings: after.findings,
        summary: { checked: after.set.checked, conflicts: after.analysis.conflicts.length, changed: changes.length },
        json: { resolved: shown, changes, ...(undoRel ? { undo: undoRel } : {}) },
        text: describeChanges(changes, undoRel, "conflicts --resolve --write"),
    };
}


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

/***/ 2710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PP: () => (/* binding */ undoDirFor),
/* harmony export */   QD: () => (/* binding */ commitWrites),
/* harmony export */   ux: () => (/* binding */ planWrites)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _core_conflicts_edit_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8195);
/* harmony import */ var _core_parse_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5717);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3059);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7336);
/**
 * Write edited values back into JSON/YAML files: comments and layout kept (see
 * src/core/conflicts/edit-*.ts), every file proven by reading it back before anything is
 * written, each file replaced atomically, and the previous contents saved for undo.
 *
 * All files of one run are planned first; if any edit cannot be made, nothing is written.
 */







/** Compute every file's new text; throws IntegrityError naming the file when one cannot be edited safely. */
function planWrites(root, files) {
    return files.map((f) => {
        const abs = (0,_paths_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveInside */ .LI)(root, f.file, { what: "config file" });
        const format = (0,_core_parse_index_js__WEBPACK_IMPORTED_MODULE_4__/* .formatFor */ .Bm)(f.file);
        if (!format)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .IntegrityError */ .cs(`cannot write ${f.file}: only .json, .yaml and .yml files can be edited`);
        const raw = f.original.toString("utf8");
        // Edit with LF line ends and put CRLF back afterwards, so a Windows file stays one.
        const crlf = raw.includes("\r\n");
        const text = crlf ? raw.replace(/\r\n/g, "\n") : raw;
        let out;
        try {
            out = (0,_core_conflicts_edit_text_js__WEBPACK_IMPORTED_MODULE_3__/* .editText */ .i)(text, format, f.edits);
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .IntegrityError */ .cs(`cannot write ${f.file}: ${error.message}`, {
                fix: `nothing was written; make the change in ${f.file} by hand`,
                cause: error,
            });
        }
        return { file: f.file, abs, original: f.original, text: crlf ? out.replace(/\n/g, "\r\n") : out };
    });
}
/**
 * Save the previous contents under `undoDir`, then replace each file atomically. A file that
 * changed since it was read is not overwritten (EnvironmentError, nothing written).
 */
async function commitWrites(plans, undoDir) {
    for (const p of plans) {
        const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().lstat(p.abs).catch(() => undefined);
        if (st?.isSymbolicLink())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`refusing to write ${p.file}: it is a symlink`, { fix: "edit the file it points to by hand" });
        const now = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().readFile(p.abs).catch(() => undefined);
        if (!now || !now.equals(p.original)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`${p.file} changed while integrity-guard was running; nothing was written`, {
                fix: "run the command again",
            });
        }
    }
    for (const p of plans) {
        const backup = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(undoDir, p.file);
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(backup), { recursive: true });
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Z)(backup, p.original);
    }
    for (const p of plans)
        await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Z)(p.abs, p.text);
}
/** A fresh undo folder name under the state dir: .git/integrity-guard/undo/<verb>-<time>. */
function undoDirFor(stateDir, verb, now = new Date()) {
    return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stateDir, "undo", `${verb}-${now.toISOString().replace(/[:.]/g, "-")}-${process.pid}`);
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

/***/ 7161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ withLock)
/* harmony export */ });
/* unused harmony export acquireLock */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * A cross-process lock: a lock file created with O_EXCL holding {pid, host, time}. A lock whose
 * owner on this host is no longer alive (or older than `staleMs`) is taken over, so a crashed
 * process never blocks the next run for good.
 */




async function withLock(lockPath, fn, options = {}) {
    const release = await acquireLock(lockPath, options);
    try {
        return await fn();
    }
    finally {
        await release();
    }
}
async function acquireLock(lockPath, options = {}) {
    const timeout = options.timeoutMs ?? 10_000;
    const staleMs = options.staleMs ?? 10 * 60_000;
    const started = Date.now();
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().mkdir(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(lockPath), { recursive: true });
    const me = { pid: process.pid, host: node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname(), time: Date.now() };
    let delay = 1;
    for (;;) {
        try {
            const fh = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().open(lockPath, "wx");
            await fh.writeFile(JSON.stringify(me));
            await fh.close();
            return async () => {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(lockPath, { force: true });
            };
        }
        catch (error) {
            if (error.code !== "EEXIST")
                throw error;
        }
        if (await isStale(lockPath, staleMs)) {
            // Take over by renaming the stale file away first: only one contender wins the rename.
            const aside = `${lockPath}.stale.${process.pid}`;
            try {
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rename(lockPath, aside);
                await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(aside, { force: true });
            }
            catch {
                /* someone else took it over first */
            }
            continue;
        }
        if (Date.now() - started > timeout) {
            const owner = await readInfo(lockPath);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`could not take the lock ${lockPath} within ${timeout} ms${owner ? ` (held by pid ${owner.pid} on ${owner.host})` : ""}`, {
                fix: "wait for the other integrity-guard run to finish; if none is running, delete the lock file",
            });
        }
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, options.pollMaxMs ?? 50);
    }
}
async function readInfo(lockPath) {
    try {
        return JSON.parse(await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().readFile(lockPath, "utf8"));
    }
    catch {
        return undefined;
    }
}
async function isStale(lockPath, staleMs) {
    const info = await readInfo(lockPath);
    if (!info) {
        // Being written right now, or garbage left by a crash between open and write.
        try {
            const st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().stat(lockPath);
            return Date.now() - st.mtimeMs > 2000;
        }
        catch {
            return false;
        }
    }
    if (Date.now() - info.time > staleMs)
        return true;
    if (info.host !== node_os__WEBPACK_IMPORTED_MODULE_1___default().hostname())
        return false;
    try {
        process.kill(info.pid, 0);
        return false;
    }
    catch (error) {
        return error.code === "ESRCH";
    }
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
