export const id = 7;
export const ids = [7,171];
export const modules = {

/***/ 8171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  check: () => (/* binding */ check),
  checkStaged: () => (/* binding */ checkStaged),
  verifyTree: () => (/* binding */ verifyTree)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/core/manifest/diff.ts

const RESEAL = "if the change is intended, run `integrity-guard seal` and commit .integrity-guard/manifest.json; otherwise restore the file";
/** Short form of what an entry or observation holds, for expected/found. */
function describe(x) {
    return x.link !== undefined ? `symlink -> ${x.link}` : `sha256 ${x.sha256.slice(0, 16)}…, ${x.size} bytes`;
}
function same(e, o) {
    if (o.kind === "error")
        return false;
    if ((e.link !== undefined) !== (o.kind === "link"))
        return false;
    if (o.kind === "link")
        return e.link === o.link;
    return e.sha256 === o.sha256 && e.size === o.size && (e.mode ?? "644") === (o.mode ?? "644");
}
/**
 * Compare sealed entries with observations of the covered paths. Paths absent from `observed`
 * do not exist now. Only entries and observations passed in are compared (a shard passes its
 * share of both).
 */
function diffManifest(entries, observed, options = {}) {
    const level = options.modifiedLevel ?? "error";
    const related = (p) => {
        const line = options.lineOf?.(p);
        return [{ file: types/* MANIFEST_PATH */.U4, ...(line ? { line } : {}), message: "sealed here" }];
    };
    const findings = [];
    const missing = [];
    const sealed = new Set();
    for (const e of entries) {
        sealed.add(e.path);
        const o = observed.get(e.path);
        if (!o) {
            missing.push(e);
            continue;
        }
        if (o.kind === "error") {
            findings.push({
                rule: "manifest/unreadable",
                level: "error",
                file: e.path,
                message: `${e.path} is sealed but could not be read: ${o.message}`,
                expected: describe(e),
                found: o.code ?? "unreadable",
                fix: "check the file's permissions (or whether it was replaced by a folder or special file) and run verify again",
                related: related(e.path),
            });
            continue;
        }
        if (same(e, o))
            continue;
        if (o.kind === "file" && o.bitrot) {
            findings.push({
                rule: "manifest/bitrot",
                level: "error",
                file: e.path,
                message: `${e.path} changed on disk although its size, mtime, inode and ctime did not: silent corruption (bit rot, a bad disk or a tool that restored the timestamps)`,
                expected: describe(e),
                found: describe(o),
                fix: "restore the file from a snapshot or git (`integrity-guard restore` or `git checkout -- FILE`), then check the disk",
                related: related(e.path),
            });
            continue;
        }
        const kindChange = (e.link !== undefined) !== (o.kind === "link");
        const modeChange = !kindChange && o.kind === "file" && e.sha256 === o.sha256 && e.size === o.size;
        findings.push({
            rule: "manifest/modified",
            level,
            file: e.path,
            message: kindChange
                ? `${e.path} was sealed as a ${e.link !== undefined ? "symlink" : "file"} and is now a ${o.kind === "link" ? "symlink" : "file"}`
                : modeChange
                    ? `${e.path} changed mode (${e.mode ?? "644"} -> ${(o.kind === "file" && o.mode) || "644"}) since it was sealed`
                    : `${e.path} changed since it was sealed`,
            expected: describe(e),
            found: describe(o),
            fix: RESEAL,
            related: related(e.path),
        });
    }
    // Added paths, indexed by content so a missing entry can find its new name.
    const addedByContent = new Map();
    const added = [];
    for (const [p, o] of observed) {
        if (sealed.has(p))
            continue;
        if (o.kind === "error") {
            findings.push({
                rule: "manifest/unreadable",
                level: "error",
                file: p,
                message: `${p} is covered by manifest.include but could not be read: ${o.message}`,
                fix: "check the file's permissions and run again",
            });
            continue;
        }
        added.push(p);
        const key = contentKey(o);
        const list = addedByContent.get(key);
        if (list)
            list.push(p);
        else
            addedByContent.set(key, [p]);
    }
    for (const list of addedByContent.values())
        list.sort();
    added.sort();
    const renamedTo = new Set();
    for (const e of missing) {
        const list = addedByContent.get(contentKey(e));
        const to = list?.shift();
        if (to !== undefined) {
            renamedTo.add(to);
            findings.push({
                rule: "manifest/renamed",
                level,
                file: to,
                message: `${e.path} was renamed to ${to} (same content) since it was sealed`,
                expected: e.path,
                found: to,
                fix: RESEAL,
                related: [{ file: e.path, message: "sealed path, now missing" }, ...related(e.path)],
            });
            continue;
        }
        findings.push({
            rule: "manifest/missing",
            level: "error",
            file: e.path,
            message: `${e.path} is sealed but no longer exists`,
            expected: describe(e),
            found: "no file",
            fix: "restore it (`git checkout -- FILE` or `integrity-guard restore`), or, if the deletion is intended, run `integrity-guard seal`",
            related: related(e.path),
        });
    }
    for (const p of added) {
        if (renamedTo.has(p))
            continue;
        const o = observed.get(p);
        findings.push({
            rule: "manifest/added",
            level,
            file: p,
            message: `${p} matches manifest.include but is not sealed`,
            expected: "not present",
            found: o.kind === "error" ? "unreadable" : describe(o),
            fix: "run `integrity-guard seal` to seal it, or add it to manifest.exclude",
        });
    }
    return findings;
}
function contentKey(x) {
    const isLink = "kind" in x ? x.kind === "link" : x.link !== undefined;
    return `${isLink ? "l" : "f"}:${x.sha256}:${x.size}`;
}

// EXTERNAL MODULE: ./src/core/manifest/select.ts
var manifest_select = __webpack_require__(5457);
// EXTERNAL MODULE: ./src/core/manifest/shard.ts
var shard = __webpack_require__(5921);
// EXTERNAL MODULE: ./src/core/manifest/validate.ts + 1 modules
var validate = __webpack_require__(2982);
// EXTERNAL MODULE: ./src/io/hash/observe.ts + 2 modules
var observe = __webpack_require__(7101);
// EXTERNAL MODULE: ./src/io/hash/progress.ts
var progress = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/io/manifest-store.ts
var manifest_store = __webpack_require__(6407);
// EXTERNAL MODULE: ./src/io/atomic.ts
var atomic = __webpack_require__(3059);
// EXTERNAL MODULE: ./src/io/stat-cache.ts
var stat_cache = __webpack_require__(475);
;// CONCATENATED MODULE: ./src/io/hash/verdict.ts
/**
 * The clean-run verdict: the fast path of a warm `verify` on an unchanged tree.
 *
 * After a full, unsharded, cached verify with no findings at all, we record what that run
 * relied on: the manifest's bytes (SHA-256), the identity of git's index file (size, mtime,
 * inode, ctime: git replaces the index by rename, so any index write changes the inode), the
 * list of covered paths the walk found, and the stat (or link target) of every file git did not
 * vouch for. The next verify may answer "clean" without parsing the manifest, listing the index
 * or hashing anything when ALL of this holds:
 *   - the manifest bytes and the index file are identical, so every sealed expectation and every
 *     index entry (blob ids, assume-unchanged flags) is what the clean run saw;
 *   - `git diff-files` reports no covered path except ones re-checked below, so each tracked
 *     covered file still holds its index blob, which held the sealed content last time;
 *   - the walk finds exactly the same paths, so nothing was added or removed;
 *   - every other file has exactly the recorded stat (and is not racy against the verdict) and
 *     every link the recorded target.
 * Anything else falls through to the full comparison (reusing the walk and diff-files). Like
 * every cached run, it cannot see bit rot; `--no-cache` never uses it.
 */




const VERSION = 1;
function statKeyOf(file) {
    try {
        const st = external_node_fs_default().statSync(file, { bigint: true });
        return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
    }
    catch {
        return undefined;
    }
}
function walkDigest(entries) {
    const h = external_node_crypto_default().createHash("sha256");
    for (const e of entries)
        h.update(`${e.kind[0]}${e.path}\n`);
    return h.digest("hex");
}
const verdict_same = (a, b) => !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);
class Verdict {
    file;
    data;
    constructor(file, data) {
        this.file = file;
        this.data = data;
    }
    static load(file) {
        try {
            const d = JSON.parse(external_node_fs_default().readFileSync(file, "utf8"));
            return new Verdict(file, d && d.version === VERSION ? d : undefined);
        }
        catch {
            return new Verdict(file, undefined);
        }
    }
    /** Files the verdict re-checks by stat or link target. */
    get otherCount() {
        return this.data ? Object.keys(this.data.others).length : 0;
    }
    /** Sealed paths outside the include globs (for the walk's accept), when the verdict applies to this manifest. */
    extraFor(manifestSha) {
        return this.data && this.data.manifest === manifestSha ? this.data.extra : undefined;
    }
    /** Whether the index file is the one the verdict saw (checked before diff-files runs). */
    indexMatches(indexKey) {
        return !!this.data && verdict_same(this.data.index, indexKey);
    }
    /**
     * The rest of the conditions (see the file comment). `covered` says whether a dirty path
     * matters. Returns the number of sealed entries when the tree is clean, else undefined.
     */
    check(root, entries, changed, covered) {
        const d = this.data;
        if (!d)
            return undefined;
        if (walkDigest(entries) !== d.walk)
            return undefined;
        for (const p of changed)
            if (covered(p) && !Object.hasOwn(d.others, p))
                return undefined;
        const stamp = BigInt(d.stamp);
        for (const [p, rec] of Object.entries(d.others)) {
            const abs = `${root}/${p}`;
            if (rec[0] === "link") {
                try {
                    if (external_node_fs_default().readlinkSync(abs) !== rec[1])
                        return undefined;
                }
                catch {
                    return undefined;
                }
                continue;
            }
            let st;
            try {
                st = external_node_fs_default().lstatSync(abs, { bigint: true });
            }
            catch {
                return undefined;
            }
            if (!st.isFile() || !verdict_same(rec, [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)]))
                return undefined;
            if (st.mtimeNs >= stamp - stat_cache/* RACY_WINDOW_NS */.l)
                return undefined;
        }
        return d.entries;
    }
    /** Record a clean run. `others`: files git did not vouch for, with their stat when observed. */
    static async record(file, input) {
        const others = {};
        for (const [p, st] of input.others) {
            const link = input.links.get(p);
            if (link !== undefined)
                others[p] = ["link", link];
            else if (st)
                others[p] = st;
            else
                return; // a file whose stat is unknown: no verdict
        }
        const data = {
            version: VERSION,
            manifest: input.manifestSha,
            index: input.index,
            walk: walkDigest(input.entries),
            extra: input.extra,
            others,
            stamp: String(BigInt(Date.now()) * 1000000n),
            entries: input.sealed,
        };
        try {
            await (0,atomic/* writeFileAtomic */.Z)(file, JSON.stringify(data));
        }
        catch {
            /* best effort: the next run takes the full path */
        }
    }
    static remove(file) {
        external_node_fs_default().rmSync(file, { force: true });
    }
}

// EXTERNAL MODULE: ./src/io/hash/walk.ts
var walk = __webpack_require__(7016);
;// CONCATENATED MODULE: ./src/checks/manifest.ts
/**
 * The manifest check (issue 3). Working tree: verify the covered files against the manifest
 * (the same engine as `integrity-guard verify`). Staged (`check --staged`): every staged change
 * to a sealed or covered file must agree with the staged manifest, so protected state changes
 * only together with a reseal, like a lockfile.
 */















const manifest_RESEAL = "run `integrity-guard seal && git add .integrity-guard/manifest.json` (after checking the change is intended)";
/** Diff the work tree against the manifest: the engine behind `verify` and `check`. */
async function verifyTree(o) {
    const cacheFile = stat_cache/* StatCache */.X.pathFor(o.git.stateDir(), o.root);
    const cache = stat_cache/* StatCache */.X.load(cacheFile);
    const include = o.config.manifest?.include ?? [];
    const covered = (0,manifest_select/* coveredFilter */.Xm)(o.config.manifest);
    const includeRoots = (0,manifest_select/* walkRoots */.xY)(include);
    const reached = (p) => includeRoots.some((r) => r === "" || p === r || p.startsWith(r + "/"));
    const bytes = (0,manifest_store/* readManifestBytes */.DK)(o.root);
    // The verdict applies only to a full cached run on the real index (see src/io/hash/verdict.ts).
    const verdictFile = cacheFile.replace(/\.json$/, ".verdict.json");
    const whole = !o.noCache && !o.shard && !o.paths && !process.env.GIT_INDEX_FILE;
    const indexFile = external_node_path_default().join(o.git.gitDir, "index");
    const indexBefore = whole ? statKeyOf(indexFile) : undefined;
    let pre;
    if (whole && bytes) {
        const verdict = Verdict.load(verdictFile);
        const extra = verdict.extraFor((0,manifest_store/* sha256Of */.Bj)(bytes));
        if (extra && verdict.indexMatches(indexBefore)) {
            const extraSet = new Set(extra);
            const changed = o.git.worktreeChangedPaths();
            const roots = new Set(includeRoots);
            for (const p of extra)
                if (!reached(p))
                    roots.add(p);
            const accept = (p) => extraSet.has(p) || covered(p);
            let entries;
            try {
                entries = (0,walk/* walkTree */.I)(o.root, [...roots], accept);
            }
            catch (error) {
                await changed.catch(() => undefined);
                throw error;
            }
            const n = verdict.check(o.root, entries, await changed, accept);
            if (n !== undefined) {
                return {
                    findings: [],
                    summary: {
                        entries: n,
                        checked: entries.length,
                        hashed: 0,
                        bytes_hashed: 0,
                        trusted_git: entries.length - verdict.otherCount,
                        trusted_cache: verdict.otherCount,
                        clean_run_verdict: true,
                    },
                };
            }
            pre = { entries, changed };
        }
    }
    const stored = (0,manifest_store/* readManifestFile */.oe)(o.root, o.noCache ? undefined : cache, bytes);
    if (!stored.exists) {
        if (include.length === 0)
            return { findings: [], summary: { entries: 0 } };
        return {
            findings: [
                {
                    rule: "manifest/unsealed",
                    level: "error",
                    file: types/* MANIFEST_PATH */.U4,
                    message: `manifest.include is configured but ${types/* MANIFEST_PATH */.U4} does not exist, so nothing is protected`,
                    fix: "run `integrity-guard seal` and commit .integrity-guard/manifest.json",
                },
            ],
            summary: { entries: 0 },
        };
    }
    if (!stored.manifest)
        return { findings: stored.findings, summary: { entries: 0 } };
    const manifest = stored.manifest;
    const only = o.paths ? new Set(o.paths) : undefined;
    const wanted = (p) => (0,shard/* inShard */.Iw)(p, o.shard) && (!only || only.has(p));
    const entries = manifest.entries.filter((e) => wanted(e.path));
    let lines; // built only when a finding needs a line
    const lineOf = (p) => (lines ??= new Map(manifest.entries.map((e, i) => [e.path, (0,validate/* entryLine */.bV)(i)]))).get(p);
    const sealed = new Set(entries.map((e) => e.path));
    // Sealed paths stay checked even if the include globs no longer reach them: walk them too.
    const roots = new Set(includeRoots);
    for (const e of entries)
        if (!reached(e.path))
            roots.add(e.path);
    const bar = (0,progress/* progressBar */.h)(o.interactive === true, "verify");
    const { observed, stats, blobIds, others, walked } = await (0,observe/* observeTree */.v)({
        git: o.git,
        root: o.root,
        roots: [...roots],
        accept: (p) => sealed.has(p) || (wanted(p) && covered(p)),
        cache,
        useCache: !o.noCache,
        ...(bar ? { onProgress: bar.update } : {}),
        // The verdict's walk used the same roots and accept (same manifest bytes): reuse it.
        ...(pre ? { pre } : {}),
    });
    bar?.end();
    // Pruning walks the whole cache: only worth it when the cache is being rewritten anyway.
    if (!o.shard && !only && cache.changed)
        cache.prune(new Set(observed.keys()), blobIds);
    await cache.save();
    // A sealed path the walk did not find may lie beyond a symlinked folder (a tampered manifest
    // aiming through `data/link -> /etc`): refuse it by name, as for `..` and absolute paths.
    manifest.entries.forEach((e, i) => {
        if (sealed.has(e.path) && !observed.has(e.path))
            rejectThroughSymlink(o.root, e.path, i);
    });
    const findings = diffManifest(entries, observed, {
        modifiedLevel: o.config.manifest?.modified_level ?? "error",
        lineOf,
    });
    const all = [...stored.findings, ...findings];
    if (whole) {
        const indexAfter = statKeyOf(indexFile);
        if (all.length === 0 && indexBefore && indexAfter && indexBefore.every((v, i) => v === indexAfter[i])) {
            const links = new Map();
            for (const [p, ob] of observed)
                if (ob.kind === "link")
                    links.set(p, ob.link);
            await Verdict.record(verdictFile, {
                manifestSha: stored.sha256,
                index: indexBefore,
                entries: walked,
                extra: entries.filter((e) => !covered(e.path)).map((e) => e.path),
                others,
                links,
                sealed: entries.length,
            });
        }
        else {
            Verdict.remove(verdictFile);
        }
    }
    return { findings: all, summary: summaryOf(entries.length, stats, o.shard) };
}
/** UnsafePathError when a folder on the way to `rel` is a symlink (nothing is read through it). */
function rejectThroughSymlink(root, rel, index) {
    const parts = rel.split("/");
    let cur = "";
    for (const part of parts.slice(0, -1)) {
        cur = cur ? `${cur}/${part}` : part;
        let isLink;
        try {
            isLink = external_node_fs_default().lstatSync(external_node_path_default().join(root, cur)).isSymbolicLink();
        }
        catch {
            return; // the folder does not exist: the entry is simply missing
        }
        if (isLink) {
            throw new errors/* UnsafePathError */.k0(`manifest entry ${index} (${JSON.stringify(rel)}) lies beyond the symlink ${JSON.stringify(cur)}; symlinks are never followed, so nothing was read through it`, {
                fix: "the manifest was tampered with or the folder was replaced by a link: restore the folder (or the manifest from git) and verify again",
            });
        }
    }
}
function summaryOf(entries, s, shard) {
    return {
        entries,
        checked: s.files,
        hashed: s.hashed,
        bytes_hashed: s.bytesHashed,
        trusted_git: s.fromGit,
        trusted_cache: s.fromCache,
        ...(shard ? { shard: `${shard.k}/${shard.n}` } : {}),
    };
}
/** `check --staged`: the staged manifest and the staged content of sealed files must agree. */
async function checkStaged(git, config, paths) {
    const include = config.manifest?.include ?? [];
    const index = await git.lsStaged();
    const byPath = new Map();
    const unmerged = new Set();
    for (const e of index) {
        if (e.stage === 0)
            byPath.set(e.path, e);
        else
            unmerged.add(e.path); // the validate check reports conflicts
    }
    const [changed, deleted] = await Promise.all([git.stagedChanges(), git.stagedDeletions()]);
    const covered = (0,manifest_select/* coveredFilter */.Xm)(config.manifest);
    const only = paths ? new Set(paths) : undefined;
    const inScope = (p) => !only || only.has(p) || p === types/* MANIFEST_PATH */.U4;
    const manifestIdx = byPath.get(types/* MANIFEST_PATH */.U4);
    if (!manifestIdx) {
        if (include.length > 0 && deleted.includes(types/* MANIFEST_PATH */.U4)) {
            return [
                {
                    rule: "manifest/unsealed-change",
                    level: "error",
                    file: types/* MANIFEST_PATH */.U4,
                    message: `this commit deletes ${types/* MANIFEST_PATH */.U4} while manifest.include is configured: nothing would stay protected`,
                    fix: "keep the manifest (`git restore --staged .integrity-guard/manifest.json`), or remove manifest.include from the config in the same commit",
                },
            ];
        }
        const touched = [...changed, ...deleted].filter((p) => covered(p) && inScope(p));
        if (include.length === 0 || touched.length === 0)
            return [];
        return touched.sort().map((p) => ({
            rule: "manifest/unsealed-change",
            level: "error",
            file: p,
            message: `${p} is covered by manifest.include but no manifest is staged (${types/* MANIFEST_PATH */.U4} is not in the index)`,
            fix: manifest_RESEAL,
        }));
    }
    const blob = (await git.readBlobs([manifestIdx.oid])).get(manifestIdx.oid);
    if (!blob) {
        return [
            {
                rule: "manifest/corrupt",
                level: "error",
                file: types/* MANIFEST_PATH */.U4,
                message: `the staged manifest's blob ${manifestIdx.oid} is missing from the object database`,
                fix: "run `git fsck`",
            },
        ];
    }
    const read = (0,validate/* readManifestText */.pV)(blob, types/* MANIFEST_PATH */.U4);
    if (!read.manifest)
        return read.findings.map((f) => ({ ...f, message: `staged ${f.message}` }));
    const entries = new Map(read.manifest.entries.map((e, i) => [e.path, { e, line: (0,validate/* entryLine */.bV)(i) }]));
    const manifestChanged = changed.includes(types/* MANIFEST_PATH */.U4);
    const candidates = new Set();
    for (const p of [...changed, ...deleted])
        if (p !== types/* MANIFEST_PATH */.U4 && (covered(p) || entries.has(p)) && inScope(p))
            candidates.add(p);
    // A changed manifest must agree with every staged file it seals, not only the changed ones.
    if (manifestChanged)
        for (const p of entries.keys())
            if (byPath.has(p))
                candidates.add(p);
    const findings = [];
    const toHash = [];
    const deletedSet = new Set(deleted);
    for (const p of [...candidates].sort()) {
        if (unmerged.has(p))
            continue;
        const sealed = entries.get(p);
        const idx = byPath.get(p);
        if (!idx) {
            if (sealed && deletedSet.has(p)) {
                findings.push({
                    rule: "manifest/unsealed-change",
                    level: "error",
                    file: p,
                    message: `${p} is deleted in this commit but the staged manifest still seals it`,
                    expected: "the file, or the entry removed from the manifest",
                    found: "deleted",
                    fix: manifest_RESEAL,
                    related: [{ file: types/* MANIFEST_PATH */.U4, line: sealed.line, message: "sealed here" }],
                });
            }
            continue;
        }
        if (idx.mode === "160000")
            continue; // submodule: not content we hold
        toHash.push({ path: p, idx, ...(sealed ? { sealed: sealed.e, line: sealed.line } : {}) });
    }
    const observed = await hashStaged(git, toHash.map((t) => t.idx));
    for (const t of toHash) {
        const o = observed.get(t.idx.oid);
        if (!o) {
            findings.push({
                rule: "manifest/unreadable",
                level: "error",
                file: t.path,
                message: `the staged blob ${t.idx.oid} of ${t.path} is missing from the object database`,
                fix: "run `git fsck`, then `git add` the file again",
            });
            continue;
        }
        const isLink = t.idx.mode === "120000";
        const obs = isLink
            ? { kind: "link", sha256: o.sha256, size: o.size, link: o.text }
            : { kind: "file", sha256: o.sha256, size: o.size, ...(t.idx.mode === "100755" ? { mode: "755" } : {}) };
        if (!t.sealed) {
            findings.push({
                rule: "manifest/unsealed-change",
                level: "error",
                file: t.path,
                message: `${t.path} is staged and covered by manifest.include, but the staged manifest does not seal it`,
                expected: "an entry in .integrity-guard/manifest.json",
                found: "no entry",
                fix: manifest_RESEAL,
            });
            continue;
        }
        const diff = diffManifest([t.sealed], new Map([[t.path, obs]]));
        if (diff.length > 0) {
            const d = diff[0];
            findings.push({
                rule: "manifest/unsealed-change",
                level: "error",
                file: t.path,
                message: manifestChanged
                    ? `${t.path}: the staged content does not match the staged manifest (resealed before the last edit, or the manifest was edited by hand)`
                    : `${t.path} changed but the manifest was not resealed`,
                ...(d.expected ? { expected: d.expected } : {}),
                ...(d.found ? { found: d.found } : {}),
                fix: manifest_RESEAL,
                related: [{ file: types/* MANIFEST_PATH */.U4, ...(t.line ? { line: t.line } : {}), message: "sealed here" }],
            });
        }
    }
    return [...read.findings, ...findings];
}
/** SHA-256 of staged blobs, read a bounded amount at a time (sizes asked first). */
async function hashStaged(git, entries) {
    const out = new Map();
    const oids = [...new Set(entries.map((e) => e.oid))];
    const sizes = await git.blobSizes(oids);
    const LIMIT = 64 << 20;
    let chunk = [];
    let bytes = 0;
    const flush = async () => {
        if (chunk.length === 0)
            return;
        const blobs = await git.readBlobs(chunk);
        for (const [oid, buf] of blobs) {
            out.set(oid, {
                sha256: external_node_crypto_default().createHash("sha256").update(buf).digest("hex"),
                size: buf.length,
                text: buf.length < 4096 ? buf.toString("utf8") : "",
            });
        }
        chunk = [];
        bytes = 0;
    };
    for (const oid of oids) {
        const size = sizes.get(oid);
        if (size === undefined)
            continue; // missing: reported by the caller
        if (chunk.length > 0 && bytes + size > LIMIT)
            await flush();
        chunk.push(oid);
        bytes += size;
    }
    await flush();
    return out;
}
const check = {
    name: "manifest",
    async run(ctx) {
        // Staged mode is commit-level (the staged manifest must agree with every staged change,
        // deletions included), so the path restriction, which lists staged changes, is not applied.
        if (ctx.source.kind === "index")
            return checkStaged(ctx.git, ctx.config);
        const out = await verifyTree({
            git: ctx.git,
            root: ctx.root,
            config: ctx.config,
            ...(ctx.noCache ? { noCache: true } : {}),
            ...(ctx.paths ? { paths: ctx.paths } : {}),
            interactive: ctx.interactive,
        });
        return out.findings;
    },
};


/***/ }),

/***/ 3132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/core/manifest/shard.ts
var manifest_shard = __webpack_require__(5921);
;// CONCATENATED MODULE: ./src/core/manifest/merge.ts
/**
 * Merge the `verify --shard K/N --format json` reports of N shards into one: findings
 * concatenated, numeric summary fields summed. Refuses reports that do not make exactly one
 * complete set of shards (a missing shard must never pass as a clean verify).
 */

const COUNTS = ["entries", "checked", "hashed", "bytes_hashed", "trusted_git", "trusted_cache"];
function mergeReports(reports) {
    const findings = [];
    const summary = Object.fromEntries(COUNTS.map((k) => [k, 0]));
    const seen = new Map();
    let total;
    for (const r of reports) {
        const d = r.data;
        if (!d || d.version !== 1 || !Array.isArray(d.findings) || typeof d.summary !== "object" || d.summary === null) {
            throw new errors/* UsageError */.eb(`${r.file} is not a verify --format json report`, {
                fix: "pass files written by `verify --shard K/N --format json`",
            });
        }
        const shard = typeof d.summary.shard === "string" ? /^(\d+)\/(\d+)$/.exec(d.summary.shard) : null;
        const k = shard ? Number(shard[1]) : 1;
        const n = shard ? Number(shard[2]) : 1;
        if (total !== undefined && n !== total)
            throw new errors/* UsageError */.eb(`${r.file} is shard ${k}/${n} but an earlier report has N=${total}`);
        total = n;
        if (seen.has(k))
            throw new errors/* UsageError */.eb(`shard ${k}/${n} appears twice (${seen.get(k)} and ${r.file})`);
        seen.set(k, r.file);
        findings.push(...d.findings);
        for (const key of COUNTS)
            summary[key] += typeof d.summary[key] === "number" ? d.summary[key] : 0;
    }
    const missing = Array.from({ length: total ?? 0 }, (_, i) => i + 1).filter((k) => !seen.has(k));
    if (missing.length > 0) {
        throw new errors/* UsageError */.eb(`incomplete set of shards: ${missing.map((k) => `${k}/${total}`).join(", ")} missing`, {
            fix: "pass the report of every shard",
        });
    }
    return { findings, summary: { ...summary, shards: total ?? 0 } };
}

// EXTERNAL MODULE: ./src/checks/manifest.ts + 2 modules
var manifest = __webpack_require__(8171);
;// CONCATENATED MODULE: ./src/commands/verify.ts
/**
 * `integrity-guard verify`: diff the working tree against .integrity-guard/manifest.json.
 * `--shard K/N` checks a deterministic 1/N of the entries; `--merge` folds the JSON reports of
 * the N shards into one.
 */






const command = {
    name: "verify",
    summary: "compare the working tree with the manifest: modified, missing, added, renamed, bit rot",
    usage: "integrity-guard verify [--shard K/N] [--no-cache] | verify --merge REPORT.json...",
    description: `
Compares every file sealed in ${types/* MANIFEST_PATH */.U4}, and every file manifest.include covers now
(tracked, untracked or ignored), with the working tree. Findings: manifest/modified,
manifest/missing, manifest/added (covered but not sealed), manifest/renamed (same content at a
new path), manifest/bitrot (content changed while size, mtime, inode and ctime did not: silent
corruption, always an error), manifest/unreadable, manifest/corrupt. Exit 1 on any drift.

Unchanged files are not re-read: git's index says which tracked files changed, and a racy-aware
stat cache under .git/integrity-guard/ covers the rest. --no-cache reads every file, which is
also what detects bit rot; run it on a schedule.

--shard K/N checks the entries whose path hashes to shard K of N (every entry lands in exactly
one shard); --merge reads the --format json reports of all N shards and prints one report.`,
    examples: [
        "integrity-guard verify",
        "integrity-guard verify --no-cache --format json > verify.json",
        "integrity-guard verify --shard 2/4 --format json > shard-2.json",
        "integrity-guard verify --merge shard-*.json --format github",
    ],
    options: {
        shard: { type: "string", valueName: "K/N", description: "check only shard K of N (1 <= K <= N)" },
        "no-cache": { type: "boolean", description: "read and hash every file; detects bit rot" },
        merge: { type: "boolean", description: "merge the JSON reports given as arguments (one per shard) instead of verifying" },
    },
    positionals: { name: "REPORT.json...", description: "with --merge: the --format json reports of the shards" },
    async run(ctx) {
        if (ctx.options.merge === true)
            return merge(ctx.positionals);
        if (ctx.positionals.length > 0)
            throw new errors/* UsageError */.eb(`verify takes report files only with --merge, got ${JSON.stringify(ctx.positionals[0])}`, {
                fix: "see integrity-guard verify --help",
            });
        let shard;
        if (typeof ctx.options.shard === "string") {
            shard = (0,manifest_shard/* parseShard */.uK)(ctx.options.shard);
            if (!shard)
                throw new errors/* UsageError */.eb(`--shard ${JSON.stringify(ctx.options.shard)} is not K/N with 1 <= K <= N <= 4096`, {
                    fix: "e.g. --shard 1/4",
                });
        }
        const out = await (0,manifest.verifyTree)({
            git: ctx.git,
            root: ctx.root,
            config: ctx.loaded.config,
            ...(shard ? { shard } : {}),
            noCache: ctx.options["no-cache"] === true,
            interactive: ctx.interactive,
        });
        const drift = out.findings.length;
        return {
            findings: out.findings,
            summary: out.summary,
            ...(drift === 0
                ? { text: `verified ${String(out.summary.entries)} sealed file(s)${shard ? ` (shard ${shard.k}/${shard.n})` : ""}: no drift` }
                : {}),
        };
    },
};
function merge(files) {
    if (files.length === 0)
        throw new errors/* UsageError */.eb("verify --merge needs the JSON reports of the shards as arguments", {
            fix: "integrity-guard verify --merge shard-1.json shard-2.json",
        });
    const reports = files.map((f) => {
        let data;
        try {
            data = JSON.parse(external_node_fs_default().readFileSync(f, "utf8"));
        }
        catch (error) {
            throw new errors/* UsageError */.eb(`cannot read report ${f}: ${error.message}`, {
                fix: "pass files written by `verify --shard K/N --format json`",
            });
        }
        return { file: f, data };
    });
    const merged = mergeReports(reports);
    return Promise.resolve({
        ...merged,
        text: `merged ${files.length} shard report(s): ${String(merged.summary.entries)} sealed file(s) checked`,
    });
}


/***/ }),

/***/ 5921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ inShard),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony export shardOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/** Deterministic sharding for `verify --shard K/N`: every path lands in exactly one shard. */

/** Parse "K/N" (1 <= K <= N <= 4096); undefined when malformed, so the caller can say so. */
function parseShard(text) {
    const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
    if (!m)
        return undefined;
    const k = Number(m[1]);
    const n = Number(m[2]);
    if (n < 1 || n > 4096 || k < 1 || k > n)
        return undefined;
    return { k, n };
}
/**
 * The shard (1-based) a path belongs to: the first 32 bits of SHA-256(path) mod N. A hash rather
 * than position keeps a file in the same shard when others are added or removed.
 */
function shardOf(path, n) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(path).digest();
    return (h.readUInt32BE(0) % n) + 1;
}
function inShard(path, shard) {
    return !shard || shard.n === 1 || shardOf(path, shard.n) === shard.k;
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
