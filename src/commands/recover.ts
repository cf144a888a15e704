import { ConfigError } from "../errors.js";
import { runRecovery } from "../io/snapshot/recover.js";
import { fetchUnlessOffline, NO_FETCH_OPTION } from "../io/snapshot/remote.js";
import type { CommandSpec } from "./types.js";

export const command: CommandSpec = {
  name: "recover",
  usage: "integrity-guard recover NAME [--dry-run] [--allow-unsigned] [--no-fetch]",
  positionals: { name: "NAME", description: "a procedure under recovery: in the config" },
  description:
    'Runs the steps of recovery.NAME in order: `restore: {set|snapshot, paths}` (a verified restore, exactly as the restore command does it, with its pre-restore snapshot and undo command), `run: "command"` (run by sh from the repository root; a non-zero exit fails the step), and `verify: true` (run check) or `verify: [paths]` (those paths must match the snapshot restored earlier). It stops at the first step that fails, says which, and exits 1. Every step is timed.\n\nWith --dry-run it shows the plan of every step and runs nothing: what each restore would create, modify and remove (its snapshot verified and read back, nothing written), the command each run step would run, and what each verify step would check. It exits 0 when every step can go ahead, 1 when one cannot (say, no snapshot holds its paths).',
  examples: ["integrity-guard recover meeting", "integrity-guard recover meeting --dry-run"],
  options: {
    "dry-run": {
      type: "boolean",
      short: "n",
      description: "show the plan of every step (what restores would change, what would run); change and run nothing",
    },
    "allow-unsigned": { type: "boolean", description: "let restore steps use snapshots whose signature does not verify" },
    ...NO_FETCH_OPTION,
  },
  async run(ctx) {
    const name = ctx.positionals[0];
    const procedures = ctx.loaded.config.recovery ?? {};
    const names = Object.keys(procedures);
    if (!name || ctx.positionals.length > 1 || !procedures[name]) {
      throw new ConfigError(
        name ? `recovery procedure ${JSON.stringify(name)} is not in ${ctx.loaded.path}` : "recover needs the name of a procedure",
        {
          fix: names.length
            ? `use one of: ${names.join(", ")}`
            : 'add recovery: { NAME: [ { restore: { set: hourly } }, { run: "..." }, { verify: true } ] } to the config',
        },
      );
    }
    const steps = procedures[name];
    if (steps.some((s) => "restore" in s)) await fetchUnlessOffline(ctx.git, ctx.loaded.config.snapshots, ctx.options, ctx.log);
    const t0 = process.hrtime.bigint();
    const reports = await runRecovery(steps, {
      git: ctx.git,
      config: ctx.loaded.config.snapshots,
      env: ctx.env,
      log: ctx.log,
      allowUnsigned: Boolean(ctx.options["allow-unsigned"]),
      dryRun: Boolean(ctx.options["dry-run"]),
      runCheck: async () => {
        // Imported directly, not through ./index.js (which lists this module: a cycle).
        const check = (await import("./check.js")).command;
        return (await check.run({ ...ctx, options: {}, positionals: [] })).findings;
      },
    });
    const total = Number(process.hrtime.bigint() - t0) / 1e6;
    const failed = reports.find((r) => !r.ok);
    const dryRun = Boolean(ctx.options["dry-run"]);
    const ok = dryRun ? "plan" : "ok  ";
    const lines = reports.map(
      (r) => `${r.ok ? ok : "FAIL"} step ${r.index}/${steps.length} ${r.label} (${(r.ms / 1000).toFixed(2)} s): ${r.detail}`,
    );
    for (let i = reports.length; i < steps.length; i++)
      lines.push(`skip step ${i + 1}/${steps.length}: not run because step ${failed!.index} failed`);
    if (dryRun)
      lines.push(
        failed
          ? `recovery ${name} dry run: step ${failed.index} (${failed.label}) could not go ahead; nothing was changed or run`
          : `recovery ${name} dry run: every step of the plan can go ahead; nothing was changed or run`,
      );
    else
      lines.push(
        failed
          ? `recovery ${name} FAILED at step ${failed.index} (${failed.label}) after ${(total / 1000).toFixed(2)} s`
          : `recovery ${name} completed in ${(total / 1000).toFixed(2)} s`,
      );
    const findings = reports.flatMap((r) => r.findings);
    if (failed && findings.length === 0) {
      findings.push({
        rule: "recover/step-failed",
        level: "error",
        message: `recovery ${name} failed at step ${failed.index} (${failed.label}): ${failed.detail}`,
        fix: dryRun
          ? "fix the cause (the step's detail above); a dry run changed nothing"
          : "fix the cause and run the procedure again; restores already done print their undo command above",
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
