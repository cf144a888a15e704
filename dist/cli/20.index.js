export const id = 20;
export const ids = [20];
export const modules = {

/***/ 2020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  check: () => (/* binding */ check),
  conflictFindings: () => (/* binding */ conflictFindings),
  loadConfigSet: () => (/* binding */ loadConfigSet),
  readParsed: () => (/* binding */ readParsed),
  selectConfigFiles: () => (/* binding */ selectConfigFiles)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/core/conflicts/index.ts + 2 modules
var conflicts = __webpack_require__(8865);
// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
// EXTERNAL MODULE: ./src/core/pointer.ts
var pointer = __webpack_require__(3950);
// EXTERNAL MODULE: ./src/core/conflicts/values.ts
var values = __webpack_require__(5093);
;// CONCATENATED MODULE: ./src/core/conflicts/json-fast.ts


/** Number of object member names in parsed data (lists and nested maps included). */
function countKeys(value) {
    let n = 0;
    const stack = [value];
    while (stack.length > 0) {
        const v = stack.pop();
        if (Array.isArray(v)) {
            for (const x of v)
                if (x !== null && typeof x === "object")
                    stack.push(x);
        }
        else if ((0,values/* isMap */.jh)(v)) {
            const keys = Object.keys(v);
            n += keys.length;
            for (const k of keys) {
                const x = v[k];
                if (x !== null && typeof x === "object")
                    stack.push(x);
            }
        }
    }
    return n;
}
/**
 * One pass over valid JSON text: the number of member names, and spans for `wanted` pointers.
 * The text must already have been accepted by JSON.parse.
 */
function scanJson(text, wanted) {
    const prefixes = new Set();
    for (const w of wanted) {
        prefixes.add(w);
        for (let i = w.lastIndexOf("/"); i >= 0; i = i === 0 ? -1 : w.lastIndexOf("/", i - 1))
            prefixes.add(w.slice(0, i));
    }
    const spans = new Map();
    const stack = [];
    let keys = 0;
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const n = text.length;
    let pendingKs = -1;
    let pendingKe = -1;
    /** Pointer for a value starting now, or null when its path is not wanted. */
    const childPtr = () => {
        const top = stack[stack.length - 1];
        if (!top)
            return prefixes.has("") ? "" : null;
        if (top.ptr === null)
            return null;
        const p = top.ptr + "/" + (top.obj ? (0,pointer/* escapeToken */.tj)(top.key) : String(top.index));
        return prefixes.has(p) ? p : null;
    };
    const endValue = (ptr, vs, ve, ks, ke) => {
        if (ptr !== null && wanted.has(ptr))
            spans.set(ptr, { ks, ke, vs, ve });
    };
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44 /* , */) {
            if (c === 44) {
                const top = stack[stack.length - 1];
                if (top.obj)
                    top.expectKey = true;
                else
                    top.index++;
            }
            i++;
            continue;
        }
        if (c === 58 /* : */) {
            i++;
            continue;
        }
        const top = stack[stack.length - 1];
        if (c === 34 /* " */) {
            // Find the closing quote: the next quote not preceded by an odd run of backslashes.
            let e = i + 1;
            for (;;) {
                e = text.indexOf('"', e);
                let b = e - 1;
                while (text.charCodeAt(b) === 92)
                    b--;
                if ((e - 1 - b) % 2 === 0)
                    break;
                e++;
            }
            if (top && top.obj && top.expectKey) {
                keys++;
                top.expectKey = false;
                if (top.ptr !== null) {
                    const raw = text.slice(i + 1, e);
                    top.key = raw.includes("\\") ? JSON.parse(text.slice(i, e + 1)) : raw;
                }
                pendingKs = i;
                pendingKe = e + 1;
            }
            else {
                endValue(childPtr(), i, e + 1, top?.obj ? pendingKs : -1, top?.obj ? pendingKe : -1);
            }
            i = e + 1;
            continue;
        }
        if (c === 123 /* { */ || c === 91 /* [ */) {
            const ptr = childPtr();
            if (ptr === null) {
                // Off every wanted path: only count its member names and find its end.
                const r = skipContainer(text, i);
                keys += r.keys;
                i = r.end;
                continue;
            }
            const obj = c === 123;
            stack.push({ obj, ptr, index: 0, expectKey: obj, key: null, ks: top?.obj ? pendingKs : -1, ke: top?.obj ? pendingKe : -1, vs: i });
            i++;
            continue;
        }
        if (c === 125 /* } */ || c === 93 /* ] */) {
            const done = stack.pop();
            endValue(done.ptr, done.vs, i + 1, done.ks, done.ke);
            i++;
            continue;
        }
        // A number, true, false or null: up to the next delimiter.
        let e = i + 1;
        while (e < n) {
            const d = text.charCodeAt(e);
            if (d === 44 || d === 125 || d === 93 || d === 32 || d === 10 || d === 13 || d === 9)
                break;
            e++;
        }
        endValue(childPtr(), i, e, top?.obj ? pendingKs : -1, top?.obj ? pendingKe : -1);
        i = e;
    }
    return { keys, spans };
}
/** End offset of the container starting at `start`, and the member names inside it. */
function skipContainer(text, start) {
    let depth = 0;
    let keys = 0;
    let i = start;
    const n = text.length;
    while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 34) {
            let e = text.indexOf('"', i + 1);
            while (text.charCodeAt(e - 1) === 92) {
                let b = e - 1;
                while (text.charCodeAt(b) === 92)
                    b--;
                if ((e - 1 - b) % 2 === 0)
                    break;
                e = text.indexOf('"', e + 1);
            }
            i = e + 1;
            let d = text.charCodeAt(i);
            while (d === 32 || d === 10 || d === 13 || d === 9)
                d = text.charCodeAt(++i);
            if (d === 58) {
                keys++;
                i++;
            }
            continue;
        }
        if (c === 123 || c === 91)
            depth++;
        else if (c === 125 || c === 93) {
            depth--;
            if (depth === 0)
                return { end: i + 1, keys };
        }
        i++;
    }
    return { end: n, keys };
}
/**
 * 1-based line and column (UTF-16 code units) of each offset, counting line breaks forward once:
 * no table of every line start is built, as only a few offsets per file are ever asked for.
 */
function linesAndColumns(text, offsets) {
    const sorted = [...new Set(offsets)].sort((a, b) => a - b);
    const out = new Map();
    let line = 1;
    let lineStart = 0;
    let next = text.indexOf("\n");
    for (const off of sorted) {
        while (next >= 0 && next < off) {
            line++;
            lineStart = next + 1;
            next = text.indexOf("\n", lineStart);
        }
        out.set(off, { line, column: off - lineStart + 1 });
    }
    return out;
}
/**
 * A JSON file read through the fast path: `value` from JSON.parse; positions after `prepare`
 * (one scan for every pointer a report needs); `duplicateKeys` true when the text names more
 * members than the value holds, i.e. JSON.parse dropped a duplicate.
 */
class FastJsonDoc {
    text;
    value;
    spans = new Map();
    lines = new Map();
    textKeys = -1;
    valueKeys = -1;
    constructor(text, value) {
        this.text = text;
        this.value = value;
    }
    prepare(pointers, valueKeys) {
        const r = scanJson(this.text, new Set(pointers));
        this.spans = r.spans;
        this.textKeys = r.keys;
        const offsets = [];
        for (const sp of r.spans.values())
            offsets.push(sp.vs, sp.ve, ...(sp.ks >= 0 ? [sp.ks, sp.ke] : []));
        this.lines = linesAndColumns(this.text, offsets);
        if (valueKeys !== undefined)
            this.valueKeys = valueKeys;
    }
    /** True when JSON.parse dropped a duplicate key (the text names more members than the value holds). */
    get duplicateKeys() {
        if (this.textKeys < 0)
            this.prepare([]);
        if (this.valueKeys < 0)
            this.valueKeys = countKeys(this.value);
        return this.textKeys !== this.valueKeys;
    }
    pos(start, end) {
        const s = this.lines.get(start);
        const e = this.lines.get(end);
        return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
    }
    locate(pointer) {
        const s = this.spans.get(pointer);
        return s ? this.pos(s.vs, s.ve) : undefined;
    }
    locateKey(pointer) {
        const s = this.spans.get(pointer);
        return s && s.ks >= 0 ? this.pos(s.ks, s.ke) : undefined;
    }
}

// EXTERNAL MODULE: ./src/core/parse/index.ts + 7 modules
var parse = __webpack_require__(5717);
// EXTERNAL MODULE: ./src/io/paths.ts
var io_paths = __webpack_require__(7336);
;// CONCATENATED MODULE: ./src/checks/conflicts.ts
/**
 * The `conflicts` check: the whole configuration set (config.files, the precedence list and the
 * owner files) read from ctx.source, so `check --staged` sees every file as it will be committed,
 * not only the staged ones: a conflict can come from a file that did not change.
 */







const GLOB_CHARS = /[*?[\]{}!]/;
/** YAML custom tags allowed for `file` by validate.yaml.custom_tags. */
function customTagsFor(config, file) {
    const tags = [];
    for (const entry of config.validate?.yaml?.custom_tags ?? [])
        if ((0,glob/* matcher */.j)(entry.files)(file))
            tags.push(...entry.tags);
    return tags;
}
/**
 * Read and parse `paths` from `source`. Files that cannot be read or do not parse are reported
 * and left out; `what` names the analysis in the note ("conflict analysis", "sync rule x").
 */
async function readParsed(source, config, paths, what, options) {
    const findings = [];
    const files = new Map();
    const absent = [];
    const read = await source.read(paths);
    for (const p of paths) {
        const r = read.get(p);
        if (r === undefined) {
            absent.push(p);
            continue;
        }
        if (!Buffer.isBuffer(r)) {
            findings.push({
                rule: "config/unreadable",
                level: "error",
                file: p,
                message: `${p} cannot be read (${r.error}); it was left out of the ${what}`,
                fix: "make the file a readable regular file inside the repository",
            });
            continue;
        }
        if (options.fastJson && !options.strict?.has(p)) {
            const fast = tryFastJson(r, p);
            if (fast) {
                files.set(p, fast);
                continue;
            }
        }
        const doc = (0,parse/* parseDocument */.Tp)(r, { path: p, mergeKeys: true, customTags: customTagsFor(config, p) });
        if (!doc.ok) {
            const first = doc.findings.find((f) => f.level === "error") ?? doc.findings[0];
            if (options.parseFindings)
                findings.push(...doc.findings);
            findings.push({
                rule: "config/skipped",
                level: options.parseFindings ? "notice" : "error",
                file: p,
                ...(first?.line ? { line: first.line, column: first.column } : {}),
                message: `${p} does not parse${first ? ` (${first.message})` : ""}, so it was left out of the ${what}`,
                fix: first?.fix ?? "fix the file's syntax (integrity-guard validate shows every problem)",
            });
            continue;
        }
        files.set(p, { path: p, value: doc.value, doc, bytes: r });
    }
    return { files, findings, absent };
}
/**
 * JSON through JSON.parse (see core/conflicts/json-fast.ts); undefined whenever the strict parser
 * must look at the file: not .json, an encoding problem, or JSON.parse refuses it.
 */
function tryFastJson(bytes, path) {
    if ((0,parse/* formatFor */.Bm)(path) !== "json")
        return undefined;
    let text;
    let value;
    try {
        // Invalid UTF-8 (a UTF-16 BOM included) and NUL bytes go the strict way, which reports them.
        if (!(0,external_node_buffer_.isUtf8)(bytes) || bytes.includes(0))
            return undefined;
        text = bytes.toString("utf8");
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    return { path, value, doc: new FastJsonDoc(text, value), bytes };
}
/**
 * Which files make up the configuration set: those matching config.files (or a precedence glob)
 * among `all`, plus every file named in config.precedence or config.owners, listed or not (a
 * git-ignored config/local.yaml still counts in the working tree). Named paths that could leave
 * the repository are reported and left out.
 */
function selectConfigFiles(all, cfg, configPath) {
    const inSet = (0,glob/* matcher */.j)(cfg.files);
    const excluded = (0,glob/* matcher */.j)(types/* ALWAYS_EXCLUDED */.Rv);
    const precedence = (0,glob/* matcher */.j)((cfg.precedence ?? []).filter((p) => GLOB_CHARS.test(p)));
    const findings = [];
    const named = new Map();
    const addNamed = (p, where) => {
        try {
            const clean = (0,io_paths/* checkRelative */.Bp)(p, `${where.split(" ")[0]} entry`);
            if (!named.has(clean))
                named.set(clean, where);
        }
        catch (error) {
            findings.push({
                rule: "config/invalid",
                level: "error",
                file: configPath,
                message: error.message,
                fix: "name config files relative to the repository root",
            });
        }
    };
    for (const p of cfg.precedence ?? [])
        if (!GLOB_CHARS.test(p))
            addNamed(p, "config.precedence");
    for (const [prefix, owner] of Object.entries(cfg.owners ?? {}))
        addNamed(owner, `config.owners (owner of ${prefix})`);
    const paths = new Set(all.filter((p) => !excluded(p) && (inSet(p) || precedence(p))));
    for (const p of named.keys())
        paths.add(p);
    return { paths: [...paths], named, findings };
}
/** Select, read and parse the configuration set from `source`. */
async function loadConfigSet(source, config, configPath, options) {
    const cfg = config.config ?? {};
    const selected = selectConfigFiles(await source.list(), cfg, configPath);
    if (source.kind === "worktree" && options.root) {
        // Named files are read even when git does not list them: no symlinked folder may lead out.
        for (const p of [...selected.named.keys()]) {
            try {
                (0,io_paths/* resolveInside */.LI)(options.root, p, { what: "config file" });
            }
            catch (error) {
                selected.findings.push({
                    rule: "config/unreadable",
                    level: "error",
                    file: p,
                    message: error.message,
                    fix: "keep config files inside the repository",
                });
                selected.paths.splice(selected.paths.indexOf(p), 1);
                selected.named.delete(p);
            }
        }
    }
    const { files, findings, absent } = await readParsed(source, config, selected.paths, "conflict analysis", { ...options, fastJson: true });
    for (const p of absent) {
        const where = selected.named.get(p);
        if (!where)
            continue;
        findings.push({
            rule: "config/missing-file",
            // A git-ignored local override is never in the index: only a notice when checking staged content.
            level: source.kind === "index" ? "notice" : "warning",
            file: configPath,
            message: `${p} is named in ${where} but does not exist${source.kind === "index" ? " in the index" : ""}; it was left out of the conflict analysis`,
            fix: `restore ${p} (git restore ${p}, or integrity-guard restore), or remove it from ${where.split(" ")[0]}`,
        });
    }
    return {
        files: (0,conflicts/* orderByPrecedence */.yh)([...files.values()], cfg.precedence),
        findings: [...selected.findings, ...findings],
        checked: selected.paths.length - absent.length,
    };
}
/** Everything `conflicts` reports for a configuration set. */
async function conflictFindings(source, config, configPath, options) {
    let set = await loadConfigSet(source, config, configPath, options);
    let analysis = (0,conflicts/* detectConflicts */.Ri)(set.files, config.config ?? {}, configPath);
    // JSON.parse keeps the last of two duplicate keys; such files are read again strictly, so the
    // duplicate is reported (and the file skipped) instead of one of its values being trusted.
    const strict = new Set(set.files.filter((f) => f.doc instanceof FastJsonDoc && f.doc.duplicateKeys).map((f) => f.path));
    if (strict.size > 0) {
        set = await loadConfigSet(source, config, configPath, { ...options, strict });
        analysis = (0,conflicts/* detectConflicts */.Ri)(set.files, config.config ?? {}, configPath);
    }
    return { set, analysis, findings: [...set.findings, ...analysis.findings] };
}
const check = {
    name: "conflicts",
    async run(ctx) {
        if (!ctx.config.config)
            return [];
        // parse/* findings come from the validate check; here a broken file is one config/skipped error.
        return (await conflictFindings(ctx.source, ctx.config, ctx.configPath, { parseFindings: false, root: ctx.root })).findings;
    },
};


/***/ }),

/***/ 7488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ri: () => (/* binding */ detectConflicts),
/* harmony export */   ZZ: () => (/* binding */ mergeMap),
/* harmony export */   _X: () => (/* binding */ compileSecretTest)
/* harmony export */ });
/* unused harmony exports underAny, ownerOf */
/* harmony import */ var _pointer_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3950);
/* harmony import */ var _flatten_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6537);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1558);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5093);




/** True when `pointer` equals one of `prefixes` or lies below one. */
function underAny(pointer, prefixes) {
    if (prefixes.size === 0)
        return false;
    if (prefixes.has(pointer))
        return true;
    for (let i = pointer.lastIndexOf("/"); i > 0; i = pointer.lastIndexOf("/", i - 1)) {
        if (prefixes.has(pointer.slice(0, i)))
            return true;
    }
    return false;
}
/** The owner of `pointer`: the file named for its longest owned prefix, if any. */
function ownerOf(pointer, owners) {
    if (Object.prototype.hasOwnProperty.call(owners, pointer))
        return owners[pointer];
    for (let i = pointer.lastIndexOf("/"); i > 0; i = pointer.lastIndexOf("/", i - 1)) {
        const prefix = pointer.slice(0, i);
        if (Object.prototype.hasOwnProperty.call(owners, prefix))
            return owners[prefix];
    }
    return undefined;
}
/** Compile config.secret_keys; a bad pattern is reported and left out rather than crashing. */
function compileSecretTest(patterns = [], configFile = ".integrity-guard/config.yml") {
    const good = [];
    const findings = [];
    for (const p of patterns) {
        try {
            new RegExp(p, "i");
            good.push(p);
        }
        catch (error) {
            findings.push({
                rule: "config/invalid",
                level: "error",
                file: configFile,
                message: `config.secret_keys: ${JSON.stringify(p)} is not a valid regular expression (${error.message})`,
                fix: "correct the pattern; values of keys it was meant to match are masked only once it compiles",
            });
        }
    }
    return { test: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .secretTest */ .R)(good), findings };
}
function mergeMap(merge) {
    return new Map(Object.entries(merge ?? {}));
}
/**
 * Find every key set to different values (`config/conflict`) and every definition of an owned key
 * outside its owner (`config/single-source`). `files` must be in precedence order (last wins).
 */
function detectConflicts(files, rules, configFile) {
    const { test: isSecret, findings } = compileSecretTest(rules.secret_keys, configFile);
    const merge = mergeMap(rules.merge);
    const root = (0,_flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .newRoot */ .rx)();
    const included = [];
    const keyCounts = new Map();
    for (const f of files) {
        if ((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(f.value)) {
            try {
                // Checked before folding, so a rejected file adds nothing to the tree.
                const shape = (0,_flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .measure */ .xP)(f.value, _flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DEPTH */ .lr);
                if (shape.tooDeep)
                    throw new _flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .NestingError */ .Vk(`nested deeper than ${_flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DEPTH */ .lr} levels`);
                keyCounts.set(f, shape.keys);
                (0,_flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .foldInto */ .sh)(root, f.value, merge, included.length);
                included.push(f);
            }
            catch (error) {
                if (!(error instanceof _flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .NestingError */ .Vk) && !(error instanceof RangeError))
                    throw error;
                findings.push({
                    rule: "config/skipped",
                    level: "error",
                    file: f.path,
                    message: `${f.path} is ${error instanceof _flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .NestingError */ .Vk ? error.message : "nested too deeply"}; it was left out of the conflict analysis`,
                    fix: "flatten the file's structure; configuration this deep is almost certainly generated or corrupted",
                });
            }
        }
        else if (f.value !== null && f.value !== undefined) {
            findings.push({
                rule: "config/not-a-map",
                level: "error",
                file: f.path,
                ...(f.doc?.locate("") ?? { line: 1, column: 1 }),
                message: `${f.path} holds ${Array.isArray(f.value) ? "a list" : "a single value"} at its top level; config files must hold a map of keys, so it was left out of the conflict analysis`,
                fix: "make the top level of the file a map (key: value), or remove the file from config.files",
            });
        }
    }
    const differ = new Set(rules.differ ?? []);
    const owners = rules.owners ?? {};
    const conflicts = [];
    const wantedBy = new Map(included.map((f) => [f, Object.keys(owners)]));
    for (const { tokens, files: definers } of (0,_flatten_js__WEBPACK_IMPORTED_MODULE_0__/* .conflictPaths */ .LT)(root)) {
        const pointer = (0,_pointer_js__WEBPACK_IMPORTED_MODULE_3__/* .toPointer */ .rb)(tokens);
        if (underAny(pointer, differ) || ownerOf(pointer, owners) !== undefined)
            continue;
        const conflict = { pointer, key: (0,_pointer_js__WEBPACK_IMPORTED_MODULE_3__/* .pointerToDotted */ .ju)(pointer), secret: isSecret(tokens), entries: [] };
        for (const fi of definers) {
            const file = included[fi];
            if (!file)
                continue;
            conflict.entries.push({ file: file.path, value: (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .getAtPath */ .P3)(file.value, tokens) });
            wantedBy.get(file).push(pointer);
        }
        conflicts.push(conflict);
    }
    // Positions in one batch per file (the fast JSON path scans each file once).
    for (const [file, pointers] of wantedBy)
        file.doc?.prepare?.(pointers, keyCounts.get(file));
    const byPath = new Map(included.map((f) => [f.path, f]));
    for (const c of conflicts) {
        for (const e of c.entries) {
            const position = byPath.get(e.file)?.doc?.locate(c.pointer);
            if (position)
                e.position = position;
        }
        findings.push(conflictFinding(c));
    }
    findings.push(...singleSourceFindings(included, owners));
    return { findings, conflicts, isSecret };
}
function show(value, secret) {
    return secret ? _secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .MASK */ .v : (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .display */ .Vy)(value);
}
function conflictFinding(c) {
    const winner = c.entries[c.entries.length - 1];
    const listed = c.entries
        .slice(0, 4)
        .map((e) => `${show(e.value, c.secret)} in ${e.file}`)
        .join(", ");
    const more = c.entries.length > 4 ? ` and ${c.entries.length - 4} more` : "";
    const related = c.entries.map((e) => ({
        file: e.file,
        ...(e.position ? { line: e.position.line, column: e.position.column } : {}),
        message: `${c.key} = ${show(e.value, c.secret)}${e === winner ? " (wins by precedence)" : ""}`,
    }));
    const losers = [...new Set(c.entries.filter((e) => e !== winner).map((e) => show(e.value, c.secret)))];
    return {
        rule: "config/conflict",
        level: "error",
        file: winner.file,
        ...(winner.position ?? {}),
        pointer: c.pointer,
        key: c.key,
        message: `${c.key} is set to different values in ${c.entries.length} files: ${listed}${more}; ${winner.file} wins by precedence`,
        expected: show(winner.value, c.secret),
        found: losers.join(" | "),
        related,
        fix: `make the values equal, list ${c.pointer} in config.differ if they are meant to differ, or run \`integrity-guard conflicts --resolve --write\` to write the winning value into the other files`,
    };
}
/** Leaf pointers of `value` below `base` (maps recursed, everything else a leaf). */
function leafPointers(value, base) {
    const out = [];
    const stack = [[base, value]];
    while (stack.length > 0) {
        const [p, v] = stack.pop();
        if ((0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(v) && Object.keys(v).length > 0) {
            for (const k of Object.keys(v))
                stack.push([p + "/" + k.replace(/~/g, "~0").replace(/\//g, "~1"), v[k]]);
        }
        else
            out.push(p);
    }
    return out;
}
function singleSourceFindings(files, owners) {
    const findings = [];
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const [prefix, owner] of Object.entries(owners)) {
        const tokens = (0,_pointer_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePointer */ .vp)(prefix);
        const ownerFile = byPath.get(owner);
        const ownerPos = ownerFile && (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .getAtPath */ .P3)(ownerFile.value, tokens) !== undefined
            ? (ownerFile.doc?.locateKey(prefix) ?? ownerFile.doc?.locate(prefix))
            : undefined;
        for (const f of files) {
            if (f.path === owner)
                continue;
            const v = (0,_values_js__WEBPACK_IMPORTED_MODULE_2__/* .getAtPath */ .P3)(f.value, tokens);
            if (v === undefined)
                continue;
            // A longer prefix owned by this very file takes precedence (nested owners).
            const foreign = leafPointers(v, prefix).filter((p) => ownerOf(p, owners) !== f.path);
            if (foreign.length === 0)
                continue;
            const pos = f.doc?.locateKey(prefix) ?? f.doc?.locate(prefix);
            const key = (0,_pointer_js__WEBPACK_IMPORTED_MODULE_3__/* .pointerToDotted */ .ju)(prefix);
            findings.push({
                rule: "config/single-source",
                level: "error",
                file: f.path,
                ...(pos ? { line: pos.line, column: pos.column } : {}),
                pointer: prefix,
                key,
                message: `${key} belongs to ${owner} (config.owners), but ${f.path} defines it too${foreign.length > 1 || foreign[0] !== prefix ? ` (${foreign.length} key${foreign.length === 1 ? "" : "s"} below it)` : ""}; a key has one source of truth, even when the values are equal`,
                related: [
                    {
                        file: owner,
                        ...(ownerPos ? { line: ownerPos.line, column: ownerPos.column } : {}),
                        message: ownerPos ? `owner of ${key}` : `owner of ${key} (does not define it)`,
                    },
                ],
                fix: `remove ${key} from ${f.path} and keep it in ${owner} only, or change config.owners`,
            });
        }
    }
    return findings;
}


/***/ }),

/***/ 8195:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ editText)
});

// UNUSED EXPORTS: outermostEdits

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/pointer.ts
var core_pointer = __webpack_require__(3950);
// EXTERNAL MODULE: ./src/core/conflicts/values.ts
var values = __webpack_require__(5093);
;// CONCATENATED MODULE: ./src/core/conflicts/edit-json.ts
/**
 * Edit JSON text in place: each value is replaced where it stands (its bytes only), and a missing
 * key is inserted after the last member of its object, indented like its siblings. Everything
 * else (key order, spacing, number spelling such as 1.0 or 1e3, big integers) stays byte for
 * byte, which re-serialising with JSON.stringify would not keep.
 */


class Scanner {
    text;
    wanted;
    i = 0;
    nodes = new Map();
    constructor(text, wanted) {
        this.text = text;
        this.wanted = wanted;
        if (text.charCodeAt(0) === 0xfeff)
            this.i = 1;
    }
    fail(what) {
        throw new Error(`${what} at offset ${this.i}`);
    }
    ws() {
        const t = this.text;
        while (this.i < t.length) {
            const c = t.charCodeAt(this.i);
            if (c === 32 || c === 9 || c === 10 || c === 13)
                this.i++;
            else
                break;
        }
    }
    string() {
        const t = this.text;
        const s = this.i;
        if (t[s] !== '"')
            this.fail("expected a string");
        let j = s + 1;
        while (j < t.length && t[j] !== '"')
            j += t[j] === "\\" ? 2 : 1;
        if (j >= t.length)
            this.fail("unterminated string");
        this.i = j + 1;
        return JSON.parse(t.slice(s, j + 1));
    }
    value(pointer, depth) {
        if (depth > 5000)
            this.fail("nesting too deep to edit");
        this.ws();
        const t = this.text;
        const start = this.i;
        const node = { start, end: start, kind: "scalar", count: 0, lastKeyStart: -1, lastEnd: -1 };
        const c = t[this.i];
        if (c === "{") {
            node.kind = "object";
            this.i++;
            this.ws();
            if (t[this.i] === "}")
                this.i++;
            else {
                for (;;) {
                    this.ws();
                    const keyStart = this.i;
                    const key = this.string();
                    this.ws();
                    if (t[this.i] !== ":")
                        this.fail("expected ':'");
                    this.i++;
                    this.value(pointer + "/" + (0,core_pointer/* escapeToken */.tj)(key), depth + 1);
                    node.count++;
                    node.lastKeyStart = keyStart;
                    node.lastEnd = this.i;
                    this.ws();
                    if (t[this.i] === ",")
                        this.i++;
                    else if (t[this.i] === "}") {
                        this.i++;
                        break;
                    }
                    else
                        this.fail("expected ',' or '}'");
                }
            }
        }
        else if (c === "[") {
            node.kind = "array";
            this.i++;
            this.ws();
            if (t[this.i] === "]")
                this.i++;
            else {
                for (;;) {
                    this.value(pointer + "/" + node.count, depth + 1);
                    node.count++;
                    node.lastEnd = this.i;
                    this.ws();
                    if (t[this.i] === ",")
                        this.i++;
                    else if (t[this.i] === "]") {
                        this.i++;
                        break;
                    }
                    else
                        this.fail("expected ',' or ']'");
                }
            }
        }
        else if (c === '"') {
            this.string();
        }
        else {
            while (this.i < t.length && !",}] \t\r\n".includes(t[this.i]))
                this.i++;
            if (this.i === start)
                this.fail("expected a value");
        }
        node.end = this.i;
        if (this.wanted.has(pointer))
            this.nodes.set(pointer, node);
    }
}
/** The indentation unit of a JSON text: "" (one line), "\t", or N spaces. */
function detectJsonIndent(text) {
    const m = /\n([ \t]+)\S/.exec(text);
    if (!m)
        return "";
    return m[1].startsWith("\t") ? "\t" : m[1];
}
function lineIndent(text, offset) {
    const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, offset))[0];
}
function render(value, unit, base) {
    if (typeof value === "number" && !Number.isFinite(value))
        throw new Error(`${value} cannot be written in JSON`);
    const s = JSON.stringify(value, null, unit || undefined);
    if (s === undefined)
        throw new Error("the value cannot be written in JSON");
    return unit ? s.replace(/\n/g, "\n" + base) : s;
}
/** Apply `edits` to JSON `text`; throws with the reason when an edit cannot be placed. */
function editJsonText(text, edits) {
    const wanted = new Set();
    for (const e of edits) {
        const tokens = (0,core_pointer/* parsePointer */.vp)(e.pointer);
        for (let k = 0; k <= tokens.length; k++)
            wanted.add(tokens
                .slice(0, k)
                .map((t) => "/" + (0,core_pointer/* escapeToken */.tj)(t))
                .join(""));
    }
    const scanner = new Scanner(text, wanted);
    scanner.value("", 0);
    const unit = detectJsonIndent(text);
    const splices = [];
    // Insertions into the same object under the same new key are combined into one member.
    const inserts = new Map();
    edits.forEach((e, order) => {
        const tokens = (0,core_pointer/* parsePointer */.vp)(e.pointer);
        const node = scanner.nodes.get(e.pointer);
        if (node) {
            splices.push({ at: node.start, end: node.end, text: render(e.value, unit, lineIndent(text, node.start)), order });
            return;
        }
        let depth = tokens.length - 1;
        let parentPtr = "";
        for (; depth >= 0; depth--) {
            parentPtr = tokens
                .slice(0, depth)
                .map((t) => "/" + (0,core_pointer/* escapeToken */.tj)(t))
                .join("");
            if (scanner.nodes.has(parentPtr))
                break;
        }
        const parent = scanner.nodes.get(parentPtr);
        if (!parent || parent.kind !== "object") {
            throw new Error(`cannot add ${e.pointer}: ${parentPtr || "the top level"} is not an object`);
        }
        const key = tokens[depth];
        const id = parentPtr + "/" + (0,core_pointer/* escapeToken */.tj)(key);
        const rest = tokens.slice(depth + 1);
        const prev = inserts.get(id);
        if (prev)
            prev.value = (0,values/* setAtPath */.pm)(prev.value, rest, e.value);
        else
            inserts.set(id, { parent, key, value: (0,values/* setAtPath */.pm)(rest.length ? {} : undefined, rest, e.value), order });
    });
    for (const ins of inserts.values()) {
        const { parent, key } = ins;
        const name = JSON.stringify(key);
        if (parent.count === 0) {
            const base = lineIndent(text, parent.start);
            const inner = unit
                ? `\n${base}${unit}${name}: ${render(ins.value, unit, base + unit)}\n${base}`
                : `${name}: ${render(ins.value, unit, "")}`;
            splices.push({ at: parent.start + 1, end: parent.end - 1, text: inner, order: ins.order });
        }
        else {
            const ownLine = /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", parent.lastKeyStart - 1) + 1, parent.lastKeyStart));
            const base = ownLine ? lineIndent(text, parent.lastKeyStart) : "";
            const member = ownLine ? `,\n${base}${name}: ${render(ins.value, unit, base)}` : `, ${name}: ${render(ins.value, "", "")}`;
            splices.push({ at: parent.lastEnd, end: parent.lastEnd, text: member, order: ins.order });
        }
    }
    return applySplices(text, splices);
}
/** Apply non-overlapping splices in one pass (O(text + edits)). */
function applySplices(text, splices) {
    splices.sort((a, b) => a.at - b.at || a.order - b.order);
    const parts = [];
    let pos = 0;
    for (const s of splices) {
        if (s.at < pos)
            throw new Error("two edits overlap");
        parts.push(text.slice(pos, s.at), s.text);
        pos = s.end;
    }
    parts.push(text.slice(pos));
    return parts.join("");
}

;// CONCATENATED MODULE: ./src/core/conflicts/edit-yaml.ts
/**
 * Edit YAML text keeping comments and layout. A scalar replaced by a scalar is rewritten where it
 * stands (only its own characters change, in the same quoting style where possible). Anything
 * else (a missing key, a list or map value, a key that comes from a `<<` merge) goes through the
 * `yaml` Document API (`setIn`), which keeps comments and re-emits the document with the file's
 * own indentation.
 */



function find(doc, tokens) {
    let node = doc.contents;
    for (const t of tokens) {
        if ((0,dist.isAlias)(node))
            return { kind: "alias" };
        if ((0,dist.isMap)(node)) {
            const pair = node.items.find((p) => ((0,dist.isScalar)(p.key) ? String(p.key.value) : String(p.key)) === t);
            if (!pair)
                return { kind: "missing" };
            node = pair.value;
        }
        else if ((0,dist.isSeq)(node) && /^(0|[1-9][0-9]*)$/.test(t) && Number(t) < node.items.length) {
            node = node.items[Number(t)];
        }
        else
            return { kind: "missing" };
    }
    if ((0,dist.isAlias)(node))
        return { kind: "alias" };
    return node ? { kind: "node", node: node } : { kind: "missing" };
}
const PLAIN_SAFE = /^[^\s\-?:,[\]{}#&*!|>'"%@`][^\n#]*$/;
/** A scalar written in the style of the node it replaces, falling back to double quotes. */
function renderScalar(value, style) {
    if (value === null)
        return "null";
    if (typeof value === "boolean")
        return String(value);
    if (typeof value === "number") {
        if (Number.isNaN(value))
            return ".nan";
        if (!Number.isFinite(value))
            return value > 0 ? ".inf" : "-.inf";
        return String(value);
    }
    const s = String(value);
    if (style === "QUOTE_SINGLE" && !/[\n\r\t\\]/.test(s) && /^[\x20-\x7e\u00a0-\uffff]*$/.test(s))
        return "'" + s.replace(/'/g, "''") + "'";
    if (style !== "QUOTE_DOUBLE" && PLAIN_SAFE.test(s) && !/: |\s$|:$/.test(s)) {
        try {
            if ((0,dist.parse)(s) === s)
                return s;
        }
        catch {
            /* not plain-safe */
        }
    }
    return JSON.stringify(s);
}
/** A list or map as one line of flow YAML: `[a, c]`, `{host: x, port: 1}`. */
function renderFlow(value) {
    const d = new dist.Document(value);
    if ((0,dist.isMap)(d.contents) || (0,dist.isSeq)(d.contents))
        d.contents.flow = true;
    return d.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, "");
}
/** Indentation of block collections in the text: spaces per level, and whether `- ` items are indented under their key. */
function detectLayout(text) {
    const m = /\n( +)[^\s#-]/.exec(text);
    const indent = m ? Math.min(Math.max(m[1].length, 1), 8) : 2;
    const seq = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(text);
    return { indent, indentSeq: seq ? seq[2].length > seq[1].length : true };
}
/** Apply `edits` to YAML `text`; throws with the reason when an edit cannot be made safely. */
function editYamlText(text, edits) {
    const docs = (0,dist.parseAllDocuments)(text, { merge: true });
    if (!Array.isArray(docs) || docs.length !== 1)
        throw new Error("only a file holding exactly one YAML document can be edited");
    const doc = docs[0];
    if (doc.errors.length > 0)
        throw new Error(`the file does not parse: ${doc.errors[0].message.split("\n")[0]}`);
    const plan = edits.map((e) => ({ edit: e, tokens: (0,core_pointer/* parsePointer */.vp)(e.pointer), found: find(doc, (0,core_pointer/* parsePointer */.vp)(e.pointer)) }));
    for (const p of plan) {
        if (p.found.kind === "alias")
            throw new Error(`${p.edit.pointer} is reached through an alias (*name); edit the anchored value by hand`);
        if (p.found.kind === "node" && p.found.node.anchor) {
            throw new Error(`${p.edit.pointer} carries an anchor (&${p.found.node.anchor}) used elsewhere; edit it by hand`);
        }
    }
    // In place when every edit replaces a scalar or a flow collection ([a, b], {k: v}).
    const inPlace = plan.every((p) => p.found.kind === "node" && ((0,dist.isScalar)(p.found.node) || (((0,dist.isMap)(p.found.node) || (0,dist.isSeq)(p.found.node)) && p.found.node.flow)));
    if (inPlace) {
        const splices = plan.map((p, order) => {
            const node = p.found.node;
            const range = node.range;
            const value = p.edit.value;
            let out;
            if (value !== null && typeof value === "object")
                out = renderFlow(value);
            else {
                const type = (0,dist.isScalar)(node) ? node.type : "PLAIN";
                const block = type === "BLOCK_LITERAL" || type === "BLOCK_FOLDED";
                out = renderScalar(value, block ? "QUOTE_DOUBLE" : type);
                // A block scalar's range ends after its last line break: keep the break.
                if (block && text[range[1] - 1] === "\n")
                    out += "\n";
            }
            return { at: range[0], end: range[1], text: out, order };
        });
        return applySplices(text, splices);
    }
    for (const p of plan) {
        if (p.found.kind === "node" && (0,dist.isScalar)(p.found.node) && (p.edit.value === null || typeof p.edit.value !== "object")) {
            p.found.node.value = p.edit.value;
            continue;
        }
        const path = p.tokens.map((t, i) => {
            const parent = i === 0 ? doc.contents : doc.getIn(p.tokens.slice(0, i), true);
            return (0,dist.isSeq)(parent) && /^(0|[1-9][0-9]*)$/.test(t) ? Number(t) : t;
        });
        doc.setIn(path, doc.createNode(p.edit.value));
    }
    return doc.toString({ lineWidth: 0, ...detectLayout(text) });
}

;// CONCATENATED MODULE: ./src/core/conflicts/edit-text.ts
/**
 * Edit a JSON or YAML file's text and prove the result: the edited text is parsed again and must
 * hold exactly the old data with the edits applied. Anything else throws, so a bad edit can
 * never reach the disk.
 */





/** Drop edits below another edit's pointer: the ancestor's value already holds them. */
function outermostEdits(edits) {
    const pointers = new Set(edits.map((e) => e.pointer));
    const out = new Map();
    for (const e of edits) {
        let covered = false;
        for (let i = e.pointer.lastIndexOf("/"); i >= 0 && !covered; i = i === 0 ? -1 : e.pointer.lastIndexOf("/", i - 1)) {
            if (pointers.has(e.pointer.slice(0, i)) && e.pointer.slice(0, i) !== e.pointer)
                covered = true;
        }
        if (!covered)
            out.set(e.pointer, e);
    }
    return [...out.values()];
}
function readBack(text, format) {
    return format === "json" ? JSON.parse(text) : (0,dist.parse)(text, { merge: true, maxAliasCount: 10000 });
}
/**
 * Apply `edits` to `text` (keeping layout) and verify by reading it back. Throws an Error whose
 * message says why when the edit cannot be made or would not read back as intended.
 */
function editText(text, format, edits) {
    const list = outermostEdits(edits);
    if (list.length === 0)
        return text;
    const out = format === "json" ? editJsonText(text, list) : editYamlText(text, list);
    const before = readBack(text, format);
    let expected = (0,values/* clone */.o8)(before);
    for (const e of list)
        expected = (0,values/* setAtPath */.pm)(expected, (0,core_pointer/* parsePointer */.vp)(e.pointer), (0,values/* clone */.o8)(e.value));
    let after;
    try {
        after = readBack(out, format);
    }
    catch (error) {
        throw new Error(`the edited text would not parse (${error.message.split("\n")[0]}); nothing was written`, { cause: error });
    }
    if ((0,values/* canon */.AP)(after) !== (0,values/* canon */.AP)(expected))
        throw new Error("the edited text would not read back as the intended data; nothing was written");
    return out;
}


/***/ }),

/***/ 6537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LT: () => (/* binding */ conflictPaths),
/* harmony export */   Vk: () => (/* binding */ NestingError),
/* harmony export */   lr: () => (/* binding */ MAX_DEPTH),
/* harmony export */   rx: () => (/* binding */ newRoot),
/* harmony export */   sh: () => (/* binding */ foldInto),
/* harmony export */   xP: () => (/* binding */ measure)
/* harmony export */ });
/* unused harmony exports MAP_MARK, LIST_MARK */
/* harmony import */ var _pointer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3950);
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5093);
/**
 * Fold every file's data into one tree of keys: for each key path, the first value seen and
 * whether a later file disagreed. Maps are recursed (deep merge); lists and scalars are compared
 * as whole values, except lists under a `unique`/`append` strategy, which merge and so never
 * conflict with each other; a map under `replace` is compared as a whole.
 *
 * One pass, O(total keys), with no per-key string building: pointers are made only for the
 * (few) keys in conflict. Which files hold a conflicting key is looked up afterwards.
 */


/** Stand-ins for "a map is here" and "a mergeable list is here". */
const MAP_MARK = Symbol("map");
const LIST_MARK = Symbol("list");
/** Deeper than this, a file is left out (a guard against hostile nesting, not a real limit). */
const MAX_DEPTH = 256;
class NestingError extends Error {
}
function same(a, b) {
    if (a === b)
        return true;
    if (typeof a !== typeof b || typeof a !== "object" || a === null || b === null) {
        return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
    }
    return (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .canon */ .AP)(a) === (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .canon */ .AP)(b);
}
function newRoot() {
    return { children: undefined, first: MAP_MARK, conflict: false, files: [] };
}
/**
 * Add one file's map to the tree. `merge` maps pointers to declared strategies ("" = root);
 * strategies apply to their pointer and everything below. Throws NestingError past MAX_DEPTH.
 */
function foldInto(root, value, merge, file) {
    const rootStrategy = merge.get("") ?? "deep";
    if (merge.size === 0 || (merge.size === 1 && merge.has("")))
        foldFast(root, value, rootStrategy, 0, file);
    else
        foldWithPaths(root, value, rootStrategy, "", merge, 0, file);
}
function visit(parent, key, v, strategy, file) {
    const mark = (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(v) && strategy !== "replace" ? MAP_MARK : Array.isArray(v) && (strategy === "unique" || strategy === "append") ? LIST_MARK : v;
    let children = parent.children;
    if (!children)
        parent.children = children = new Map();
    let node = children.get(key);
    if (!node) {
        node = { children: undefined, first: mark, conflict: false, files: [file] };
        children.set(key, node);
    }
    else {
        if (!node.conflict && !same(node.first, mark))
            node.conflict = true;
        node.files.push(file);
    }
    return mark === MAP_MARK ? node : undefined;
}
/** The common case: no per-path strategies, so no pointers are needed at all. */
function foldFast(node, value, strategy, depth, file) {
    if (depth > MAX_DEPTH)
        throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
    for (const key of Object.keys(value)) {
        const v = value[key];
        const child = visit(node, key, v, strategy, file);
        if (child)
            foldFast(child, v, strategy, depth + 1, file);
    }
}
function foldWithPaths(node, value, strategy, pointer, merge, depth, file) {
    if (depth > MAX_DEPTH)
        throw new NestingError(`nested deeper than ${MAX_DEPTH} levels`);
    for (const key of Object.keys(value)) {
        const v = value[key];
        const childPointer = pointer + "/" + (0,_pointer_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeToken */ .tj)(key);
        const s = merge.get(childPointer) ?? strategy;
        const child = visit(node, key, v, s, file);
        if (child)
            foldWithPaths(child, v, s, childPointer, merge, depth + 1, file);
    }
}
/** Every key path (as tokens) whose files disagree, with the files that define it, depth first. */
function conflictPaths(root) {
    const out = [];
    const walk = (node, tokens) => {
        if (!node.children)
            return;
        for (const [key, child] of node.children) {
            tokens.push(key);
            if (child.conflict)
                out.push({ tokens: [...tokens], files: child.files });
            walk(child, tokens);
            tokens.pop();
        }
    };
    walk(root, []);
    return out;
}
/**
 * Depth check and member-name count in one iterative walk (safe on hostile nesting): whether
 * `value` nests deeper than `limit`, and how many object keys it holds (lists included).
 */
function measure(value, limit) {
    let keys = 0;
    const values = [value];
    const depths = [0];
    while (values.length > 0) {
        const v = values.pop();
        const depth = depths.pop();
        if (depth > limit)
            return { tooDeep: true, keys };
        if (Array.isArray(v)) {
            for (const x of v) {
                if (x !== null && typeof x === "object") {
                    values.push(x);
                    depths.push(depth + 1);
                }
            }
        }
        else if ((0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(v)) {
            const ks = Object.keys(v);
            keys += ks.length;
            for (const k of ks) {
                const x = v[k];
                if (x !== null && typeof x === "object") {
                    values.push(x);
                    depths.push(depth + 1);
                }
            }
        }
    }
    return { tooDeep: false, keys };
}


/***/ }),

/***/ 8865:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ri: () => (/* reexport */ detect/* detectConflicts */.Ri),
  QS: () => (/* reexport */ maskValue),
  yh: () => (/* reexport */ orderByPrecedence),
  iM: () => (/* reexport */ planConflictWrites),
  pE: () => (/* reexport */ resolveConfig)
});

// UNUSED EXPORTS: MASK, compileSecretTest, editText, ownerOf, secretTest, underAny

// EXTERNAL MODULE: ./src/core/conflicts/detect.ts
var detect = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/core/pointer.ts
var pointer = __webpack_require__(3950);
// EXTERNAL MODULE: ./src/core/conflicts/flatten.ts
var flatten = __webpack_require__(6537);
// EXTERNAL MODULE: ./src/core/conflicts/secrets.ts
var secrets = __webpack_require__(1558);
// EXTERNAL MODULE: ./src/core/conflicts/values.ts
var values = __webpack_require__(5093);
;// CONCATENATED MODULE: ./src/core/conflicts/resolve.ts
/**
 * The effective configuration: files merged in precedence order (the last wins), maps merged
 * deeply unless `replace` is declared, lists replaced unless `unique`/`append` is declared (in the
 * manner of Hiera's lookup strategies), and owned prefixes taken from their owner whatever the
 * precedence. Also: which values `--write` puts into which file.
 */





function mergeTwo(base, over, tokens, strategy, merge) {
    if ((0,values/* isMap */.jh)(base) && (0,values/* isMap */.jh)(over) && strategy !== "replace") {
        for (const key of Object.keys(over)) {
            tokens.push(key);
            const childStrategy = merge.get((0,pointer/* toPointer */.rb)(tokens)) ?? strategy;
            const has = Object.prototype.hasOwnProperty.call(base, key);
            (0,values/* setOwn */.P5)(base, key, has ? mergeTwo(base[key], over[key], tokens, childStrategy, merge) : (0,values/* clone */.o8)(over[key]));
            tokens.pop();
        }
        return base;
    }
    if (Array.isArray(base) && Array.isArray(over)) {
        if (strategy === "append")
            return [...base, ...(0,values/* clone */.o8)(over)];
        if (strategy === "unique") {
            const seen = new Set(base.map(values/* canon */.AP));
            const out = [...base];
            for (const item of over) {
                const c = (0,values/* canon */.AP)(item);
                if (!seen.has(c)) {
                    seen.add(c);
                    out.push((0,values/* clone */.o8)(item));
                }
            }
            return out;
        }
    }
    return (0,values/* clone */.o8)(over);
}
/** Merge `files` (precedence order, last wins) into one value. */
function resolveConfig(files, rules) {
    const merge = (0,detect/* mergeMap */.ZZ)(rules.merge);
    let result = {};
    for (const f of files) {
        // Same files as the analysis: a top level that is not a map, or hostile nesting, is left out.
        if (!(0,values/* isMap */.jh)(f.value) || (0,flatten/* measure */.xP)(f.value, flatten/* MAX_DEPTH */.lr).tooDeep)
            continue;
        result = mergeTwo(result, f.value, [], merge.get("") ?? "deep", merge);
    }
    // Owned prefixes come from their owner; shorter prefixes first so nested owners win.
    const owners = Object.entries(rules.owners ?? {}).sort((a, b) => a[0].length - b[0].length);
    for (const [prefix, owner] of owners) {
        const file = files.find((f) => f.path === owner);
        const v = file ? (0,values/* getAtPath */.P3)(file.value, (0,pointer/* parsePointer */.vp)(prefix)) : undefined;
        if (v !== undefined)
            result = (0,values/* setAtPath */.pm)(result, (0,pointer/* parsePointer */.vp)(prefix), (0,values/* clone */.o8)(v));
    }
    return result;
}
/** A copy of `value` with every secret-looking key's value replaced by "***". */
function maskValue(value, isSecret, tokens = []) {
    if (tokens.length > 0 && isSecret(tokens.slice(-1)))
        return secrets/* MASK */.v;
    if ((0,values/* isMap */.jh)(value)) {
        const out = {};
        for (const k of Object.keys(value)) {
            tokens.push(k);
            (0,values/* setOwn */.P5)(out, k, maskValue(value[k], isSecret, tokens));
            tokens.pop();
        }
        return out;
    }
    if (Array.isArray(value))
        return value.map((v) => maskValue(v, isSecret, tokens));
    return value;
}
/**
 * The edits that make every conflicting key equal to its resolved (winning) value in every
 * file that disagrees, and the change list to show (masked where secret).
 */
function planConflictWrites(files, conflicts, resolved) {
    const edits = new Map();
    const changes = [];
    const byPath = new Map(files.map((f) => [f.path, f]));
    for (const c of conflicts) {
        const tokens = (0,pointer/* parsePointer */.vp)(c.pointer);
        const winning = (0,values/* getAtPath */.P3)(resolved, tokens);
        if (winning === undefined)
            continue;
        for (const e of c.entries) {
            const file = byPath.get(e.file);
            const current = file ? (0,values/* getAtPath */.P3)(file.value, tokens) : e.value;
            if ((0,values/* deepEqual */.bD)(current, winning))
                continue;
            if (!edits.has(e.file))
                edits.set(e.file, []);
            edits.get(e.file).push({ pointer: c.pointer, value: (0,values/* clone */.o8)(winning) });
            changes.push({
                file: e.file,
                pointer: c.pointer,
                key: (0,pointer/* pointerToDotted */.ju)(c.pointer),
                from: c.secret ? secrets/* MASK */.v : (0,values/* display */.Vy)(current),
                to: c.secret ? secrets/* MASK */.v : (0,values/* display */.Vy)(winning),
                secret: c.secret,
            });
        }
    }
    return { edits, changes };
}

// EXTERNAL MODULE: ./src/core/glob.ts
var glob = __webpack_require__(6085);
;// CONCATENATED MODULE: ./src/core/conflicts/order.ts
/**
 * Precedence order: files named (or matched) by config.precedence rank by their position there;
 * files not named come first, in path order. The last file wins.
 */

function orderByPrecedence(files, precedence = []) {
    const matchers = precedence.map((p) => (0,glob/* matcher */.j)([p]));
    const rank = (path) => {
        const exact = precedence.indexOf(path);
        if (exact >= 0)
            return exact;
        return matchers.findIndex((m) => m(path));
    };
    const ranked = files.map((f) => ({ f, r: rank(f.path) }));
    ranked.sort((a, b) => a.r - b.r || (a.f.path < b.f.path ? -1 : a.f.path > b.f.path ? 1 : 0));
    return ranked.map((x) => x.f);
}

// EXTERNAL MODULE: ./src/core/conflicts/edit-text.ts + 2 modules
var edit_text = __webpack_require__(8195);
;// CONCATENATED MODULE: ./src/core/conflicts/index.ts
/** Configuration conflicts: detection, single source of truth, resolution, and safe text edits. */







/***/ }),

/***/ 1558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ secretTest),
/* harmony export */   v: () => (/* binding */ MASK)
/* harmony export */ });
/**
 * Which keys hold secrets. A value is masked when any key on its path looks secret, so
 * `credentials.user` and `db.password` are both hidden. Masked values are replaced by "***"
 * before anything is put in a finding, a resolved config or a change list.
 */
const MASK = "***";
/** Words that make a key secret (matched against the words of a key, case-insensitive). */
const SECRET_WORDS = new Set([
    "password",
    "passwords",
    "passwd",
    "pwd",
    "passphrase",
    "secret",
    "secrets",
    "token",
    "tokens",
    "key",
    "keys",
    "apikey",
    "credential",
    "credentials",
    "private",
    "auth",
    "cookie",
    "signature",
    "salt",
    "dsn",
]);
/** Split a key into lower-case words: `apiKey` -> api, key; `DB_PASSWORD` -> db, password. */
function words(key) {
    return key
        .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean);
}
/**
 * A test for pointer tokens. `extra` are regular expressions from config.secret_keys, matched
 * case-insensitively against each key; an invalid one throws (the caller reports it).
 */
function secretTest(extra = []) {
    const regexes = extra.map((r) => new RegExp(r, "i"));
    const cache = new Map();
    const keyIsSecret = (key) => {
        let hit = cache.get(key);
        if (hit === undefined) {
            const w = words(key);
            hit = w.some((x) => SECRET_WORDS.has(x)) || w.join("").endsWith("password") || regexes.some((r) => r.test(key));
            cache.set(key, hit);
        }
        return hit;
    };
    return (tokens) => tokens.some(keyIsSecret);
}


/***/ }),

/***/ 5093:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AP: () => (/* binding */ canon),
/* harmony export */   P3: () => (/* binding */ getAtPath),
/* harmony export */   P5: () => (/* binding */ setOwn),
/* harmony export */   Vy: () => (/* binding */ display),
/* harmony export */   bD: () => (/* binding */ deepEqual),
/* harmony export */   jh: () => (/* binding */ isMap),
/* harmony export */   o8: () => (/* binding */ clone),
/* harmony export */   pm: () => (/* binding */ setAtPath)
/* harmony export */ });
/**
 * Value helpers shared by conflict detection, resolution and sync: a canonical form for
 * equality (key order ignored, types kept: 5 and "5" differ, .inf and null differ), short
 * displays for messages, and safe deep set/clone (no prototype pollution from `__proto__` keys).
 */
/** True for a plain mapping (not null, not an array). */
function isMap(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
}
/**
 * Canonical text of a value: equal values give equal text whatever their key order. Scalars
 * are tagged with their type, so `5`, `"5"` and `5.0`-vs-`"5.0"` are told apart.
 */
function canon(v) {
    switch (typeof v) {
        case "string":
            return JSON.stringify(v);
        case "number":
            return Number.isFinite(v) ? String(v) : `#${String(v)}`;
        case "boolean":
            return v ? "true" : "false";
        case "bigint":
            return `${v}n`;
        case "undefined":
            return "#undefined";
        default:
            break;
    }
    if (v === null)
        return "null";
    if (Array.isArray(v))
        return "[" + v.map(canon).join(",") + "]";
    if (v instanceof Date)
        return `#date:${v.toISOString()}`;
    const obj = v;
    const keys = Object.keys(obj).sort();
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + canon(obj[k])).join(",") + "}";
}
function deepEqual(a, b) {
    if (a === b)
        return typeof a !== "number" || !Number.isNaN(a);
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
        return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
    }
    return canon(a) === canon(b);
}
/** A short, single-line rendering of a value for messages (never used for secrets). */
function display(v, max = 80) {
    let s;
    if (v === undefined)
        return "(absent)";
    if (typeof v === "number" && !Number.isFinite(v))
        s = String(v);
    else if (isMap(v))
        s = Object.keys(v).length === 0 ? "{}" : `a map (${Object.keys(v).length} keys)`;
    else {
        try {
            s = JSON.stringify(v) ?? String(v);
        }
        catch {
            s = String(v);
        }
    }
    return s.length > max ? s.slice(0, max - 1) + "…" : s;
}
/** Deep copy of JSON-like data; objects keep own keys only. */
function clone(v) {
    if (Array.isArray(v))
        return v.map(clone);
    if (isMap(v) && !(v instanceof Date)) {
        const out = {};
        for (const k of Object.keys(v))
            setOwn(out, k, clone(v[k]));
        return out;
    }
    return v;
}
/** Define an own enumerable property (works for "__proto__" without touching the prototype). */
function setOwn(obj, key, value) {
    if (key !== "__proto__") {
        obj[key] = value;
        return;
    }
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
/**
 * Set `value` at the path `tokens` inside `root` (mutating), creating maps on the way. Returns
 * the new root (a replacement when `tokens` is empty). Array indexes must exist or be the length.
 */
function setAtPath(root, tokens, value) {
    if (tokens.length === 0)
        return value;
    const top = isMap(root) || Array.isArray(root) ? root : {};
    let cur = top;
    for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        const last = i === tokens.length - 1;
        if (Array.isArray(cur)) {
            const idx = /^(0|[1-9][0-9]*)$/.test(t) ? Number(t) : -1;
            if (idx < 0 || idx > cur.length)
                throw new Error(`index ${t} out of range`);
            if (last)
                cur[idx] = value;
            else {
                if (!isMap(cur[idx]) && !Array.isArray(cur[idx]))
                    cur[idx] = {};
                cur = cur[idx];
            }
        }
        else {
            const m = cur;
            const has = Object.prototype.hasOwnProperty.call(m, t);
            if (last)
                setOwn(m, t, value);
            else {
                if (!has || (!isMap(m[t]) && !Array.isArray(m[t])))
                    setOwn(m, t, {});
                cur = m[t];
            }
        }
    }
    return top;
}
/** Value at `tokens` (own properties only); undefined when absent. */
function getAtPath(root, tokens) {
    let cur = root;
    for (const t of tokens) {
        if (Array.isArray(cur)) {
            if (!/^(0|[1-9][0-9]*)$/.test(t))
                return undefined;
            cur = cur[Number(t)];
        }
        else if (isMap(cur) && Object.prototype.hasOwnProperty.call(cur, t))
            cur = cur[t];
        else
            return undefined;
    }
    return cur;
}


/***/ })

};
