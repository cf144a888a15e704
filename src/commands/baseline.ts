/**
 * `integrity-guard baseline`: show what .integrity-guard/baseline.json exempts and whether each
 * file is still at its recorded content; `--update` rewrites it from one whole-tree check.
 * `init --baseline` records it the same way (recordBaseline).
 */
import fs from "node:fs";
import path from "node:path";
import {
  BASELINE_PATH,
  baselineSize,
  buildBaseline,
  serializeBaseline,
  baselinable,
  applyBaseline,
  type Baseline,
} from "../core/baseline.js";
import type { Finding } from "../core/finding.js";
import { UnsafePathError, UsageError } from "../errors.js";
import { writeFileAtomic } from "../io/atomic.js";
import { hashFiles, loadBaseline, worktreeBaseline } from "../io/baseline-file.js";
import { WorktreeSource } from "../io/file-source.js";
import { outsideLink } from "../io/symlink-outside.js";
import { runChecks } from "../checks/run-checks.js";
import { buildCheckContext } from "./check.js";
import type { CommandContext, CommandResult, CommandSpec } from "./types.js";

/**
 * The baseline is written only inside the repository. The write replaces a symlinked
 * baseline.json itself, but a symlinked `.integrity-guard/` folder was followed: a repository
 * whose `.integrity-guard` leads elsewhere (a clone's link to ~/.config, or into .git/) made
 * `baseline --update` (run with --config, so the config gate did not stop it) write or overwrite
 * a baseline.json there. Refused (exit 2) before anything is written.
 */
function refuseOutsideBaseline(root: string): void {
  const link = outsideLink(root, BASELINE_PATH);
  if (link === undefined) return;
  throw new UnsafePathError(
    `${BASELINE_PATH} would be written through ${link}, a symlink that leads outside the repository; nothing was written`,
    { fix: `replace ${link} with a folder (or a symlink to a folder inside the repository), then run the command again` },
  );
}

/** What recording a baseline did. */
interface Recorded {
  /** The run's findings with the new baseline applied (recorded ones are notices). */
  findings: Finding[];
  /** The same run's findings with no baseline applied (before the per-file cap). */
  raw: Finding[];
  exitCode?: 0 | 1 | 2;
  files: number;
  recorded: number;
  /** Paths added to / dropped from the previous baseline. */
  added: string[];
  dropped: string[];
  /** False when nothing fails and there was no baseline: no file is written. */
  written: boolean;
}

/**
 * One whole-tree check of the work tree with no baseline applied; every parse/schema finding is
 * recorded with its file's SHA-256, and the file is written atomically (an empty baseline too
 * when one existed, so that its stale entries go). The findings come back with
 * the new baseline applied, so the caller reports exactly what `check` will.
 */
export async function recordBaseline(ctx: CommandContext, options: { dryRun?: boolean; noCache?: boolean } = {}): Promise<Recorded> {
  if (!options.dryRun) refuseOutsideBaseline(ctx.root);
  const before = await loadBaseline(worktreeBaseline(ctx.root));
  const checkCtx = await buildCheckContext({ ...ctx, options: options.noCache ? { "no-cache": true } : {}, positionals: [] }, []);
  const source = new WorktreeSource(ctx.git);
  let recorded: Baseline = { files: new Map() };
  let raw: Finding[] = [];
  checkCtx.exempt = async (findings) => {
    raw = findings;
    const files = [...new Set(findings.filter(baselinable).map((f) => f.file))];
    recorded = buildBaseline(findings, await hashFiles(source, files));
    return applyBaseline(findings, recorded, await hashFiles(source, [...recorded.files.keys()]));
  };
  const result = await runChecks(checkCtx);
  const old = before && !("rule" in before) ? before : undefined;
  const oldPaths = new Set(old?.files.keys() ?? []);
  const added = [...recorded.files.keys()].filter((p) => !oldPaths.has(p) || old!.files.get(p)!.sha256 !== recorded.files.get(p)!.sha256);
  const dropped = [...oldPaths].filter((p) => !recorded.files.has(p));
  const write = recorded.files.size > 0 || before !== undefined;
  if (write && !options.dryRun) {
    refuseOutsideBaseline(ctx.root); // again: the run took a while
    const file = path.join(ctx.root, BASELINE_PATH);
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, serializeBaseline(recorded));
  }
  return {
    findings: result.findings,
    raw,
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    files: recorded.files.size,
    recorded: baselineSize(recorded),
    added: added.sort(),
    dropped: dropped.sort(),
    written: write && !options.dryRun,
  };
}

/** One line per recorded change, for init and baseline --update. */
export function describeRecorded(r: Recorded, dryRun = false): string[] {
  if (!r.written && !dryRun) return [`nothing fails the check: no baseline written`];
  const verb = dryRun ? "would record" : "recorded";
  const list = (ps: string[]) => `${ps.slice(0, 5).join(", ")}${ps.length > 5 ? ` and ${ps.length - 5} more` : ""}`;
  return [
    `${verb} ${r.files} known-broken file(s), ${r.recorded} finding(s), in ${BASELINE_PATH}: each is exempt only while its content stays exactly as it is now; commit it`,
    ...(r.added.length ? [`new or re-recorded: ${list(r.added)}`] : []),
    ...(r.dropped.length ? [`dropped (fixed, removed or no longer failing): ${list(r.dropped)}`] : []),
  ];
}

export const command: CommandSpec = {
  name: "baseline",
  usage: "integrity-guard baseline [--update [--dry-run]]",
  description: `
Shows the files ${BASELINE_PATH} records as known broken (a parser's
fixtures, the state a team had when it adopted integrity-guard), the findings recorded for each,
and whether each file is still exactly as recorded (unchanged), was edited (changed: checked in
full again), or is gone (missing).

An entry exempts one file, by its exact path, only while its content has the recorded SHA-256,
and only the recorded parse/* and schema/* findings (by rule, line and pointer). \`check\`, the
hook and the Action then report those findings as notices ("known at baseline") with a summary
line, and exit 0 for them. Any edit of the file, a new finding, a renamed or a new file: checked
in full. In the Action on a pull request the base branch's baseline is used, so a pull request
cannot exempt its own files by editing it.

--update runs one whole-tree check of the working tree and rewrites the baseline with what fails
now: fixed files are dropped, newly failing ones added. Review its diff before committing it.`,
  examples: [
    "integrity-guard baseline                 # what is recorded, and what changed since",
    "integrity-guard baseline --update        # record what fails now (drops fixed files); review and commit",
    "integrity-guard init --baseline          # the same while adopting integrity-guard",
  ],
  options: {
    update: { type: "boolean", description: `rewrite ${BASELINE_PATH} from a whole-tree check of the working tree` },
    "dry-run": { type: "boolean", description: "with --update: show what would be recorded, write nothing" },
  },
  async run(ctx) {
    const update = ctx.options.update === true;
    const dryRun = ctx.options["dry-run"] === true;
    if (dryRun && !update)
      throw new UsageError("baseline: --dry-run goes with --update", { fix: "integrity-guard baseline --update --dry-run" });
    return update ? runUpdate(ctx, dryRun) : runShow(ctx);
  },
};

async function runUpdate(ctx: CommandContext, dryRun: boolean): Promise<CommandResult> {
  const r = await recordBaseline(ctx, { dryRun });
  const lines = describeRecorded(r, dryRun);
  return {
    findings: r.findings,
    text: lines.map((l) => `- ${l}`).join("\n"),
    summary: {
      baseline: { path: BASELINE_PATH, files: r.files, findings: r.recorded, added: r.added, dropped: r.dropped, written: r.written },
    },
    ...(r.exitCode !== undefined ? { exitCode: r.exitCode } : {}),
  };
}

async function runShow(ctx: CommandContext): Promise<CommandResult> {
  const got = await loadBaseline(worktreeBaseline(ctx.root));
  if (got === undefined) {
    return {
      findings: [],
      text: `no ${BASELINE_PATH}: nothing is exempted (\`integrity-guard baseline --update\` records the files that fail now)`,
      json: { version: 1, path: BASELINE_PATH, exists: false, files: [] },
    };
  }
  if ("rule" in got) return { findings: [got], exitCode: 2 };
  const paths = [...got.files.keys()].sort();
  const hashes = await hashFiles(new WorktreeSource(ctx.git), paths);
  const rows = paths.map((p) => {
    const e = got.files.get(p)!;
    const h = hashes.get(p);
    const status = h === undefined ? "missing" : h === e.sha256 ? "unchanged" : "changed";
    return { path: p, status, sha256: e.sha256, findings: e.findings };
  });
  const changed = rows.filter((r) => r.status !== "unchanged");
  const text = [
    `${BASELINE_PATH}: ${rows.length} file(s), ${baselineSize(got)} finding(s) recorded`,
    ...rows.map(
      (r) =>
        `  ${r.status.padEnd(9)} ${r.path}  ${r.findings.map((f) => `${f.rule}${f.line ? `@${f.line}` : ""}${f.pointer ? ` ${f.pointer}` : ""}`).join(", ")}`,
    ),
    ...(changed.length
      ? [
          `${changed.length} entr${changed.length === 1 ? "y no longer matches its file" : "ies no longer match their files"} (checked in full); \`integrity-guard baseline --update\` drops or re-records them`,
        ]
      : []),
  ].join("\n");
  return { findings: [], text, json: { version: 1, path: BASELINE_PATH, exists: true, files: rows } };
}
