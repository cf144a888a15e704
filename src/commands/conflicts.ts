import path from "node:path";
import { conflictFindings, selectConfigFiles } from "../checks/conflicts.js";
// Modules, not core/conflicts/index.js: its text editors pull in the YAML library, which a set
// of JSON files never needs (see yamlOnDemand below).
import { maskValue, planConflictWrites, resolveConfig } from "../core/conflicts/resolve.js";
import type { RefusedWrite } from "../core/conflicts/resolve.js";
import type { Explanation } from "../core/conflicts/explain.js";
import type { Change, ConfigFile } from "../core/conflicts/types.js";
import type { SecretTest } from "../core/conflicts/secrets.js";
import type { Finding } from "../core/finding.js";
import { UsageError } from "../errors.js";
import { IndexSource, WorktreeSource, type FileSource } from "../io/file-source.js";
import { withLock } from "../io/lock.js";
import { pathsHelp } from "./paths-help.js";
import type { CommandContext, CommandResult, CommandSpec } from "./types.js";

/** "  file: key old -> new" lines plus the undo hint, for text output; then what was refused. */
export function describeChanges(
  changes: readonly Change[],
  undoRel: string | undefined,
  verb: string,
  refused: readonly RefusedWrite[] = [],
): string {
  const lines: string[] = [];
  if (changes.length === 0) lines.push(`${verb}: nothing to change`);
  else {
    const files = new Set(changes.map((c) => c.file));
    lines.push(
      `${verb}: changed ${changes.length} value${changes.length === 1 ? "" : "s"} in ${files.size} file${files.size === 1 ? "" : "s"}:`,
    );
  }
  for (const c of changes) lines.push(`  ${c.file}: ${c.key} ${c.from} -> ${c.to}`);
  if (undoRel) lines.push(`previous contents saved in ${undoRel}; to undo: cp -R ${undoRel}/. .`);
  if (refused.length > 0) {
    lines.push(`left for you to decide (a secret would move from one file into another; nothing was written for these):`);
    for (const r of refused) {
      const why = r.reason === "secret-key" ? "the key looks secret" : "the value looks like a credential";
      lines.push(`  ${r.file}: ${r.key} (${r.pointer}): not written; ${why}, and the value would come from ${r.from}`);
    }
  }
  return lines.join("\n");
}

/** The text of `--explain`: one line per file, in the order the files apply. */
function describeExplanation(e: Explanation): string {
  const lines = [`${e.key}${e.pointer ? ` (${e.pointer})` : ""}:`];
  const labels = e.entries.map((x) => (x.layer !== undefined ? `layer ${x.layer} (${x.layerName})` : ""));
  const width = Math.max(0, ...labels.map((l) => l.length));
  e.entries.forEach((x, i) => {
    const at = x.position ? `${x.file}:${x.position.line}:${x.position.column}` : x.file;
    const label = labels[i] ? labels[i].padEnd(width) + "  " : "";
    lines.push(`  ${label}${at}  ${x.defined ? x.value! : "(not set)"}${x.wins ? "  <- wins" : ""}`);
  });
  if (e.entries.length === 0) lines.push("  (no files in the configuration set)");
  lines.push(e.note);
  return lines.join("\n");
}

function sourceFor(ctx: CommandContext): FileSource {
  return ctx.options.staged ? new IndexSource(ctx.git) : new WorktreeSource(ctx.git);
}

export const command: CommandSpec = {
  name: "conflicts",
  // The YAML parser loads when the set holds a YAML file (checks/conflicts.ts readParsed) or for
  // --resolve output and --write: a JSON-only set starts faster without it.
  yamlOnDemand: true,
  usage: "integrity-guard conflicts [--staged] [--resolve [--layer NAME] [--write] | --explain POINTER] [PATH...]",
  description: `
Reads every file of the configuration set (config.files, plus the files named in
config.precedence and config.owners) and reports each key (a JSON pointer, shown dotted) that
two or more files set to different values as config/conflict, with every file:line:column and
each value. Values of keys that look secret (password, token, secret, key, credential, ... and
the patterns in config.secret_keys) are never shown, JSON output included: a finding shows
*** (LENGTH chars, #TAG), a tag keyed per repository so equal secrets show equal tags, and
--resolve shows ***.

Maps are compared key by key; lists and scalars as whole values. config.merge declares other
strategies per path: deep (maps, the default), replace (compare and take the whole value),
unique / append (lists are merged, never a conflict). Keys under config.differ are expected to
differ. A key under a config.owners prefix belongs to that one file: a definition anywhere else
is config/single-source, even with an equal value.

--resolve prints the effective configuration: the files merged in config.precedence order (the
last wins; files not listed come first), owned keys taken from their owner. The findings then go
to stderr, so \`conflicts --resolve > merged.yaml\` writes valid YAML. --resolve --write
writes each conflicting key's winning value into the files that disagree, keeping comments and
layout, atomically, after checking that every edited file reads back as intended; the previous
contents are saved under .git/integrity-guard/undo/. A secret never moves: a key that looks
secret, or a value that looks like a credential, is left for you to decide and listed as such.

config.layers declares a default + overlays layout instead of config.precedence: overrides
across layers are intended; reported are config/type-change, config/unknown-key (unless under
config.extensible), config/conflict between files of one layer, and config/shadowed (notice).
--explain POINTER prints the value of one key in every file, in the order they apply, and which
file wins (secrets masked).
${pathsHelp(
  "Named paths narrow the report to the findings that involve those files (a folder or glob selects the files of the configuration set below it); the whole set is still compared.",
)}`,
  examples: [
    "integrity-guard conflicts",
    "integrity-guard conflicts --staged --format json",
    "integrity-guard conflicts --resolve",
    "integrity-guard conflicts --resolve --format json",
    "integrity-guard conflicts --resolve --write",
    "integrity-guard conflicts --explain /database/port",
    "integrity-guard conflicts --resolve --layer production > merged.yaml",
    "cd config && integrity-guard conflicts production.yaml   # only what involves this file",
  ],
  positionals: {
    name: "PATH...",
    description:
      "report only the findings that involve these files, folders or quoted globs (relative to the current directory); the whole set is still compared",
  },
  options: {
    resolve: {
      type: "boolean",
      description: "print the effective merged configuration (YAML; in the `resolved` field with --format json)",
    },
    write: {
      type: "boolean",
      description: "with --resolve: write the winning values into the files that disagree (keeps comments and layout)",
    },
    staged: { type: "boolean", description: "read every config file from the git index (as it will be committed)" },
    layer: {
      type: "string",
      valueName: "NAME",
      description:
        "with --resolve and config.layers: the alternative to merge where a layer has several (production picks config/production.*, prod picks values-prod.yaml)",
    },
    explain: {
      type: "string",
      valueName: "POINTER",
      description: "print the value of one key (a JSON pointer such as /server/port, or server.port) in every file and which file wins",
    },
  },
  async run(ctx) {
    if (ctx.options.write && !ctx.options.resolve)
      throw new UsageError("--write needs --resolve", { fix: "run `integrity-guard conflicts --resolve --write`" });
    if (ctx.options.layer !== undefined && !ctx.options.resolve)
      throw new UsageError("--layer needs --resolve", { fix: "run `integrity-guard conflicts --resolve --layer NAME`" });
    if (ctx.options.explain !== undefined && (ctx.options.resolve || ctx.options.write))
      throw new UsageError("--explain cannot be combined with --resolve or --write", {
        fix: "run `integrity-guard conflicts --explain POINTER` on its own",
      });
    if (ctx.options.write && ctx.options.staged) {
      throw new UsageError("--write cannot be combined with --staged: it edits the working tree", {
        fix: "run `integrity-guard conflicts --resolve --write` without --staged, then stage the result",
      });
    }
    // Writers run one at a time, each analysing after the previous one wrote (the lock spans both).
    if (ctx.options.write) return withLock(path.join(ctx.git.stateDir(), "config-write.lock"), () => runConflicts(ctx));
    return runConflicts(ctx);
  },
};

/** Whether a finding names a selected file, as its own location or a related one. */
function involves(f: Finding, within: (p: string) => boolean): boolean {
  return (f.file !== undefined && within(f.file)) || (f.related ?? []).some((r) => within(r.file));
}

/** The selection of the paths on the command line among the files of the configuration set. */
async function selectConfigPaths(
  ctx: CommandContext,
  source: FileSource,
  configured = true,
): Promise<((p: string) => boolean) | undefined> {
  const { selectPaths } = await import("./path-args.js");
  const inSet = async () =>
    configured ? selectConfigFiles(await source.list(), ctx.loaded.config.config ?? {}, ctx.loaded.path).paths : await source.list();
  let set: Set<string> | undefined;
  const selection = await selectPaths(ctx.root, ctx.cwd ?? ctx.root, ctx.positionals, {
    list: async () => [...(set ??= new Set(await inSet()))],
    checkable: (p) => set?.has(p) === true,
    known: (p) => set?.has(p) === true,
    what: "file of the configuration set",
    rules: "config.files (with config.precedence and config.owners)",
    worktree: source.kind === "worktree",
    strictNamed: true,
  });
  return selection.whole ? undefined : selection.within;
}

async function runConflicts(ctx: CommandContext): Promise<CommandResult> {
  const config = ctx.loaded.config;
  if (!config.config) {
    if (ctx.positionals.length > 0) {
      // A missing or outside path is reported as such first; then the missing section.
      await selectConfigPaths(ctx, sourceFor(ctx), false);
      throw new UsageError(`conflicts compares the files of config.files, and ${ctx.loaded.path} has no \`config\` section`, {
        fix: "add config.files (the files to compare) to the config, then name some of them",
      });
    }
    return {
      findings: [],
      text: `nothing to check: ${ctx.loaded.path} has no \`config\` section (config.files names the files to compare)`,
    };
  }
  const rules = config.config;
  const source = sourceFor(ctx);
  // Paths on the command line narrow the report to the findings that involve those files; the
  // analysis still compares the whole set (precedence and owners need every file).
  const within = ctx.positionals.length > 0 ? await selectConfigPaths(ctx, source) : undefined;
  const stagedDeletions = () => ctx.git.stagedDeletions();
  const first = await conflictFindings(source, config, ctx.loaded.path, {
    parseFindings: true,
    root: ctx.root,
    stagedDeletions,
    writing: ctx.options.write === true,
  });
  if (within) first.findings = first.findings.filter((f) => involves(f, within));
  const summary = { checked: first.set.checked, conflicts: first.analysis.conflicts.length };
  if (typeof ctx.options.explain === "string") {
    const pointer = explainPointerArg(ctx.options.explain);
    const { explainPointer } = await import("../core/conflicts/explain.js");
    const explanation = explainPointer(first.set.files, pointer, {
      ...(rules.layers ? { layers: rules.layers } : {}),
      owners: rules.owners ?? {},
      isSecret: first.analysis.isSecret,
    });
    // Only the findings that bear on this key: at it, above it or below it, and file-level ones.
    const near = (f: Finding) =>
      f.pointer === undefined ||
      pointer === "" ||
      f.pointer === pointer ||
      pointer.startsWith(f.pointer + "/") ||
      f.pointer.startsWith(pointer + "/");
    return { findings: first.findings.filter(near), summary, json: { explain: explanation }, text: describeExplanation(explanation) };
  }
  if (!ctx.options.resolve) return { findings: first.findings, summary };
  if (ctx.options.layer !== undefined && !rules.layers) {
    throw new UsageError(`--layer picks an alternative of config.layers, and ${ctx.loaded.path} has no config.layers`, {
      fix: "drop --layer (config.precedence merges every file), or declare config.layers",
    });
  }
  if (rules.layers) return resolveLayered(ctx, first.set.files, first.findings, summary, first.analysis.isSecret, rules.layers);
  const resolved = resolveConfig(first.set.files, rules);
  const shown = maskValue(resolved, first.analysis.isSecret);
  const order = first.set.files.map((f) => f.path).join(" < ");
  if (!ctx.options.write) {
    const YAML = await import("yaml");
    return {
      findings: first.findings,
      summary,
      json: { resolved: shown, precedence: first.set.files.map((f) => f.path) },
      text: `# effective configuration, merged in precedence order: ${order || "(no files)"}\n${YAML.stringify(shown, { lineWidth: 0 })}`,
      textIsData: true,
    };
  }
  const { edits, changes, refused } = planConflictWrites(first.set.files, first.analysis.conflicts, resolved, first.analysis.isSecret);
  const { commitWrites, planWrites, undoDirFor } = await import("../io/config-write.js");
  let undoRel: string | undefined;
  if (edits.size > 0) {
    const byPath = new Map(first.set.files.map((f) => [f.path, f]));
    const plans = planWrites(
      ctx.root,
      [...edits].map(([file, list]) => ({ file, original: byPath.get(file)!.bytes, edits: list })),
    );
    const undo = undoDirFor(ctx.git.stateDir(), "conflicts");
    await commitWrites(plans, undo, ctx.git.gitDir, ctx.loaded.config.undo?.keep);
    undoRel = path.relative(ctx.root, undo).split(path.sep).join("/");
  }
  // Report what is left after the write (single-source findings are never fixed automatically).
  const after = await conflictFindings(new WorktreeSource(ctx.git), config, ctx.loaded.path, { parseFindings: true, root: ctx.root });
  return {
    findings: after.findings,
    summary: { checked: after.set.checked, conflicts: after.analysis.conflicts.length, changed: changes.length },
    json: { resolved: shown, changes, refused, ...(undoRel ? { undo: undoRel } : {}) },
    text: describeChanges(changes, undoRel, "conflicts --resolve --write", refused),
  };
}

/** `/server/port` as given, or the dotted `server.port` turned into a pointer. */
function explainPointerArg(arg: string): string {
  if (arg === "" || arg.startsWith("/")) return arg;
  return (
    "/" +
    arg
      .split(".")
      .map((t) => t.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/")
  );
}

/**
 * `--resolve` in layers mode: overrides are intended, so `--write` has nothing to write; the
 * merged configuration is printed when each layer has one alternative (otherwise which
 * alternative applies is the deployment's choice, not ours).
 */
async function resolveLayered(
  ctx: CommandContext,
  files: readonly ConfigFile[],
  findings: Finding[],
  summary: { checked: number; conflicts: number },
  isSecret: SecretTest,
  layers: NonNullable<NonNullable<CommandContext["loaded"]["config"]["config"]>["layers"]>,
): Promise<CommandResult> {
  if (ctx.options.write) {
    return {
      findings,
      summary: { ...summary, changed: 0 },
      json: { changes: [], refused: [] },
      text: "conflicts --resolve --write: nothing to change: with config.layers, overrides across layers are intended, and files of one layer that disagree are left for you to decide (see the findings)",
    };
  }
  const { alternativeNamed, assignLayers } = await import("../core/conflicts/layers.js");
  const { placed } = assignLayers(files, layers);
  const alternatives = new Map<number, Set<string>>();
  for (const p of placed) (alternatives.get(p.layer) ?? alternatives.set(p.layer, new Set()).get(p.layer)!).add(p.alt);
  const name = typeof ctx.options.layer === "string" ? ctx.options.layer : undefined;
  let chosen = placed;
  if (name !== undefined) {
    if (!placed.some((p) => alternativeNamed(p.alt, name))) {
      throw new UsageError(`--layer ${JSON.stringify(name)}: no file of the layers is named so`, {
        fix: `name one of: ${[...new Set(placed.map((p) => p.alt.slice(p.alt.lastIndexOf("/") + 1)))].join(", ")}`,
      });
    }
    // Where a layer has several alternatives, only the named one applies (none, if it has no such file).
    chosen = placed.filter((p) => alternatives.get(p.layer)!.size === 1 || alternativeNamed(p.alt, name));
  }
  const several = [...alternatives].filter(([layer]) => new Set(chosen.filter((p) => p.layer === layer).map((p) => p.alt)).size > 1);
  if (several.length > 0) {
    const [layer, alts] = several[0]!;
    throw new UsageError(
      `conflicts --resolve: layer ${layer + 1} has ${alts.size} alternatives (${[...alts].join(", ")}), so there is no single merged configuration`,
      {
        fix: "name the one to merge with --layer NAME (for example --layer production), or use `integrity-guard conflicts --explain POINTER` to see each layer's value",
      },
    );
  }
  const ordered = chosen.map((p) => p.file);
  const resolved = resolveConfig(ordered, ctx.loaded.config.config ?? {});
  const shown = maskValue(resolved, isSecret);
  const YAML = await import("yaml");
  return {
    findings,
    summary,
    json: { resolved: shown, layers: ordered.map((f) => f.path) },
    text: `# effective configuration, merged layer by layer: ${ordered.map((f) => f.path).join(" < ") || "(no files)"}\n${YAML.stringify(shown, { lineWidth: 0 })}`,
    textIsData: true,
  };
}
