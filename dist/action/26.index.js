export const id = 26;
export const ids = [26];
export const modules = {

/***/ 9026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  command: () => (/* binding */ command)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/commands/index.ts
var commands = __webpack_require__(2698);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/core/snapshot/manifest.ts
var snapshot_manifest = __webpack_require__(1387);
// EXTERNAL MODULE: ./src/io/paths.ts
var io_paths = __webpack_require__(7336);
// EXTERNAL MODULE: ./src/io/snapshot/files.ts
var snapshot_files = __webpack_require__(8894);
// EXTERNAL MODULE: ./src/io/snapshot/refused.ts
var refused = __webpack_require__(3569);
// EXTERNAL MODULE: ./src/io/snapshot/run-restore.ts + 1 modules
var run_restore = __webpack_require__(2781);
;// CONCATENATED MODULE: ./src/io/snapshot/recover.ts
/**
 * Named recovery procedures (config `recovery.NAME`): restore, run, verify steps in order,
 * stopping at the first that fails. Each step is timed.
 */







function describeStep(step) {
    if ("restore" in step) {
        const r = step.restore;
        return { kind: "restore", label: `restore ${r.snapshot ?? r.set ?? "latest"}${r.paths?.length ? " " + r.paths.join(" ") : ""}` };
    }
    if ("run" in step)
        return { kind: "run", label: `run ${step.run}` };
    return {
        kind: "verify",
        label: step.verify === true ? "verify (check)" : step.verify === false ? "verify (off)" : `verify ${step.verify.join(" ")}`,
    };
}
async function runRecovery(steps, deps) {
    const reports = [];
    let restored;
    for (const [i, step] of steps.entries()) {
        const { kind, label } = describeStep(step);
        const t0 = process.hrtime.bigint();
        const report = { index: i + 1, kind, label, ok: true, ms: 0, detail: "", findings: [] };
        deps.log(`step ${i + 1}/${steps.length}: ${label}`);
        try {
            if ("restore" in step) {
                const o = await (0,run_restore/* runRestore */.Y)(deps.git, deps.config, {
                    spec: step.restore.snapshot ?? step.restore.set ?? "latest",
                    paths: step.restore.paths ?? [],
                    allowUnsigned: deps.allowUnsigned,
                    dryRun: deps.dryRun,
                    env: deps.env,
                    log: deps.log,
                });
                restored = { id: o.snapshot.id, manifest: o.manifest };
                report.findings = o.findings;
                report.ok = o.findings.length === 0;
                const n = o.plan.create.length + o.plan.modify.length + o.plan.remove.length;
                report.detail = `${deps.dryRun ? "would change" : "changed"} ${n} file(s) from snapshot ${o.snapshot.id.slice(0, 12)}${o.undo ? `; undo: ${o.undo.command}` : ""}`;
            }
            else if ("run" in step) {
                if (deps.dryRun)
                    report.detail = "not run (--dry-run)";
                else {
                    const code = await runShell(step.run, deps.git.root, deps.env, deps.log);
                    report.ok = code === 0;
                    report.detail = `exit code ${code}`;
                }
            }
            else if (step.verify === true) {
                report.findings = (await deps.runCheck()).filter((f) => f.level === "error");
                report.ok = report.findings.length === 0;
                report.detail = report.ok ? "check passed" : `check found ${report.findings.length} error(s)`;
            }
            else if (Array.isArray(step.verify)) {
                if (!restored)
                    throw new errors/* GuardError */.U$("a verify step with paths needs an earlier restore step to verify against", {
                        fix: "put a restore step before it, or use verify: true",
                    });
                report.findings = await verifyPaths(deps.git.root, restored.manifest, step.verify);
                report.ok = report.findings.length === 0;
                report.detail = report.ok
                    ? `paths match snapshot ${restored.id.slice(0, 12)}`
                    : `${report.findings.length} file(s) differ from snapshot ${restored.id.slice(0, 12)}`;
            }
            else
                report.detail = "skipped (verify: false)";
        }
        catch (error) {
            report.ok = false;
            if (error instanceof refused/* SnapshotRefused */.n)
                report.findings = error.findings;
            report.detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
            if (error instanceof errors/* GuardError */.U$ && error.fix)
                report.detail += ` (fix: ${error.fix})`;
        }
        report.ms = Number(process.hrtime.bigint() - t0) / 1e6;
        reports.push(report);
        if (!report.ok)
            break;
    }
    return reports;
}
/** A configured shell command, run from the repository root; its output goes to the log. */
function runShell(command, cwd, env, log) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)("sh", ["-c", command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        const forward = (b) => b
            .toString("utf8")
            .split("\n")
            .filter(Boolean)
            .forEach((l) => log(`  | ${l}`));
        child.stdout.on("data", forward);
        child.stderr.on("data", forward);
        child.on("error", (e) => {
            log(`  | cannot start sh: ${e.message}`);
            resolve(127);
        });
        child.on("close", (code) => resolve(code ?? 128));
    });
}
async function verifyPaths(root, manifest, paths) {
    const scopes = paths.map((p) => (0,io_paths/* checkRelative */.Bp)(p, "verify path"));
    const files = Object.keys(manifest.files).filter((f) => scopes.some((s) => (0,snapshot_manifest/* inScope */.SB)(f, s)));
    const findings = [];
    const present = [];
    const fs = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1455, 23));
    for (const f of files) {
        try {
            await fs.access(`${root}/${f}`);
            present.push(f);
        }
        catch {
            findings.push({
                rule: "snapshot/checksum",
                level: "error",
                file: f,
                message: "file is missing after recovery",
                fix: "run the recovery again",
            });
        }
    }
    const hashes = await (0,snapshot_files/* hashWorktreeFiles */.v6)(root, present);
    for (const f of present) {
        const want = manifest.files[f];
        const got = hashes.get(f);
        if (got.sha256 !== want.sha256)
            findings.push({
                rule: "snapshot/checksum",
                level: "error",
                file: f,
                message: "file differs from the restored snapshot",
                expected: `sha256 ${want.sha256}`,
                found: `sha256 ${got.sha256}`,
                fix: "a later step changed it; inspect the step's command",
            });
    }
    if (files.length === 0)
        findings.push({
            rule: "snapshot/checksum",
            level: "error",
            message: `no file of the restored snapshot is under ${paths.join(", ")}`,
            fix: "name paths the restore step restored",
        });
    return findings;
}

;// CONCATENATED MODULE: ./src/commands/recover.ts



const command = {
    name: "recover",
    summary: "run a named recovery procedure from the config",
    usage: "integrity-guard recover NAME [--dry-run] [--allow-unsigned]",
    positionals: { name: "NAME", description: "a procedure under recovery: in the config" },
    description: 'Runs the steps of recovery.NAME in order: `restore: {set|snapshot, paths}` (a verified restore, exactly as the restore command does it, with its pre-restore snapshot and undo command), `run: "command"` (run by sh from the repository root; a non-zero exit fails the step), and `verify: true` (run check) or `verify: [paths]` (those paths must match the snapshot restored earlier). It stops at the first step that fails, says which, and exits 1. Every step is timed.',
    examples: ["integrity-guard recover meeting", "integrity-guard recover meeting --dry-run"],
    options: {
        "dry-run": { type: "boolean", short: "n", description: "show what the restore steps would change; run no command" },
        "allow-unsigned": { type: "boolean", description: "let restore steps use snapshots whose signature does not verify" },
    },
    async run(ctx) {
        const name = ctx.positionals[0];
        const procedures = ctx.loaded.config.recovery ?? {};
        const names = Object.keys(procedures);
        if (!name || ctx.positionals.length > 1 || !procedures[name]) {
            throw new errors/* ConfigError */.xL(name ? `recovery procedure ${JSON.stringify(name)} is not in ${ctx.loaded.path}` : "recover needs the name of a procedure", {
                fix: names.length
                    ? `use one of: ${names.join(", ")}`
                    : 'add recovery: { NAME: [ { restore: { set: hourly } }, { run: "..." }, { verify: true } ] } to the config',
            });
        }
        const steps = procedures[name];
        const t0 = process.hrtime.bigint();
        const reports = await runRecovery(steps, {
            git: ctx.git,
            config: ctx.loaded.config.snapshots,
            env: ctx.env,
            log: ctx.log,
            allowUnsigned: Boolean(ctx.options["allow-unsigned"]),
            dryRun: Boolean(ctx.options["dry-run"]),
            runCheck: async () => {
                const check = await commands/* verbs */.P.check.load();
                return (await check.run({ ...ctx, options: {}, positionals: [] })).findings;
            },
        });
        const total = Number(process.hrtime.bigint() - t0) / 1e6;
        const failed = reports.find((r) => !r.ok);
        const lines = reports.map((r) => `${r.ok ? "ok  " : "FAIL"} step ${r.index}/${steps.length} ${r.label} (${(r.ms / 1000).toFixed(2)} s): ${r.detail}`);
        for (let i = reports.length; i < steps.length; i++)
            lines.push(`skip step ${i + 1}/${steps.length}: not run because step ${failed.index} failed`);
        lines.push(failed
            ? `recovery ${name} FAILED at step ${failed.index} (${failed.label}) after ${(total / 1000).toFixed(2)} s`
            : `recovery ${name} completed in ${(total / 1000).toFixed(2)} s`);
        const findings = reports.flatMap((r) => r.findings);
        if (failed && findings.length === 0) {
            findings.push({
                rule: "recover/step-failed",
                level: "error",
                message: `recovery ${name} failed at step ${failed.index} (${failed.label}): ${failed.detail}`,
                fix: "fix the cause and run the procedure again; restores already done print their undo command above",
            });
        }
        return {
            findings,
            text: lines.join("\n"),
            json: {
                recovery: {
                    name,
                    ok: !failed,
                    failed_step: failed?.index ?? null,
                    total_ms: Math.round(total),
                    steps: reports.map((r) => ({ index: r.index, kind: r.kind, label: r.label, ok: r.ok, ms: Math.round(r.ms), detail: r.detail })),
                },
            },
            summary: { recovery_ms: Math.round(total), failed_step: failed?.index ?? null },
            exitCode: failed ? 1 : 0,
        };
    },
};


/***/ })

};
