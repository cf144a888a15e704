export const id = 986;
export const ids = [986];
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


/***/ })

};
