export const id = 867;
export const ids = [867];
export const modules = {

/***/ 3986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/core/manifest/select.ts
var manifest_select = __webpack_require__(5457);
// EXTERNAL MODULE: ./src/core/manifest/serialize.ts + 1 modules
var serialize = __webpack_require__(6618);
;// CONCATENATED MODULE: ./src/core/manifest/sha256sum.ts
function renderSha256sum(m) {
    let out = "";
    for (const e of m.entries) {
        if (e.link !== undefined)
            continue;
        if (/[\\\n\r]/.test(e.path)) {
            const escaped = e.path.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
            out += `\\${e.sha256}  ${escaped}\n`;
        }
        else {
            out += `${e.sha256}  ${e.path}\n`;
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/io/hash/observe.ts + 2 modules
var observe = __webpack_require__(7101);
// EXTERNAL MODULE: ./src/io/hash/progress.ts
var progress = __webpack_require__(3210);
// EXTERNAL MODULE: ./src/io/manifest-store.ts
var manifest_store = __webpack_require__(6407);
// EXTERNAL MODULE: ./src/io/stat-cache.ts
var stat_cache = __webpack_require__(475);
;// CONCATENATED MODULE: ./src/commands/seal.ts
/**
 * `integrity-guard seal`: hash every file manifest.include covers (tracked, untracked and
 * ignored alike) and write .integrity-guard/manifest.json atomically under a lock.
 */









const command = {
    name: "seal",
    summary: "write .integrity-guard/manifest.json with the SHA-256 of every protected file",
    usage: "integrity-guard seal [--no-cache] [--format text|json|sha256sum]",
    description: `
Hashes every file matched by manifest.include (minus manifest.exclude) in the working tree,
including untracked and git-ignored files, and writes ${types/* MANIFEST_PATH */.U4}: sorted entries
{path, sha256, size} (symlinks as {link}, never followed) and a root digest. The file is written
atomically under a lock, and resealing unchanged content leaves it byte-identical. Commit it:
from then on \`verify\` and \`check --staged\` compare the tree against it.

--format sha256sum also prints the entries as \`sha256sum -c\`/BagIt lines on stdout (paths
relative to the repository root; symlinks left out), so other tools can check the tree.`,
    examples: [
        "integrity-guard seal && git add .integrity-guard/manifest.json",
        "integrity-guard seal --format sha256sum > SHA256SUMS && sha256sum -c SHA256SUMS",
        "integrity-guard seal --no-cache   # re-read every file instead of trusting the stat cache",
    ],
    options: {
        "no-cache": { type: "boolean", description: "read and hash every file (do not trust git's index or the stat cache)" },
    },
    formats: ["text", "json", "sha256sum"],
    async run(ctx) {
        const include = ctx.loaded.config.manifest?.include ?? [];
        if (include.length === 0) {
            throw new errors/* ConfigError */.xL(`nothing to seal: manifest.include is not set in ${ctx.loaded.path}`, {
                fix: 'add e.g. `manifest: { include: ["data/**", "agent_workspaces/**"] }` to the config',
            });
        }
        const covered = (0,manifest_select/* coveredFilter */.Xm)(ctx.loaded.config.manifest);
        const cache = stat_cache/* StatCache */.X.load(stat_cache/* StatCache */.X.pathFor(ctx.git.stateDir(), ctx.root));
        return (0,manifest_store/* withManifestLock */.dB)(ctx.git, async () => {
            const bar = (0,progress/* progressBar */.h)(ctx.interactive, "seal");
            const { observed, stats, blobIds } = await (0,observe/* observeTree */.v)({
                git: ctx.git,
                root: ctx.root,
                roots: (0,manifest_select/* walkRoots */.xY)(include),
                accept: covered,
                cache,
                useCache: ctx.options["no-cache"] !== true,
                ...(bar ? { onProgress: bar.update } : {}),
            });
            bar?.end();
            const entries = [];
            const problems = [];
            for (const [path, o] of observed) {
                if (o.kind === "error") {
                    problems.push({
                        rule: "manifest/unreadable",
                        level: "error",
                        file: path,
                        message: `${path} could not be read: ${o.message}`,
                        fix: "fix its permissions, or add it to manifest.exclude",
                    });
                }
                else if (o.kind === "file" && o.bitrot) {
                    problems.push({
                        rule: "manifest/bitrot",
                        level: "error",
                        file: path,
                        message: `${path} changed on disk although its size, mtime, inode and ctime did not (silent corruption); refusing to seal it`,
                        fix: "restore the file from git or a snapshot, then seal again",
                    });
                }
                else {
                    entries.push({
                        path,
                        sha256: o.sha256,
                        size: o.size,
                        ...(o.kind === "link" ? { link: o.link } : {}),
                        ...(o.kind === "file" && o.mode ? { mode: o.mode } : {}),
                    });
                }
            }
            await cache.save();
            if (problems.some((p) => p.rule === "manifest/bitrot")) {
                return {
                    findings: problems,
                    summary: { sealed: false },
                    text: `${types/* MANIFEST_PATH */.U4} was NOT written: sealing corrupted content would bless it.`,
                };
            }
            if (problems.length > 0) {
                const list = problems.slice(0, 10).map((p) => `  ${p.message}`);
                throw new errors/* EnvironmentError */.eG(`seal stopped: ${problems.length} covered file(s) could not be read; ${types/* MANIFEST_PATH */.U4} was not changed:\n${list.join("\n")}`, {
                    fix: "fix the permissions of those files (or add them to manifest.exclude) and seal again",
                });
            }
            cache.prune(new Set(observed.keys()), blobIds);
            await cache.save();
            const manifest = (0,serialize/* buildManifest */.u1)(entries);
            const written = await (0,manifest_store/* writeManifestFile */.hP)(ctx.root, manifest);
            const summary = {
                sealed: true,
                entries: entries.length,
                root: manifest.root,
                written,
                hashed: stats.hashed,
                bytes_hashed: stats.bytesHashed,
            };
            const what = written ? "wrote" : "unchanged:";
            return {
                findings: [],
                summary,
                text: `${what} ${types/* MANIFEST_PATH */.U4}: ${entries.length} file(s), root ${manifest.root.slice(0, 16)}… (${stats.hashed} hashed, ${stats.fromGit + stats.fromCache} unchanged per git index and stat cache)`,
                raw: renderSha256sum(manifest),
            };
        });
    },
};


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
