export const id = 399;
export const ids = [399];
export const modules = {

/***/ 7399:
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
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/config/load.ts + 3 modules
var load = __webpack_require__(5676);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
;// CONCATENATED MODULE: ./src/core/starter-config.ts
/**
 * The commented starter `.integrity-guard/config.yml` that `init` writes. Only keys that
 * schemas/config.schema.json accepts are active; the rest are comments showing the shape.
 * test/integration/init-config.test.ts validates it with the real config loader.
 */
/** The starter config text. */
function starterConfig() {
    return `# integrity-guard configuration (the README describes every key; \`integrity-guard --help\`).
# Checked against schemas/config.schema.json; unknown keys are errors (a typo never turns a check off).
version: 1

validate:
  # Files that must parse (strict JSON per RFC 8259; YAML). This is also the default.
  files: ["**/*.json", "**/*.yaml", "**/*.yml"]
  # Never checked (node_modules/** and .git/** never are, whatever this says).
  exclude: []
  # JSON files in which comments and trailing commas are allowed (JSON with comments).
  jsonc: ["**/tsconfig*.json", "**/jsconfig*.json", ".vscode/**", ".devcontainer/**"]
  # Map files to JSON Schemas (draft-07, 2019-09, 2020-12); a file's own "$schema" (a local
  # path) maps it too. Errors are reported at the offending value's line and column.
  # schemas:
  #   - files: ["data/**/*.json"]
  #     schema: schemas/data.schema.json
  # Files that must have a schema; one without any is reported as schema/missing.
  # require_schema: ["data/**/*.json"]

# Files sealed by \`integrity-guard seal\` (SHA-256 manifest in .integrity-guard/manifest.json).
# manifest:
#   include: ["data/**"]
#   exclude: ["**/*.tmp"]

# Config files checked together for conflicting keys; in precedence the last file wins.
# config:
#   files: ["config/*.yaml"]
#   precedence: ["config/system.yaml", "config/local.yaml"]

# Declared field mappings between state files (target field: source field).
# sync:
#   - source: { file: logs/contract_statuses.json, path: /contracts }
#     target: { file: fsm_state.json, path: /states }
#     fields: { status: status, progress_percentage: progress }

# Signed snapshot backups on an orphan branch (see \`integrity-guard snapshot --help\`).
# snapshots:
#   branch: integrity-snapshots
#   sign: { format: ssh, key: env:INTEGRITY_GUARD_SIGNING_KEY, allowed_signers: .integrity-guard/allowed_signers }
#   sets:
#     hourly: { paths: ["data/"], keep: 24 }
`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/io/atomic.ts
var atomic = __webpack_require__(3059);
;// CONCATENATED MODULE: ./src/core/hook-script.ts
/**
 * The text of the pre-commit hooks `init` installs. Pure: strings in, strings out. The files in
 * hooks/ are copies of these (test/integration/init-hook-files.test.ts keeps them equal), so
 * the bundle never has to find hooks/ on disk (it may run from a private IG_DIST or a global
 * install).
 *
 * Both hooks resolve the tool the same way: the repository's own copy
 * (node_modules/.bin/integrity-guard: the version the project pinned) first, then one on PATH;
 * with neither they fail closed, because a missing tool must not let corruption through
 * silently. Git runs pre-commit hooks in the top folder of the work tree, so the relative
 * node_modules path is right for every `git -C` / subfolder invocation.
 */
/** Marks a plain git hook file as ours (so init can update it and never chain it to itself). */
const HOOK_MARKER = "# integrity-guard-hook:";
/** First and last lines of our block inside a husky file. */
const HUSKY_BEGIN = "# >>> integrity-guard >>>";
const HUSKY_END = "# <<< integrity-guard <<<";
/** Bumped when the hook text changes, so init rewrites old copies. */
const HOOK_VERSION = 1;
/** Name the pre-existing hook is moved to when ours takes its place; ours runs it first. */
const CHAINED_SUFFIX = ".local";
/**
 * The shell lines that find integrity-guard, run `check --staged`, and on failure print how to
 * bypass. `sh -e` safe (husky runs its files with `sh -e`): failing tests sit in `if`/`||`.
 */
function checkBlock() {
    return `ig_bin=integrity-guard
if [ -x node_modules/.bin/integrity-guard ]; then
  ig_bin=node_modules/.bin/integrity-guard
elif ! command -v integrity-guard >/dev/null 2>&1; then
  echo "integrity-guard: commit blocked: the pre-commit hook is installed but integrity-guard is not." >&2
  echo "  fix: npm install --save-dev integrity-guard   (or install it globally so it is on PATH)" >&2
  echo "  bypass once, at your own risk: git commit --no-verify" >&2
  exit 1
fi
"$ig_bin" check --staged || {
  ig_status=$?
  if [ "$ig_status" -eq 1 ]; then
    echo "integrity-guard: commit blocked by the findings above; bypass once, at your own risk: git commit --no-verify" >&2
  else
    echo "integrity-guard: commit blocked: the check could not run (exit $ig_status); see the message above." >&2
    echo "  bypass once, at your own risk: git commit --no-verify" >&2
  fi
  exit "$ig_status"
}
`;
}
/** The whole plain git hook (`.git/hooks/pre-commit` or the core.hooksPath folder). */
function gitHookScript() {
    return `#!/bin/sh
# integrity-guard pre-commit hook, written by \`integrity-guard init\`.
# Blocks a commit when a staged JSON/YAML file is corrupt or breaks its JSON Schema; the check
# reads the staged content (the git index), not the working tree.
# Bypass once, at your own risk: git commit --no-verify
${HOOK_MARKER} v${HOOK_VERSION}

# A pre-commit hook that was here before integrity-guard was installed runs first.
ig_chained="$(dirname "$0")/pre-commit${CHAINED_SUFFIX}"
if [ -x "$ig_chained" ]; then
  "$ig_chained" "$@" || exit $?
fi

${checkBlock()}exit 0
`;
}
/** Our block inside `.husky/pre-commit` (between the markers, so init can find and update it). */
function huskyBlock() {
    return `${HUSKY_BEGIN} v${HOOK_VERSION} (written by \`integrity-guard init\`; bypass once: git commit --no-verify)
${checkBlock()}${HUSKY_END}
`;
}
/** A new `.husky/pre-commit` holding only our block (the shebang serves husky 8, which execs it). */
function huskyFile() {
    return `#!/usr/bin/env sh\n${huskyBlock()}`;
}
/** True when a hook file's text was written by integrity-guard (any version). */
function isOurGitHook(text) {
    return text.includes(HOOK_MARKER);
}
/**
 * Put our block into an existing husky file: replace an older copy between the markers, leave
 * the file alone when it already calls `integrity-guard check` by hand, else append.
 * Returns the new text and what happened.
 */
function mergeHuskyFile(existing) {
    const begin = existing.indexOf(HUSKY_BEGIN);
    if (begin >= 0) {
        const endAt = existing.indexOf(HUSKY_END, begin);
        if (endAt >= 0) {
            let end = endAt + HUSKY_END.length;
            if (existing[end] === "\n")
                end += 1;
            const text = existing.slice(0, begin) + huskyBlock() + existing.slice(end);
            return text === existing ? { text, action: "unchanged" } : { text, action: "updated" };
        }
    }
    // A hand-written line such as `npx --no-install integrity-guard check --staged`.
    if (/^[^#\n]*\bintegrity-guard\b[^\n]*\bcheck\b/m.test(existing))
        return { text: existing, action: "present" };
    const sep = existing === "" || existing.endsWith("\n") ? "" : "\n";
    return { text: existing + sep + (existing === "" ? "" : "\n") + huskyBlock(), action: "appended" };
}

// EXTERNAL MODULE: ./src/io/paths.ts
var paths = __webpack_require__(7336);
;// CONCATENATED MODULE: ./src/io/hook-install.ts
/**
 * Installing the pre-commit hook: decide where it goes (husky, a core.hooksPath folder, or the
 * repository's hooks folder), plan the change without touching anything (for --dry-run), then
 * apply it. Never destroys a hook: one that is not ours is moved to `pre-commit.local` and
 * run first by ours; running the install twice changes nothing.
 */






const HUSKY_DIR = ".husky";
/** Work out where and how the hook goes. Reads only; throws UsageError when it must not proceed. */
async function planHookInstall(git) {
    const root = git.root;
    const setting = await git.hooksPathSetting();
    const husky = external_node_path_default().join(root, HUSKY_DIR);
    const hooksDir = await git.hooksDir();
    const repoScoped = setting === undefined || ["local", "worktree", "command"].includes(setting.scope);
    const huskyActive = setting !== undefined && repoScoped && (hooksDir === husky || hooksDir === external_node_path_default().join(husky, "_"));
    const huskyPresent = isDir(husky) || usesHuskyPackage(root);
    if (huskyActive)
        return planHusky(root, []);
    if (setting !== undefined && repoScoped)
        return planGitHook(root, hooksDir, [`core.hooksPath is ${JSON.stringify(setting.value)}: installing there.`]);
    if (huskyPresent) {
        const why = isDir(husky) ? `${HUSKY_DIR}/ exists` : "package.json lists husky";
        return planHusky(root, [
            `${why}, but husky is not active in this clone (core.hooksPath is not ${HUSKY_DIR}/_): run \`npx husky\` (or \`npm install\`, whose prepare script runs it) so git runs ${HUSKY_DIR}/pre-commit.`,
        ]);
    }
    if (setting !== undefined) {
        throw new errors/* UsageError */.eb(`core.hooksPath is set in your ${setting.scope} git config to ${JSON.stringify(setting.value)}: installing the hook there would make it run in every repository`, {
            fix: `add \`integrity-guard check --staged\` to the pre-commit hook in ${setting.value} yourself, or give this repository its own hooks folder (git config core.hooksPath .githooks) and run init again`,
        });
    }
    return planGitHook(root, hooksDir, []);
}
/** Carry out a plan made by planHookInstall. */
async function applyHookPlan(plan) {
    if (plan.action === "unchanged")
        return;
    try {
        await external_node_fs_default().promises.mkdir(external_node_path_default().dirname(plan.file), { recursive: true });
    }
    catch (error) {
        throw new errors/* EnvironmentError */.eG(`could not create the hooks folder ${external_node_path_default().dirname(plan.file)}: ${error.message}`, {
            fix: "check that the folder is writable (or that core.hooksPath names a folder you own)",
        });
    }
    if (plan.chain) {
        // Never overwrite a file while moving the old hook aside (planned absent, re-checked here).
        if (external_node_fs_default().existsSync(plan.chain.to))
            throw new errors/* UsageError */.eb(`${plan.chain.to} appeared while installing; nothing was changed`);
        try {
            await external_node_fs_default().promises.rename(plan.chain.from, plan.chain.to);
        }
        catch (error) {
            throw new errors/* EnvironmentError */.eG(`could not move the existing hook ${plan.chain.from} to ${plan.chain.to}: ${error.message}`, {
                fix: "check the permissions of the hooks folder; nothing was changed",
            });
        }
    }
    if (plan.content !== undefined)
        await (0,atomic/* writeFileAtomic */.Z)(plan.file, plan.content, { mode: 0o755 });
    // Husky 9 runs its files with `sh -e`, but husky 8 and git exec them: they must be executable.
    const mode = external_node_fs_default().statSync(plan.file).mode & 0o7777;
    if ((mode & 0o111) !== 0o111) {
        await external_node_fs_default().promises.chmod(plan.file, mode | 0o111).catch((error) => {
            throw new errors/* EnvironmentError */.eG(`could not make ${plan.file} executable: ${error.message}`, { fix: `chmod +x ${plan.file}` });
        });
    }
}
/** A one-line description of a plan for people. */
function describeHookPlan(root, plan, dryRun) {
    const rel = display(root, plan.file);
    const verb = (done, would) => (dryRun ? would : done);
    const lines = [];
    switch (plan.action) {
        case "created":
            lines.push(`${verb("created", "would create")} the ${plan.mode === "husky" ? "husky" : "git"} pre-commit hook ${rel}`);
            break;
        case "updated":
            lines.push(`${verb("updated", "would update")} the integrity-guard pre-commit hook in ${rel}`);
            break;
        case "appended":
            lines.push(`${verb("added", "would add")} integrity-guard to the existing husky hook ${rel} (your lines run first)`);
            break;
        case "chained":
            lines.push(`${verb("moved", "would move")} your existing pre-commit hook to ${display(root, plan.chain.to)} and ${verb("installed", "install")} ${rel}, which runs it first, then integrity-guard`);
            break;
        case "unchanged":
            lines.push(`the pre-commit hook ${rel} already runs integrity-guard: unchanged`);
            break;
    }
    return [...lines, ...plan.notes];
}
function planHusky(root, notes) {
    const file = external_node_path_default().join(root, HUSKY_DIR, "pre-commit");
    const existing = readText(file);
    if (existing === undefined)
        return { mode: "husky", file, action: "created", content: huskyFile(), notes };
    const merged = mergeHuskyFile(existing);
    const executable = isExecutable(file);
    if (merged.action === "present" || merged.action === "unchanged") {
        if (merged.action === "present")
            notes.push(`${display(root, file)} already calls integrity-guard by hand; left as it is.`);
        return { mode: "husky", file, action: executable ? "unchanged" : "updated", notes };
    }
    return { mode: "husky", file, action: merged.action, content: merged.text, notes };
}
function planGitHook(root, dir, notes) {
    const file = external_node_path_default().join(dir, "pre-commit");
    const script = gitHookScript();
    let stat;
    try {
        stat = external_node_fs_default().lstatSync(file);
    }
    catch {
        return { mode: "git", file, action: "created", content: script, notes };
    }
    if (stat.isDirectory()) {
        throw new errors/* UsageError */.eb(`${display(root, file)} is a folder, not a hook file`, { fix: "move it away, then run init again" });
    }
    const text = readText(file) ?? "";
    if (isOurGitHook(text)) {
        // A symlink to our shipped script (hooks/pre-commit) is kept: the link is the user's choice.
        if (stat.isSymbolicLink() || (text === script && isExecutable(file)))
            return { mode: "git", file, action: "unchanged", notes };
        return { mode: "git", file, action: "updated", content: script, notes };
    }
    const to = file + CHAINED_SUFFIX;
    if (external_node_fs_default().existsSync(to) || isSymlink(to)) {
        throw new errors/* UsageError */.eb(`${display(root, file)} is a pre-commit hook integrity-guard did not write, and ${display(root, to)} exists too`, {
            fix: `merge the two into ${display(root, to)} (ours runs it first), remove ${display(root, file)}, and run init again; or add \`integrity-guard check --staged\` to your hook by hand`,
        });
    }
    notes.push(`your previous hook is kept in ${display(root, to)} and still runs on every commit; if it fails, the commit is blocked as before.`);
    if (!isExecutable(file))
        notes.push(`${display(root, to)} is not executable, so git was not running it, and it still will not run (chmod +x to enable it).`);
    return { mode: "git", file, action: "chained", content: script, chain: { from: file, to }, notes };
}
/** Whether package.json names husky as a dependency (husky may not have been set up yet). */
function usesHuskyPackage(root) {
    const text = readText(external_node_path_default().join(root, "package.json"));
    if (text === undefined)
        return false;
    try {
        const pkg = JSON.parse(text);
        const spec = ["dependencies", "devDependencies"]
            .map((k) => pkg[k])
            .map((deps) => (typeof deps === "object" && deps !== null ? deps.husky : undefined))
            .find((v) => v !== undefined);
        if (spec === undefined)
            return false;
        // husky 4 and older install their own scripts in .git/hooks and never read .husky/:
        // those repositories get the plain hook, which chains husky's.
        const legacy = (typeof pkg.husky === "object" && pkg.husky !== null) || (typeof spec === "string" && /^[\^~=v]*[0-4]\./.test(spec.trim()));
        return !legacy;
    }
    catch {
        return false; // a broken package.json is for `check` to report, not for the installer
    }
}
function readText(file) {
    try {
        return external_node_fs_default().readFileSync(file, "utf8");
    }
    catch {
        return undefined;
    }
}
function isDir(p) {
    try {
        return external_node_fs_default().statSync(p).isDirectory();
    }
    catch {
        return false;
    }
}
function isSymlink(p) {
    try {
        return external_node_fs_default().lstatSync(p).isSymbolicLink();
    }
    catch {
        return false;
    }
}
/** Whether git may run the file (the same access test git makes before running a hook). */
function isExecutable(file) {
    try {
        external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}
/** Repo-relative when inside the repository, else absolute. */
function display(root, abs) {
    const rel = (0,paths/* toRepoPath */.xD)(root, abs);
    return rel.startsWith("..") ? abs : rel;
}

// EXTERNAL MODULE: ./src/io/lock.ts
var lock = __webpack_require__(7161);
;// CONCATENATED MODULE: ./src/commands/init.ts
/**
 * `integrity-guard init`: write a starter `.integrity-guard/config.yml` and install the
 * pre-commit hook (husky, a core.hooksPath folder, or the repository's hooks folder); with
 * --workflows also the GitHub workflows. Everything is planned and checked before the first
 * write, so a refusal leaves the repository as it was.
 */










const command = {
    name: "init",
    summary: "write a starter config and install the pre-commit hook (and, with --workflows, the GitHub workflows)",
    usage: "integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--dry-run]",
    description: `
Writes .integrity-guard/config.yml (a commented starter: every JSON/YAML file must parse) and
installs a pre-commit hook that runs \`integrity-guard check --staged\`, which checks what is
staged in the git index, so \`git commit\` is blocked when a staged JSON or YAML file is corrupt
or breaks its JSON Schema. The message names file:line:column; bypass once with
\`git commit --no-verify\`.

Where the hook goes: into .husky/pre-commit when the repository uses husky (a .husky/ folder,
husky in package.json, or core.hooksPath pointing at .husky/_); else into the folder git runs
hooks from (core.hooksPath when this repository sets it, else .git/hooks). An existing
pre-commit hook that integrity-guard did not write is moved to pre-commit.local and runs first.
The hook runs the repository's own node_modules/.bin/integrity-guard, else the one on PATH, and
blocks the commit when neither exists. Running init again changes nothing.

An existing config is never overwritten unless --force is given; the old one is then kept
beside it as config.yml.<time>.bak.`,
    examples: [
        "npx integrity-guard init                 # starter config + pre-commit hook",
        "npx integrity-guard init --hook-only     # another clone of a repository that has a config",
        "npx integrity-guard init --dry-run       # show what would be written",
        "npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)",
    ],
    options: {
        force: { type: "boolean", description: "replace an existing config (the old one is kept as a .bak) and existing workflow files" },
        "no-hook": { type: "boolean", description: "write the config only; do not install the pre-commit hook" },
        "hook-only": { type: "boolean", description: "install the pre-commit hook only; leave the config alone" },
        workflows: { type: "boolean", description: "also write the GitHub workflows (.github/workflows/)" },
        "dry-run": { type: "boolean", description: "print what would be written, change nothing" },
    },
    run: runInit,
};
async function runInit(ctx) {
    const opts = readOptions(ctx.options);
    if (opts.dryRun)
        return initOnce(ctx, opts);
    // Two inits at once (an editor's terminal and a prepare script) must not both move a hook
    // aside: the second waits, then finds the first one's work and changes nothing.
    return (0,lock/* withLock */.k)(external_node_path_default().join(ctx.git.stateDir(), "init.lock"), () => initOnce(ctx, opts));
}
async function initOnce(ctx, opts) {
    // Plan everything first: a refusal must come before the first write.
    const configPlan = opts.config ? planConfig(ctx.root, opts.force) : undefined;
    const hookPlan = opts.hook ? await planHookInstall(ctx.git) : undefined;
    // The workflows follow the config being written (or the existing one). A dry run of the
    // install first, so that its refusal (existing files, no --force) also precedes any write.
    const workflowConfig = opts.workflows ? configForWorkflows(ctx.root, configPlan) : undefined;
    const { installWorkflows } = opts.workflows ? await __webpack_require__.e(/* import() */ 886).then(__webpack_require__.bind(__webpack_require__, 2886)) : { installWorkflows: undefined };
    const preview = workflowConfig && installWorkflows ? await installWorkflows(ctx.root, workflowConfig, { force: opts.force, dryRun: true }) : undefined;
    const done = [];
    const shown = [];
    if (configPlan)
        done.push(describeConfigPlan(ctx.root, configPlan, opts.dryRun));
    if (hookPlan)
        done.push(...describeHookPlan(ctx.root, hookPlan, opts.dryRun));
    let workflows;
    if (opts.dryRun) {
        if (configPlan && configPlan.action !== "unchanged")
            shown.push(showFile(ctx.root, configPlan.file, configPlan.content));
        if (hookPlan?.content !== undefined)
            shown.push(showFile(ctx.root, hookPlan.file, hookPlan.content));
        if (preview)
            done.push(...preview.written.map((f) => `would write ${f}`), ...preview.notes);
    }
    else {
        if (configPlan)
            await applyConfigPlan(configPlan);
        if (hookPlan)
            await applyHookPlan(hookPlan);
        if (workflowConfig && installWorkflows) {
            workflows = await installWorkflows(ctx.root, workflowConfig, { force: opts.force });
            done.push(...workflows.written.map((f) => `wrote ${f}`), ...workflows.notes);
        }
    }
    const warnings = hookPlan ? toolWarnings(ctx.root, ctx.env) : [];
    const next = nextSteps(configPlan, hookPlan, ctx.git.commonDir);
    const text = [
        ...(opts.dryRun ? ["dry run: nothing was written."] : []),
        ...done.map((l) => `- ${l}`),
        ...shown,
        ...warnings.map((w) => `warning: ${w}`),
        ...(next.length && !opts.dryRun ? ["", "Next steps:", ...next.map((n, i) => `  ${i + 1}. ${n}`)] : []),
    ].join("\n");
    return {
        findings: [],
        text,
        json: {
            version: 1,
            dryRun: opts.dryRun,
            config: configPlan
                ? {
                    path: (0,paths/* toRepoPath */.xD)(ctx.root, configPlan.file),
                    action: configPlan.action,
                    backup: configPlan.backup && (0,paths/* toRepoPath */.xD)(ctx.root, configPlan.backup),
                }
                : null,
            hook: hookPlan
                ? {
                    mode: hookPlan.mode,
                    path: displayPath(ctx.root, hookPlan.file),
                    action: hookPlan.action,
                    chainedTo: hookPlan.chain ? displayPath(ctx.root, hookPlan.chain.to) : null,
                    notes: hookPlan.notes,
                }
                : null,
            workflows: workflows ?? null,
            warnings,
            next,
        },
    };
}
function readOptions(o) {
    const noHook = o["no-hook"] === true;
    const hookOnly = o["hook-only"] === true;
    if (noHook && hookOnly) {
        throw new errors/* UsageError */.eb("init: --no-hook and --hook-only contradict each other", { fix: "give at most one of them" });
    }
    return { force: o.force === true, config: !hookOnly, hook: !noHook, workflows: o.workflows === true, dryRun: o["dry-run"] === true };
}
function planConfig(root, force) {
    const file = (0,paths/* resolveInside */.LI)(root, types/* CONFIG_PATH */.tF, { what: "config path" });
    const content = starterConfig();
    let existing;
    try {
        existing = external_node_fs_default().readFileSync(file, "utf8");
    }
    catch (error) {
        if (error.code !== "ENOENT") {
            throw new errors/* UsageError */.eb(`cannot read the existing ${types/* CONFIG_PATH */.tF}: ${error.message}`, { fix: "check the file's permissions" });
        }
    }
    if (existing === undefined)
        return { file, action: "created", content };
    if (existing === content)
        return { file, action: "unchanged", content };
    if (!force) {
        throw new errors/* UsageError */.eb(`${types/* CONFIG_PATH */.tF} already exists; init does not overwrite it`, {
            fix: "run `integrity-guard init --hook-only` to install only the hook, or `integrity-guard init --force` to replace the config with the starter (the old one is kept as a .bak)",
        });
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    return { file, action: "replaced", content, backup: `${file}.${stamp}.bak` };
}
/** The config the workflows are generated from: the one init is about to write, else the existing one. */
function configForWorkflows(root, plan) {
    if (!plan)
        return (0,load/* loadConfig */.Z)(root).config;
    const { config, findings } = (0,load/* validateConfigText */.I)(plan.content, types/* CONFIG_PATH */.tF);
    if (!config)
        throw new Error(`the starter config does not validate: ${findings.map((f) => f.message).join("; ")}`); // a bug, not a user error
    return config;
}
async function applyConfigPlan(plan) {
    if (plan.action === "unchanged")
        return;
    try {
        await external_node_fs_default().promises.mkdir(external_node_path_default().dirname(plan.file), { recursive: true });
        // Durable (fsynced) before the config is replaced: a crash in between loses nothing.
        if (plan.backup)
            await (0,atomic/* writeFileAtomic */.Z)(plan.backup, await external_node_fs_default().promises.readFile(plan.file));
    }
    catch (error) {
        throw new errors/* EnvironmentError */.eG(`could not prepare ${types/* CONFIG_PATH */.tF}: ${error.message}`, {
            fix: "check that .integrity-guard/ is writable; the existing config was not changed",
        });
    }
    await (0,atomic/* writeFileAtomic */.Z)(plan.file, plan.content);
}
function describeConfigPlan(root, plan, dryRun) {
    const rel = (0,paths/* toRepoPath */.xD)(root, plan.file);
    switch (plan.action) {
        case "created":
            return `${dryRun ? "would write" : "wrote"} the starter config ${rel}`;
        case "replaced":
            return `${dryRun ? "would replace" : "replaced"} ${rel} with the starter config (the old one ${dryRun ? "would be" : "is"} kept as ${(0,paths/* toRepoPath */.xD)(root, plan.backup)})`;
        case "unchanged":
            return `${rel} is already the starter config: unchanged`;
    }
}
/** Repo-relative when inside the repository (core.hooksPath may point outside), else absolute. */
function displayPath(root, file) {
    const rel = (0,paths/* toRepoPath */.xD)(root, file);
    return rel.startsWith("..") ? file : rel;
}
function showFile(root, file, content) {
    return `\n${displayPath(root, file)}:\n${content.replace(/\n$/, "").replace(/^/gm, "  | ")}`;
}
/** Warn when the hook will find no integrity-guard to run (it then blocks every commit). */
function toolWarnings(root, env) {
    if (external_node_fs_default().existsSync(external_node_path_default().join(root, "node_modules/.bin/integrity-guard")))
        return [];
    const onPath = (env.PATH ?? "").split((external_node_path_default()).delimiter).some((dir) => dir !== "" && init_isExecutable(external_node_path_default().join(dir, "integrity-guard")));
    if (onPath)
        return [];
    return [
        "integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard",
    ];
}
function nextSteps(config, hook, gitDir) {
    const steps = [];
    if (config && config.action !== "unchanged") {
        steps.push(`map your JSON/YAML files to JSON Schemas in ${types/* CONFIG_PATH */.tF} (validate.schemas), then commit it`);
    }
    steps.push("check the whole tree once: npx integrity-guard check");
    if (hook) {
        steps.push("from now on `git commit` checks the staged JSON/YAML; to bypass once, at your own risk: git commit --no-verify");
        if (hook.mode === "git" && hook.file.startsWith(gitDir + (external_node_path_default()).sep)) {
            steps.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)");
        }
    }
    return steps;
}
function init_isExecutable(file) {
    try {
        external_node_fs_default().accessSync(file, (external_node_fs_default()).constants.X_OK);
        return external_node_fs_default().statSync(file).isFile();
    }
    catch {
        return false;
    }
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
