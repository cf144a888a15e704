export const id = 816;
export const ids = [816];
export const modules = {

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   command: () => (/* binding */ command)
/* harmony export */ });
/* harmony import */ var _io_snapshot_run_restore_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2781);
/* harmony import */ var _io_snapshot_refused_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3569);
/* harmony import */ var _snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8572);



const command = {
    name: "restore",
    summary: "restore paths from a verified snapshot (records the current state first)",
    usage: "integrity-guard restore [SNAPSHOT|latest|SET] [PATHS...] [--dry-run] [--allow-unsigned]",
    positionals: {
        name: "SNAPSHOT [PATHS...]",
        description: "a snapshot id (or prefix), latest, or a set name (its newest snapshot); then the files or folders to restore (default: the whole set)",
    },
    description: "Verifies the snapshot's signature against the pinned key (snapshots.sign: allowed_signers for ssh, fingerprint for gpg) and the dates along its chain, and refuses an unsigned, forged or other-key snapshot (snapshot/signature, exit 1) unless --allow-unsigned. Every blob is read back and checked against the snapshot's manifest before anything is written.\n\n" +
        "The paths are then made to match the snapshot exactly: its files are written with `git restore --source=<snapshot> --worktree` (literal pathspecs), and files under those paths that the snapshot does not hold are removed. The index is not changed: stage the result with git add when you want to commit it. Before changing anything the current state of those paths is recorded as a `pre-restore` snapshot and the command that undoes the restore is printed. Afterwards every restored file is verified against the manifest (snapshot/checksum) and the recovery time is printed.",
    examples: [
        "integrity-guard restore hourly --dry-run",
        "integrity-guard restore latest fsm_state.json",
        "integrity-guard restore 3f2a9c1b agent_workspaces/meeting/",
    ],
    options: {
        "dry-run": { type: "boolean", short: "n", description: "show what would be created, modified and removed; change nothing" },
        "allow-unsigned": { type: "boolean", description: "restore even when the snapshot's signature does not verify against the pinned key" },
    },
    async run(ctx) {
        const [spec = "latest", ...paths] = ctx.positionals;
        let o;
        try {
            o = await (0,_io_snapshot_run_restore_js__WEBPACK_IMPORTED_MODULE_0__/* .runRestore */ .Y)(ctx.git, ctx.loaded.config.snapshots, {
                spec,
                paths,
                allowUnsigned: Boolean(ctx.options["allow-unsigned"]),
                dryRun: Boolean(ctx.options["dry-run"]),
                env: ctx.env,
                log: ctx.log,
            });
        }
        catch (error) {
            if (error instanceof _io_snapshot_refused_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotRefused */ .n)
                return (0,_snapshot_js__WEBPACK_IMPORTED_MODULE_2__.refused)(error);
            throw error;
        }
        const short = o.snapshot.id.slice(0, 12);
        const { plan } = o;
        const lines = [];
        lines.push(`${o.dryRun ? "would restore" : "restore"} from snapshot ${short} (set ${o.snapshot.info.set}, ${o.snapshot.info.time}, signature ${o.signature}): ${plan.scopes.join(", ")}`);
        for (const p of plan.create)
            lines.push(`  create  ${p}`);
        for (const p of plan.modify)
            lines.push(`  modify  ${p}`);
        for (const p of plan.remove)
            lines.push(`  remove  ${p}`);
        lines.push(`  ${plan.create.length} to create, ${plan.modify.length} to modify, ${plan.remove.length} to remove, ${plan.unchanged.length} unchanged`);
        if (!o.dryRun) {
            if (o.undo) {
                lines.push(`the previous state is in snapshot ${o.undo.snapshot.slice(0, 12)} (set pre-restore); undo with:`);
                lines.push(`  ${o.undo.command}`);
            }
            else
                lines.push("nothing to change: the paths already match the snapshot");
            if (o.rewritten?.length)
                lines.push(`${o.rewritten.length} file(s) changed by a .gitattributes checkout filter were rewritten byte for byte from the snapshot: ${o.rewritten.slice(0, 5).join(", ")}${o.rewritten.length > 5 ? ", ..." : ""}`);
            lines.push(o.findings.length === 0
                ? `verified ${plan.target.length} files against the manifest; recovery time ${(o.ms / 1000).toFixed(2)} s`
                : `verification FAILED for ${o.findings.length} file(s); recovery time ${(o.ms / 1000).toFixed(2)} s`);
            lines.push("the index was not changed; `git add` the restored paths to stage them");
        }
        const restore = {
            snapshot: o.snapshot.id,
            set: o.snapshot.info.set,
            signature: o.signature,
            dry_run: o.dryRun,
            scopes: plan.scopes,
            create: plan.create,
            modify: plan.modify,
            remove: plan.remove,
            unchanged: plan.unchanged.length,
            verified: o.dryRun ? 0 : plan.target.length,
            undo: o.undo?.command ?? null,
            pre_restore_snapshot: o.undo?.snapshot ?? null,
            recovery_ms: Math.round(o.ms),
        };
        return {
            findings: o.findings,
            text: lines.join("\n"),
            json: { restore },
            summary: { snapshot_id: o.snapshot.id, recovery_ms: Math.round(o.ms) },
        };
    },
};


/***/ }),

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


/***/ })

};
