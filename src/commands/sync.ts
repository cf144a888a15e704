import path from "node:path";
import { runSyncRules } from "../checks/sync.js";
import type { Change } from "../core/conflicts/index.js";
import { UsageError } from "../errors.js";
import { commitWrites, planWrites, undoDirFor, type FileEdits } from "../io/config-write.js";
import { IndexSource, WorktreeSource } from "../io/file-source.js";
import { withLock } from "../io/lock.js";
import { describeChanges } from "./conflicts.js";
import type { CommandContext, CommandResult, CommandSpec } from "./types.js";
import { appendAll } from "../core/append.js";

export const command: CommandSpec = {
  name: "sync",
  usage: "integrity-guard sync [--staged] [--rule NAME]... [--fix]",
  description: `
Each rule in config.sync maps entries of a source file to a target file. Under source.path and
target.path sit maps keyed by id; for every id present on both sides, each mapped field
(fields: {target field: source field}) must hold equal values. A difference is sync/drift,
reported at the target value with the source value's location beside it. Ids present on one
side only are sync/missing-target or sync/missing-source, at the rule's one_sided level
(error | warning | ignore; default warning).

--fix copies the source values into the target files (the source is the truth), keeping the
target's layout (YAML comments, JSON indentation and key order), atomically, after checking that
the edited file reads back as intended; the previous contents are saved under
.git/integrity-guard/undo/. Entries present on one side only are reported, never created.`,
  examples: ["integrity-guard sync", "integrity-guard sync --staged --format json", "integrity-guard sync --rule contracts-to-fsm --fix"],
  options: {
    fix: { type: "boolean", description: "copy source values into the target files (atomic, layout kept)" },
    staged: { type: "boolean", description: "read the files from the git index (as they will be committed)" },
    rule: { type: "string", multiple: true, valueName: "NAME", description: "only the rules with this name (repeatable)" },
  },
  async run(ctx) {
    if (ctx.options.fix && ctx.options.staged) {
      throw new UsageError("--fix cannot be combined with --staged: it edits the working tree", {
        fix: "run `integrity-guard sync --fix`, then stage the result",
      });
    }
    // Writers run one at a time, each analysing after the previous one wrote (the lock spans both).
    if (ctx.options.fix) return withLock(path.join(ctx.git.stateDir(), "config-write.lock"), () => runSync(ctx));
    return runSync(ctx);
  },
};

async function runSync(ctx: CommandContext): Promise<CommandResult> {
  const config = ctx.loaded.config;
  const only = (ctx.options.rule as string[] | undefined) ?? [];
  const names = new Set((config.sync ?? []).map((r) => r.name).filter(Boolean));
  for (const n of only) {
    if (!names.has(n))
      throw new UsageError(`--rule ${JSON.stringify(n)}: no sync rule has that name`, {
        fix: `name one of: ${[...names].join(", ") || "(no rule has a name; add name: to a rule in config.sync)"}`,
      });
  }
  if (!config.sync?.length) return { findings: [], text: `nothing to check: ${ctx.loaded.path} has no \`sync\` rules` };
  const source = ctx.options.staged ? new IndexSource(ctx.git) : new WorktreeSource(ctx.git);
  const first = await runSyncRules(source, config, ctx.loaded.path, {
    parseFindings: true,
    only,
    root: ctx.root,
    writing: ctx.options.fix === true,
  });
  const rulesChecked = first.runs.length;
  if (!ctx.options.fix) return { findings: first.findings, summary: { rules: rulesChecked } };
  const byFile = new Map<string, FileEdits>();
  const changes: Change[] = [];
  const refused = first.runs.flatMap((r) => r.result.refused ?? []);
  for (const run of first.runs) {
    if (!run.target || run.result.edits.length === 0) continue;
    const entry = byFile.get(run.target.path) ?? { file: run.target.path, original: run.target.bytes, edits: [] };
    appendAll(entry.edits, run.result.edits);
    byFile.set(run.target.path, entry);
    appendAll(changes, run.result.changes);
  }
  let undoRel: string | undefined;
  if (byFile.size > 0) {
    const plans = planWrites(ctx.root, [...byFile.values()]);
    const undo = undoDirFor(ctx.git.stateDir(), "sync");
    await commitWrites(plans, undo, ctx.git.gitDir, ctx.loaded.config.undo?.keep);
    undoRel = path.relative(ctx.root, undo).split(path.sep).join("/");
  }
  const after = await runSyncRules(new WorktreeSource(ctx.git), config, ctx.loaded.path, { parseFindings: true, only, root: ctx.root });
  return {
    findings: after.findings,
    summary: { rules: after.runs.length, changed: changes.length },
    json: { changes, refused, ...(undoRel ? { undo: undoRel } : {}) },
    text: describeChanges(changes, undoRel, "sync --fix", refused),
  };
}
