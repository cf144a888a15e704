export const id = 714;
export const ids = [714];
export const modules = {

/***/ 3714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  check: () => (/* binding */ check),
  runSyncRules: () => (/* binding */ runSyncRules)
});

// EXTERNAL MODULE: ./src/core/conflicts/detect.ts
var detect = __webpack_require__(7488);
// EXTERNAL MODULE: ./src/core/conflicts/secrets.ts
var secrets = __webpack_require__(1558);
// EXTERNAL MODULE: ./src/core/conflicts/values.ts
var values = __webpack_require__(5093);
// EXTERNAL MODULE: ./src/core/pointer.ts
var core_pointer = __webpack_require__(3950);
;// CONCATENATED MODULE: ./src/core/sync/evaluate.ts



/** How a rule is named in messages. */
function ruleLabel(rule) {
    return rule.name ?? `${rule.source.file}#${rule.source.path} -> ${rule.target.file}#${rule.target.path}`;
}
function fieldTokens(field) {
    return field.startsWith("/") ? (0,core_pointer/* parsePointer */.vp)(field) : [field];
}
function at(side, pointer, key = false) {
    const p = key ? (side.doc?.locateKey(pointer) ?? side.doc?.locate(pointer)) : side.doc?.locate(pointer);
    return p ? { line: p.line, column: p.column } : {};
}
function join(base, tokens) {
    return base + tokens.map((t) => "/" + (0,core_pointer/* escapeToken */.tj)(t)).join("");
}
function evaluateSyncRule(rule, source, target, isSecret) {
    const label = ruleLabel(rule);
    const result = { findings: [], edits: [], changes: [] };
    const src = entriesAt(source, rule.source.path, label, result.findings);
    const tgt = entriesAt(target, rule.target.path, label, result.findings);
    if (!src || !tgt)
        return result;
    const oneSided = rule.one_sided ?? "warning";
    const fields = Object.entries(rule.fields).map(([t, s]) => ({ t, s, tt: fieldTokens(t), st: fieldTokens(s) }));
    for (const id of Object.keys(src)) {
        const sPtr = join(rule.source.path, [id]);
        const tPtr = join(rule.target.path, [id]);
        if (!Object.prototype.hasOwnProperty.call(tgt, id)) {
            if (oneSided !== "ignore") {
                result.findings.push({
                    rule: "sync/missing-target",
                    level: oneSided,
                    file: source.path,
                    ...at(source, sPtr, true),
                    pointer: sPtr,
                    key: (0,core_pointer/* pointerToDotted */.ju)(sPtr),
                    message: `${(0,core_pointer/* pointerToDotted */.ju)(sPtr)} has no counterpart ${(0,core_pointer/* pointerToDotted */.ju)(tPtr)} in ${target.path} (sync rule ${label})`,
                    fix: `add the entry ${JSON.stringify(id)} under ${(0,core_pointer/* pointerToDotted */.ju)(rule.target.path)} in ${target.path}, or set one_sided: ignore on the rule`,
                });
            }
            continue;
        }
        const s = src[id];
        const t = tgt[id];
        if (!(0,values/* isMap */.jh)(s) || !(0,values/* isMap */.jh)(t)) {
            const [bad, side, ptr] = !(0,values/* isMap */.jh)(s) ? [s, source, sPtr] : [t, target, tPtr];
            result.findings.push({
                rule: "sync/invalid-entry",
                level: "error",
                file: side.path,
                ...at(side, ptr),
                pointer: ptr,
                key: (0,core_pointer/* pointerToDotted */.ju)(ptr),
                message: `${(0,core_pointer/* pointerToDotted */.ju)(ptr)} in ${side.path} should be a map of fields but is ${(0,values/* display */.Vy)(bad)} (sync rule ${label})`,
                fix: "make the entry a map of fields, or correct source.path/target.path in the sync rule",
            });
            continue;
        }
        for (const f of fields) {
            const sv = (0,values/* getAtPath */.P3)(s, f.st);
            const tv = (0,values/* getAtPath */.P3)(t, f.tt);
            const sField = join(sPtr, f.st);
            const tField = join(tPtr, f.tt);
            const secret = isSecret((0,core_pointer/* parsePointer */.vp)(sField)) || isSecret((0,core_pointer/* parsePointer */.vp)(tField));
            const show = (v) => (secret && v !== undefined ? secrets/* MASK */.v : (0,values/* display */.Vy)(v));
            if (sv === undefined) {
                if (tv !== undefined) {
                    result.findings.push({
                        rule: "sync/missing-field",
                        level: "warning",
                        file: source.path,
                        ...at(source, sPtr, true),
                        pointer: sField,
                        key: (0,core_pointer/* pointerToDotted */.ju)(sField),
                        message: `${(0,core_pointer/* pointerToDotted */.ju)(sField)} is absent from ${source.path}, so ${(0,core_pointer/* pointerToDotted */.ju)(tField)} in ${target.path} cannot be checked (sync rule ${label})`,
                        fix: `add ${f.s} to the source entry, or remove the field mapping from the rule`,
                    });
                }
                continue;
            }
            if ((0,values/* deepEqual */.bD)(sv, tv))
                continue;
            const tPos = at(target, tField);
            result.findings.push({
                rule: "sync/drift",
                level: "error",
                file: target.path,
                ...tPos,
                pointer: tField,
                key: (0,core_pointer/* pointerToDotted */.ju)(tField),
                message: `${(0,core_pointer/* pointerToDotted */.ju)(tField)} is ${show(tv)} but ${(0,core_pointer/* pointerToDotted */.ju)(sField)} in ${source.path} is ${show(sv)} (sync rule ${label})`,
                expected: show(sv),
                found: show(tv),
                related: [
                    { file: source.path, ...at(source, sField), message: `source: ${(0,core_pointer/* pointerToDotted */.ju)(sField)} = ${show(sv)}` },
                    { file: target.path, ...tPos, message: `target: ${(0,core_pointer/* pointerToDotted */.ju)(tField)} = ${show(tv)}` },
                ],
                fix: `run \`integrity-guard sync --fix\` to copy the source value into ${target.path}`,
            });
            result.edits.push({ pointer: tField, value: (0,values/* clone */.o8)(sv) });
            result.changes.push({ file: target.path, pointer: tField, key: (0,core_pointer/* pointerToDotted */.ju)(tField), from: show(tv), to: show(sv), secret });
        }
    }
    if (oneSided !== "ignore") {
        for (const id of Object.keys(tgt)) {
            if (Object.prototype.hasOwnProperty.call(src, id))
                continue;
            const tPtr = join(rule.target.path, [id]);
            const sPtr = join(rule.source.path, [id]);
            result.findings.push({
                rule: "sync/missing-source",
                level: oneSided,
                file: target.path,
                ...at(target, tPtr, true),
                pointer: tPtr,
                key: (0,core_pointer/* pointerToDotted */.ju)(tPtr),
                message: `${(0,core_pointer/* pointerToDotted */.ju)(tPtr)} has no counterpart ${(0,core_pointer/* pointerToDotted */.ju)(sPtr)} in ${source.path} (sync rule ${label})`,
                fix: `add the entry ${JSON.stringify(id)} under ${(0,core_pointer/* pointerToDotted */.ju)(rule.source.path)} in ${source.path}, or remove it from ${target.path}, or set one_sided: ignore on the rule`,
            });
        }
    }
    return result;
}
/** The map of entries at `pointer`, or a finding saying why there is none. */
function entriesAt(side, pointer, label, findings) {
    const v = (0,values/* getAtPath */.P3)(side.value, (0,core_pointer/* parsePointer */.vp)(pointer));
    if ((0,values/* isMap */.jh)(v))
        return v;
    findings.push({
        rule: "sync/invalid-path",
        level: "error",
        file: side.path,
        ...at(side, pointer),
        pointer,
        message: v === undefined
            ? `${(0,core_pointer/* pointerToDotted */.ju)(pointer)} is absent from ${side.path}, so sync rule ${label} cannot be checked`
            : `${(0,core_pointer/* pointerToDotted */.ju)(pointer)} in ${side.path} is ${Array.isArray(v) ? "a list" : (0,values/* display */.Vy)(v)}, not a map of entries keyed by id (sync rule ${label})`,
        fix: `correct the path in the sync rule, or restore ${side.path} (integrity-guard restore)`,
    });
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/sync/index.ts
/** Sync rules between state files: drift findings and the fix as edits. */


// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(7336);
// EXTERNAL MODULE: ./src/checks/conflicts.ts + 1 modules
var conflicts = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/checks/sync.ts




/** Evaluate every sync rule (or only those named in `only`). */
async function runSyncRules(source, config, configPath, options) {
    const rules = (config.sync ?? []).filter((r) => !options.only?.length || options.only.includes(r.name ?? ""));
    const findings = [];
    const { test: isSecret, findings: secretFindings } = (0,detect/* compileSecretTest */._X)(config.config?.secret_keys, configPath);
    findings.push(...secretFindings);
    const wanted = new Set();
    const bad = new Set();
    for (const r of rules) {
        for (const f of [r.source.file, r.target.file]) {
            try {
                wanted.add((0,paths/* checkRelative */.Bp)(f, "sync file"));
            }
            catch (error) {
                bad.add(f);
                findings.push({
                    rule: "config/invalid",
                    level: "error",
                    file: configPath,
                    message: `sync rule ${ruleLabel(r)}: ${error.message}`,
                    fix: "name files relative to the repository root",
                });
            }
        }
    }
    if (source.kind === "worktree" && options.root) {
        // Sync files are read by name, listed by git or not (logs/ is often ignored): stay inside.
        for (const p of [...wanted]) {
            try {
                (0,paths/* resolveInside */.LI)(options.root, p, { what: "sync file" });
            }
            catch (error) {
                wanted.delete(p);
                bad.add(p);
                findings.push({
                    rule: "config/unreadable",
                    level: "error",
                    file: p,
                    message: error.message,
                    fix: "keep sync files inside the repository",
                });
            }
        }
    }
    const { files, findings: readFindings, absent } = await (0,conflicts.readParsed)(source, config, [...wanted], "sync check", options);
    findings.push(...readFindings);
    const missing = new Set(absent);
    const missingReported = new Set();
    const runs = [];
    for (const rule of rules) {
        const label = ruleLabel(rule);
        if (bad.has(rule.source.file) || bad.has(rule.target.file))
            continue;
        const src = (0,paths/* checkRelative */.Bp)(rule.source.file);
        const tgt = (0,paths/* checkRelative */.Bp)(rule.target.file);
        let skip = false;
        for (const p of [src, tgt]) {
            if (!missing.has(p)) {
                if (!files.has(p))
                    skip = true; // unreadable or malformed: already reported
                continue;
            }
            skip = true;
            if (missingReported.has(p + "\0" + label))
                continue;
            missingReported.add(p + "\0" + label);
            findings.push({
                rule: "sync/missing-file",
                level: source.kind === "index" ? "notice" : "warning",
                file: configPath,
                message: `${p} (named in sync rule ${label}) does not exist${source.kind === "index" ? " in the index" : ""}, so the rule was not checked`,
                fix: `restore ${p}, or remove the rule from config.sync`,
            });
        }
        if (skip)
            continue;
        const target = files.get(tgt);
        const result = evaluateSyncRule(rule, files.get(src), target, isSecret);
        findings.push(...result.findings);
        runs.push({ rule, label, target, result });
    }
    return { runs, findings };
}
const check = {
    name: "sync",
    async run(ctx) {
        if (!ctx.config.sync?.length)
            return [];
        return (await runSyncRules(ctx.source, ctx.config, ctx.configPath, { parseFindings: false, root: ctx.root })).findings;
    },
};


/***/ })

};
