export const id = 138;
export const ids = [138,463];
export const modules = {

/***/ 2463:
/***/ ((module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.MissingRefError = exports.ValidationError = exports.CodeGen = exports.Name = exports.nil = exports.stringify = exports.str = exports._ = exports.KeywordCxt = exports.Ajv = void 0;
const core_1 = __webpack_require__(3893);
const draft7_1 = __webpack_require__(9941);
const discriminator_1 = __webpack_require__(8886);
const draft7MetaSchema = __webpack_require__(2079);
const META_SUPPORT_DATA = ["/properties"];
const META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
class Ajv extends core_1.default {
    _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
            this.addKeyword(discriminator_1.default);
    }
    _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
            return;
        const metaSchema = this.opts.$data
            ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA)
            : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
    }
    defaultMeta() {
        return (this.opts.defaultMeta =
            super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : undefined));
    }
}
exports.Ajv = Ajv;
module.exports = exports = Ajv;
module.exports.Ajv = Ajv;
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports["default"] = Ajv;
var validate_1 = __webpack_require__(7881);
Object.defineProperty(exports, "KeywordCxt", ({ enumerable: true, get: function () { return validate_1.KeywordCxt; } }));
var codegen_1 = __webpack_require__(1436);
Object.defineProperty(exports, "_", ({ enumerable: true, get: function () { return codegen_1._; } }));
Object.defineProperty(exports, "str", ({ enumerable: true, get: function () { return codegen_1.str; } }));
Object.defineProperty(exports, "stringify", ({ enumerable: true, get: function () { return codegen_1.stringify; } }));
Object.defineProperty(exports, "nil", ({ enumerable: true, get: function () { return codegen_1.nil; } }));
Object.defineProperty(exports, "Name", ({ enumerable: true, get: function () { return codegen_1.Name; } }));
Object.defineProperty(exports, "CodeGen", ({ enumerable: true, get: function () { return codegen_1.CodeGen; } }));
var validation_error_1 = __webpack_require__(5402);
Object.defineProperty(exports, "ValidationError", ({ enumerable: true, get: function () { return validation_error_1.default; } }));
var ref_error_1 = __webpack_require__(3162);
Object.defineProperty(exports, "MissingRefError", ({ enumerable: true, get: function () { return ref_error_1.default; } }));
//# sourceMappingURL=ajv.js.map

/***/ }),

/***/ 9941:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {


Object.defineProperty(exports, "__esModule", ({ value: true }));
const core_1 = __webpack_require__(7397);
const validation_1 = __webpack_require__(5481);
const applicator_1 = __webpack_require__(8775);
const format_1 = __webpack_require__(2601);
const metadata_1 = __webpack_require__(6620);
const draft7Vocabularies = [
    core_1.default,
    validation_1.default,
    (0, applicator_1.default)(),
    format_1.default,
    metadata_1.metadataVocabulary,
    metadata_1.contentVocabulary,
];
exports["default"] = draft7Vocabularies;
//# sourceMappingURL=draft7.js.map

/***/ }),

/***/ 7569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bb: () => (/* binding */ rootDigest),
/* harmony export */   ge: () => (/* binding */ stringifyEntry),
/* harmony export */   r: () => (/* binding */ rootDigestOfLines)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/** The root digest: one SHA-256 that changes when any entry changes (path, hash, size, link, mode). */

/**
 * One entry as fast-json-stable-stringify writes it (keys sorted: link, mode, path, sha256,
 * size), by hand: the manifest holds tens of thousands of entries and the generic stringifier
 * sorts keys per object. test/unit/manifest-core.test.ts checks both agree.
 */
function stringifyEntry(e) {
    let s = "{";
    if (e.link !== undefined)
        s += `"link":${quote(e.link)},`;
    if (e.mode !== undefined)
        s += `"mode":${quote(e.mode)},`;
    return s + `"path":${quote(e.path)},"sha256":${quote(e.sha256)},"size":${JSON.stringify(e.size)}}`;
}
/** Printable ASCII other than `"` and `\` needs no escaping: skip JSON.stringify for it. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
function quote(s) {
    return PLAIN.test(s) ? `"${s}"` : JSON.stringify(s);
}
/** SHA-256 over already stringified entries, each followed by "\n". */
function rootDigestOfLines(lines) {
    const h = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
    for (const l of lines)
        h.update(l + "\n");
    return h.digest("hex");
}
/**
 * SHA-256 of the stable-stringified entries, one per line, in manifest order. Recomputing it on
 * read catches a hand-edited or truncated entry list that still happens to be valid JSON.
 */
function rootDigest(entries) {
    return rootDigestOfLines(entries.map(stringifyEntry));
}


/***/ }),

/***/ 5457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xm: () => (/* binding */ coveredFilter),
/* harmony export */   xY: () => (/* binding */ walkRoots)
/* harmony export */ });
/* unused harmony export ALWAYS_EXCLUDED_GLOBS */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2143);
/** Which paths the manifest covers: config manifest.include minus exclude, never .git or the manifest itself. */


/** ALWAYS_EXCLUDED ("**\/node_modules/**", ".git/**") plus a .git folder at any depth. */
const ALWAYS = /(^|\/)(node_modules|\.git)(\/|$)/;
/** @internal for the test that keeps ALWAYS in step with config ALWAYS_EXCLUDED. */
const ALWAYS_EXCLUDED_GLOBS = (/* unused pure expression or super */ null && (ALWAYS_EXCLUDED));
/** A predicate for repo-relative POSIX paths the manifest covers. */
function coveredFilter(config) {
    const include = regexMatcher(config?.include ?? []);
    const exclude = regexMatcher(config?.exclude ?? []);
    // ALWAYS_EXCLUDED (node_modules anywhere, .git) as one cheap test; a unit test keeps them equal.
    return (p) => p !== _config_types_js__WEBPACK_IMPORTED_MODULE_0__/* .MANIFEST_PATH */ .U4 && !ALWAYS.test(p) && include(p) && !exclude(p);
}
/**
 * The same semantics as core/glob.ts `matcher` (picomatch, dot: true, "dir/" = everything
 * below), as bare regular expressions: picomatch's matcher function re-normalises each input,
 * which costs more than the walk itself on 20,000 paths. Paths here are already clean POSIX.
 */
function regexMatcher(globs) {
    if (globs.length === 0)
        return () => false;
    const res = globs.map((g) => picomatch__WEBPACK_IMPORTED_MODULE_1___default().makeRe(g.endsWith("/") ? g + "**" : g, { dot: true }));
    return (p) => res.some((re) => re.test(p));
}
/**
 * The folders a walk must start from: the static prefix of each include glob ("data/**" ->
 * "data", "**\/*.json" -> ""), deduplicated, with a folder dropped when an ancestor is listed.
 */
function walkRoots(include) {
    const roots = new Set();
    for (const g of include ?? []) {
        const parts = g.replace(/\\/g, "/").split("/");
        const fixed = [];
        for (const part of parts.slice(0, -1)) {
            if (/[*?[\]{}()!+@]/.test(part))
                break;
            fixed.push(part);
        }
        // "data/" names a folder: everything below it.
        if (g.endsWith("/") && !/[*?[\]{}()!+@]/.test(g))
            roots.add(g.slice(0, -1));
        // A literal path (a file or a folder) is walked from itself.
        else if (fixed.length === parts.length - 1 && !/[*?[\]{}()!+@]/.test(parts[parts.length - 1]))
            roots.add(parts.join("/"));
        else
            roots.add(fixed.join("/"));
    }
    const sorted = [...roots].map((r) => r.replace(/^\.\/?/, "")).sort();
    return sorted.filter((r) => !sorted.some((o) => o !== r && (o === "" || r.startsWith(o + "/"))));
}


/***/ }),

/***/ 6618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u1: () => (/* binding */ buildManifest),
  sB: () => (/* binding */ renderManifest),
  XE: () => (/* binding */ renderManifestLines)
});

;// CONCATENATED MODULE: ./src/core/manifest/model.ts
/**
 * The manifest data model (schemas/manifest.schema.json is the source of truth for the file).
 * An entry is one sealed file: its repo-relative POSIX path, SHA-256 and size, or for a symlink
 * the link target string (links are recorded, never followed).
 */
const MANIFEST_FORMAT = "integrity-guard/manifest";
const MANIFEST_VERSION = 1;
const MANIFEST_ALGORITHM = "sha256";
/** Compare two paths in the order the manifest keeps them: UTF-16 code units, like Array#sort. */
function comparePaths(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

// EXTERNAL MODULE: ./src/core/manifest/root.ts
var root = __webpack_require__(7569);
;// CONCATENATED MODULE: ./src/core/manifest/serialize.ts
/**
 * Manifest text: deterministic and diff-friendly. The document is exactly what a stable
 * stringify (sorted keys) would produce, except that each entry sits on its own line, so a
 * reseal shows up in review as one changed line per changed file and an unchanged reseal is
 * byte-identical. No timestamps: nothing churns.
 */


/** Build a manifest from entries (sorted, root digest computed). */
function buildManifest(entries) {
    const sorted = [...entries].sort((a, b) => comparePaths(a.path, b.path)).map(normalizeEntry);
    return { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, algorithm: MANIFEST_ALGORITHM, root: (0,root/* rootDigest */.bb)(sorted), entries: sorted };
}
/** Keep only known keys, so what we write is exactly what the schema allows. */
function normalizeEntry(e) {
    const out = { path: e.path, sha256: e.sha256, size: e.size };
    if (e.link !== undefined)
        out.link = e.link;
    if (e.mode !== undefined)
        out.mode = e.mode;
    return out;
}
/** The manifest file's text (ends with a newline). */
function renderManifest(m) {
    return renderManifestLines(m, m.entries.map(root/* stringifyEntry */.ge));
}
/** renderManifest with the entries already stringified (the reader reuses them for the root digest). */
function renderManifestLines(m, lines) {
    const entries = lines.length === 0 ? "[]" : "[\n" + lines.join(",\n") + "\n]";
    // Keys in sorted order, as stable stringify would emit them.
    return (`{"algorithm":${JSON.stringify(m.algorithm)},"entries":${entries},"format":${JSON.stringify(m.format)},` +
        `"root":${JSON.stringify(m.root)},"version":${m.version}}\n`);
}


/***/ }),

/***/ 2982:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bV: () => (/* binding */ entryLine),
  pV: () => (/* binding */ readManifestText)
});

// UNUSED EXPORTS: checkEntryPath, matchesSchema

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
// EXTERNAL MODULE: ./src/core/parse/index.ts + 7 modules
var parse = __webpack_require__(5717);
// EXTERNAL MODULE: ./src/core/schema/ajv-findings.ts
var ajv_findings = __webpack_require__(5715);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./schemas/manifest.schema.json
const manifest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/integrity-guard/integrity-guard/schemas/manifest.schema.json","title":"integrity-guard manifest","description":"The SHA-256 manifest written by `integrity-guard seal` (.integrity-guard/manifest.json). Entries are sorted by path and unique; `root` is the SHA-256 over the stable-stringified entries, one per line.","type":"object","additionalProperties":false,"required":["format","version","algorithm","root","entries"],"properties":{"format":{"const":"integrity-guard/manifest"},"version":{"const":1},"algorithm":{"const":"sha256"},"root":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"SHA-256 over the entries (see docs/manifest.md)."},"entries":{"type":"array","items":{"type":"object","additionalProperties":false,"required":["path","sha256","size"],"properties":{"path":{"type":"string","minLength":1,"description":"Repo-relative POSIX path; never absolute, never with .. segments."},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"size":{"type":"integer","minimum":0},"link":{"type":"string","description":"Present for a symlink: its target string (recorded, never followed)."},"mode":{"enum":["755"],"description":"Present for an executable file."}}}}}}');
// EXTERNAL MODULE: ./src/core/manifest/root.ts
var manifest_root = __webpack_require__(7569);
// EXTERNAL MODULE: ./src/core/manifest/serialize.ts + 1 modules
var serialize = __webpack_require__(6618);
;// CONCATENATED MODULE: ./src/core/manifest/validate.ts
/**
 * Read a manifest's text: parse, validate against schemas/manifest.schema.json, check every
 * path is safe, the order canonical and the root digest right. Pure.
 *
 * Decisions (docs/manifest.md): a manifest that does not parse, violates the schema, is not
 * sorted/unique or whose root digest is wrong is a `manifest/corrupt` error finding (exit 1: a
 * failed verification, and in the hook it blocks the commit). A path that is absolute or holds
 * `..` is an UnsafePathError (exit 2) naming the entry: nothing is read for a tampered manifest.
 */







let compiled;
const FIX = "restore the manifest from git (`git checkout -- .integrity-guard/manifest.json`) or, once the files are known good, run `integrity-guard seal`";
/** 1-based line of each entry in a manifest we wrote (entries start on line 2, one per line). */
function entryLine(index) {
    return index + 2;
}
/**
 * Parse and check manifest text. `file` is the repo-relative path used in findings.
 * `prevalidated`: the caller knows these exact bytes passed every check before (by their
 * SHA-256), so only the parse is needed.
 */
function readManifestText(text, file, options = {}) {
    const str = typeof text === "string" ? text : text.toString("utf8");
    if (options.prevalidated) {
        try {
            return { manifest: JSON.parse(str), findings: [] };
        }
        catch {
            /* cannot happen for bytes that passed before; fall through to the full checks */
        }
    }
    let value;
    let fast = true;
    try {
        value = JSON.parse(str);
    }
    catch {
        fast = false;
    }
    // Exact positions only on the slow path: the strict parser is what finds duplicate keys and
    // bad encodings, and it is only needed when something is already wrong.
    const slow = () => (0,parse/* parseDocument */.Tp)(typeof text === "string" ? Buffer.from(text) : text, { path: file, format: "json" });
    if (!fast) {
        const doc = slow();
        const findings = doc.findings.map((f) => corrupt(f, file));
        if (findings.length === 0)
            findings.push(corrupt({ message: "the manifest is not valid JSON" }, file));
        return { findings };
    }
    // The hand-written check mirrors the schema exactly and costs nothing; ajv (compiled only when
    // something is wrong) produces the findings with pointers and positions.
    if (!matchesSchema(value) && !(compiled ??= new ajv.Ajv({ allErrors: true, strict: false }).compile(manifest_schema_namespaceObject))(value)) {
        const doc = slow();
        if (!doc.ok)
            return { findings: doc.findings.map((f) => corrupt(f, file)) };
        const findings = (0,ajv_findings/* ajvErrorsToFindings */.I3)(compiled.errors ?? [], {
            file,
            schemaPath: "schemas/manifest.schema.json",
            doc,
            rule: "manifest/corrupt",
        });
        return { findings: findings.map((f) => ({ ...f, level: "error", fix: f.fix ?? FIX })) };
    }
    const m = value;
    const findings = [];
    let prev;
    m.entries.forEach((e, i) => {
        checkEntryPath(e.path, i);
        if (prev !== undefined && !(prev < e.path)) {
            findings.push(corrupt({
                message: prev === e.path
                    ? `entry ${JSON.stringify(e.path)} appears twice`
                    : `entries are not sorted: ${JSON.stringify(e.path)} comes after ${JSON.stringify(prev)}`,
                pointer: `/entries/${i}/path`,
            }, file));
        }
        prev = e.path;
    });
    const lines = m.entries.map(manifest_root/* stringifyEntry */.ge);
    const root = (0,manifest_root/* rootDigestOfLines */.r)(lines);
    if (root !== m.root) {
        findings.push(corrupt({
            message: "the manifest's root digest does not match its entries: it was edited by hand or damaged",
            pointer: "/root",
            expected: root,
            found: m.root,
        }, file));
    }
    if (findings.length > 0)
        return { findings };
    if ((0,serialize/* renderManifestLines */.XE)(m, lines) !== str) {
        // Valid and consistent, but not as seal writes it (hand-formatted, or duplicate keys that
        // JSON.parse folded): the strict parser says which.
        const doc = slow();
        if (!doc.ok)
            return { findings: doc.findings.map((f) => corrupt(f, file)) };
        findings.push({
            rule: "manifest/noncanonical",
            level: "warning",
            file,
            line: 1,
            column: 1,
            message: "the manifest is valid but not in the form `integrity-guard seal` writes (reformatted by hand or by a tool)",
            fix: "run `integrity-guard seal` to rewrite it canonically (after checking the files are as intended)",
        });
    }
    return { manifest: m, findings };
}
const HEX64 = /^[0-9a-f]{64}$/;
const ENTRY_KEYS = new Set(["path", "sha256", "size", "link", "mode"]);
/** schemas/manifest.schema.json, by hand (a fast path; ajv decides whenever this says no). */
function matchesSchema(v) {
    if (typeof v !== "object" || v === null || Array.isArray(v))
        return false;
    const m = v;
    const keys = Object.keys(m);
    if (keys.length !== 5 || !keys.every((k) => k === "format" || k === "version" || k === "algorithm" || k === "root" || k === "entries"))
        return false;
    if (m.format !== "integrity-guard/manifest" || m.version !== 1 || m.algorithm !== "sha256")
        return false;
    if (typeof m.root !== "string" || !HEX64.test(m.root) || !Array.isArray(m.entries))
        return false;
    for (const e of m.entries) {
        if (typeof e !== "object" || e === null || Array.isArray(e))
            return false;
        const r = e;
        for (const k in r)
            if (!ENTRY_KEYS.has(k))
                return false;
        if (typeof r.path !== "string" || r.path.length === 0)
            return false;
        if (typeof r.sha256 !== "string" || !HEX64.test(r.sha256))
            return false;
        if (typeof r.size !== "number" || !Number.isInteger(r.size) || r.size < 0)
            return false;
        if (r.link !== undefined && typeof r.link !== "string")
            return false;
        if (r.mode !== undefined && r.mode !== "755")
            return false;
    }
    return true;
}
function corrupt(f, file) {
    return {
        ...f,
        rule: "manifest/corrupt",
        level: "error",
        file,
        line: f.line ?? 1,
        column: f.column ?? 1,
        message: `corrupt manifest: ${f.message}`,
        fix: f.fix ?? FIX,
    };
}
/**
 * A manifest path must be a canonical repo-relative POSIX path: not absolute, no `.`/`..` or
 * empty segments, no backslash or NUL. Throws UnsafePathError (exit 2) naming the entry.
 */
function checkEntryPath(p, index) {
    const where = `manifest entry ${index} (${JSON.stringify(p)})`;
    const fix = "the manifest was tampered with or damaged: restore it from git, or delete it and run `integrity-guard seal` on a tree you trust";
    if (p.includes("\0"))
        throw new errors/* UnsafePathError */.k0(`${where} contains a NUL byte; nothing was read`, { fix });
    if (p.startsWith("/") || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith("\\"))
        throw new errors/* UnsafePathError */.k0(`${where} is an absolute path; nothing was read`, { fix });
    const parts = p.split("/");
    if (parts.includes(".."))
        throw new errors/* UnsafePathError */.k0(`${where} contains "..", which leaves the repository; nothing was read`, { fix });
    if (p.includes("\\") || parts.some((s) => s === "" || s === ".")) {
        throw new errors/* UnsafePathError */.k0(`${where} is not a canonical repo-relative POSIX path (backslash, empty or "." segment); nothing was read`, {
            fix,
        });
    }
    if (parts[0] === ".git")
        throw new errors/* UnsafePathError */.k0(`${where} points into .git; nothing was read`, { fix });
}


/***/ }),

/***/ 7101:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ observeTree)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
var external_node_fs_default = /*#__PURE__*/__webpack_require__.n(external_node_fs_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
var external_node_crypto_default = /*#__PURE__*/__webpack_require__.n(external_node_crypto_);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./src/io/hash/worker-code.ts
/**
 * The hashing code that runs in each worker thread, as a self-contained JS string. It is a
 * string, not a file, because ncc bundles src/ into one file and vitest runs the .ts sources:
 * `new Worker(code, { eval: true })` works the same in both. It uses only node:fs, node:crypto
 * and node:worker_threads.
 *
 * `hashPath` is also compiled on the main thread (new Function) for runs too small to be worth
 * starting workers, so both paths share one implementation.
 */
/** function hashPath(fs, crypto, path, buf) -> result object. */
const HASH_FUNCTION_SOURCE = String.raw `
function hashPath(fs, crypto, p, buf) {
  var fd;
  try {
    // O_NOFOLLOW: a symlink is never followed; O_NONBLOCK: a FIFO never blocks the open.
    fd = fs.openSync(p, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0) | (fs.constants.O_NONBLOCK || 0));
  } catch (e) {
    return { err: e.code === "ELOOP" ? "is a symlink (not followed)" : String(e.message), code: e.code || "EIO" };
  }
  try {
    var st = fs.fstatSync(fd, { bigint: true });
    if (!st.isFile()) return { err: "not a regular file", code: "ENOTFILE" };
    var total = 0;
    var sha;
    var first = fs.readSync(fd, buf, 0, buf.length, null);
    if (first < buf.length && typeof crypto.hash === "function") {
      // Most state files fit in one read; a short read of a regular file is its end, so skip
      // the extra read that would return 0 and the Hash object (crypto.hash: node >= 20.12).
      total = first;
      sha = crypto.hash("sha256", buf.subarray(0, first), "hex");
    } else {
      var h = crypto.createHash("sha256");
      var n = first;
      while (n > 0) {
        h.update(n === buf.length ? buf : buf.subarray(0, n));
        total += n;
        if (n < buf.length) break;
        n = fs.readSync(fd, buf, 0, buf.length, null);
      }
      sha = h.digest("hex");
    }
    var stable = true;
    if (total > buf.length) {
      // A long read: make sure the file did not change under us before trusting its stat.
      var after = fs.fstatSync(fd, { bigint: true });
      stable = after.mtimeNs === st.mtimeNs && after.size === st.size && after.ctimeNs === st.ctimeNs;
    }
    return {
      sha: sha,
      size: total,
      exec: (Number(st.mode) & 0o111) !== 0,
      st: stable && BigInt(total) === st.size ? [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)] : null,
    };
  } catch (e) {
    return { err: String(e.message), code: e.code || "EIO" };
  } finally {
    try { fs.closeSync(fd); } catch (e) { /* already gone */ }
  }
}
`;
/**
 * Worker: receives {paths, counter (SharedArrayBuffer), bufSize}; takes the next index with
 * Atomics.add until the list is exhausted, so big and small files balance across workers
 * without any sizes known up front; posts results back in batches.
 */
const WORKER_SOURCE = String.raw `
const fs = require("node:fs");
const crypto = require("node:crypto");
const { parentPort } = require("node:worker_threads");
${HASH_FUNCTION_SOURCE}
parentPort.on("message", (msg) => {
  const counter = new Int32Array(msg.counter);
  const buf = Buffer.allocUnsafe(msg.bufSize);
  let batch = [];
  let bytes = 0;
  for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= msg.paths.length) break;
    const r = hashPath(fs, crypto, msg.paths[i], buf);
    r.i = i;
    batch.push(r);
    bytes += r.size || 0;
    if (batch.length >= 512 || bytes >= 64 * 1024 * 1024) {
      parentPort.postMessage({ results: batch });
      batch = [];
      bytes = 0;
    }
  }
  parentPort.postMessage({ results: batch, done: true });
});
`;

;// CONCATENATED MODULE: ./src/io/hash/pool.ts
/**
 * Hash many files fast: worker threads (one per available core) pull paths from a shared
 * counter, read each file through a fixed buffer (bounded memory whatever the file size) and
 * send SHA-256 results back in batches. Small runs hash on the main thread: starting workers
 * costs more than hashing a few files.
 */





let inlineFn;
function toResult(r) {
    if (r.err !== undefined)
        return { ok: false, error: r.err, code: r.code ?? "EIO" };
    return { ok: true, sha256: r.sha, size: r.size, executable: r.exec === true, stat: r.st ?? null };
}
/** Hash absolute paths; results in the same order. Never throws for a file: errors are results. */
async function hashFiles(paths, options = {}) {
    const bufSize = options.bufferSize ?? 1 << 20;
    const results = new Array(paths.length);
    if (paths.length === 0)
        return results;
    const threads = Math.max(1, Math.min(options.threads ?? external_node_os_default().availableParallelism(), paths.length));
    if (paths.length < (options.inlineBelow ?? 64) && !worthThreads(paths, threads)) {
        // Same code as the workers run (one implementation), compiled here.
        inlineFn ??= new Function(`${HASH_FUNCTION_SOURCE}; return hashPath;`)();
        const buf = Buffer.allocUnsafe(bufSize);
        let bytes = 0;
        paths.forEach((p, i) => {
            const r = toResult(inlineFn((external_node_fs_default()), (external_node_crypto_default()), p, buf));
            results[i] = r;
            if (r.ok)
                bytes += r.size;
            options.onProgress?.(i + 1, bytes);
        });
        return results;
    }
    const counter = new SharedArrayBuffer(4);
    let done = 0;
    let bytes = 0;
    await Promise.all(Array.from({ length: threads }, () => new Promise((resolve, reject) => {
        const worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true });
        let finished = false;
        worker.on("message", (msg) => {
            for (const r of msg.results) {
                const res = toResult(r);
                results[r.i] = res;
                if (res.ok)
                    bytes += res.size;
            }
            done += msg.results.length;
            options.onProgress?.(done, bytes);
            if (msg.done) {
                finished = true;
                void worker.terminate().then(() => resolve(), resolve);
            }
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
            if (!finished)
                reject(new Error(`hash worker exited early (code ${code})`));
        });
        worker.postMessage({ paths, counter, bufSize });
    })));
    return results;
}
/**
 * Few files can still be a lot of bytes (20 files of 50 MiB): then threads pay for their start-up
 * (~30 ms each) many times over. Under the inline count the lstat calls cost well under 1 ms.
 */
function worthThreads(paths, threads) {
    if (threads < 2 || paths.length < 2)
        return false;
    let total = 0;
    for (const p of paths) {
        try {
            total += external_node_fs_default().lstatSync(p).size;
        }
        catch {
            /* unreadable: hashFile reports it */
        }
        if (total >= 32 * 1024 * 1024)
            return true;
    }
    return false;
}

// EXTERNAL MODULE: ./src/io/hash/walk.ts
var walk = __webpack_require__(7016);
;// CONCATENATED MODULE: ./src/io/hash/observe.ts
/**
 * Observe the covered files of the work tree: path -> content hash (or link, or error), as
 * cheaply as the cache allows:
 *   1. tracked files git reports unchanged, whose blob id is in the stat cache: no I/O at all;
 *   2. other files whose lstat equals the cached stat (and is not racy): no read;
 *   3. everything else is read and hashed by the worker pool.
 * With `useCache: false` every file is read (and bit rot is detected against the cache).
 */





/** Margin between a file's mtime and the start of `git diff-files` for its blob to be cached. */
const BLOB_MARGIN_NS = 1000000000n;
async function observeTree(options) {
    const { git, root, cache } = options;
    // Ask git first: its processes (diff-files lstat's every tracked file) run while we walk.
    // A --no-cache run reads everything anyway and skips git (the next cached run asks it).
    const startNs = BigInt(Date.now()) * 1000000n;
    const askGit = options.useCache && options.roots.length > 0;
    const gitAnswers = askGit
        ? Promise.all([git.lsIndexTagged(), options.pre?.changed ?? git.worktreeChangedPaths()])
        : Promise.resolve(undefined);
    let entries;
    try {
        entries = options.pre?.entries ?? (0,walk/* walkTree */.I)(root, options.roots, options.accept);
    }
    catch (error) {
        await gitAnswers.catch(() => undefined);
        throw error;
    }
    const observed = new Map();
    const stats = { files: entries.length, fromGit: 0, fromCache: 0, hashed: 0, bytesHashed: 0 };
    const blobIds = new Set();
    const others = new Map();
    // What git knows: clean tracked files (normal "H" entries, stage 0, regular files).
    const tracked = new Map();
    const answers = await gitAnswers;
    if (answers) {
        const [index, changed] = answers;
        const dirty = new Set(changed);
        for (const e of index) {
            if (e.tag === "H" && e.stage === 0 && (e.mode === "100644" || e.mode === "100755") && !dirty.has(e.path)) {
                tracked.set(e.path, { oid: e.oid, executable: e.mode === "100755" });
            }
        }
    }
    const toHash = [];
    for (const e of entries) {
        if (e.kind === "link") {
            observed.set(e.path, readLink(root, e.path));
            others.set(e.path, null);
            continue;
        }
        if (e.kind === "other") {
            observed.set(e.path, { kind: "error", message: "is not a regular file (FIFO, socket or device); not read", code: "ENOTFILE" });
            continue;
        }
        const t = tracked.get(e.path);
        if (t)
            blobIds.add(t.oid);
        if (options.useCache) {
            if (t) {
                const b = cache.blob(t.oid);
                if (b) {
                    observed.set(e.path, fileObservation(b.sha256, b.size, t.executable));
                    stats.fromGit++;
                    continue;
                }
            }
            const st = lstatKey(root, e.path);
            const c = st && cache.lookup(e.path, st);
            if (!t)
                others.set(e.path, st ?? null);
            if (c) {
                observed.set(e.path, fileObservation(c.sha256, c.size, c.executable));
                stats.fromCache++;
                // Git vouches for this tracked file too: remember its blob, so next time not even the lstat is needed.
                if (t && BigInt(st[1]) < startNs - BLOB_MARGIN_NS && c.executable === t.executable)
                    cache.recordBlob(t.oid, c.sha256, c.size);
                continue;
            }
        }
        toHash.push(e.path);
    }
    const results = await hashFiles(toHash.map((p) => external_node_path_default().join(root, p)), options.onProgress ? { onProgress: (done, bytes) => options.onProgress(done, toHash.length, bytes) } : {});
    toHash.forEach((p, i) => {
        const r = results[i];
        if (!r.ok) {
            if (r.code === "ENOENT") {
                cache.forget(p); // vanished since the walk: it does not exist now
                return;
            }
            observed.set(p, { kind: "error", message: friendly(r.code, r.error), code: r.code });
            return;
        }
        stats.hashed++;
        stats.bytesHashed += r.size;
        if (!tracked.has(p))
            others.set(p, r.stat);
        const bitrot = r.stat !== null && cache.isBitrot(p, r.stat, r.sha256);
        observed.set(p, {
            kind: "file",
            sha256: r.sha256,
            size: r.size,
            ...(r.executable ? { mode: "755" } : {}),
            ...(bitrot ? { bitrot: true } : {}),
        });
        if (r.stat) {
            // A bit-rotted file keeps its old record: the evidence stays until someone acts on it.
            if (!bitrot)
                cache.record(p, r.stat, r.sha256, r.executable);
            const t = tracked.get(p);
            // Only content git vouched for before we read it: the file's mtime predates diff-files.
            if (t && BigInt(r.stat[1]) < startNs - BLOB_MARGIN_NS && r.executable === t.executable)
                cache.recordBlob(t.oid, r.sha256, r.size);
        }
    });
    for (const [p, o] of observed)
        if (o.kind === "error")
            others.set(p, null);
    return { observed, stats, blobIds, others, walked: entries };
}
function fileObservation(sha256, size, executable) {
    return executable ? { kind: "file", sha256, size, mode: "755" } : { kind: "file", sha256, size };
}
function lstatKey(root, rel) {
    try {
        const st = external_node_fs_default().lstatSync(external_node_path_default().join(root, rel), { bigint: true });
        if (!st.isFile())
            return undefined;
        return [String(st.size), String(st.mtimeNs), String(st.ino), String(st.ctimeNs)];
    }
    catch {
        return undefined;
    }
}
function readLink(root, rel) {
    try {
        const target = external_node_fs_default().readlinkSync(external_node_path_default().join(root, rel), "buffer");
        const sha256 = external_node_crypto_default().createHash("sha256").update(target).digest("hex");
        return { kind: "link", sha256, size: target.length, link: target.toString("utf8") };
    }
    catch (error) {
        const e = error;
        return { kind: "error", message: e.message, code: e.code ?? "EIO" };
    }
}
function friendly(code, message) {
    switch (code) {
        case "EACCES":
        case "EPERM":
            return "permission denied";
        case "ELOOP":
            return "is a symlink (not followed)";
        case "ENOTFILE":
            return "is not a regular file";
        case "EISDIR":
            return "is a folder";
        default:
            return message.replace(/, open '.*'$/, "");
    }
}


/***/ }),

/***/ 3210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ progressBar)
/* harmony export */ });
/** A one-line progress bar on stderr for long hashing runs (only when stderr is a terminal). */
/** Returns undefined when not interactive; otherwise a throttled progress callback and a finisher. */
function progressBar(interactive, label, write = (s) => process.stderr.write(s)) {
    if (!interactive)
        return undefined;
    let last = 0;
    let shown = false;
    const started = Date.now();
    return {
        update(done, total, bytes) {
            const now = Date.now();
            // Quiet for the first half second (short runs), then at most 10 updates a second.
            if (now - started < 500 || (now - last < 100 && done < total))
                return;
            last = now;
            shown = true;
            const width = 24;
            const filled = total > 0 ? Math.round((done / total) * width) : width;
            const mib = (bytes / (1 << 20)).toFixed(0);
            write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} files, ${mib} MiB `);
        },
        end() {
            if (shown)
                write("\r\x1b[2K");
        },
    };
}


/***/ }),

/***/ 7016:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ walkTree)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Walk the work tree for the files the manifest covers, INCLUDING untracked and ignored files
 * (live state is often ignored). Never follows a symlink: a link is reported as a link, and a
 * walk root reached through a symlinked folder is refused, so nothing outside the repository is
 * ever listed or read.
 */


/** Folders never entered: git's own data and dependency trees. */
const SKIP_DIRS = new Set([".git", "node_modules"]);
/**
 * List entries below each root (repo-relative; "" is the whole tree) that `accept` takes.
 * `descend` may prune folders early (a folder no include glob can reach).
 */
function walkTree(root, roots, accept) {
    const out = [];
    const seen = new Set();
    const emit = (rel, kind) => {
        if (!seen.has(rel) && accept(rel)) {
            seen.add(rel);
            out.push({ path: rel, kind });
        }
    };
    const walkDir = (rel) => {
        let dirents;
        try {
            dirents = node_fs__WEBPACK_IMPORTED_MODULE_0___default().readdirSync(rel === "" ? root : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, rel), { withFileTypes: true });
        }
        catch {
            return; // vanished or unreadable folder: its sealed files show up as missing
        }
        for (const d of dirents) {
            const child = rel === "" ? d.name : `${rel}/${d.name}`;
            if (d.isDirectory()) {
                if (!SKIP_DIRS.has(d.name))
                    walkDir(child);
            }
            else if (d.isFile())
                emit(child, "file");
            else if (d.isSymbolicLink())
                emit(child, "link");
            else
                emit(child, "other");
        }
    };
    for (const r of roots) {
        if (r === "") {
            walkDir("");
            continue;
        }
        const kind = lstatNoFollow(root, r);
        if (kind === "dir")
            walkDir(r);
        else if (kind === "file" || kind === "link" || kind === "other")
            emit(r, kind);
    }
    return out;
}
/**
 * lstat a repo-relative path, refusing when any folder on the way is a symlink (so a walk root
 * such as "data" inside a symlinked "state/" is never followed out of the tree).
 */
function lstatNoFollow(root, rel) {
    const parts = rel.split("/");
    let cur = root;
    for (let i = 0; i < parts.length; i++) {
        cur = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(cur, parts[i]);
        let st;
        try {
            st = node_fs__WEBPACK_IMPORTED_MODULE_0___default().lstatSync(cur);
        }
        catch {
            return undefined;
        }
        const last = i === parts.length - 1;
        if (st.isSymbolicLink())
            return last ? "link" : undefined;
        if (last)
            return st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
        if (!st.isDirectory())
            return undefined;
    }
    return undefined;
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

/***/ 6407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bj: () => (/* binding */ sha256Of),
/* harmony export */   DK: () => (/* binding */ readManifestBytes),
/* harmony export */   dB: () => (/* binding */ withManifestLock),
/* harmony export */   hP: () => (/* binding */ writeManifestFile),
/* harmony export */   oe: () => (/* binding */ readManifestFile)
/* harmony export */ });
/* unused harmony export manifestLockPath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_types_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2143);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _core_manifest_serialize_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6618);
/* harmony import */ var _core_manifest_validate_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2982);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3059);
/* harmony import */ var _lock_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7161);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7336);
/**
 * The manifest on disk: read and check it, write it atomically under a lock. Paths go through
 * resolveInside, so a `.integrity-guard` folder that is a symlink out of the tree is refused.
 */










/** The manifest's bytes, or undefined when there is none. */
function readManifestBytes(root) {
    const abs = (0,_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveInside */ .LI)(root, _config_types_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_PATH */ .U4, { what: "manifest" });
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(abs);
    }
    catch (error) {
        const e = error;
        if (e.code === "ENOENT")
            return undefined;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .EnvironmentError */ .eG(`cannot read ${_config_types_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_PATH */ .U4}: ${e.message}`, { fix: "check the file's permissions" });
    }
}
function sha256Of(bytes) {
    return node_crypto__WEBPACK_IMPORTED_MODULE_0___default().createHash("sha256").update(bytes).digest("hex");
}
/**
 * Read and check the work tree's manifest. A missing file is `{exists: false}`. With a cache,
 * bytes that passed every check before (same SHA-256) are only parsed.
 */
function readManifestFile(root, cache, bytes = readManifestBytes(root)) {
    if (!bytes)
        return { exists: false, findings: [], sha256: "" };
    const sha = sha256Of(bytes);
    const result = (0,_core_manifest_validate_js__WEBPACK_IMPORTED_MODULE_5__/* .readManifestText */ .pV)(bytes, _config_types_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_PATH */ .U4, { prevalidated: cache?.isValidatedManifest(sha) === true });
    if (cache && result.manifest && result.findings.length === 0)
        cache.rememberValidatedManifest(sha);
    return { exists: true, sha256: sha, ...result };
}
/** The lock that serialises seals (and anything else that rewrites the manifest). */
function manifestLockPath(git) {
    return node_path__WEBPACK_IMPORTED_MODULE_2___default().join(git.stateDir(), "manifest.lock");
}
/** Run `fn` holding the manifest lock. */
function withManifestLock(git, fn) {
    return (0,_lock_js__WEBPACK_IMPORTED_MODULE_7__/* .withLock */ .k)(manifestLockPath(git), fn, { timeoutMs: 120_000 });
}
/**
 * Write the manifest atomically (temporary file, fsync, rename). Leaves the file untouched
 * (not even its mtime) when the content is already identical. Returns whether it wrote.
 */
async function writeManifestFile(root, manifest) {
    const abs = (0,_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveInside */ .LI)(root, _config_types_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_PATH */ .U4, { what: "manifest" });
    const text = (0,_core_manifest_serialize_js__WEBPACK_IMPORTED_MODULE_4__/* .renderManifest */ .sB)(manifest);
    try {
        if (node_fs__WEBPACK_IMPORTED_MODULE_1___default().readFileSync(abs, "utf8") === text)
            return false;
    }
    catch {
        /* absent: write it */
    }
    node_fs__WEBPACK_IMPORTED_MODULE_1___default().mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(abs), { recursive: true });
    removeStaleTemporaries(abs);
    await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_6__/* .writeFileAtomic */ .Z)(abs, text);
    return true;
}
/**
 * A seal killed between creating its temporary file and the rename leaves
 * `.manifest.json.<pid>.<random>.tmp` behind (the manifest itself is intact). We hold the lock,
 * so any such file whose writer is no longer alive is garbage.
 */
function removeStaleTemporaries(abs) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(abs);
    const prefix = `.${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(abs)}.`;
    let names;
    try {
        names = node_fs__WEBPACK_IMPORTED_MODULE_1___default().readdirSync(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const m = name.startsWith(prefix) && name.endsWith(".tmp") ? /^(\d+)\./.exec(name.slice(prefix.length)) : null;
        if (!m)
            continue;
        const pid = Number(m[1]);
        let alive = pid === process.pid;
        if (!alive) {
            try {
                process.kill(pid, 0);
                alive = true;
            }
            catch (error) {
                alive = error.code !== "ESRCH";
            }
        }
        if (!alive)
            node_fs__WEBPACK_IMPORTED_MODULE_1___default().rmSync(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name), { force: true });
    }
}


/***/ }),

/***/ 475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ StatCache),
/* harmony export */   l: () => (/* binding */ RACY_WINDOW_NS)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3059);
/**
 * The manifest's stat cache (machine-local, under .git/integrity-guard/, never committed).
 *
 * - `files`: path -> the stat of the file when it was last hashed (size, mtime ns, inode,
 *   ctime ns) and its SHA-256. A file whose stat is unchanged is not re-read, except when its
 *   mtime is within RACY_WINDOW_NS of the moment the cache was written ("racy git": an edit in
 *   the same timestamp tick leaves the stat unchanged), and except with --no-cache.
 * - `blobs`: git blob id -> SHA-256 and size of the work-tree bytes of a tracked file that git
 *   reported clean. For tracked files git's own index (which handles racy entries itself) says
 *   which files changed, so an unchanged tracked file costs neither a read nor an lstat here.
 *
 * The two halves live in two files, each parsed only when first needed: a warm verify of a
 * tracked tree reads only the blob half. One pair per work tree (the state dir is shared by
 * linked worktrees). A cache that is missing, unreadable or of another version is ignored: the
 * only cost is re-hashing. Lookups use the parsed objects as they are (no Map copies): the keys
 * are hex ids and repo paths, read with Object.hasOwn.
 */




/** Two seconds: covers FAT's 2 s mtime granularity and coarse kernel clocks with room to spare. */
const RACY_WINDOW_NS = 2000000000n;
const VERSION = 2;
function readJson(file) {
    try {
        const data = JSON.parse(node_fs__WEBPACK_IMPORTED_MODULE_0___default().readFileSync(file, "utf8"));
        return data && data.version === VERSION ? data : undefined;
    }
    catch {
        return undefined; // missing or damaged: start empty
    }
}
class StatCache {
    file;
    persistent;
    filesData;
    blobsData;
    validManifest;
    stamp = 0n;
    filesDirty = false;
    blobsDirty = false;
    /** Paths (re)recorded in this run: their hash is at least as recent as the next stamp. */
    touched = new Set();
    constructor(
    /** The files half; the blobs half sits beside it. */
    file, persistent) {
        this.file = file;
        this.persistent = persistent;
    }
    /** Cache file for the work tree at `root` inside `stateDir`. */
    static pathFor(stateDir, root) {
        const id = node_crypto__WEBPACK_IMPORTED_MODULE_2___default().createHash("sha256").update(root).digest("hex").slice(0, 12);
        return node_path__WEBPACK_IMPORTED_MODULE_1___default().join(stateDir, `manifest-cache-${id}.json`);
    }
    /** Open (never throws; nothing is read until a lookup needs it). */
    static load(file) {
        return new StatCache(file, true);
    }
    /** An empty cache that never reads or writes disk. */
    static empty(file) {
        return new StatCache(file, false);
    }
    get blobsFile() {
        return this.file.replace(/\.json$/, ".blobs.json");
    }
    files() {
        if (!this.filesData) {
            const d = this.persistent ? readJson(this.file) : undefined;
            if (d && typeof d.stamp === "string" && typeof d.files === "object" && d.files) {
                this.stamp = BigInt(d.stamp);
                this.filesData = d.files;
            }
            else {
                this.filesData = {};
            }
        }
        return this.filesData;
    }
    blobs() {
        if (!this.blobsData) {
            const d = this.persistent ? readJson(this.blobsFile) : undefined;
            this.blobsData = d && typeof d.blobs === "object" && d.blobs ? d.blobs : {};
            this.validManifest = typeof d?.manifest === "string" ? d.manifest : undefined;
        }
        return this.blobsData;
    }
    isRacy(mtimeNs) {
        return BigInt(mtimeNs) >= this.stamp - RACY_WINDOW_NS;
    }
    record0(rel) {
        const f = this.files();
        return Object.hasOwn(f, rel) ? f[rel] : undefined;
    }
    /** The cached content of `rel` when `stat` is exactly what was recorded and not racy. */
    lookup(rel, stat) {
        const r = this.record0(rel);
        if (!r || r[0] !== stat[0] || r[1] !== stat[1] || r[2] !== stat[2] || r[3] !== stat[3] || this.isRacy(r[1]))
            return undefined;
        return { sha256: r[4], size: Number(r[0]), executable: r[5] === 1 };
    }
    /**
     * True when `rel` was recorded with exactly this stat (not racy) but with other content:
     * the file changed without any of its metadata changing (bit rot).
     */
    isBitrot(rel, stat, sha256) {
        const r = this.record0(rel);
        return !!r && r[0] === stat[0] && r[1] === stat[1] && r[2] === stat[2] && r[3] === stat[3] && !this.isRacy(r[1]) && r[4] !== sha256;
    }
    record(rel, stat, sha256, executable) {
        const prev = this.record0(rel);
        const next = [stat[0], stat[1], stat[2], stat[3], sha256, executable ? 1 : 0];
        this.touched.add(rel);
        if (prev && prev.every((v, i) => v === next[i]))
            return;
        this.files()[rel] = next;
        this.filesDirty = true;
    }
    forget(rel) {
        if (this.record0(rel)) {
            delete this.files()[rel];
            this.filesDirty = true;
        }
    }
    blob(oid) {
        const b = this.blobs();
        if (!Object.hasOwn(b, oid))
            return undefined;
        const r = b[oid];
        return { sha256: r.slice(0, 64), size: Number(r.slice(64)), executable: false };
    }
    recordBlob(oid, sha256, size) {
        const b = this.blobs();
        const next = sha256 + String(size);
        if (Object.hasOwn(b, oid) && b[oid] === next)
            return;
        b[oid] = next;
        this.blobsDirty = true;
    }
    /** Whether the manifest text with this SHA-256 already passed every check on this machine. */
    isValidatedManifest(sha256) {
        this.blobs();
        return this.validManifest === sha256;
    }
    rememberValidatedManifest(sha256) {
        this.blobs();
        if (this.validManifest === sha256)
            return;
        this.validManifest = sha256;
        this.blobsDirty = true;
    }
    /** True when something was recorded that is not on disk yet. */
    get changed() {
        return this.filesDirty || this.blobsDirty;
    }
    /** Keep only the given paths and blob ids (after a full, unsharded run). */
    prune(keepPaths, keepBlobs) {
        // Only halves already loaded: pruning must not cost a read the run did not need.
        if (this.filesData) {
            for (const p of Object.keys(this.filesData)) {
                if (!keepPaths.has(p)) {
                    delete this.filesData[p];
                    this.filesDirty = true;
                }
            }
        }
        if (this.blobsData) {
            for (const o of Object.keys(this.blobsData)) {
                if (!keepBlobs.has(o)) {
                    delete this.blobsData[o];
                    this.blobsDirty = true;
                }
            }
        }
    }
    /**
     * Write the halves that changed, atomically. Best effort: a cache that cannot be written
     * only costs speed next time.
     */
    async save() {
        if (!this.persistent || (!this.filesDirty && !this.blobsDirty))
            return false;
        try {
            node_fs__WEBPACK_IMPORTED_MODULE_0___default().mkdirSync(node_path__WEBPACK_IMPORTED_MODULE_1___default().dirname(this.file), { recursive: true });
            if (this.blobsDirty && this.blobsData) {
                await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Z)(this.blobsFile, JSON.stringify({
                    version: VERSION,
                    blobs: this.blobsData,
                    ...(this.validManifest ? { manifest: this.validManifest } : {}),
                }));
                this.blobsDirty = false;
            }
            if (this.filesDirty && this.filesData) {
                // An entry racy against the old stamp that this run did not re-hash must not become
                // trusted just because the stamp moves forward: drop it (it is re-hashed next time).
                for (const [p, r] of Object.entries(this.filesData))
                    if (!this.touched.has(p) && this.isRacy(r[1]))
                        delete this.filesData[p];
                const stamp = BigInt(Date.now()) * 1000000n;
                await (0,_atomic_js__WEBPACK_IMPORTED_MODULE_3__/* .writeFileAtomic */ .Z)(this.file, JSON.stringify({ version: VERSION, stamp: String(stamp), files: this.filesData }));
                this.stamp = stamp;
                this.filesDirty = false;
            }
            return true;
        }
        catch {
            return false;
        }
    }
}


/***/ }),

/***/ 2079:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"http://json-schema.org/draft-07/schema#","title":"Core schema meta-schema","definitions":{"schemaArray":{"type":"array","minItems":1,"items":{"$ref":"#"}},"nonNegativeInteger":{"type":"integer","minimum":0},"nonNegativeIntegerDefault0":{"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]},"simpleTypes":{"enum":["array","boolean","integer","null","number","object","string"]},"stringArray":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]}},"type":["object","boolean"],"properties":{"$id":{"type":"string","format":"uri-reference"},"$schema":{"type":"string","format":"uri"},"$ref":{"type":"string","format":"uri-reference"},"$comment":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"default":true,"readOnly":{"type":"boolean","default":false},"examples":{"type":"array","items":true},"multipleOf":{"type":"number","exclusiveMinimum":0},"maximum":{"type":"number"},"exclusiveMaximum":{"type":"number"},"minimum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxLength":{"$ref":"#/definitions/nonNegativeInteger"},"minLength":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"pattern":{"type":"string","format":"regex"},"additionalItems":{"$ref":"#"},"items":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/schemaArray"}],"default":true},"maxItems":{"$ref":"#/definitions/nonNegativeInteger"},"minItems":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"uniqueItems":{"type":"boolean","default":false},"contains":{"$ref":"#"},"maxProperties":{"$ref":"#/definitions/nonNegativeInteger"},"minProperties":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"required":{"$ref":"#/definitions/stringArray"},"additionalProperties":{"$ref":"#"},"definitions":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"properties":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"patternProperties":{"type":"object","additionalProperties":{"$ref":"#"},"propertyNames":{"format":"regex"},"default":{}},"dependencies":{"type":"object","additionalProperties":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]}},"propertyNames":{"$ref":"#"},"const":true,"enum":{"type":"array","items":true,"minItems":1,"uniqueItems":true},"type":{"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"type":"array","items":{"$ref":"#/definitions/simpleTypes"},"minItems":1,"uniqueItems":true}]},"format":{"type":"string"},"contentMediaType":{"type":"string"},"contentEncoding":{"type":"string"},"if":{"$ref":"#"},"then":{"$ref":"#"},"else":{"$ref":"#"},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf":{"$ref":"#/definitions/schemaArray"},"oneOf":{"$ref":"#/definitions/schemaArray"},"not":{"$ref":"#"}},"default":true}');

/***/ })

};
