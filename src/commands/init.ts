/**
 * `integrity-guard init`: write a starter `.integrity-guard/config.yml` and install the
 * pre-commit hook (husky, a core.hooksPath folder, or the repository's hooks folder); with
 * --workflows also the GitHub workflows. Everything is planned and checked before the first
 * write, so a refusal leaves the repository as it was.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config/load.js";
import type { LoadedConfig } from "../config/types.js";
import { BASELINE_PATH } from "../core/baseline.js";
import { summarize, type Finding } from "../core/finding.js";
import { rankForDisplay } from "../report/rank.js";
import { validateConfigText } from "../config/validate-text.js";
import { CONFIG_PATH, type Config } from "../config/types.js";
import { starterConfig } from "../core/starter-config.js";
import { EnvironmentError, UsageError } from "../errors.js";
import { writeFileAtomic } from "../io/atomic.js";
import { applyHookPlans, describeHookPlan, planHookInstall, type HookPlan } from "../io/hook-install.js";
import { hookStatuses } from "../io/hook-status.js";
import { withLock } from "../io/lock.js";
import { resolveInside, toRepoPath } from "../io/paths.js";
import { skippedBlobAt } from "../io/skip-worktree.js";
import type { Git } from "../io/git.js";
import type { CommandContext, CommandResult, CommandSpec, OptionValue } from "./types.js";

interface InitOptions {
  force: boolean;
  config: boolean;
  hook: boolean;
  workflows: boolean;
  dryRun: boolean;
  baseline: boolean;
}

/** What writing the config will do. */
interface ConfigPlan {
  file: string;
  /** kept: another config exists and --force was not given (left exactly as it is). */
  action: "created" | "replaced" | "unchanged" | "kept";
  content: string;
  /** Where the old config is copied before it is replaced (--force). */
  backup?: string;
  /** kept: the committed config, which a sparse checkout leaves out of the work tree (read from the index). */
  outsideCone?: boolean;
}

export const command: CommandSpec = {
  name: "init",
  usage: "integrity-guard init [--force] [--no-hook | --hook-only] [--workflows] [--baseline] [--dry-run]",
  description: `
Writes .integrity-guard/config.yml (a commented starter: every JSON/YAML file must parse) and
installs a pre-commit hook that runs \`integrity-guard check --staged\`, which checks what is
staged in the git index, so \`git commit\` is blocked when a staged JSON or YAML file is corrupt
or breaks its JSON Schema. The message names file:line:column; bypass once with
\`git commit --no-verify\`. The same check is installed as the pre-merge-commit hook, which
\`git merge\` runs instead of pre-commit for a merge that needed no conflict resolution, and as
a prepare-commit-msg hook that checks only the step \`git rebase --continue\` commits after a
conflict (git commits it with -n, so pre-commit does not run; a blocked step stays stopped).

Where the hook goes: into .husky/pre-commit when the repository uses husky (a .husky/ folder,
husky in package.json, or core.hooksPath pointing at .husky/_); else into the folder git runs
hooks from (core.hooksPath when this repository sets it, else .git/hooks). An existing
pre-commit hook that integrity-guard did not write is moved to pre-commit.local and runs first
(one written by lefthook, simple-git-hooks or the pre-commit framework, which would drop ours on
their next install, is not: init stops and says what to add to their config).
The hook runs the repository's own node_modules/.bin/integrity-guard, else the one on PATH, and
blocks the commit when neither exists. Running init again changes nothing.

On a repository that has a config already (another clone of a team's repository), init
leaves the config alone and installs what is missing: the hook, and with --workflows the
workflows (an existing workflow that differs is kept, with a warning). It exits 0, so every
teammate can run it. --force replaces the config with the starter (the old one is kept beside
it as config.yml.<time>.bak) and overwrites differing workflows.

After writing the config, init checks the whole working tree once (as CI's
\`integrity-guard check\` will) and says how many files already fail, with the worst few. They
are not exempted unless you ask: --baseline records them in ${BASELINE_PATH} (next to the
config; commit it), so CI passes while each stays exactly as it is, reported as a notice. Any
edit of such a file, and any other broken file, still fails. See \`integrity-guard baseline --help\`.`,
  examples: [
    "npx integrity-guard init                 # starter config + pre-commit hook",
    "npx integrity-guard init                 # another clone of a repository that has a config: the hook only",
    "npx integrity-guard init --dry-run       # show what would be written",
    "npx integrity-guard init --workflows     # also the GitHub workflows (check, snapshots, restore)",
    "npx integrity-guard init --baseline      # adopt a repository with broken fixtures: record them as known broken",
  ],
  options: {
    force: { type: "boolean", description: "replace an existing config (the old one is kept as a .bak) and workflow files that differ" },
    "no-hook": { type: "boolean", description: "write the config only; do not install the pre-commit hook" },
    "hook-only": { type: "boolean", description: "install the pre-commit hook only; leave the config alone" },
    workflows: { type: "boolean", description: "also write the GitHub workflows (.github/workflows/)" },
    "dry-run": { type: "boolean", description: "print what would be written, change nothing" },
    baseline: {
      type: "boolean",
      description: `record the files that fail the whole-tree check now in ${BASELINE_PATH} (each exempt only while unchanged)`,
    },
  },
  run: runInit,
};

async function runInit(ctx: CommandContext): Promise<CommandResult> {
  const opts = readOptions(ctx.options);
  if (opts.dryRun) return initOnce(ctx, opts);
  // Two inits at once (an editor's terminal and a prepare script) must not both move a hook
  // aside: the second waits, then finds the first one's work and changes nothing.
  return withLock(path.join(ctx.git.stateDir(), "init.lock"), () => initOnce(ctx, opts));
}

async function initOnce(ctx: CommandContext, opts: InitOptions): Promise<CommandResult> {
  // Plan everything first: a refusal must come before the first write.
  // A sparse checkout that leaves the committed config out: absent on disk, yet the repository's.
  const indexCopy = opts.config ? await skippedBlobAt(ctx.git, CONFIG_PATH) : undefined;
  const configPlan = opts.config ? planConfig(ctx.root, opts.force, await ctx.git.lsWorktree(), indexCopy) : undefined;
  const hookPlan = opts.hook ? await planHookInstall(ctx.git) : undefined;
  // git merge commits a conflict-free merge without running pre-commit (hook-script.ts, GitHookName).
  const mergePlan = opts.hook ? await planHookInstall(ctx.git, "pre-merge-commit") : undefined;
  // git rebase --continue commits a resolved step with `git commit -n`: only prepare-commit-msg runs.
  const rebasePlan = opts.hook ? await planHookInstall(ctx.git, "prepare-commit-msg") : undefined;
  // The workflows follow the config being written (or the existing one). A dry run of the
  // install first, so that its refusal (existing files, no --force) also precedes any write.
  const workflowConfig = opts.workflows ? await configForWorkflows(ctx.root, configPlan, ctx.git) : undefined;
  const { installWorkflows } = opts.workflows ? await import("../io/workflows.js") : { installWorkflows: undefined };
  const preview =
    workflowConfig && installWorkflows ? await installWorkflows(ctx.root, workflowConfig, { force: opts.force, dryRun: true }) : undefined;
  const done: string[] = [];
  const shown: string[] = [];

  if (configPlan) done.push(describeConfigPlan(ctx.root, configPlan, opts.dryRun));
  if (hookPlan) done.push(...describeHookPlan(ctx.root, hookPlan, opts.dryRun));
  // Both plans carry the same notes on where hooks go (husky not active, core.hooksPath): once.
  if (mergePlan) done.push(...describeHookPlan(ctx.root, mergePlan, opts.dryRun).filter((l) => !done.includes(l)));
  if (rebasePlan) done.push(...describeHookPlan(ctx.root, rebasePlan, opts.dryRun).filter((l) => !done.includes(l)));
  let workflows: { written: string[]; notes: string[] } | undefined;

  if (opts.dryRun) {
    if (configPlan && (configPlan.action === "created" || configPlan.action === "replaced"))
      shown.push(showFile(ctx.root, configPlan.file, configPlan.content));
    if (hookPlan?.content !== undefined) shown.push(showFile(ctx.root, hookPlan.file, hookPlan.content));
    if (mergePlan?.content !== undefined) shown.push(showFile(ctx.root, mergePlan.file, mergePlan.content));
    if (rebasePlan?.content !== undefined) shown.push(showFile(ctx.root, rebasePlan.file, rebasePlan.content));
    if (preview) done.push(...preview.written.map((f) => `would write ${f}`), ...preview.notes);
  } else {
    if (configPlan) await applyConfigPlan(configPlan);
    // All three or none (hook-install.ts applyHookPlans): a full disk never leaves merges unchecked.
    await applyHookPlans([hookPlan, mergePlan, rebasePlan].filter((p): p is HookPlan => p !== undefined));
    if (workflowConfig && installWorkflows) {
      workflows = await installWorkflows(ctx.root, workflowConfig, { force: opts.force });
      done.push(...workflows.written.map((f) => `wrote ${f}`), ...workflows.notes);
    }
  }

  // After writing: does git now run what was installed? (husky 9 before 9.1.5 has no
  // .husky/_/pre-merge-commit; another tool may hold core.hooksPath.) Said, never fatal.
  const notRunning = hookPlan && !opts.dryRun ? await hooksNotRunning(ctx, hookPlan) : [];
  const tree = await checkTree(ctx, configPlan, opts);
  if (tree) done.push(...tree.lines);
  const warnings = [
    ...(hookPlan ? toolWarnings(ctx.root, ctx.env) : []),
    ...notRunning,
    ...keptConfigWarnings(configPlan),
    ...(tree?.warnings ?? []),
  ];
  const next = nextSteps(configPlan, hookPlan, ctx.git.commonDir, tree);
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
            path: toRepoPath(ctx.root, configPlan.file),
            action: configPlan.action,
            backup: configPlan.backup && toRepoPath(ctx.root, configPlan.backup),
          }
        : null,
      hook: hookPlan ? hookJson(ctx.root, hookPlan) : null,
      mergeHook: mergePlan ? hookJson(ctx.root, mergePlan) : null,
      rebaseHook: rebasePlan ? hookJson(ctx.root, rebasePlan) : null,
      workflows: workflows ?? null,
      check: tree?.json ?? null,
      warnings,
      next,
    },
  };
}

/** Warnings for installed hooks that git will not run; none when husky's own set-up is still to do (its note says so). */
async function hooksNotRunning(ctx: CommandContext, plan: HookPlan): Promise<string[]> {
  if (plan.mode === "husky" && plan.notes.some((n) => n.includes("husky is not active"))) return [];
  const statuses = await hookStatuses(ctx.git);
  return statuses
    .filter((s) => !s.runs && s.problem)
    .map((s) => `the ${s.hook} hook will not run: ${s.problem!.message}; fix: ${s.problem!.fix}`);
}

function hookJson(root: string, plan: HookPlan): Record<string, unknown> {
  return {
    mode: plan.mode,
    path: displayPath(root, plan.file),
    action: plan.action,
    chainedTo: plan.chain ? displayPath(root, plan.chain.to) : null,
    notes: plan.notes,
  };
}

function readOptions(o: Record<string, OptionValue>): InitOptions {
  const noHook = o["no-hook"] === true;
  const hookOnly = o["hook-only"] === true;
  if (noHook && hookOnly) {
    throw new UsageError("init: --no-hook and --hook-only contradict each other", { fix: "give at most one of them" });
  }
  return {
    force: o.force === true,
    config: !hookOnly,
    hook: !noHook,
    workflows: o.workflows === true,
    dryRun: o["dry-run"] === true,
    baseline: o.baseline === true,
  };
}

function planConfig(root: string, force: boolean, files: readonly string[], indexCopy?: Buffer): ConfigPlan {
  const file = resolveInside(root, CONFIG_PATH, { what: "config path" });
  const content = starterConfig(files); // config.layers when a layered layout is found
  let existing: string | undefined;
  try {
    existing = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new UsageError(`cannot read the existing ${CONFIG_PATH}: ${(error as Error).message}`, { fix: "check the file's permissions" });
    }
  }
  // Never a starter over the committed config that a sparse checkout left out (not even with
  // --force): git would show it modified, and the checks would run under the starter's defaults.
  if (existing === undefined && indexCopy) return { file, action: "kept", content: indexCopy.toString("utf8"), outsideCone: true };
  if (existing === undefined) return { file, action: "created", content };
  if (existing === content) return { file, action: "unchanged", content };
  // A team's repository: the config is theirs. Install what is missing, leave the config alone.
  if (!force) return { file, action: "kept", content: existing };
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return { file, action: "replaced", content, backup: `${file}.${stamp}.bak` };
}

/** The config the workflows are generated from: the one init is about to write, else the existing one. */
async function configForWorkflows(root: string, plan: ConfigPlan | undefined, git: Git): Promise<Config> {
  if (!plan || plan.action === "kept") return (await loadConfig(root, undefined, git)).config;
  const { config, findings } = validateConfigText(plan.content, CONFIG_PATH);
  if (!config) throw new Error(`the starter config does not validate: ${findings.map((f) => f.message).join("; ")}`); // a bug, not a user error
  return config;
}

async function applyConfigPlan(plan: ConfigPlan): Promise<void> {
  if (plan.action === "unchanged" || plan.action === "kept") return;
  try {
    await fs.promises.mkdir(path.dirname(plan.file), { recursive: true });
    // Durable (fsynced) before the config is replaced: a crash in between loses nothing.
    if (plan.backup) await writeFileAtomic(plan.backup, await fs.promises.readFile(plan.file));
  } catch (error) {
    throw new EnvironmentError(`could not prepare ${CONFIG_PATH}: ${(error as Error).message}`, {
      fix: "check that .integrity-guard/ is writable; the existing config was not changed",
    });
  }
  await writeFileAtomic(plan.file, plan.content);
}

function describeConfigPlan(root: string, plan: ConfigPlan, dryRun: boolean): string {
  const rel = toRepoPath(root, plan.file);
  switch (plan.action) {
    case "created":
      return `${dryRun ? "would write" : "wrote"} the starter config ${rel}`;
    case "replaced":
      return `${dryRun ? "would replace" : "replaced"} ${rel} with the starter config (the old one ${dryRun ? "would be" : "is"} kept as ${toRepoPath(root, plan.backup!)})`;
    case "unchanged":
      return `${rel} is already the starter config: unchanged`;
    case "kept":
      if (plan.outsideCone)
        return `${rel} is committed but outside this sparse checkout: left as it is (the checks read it from the git index; to edit it: git sparse-checkout add .integrity-guard)`;
      return `${rel} exists: left as it is (\`integrity-guard init --force\` replaces it with the starter, keeping the old one as a .bak)`;
  }
}

/** A kept config that does not validate: init leaves it, but says so (check and the hook stop on it). */
function keptConfigWarnings(plan: ConfigPlan | undefined): string[] {
  if (plan?.action !== "kept") return [];
  const { config, findings } = validateConfigText(plan.content, CONFIG_PATH);
  if (config) return [];
  const first = findings[0];
  return [
    `${CONFIG_PATH} does not validate${first ? ` (${first.line ? `line ${first.line}: ` : ""}${first.message})` : ""}; fix it, or replace it with the starter: integrity-guard init --force`,
  ];
}

/** Repo-relative when inside the repository (core.hooksPath may point outside), else absolute. */
function displayPath(root: string, file: string): string {
  const rel = toRepoPath(root, file);
  return rel.startsWith("..") ? file : rel;
}

function showFile(root: string, file: string, content: string): string {
  return `\n${displayPath(root, file)}:\n${content.replace(/\n$/, "").replace(/^/gm, "  | ")}`;
}

/** Warn when the hook will find no integrity-guard to run (it then blocks every commit). */
function toolWarnings(root: string, env: NodeJS.ProcessEnv): string[] {
  if (fs.existsSync(path.join(root, "node_modules/.bin/integrity-guard"))) return [];
  const onPath = (env.PATH ?? "").split(path.delimiter).some((dir) => dir !== "" && isExecutable(path.join(dir, "integrity-guard")));
  if (onPath) return [];
  return [
    "integrity-guard is neither in node_modules/.bin nor on PATH, so the hook will block every commit until it is installed: npm install --save-dev integrity-guard",
  ];
}

function nextSteps(config: ConfigPlan | undefined, hook: HookPlan | undefined, gitDir: string, tree: TreeCheck | undefined): string[] {
  const steps: string[] = [];
  if (config && (config.action === "created" || config.action === "replaced")) {
    steps.push(`map your JSON/YAML files to JSON Schemas in ${CONFIG_PATH} (validate.schemas), then commit it`);
  }
  if (tree?.recorded) steps.push(`review and commit ${BASELINE_PATH}; \`npx integrity-guard baseline\` lists what it exempts`);
  else if (tree && tree.failing > 0)
    steps.push(
      `fix the ${tree.failing} failing file(s), or record them as known broken (CI's check fails until then): npx integrity-guard baseline --update`,
    );
  if (!tree) steps.push("check the whole tree once: npx integrity-guard check");
  if (hook) {
    steps.push(
      "from now on `git commit` checks the staged JSON/YAML, and `git merge` the merge result; to bypass once, at your own risk: git commit --no-verify (git merge --no-verify)",
    );
    if (hook.mode === "git" && hook.file.startsWith(gitDir + path.sep)) {
      steps.push("hooks inside .git/ are not shared by git: each clone runs `npx integrity-guard init --hook-only` once (or use husky)");
    }
  }
  return steps;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What the whole-tree check after init found (and recorded, with --baseline). */
interface TreeCheck {
  lines: string[];
  warnings: string[];
  /** Files with an error (what fails `check` and, by default, the Action); warnings alone do not. */
  failing: number;
  recorded: boolean;
  json: Record<string, unknown>;
}

/** How many failing findings init names in its output: enough to see what kind of breakage it is. */
const WORST_SHOWN = 5;

/**
 * One whole-tree check under the config init wrote (or would write), so an adopter learns on
 * day one what CI's `check` will say; with --baseline the failures are recorded (recordBaseline).
 * Runs when init writes a new config or --baseline is given: a teammate's `init` on a configured
 * clone, or init run again, only installs what is missing, and stays fast.
 */
async function checkTree(ctx: CommandContext, plan: ConfigPlan | undefined, opts: InitOptions): Promise<TreeCheck | undefined> {
  const writesConfig = plan?.action === "created" || plan?.action === "replaced";
  if (!writesConfig && !opts.baseline) return undefined;
  let loaded: LoadedConfig;
  try {
    // Validated in memory (loadConfigText would write its cache under .git/: a dry run writes nothing).
    loaded = writesConfig ? starterLoaded(plan.content) : ctx.loaded;
  } catch (error) {
    const note = `the whole tree was not checked: the config does not load (${(error as Error).message})`;
    if (opts.baseline) throw error;
    return { lines: [], warnings: [note], failing: 0, recorded: false, json: { checked: false, reason: note } };
  }
  const { recordBaseline, describeRecorded } = await import("./baseline.js");
  const run = { ...ctx, loaded };
  // A dry run writes nothing at all, not even the compiled-schema cache under .git/.
  const r = await recordBaseline(run, { dryRun: opts.dryRun || !opts.baseline, noCache: opts.dryRun });
  // Without --baseline nothing is exempted: the failures as CI will see them.
  const shown = (opts.baseline ? r.findings : r.raw).filter((f) => f.level !== "notice");
  const counts = summarize(shown);
  const withFindings = new Set(shown.filter((f) => f.file).map((f) => f.file)).size;
  // Only errors fail `check` (exit 1) and the Action (fail-on: error, its default); a file with
  // warnings alone passes both, so it is not counted as failing.
  const failing = new Set(shown.filter((f) => f.file && f.level === "error").map((f) => f.file)).size;
  const worst = rankForDisplay(shown).slice(0, WORST_SHOWN);
  const lines: string[] = [];
  if (counts.errors + counts.warnings === 0 && (!opts.baseline || r.files === 0)) lines.push("checked the whole tree: every file passes");
  else if (!opts.baseline && counts.errors === 0) {
    lines.push(
      `checked the whole tree: no errors; ${withFindings} file(s) with warnings, which CI's \`integrity-guard check\` reports without failing (the Action fails on warnings only with fail-on: warning). The worst:`,
      ...worst.map((f) => `    ${where(f)} ${f.rule}: ${f.message}`),
    );
  } else if (!opts.baseline) {
    lines.push(
      `checked the whole tree: ${withFindings} file(s) fail now (${counts.errors} error(s), ${counts.warnings} warning(s)); CI's \`integrity-guard check\` will fail on them. The worst:`,
      ...worst.map((f) => `    ${where(f)} ${f.rule}: ${f.message}`),
      `  record them as known broken (each exempt only while unchanged): npx integrity-guard baseline --update, or npx integrity-guard init --baseline`,
    );
  } else {
    lines.push(...describeRecorded(r, opts.dryRun));
    if (counts.errors + counts.warnings > 0)
      lines.push(
        `${counts.errors} error(s), ${counts.warnings} warning(s) cannot be baselined (only parse/* and schema/* findings of one file can); they still fail:`,
        ...worst.map((f) => `    ${where(f)} ${f.rule}: ${f.message}`),
      );
  }
  return {
    lines,
    warnings: r.exitCode === 2 ? ["a check could not run on the whole tree: run `npx integrity-guard check` to see why"] : [],
    failing,
    recorded: opts.baseline && r.written,
    json: {
      checked: true,
      files: withFindings,
      errors: counts.errors,
      warnings: counts.warnings,
      worst: worst.map((f) => ({ rule: f.rule, file: f.file ?? null, line: f.line ?? null, message: f.message })),
      baseline: opts.baseline ? { path: BASELINE_PATH, files: r.files, findings: r.recorded, written: r.written } : null,
    },
  };
}

/** The config init writes (or would write), as loaded; throws when it does not validate (a bug, like configForWorkflows). */
function starterLoaded(content: string): LoadedConfig {
  const { config, findings } = validateConfigText(content, CONFIG_PATH);
  if (!config) throw new Error(`the starter config does not validate: ${findings.map((f) => f.message).join("; ")}`);
  return { config, path: CONFIG_PATH, exists: true };
}

function where(f: Finding): string {
  return f.file ? `${f.file}${f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : ""}` : "(repository)";
}
