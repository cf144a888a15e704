export const id = 712;
export const ids = [712];
export const modules = {

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

/***/ 1387:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bh: () => (/* binding */ SNAPSHOT_MANIFEST_PATH),
/* harmony export */   E$: () => (/* binding */ unsafeSnapshotPath),
/* harmony export */   IP: () => (/* binding */ serializeSnapshotManifest),
/* harmony export */   SB: () => (/* binding */ inScope),
/* harmony export */   Sk: () => (/* binding */ parseScope),
/* harmony export */   dE: () => (/* binding */ parseSnapshotManifest),
/* harmony export */   sT: () => (/* binding */ literalScope)
/* harmony export */ });
/* unused harmony exports SNAPSHOT_META_DIR, comparePaths, LITERAL_PREFIX */
/**
 * The manifest stored inside every snapshot (`.integrity-snapshot/manifest.json`): the SHA-256
 * and size of each file. Its bytes are deterministic (sorted paths, fixed key order, no time),
 * so two snapshots of unchanged files have the same digest and "nothing changed" is one compare.
 */
const SNAPSHOT_MANIFEST_PATH = ".integrity-snapshot/manifest.json";
const SNAPSHOT_META_DIR = ".integrity-snapshot";
/** Serialise with sorted paths and a fixed key order (the digest depends on these bytes). */
function serializeSnapshotManifest(m) {
    const files = {};
    for (const p of Object.keys(m.files).sort(comparePaths)) {
        const e = m.files[p];
        files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
    }
    return JSON.stringify({ version: 1, set: m.set, paths: [...m.paths], files }, null, 1) + "\n";
}
/** Byte-wise path order (what git uses), independent of locale. */
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Parse and check the shape of a stored manifest; returns a reason string when it is not valid. */
function parseSnapshotManifest(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return `not valid JSON (${error.message})`;
    }
    if (!isObject(data) || data.version !== 1)
        return 'missing "version": 1';
    if (typeof data.set !== "string")
        return 'missing "set"';
    if (!Array.isArray(data.paths) || !data.paths.every((p) => typeof p === "string"))
        return '"paths" is not a list of strings';
    if (!isObject(data.files))
        return '"files" is not an object';
    const files = {};
    for (const [p, e] of Object.entries(data.files)) {
        if (!isObject(e) || typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256))
            return `file ${JSON.stringify(p)}: bad sha256`;
        if (typeof e.size !== "number" || !Number.isSafeInteger(e.size) || e.size < 0)
            return `file ${JSON.stringify(p)}: bad size`;
        if (e.mode !== "100644" && e.mode !== "100755")
            return `file ${JSON.stringify(p)}: bad mode`;
        files[p] = { sha256: e.sha256, size: e.size, mode: e.mode };
    }
    return { version: 1, set: data.set, paths: data.paths, files };
}
/**
 * Why a path stored in a snapshot must not be written to disk, or undefined when it is safe:
 * absolute, `..`, empty segments, backslashes, NUL, or inside .git / our own meta folder.
 */
function unsafeSnapshotPath(p) {
    if (p.length === 0)
        return "empty path";
    if (p.includes("\0"))
        return "contains a NUL byte";
    if (p.includes("\\"))
        return "contains a backslash";
    if (p.startsWith("/") || /^[A-Za-z]:/.test(p))
        return "absolute path";
    const parts = p.split("/");
    if (parts.some((s) => s === "" || s === "." || s === ".."))
        return "contains an empty, '.' or '..' segment";
    if (parts.some((s) => s.toLowerCase() === ".git"))
        return "inside a .git folder";
    if (parts[0] === SNAPSHOT_META_DIR)
        return "inside the snapshot's own metadata folder";
    return undefined;
}
/** True when `file` is `scope` itself or below `scope` ("dir/" or "dir" both name a folder). */
function inScope(file, scope) {
    const s = scope.replace(/\/+$/, "");
    return file === s || file.startsWith(s + "/");
}
function isObject(v) {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}
/** Prefix that makes a set path literal even when it holds glob characters (git's own magic). */
const LITERAL_PREFIX = ":(literal)";
const GLOB_CHARS = /[*?[\]{}!]/;
/**
 * A set path or restore scope: `:(literal)p` is the path p as written; otherwise a path with
 * glob characters is a glob, and anything else a file or folder ("dir/" = everything below).
 */
function parseScope(scope) {
    if (scope.startsWith(LITERAL_PREFIX))
        return { path: scope.slice(LITERAL_PREFIX.length), glob: false };
    return { path: scope, glob: GLOB_CHARS.test(scope) };
}
/** The scope string naming `p` literally (prefixed only when it would read as a glob). */
function literalScope(p) {
    return GLOB_CHARS.test(p) ? LITERAL_PREFIX + p : p;
}


/***/ }),

/***/ 2767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o$: () => (/* binding */ isSetName),
/* harmony export */   tp: () => (/* binding */ parseSnapshotMessage),
/* harmony export */   vd: () => (/* binding */ formatSnapshotMessage)
/* harmony export */ });
/* unused harmony export TRAILER */
/**
 * The snapshot commit message: a subject line and git trailers. The trailers are part of the
 * signed commit, so a restore can trust them once the signature is verified.
 *
 * Sample:
 *   snapshot hourly: 12 files, 3456 bytes
 *
 *   Snapshot-Set: hourly
 *   Snapshot-Time: 2026-11-26T13:40:00.000Z
 *   Source-Commit: 0123abcd... (or "none" on an unborn branch)
 *   Manifest-Digest: sha256:89ab...
 *   Snapshot-Files: 12
 *   Snapshot-Size: 3456
 */
const TRAILER = {
    set: "Snapshot-Set",
    time: "Snapshot-Time",
    source: "Source-Commit",
    digest: "Manifest-Digest",
    files: "Snapshot-Files",
    size: "Snapshot-Size",
};
/** Format the commit message of a snapshot. */
function formatSnapshotMessage(info) {
    return [
        `snapshot ${info.set}: ${info.files} files, ${info.size} bytes`,
        "",
        `${TRAILER.set}: ${info.set}`,
        `${TRAILER.time}: ${info.time}`,
        `${TRAILER.source}: ${info.sourceCommit ?? "none"}`,
        `${TRAILER.digest}: ${info.manifestDigest}`,
        `${TRAILER.files}: ${info.files}`,
        `${TRAILER.size}: ${info.size}`,
        "",
    ].join("\n");
}
/** Read the trailers back; undefined when the message is not a snapshot message (missing or malformed trailers). */
function parseSnapshotMessage(message) {
    const trailers = new Map();
    for (const line of message.replace(/\r\n/g, "\n").split("\n")) {
        const m = /^([A-Za-z-]+): (.*)$/.exec(line);
        // The first occurrence wins: a later duplicate cannot override what the signer wrote first.
        if (m && !trailers.has(m[1]))
            trailers.set(m[1], m[2].trim());
    }
    const set = trailers.get(TRAILER.set);
    const time = trailers.get(TRAILER.time);
    const digest = trailers.get(TRAILER.digest);
    const files = Number(trailers.get(TRAILER.files));
    const size = Number(trailers.get(TRAILER.size));
    const source = trailers.get(TRAILER.source);
    if (!set || !isSetName(set) || !time || Number.isNaN(Date.parse(time)))
        return undefined;
    if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest))
        return undefined;
    if (!Number.isSafeInteger(files) || files < 0 || !Number.isSafeInteger(size) || size < 0)
        return undefined;
    const info = { set, time, manifestDigest: digest, files, size };
    if (source && /^[0-9a-f]{40,64}$/.test(source))
        info.sourceCommit = source;
    return info;
}
/** Set names: what may appear in a trailer and a ref without quoting. */
function isSetName(name) {
    return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name);
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


/***/ }),

/***/ 3471:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ requireSignConfig),
/* harmony export */   Hs: () => (/* binding */ openSigner),
/* harmony export */   Od: () => (/* binding */ verifySignature),
/* harmony export */   Qw: () => (/* binding */ resolvePin)
/* harmony export */ });
/* unused harmony exports signingEnv, normalizeKeyText, signatureHeader */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/**
 * Signing snapshot commits (ssh or gpg through git's own -S) and verifying them against a
 * pinned key. Git's "good signature" alone is not enough: for ssh, git falls back to
 * check-novalidate when no allowed signer matches, and for gpg any key in the keyring is
 * "good". So we also require the signature type the pin names, a matched allowed signer (ssh),
 * and the pinned fingerprint (gpg VALIDSIG, or ssh SHA256 when configured).
 */




/** The sign section, required: signing must be chosen explicitly, `none` included. */
function requireSignConfig(config) {
    const sign = config?.sign;
    if (!sign) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL("snapshots.sign is not set in the config: snapshots must be signed (ssh or gpg), or unsigned by an explicit `format: none`", {
            fix: "add to .integrity-guard/config.yml: snapshots: { sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers } }",
        });
    }
    return sign;
}
/** Environment git needs for gpg (GNUPGHOME) taken from the command's environment. */
function signingEnv(env) {
    const out = {};
    for (const k of ["GNUPGHOME", "SSH_AUTH_SOCK"])
        if (env[k] !== undefined)
            out[k] = env[k];
    return out;
}
/** Make the key text what ssh-keygen accepts: LF line ends, exactly one final newline. */
function normalizeKeyText(text) {
    return text.replace(/\r\n?/g, "\n").replace(/\s+$/, "") + "\n";
}
/** Prepare signing. Missing key -> EnvironmentError (exit 2) naming the variable or path. */
async function openSigner(sign, root, env, scratchDir = node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir()) {
    const baseEnv = signingEnv(env);
    if (sign.format === "none") {
        return { format: "none", configArgs: [], sign: false, env: baseEnv, dispose: async () => { } };
    }
    if (!sign.key) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`snapshots.sign.format is ${sign.format} but snapshots.sign.key is not set`, {
            fix: sign.format === "ssh"
                ? "set snapshots.sign.key to env:NAME (private key text) or the path of a private key file"
                : "set snapshots.sign.key to the gpg key id or fingerprint",
        });
    }
    if (sign.format === "gpg") {
        const keyId = resolveValue(sign.key, env, "gpg key id").trim();
        return {
            format: "gpg",
            configArgs: ["-c", "gpg.format=openpgp", "-c", `user.signingkey=${keyId}`],
            sign: true,
            env: baseEnv,
            dispose: async () => { },
        };
    }
    // ssh: always sign from a private copy with mode 600 (ssh-keygen refuses group-readable keys).
    let text;
    if (sign.key.startsWith("env:")) {
        text = resolveValue(sign.key, env, "ssh private key");
    }
    else {
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root, sign.key.replace(/^~(?=\/)/, node_os__WEBPACK_IMPORTED_MODULE_1___default().homedir()));
        try {
            text = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().readFile(file, "utf8");
        }
        catch (error) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`ssh signing key ${file} cannot be read: ${error.code ?? error.message}`, {
                fix: "set snapshots.sign.key to an existing private key file, or to env:NAME with the key text in that variable",
            });
        }
    }
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`the ssh signing key from ${sign.key} is not a private key (no "BEGIN ... PRIVATE KEY" line)`, {
            fix: "put the whole private key file (ssh-keygen -t ed25519 -N '' -f key) in that variable or file",
        });
    }
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().mkdir(scratchDir, { recursive: true });
    const dir = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(scratchDir, "ig-sign-"));
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().chmod(dir, 0o700);
    const keyFile = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, "key");
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().writeFile(keyFile, normalizeKeyText(text), { mode: 0o600 });
    return {
        format: "ssh",
        configArgs: ["-c", "gpg.format=ssh", "-c", `user.signingkey=${keyFile}`],
        sign: true,
        env: baseEnv,
        dispose: () => node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().rm(dir, { recursive: true, force: true }),
    };
}
function resolveValue(value, env, what) {
    if (!value.startsWith("env:"))
        return value;
    const name = value.slice(4);
    const v = env[name];
    if (v === undefined || v.trim() === "") {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`the ${what} is taken from the environment variable ${name}, which is not set`, {
            fix: `export ${name} with the ${what} (in a workflow: env: { ${name}: \${{ secrets.${name} }} })`,
        });
    }
    return v;
}
/** Resolve the pin from the config; undefined for format none (nothing to verify against). */
async function resolvePin(sign, root) {
    if (sign.format === "none")
        return undefined;
    if (sign.format === "ssh") {
        if (!sign.allowed_signers) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL("snapshots.sign.allowed_signers is not set: ssh signatures cannot be verified without a pinned key", {
                fix: 'set snapshots.sign.allowed_signers to a file with a line like: snapshots@example.com namespaces="git" ssh-ed25519 AAAA...',
            });
        }
        const file = node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(root, sign.allowed_signers);
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default().access(file);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL(`the allowed_signers file ${sign.allowed_signers} does not exist`, {
                fix: "commit the allowed_signers file that pins the snapshot key",
            });
        }
        return { format: "ssh", allowedSigners: file, ...(sign.fingerprint ? { fingerprint: sign.fingerprint } : {}) };
    }
    const fp = sign.fingerprint ?? (sign.key && /^[0-9A-Fa-f ]{40,}$/.test(sign.key) ? sign.key : undefined);
    if (!fp) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL("snapshots.sign.fingerprint is not set: gpg signatures are verified against a pinned fingerprint", {
            fix: "set snapshots.sign.fingerprint to the 40-hex fingerprint of the signing key (gpg --list-keys --with-colons)",
        });
    }
    return { format: "gpg", fingerprint: fp.replace(/\s/g, "").toUpperCase() };
}
/** The signature header of a raw commit object ("gpgsig" or "gpgsig-sha256"), or undefined. */
function signatureHeader(raw) {
    const head = raw.slice(0, raw.indexOf("\n\n") >= 0 ? raw.indexOf("\n\n") : raw.length);
    const m = /^gpgsig(?:-sha256)? (.*(?:\n .*)*)/m.exec(head);
    return m ? m[1].replace(/\n /g, "\n") : undefined;
}
/** Verify one commit against the pin. Never throws for a bad signature; returns the status. */
async function verifySignature(git, oid, pin, env = {}) {
    const raw = (await git.readCommitObject(oid)).toString("utf8");
    const sig = signatureHeader(raw);
    if (!sig)
        return { status: "unsigned", detail: "the commit carries no signature" };
    const isSsh = sig.startsWith("-----BEGIN SSH SIGNATURE-----");
    const isPgp = sig.startsWith("-----BEGIN PGP SIGNATURE-----");
    if ((pin.format === "ssh" && !isSsh) || (pin.format === "gpg" && !isPgp)) {
        return {
            status: "wrong-type",
            detail: `signed with ${isSsh ? "ssh" : isPgp ? "gpg" : "an unknown format"}, but the pinned key is ${pin.format}`,
        };
    }
    const configArgs = pin.format === "ssh"
        ? ["-c", "gpg.format=ssh", "-c", `gpg.ssh.allowedSignersFile=${pin.allowedSigners}`, "-c", "gpg.minTrustLevel=fully"]
        : ["-c", "gpg.format=openpgp"];
    const res = await git.verifyCommitRaw(oid, configArgs, signingEnv(env));
    const out = res.stdout.toString("utf8") + res.stderr;
    if (pin.format === "ssh") {
        const fp = /with \S+ key (SHA256:[A-Za-z0-9+/=]+)/.exec(out)?.[1];
        // "Good "git" signature for <principal>" only appears when allowed_signers matched the key.
        const matched = /Good "git" signature for \S/.test(out);
        if (res.code !== 0 || !/Good "git" signature/.test(out)) {
            return {
                status: /No principal matched|not in allowed|allowed_signers/i.test(out) && /Good/.test(out) ? "untrusted" : "bad",
                ...(fp ? { fingerprint: fp } : {}),
                detail: firstLines(out),
            };
        }
        if (!matched)
            return { status: "untrusted", ...(fp ? { fingerprint: fp } : {}), detail: "the key is not in the pinned allowed_signers file" };
        if (pin.fingerprint && fp !== pin.fingerprint)
            return { status: "untrusted", ...(fp ? { fingerprint: fp } : {}), detail: `signed by ${fp}, pinned ${pin.fingerprint}` };
        return { status: "good", ...(fp ? { fingerprint: fp } : {}), detail: `good ssh signature by ${fp ?? "the pinned key"}` };
    }
    // gpg status lines: "[GNUPG:] VALIDSIG <fpr> <date> ... <primary-fpr>"
    const validsig = /^\[GNUPG:\] VALIDSIG (\S+)(?: .* (\S+))?$/m.exec(out);
    if (!/^\[GNUPG:\] GOODSIG /m.test(out) || !validsig)
        return { status: "bad", detail: firstLines(out) };
    const fprs = [validsig[1], validsig[2] ?? ""].map((s) => s.toUpperCase());
    if (!fprs.includes(pin.fingerprint))
        return { status: "untrusted", fingerprint: fprs[0], detail: `signed by ${fprs[0]}, pinned ${pin.fingerprint}` };
    return { status: "good", fingerprint: fprs[0], detail: `good gpg signature by ${fprs[0]}` };
}
function firstLines(s) {
    return s.trim().split("\n").slice(0, 3).join(" / ") || "git verify-commit failed without a message";
}


/***/ }),

/***/ 8894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AW: () => (/* binding */ collectSetFiles),
/* harmony export */   sc: () => (/* binding */ sha256),
/* harmony export */   v6: () => (/* binding */ hashWorktreeFiles)
/* harmony export */ });
/* unused harmony export KEEP_LIMIT */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_glob_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6085);
/* harmony import */ var _core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1387);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7336);
/**
 * The files of a backup set as they are in the work tree: committed or not, ignored or not
 * (a backup must not depend on .gitignore). Only regular files; symlinks are reported and
 * skipped (their targets may lie outside the repository), `.git` folders are never entered.
 */







/** Collect the files a set's `paths` name ("dir/" = everything below; globs; `:(literal)p`). */
async function collectSetFiles(root, setPaths) {
    const found = new Set();
    const skipped = [];
    const globs = [];
    for (const raw of setPaths) {
        const scope = (0,_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .parseScope */ .Sk)(raw);
        if (scope.glob) {
            globs.push(scope.path);
            continue;
        }
        const rel = (0,_paths_js__WEBPACK_IMPORTED_MODULE_5__/* .checkRelative */ .Bp)(scope.path, "snapshot set path");
        await walk(root, rel, found, skipped, true);
    }
    if (globs.length > 0) {
        const all = new Set();
        await walk(root, "", all, [], false);
        const m = (0,_core_glob_js__WEBPACK_IMPORTED_MODULE_4__/* .matcher */ .j)(globs);
        for (const f of all)
            if (m(f))
                found.add(f);
    }
    const files = [];
    for (const f of found) {
        const why = (0,_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .unsafeSnapshotPath */ .E$)(f) ?? (f.includes("\n") ? "file name contains a newline" : undefined);
        if (why)
            skipped.push({ path: f, reason: why });
        else
            files.push(f);
    }
    files.sort();
    return { files, skipped };
}
async function walk(root, rel, out, skipped, report) {
    const abs = rel ? node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, rel) : root;
    let st;
    try {
        st = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().lstat(abs);
    }
    catch {
        return; // a configured path that does not exist (yet) contributes no files
    }
    if (st.isSymbolicLink()) {
        if (report)
            skipped.push({ path: rel, reason: "symlink (not followed)" });
        return;
    }
    if (st.isFile()) {
        out.add(rel);
        return;
    }
    if (!st.isDirectory()) {
        if (report)
            skipped.push({ path: rel, reason: "not a regular file" });
        return;
    }
    const entries = await node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default().readdir(abs, { withFileTypes: true });
    await Promise.all(entries.map(async (e) => {
        if (e.name === ".git")
            return;
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory())
            await walk(root, child, out, skipped, report);
        else if (e.isFile())
            out.add(child);
        else if (report)
            skipped.push({ path: child, reason: e.isSymbolicLink() ? "symlink (not followed)" : "not a regular file" });
    }));
}
/**
 * SHA-256, size and mode of each file. Synchronous reads on purpose: for many small files they
 * are about twice as fast as the thread pool (measured on 10,000 JSON files), and the CLI has
 * nothing else to do meanwhile.
 */
async function hashWorktreeFiles(root, files, keep) {
    const result = new Map();
    let kept = 0;
    for (const rel of files) {
        const fd = node_fs__WEBPACK_IMPORTED_MODULE_1___default().openSync(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(root, rel), "r");
        try {
            const st = node_fs__WEBPACK_IMPORTED_MODULE_1___default().fstatSync(fd);
            const data = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(fd);
            result.set(rel, { sha256: sha256(data), size: data.length, mode: st.mode & 0o111 ? "100755" : "100644" });
            // Kept for writing the blobs from the very bytes hashed (bounded by the caller's budget).
            if (keep && kept + data.length <= KEEP_LIMIT) {
                keep.set(rel, data);
                kept += data.length;
            }
        }
        finally {
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().closeSync(fd);
        }
    }
    return result;
}
/** Bytes of file content kept in memory at most while a snapshot is prepared. */
const KEEP_LIMIT = 256 * 1024 * 1024;
function sha256(data) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256").update(data).digest("hex");
}


/***/ }),

/***/ 9905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JU: () => (/* binding */ listAllSnapshots),
/* harmony export */   Mi: () => (/* binding */ branchRef),
/* harmony export */   Pw: () => (/* binding */ EPOCH_PREFIX),
/* harmony export */   UM: () => (/* binding */ readChain),
/* harmony export */   Vh: () => (/* binding */ resolveSnapshot),
/* harmony export */   _K: () => (/* binding */ PRE_RESTORE_SET)
/* harmony export */ });
/* unused harmony export DEFAULT_BRANCH */
/* harmony import */ var _core_snapshot_message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2767);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


const DEFAULT_BRANCH = "integrity-snapshots";
const EPOCH_PREFIX = "refs/integrity-snapshots/epochs/";
/** Set name of the automatic snapshot a restore takes first. */
const PRE_RESTORE_SET = "pre-restore";
function branchRef(config) {
    return `refs/heads/${config?.branch ?? DEFAULT_BRANCH}`;
}
/** One chain, newest first (empty when the ref does not exist). */
async function readChain(git, ref) {
    const tip = await git.tryRevParse(ref);
    if (!tip)
        return [];
    // A chain up to a given tip never changes (commits are immutable): read it once per process.
    const key = `${git.commonDir}\0${ref}\0${tip}`;
    const cached = chainCache.get(key);
    if (cached)
        return cached;
    const log = await git.logChain(tip);
    const records = log.map((c) => ({ id: c.id, parents: c.parents, time: c.time, info: (0,_core_snapshot_message_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSnapshotMessage */ .tp)(c.message), ref }));
    chainCache.set(key, records);
    return records;
}
const chainCache = new Map();
/** All snapshots: live chain first, then closed epochs, each newest first. */
async function listAllSnapshots(git, config) {
    const live = await readChain(git, branchRef(config));
    const epochs = [];
    for (const { ref } of await git.listRefs(EPOCH_PREFIX))
        epochs.push({ ref, chain: await readChain(git, ref) });
    return { live, epochs };
}
/**
 * Resolve what a user named: "latest" (newest snapshot of any set but pre-restore), a set name
 * (its newest snapshot), or a commit id / prefix that must be a snapshot on one of our refs.
 */
async function resolveSnapshot(git, config, spec) {
    const { live, epochs } = await listAllSnapshots(git, config);
    const all = [...live, ...epochs.flatMap((e) => e.chain)].filter((r) => r.info);
    all.sort((a, b) => b.time - a.time);
    let found;
    if (spec === "latest")
        found = all.find((r) => r.info.set !== PRE_RESTORE_SET);
    else if (/^[0-9a-f]{4,64}$/.test(spec) && all.some((r) => r.id.startsWith(spec))) {
        const matches = all.filter((r) => r.id.startsWith(spec));
        if (new Set(matches.map((m) => m.id)).size > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`snapshot id ${spec} is ambiguous`, { fix: "give more characters of the id" });
        found = matches[0];
    }
    else
        found = all.find((r) => r.info.set === spec);
    if (!found) {
        const sets = [...new Set(all.map((r) => r.info.set))];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`no snapshot matches ${JSON.stringify(spec)} on ${branchRef(config)}${epochs.length ? " or its epochs" : ""}`, {
            fix: all.length === 0
                ? "take one first: integrity-guard snapshot --set NAME"
                : `name a snapshot id, "latest", or a set (${sets.join(", ")}); list them with integrity-guard snapshots`,
        });
    }
    return found;
}


/***/ }),

/***/ 1038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ readBlobsSafe),
/* harmony export */   g: () => (/* binding */ readBackTree)
/* harmony export */ });
/* harmony import */ var _core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1387);
/* harmony import */ var _files_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8894);


/** Compare a stored tree with the manifest it should hold; returns snapshot/checksum findings. */
async function readBackTree(git, treeish, manifest, manifestText, preloaded) {
    const findings = [];
    const bad = (file, message, expected, found) => findings.push({
        rule: "snapshot/checksum",
        level: "error",
        file,
        message,
        ...(expected ? { expected } : {}),
        ...(found ? { found } : {}),
        fix: "the object store holds different bytes than were snapshotted: run `git fsck --full`, then take the snapshot again",
    });
    let entries;
    try {
        entries = preloaded?.entries ?? (await git.lsTreeBlobs(treeish));
    }
    catch (error) {
        bad(_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh, `cannot list the snapshot tree ${treeish}: ${error.message.split("\n")[0]}`);
        return findings;
    }
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const blobs = preloaded?.blobs ??
        (await readBlobsSafe(git, entries.map((e) => e.oid)));
    const mEntry = byPath.get(_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh);
    const mBlob = mEntry && blobs.get(mEntry.oid);
    if (!mBlob || mBlob.toString("utf8") !== manifestText)
        bad(_core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh, "the stored manifest differs from the one written");
    for (const [p, expected] of Object.entries(manifest.files)) {
        const e = byPath.get(p);
        if (!e) {
            bad(p, "file is in the manifest but not in the snapshot tree");
            continue;
        }
        const data = blobs.get(e.oid);
        if (!data) {
            bad(p, `blob ${e.oid} cannot be read back from the object store (missing or corrupt)`);
            continue;
        }
        const got = (0,_files_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(data);
        if (got !== expected.sha256 || data.length !== expected.size)
            bad(p, "read-back checksum differs from the source", `sha256 ${expected.sha256} (${expected.size} bytes)`, `sha256 ${got} (${data.length} bytes)`);
    }
    for (const e of entries)
        if (e.path !== _core_snapshot_manifest_js__WEBPACK_IMPORTED_MODULE_1__/* .SNAPSHOT_MANIFEST_PATH */ .Bh && !manifest.files[e.path])
            bad(e.path, "file is in the snapshot tree but not in its manifest");
    return findings;
}
/**
 * readBlobs, but a corrupt loose object makes cat-file die mid-stream: fall back to one object
 * at a time so the report names which blob is bad instead of failing the whole read.
 */
async function readBlobsSafe(git, oids) {
    try {
        return await git.readBlobs(oids);
    }
    catch {
        const out = new Map();
        for (const oid of new Set(oids)) {
            try {
                const one = await git.readBlobs([oid]);
                const b = one.get(oid);
                if (b)
                    out.set(oid, b);
            }
            catch {
                /* reported by the caller as unreadable */
            }
        }
        return out;
    }
}


/***/ })

};
