/**
 * `check`: run every registered check (validate, manifest, conflicts, sync) with one context.
 * `check --staged` is the pre-commit hook: it reads what will be committed from the git index
 * (honouring GIT_INDEX_FILE) and restricts per-file checks to the staged changes.
 */
import fs from "node:fs";
import path from "node:path";
import { ConfigError, UnsafePathError, UsageError } from "../errors.js";
import { loadConfigText } from "../config/load.js";
import type { LoadedConfig } from "../config/types.js";
import { gitObjectId } from "../io/git-object-id.js";
import { checkRelative, resolveInside } from "../io/paths.js";
import { WorktreeSource } from "../io/file-source.js";
import { StagedSource } from "../io/staged-source.js";
import type { CheckContext } from "../checks/types.js";
// Static: the hook always needs these, and each dynamic import is one more bundle chunk to load.
import { runChecks } from "../checks/run-checks.js";
import { validateStats } from "../checks/validate.js";
import type { CommandContext, CommandSpec } from "./types.js";

/** The source and path restriction for a run: the index (--staged) or the working tree, optionally narrowed to named paths. */
export async function buildCheckContext(ctx: CommandContext, named: readonly string[]): Promise<CheckContext> {
  const staged = ctx.options.staged === true;
  const source = staged ? new StagedSource(ctx.git) : new WorktreeSource(ctx.git);
  let paths: string[] | undefined;
  if (named.length > 0) {
    const resolved = resolvePathArgs(ctx.root, named, !staged);
    const dirs = resolved.filter((p) => p.endsWith("/"));
    const files = resolved.filter((p) => !p.endsWith("/"));
    if (!staged) {
      // A mistyped name must not pass silently as "no findings".
      const missing = files.find((p) => !fs.existsSync(path.join(ctx.root, p)));
      if (missing !== undefined)
        throw new UsageError(`${missing} does not exist`, {
          fix: "check the path (relative to the repository root, or absolute inside it)",
        });
    }
    if (dirs.length) {
      const all = await source.list();
      for (const d of dirs) files.push(...all.filter((p) => p.startsWith(d)));
    }
    paths = [...new Set(files)];
  }
  let loaded = ctx.loaded;
  if (staged) {
    // Both git processes at once: the staged changes, and the config as it will be committed.
    const [changes, committed] = await Promise.all([
      named.length === 0 ? (source as StagedSource).stagedChanges() : undefined,
      stagedConfig(ctx),
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
    log: ctx.log,
    interactive: ctx.interactive,
    noCache: ctx.options["no-cache"] === true,
  };
}

/**
 * The config a staged check runs under: the one that will be committed. The CLI loaded the work
 * tree's; when the index holds a different version (staged, or edited in the work tree and not
 * staged), the index's wins, so an unstaged edit of the config cannot weaken (or tighten) the
 * check of a commit. A config git does not track (just written by init) is used as it is.
 */
async function stagedConfig(ctx: CommandContext): Promise<LoadedConfig> {
  const rel = ctx.loaded.path;
  if (rel.startsWith("../") || path.isAbsolute(rel)) return ctx.loaded; // --config outside the repository
  const entry = (await ctx.git.lsStaged([rel])).find((e) => e.stage === 0 && (e.mode === "100644" || e.mode === "100755"));
  if (!entry) return ctx.loaded;
  let worktree: Buffer | undefined;
  try {
    worktree = fs.readFileSync(path.join(ctx.root, rel));
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
 * Command-line paths -> repo-relative POSIX paths. Relative paths are taken from the repository
 * root; absolute paths are accepted only inside the repository (lint-staged passes absolute
 * paths). `..`, paths outside the repository and symlinks out of it are refused (exit 2).
 * A trailing "/" names a folder: every file below it.
 */
export function resolvePathArgs(root: string, args: readonly string[], checkLinks: boolean): string[] {
  return args.map((arg) => {
    let rel = arg;
    if (path.isAbsolute(arg)) {
      const r = path.relative(root, arg);
      if (r === "" || r.startsWith("..") || path.isAbsolute(r)) {
        throw new UnsafePathError(`path ${JSON.stringify(arg)} is outside the repository ${root}`, {
          fix: "name files inside the repository",
        });
      }
      rel = r.split(path.sep).join("/");
    }
    const dir = /[\\/]$/.test(rel);
    const clean = checkRelative(rel, "path");
    if (checkLinks) resolveInside(root, clean, { what: "path" });
    return dir ? clean + "/" : clean;
  });
}

/** summary fields shared by check and validate. */
export function sourceSummary(c: CheckContext): Record<string, unknown> {
  return { source: c.source.kind === "index" ? "index" : "worktree", ...(c.paths ? { restrictedTo: c.paths.length } : {}) };
}

export const command: CommandSpec = {
  name: "check",
  yamlOnDemand: true,
  summary: "run every configured check (validate, manifest, conflicts, sync); --staged checks the git index",
  usage: "integrity-guard check [--staged] [--files FILE]... [FILE...]",
  description: `
Runs every check in order (validate, manifest, conflicts, sync) and reports all findings
together, grouped by file. A check that cannot run (for example a schema that does not compile)
is reported as a finding and makes the exit code 2, but the other checks' findings are still shown.

--staged checks exactly what will be committed: file contents are read from the git index, not
the working tree, and GIT_INDEX_FILE is honoured (git sets it for \`git commit -a\` and
\`git commit <path>\`). Per-file checks look only at the staged changes; this is what the
pre-commit hook runs. Bypass a hook once with \`git commit --no-verify\`.

--format json adds summary.checks = {name: {findings, ms}} with each check's timing.`,
  examples: [
    "integrity-guard check                      # the whole working tree",
    "integrity-guard check --staged             # what the next commit will contain (the hook)",
    "integrity-guard check --files config/system.yaml data/",
    "integrity-guard check --staged --format github   # annotations in a workflow",
  ],
  options: {
    staged: { type: "boolean", description: "read files from the git index and check only the staged changes" },
    files: {
      type: "string",
      multiple: true,
      valueName: "FILE",
      description: "restrict per-file checks to FILE (repeatable; a trailing / means a folder)",
    },
    "no-cache": { type: "boolean", description: "do not use or write the compiled-schema cache under .git/integrity-guard/" },
  },
  positionals: { name: "FILE...", description: "restrict per-file checks to these files (same as --files)" },
  async run(ctx) {
    const named = [...((ctx.options.files as string[] | undefined) ?? []), ...ctx.positionals];
    const checkCtx = await buildCheckContext(ctx, named);
    const result = await runChecks(checkCtx);
    const stats = validateStats(checkCtx);
    return {
      findings: result.findings,
      summary: {
        ...(stats ? { checked: stats.checked } : {}),
        ...sourceSummary(checkCtx),
        checks: result.checks,
      },
      ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    };
  },
};
