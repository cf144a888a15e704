export const id = 997;
export const ids = [997];
export const modules = {

/***/ 5997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

;// CONCATENATED MODULE: ./src/core/snapshot/retention.ts
/**
 * Retention in the manner of `restic forget --keep-last N`, per set: the N newest snapshots of
 * each set are kept. A set with no `keep` (or not in the config any more, like `pre-restore`)
 * keeps everything: we never delete what no policy speaks about.
 */
/** Select what to keep; `policy` maps a set name to its keep count. Pure and order-independent. */
function selectRetention(items, policy) {
    const bySet = new Map();
    for (const item of items) {
        const list = bySet.get(item.set) ?? [];
        list.push(item);
        bySet.set(item.set, list);
    }
    const keep = new Set();
    const drop = new Set();
    const reasons = new Map();
    for (const [set, list] of bySet) {
        // Newest first; ties broken by id so the result never depends on input order.
        list.sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const n = policy[set];
        list.forEach((item, i) => {
            if (n === undefined) {
                keep.add(item.id);
                reasons.set(item.id, `set ${set} has no keep policy`);
            }
            else if (i < n) {
                keep.add(item.id);
                reasons.set(item.id, `newest ${i + 1} of ${n} kept for set ${set}`);
            }
            else {
                drop.add(item.id);
                reasons.set(item.id, `beyond keep ${n} for set ${set}`);
            }
        });
    }
    return { keep, drop, reasons };
}
/**
 * Epochs are dropped whole (no commit is ever rewritten or re-signed): an epoch goes when none
 * of its snapshots is kept; otherwise it stays with everything in it.
 */
function epochsToDrop(epochs, keep) {
    return epochs.filter((e) => !e.snapshotIds.some((id) => keep.has(id))).map((e) => e.ref);
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/snapshot/list.ts
var list = __webpack_require__(9905);
// EXTERNAL MODULE: ./src/io/snapshot/take.ts + 1 modules
var take = __webpack_require__(5240);
;// CONCATENATED MODULE: ./src/io/snapshot/prune.ts




/** "7d" -> seconds. */
function durationSeconds(d) {
    const m = /^([0-9]+(?:\.[0-9]+)?)(s|m|h|d|w)$/.exec(d);
    if (!m)
        return NaN;
    return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2]];
}
async function planPrune(git, config, now = Math.floor(Date.now() / 1000)) {
    const { live, epochs } = await (0,list/* listAllSnapshots */.JU)(git, config);
    const records = [...live, ...epochs.flatMap((e) => e.chain)].filter((r) => r.info);
    const policy = {};
    for (const [name, set] of Object.entries(config?.sets ?? {}))
        policy[name] = set.keep;
    const retention = selectRetention(records.map((r) => ({ id: r.id, set: r.info.set, time: Date.parse(r.info.time) })), policy);
    const plan = { retention, records, dropEpochs: [], deferred: [] };
    const epochItems = epochs.map((e) => ({ ref: e.ref, oid: e.chain[0]?.id ?? "", snapshotIds: e.chain.map((c) => c.id) }));
    const root = live[live.length - 1];
    const epochAge = durationSeconds(config?.epoch ?? "7d");
    if (live.length > 0 && root && live.some((r) => retention.drop.has(r.id)) && now - root.time >= epochAge) {
        const tip = live[0].id;
        const ref = `${list/* EPOCH_PREFIX */.Pw}${new Date(root.time * 1000)
            .toISOString()
            .replace(/[-:]/g, "")
            .replace(/\.\d+Z$/, "Z")}-${tip.slice(0, 12)}`;
        plan.closeLiveAs = { ref, tip };
        epochItems.push({ ref, oid: tip, snapshotIds: live.map((r) => r.id) });
    }
    const drop = new Set(epochsToDrop(epochItems, retention.keep));
    for (const e of epochItems)
        if (drop.has(e.ref))
            plan.dropEpochs.push({ ref: e.ref, oid: e.oid, ids: e.snapshotIds });
    const gone = new Set(plan.dropEpochs.flatMap((e) => e.ids));
    plan.deferred = [...retention.drop].filter((id) => !gone.has(id));
    return plan;
}
/** Apply a prune plan locally (CAS on every ref) and, with `push`, on the remote. */
async function applyPrune(git, config, plan, push) {
    const branch = (0,list/* branchRef */.Mi)(config);
    const remote = config?.remote ?? "origin";
    if (plan.closeLiveAs) {
        const { ref, tip } = plan.closeLiveAs;
        if (!(await git.updateRefCas(ref, tip, take/* ZERO_OID */.as, "integrity-guard prune: close epoch")))
            throw new errors/* EnvironmentError */.eG(`cannot create ${ref}: it exists already`);
        if (push) {
            const r = await git.pushRefs(remote, [`${ref}:${ref}`]);
            if (!r.ok)
                throw new errors/* EnvironmentError */.eG(`push of ${ref} to ${remote} was rejected: ${r.message.trim()}`);
            // The one non-fast-forward change: leased on the exact tip we closed.
            const d = await git.pushRefs(remote, [`:${branch}`], [`--force-with-lease=${branch}:${tip}`]);
            if (!d.ok) {
                await git.deleteRefCas(ref, tip);
                throw new errors/* EnvironmentError */.eG(`${branch} on ${remote} moved while the epoch was being closed (a new snapshot arrived); nothing was pruned`, { fix: "run prune again" });
            }
        }
        if (!(await git.deleteRefCas(branch, tip))) {
            throw new errors/* EnvironmentError */.eG(`${branch} moved while the epoch was being closed; the old chain is safe in ${ref}`, {
                fix: "run prune again",
            });
        }
    }
    for (const e of plan.dropEpochs) {
        if (push) {
            const r = await git
                .pushRefs(remote, [`:${e.ref}`])
                .catch((error) => ({ ok: /does not exist/.test(error.message), message: error.message }));
            if (!r.ok && !/does not exist/.test(r.message))
                throw new errors/* EnvironmentError */.eG(`deleting ${e.ref} on ${remote} was rejected: ${r.message.trim()}`);
        }
        await git.deleteRefCas(e.ref, e.oid);
    }
}

;// CONCATENATED MODULE: ./src/commands/prune.ts

const command = {
    name: "prune",
    summary: "apply the retention policy of each snapshot set",
    usage: "integrity-guard prune [--dry-run] [--push]",
    description: "Keeps the newest snapshots.sets.<name>.keep snapshots of each set (like restic forget --keep-last); sets without keep, and pre-restore snapshots, are kept. Commits are never rewritten or re-signed: retention works on epochs. When the live chain holds a snapshot to drop and its first commit is older than snapshots.epoch (default 7d), the chain is closed into refs/integrity-snapshots/epochs/<time>-<tip> and the next snapshot starts a new chain. An epoch is deleted whole once none of its snapshots is kept; until then dropped snapshots stay (reported as deferred). Objects of deleted epochs are freed by git gc.",
    examples: ["integrity-guard prune --dry-run", "integrity-guard prune --push"],
    options: {
        "dry-run": { type: "boolean", short: "n", description: "show what would be kept, closed and deleted; change nothing" },
        push: { type: "boolean", description: "apply the same changes on snapshots.remote (the epoch close is leased on the exact old tip)" },
    },
    async run(ctx) {
        const config = ctx.loaded.config.snapshots;
        const plan = await planPrune(ctx.git, config);
        const dry = Boolean(ctx.options["dry-run"]);
        if (!dry)
            await applyPrune(ctx.git, config, plan, Boolean(ctx.options.push));
        const lines = [];
        const verb = dry ? "would" : "did";
        for (const r of plan.records) {
            const reason = plan.retention.reasons.get(r.id) ?? "";
            const state = plan.retention.keep.has(r.id) ? "keep" : plan.deferred.includes(r.id) ? "drop later" : "drop";
            lines.push(`${state.padEnd(10)} ${r.id.slice(0, 12)}  ${r.info.set.padEnd(12)} ${r.info.time}  (${reason})`);
        }
        if (plan.closeLiveAs)
            lines.push(`${verb} close the live chain into ${plan.closeLiveAs.ref}`);
        for (const e of plan.dropEpochs)
            lines.push(`${verb} delete epoch ${e.ref} (${e.ids.length} snapshots)`);
        if (plan.deferred.length)
            lines.push(`${plan.deferred.length} snapshot(s) beyond their set's keep stay until their epoch holds nothing kept`);
        if (lines.length === 0)
            lines.push("no snapshots");
        const json = {
            prune: {
                dry_run: dry,
                keep: [...plan.retention.keep],
                drop: [...plan.retention.drop].filter((id) => !plan.deferred.includes(id)),
                deferred: plan.deferred,
                closed_epoch: plan.closeLiveAs?.ref ?? null,
                deleted_epochs: plan.dropEpochs.map((e) => e.ref),
            },
        };
        return {
            findings: [],
            text: lines.join("\n"),
            json,
            summary: { kept: plan.retention.keep.size, dropped: json.prune.drop.length, deferred: plan.deferred.length },
        };
    },
};


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
