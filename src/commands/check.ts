/**
 * `check`: run every registered check (validate, manifest, conflicts, sync) with one context.
 * `check --staged` is the pre-commit hook: it reads what will be committed from the git index
 * (honouring GIT_INDEX_FILE) and restricts per-file checks to the staged changes.
 */
import path from "node:path";
import { ConfigError } from "../errors.js";
import { loadConfigText } from "../config/load.js";
import { MANIFEST_PATH, type Config, type LoadedConfig } from "../config/types.js";
import { BASELINE_PATH } from "../core/baseline.js";
import { normalizeRepoPath } from "../core/schema/mapping.js";
import { gitObjectId } from "../io/git-object-id.js";
import { readRegularFileSync } from "../io/read-regular.js";
import { matcher } from "../core/glob.js";
import { WorktreeSource, type FileSource } from "../io/file-source.js";
import { StagedSource } from "../io/staged-source.js";
import type { IndexEntry } from "../io/git.js";
import { absentFromCommit, listHeadAhead, unchangedEntries } from "../io/head-unchanged.js";
import type { CheckContext } from "../checks/types.js";
import { privateCacheFolder } from "../../bin/cache-folder.js";
import { onCiRunner, userCacheDir } from "../compile-cache.js";
// Static: the hook always needs these, and each dynamic import is one more bundle chunk to load.
import { runChecks } from "../checks/run-checks.js";
import { validateSelection, validateStats } from "../checks/validate.js";
import { dropUntouched, type UntouchedCount } from "../core/untouched-files.js";
import { baselineExempt, stagedBaseline, worktreeBaseline } from "../io/baseline-file.js";
import type { PathUniverse } from "./path-args.js";
import { pathsHelp } from "./paths-help.js";
import { stagedConfigChange } from "./staged-config-change.js";
import type { CommandContext, CommandSpec, OptionSpec } from "./types.js";
import { boundHeapGrowth } from "../io/heap-growth.js";

/** The source and path restriction for a run: the index (--staged) or the working tree, optionally narrowed to named paths. */
export async function buildCheckContext(
  ctx: CommandContext,
  named: readonly string[],
  verb: "check" | "validate" = "check",
): Promise<CheckContext & { named?: ReadonlySet<string> }> {
  const staged = ctx.options.staged === true;
  const source = staged ? new StagedSource(ctx.git) : ctx.folderOnly ? await folderSource(ctx.root) : new WorktreeSource(ctx.git);
  let paths: string[] | undefined;
  let namedSet: ReadonlySet<string> | undefined;
  if (named.length > 0) {
    // Loaded only when paths are named: the hook (check --staged) never needs them.
    const { selectPaths } = await import("./path-args.js");
    const selection = await selectPaths(ctx.root, ctx.cwd ?? ctx.root, named, await checkUniverse(ctx, source, verb));
    // `.` at the top of the repository names everything: the same run as no path at all.
    if (!(selection.whole && selection.named.size === 0)) {
      paths = selection.paths;
      namedSet = selection.named;
    }
  }
  let loaded = ctx.loaded;
  if (staged) {
    // Both git processes at once: the staged changes, and the config as it will be committed.
    const [changes, committed] = await Promise.all([
      named.length === 0 ? (source as StagedSource).stagedChanges() : undefined,
      stagedConfig(ctx, source as StagedSource),
    ]);
    if (changes) paths = changes;
    loaded = committed;
  }
  return {
    root: ctx.root,
    git: ctx.git,
    config: loaded.config,
    configPath: loaded.path,
    ...(loaded.parsed ? { configParsed: loaded.parsed } : {}),
    source,
    ...(ctx.schemaSource ? { schemaSource: ctx.schemaSource } : {}),
    ...(paths ? { paths } : {}),
    ...(namedSet ? { named: namedSet } : {}),
    log: ctx.log,
    interactive: ctx.interactive,
    // Outside git there is no .git/integrity-guard/ to keep compiled schemas in.
    noCache: ctx.options["no-cache"] === true || ctx.folderOnly === true,
    // The built-in schemas' compiled code is shared between clones there (src/io/schema-cache.ts).
    // Not on CI runners and in the Action: a self-hosted runner's home outlives a job, and an
    // earlier job may have run a pull request's code, which could leave code there that a later
    // job would run as a validator; a fresh runner has nothing in it to gain.
    ...(ctx.options["no-cache"] === true || onCiRunner(ctx.env) ? {} : sharedSchemaCacheOf(ctx.env, ctx.log)),
    // check (not validate) honours .integrity-guard/baseline.json: the Action's trusted copy, the index's for the hook, else the work tree's.
    ...(verb === "check" && !ctx.folderOnly
      ? {
          exempt: baselineExempt(
            ctx.baseline ??
              (staged
                ? stagedBaseline(ctx.root, ctx.git, () => stagedEntries(ctx, source as StagedSource, BASELINE_PATH))
                : worktreeBaseline(ctx.root)),
            source,
          ),
        }
      : {}),
  };
}

/**
 * The user's shared schema cache as a CheckContext field (made, and resolved: bin/cache-folder.js),
 * or nothing when there is none or another local user could write it: its entries are code that
 * validate runs, so such a folder is not used, and the run says so once.
 */
function sharedSchemaCacheOf(env: NodeJS.ProcessEnv, log: (line: string) => void): { sharedSchemaCache?: string } {
  const base = userCacheDir(env);
  const folder = base ? privateCacheFolder(path.join(base, "schema-cache")) : {};
  if (folder.unsafe !== undefined) {
    log(
      `integrity-guard: the shared schema cache is not used: ${folder.at} is ${folder.unsafe}, so another local user could plant code in it; the built-in schemas are compiled in memory this run.` +
        ` Fix: ${folder.unsafe.startsWith("owned") ? `remove ${folder.at} if it is not yours` : `chmod go-w ${folder.at}`}, or point XDG_CACHE_HOME at a folder of your own.`,
    );
  }
  return folder.dir !== undefined ? { sharedSchemaCache: folder.dir } : {};
}

async function folderSource(root: string): Promise<FileSource> {
  const { FolderSource } = await import("../io/folder-source.js");
  return new FolderSource(root);
}

/** What a folder or glob on the command line selects for check (any check's files) or validate (its own). */
async function checkUniverse(ctx: CommandContext, source: FileSource, verb: "check" | "validate"): Promise<PathUniverse> {
  const config = ctx.loaded.config;
  const selection = validateSelection(config.validate ?? {});
  const worktree = source.kind === "worktree";
  // A staged symlink named on the command line (lint-staged names every staged file) is in the
  // index and checked as its staged target: not "not in the git index".
  const links = source instanceof StagedSource ? await source.stagedLinks() : undefined;
  const base = {
    list: () => source.list(),
    ...(links?.size ? { stagedLink: (p: string) => links.has(p) } : {}),
    acceptsNamed: selection.accepts,
    worktree,
    strictNamed: verb === "check",
    ...(ctx.fileList ? { fileList: true } : {}),
    // The hook form: tools pass every staged file; one that no check reads must not block the commit.
    ...(verb === "check" && !worktree ? { dropUnread: true } : {}),
    ...(ctx.folderOnly ? { outside: "the folder" } : {}),
  };
  if (verb === "validate") {
    return {
      ...base,
      checkable: selection.selects,
      what: "JSON/YAML file that validate checks",
      rules: "validate.files and validate.exclude",
    };
  }
  const { coveredFilter } = await import("../core/manifest/select.js");
  const covered = coveredFilter(config.manifest);
  const inConfigSet = matcher(config.config?.files);
  const checkable = (p: string) => selection.selects(p) || covered(p) || inConfigSet(p);
  return {
    ...base,
    checkable,
    acceptsNamed: (p) => selection.accepts(p) || checkable(p),
    what: "file that check checks",
    rules: "validate.files, manifest.include and config.files",
  };
}

/**
 * The config a staged check runs under: the one that will be committed. The CLI loaded the work
 * tree's; when the index holds a different version (staged, or edited in the work tree and not
 * staged), the index's wins, so an unstaged edit of the config cannot weaken (or tighten) the
 * check of a commit. A config git does not track (just written by init) is used as it is.
 */
async function stagedConfig(ctx: CommandContext, source: StagedSource): Promise<LoadedConfig> {
  const rel = ctx.loaded.path;
  if (rel.startsWith("../") || path.isAbsolute(rel)) return ctx.loaded; // --config outside the repository
  const entry = (await stagedConfigEntries(ctx, source, rel)).find((e) => e.stage === 0 && (e.mode === "100644" || e.mode === "100755"));
  if (!entry) return ctx.loaded;
  let worktree: Buffer | undefined;
  try {
    worktree = readRegularFileSync(path.join(ctx.root, rel));
  } catch {
    // deleted in the work tree only: the index's version is what will be committed
  }
  if (worktree && gitObjectId("blob", worktree, entry.oid.length) === entry.oid) return ctx.loaded;
  const [blob] = await ctx.git.catFileBatch([entry.oid]);
  if (!blob) {
    throw new ConfigError(`the staged ${rel} (blob ${entry.oid}) is missing from the object database`, {
      fix: "the repository is damaged: run git fsck, then git add the config again",
    });
  }
  return loadConfigText(ctx.root, blob, rel, "as staged");
}

/**
 * The index entries of the config: the staged diff's when the commit changes it; HEAD's tree
 * entry when the diff says it is unchanged (`git ls-tree`, started beside the diff, reads no
 * index: src/io/head-unchanged.ts says why); else the index's own (`git ls-files`).
 */
async function stagedConfigEntries(ctx: CommandContext, source: StagedSource, rel: string): Promise<IndexEntry[]> {
  // One listing for the config and what the hook reads next: the baseline (when a commit has
  // findings) and the schemas the work tree's config maps (the first batch of validate reads
  // them); without it each was a git process of its own, the schemas' one on the critical path.
  const listed = listHeadAhead(ctx.git, [rel, ...likelyReads(ctx.loaded.config, rel)]);
  return stagedEntries(ctx, source, rel, listed);
}

/** At most this many schema paths are listed ahead (a git command line stays short). */
const MAX_LISTED_AHEAD = 64;

/** Repository paths a staged check of `config` reads besides the staged files: the baseline, the manifest, the mapped schemas. */
function likelyReads(config: Config, rel: string): string[] {
  // The manifest's root: the manifest check asks for its entry on every commit.
  const out = new Set<string>([BASELINE_PATH, MANIFEST_PATH]);
  for (const m of config.validate?.schemas ?? []) {
    if (out.size > MAX_LISTED_AHEAD) break;
    const p = typeof m?.schema === "string" ? normalizeRepoPath(m.schema) : undefined;
    if (p !== undefined) out.add(p);
  }
  out.delete(rel);
  return [...out];
}

/**
 * The index entries of `rel` as the commit will hold it: the staged diff's when the commit
 * changes it; HEAD's tree entry (`listed`, or a listing of its own) when the diff says it is
 * unchanged; else the index's own (`git ls-files`).
 */
async function stagedEntries(
  ctx: Pick<CommandContext, "git">,
  source: StagedSource,
  rel: string,
  listed?: Promise<{ mode: string; oid: string; path: string }[]>,
): Promise<IndexEntry[]> {
  const diff = await source.diff();
  const staged = diff.unborn ? undefined : diff.entries.get(rel);
  if (staged) return [staged];
  const unchanged = (await unchangedEntries(ctx.git, diff, [rel], listed)).get(rel);
  if (unchanged) return [unchanged];
  // Neither staged nor in HEAD (no baseline, the usual case): no `git ls-files`, which loads the whole index.
  if (await absentFromCommit(ctx.git, diff, rel, listed)) return [];
  // Without intent-to-add entries (`git add -N`): the commit leaves them out, and their empty
  // blob read as the staged config blocked a valid commit as "invalid config".
  return ctx.git.lsCommitted([rel]);
}

/** summary fields shared by check and validate. */
export function sourceSummary(c: CheckContext): Record<string, unknown> {
  return { source: c.source.kind === "index" ? "index" : "worktree", ...(c.paths ? { restrictedTo: c.paths.length } : {}) };
}

/** `--no-cache` of the verbs that compile schemas (check, validate): one wording for both helps. */
export const SCHEMA_CACHE_OPTION: OptionSpec = {
  type: "boolean",
  description:
    "do not use or write the compiled-schema caches (.git/integrity-guard/, and ~/.cache/integrity-guard/ for the built-in schemas)",
};

export const command: CommandSpec = {
  name: "check",
  yamlOnDemand: true,
  usage: "integrity-guard check [--staged] [--files PATH]... [PATH...]",
  description: `
Runs every check in order (validate, manifest, conflicts, sync) and reports all findings
together, grouped by file. A check that cannot run (for example a schema that does not compile)
is reported as a finding and makes the exit code 2, but the other checks' findings are still shown.

--staged checks exactly what will be committed: file contents are read from the git index, not
the working tree, and GIT_INDEX_FILE is honoured (git sets it for \`git commit -a\` and
\`git commit <path>\`). Per-file checks look only at the staged changes; this is what the
pre-commit hook runs. Bypass a hook once with \`git commit --no-verify\`. Errors are always
printed; warnings and notices about files the commit does not touch are only counted
(summary.untouched): \`integrity-guard check\` shows them. With --staged, the whole-repository
checks (conflicts, sync) run only when the commit stages a file of their set or the config
(summary.checks marks them skipped otherwise).

Each file lists at most validate.max_findings_per_file findings (default 50), the most
important first (parse errors, then schema errors, then the rest, manifest findings last); the
rest become one "and K more" line per rule, and the summary still counts them all.

Files recorded in .integrity-guard/baseline.json (known broken: fixtures, or files broken before
adoption) are reported as notices, not errors, while each is exactly as recorded; any edit, a
new finding or another file counts in full (\`integrity-guard baseline --help\`). The hook
reads the staged baseline; the Action on a pull request, the base commit's.

--format json adds summary.checks = {name: {findings, ms}} with each check's timing.
${pathsHelp(
  "Named paths narrow the per-file checks (validate, manifest, sync); a folder or glob selects the files below it that validate.files, manifest.include or config.files select. The conflicts check always compares the whole configuration set.",
)}`,
  examples: [
    "integrity-guard check                      # the whole working tree",
    "integrity-guard check --staged             # what the next commit will contain (the hook)",
    "integrity-guard check config/system.yaml data   # only these paths (relative to the current directory)",
    "integrity-guard check --format json > report.json   # the report itself is never reported",
    "integrity-guard check --staged --format github   # annotations in a workflow",
  ],
  options: {
    staged: { type: "boolean", description: "read files from the git index and check only the staged changes" },
    files: {
      type: "string",
      multiple: true,
      valueName: "FILE",
      description: "restrict per-file checks to FILE, a folder or a quoted glob (repeatable; same as a PATH argument)",
    },
    "no-cache": SCHEMA_CACHE_OPTION,
  },
  positionals: {
    name: "PATH...",
    description: "restrict per-file checks to these files, folders or quoted globs, relative to the current directory",
  },
  async run(ctx) {
    // A whole-tree check holds the heap near what is live (the hook's staged check stays small).
    if (ctx.options.staged !== true) boundHeapGrowth();
    const named = [...((ctx.options.files as string[] | undefined) ?? []), ...ctx.positionals];
    const checkCtx = await buildCheckContext(ctx, named);
    const result = await runChecks(checkCtx);
    const stats = validateStats(checkCtx);
    let findings = result.findings;
    let untouched: UntouchedCount | undefined;
    if (checkCtx.source.kind === "index" && checkCtx.paths) {
      // The hook: warnings about files this commit does not touch are counted, not printed. A path
      // it deletes or moves away is touched (a layer the config still names is reported on it).
      const deleted = checkCtx.source instanceof StagedSource ? (await checkCtx.source.diff()).deleted : [];
      const split = dropUntouched(findings, new Set([...checkCtx.paths, ...deleted]));
      findings = split.findings;
      if (split.untouched.warnings + split.untouched.notices > 0) untouched = split.untouched;
    }
    // After the split: a deleted config is no staged path, and the note must still be shown.
    const configChange = await stagedConfigChange(checkCtx, result.findings);
    if (configChange) findings = [...findings, configChange];
    // A hook that silently stopped running (core.hooksPath moved, exec bit lost, overwritten by
    // another installer) is said on every manual check; the hook itself (--staged) is running.
    if (checkCtx.source.kind === "worktree" && !ctx.folderOnly) {
      // Loaded here only: the hook's own run (--staged) never pays for it.
      const { hooksNotExpected, tryStoppedHookHint } = await import("../io/hook-status.js");
      const hint = hooksNotExpected(ctx.env) ? undefined : await tryStoppedHookHint(ctx.git);
      if (hint) ctx.log(hint);
    }
    return {
      findings,
      summary: {
        ...(stats ? { checked: stats.checked } : {}),
        ...sourceSummary(checkCtx),
        checks: result.checks,
        ...(untouched ? { untouched } : {}),
        ...(result.baseline ? { baseline: result.baseline } : {}),
      },
      ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    };
  },
};
