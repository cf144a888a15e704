export const id = 914;
export const ids = [914];
export const modules = {

/***/ 7914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_SCHEMA_FINDINGS_PER_FILE: () => (/* binding */ MAX_SCHEMA_FINDINGS_PER_FILE),
  check: () => (/* binding */ check),
  runValidate: () => (/* binding */ runValidate),
  validateStats: () => (/* binding */ validateStats)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
// EXTERNAL MODULE: ./src/core/parse/index.ts + 7 modules
var parse = __webpack_require__(5717);
// EXTERNAL MODULE: ./src/core/schema/ajv-findings.ts
var ajv_findings = __webpack_require__(5715);
;// CONCATENATED MODULE: ./src/core/schema/mapping.ts
/**
 * Which schemas apply to a file. Pure: config mappings by glob, plus the file's own `$schema`
 * when it is a local path (resolved relative to the file). Remote `$schema` URLs are never
 * fetched: they are reported so `schema/missing` can say why they did not count.
 */

/** Config mappings prepared once per run: normalised schema paths and compiled globs. */
class SchemaMapper {
    entries = [];
    constructor(mappings) {
        (mappings ?? []).forEach((m, index) => {
            const path = normalizeRepoPath(m.schema);
            if (path !== undefined)
                this.entries.push({ path, match: (0,glob/* matcher */.j)(m.files), index });
        });
    }
    /** Schemas for `file` (repo-relative) with document value `value`. Duplicates are removed. */
    for(file, value) {
        const schemas = [];
        for (const e of this.entries) {
            if (e.match(file) && !schemas.some((s) => s.path === e.path))
                schemas.push({ path: e.path, from: { config: e.index } });
        }
        const choice = { schemas };
        const own = value !== null && typeof value === "object" && !Array.isArray(value) ? value.$schema : undefined;
        if (typeof own === "string" && own !== "") {
            if (isUrl(own)) {
                choice.remote = own;
            }
            else {
                const resolved = resolveRelative(file, own);
                if (resolved === undefined)
                    choice.outside = own;
                else if (!schemas.some((s) => s.path === resolved))
                    schemas.push({ path: resolved, from: "$schema" });
            }
        }
        return choice;
    }
}
/** Schemas for `file` (repo-relative) with document value `value` (one-off; use SchemaMapper in loops). */
function schemasFor(file, mappings, value) {
    return new SchemaMapper(mappings).for(file, value);
}
/** True for `scheme:...` values (http:, https:, urn:, file:): not a relative path. */
function isUrl(s) {
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && !/^[A-Za-z]:[\\/]/.test(s);
}
/**
 * Resolve `ref` (a relative path, maybe with `./`, `../`) against the folder of repo-relative
 * `from`. Undefined when it is absolute or climbs above the repository root.
 */
function resolveRelative(from, ref) {
    const clean = ref.replace(/\\/g, "/").split("#")[0];
    if (clean.startsWith("/") || clean === "")
        return undefined;
    const parts = from.split("/").slice(0, -1);
    for (const seg of clean.split("/")) {
        if (seg === "" || seg === ".")
            continue;
        if (seg === "..") {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(seg);
    }
    return parts.length ? parts.join("/") : undefined;
}
/** `./schemas/x.json` -> `schemas/x.json`; undefined for absolute or escaping paths. */
function normalizeRepoPath(p) {
    return resolveRelative("_", p);
}

// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
var promises_default = /*#__PURE__*/__webpack_require__.n(promises_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./node_modules/ajv/package.json
const package_namespaceObject = {"rE":"8.20.0"};
;// CONCATENATED MODULE: ./src/core/schema/compiler-id.ts
/**
 * Part of every schema cache key. Kept apart from compile.ts so a warm run reads it without
 * loading ajv. Bump the prefix when compile options change; ajv's version is included
 * because standalone code depends on its runtime.
 */

const COMPILER_ID = `ig-schema-cache/1 ajv/${package_namespaceObject.rE}`;

;// CONCATENATED MODULE: ./src/core/schema/draft.ts
/**
 * Which JSON Schema draft a schema is written in, from its `$schema`. Pure.
 * A schema without `$schema` is read as draft-07 (ajv's default, and what most schemas in the
 * wild assume); an unknown meta-schema URI is an error rather than a guess.
 */
const SUPPORTED_DRAFTS = (/* unused pure expression or super */ null && (["draft-06", "draft-07", "2019-09", "2020-12"]));
/** The draft of a schema, or `{ unknown }` with the `$schema` value when it names none we know. */
function draftOf(schema) {
    const uri = schema !== null && typeof schema === "object" ? schema.$schema : undefined;
    if (uri === undefined)
        return "draft-07";
    if (typeof uri !== "string")
        return { unknown: JSON.stringify(uri) };
    const u = uri.replace(/^https?:\/\//, "").replace(/#?$/, "");
    if (u === "json-schema.org/draft-07/schema")
        return "draft-07";
    if (u === "json-schema.org/draft-06/schema")
        return "draft-06";
    if (u === "json-schema.org/draft-04/schema")
        return "draft-04";
    if (u === "json-schema.org/draft/2019-09/schema")
        return "2019-09";
    if (u === "json-schema.org/draft/2020-12/schema")
        return "2020-12";
    return { unknown: uri };
}

// EXTERNAL MODULE: ./src/core/schema/interop.ts
var interop = __webpack_require__(2662);
;// CONCATENATED MODULE: ./src/core/schema/standalone.ts

const RUNTIME = {
    "ajv/dist/runtime/equal": () => __webpack_require__.e(/* import() */ 951).then(__webpack_require__.bind(__webpack_require__, 4951)),
    "ajv/dist/runtime/ucs2length": () => __webpack_require__.e(/* import() */ 214).then(__webpack_require__.bind(__webpack_require__, 6214)),
    "ajv/dist/runtime/uri": () => __webpack_require__.e(/* import() */ 285).then(__webpack_require__.bind(__webpack_require__, 6285)),
    "ajv/dist/runtime/validation_error": () => __webpack_require__.e(/* import() */ 21).then(__webpack_require__.bind(__webpack_require__, 5402)),
    "ajv/dist/runtime/timestamp": () => __webpack_require__.e(/* import() */ 383).then(__webpack_require__.bind(__webpack_require__, 4383)),
    "ajv-formats/dist/formats": () => __webpack_require__.e(/* import() */ 779).then(__webpack_require__.bind(__webpack_require__, 779)),
};
/** The module ids standalone code requires. */
function requiredModules(code) {
    return [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))];
}
/** Turn standalone code into a validator; throws when it needs a module we do not ship. */
async function loadStandalone(code) {
    const modules = new Map();
    for (const id of requiredModules(code)) {
        const load = RUNTIME[id];
        if (!load)
            throw new Error(`compiled schema needs module ${id}, which integrity-guard does not ship`);
        modules.set(id, (0,interop/* cjsExports */.M)(await load()));
    }
    const mod = { exports: {} };
    // The code is ajv's own output, cached under .git/integrity-guard/ and checksummed there.
    new Function("module", "exports", "require", code)(mod, mod.exports, (id) => modules.get(id));
    const fn = mod.exports;
    if (typeof fn !== "function")
        throw new Error("compiled schema code did not export a function");
    return (data) => (fn(data) ? null : (fn.errors ?? []));
}

;// CONCATENATED MODULE: ./src/core/schema/refs.ts
/**
 * `$ref`s that point at other schema documents. Pure: finds them and says which local file
 * each names, so the loader can read sibling schemas before ajv compiles (integrity-guard
 * never fetches schemas over the network).
 */

/** The URI a schema file is known by when it has no `$id` of its own. */
function fileUri(repoPath) {
    return "file:///" + repoPath.split("/").map(encodeURIComponent).join("/");
}
/**
 * External refs of `schema` (a file at `repoPath`, known as `baseUri`). Fragment-only refs
 * (`#/definitions/x`) are internal and skipped. Nested `$id`s are not followed: such schemas
 * are rare, and ajv reports what it cannot resolve.
 */
function externalRefs(schema, repoPath, baseUri) {
    const out = new Map();
    const visit = (node) => {
        if (Array.isArray(node)) {
            for (const item of node)
                visit(item);
            return;
        }
        if (node === null || typeof node !== "object")
            return;
        for (const [k, v] of Object.entries(node)) {
            if ((k === "$ref" || k === "$dynamicRef" || k === "$recursiveRef") && typeof v === "string") {
                const doc = v.split("#")[0];
                if (doc === "")
                    continue;
                let uri;
                try {
                    uri = new URL(doc, baseUri).href;
                }
                catch {
                    continue; // ajv reports the malformed ref itself
                }
                if (out.has(uri))
                    continue;
                if (isUrl(doc)) {
                    out.set(uri, { ref: v, uri, ...(uri.startsWith("file:///") ? { path: decodeURIComponent(uri.slice(8)) } : {}) });
                }
                else {
                    const path = resolveRelative(repoPath, doc);
                    out.set(uri, path === undefined ? { ref: v, uri, escapes: true } : { ref: v, uri, path });
                }
            }
            else if (k !== "const" && k !== "enum" && k !== "examples" && k !== "default") {
                visit(v);
            }
        }
    };
    visit(schema);
    return [...out.values()];
}

// EXTERNAL MODULE: ./src/io/atomic.ts
var atomic = __webpack_require__(3059);
;// CONCATENATED MODULE: ./src/io/schema-cache.ts
/**
 * Schemas for one run: read (JSON or YAML, through the same FileSource as the data, so
 * `check --staged` uses the staged schema), their local `$ref`s loaded, compiled once, and the
 * compiled standalone code cached under .git/integrity-guard/schema-cache/ keyed by the schema
 * content, so a warm pre-commit hook never loads ajv. A cache entry carries the SHA-256 of its
 * code and of every schema file it was built from; anything that does not match is recompiled.
 */










/** Increment when the entry layout or compile options change (the compiler id covers ajv). */
const ENTRY_VERSION = 1;
/** Keep the cache folder small: older entries beyond this many are removed when one is written. */
const MAX_ENTRIES = 200;
class SchemaStore {
    options;
    memo = new Map();
    compiler;
    bytes = new Map();
    /** Counters for the summary and the tests: how validators were obtained. */
    stats = { cached: 0, compiled: 0 };
    constructor(options) {
        this.options = options;
    }
    /** Schema files already read together with the data (saves a read per schema in the hook). */
    prime(contents) {
        for (const [p, c] of contents)
            if (Buffer.isBuffer(c) && !this.bytes.has(p))
                this.bytes.set(p, c);
    }
    /** The validator of the schema at repo path `schemaPath`; ConfigError when it is unusable. */
    get(schemaPath) {
        let p = this.memo.get(schemaPath);
        if (!p) {
            p = this.load(schemaPath);
            this.memo.set(schemaPath, p);
        }
        return p;
    }
    async load(schemaPath) {
        const rootBytes = await this.readSchema(schemaPath, undefined);
        const key = sha256(`${COMPILER_ID}\0${ENTRY_VERSION}\0${schemaPath}\0${sha256(rootBytes)}`);
        const cacheFile = this.options.cacheDir ? external_node_path_default().join(this.options.cacheDir, `${key}.json`) : undefined;
        if (cacheFile) {
            const cached = await this.tryCached(cacheFile);
            if (cached) {
                this.stats.cached++;
                return cached;
            }
        }
        const { root, deps } = await this.loadTree(schemaPath, rootBytes);
        if (!this.compiler) {
            const { SchemaCompiler } = await __webpack_require__.e(/* import() */ 642).then(__webpack_require__.bind(__webpack_require__, 4642));
            this.compiler = new SchemaCompiler();
        }
        const result = await this.compiler.compile(root, deps);
        if (!result.ok) {
            throw new errors/* ConfigError */.xL(`schema ${schemaPath} does not compile: ${result.error}`, {
                fix: "fix the schema (ajv's message above names the keyword and its location in the schema)",
            });
        }
        this.stats.compiled++;
        if (cacheFile) {
            const entry = {
                v: ENTRY_VERSION,
                compiler: COMPILER_ID,
                deps: [schemaPath, ...deps.map((d) => d.path)].map((p) => ({ path: p, sha: sha256(this.bytes.get(p)) })),
                codeSha: sha256(result.code),
                code: result.code,
            };
            await this.tryWrite(cacheFile, entry);
        }
        return result.validate;
    }
    /** A cached validator whose code and schema files all still match, else undefined. Never throws. */
    async tryCached(file) {
        try {
            const entry = JSON.parse(await promises_default().readFile(file, "utf8"));
            if (entry.v !== ENTRY_VERSION || entry.compiler !== COMPILER_ID || typeof entry.code !== "string")
                return undefined;
            if (sha256(entry.code) !== entry.codeSha)
                return undefined;
            const others = entry.deps.slice(1).map((d) => d.path);
            if (others.length) {
                const read = await this.options.source.read(others);
                for (const d of entry.deps.slice(1)) {
                    const b = read.get(d.path);
                    if (!Buffer.isBuffer(b) || sha256(b) !== d.sha)
                        return undefined;
                }
            }
            return await loadStandalone(entry.code);
        }
        catch {
            return undefined;
        }
    }
    async tryWrite(file, entry) {
        try {
            const dir = external_node_path_default().dirname(file);
            await promises_default().mkdir(dir, { recursive: true });
            await (0,atomic/* writeFileAtomic */.Z)(file, JSON.stringify(entry));
            const names = (await promises_default().readdir(dir)).filter((n) => n.endsWith(".json"));
            if (names.length > MAX_ENTRIES) {
                const stats = await Promise.all(names.map(async (n) => ({ n, t: (await promises_default().stat(external_node_path_default().join(dir, n))).mtimeMs })));
                stats.sort((a, b) => a.t - b.t);
                for (const s of stats.slice(0, names.length - MAX_ENTRIES))
                    await promises_default().rm(external_node_path_default().join(dir, s.n), { force: true });
            }
        }
        catch {
            // A cache that cannot be written (read-only .git, full disk) only costs speed.
        }
    }
    async readSchema(p, referencedFrom) {
        const have = this.bytes.get(p);
        if (have)
            return have;
        const read = (await this.options.source.read([p])).get(p);
        const where = referencedFrom
            ? `$ref ${JSON.stringify(referencedFrom.ref)} in schema ${referencedFrom.schema} names ${p}, which`
            : `schema ${p}`;
        const inIndex = this.options.source.kind === "index";
        if (read === undefined) {
            throw new errors/* ConfigError */.xL(`${where} does not exist${inIndex ? " in the git index (is it staged?)" : ""}`, {
                fix: inIndex
                    ? `git add ${p}, or correct the path in validate.schemas of .integrity-guard/config.yml`
                    : `create ${p}, or correct the path in validate.schemas of .integrity-guard/config.yml (paths are relative to the repository root)`,
            });
        }
        if (!Buffer.isBuffer(read))
            throw new errors/* ConfigError */.xL(`${where} cannot be read: ${read.error}`, {
                fix: "check the file's permissions and that it is a regular file",
            });
        this.bytes.set(p, read);
        return read;
    }
    parseSchema(p, bytes) {
        const lower = p.toLowerCase();
        const doc = (0,parse/* parseDocument */.Tp)(bytes, { path: p, format: lower.endsWith(".yaml") || lower.endsWith(".yml") ? "yaml" : "json" });
        if (!doc.ok) {
            const f = doc.findings.find((x) => x.level === "error") ?? doc.findings[0];
            throw new errors/* ConfigError */.xL(`schema ${p} does not parse: ${p}:${f?.line ?? 1}:${f?.column ?? 1}: ${f?.message ?? "syntax error"}`, {
                fix: "fix the schema file's syntax (run `integrity-guard validate " + p + "` for every problem)",
            });
        }
        const v = doc.value;
        if (typeof v !== "boolean" && (v === null || typeof v !== "object" || Array.isArray(v))) {
            throw new errors/* ConfigError */.xL(`schema ${p} is not a JSON Schema: its top level is ${v === null ? "null" : Array.isArray(v) ? "an array" : typeof v}, expected an object`, {
                fix: 'a schema file holds one object such as {"type": "object", ...}',
            });
        }
        return v;
    }
    /** Parse the root schema and every local schema it references, transitively. */
    async loadTree(rootPath, rootBytes) {
        const root = this.loaded(rootPath, this.parseSchema(rootPath, rootBytes), fileUri(rootPath));
        const deps = [];
        const byUri = new Set([root.uri]);
        const queue = [root];
        while (queue.length) {
            const cur = queue.shift();
            for (const ref of externalRefs(cur.schema, cur.path, cur.uri)) {
                if (byUri.has(ref.uri))
                    continue;
                byUri.add(ref.uri);
                if (ref.escapes) {
                    throw new errors/* ConfigError */.xL(`$ref ${JSON.stringify(ref.ref)} in schema ${cur.path} leaves the repository`, {
                        fix: "keep referenced schemas inside the repository and reference them by relative path",
                    });
                }
                if (ref.path === undefined)
                    continue; // remote: ajv says it cannot resolve it, unless a loaded schema has that $id
                const bytes = await this.readSchema(ref.path, { schema: cur.path, ref: ref.ref });
                const dep = this.loaded(ref.path, this.parseSchema(ref.path, bytes), ref.uri);
                deps.push(dep);
                queue.push(dep);
            }
        }
        return { root, deps };
    }
    /** Give a schema without an absolute `$id` the URI it is reached by, so its relative refs resolve to sibling files. */
    loaded(p, schema, uri) {
        const draft = draftOf(schema);
        if (typeof draft === "object") {
            throw new errors/* ConfigError */.xL(`schema ${p} declares $schema ${draft.unknown}, which is not a JSON Schema draft integrity-guard knows`, {
                fix: "use https://json-schema.org/draft/2020-12/schema, https://json-schema.org/draft/2019-09/schema or http://json-schema.org/draft-07/schema#",
            });
        }
        if (typeof schema === "boolean")
            return { path: p, uri, schema, draft };
        const id = schema.$id;
        if (typeof id === "string" && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(id))
            return { path: p, uri: id.replace(/#$/, ""), schema, draft };
        return { path: p, uri, schema: { ...schema, $id: uri }, draft };
    }
}
function sha256(data) {
    return (0,external_node_crypto_.createHash)("sha256").update(data).digest("hex");
}

;// CONCATENATED MODULE: ./src/checks/validate.ts
/**
 * The validate check: every JSON/YAML file selected by `validate.files` (minus `exclude`) must
 * parse, and must satisfy each schema mapped to it (config `validate.schemas` globs, or its own
 * local `$schema`). Reads through ctx.source, so `check --staged` validates the staged blobs.
 */







/** Schema errors shown per file; the rest are counted in one notice. */
const MAX_SCHEMA_FINDINGS_PER_FILE = 50;
/** Files read at once: bounds memory on large trees. */
const BATCH = 256;
const statsByContext = new WeakMap();
/** Counters of the last validate run with this context (for the summary). */
function validateStats(ctx) {
    return statsByContext.get(ctx);
}
const check = { name: "validate", run: (ctx) => runValidate(ctx) };
async function runValidate(ctx, options = {}) {
    const cfg = ctx.config.validate ?? {};
    const selected = (0,glob/* matcher */.j)(cfg.files ?? types/* DEFAULT_VALIDATE_FILES */.p6);
    const excluded = (0,glob/* matcher */.j)([...(cfg.exclude ?? []), ...types/* ALWAYS_EXCLUDED */.Rv]);
    const jsonc = (0,glob/* matcher */.j)(cfg.jsonc);
    const findings = [];
    const wanted = (p) => !excluded(p) && (selected(p) || (options.explicit === true && ((0,parse/* formatFor */.Bm)(p) !== undefined || jsonc(p))));
    const candidates = ctx.paths ?? (await ctx.source.list());
    let files = candidates.filter(wanted);
    if (options.explicit) {
        for (const p of candidates) {
            if (!wanted(p)) {
                findings.push({
                    rule: "validate/skipped",
                    level: "notice",
                    file: p,
                    message: `${p} was not validated: ${excluded(p) ? "validate.exclude (or node_modules/.git) excludes it" : "it is not a .json/.yaml/.yml file and validate.files does not select it"}`,
                });
            }
        }
    }
    // An unresolved merge conflict in the index: report it by name; the blob of one side is not what will be committed.
    const unmerged = "unmergedPaths" in ctx.source ? await ctx.source.unmergedPaths() : [];
    if (unmerged.length) {
        const conflicted = new Set(unmerged.filter((p) => (ctx.paths ? ctx.paths.includes(p) || wanted(p) : wanted(p))));
        for (const p of conflicted) {
            findings.push({
                rule: "parse/merge-conflict",
                level: "error",
                file: p,
                line: 1,
                column: 1,
                message: `${p} has an unresolved merge conflict in the index`,
                fix: `resolve the conflict, then git add ${p}`,
            });
        }
        files = files.filter((p) => !conflicted.has(p));
    }
    const store = new SchemaStore({ source: ctx.source, ...(ctx.noCache ? {} : { cacheDir: schemaCacheDir(ctx) }) });
    await checkMappedSchemas(cfg, store, !ctx.paths);
    const requireSchema = (0,glob/* matcher */.j)(cfg.require_schema);
    const mapper = new SchemaMapper(cfg.schemas);
    let checked = 0;
    for (let i = 0; i < files.length; i += BATCH) {
        const batch = files.slice(i, i + BATCH);
        // Read the config-mapped schemas these files need in the same batch (one git process in the hook).
        const schemaPaths = i === 0 ? mappedSchemas(cfg, batch).filter((p) => !batch.includes(p)) : [];
        const contents = await ctx.source.read([...batch, ...schemaPaths]);
        if (schemaPaths.length)
            store.prime(new Map(schemaPaths.map((p) => [p, contents.get(p)]).filter(([, c]) => c !== undefined)));
        for (const file of batch) {
            const content = contents.get(file);
            if (content === undefined) {
                if (options.explicit) {
                    throw new errors/* UsageError */.eb(`${file} does not exist${ctx.source.kind === "index" ? " in the git index" : ""}`, {
                        fix: "check the path (it is relative to the repository root)",
                    });
                }
                continue; // deleted since it was listed, or a symlink/submodule in the index
            }
            const readFailure = unreadable(file, content);
            if (readFailure === "skip")
                continue;
            if (readFailure) {
                findings.push(readFailure);
                continue;
            }
            checked++;
            findings.push(...(await validateFile(file, content, formatOf(file, jsonc), cfg, store, mapper, requireSchema)));
        }
    }
    statsByContext.set(ctx, { checked, schemasCached: store.stats.cached, schemasCompiled: store.stats.compiled });
    return findings;
}
/** Schema paths that config mappings assign to any of `files`. */
function mappedSchemas(cfg, files) {
    const out = new Set();
    for (const m of cfg.schemas ?? []) {
        const p = normalizeRepoPath(m.schema);
        const mm = (0,glob/* matcher */.j)(m.files);
        if (p !== undefined && files.some((f) => mm(f)))
            out.add(p);
    }
    return [...out];
}
function schemaCacheDir(ctx) {
    return `${ctx.git.stateDir()}/schema-cache`;
}
function formatOf(file, jsonc) {
    if (jsonc(file))
        return "jsonc";
    return (0,parse/* formatFor */.Bm)(file) ?? "json";
}
/** A read error as a finding; symlinks are skipped (never followed out of the repository). */
function unreadable(file, content) {
    if (Buffer.isBuffer(content))
        return undefined;
    if (content.code === "ELOOP")
        return "skip";
    return {
        rule: "parse/unreadable",
        level: "error",
        file,
        message: `${file} cannot be read: ${content.error}`,
        fix: content.code === "EISDIR"
            ? "it is a directory, not a file; rename it or exclude it in validate.exclude"
            : content.code === "EMISSINGOBJ"
                ? "run git fsck; restore the object from a clone or a snapshot"
                : "check the file's permissions (chmod u+r) and that it is a regular file",
    };
}
function yamlOptions(file, cfg) {
    const out = {};
    if ((0,glob/* matcher */.j)(cfg.yaml?.merge_keys)(file))
        out.mergeKeys = true;
    const tags = (cfg.yaml?.custom_tags ?? []).filter((t) => (0,glob/* matcher */.j)(t.files)(file)).flatMap((t) => t.tags);
    if (tags.length)
        out.customTags = [...new Set(tags)];
    return out;
}
async function validateFile(file, bytes, format, cfg, store, mapper, requireSchema) {
    const doc = (0,parse/* parseDocument */.Tp)(bytes, { path: file, format, ...(format === "yaml" ? yamlOptions(file, cfg) : {}) });
    const findings = [...doc.findings];
    if (!doc.ok)
        return findings;
    const choice = mapper.for(file, doc.documents[0]);
    if (choice.outside !== undefined) {
        findings.push({
            rule: "schema/unavailable",
            level: "error",
            file,
            ...at(doc, "/$schema"),
            pointer: "/$schema",
            message: `$schema ${JSON.stringify(choice.outside)} points outside the repository; it was not used`,
            fix: "point $schema at a schema file inside the repository (a path relative to this file)",
        });
    }
    if (choice.schemas.length === 0) {
        if (requireSchema(file)) {
            findings.push({
                rule: "schema/missing",
                level: "error",
                file,
                line: 1,
                column: 1,
                message: `${file} must have a JSON Schema (validate.require_schema) but none applies${choice.remote ? `; its $schema ${choice.remote} is a URL, and schemas are never fetched` : ""}`,
                fix: "add a mapping in validate.schemas or a $schema key",
            });
        }
        return findings;
    }
    // An empty YAML stream reads as null: validate that, so a truncated file cannot pass its schema.
    const documents = doc.documents.length ? doc.documents : [null];
    let budget = MAX_SCHEMA_FINDINGS_PER_FILE;
    for (const ref of choice.schemas) {
        let validate;
        try {
            validate = await store.get(ref.path);
        }
        catch (error) {
            if (ref.from !== "$schema" || !(error instanceof errors/* ConfigError */.xL))
                throw error;
            // The file's own $schema is part of the file: a broken one is this file's finding, not a failed run.
            findings.push({
                rule: "schema/unavailable",
                level: "error",
                file,
                ...at(doc, "/$schema"),
                pointer: "/$schema",
                message: error.message,
                ...(error.fix ? { fix: error.fix } : {}),
            });
            continue;
        }
        for (let d = 0; d < documents.length; d++) {
            const errors = validate(documents[d]);
            if (!errors || errors.length === 0)
                continue;
            const mapped = (0,ajv_findings/* ajvErrorsToFindings */.I3)(errors, { file, schemaPath: ref.path, doc, docIndex: d, limit: Math.max(budget, 0) });
            budget -= mapped.filter((f) => f.rule === "schema/violation").length;
            findings.push(...mapped);
        }
    }
    return findings;
}
function at(doc, pointer) {
    const pos = doc.locateKey(pointer) ?? doc.locate(pointer);
    return pos ? { line: pos.line, column: pos.column } : {};
}
/**
 * A mapping with an unusable schema path is a config error in every run (it must never switch
 * validation off silently). In a full run, a missing or broken schema fails the run even when
 * no file matches its globs yet.
 */
async function checkMappedSchemas(cfg, store, load) {
    for (const m of cfg.schemas ?? []) {
        const p = normalizeRepoPath(m.schema);
        if (p === undefined) {
            throw new errors/* ConfigError */.xL(`validate.schemas: schema path ${JSON.stringify(m.schema)} is absolute or leaves the repository`, {
                fix: "use a path relative to the repository root, e.g. schemas/meeting.schema.json",
            });
        }
        if (load)
            await store.get(p);
    }
}


/***/ }),

/***/ 2662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ cjsExports),
/* harmony export */   c: () => (/* binding */ cjsNamed)
/* harmony export */ });
/**
 * ajv and ajv-formats are CommonJS. A dynamic `import()` of them yields different shapes under
 * Node (namespace with `default` = module.exports) and under the bundler (ncc/webpack, which
 * may hand back module.exports or a namespace with `default`); these helpers accept all shapes.
 */
/**
 * What CommonJS `require` would have returned. A module namespace (Node's import of CommonJS,
 * or the bundler's wrapper; both tagged "Module") holds module.exports as `default`; otherwise
 * the bundler handed back module.exports itself.
 */
function cjsExports(ns) {
    const n = ns;
    if (n[Symbol.toStringTag] === "Module" && n.default !== undefined)
        return n.default;
    return n;
}
/** A named export of a CommonJS module (falling back to its default export). */
function cjsNamed(ns, name) {
    const e = cjsExports(ns);
    const v = e[name] ?? e.default?.[name] ?? e.default ?? e;
    return v;
}


/***/ })

};
