export const id = 339;
export const ids = [339];
export const modules = {

/***/ 3339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _io_signing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3471);
/* harmony import */ var _io_snapshot_list_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9905);
/* harmony import */ var _io_snapshot_verify_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2161);



const command = {
    name: "snapshots",
    summary: "list snapshots with their set, time, size and signature status",
    usage: "integrity-guard snapshots [--set NAME] [--format json]",
    description: "Lists the snapshots on the snapshot branch (newest first), then those in closed epochs (refs/integrity-snapshots/epochs/*): id, set, time, number of files, total size, and the signature status checked against the pinned key (good, unsigned, bad, untrusted = another key, wrong-type = e.g. a gpg signature under an ssh pin, unverified = sign.format none). With --format json the list is the `snapshots` array.",
    examples: ["integrity-guard snapshots", "integrity-guard snapshots --set hourly --format json"],
    options: {
        set: { type: "string", short: "s", valueName: "NAME", description: "only snapshots of this set" },
    },
    async run(ctx) {
        const config = ctx.loaded.config.snapshots;
        const pin = config?.sign ? await (0,_io_signing_js__WEBPACK_IMPORTED_MODULE_0__/* .resolvePin */ .Qw)(config.sign, ctx.root).catch(() => undefined) : undefined;
        const { live, epochs } = await (0,_io_snapshot_list_js__WEBPACK_IMPORTED_MODULE_1__/* .listAllSnapshots */ .JU)(ctx.git, config);
        const records = [...live, ...epochs.flatMap((e) => e.chain)].filter((r) => r.info && (!ctx.options.set || r.info.set === ctx.options.set));
        const rows = [];
        for (const r of records) {
            const sig = await (0,_io_snapshot_verify_js__WEBPACK_IMPORTED_MODULE_2__/* .signatureOf */ .yK)(ctx.git, r.id, pin, ctx.env);
            rows.push({
                id: r.id,
                set: r.info.set,
                time: r.info.time,
                committed: new Date(r.time * 1000).toISOString(),
                files: r.info.files,
                size: r.info.size,
                signature: sig.status,
                ...(sig.fingerprint ? { key: sig.fingerprint } : {}),
                ref: r.ref,
                source_commit: r.info.sourceCommit ?? null,
                manifest_digest: r.info.manifestDigest,
            });
        }
        const header = ["ID", "SET", "TIME", "FILES", "SIZE", "SIGNATURE", "REF"];
        const table = [
            header,
            ...rows.map((r) => [
                r.id.slice(0, 12),
                r.set,
                r.time,
                String(r.files),
                String(r.size),
                r.signature,
                r.ref.replace(/^refs\/(heads\/|integrity-snapshots\/)/, ""),
            ]),
        ];
        const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
        const text = rows.length === 0
            ? "no snapshots yet (take one with integrity-guard snapshot --set NAME)"
            : table
                .map((row) => row
                .map((c, i) => c.padEnd(widths[i]))
                .join("  ")
                .trimEnd())
                .join("\n");
        const untrusted = rows.filter((r) => r.signature !== "good" && r.signature !== "unverified").length;
        return { findings: [], text, json: { snapshots: rows }, summary: { snapshots: rows.length, untrusted } };
    },
};


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
