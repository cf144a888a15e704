export const id = 572;
export const ids = [572];
export const modules = {

/***/ 8572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command),
/* harmony export */   refused: () => (/* binding */ refused)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _core_snapshot_message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2767);
/* harmony import */ var _io_snapshot_list_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9905);
/* harmony import */ var _io_snapshot_take_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5240);
/* harmony import */ var _io_snapshot_refused_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3569);





const command = {
    name: "snapshot",
    summary: "take a signed, verified snapshot of a backup set on the snapshot branch",
    usage: "integrity-guard snapshot --set NAME [--push]",
    description: 'Writes the files of the backup set NAME (config snapshots.sets.NAME.paths; "dir/" means everything below) as they are in the work tree — committed or not, ignored or not — as one commit on the orphan branch snapshots.branch (default integrity-snapshots). The commit is built with git plumbing and a temporary index, so your index, work tree, stash and HEAD are not touched. It holds .integrity-snapshot/manifest.json (SHA-256 and size of every file) and the trailers Snapshot-Set, Snapshot-Time, Source-Commit and Manifest-Digest, and is signed as snapshots.sign says (ssh, gpg, or an explicit none).\n\n' +
        "Before the branch moves, every blob is read back from git and compared with the source (snapshot/checksum); the branch moves by compare-and-swap only. When nothing changed since the set's last snapshot, no commit is made. --push publishes the branch to snapshots.remote (default origin); a rejected push re-fetches, rebuilds on the new tip, re-signs and retries (at most 5 times). It never force-pushes.",
    examples: [
        "integrity-guard snapshot --set hourly",
        'INTEGRITY_GUARD_SIGNING_KEY="$(cat key)" integrity-guard snapshot --set daily --push',
        "integrity-guard snapshot --set weekly --format json",
    ],
    options: {
        set: { type: "string", short: "s", valueName: "NAME", description: "the backup set to snapshot (a key of snapshots.sets)" },
        push: { type: "boolean", description: "push the snapshot branch to snapshots.remote (default origin), retrying without force" },
    },
    async run(ctx) {
        const set = ctx.options.set;
        const sets = ctx.loaded.config.snapshots?.sets ?? {};
        if (!set)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb("snapshot needs --set NAME", {
                fix: `name one of the configured sets: ${Object.keys(sets).join(", ") || "(none configured: add snapshots.sets to the config)"}`,
            });
        if (!(0,_core_snapshot_message_js__WEBPACK_IMPORTED_MODULE_1__/* .isSetName */ .o$)(set) || set === _io_snapshot_list_js__WEBPACK_IMPORTED_MODULE_2__/* .PRE_RESTORE_SET */ ._K)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`--set ${JSON.stringify(set)} is not a usable set name`, {
                fix: "use letters, digits, '.', '_' and '-'; pre-restore is reserved",
            });
        const def = sets[set];
        if (!def) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(`backup set ${JSON.stringify(set)} is not in ${ctx.loaded.path}`, {
                fix: Object.keys(sets).length
                    ? `use one of: ${Object.keys(sets).join(", ")}, or add snapshots.sets.${set}.paths`
                    : `add snapshots: { sets: { ${set}: { paths: ["data/"] } } } to the config`,
            });
        }
        let r;
        try {
            r = await (0,_io_snapshot_take_js__WEBPACK_IMPORTED_MODULE_3__/* .takeSnapshot */ .W9)(ctx.git, ctx.loaded.config.snapshots, {
                set,
                paths: def.paths,
                push: Boolean(ctx.options.push),
                env: ctx.env,
                log: ctx.log,
            });
        }
        catch (error) {
            if (error instanceof _io_snapshot_refused_js__WEBPACK_IMPORTED_MODULE_4__/* .SnapshotRefused */ .n)
                return refused(error);
            throw error;
        }
        const p = r.prepared;
        const branch = r.ref.replace(/^refs\/heads\//, "");
        const lines = [
            r.unchanged
                ? `nothing changed in set ${set} since snapshot ${r.id.slice(0, 12)}: no new snapshot`
                : `snapshot ${r.id.slice(0, 12)} of set ${set}: ${p.info.files} files, ${p.info.size} bytes, ${r.signed === "none" ? "unsigned (sign.format none)" : `signed (${r.signed})`}, read back and verified, on ${branch}`,
        ];
        if (r.pushed)
            lines.push(`pushed ${branch} to ${ctx.loaded.config.snapshots?.remote ?? "origin"}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ""}`);
        for (const s of p.skipped)
            lines.push(`skipped ${s.path}: ${s.reason}`);
        const snapshot = {
            id: r.id,
            set,
            branch,
            time: p.info.time,
            files: p.info.files,
            size: p.info.size,
            manifest_digest: p.digest,
            signed: r.signed,
            unchanged: r.unchanged,
            pushed: r.pushed,
            skipped: p.skipped,
        };
        return { findings: [], text: lines.join("\n"), json: { snapshot }, summary: { snapshot_id: r.id, set, unchanged: r.unchanged } };
    },
};
/** A refused snapshot/restore: its findings (rule ids in every format) and exit 1. */
function refused(error) {
    return { findings: error.findings, text: error.message + (error.fix ? `\n  fix: ${error.fix}` : ""), exitCode: 1 };
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


/***/ })

};
