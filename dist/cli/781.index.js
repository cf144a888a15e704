export const id = 781;
export const ids = [781];
export const modules = {

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

/***/ 3569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ SnapshotRefused)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

class SnapshotRefused extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .IntegrityError */ .cs {
    findings;
    constructor(message, findings, options = {}) {
        super(message, options);
        this.findings = findings;
    }
}


/***/ }),

/***/ 2781:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ runRestore)
});

// UNUSED EXPORTS: shellQuote

// EXTERNAL MODULE: ./src/io/signing.ts
var signing = __webpack_require__(3471);
// EXTERNAL MODULE: ./src/io/snapshot/list.ts
var list = __webpack_require__(9905);
// EXTERNAL MODULE: ./src/io/snapshot/readback.ts
var readback = __webpack_require__(1038);
// EXTERNAL MODULE: ./src/io/snapshot/refused.ts
var refused = __webpack_require__(3569);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
// EXTERNAL MODULE: ./src/core/snapshot/manifest.ts
var snapshot_manifest = __webpack_require__(1387);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/atomic.ts
var atomic = __webpack_require__(3059);
// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(7336);
// EXTERNAL MODULE: ./src/io/snapshot/files.ts
var files = __webpack_require__(8894);
;// CONCATENATED MODULE: ./src/io/snapshot/restore.ts
/**
 * Restore paths from a snapshot into the work tree. The paths are made to match the snapshot
 * exactly: files in it are written (by `git restore --source --worktree --overlay` with literal
 * pathspecs; the index is left alone), files under those paths that it does not hold are
 * removed. Everything replaced or removed is first recorded as a `pre-restore` snapshot.
 */









function scopeMatcher(scopes) {
    const parsed = scopes.map(snapshot_manifest/* parseScope */.Sk);
    const globs = parsed.filter((s) => s.glob).map((s) => s.path);
    const lits = parsed.filter((s) => !s.glob).map((s) => s.path);
    const g = (0,glob/* matcher */.j)(globs);
    return (p) => g(p) || lits.some((s) => (0,snapshot_manifest/* inScope */.SB)(p, s));
}
/** Work out what a restore of `requested` (or the whole set) would change. Reads only. */
async function planRestore(git, manifest, requested) {
    // Paths named on the command line are literal: `*` and `[` in them are file name characters.
    const scopes = requested.length > 0
        ? requested.map((p) => (0,snapshot_manifest/* literalScope */.sT)((0,paths/* checkRelative */.Bp)(p, "restore path") + (p.endsWith("/") ? "/" : "")))
        : [...manifest.paths];
    const inScopeOf = scopeMatcher(scopes);
    const target = Object.keys(manifest.files).filter(inScopeOf).sort();
    // A whole-set restore may empty a folder the snapshot holds nothing of; a named path must exist in it.
    for (const s of requested.length > 0 ? scopes : []) {
        const m = scopeMatcher([s]);
        if (!Object.keys(manifest.files).some(m)) {
            throw new errors/* UsageError */.eb(`${JSON.stringify(s)} is not in this snapshot (set ${manifest.set} holds ${manifest.paths.join(", ")})`, {
                fix: "name a file or folder the snapshot holds; see git ls-tree -r --name-only <snapshot>",
            });
        }
    }
    checkTargetsInside(git.root, target);
    const current = await (0,files/* collectSetFiles */.AW)(git.root, scopes);
    const currentFiles = current.files.filter(inScopeOf);
    const hashes = await (0,files/* hashWorktreeFiles */.v6)(git.root, currentFiles);
    const plan = { scopes, create: [], modify: [], remove: [], unchanged: [], target };
    const targetSet = new Set(target);
    for (const p of target) {
        const now = hashes.get(p);
        const want = manifest.files[p];
        if (!now)
            plan.create.push(p);
        else if (now.sha256 !== want.sha256 || now.mode !== want.mode)
            plan.modify.push(p);
        else
            plan.unchanged.push(p);
    }
    for (const p of currentFiles)
        if (!targetSet.has(p))
            plan.remove.push(p);
    return plan;
}
/** Apply a plan: git writes the files, we remove the extras. */
async function applyRestore(git, snapshotId, plan) {
    const toWrite = [...plan.create, ...plan.modify];
    if (toWrite.length > 0) {
        // Few files: name them. Many: name the scopes (git matches each path against every
        // pathspec, so 10,000 literal pathspecs cost more than rewriting unchanged files).
        const literalScopes = plan.scopes
            .map(snapshot_manifest/* parseScope */.Sk)
            .filter((s) => !s.glob)
            .map((s) => s.path.replace(/\/+$/, ""));
        const pathspecs = toWrite.length <= 200 || literalScopes.length < plan.scopes.length
            ? toWrite
            : literalScopes.filter((s) => plan.target.some((t) => (0,snapshot_manifest/* inScope */.SB)(t, s)));
        await git.restoreWorktree(snapshotId, pathspecs);
    }
    for (const p of plan.remove)
        await promises_default().rm((0,paths/* resolveInside */.LI)(git.root, p, { allowFinalLink: true, what: "file to remove" }), { force: true });
}
/**
 * Rewrite files byte for byte from the snapshot's blobs: for files a .gitattributes checkout
 * filter (eol, text, a smudge filter) changed on the way out of git, which git 2.39 cannot be
 * told to skip. Returns the paths rewritten.
 */
async function rewriteFromBlobs(git, snapshotId, files, manifest) {
    if (files.length === 0)
        return [];
    const oids = new Map((await git.lsTreeBlobs(snapshotId)).map((e) => [e.path, e.oid]));
    const blobs = await git.readBlobs(files.map((p) => oids.get(p)).filter(Boolean));
    const done = [];
    for (const p of files) {
        const data = blobs.get(oids.get(p) ?? "");
        if (!data)
            continue; // still reported by verifyRestored
        await (0,atomic/* writeFileAtomic */.Z)((0,paths/* resolveInside */.LI)(git.root, p, { what: "restore target" }), data, {
            mode: manifest.files[p].mode === "100755" ? 0o755 : 0o644,
        });
        done.push(p);
    }
    return done;
}
/** After a restore: every target file on disk must match the manifest; extras must be gone. */
async function verifyRestored(git, manifest, plan) {
    const findings = [];
    const present = [];
    for (const p of plan.target) {
        try {
            await promises_default().access(external_node_path_default().join(git.root, p));
            present.push(p);
        }
        catch {
            findings.push({
                rule: "snapshot/checksum",
                level: "error",
                file: p,
                message: "file was not restored (missing after the restore)",
                fix: "run the restore again; check the disk and permissions",
            });
        }
    }
    const hashes = await (0,files/* hashWorktreeFiles */.v6)(git.root, present);
    for (const p of present) {
        const got = hashes.get(p);
        const want = manifest.files[p];
        if (got.sha256 !== want.sha256 || got.size !== want.size) {
            findings.push({
                rule: "snapshot/checksum",
                level: "error",
                file: p,
                message: "restored file differs from the snapshot's manifest",
                expected: `sha256 ${want.sha256} (${want.size} bytes)`,
                found: `sha256 ${got.sha256} (${got.size} bytes)`,
                fix: "a .gitattributes filter (eol, lfs) may have changed the bytes on checkout; check `git check-attr -a -- " + p + "`",
            });
        }
    }
    for (const p of plan.remove) {
        try {
            await promises_default().lstat(external_node_path_default().join(git.root, p));
            findings.push({
                rule: "snapshot/checksum",
                level: "error",
                file: p,
                message: "file not in the snapshot is still present after the restore",
                fix: "remove it by hand or run the restore again",
            });
        }
        catch {
            /* gone, as planned */
        }
    }
    return findings;
}
/**
 * No folder a target would be written into may lead outside the repository through a symlink.
 * Checked once per folder (resolveInside per file costs three realpath calls each).
 */
function checkTargetsInside(root, targets) {
    const realRoot = (0,external_node_fs_.realpathSync)(root);
    const seen = new Set();
    for (const t of targets) {
        let dir = external_node_path_default().posix.dirname(t);
        while (dir !== "." && !seen.has(dir)) {
            seen.add(dir);
            let real;
            try {
                real = (0,external_node_fs_.realpathSync)(external_node_path_default().join(root, dir));
            }
            catch {
                real = undefined; // does not exist yet: git creates it as a folder
            }
            if (real !== undefined && real !== realRoot && !real.startsWith(realRoot + (external_node_path_default()).sep)) {
                throw new errors/* UnsafePathError */.k0(`restoring ${JSON.stringify(t)} would write through ${JSON.stringify(dir)}, a symlink that leads outside the repository`, {
                    fix: `remove or replace the symlink ${dir}, then restore again`,
                });
            }
            dir = external_node_path_default().posix.dirname(dir);
        }
    }
}

// EXTERNAL MODULE: ./src/io/snapshot/take.ts + 1 modules
var take = __webpack_require__(5240);
// EXTERNAL MODULE: ./src/io/snapshot/verify.ts + 1 modules
var verify = __webpack_require__(2161);
;// CONCATENATED MODULE: ./src/io/snapshot/run-restore.ts







async function runRestore(git, config, options) {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const snapshot = await (0,list/* resolveSnapshot */.Vh)(git, config, options.spec);
    const short = snapshot.id.slice(0, 12);
    // Trust first: nothing is read from an untrusted snapshot beyond its signature and dates.
    const sign = config?.sign ?? (options.allowUnsigned ? { format: "none" } : (0,signing/* requireSignConfig */.Ho)(config));
    const pin = await (0,signing/* resolvePin */.Qw)(sign, git.root);
    const trust = await (0,verify/* trustFindings */.H6)(git, snapshot, pin, options.env);
    const blocking = trust.findings.filter((f) => !(options.allowUnsigned && f.rule === "snapshot/signature"));
    if (blocking.length > 0) {
        throw new refused/* SnapshotRefused */.n(`${blocking[0].rule}: refusing to restore from snapshot ${short}: ${blocking.map((f) => f.message).join("; ")}`, blocking, blocking[0].fix ? { fix: blocking[0].fix } : {});
    }
    if (trust.findings.length > 0)
        options.log(`warning: restoring from snapshot ${short} without a trusted signature (--allow-unsigned): ${trust.signature.detail}`);
    const loaded = await (0,verify/* loadSnapshot */.N2)(git, snapshot);
    const { manifest, manifestText } = loaded;
    const stored = await (0,readback/* readBackTree */.g)(git, snapshot.id, manifest, manifestText, loaded);
    loaded.blobs.clear();
    if (stored.length > 0) {
        throw new refused/* SnapshotRefused */.n(`snapshot/checksum: snapshot ${short} is damaged in the object store (${stored.length} file(s), first ${stored[0].file}: ${stored[0].message}); nothing was restored`, stored, {
            fix: "run git fsck --full; restore from an older snapshot or fetch the branch again from the remote",
        });
    }
    const plan = await planRestore(git, manifest, options.paths);
    const outcome = {
        snapshot,
        manifest,
        plan,
        findings: [],
        signature: trust.signature.status,
        ms: 0,
        dryRun: options.dryRun,
    };
    if (options.dryRun || plan.create.length + plan.modify.length + plan.remove.length === 0) {
        outcome.ms = elapsed();
        return outcome;
    }
    // Record the current state of exactly these paths first: the undo of this restore.
    const preConfig = { ...config, sign: config?.sign ?? { format: "none" } };
    const pre = await (0,take/* takeSnapshot */.W9)(git, preConfig, {
        set: list/* PRE_RESTORE_SET */._K,
        paths: plan.scopes,
        push: false,
        env: options.env,
        log: options.log,
        force: true,
    });
    // The pre-restore snapshot's set paths are exactly these scopes, so restoring it whole undoes this.
    const undoArgs = ["integrity-guard", "restore", pre.id, ...(pre.signed === "none" ? ["--allow-unsigned"] : [])];
    outcome.undo = { snapshot: pre.id, command: undoArgs.map(shellQuote).join(" ") };
    await applyRestore(git, snapshot.id, plan);
    outcome.findings = await verifyRestored(git, manifest, plan);
    const filtered = outcome.findings.filter((f) => f.found && f.file).map((f) => f.file);
    if (filtered.length > 0) {
        outcome.rewritten = await rewriteFromBlobs(git, snapshot.id, filtered, manifest);
        const again = await verifyRestored(git, manifest, { ...plan, target: filtered, remove: [] });
        outcome.findings = [...outcome.findings.filter((f) => !filtered.includes(f.file ?? "")), ...again];
    }
    outcome.ms = elapsed();
    return outcome;
}
/** Quote for a POSIX shell only when needed. */
function shellQuote(s) {
    return /^[A-Za-z0-9_./:@=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 5240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  as: () => (/* binding */ ZERO_OID),
  W9: () => (/* binding */ takeSnapshot)
});

// UNUSED EXPORTS: MAX_ATTEMPTS, withSigner

// EXTERNAL MODULE: ./src/core/snapshot/message.ts
var message = __webpack_require__(2767);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/signing.ts
var signing = __webpack_require__(3471);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/snapshot/manifest.ts
var snapshot_manifest = __webpack_require__(1387);
// EXTERNAL MODULE: ./src/io/snapshot/refused.ts
var refused = __webpack_require__(3569);
// EXTERNAL MODULE: ./src/io/snapshot/files.ts
var snapshot_files = __webpack_require__(8894);
// EXTERNAL MODULE: ./src/io/snapshot/readback.ts
var readback = __webpack_require__(1038);
;// CONCATENATED MODULE: ./src/io/snapshot/build.ts
/**
 * Build one snapshot commit with plumbing and a temporary index, so the user's index, work
 * tree, stash and HEAD are never touched: hash-object -w, update-index --index-info into
 * GIT_INDEX_FILE under .git/integrity-guard, write-tree, commit-tree (signed).
 */







/** From this many new blobs on, they are written as one pack (git fast-import). */
const PACK_THRESHOLD = 64;
/**
 * Capture the set's files, write their blobs and the tree, and read every blob back. Returns
 * without a tree when the manifest equals the previous snapshot's (nothing changed).
 */
async function prepareSnapshot(git, options) {
    const { files, skipped } = await (0,snapshot_files/* collectSetFiles */.AW)(git.root, options.paths);
    const contents = new Map();
    const hashed = await (0,snapshot_files/* hashWorktreeFiles */.v6)(git.root, files, contents);
    const manifest = { version: 1, set: options.set, paths: [...options.paths], files: Object.fromEntries(hashed) };
    const manifestText = (0,snapshot_manifest/* serializeSnapshotManifest */.IP)(manifest);
    const digest = "sha256:" + (0,snapshot_files/* sha256 */.sc)(manifestText);
    let size = 0;
    for (const e of hashed.values())
        size += e.size;
    const source = await git.tryRevParse("HEAD");
    const info = {
        set: options.set,
        time: options.time.toISOString(),
        manifestDigest: digest,
        files: files.length,
        size,
        ...(source ? { sourceCommit: source } : {}),
    };
    const prepared = { set: options.set, manifest, manifestText, digest, info, skipped };
    if (options.previous?.info?.manifestDigest === digest)
        return prepared;
    // Blobs of unchanged files are reused from the previous snapshot (read back below anyway).
    const reuse = await previousOids(git, options.previous);
    const oids = new Map();
    const toHash = [];
    for (const [p, e] of hashed) {
        const prev = reuse.get(p);
        if (prev && prev.entry.sha256 === e.sha256 && prev.entry.mode === e.mode)
            oids.set(p, prev.oid);
        else
            toHash.push(p);
    }
    // Many files: one pack from the bytes already read. Few (or too big to keep): hash-object.
    const packed = toHash.length >= PACK_THRESHOLD ? toHash.filter((p) => contents.has(p)) : [];
    const loose = packed.length > 0 ? toHash.filter((p) => !contents.has(p)) : toHash;
    if (packed.length > 0) {
        await promises_default().mkdir(git.stateDir(), { recursive: true });
        const marks = external_node_path_default().join(git.stateDir(), `snapshot-${process.pid}-${Date.now()}.marks`);
        const ids = await git.writeBlobsPacked(packed.map((p) => contents.get(p)), marks);
        packed.forEach((p, i) => oids.set(p, ids[i]));
    }
    contents.clear();
    const written = await git.hashFilesAsBlobs(loose);
    loose.forEach((p, i) => oids.set(p, written[i]));
    const manifestOid = await git.hashObject(manifestText);
    const entries = [...hashed].map(([p, e]) => ({ mode: e.mode, oid: oids.get(p), path: p }));
    entries.push({ mode: "100644", oid: manifestOid, path: snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh });
    prepared.tree = await withTempIndex(git, (indexFile) => git.writeTreeFromEntries(entries, indexFile));
    const findings = await (0,readback/* readBackTree */.g)(git, prepared.tree, manifest, manifestText);
    if (findings.length > 0) {
        const list = findings
            .slice(0, 5)
            .map((f) => `  ${f.file}: ${f.message}${f.found ? ` (expected ${f.expected}, found ${f.found})` : ""}`);
        throw new refused/* SnapshotRefused */.n(`snapshot/checksum: snapshot of set ${options.set} failed read-back validation; the branch was not moved:\n${list.join("\n")}${findings.length > 5 ? `\n  ... and ${findings.length - 5} more` : ""}`, findings, {
            fix: "a file changed while it was being snapshotted, or the object store is damaged: run `git fsck --full`, then take the snapshot again",
        });
    }
    return prepared;
}
/** Path -> (oid, manifest entry) of the previous snapshot of the set, for reuse. */
async function previousOids(git, previous) {
    const out = new Map();
    if (!previous)
        return out;
    try {
        const entries = await git.lsTreeBlobs(previous.id);
        const mEntry = entries.find((e) => e.path === snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh);
        if (!mEntry)
            return out;
        const text = (await git.readBlobs([mEntry.oid])).get(mEntry.oid)?.toString("utf8");
        const m = text === undefined ? "unreadable" : (0,snapshot_manifest/* parseSnapshotManifest */.dE)(text);
        if (typeof m === "string")
            return out;
        for (const e of entries) {
            const entry = m.files[e.path];
            if (entry && e.type === "blob")
                out.set(e.path, { oid: e.oid, entry });
        }
    }
    catch {
        /* an unreadable previous snapshot only costs re-hashing */
    }
    return out;
}
/** Run fn with a fresh index file under .git/integrity-guard, removed afterwards. */
async function withTempIndex(git, fn) {
    const dir = git.stateDir();
    await promises_default().mkdir(dir, { recursive: true });
    const file = external_node_path_default().join(dir, `snapshot-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.index`);
    try {
        return await fn(file);
    }
    finally {
        await promises_default().rm(file, { force: true });
        await promises_default().rm(file + ".lock", { force: true });
    }
}
/** Identity for commit-tree when the repository has none (CI runners often do not). */
async function commitIdentityEnv(git) {
    if (await git.tryCommitterIdent())
        return {};
    return {
        GIT_AUTHOR_NAME: "integrity-guard",
        GIT_AUTHOR_EMAIL: "integrity-guard@localhost",
        GIT_COMMITTER_NAME: "integrity-guard",
        GIT_COMMITTER_EMAIL: "integrity-guard@localhost",
    };
}
/**
 * Commit a prepared tree on `parent` (signed as the signer says). The commit date is never
 * before the parent's, so the chain stays in order even across machines with skewed clocks.
 */
async function commitSnapshot(git, options) {
    const now = Math.floor(Date.now() / 1000);
    const when = Math.max(now, options.parent?.time ?? 0);
    const date = `${when} +0000`;
    return git.commitTree({
        tree: options.tree,
        parents: options.parent ? [options.parent.id] : [],
        message: options.message,
        sign: options.signer.sign,
        configArgs: options.signer.configArgs,
        env: { ...options.signer.env, ...options.identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
}


// EXTERNAL MODULE: ./src/io/snapshot/list.ts
var list = __webpack_require__(9905);
;// CONCATENATED MODULE: ./src/io/snapshot/take.ts






const ZERO_OID = "0000000000000000000000000000000000000000";
const MAX_ATTEMPTS = 5;
/** Run `fn` with the configured signer and its pin; the temporary key file is removed after. */
async function withSigner(git, config, env, fn) {
    const sign = (0,signing/* requireSignConfig */.Ho)(config);
    const pin = await (0,signing/* resolvePin */.Qw)(sign, git.root);
    // The private key copy lives under .git/integrity-guard (machine-local, never committed) for
    // as long as one command runs.
    const signer = await (0,signing/* openSigner */.Hs)(sign, git.root, env, git.stateDir());
    try {
        return await fn(signer, pin);
    }
    finally {
        await signer.dispose();
    }
}
async function takeSnapshot(git, config, options) {
    return withSigner(git, config, options.env, async (signer, pin) => {
        const ref = (0,list/* branchRef */.Mi)(config);
        const remote = config?.remote ?? "origin";
        const identity = await commitIdentityEnv(git);
        const ctx = { git, ref, remote, signer, pin, identity, env: options.env };
        if (options.push)
            await reconcileWithRemote(ctx);
        let prepared;
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            const chain = await (0,list/* readChain */.UM)(git, ref);
            const tip = chain[0];
            const previous = chain.find((r) => r.info?.set === options.set);
            prepared ??= await prepareSnapshot(git, {
                set: options.set,
                paths: options.paths,
                time: new Date(),
                ...(previous && !options.force ? { previous } : {}),
            });
            if (!prepared.tree || (!options.force && previous?.info?.manifestDigest === prepared.digest)) {
                let pushed = false;
                if (options.push && tip)
                    pushed = await pushWithRetry(ctx, options.log);
                return { id: previous.id, unchanged: true, prepared, ref, pushed, attempts: attempt, signed: signer.format };
            }
            const id = await commitSnapshot(git, {
                tree: prepared.tree,
                message: (0,message/* formatSnapshotMessage */.vd)(prepared.info),
                ...(tip ? { parent: { id: tip.id, time: tip.time } } : {}),
                signer,
                identity,
            });
            await checkOwnSignature(ctx, id);
            if (!(await git.updateRefCas(ref, id, tip?.id ?? ZERO_OID, `integrity-guard snapshot ${options.set}`))) {
                options.log(`${ref} moved while the snapshot was being written (another snapshot); rebuilding on the new tip (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
                continue;
            }
            const pushed = options.push ? await pushWithRetry(ctx, options.log) : false;
            // After a rebased push our commit was re-signed: report the id that is on the branch now.
            const mine = pushed
                ? ((await (0,list/* readChain */.UM)(git, ref)).find((r) => r.info?.manifestDigest === prepared.digest && r.info.time === prepared.info.time)
                    ?.id ?? id)
                : id;
            return { id: mine, unchanged: false, prepared, ref, pushed, attempts: attempt, signed: signer.format };
        }
        throw new errors/* EnvironmentError */.eG(`${ref} kept moving: ${MAX_ATTEMPTS} attempts to add the snapshot lost the race`, {
            fix: "too many snapshotters at once; run the snapshot again",
        });
    });
}
/** A commit we just signed must verify against the pin: a wrong key is caught before publishing. */
async function checkOwnSignature(ctx, id) {
    if (!ctx.signer.sign || !ctx.pin)
        return;
    const res = await (0,signing/* verifySignature */.Od)(ctx.git, id, ctx.pin, ctx.env);
    if (res.status !== "good") {
        const fix = "the signing key (snapshots.sign.key) and the pin (allowed_signers / fingerprint) must name the same key";
        const message = `the snapshot was signed, but the signature does not verify against the pinned key (${res.status}: ${res.detail}); the branch was not moved`;
        throw new refused/* SnapshotRefused */.n(`snapshot/signature: ${message}`, [{ rule: "snapshot/signature", level: "error", message, expected: "a signature by the pinned key", found: res.status, fix }], { fix });
    }
}
function remoteTrackingRef(ctx) {
    return `refs/integrity-snapshots/remotes/${ctx.remote}/${ctx.ref.replace(/^refs\/heads\//, "")}`;
}
/**
 * Bring the local branch onto the remote's tip: fetch it, then replay (re-sign) our local-only
 * snapshots on top, oldest first. A branch only behind is fast-forwarded. CAS throughout.
 */
async function reconcileWithRemote(ctx) {
    const { git } = ctx;
    const tracking = remoteTrackingRef(ctx);
    if (!(await git.fetchRef(ctx.remote, ctx.ref, tracking)))
        return;
    const remoteTip = (await git.tryRevParse(tracking));
    const localTip = await git.tryRevParse(ctx.ref);
    if (!localTip) {
        await git.updateRefCas(ctx.ref, remoteTip, ZERO_OID, "integrity-guard: snapshots from remote");
        return;
    }
    if (localTip === remoteTip)
        return;
    const localOnly = await git.logChain(`${remoteTip}..${localTip}`);
    let base = { id: remoteTip, time: (await git.logChain(remoteTip, 1))[0].time };
    for (const c of localOnly.reverse()) {
        const tree = (await git.tryRevParse(`${c.id}^{tree}`));
        const id = await commitSnapshot(git, { tree, message: c.message, parent: base, signer: ctx.signer, identity: ctx.identity });
        await checkOwnSignature(ctx, id);
        base = { id, time: (await git.logChain(id, 1))[0].time };
    }
    if (!(await git.updateRefCas(ctx.ref, base.id, localTip, "integrity-guard: snapshots rebased on the remote"))) {
        throw new errors/* EnvironmentError */.eG(`${ctx.ref} moved locally while it was being rebased on ${ctx.remote}`, { fix: "run the snapshot again" });
    }
}
/** Push without force; on rejection re-fetch, rebuild, re-sign, retry (bounded). */
async function pushWithRetry(ctx, log) {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const res = await ctx.git.pushRefs(ctx.remote, [`${ctx.ref}:${ctx.ref}`]);
        if (res.ok)
            return true;
        log(`push of ${ctx.ref} to ${ctx.remote} was rejected (another snapshot was pushed first); rebuilding on the remote tip (attempt ${attempt + 1} of ${MAX_ATTEMPTS})`);
        await reconcileWithRemote(ctx);
    }
    throw new errors/* EnvironmentError */.eG(`push of ${ctx.ref} to ${ctx.remote} was rejected ${MAX_ATTEMPTS} times; the snapshot is kept locally`, {
        fix: `run integrity-guard snapshot --push again later, or git push ${ctx.remote} ${ctx.ref} (never with --force)`,
    });
}


/***/ }),

/***/ 2161:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N2: () => (/* binding */ loadSnapshot),
  yK: () => (/* binding */ signatureOf),
  H6: () => (/* binding */ trustFindings)
});

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

// EXTERNAL MODULE: ./src/core/snapshot/manifest.ts
var snapshot_manifest = __webpack_require__(1387);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/signing.ts
var signing = __webpack_require__(3471);
// EXTERNAL MODULE: ./src/io/snapshot/files.ts
var files = __webpack_require__(8894);
// EXTERNAL MODULE: ./src/io/snapshot/readback.ts
var readback = __webpack_require__(1038);
// EXTERNAL MODULE: ./src/io/snapshot/list.ts
var list = __webpack_require__(9905);
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
    return (0,signing/* verifySignature */.Od)(git, id, pin, env);
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
    const chain = await (0,list/* readChain */.UM)(git, record.ref);
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
        const why = e.path === snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh ? undefined : (0,snapshot_manifest/* unsafeSnapshotPath */.E$)(e.path);
        if (why)
            throw new errors/* UnsafePathError */.k0(`snapshot ${short} holds the path ${JSON.stringify(e.path)} (${why}); refusing to restore anything from it`, { fix: "this snapshot was not written by integrity-guard, or was tampered with; pick another one" });
        if (e.type !== "blob" || (e.mode !== "100644" && e.mode !== "100755")) {
            throw new errors/* UnsafePathError */.k0(`snapshot ${short} holds ${JSON.stringify(e.path)} as ${e.type} mode ${e.mode}; only regular files are restored`, { fix: "pick another snapshot" });
        }
    }
    const mEntry = entries.find((e) => e.path === snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh);
    const blobs = await (0,readback/* readBlobsSafe */.W)(git, entries.map((e) => e.oid));
    const text = mEntry ? blobs.get(mEntry.oid)?.toString("utf8") : undefined;
    if (text === undefined)
        throw new errors/* IntegrityError */.cs(`snapshot/checksum: snapshot ${short} has no readable ${snapshot_manifest/* SNAPSHOT_MANIFEST_PATH */.Bh}`, {
            fix: "pick another snapshot; run git fsck --full",
        });
    const digest = "sha256:" + (0,files/* sha256 */.sc)(text);
    if (digest !== record.info.manifestDigest) {
        throw new errors/* IntegrityError */.cs(`snapshot/checksum: the manifest of snapshot ${short} does not match the digest in its message (${record.info.manifestDigest}, found ${digest})`, { fix: "the snapshot was altered after it was written; pick another one" });
    }
    const manifest = (0,snapshot_manifest/* parseSnapshotManifest */.dE)(text);
    if (typeof manifest === "string")
        throw new errors/* IntegrityError */.cs(`snapshot/checksum: the manifest of snapshot ${short} is invalid: ${manifest}`);
    for (const p of Object.keys(manifest.files)) {
        const why = (0,snapshot_manifest/* unsafeSnapshotPath */.E$)(p);
        if (why)
            throw new errors/* UnsafePathError */.k0(`snapshot ${short} lists the path ${JSON.stringify(p)} (${why}); refusing to restore anything from it`, {
                fix: "pick another snapshot",
            });
    }
    return { manifest, manifestText: text, entries, blobs };
}


/***/ })

};
