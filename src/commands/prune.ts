import type { EpochForecast } from "../core/snapshot/retention.js";
import { applyPrune, planPrune } from "../io/snapshot/prune.js";
import type { CommandSpec } from "./types.js";

export const command: CommandSpec = {
  name: "prune",
  usage: "integrity-guard prune [--dry-run] [--push]",
  description:
    "Keeps the newest snapshots.sets.<name>.keep snapshots of each set (like restic forget --keep-last), and the newest snapshots.pre_restore.keep (default 20) pre-restore snapshots that restores take first; sets without keep are kept whole. Commits are never rewritten or re-signed: retention works on epochs. When the live chain holds a snapshot to drop and its first commit is older than snapshots.epoch (default 7d), the chain is closed into refs/integrity-snapshots/epochs/<time>-<tip> and the next snapshot starts a new chain. An epoch is deleted whole once none of its snapshots is kept; until then dropped snapshots stay (reported as deferred), and prune says after how many more snapshots of which set each remaining epoch will be deleted. Objects of deleted epochs are freed by git gc.",
  examples: ["integrity-guard prune --dry-run", "integrity-guard prune --push"],
  options: {
    "dry-run": { type: "boolean", short: "n", description: "show what would be kept, closed and deleted; change nothing" },
    push: { type: "boolean", description: "apply the same changes on snapshots.remote (the epoch close is leased on the exact old tip)" },
  },
  async run(ctx) {
    const config = ctx.loaded.config.snapshots;
    const plan = await planPrune(ctx.git, config);
    const dry = Boolean(ctx.options["dry-run"]);
    if (!dry) await applyPrune(ctx.git, config, plan, Boolean(ctx.options.push));
    const lines: string[] = [];
    const verb = dry ? "would" : "did";
    for (const r of plan.records) {
      const reason = plan.retention.reasons.get(r.id) ?? "";
      const state = plan.retention.keep.has(r.id) ? "keep" : plan.deferred.includes(r.id) ? "drop later" : "drop";
      lines.push(`${state.padEnd(10)} ${r.id.slice(0, 12)}  ${r.info!.set.padEnd(12)} ${r.info!.time}  (${reason})`);
    }
    if (plan.closeLiveAs) lines.push(`${verb} close the live chain into ${plan.closeLiveAs.ref}`);
    for (const e of plan.dropEpochs) lines.push(`${verb} delete epoch ${e.ref} (${e.ids.length} snapshots)`);
    if (plan.deferred.length)
      lines.push(`${plan.deferred.length} snapshot(s) beyond their set's keep stay until their epoch holds nothing kept`);
    for (const f of plan.forecast) lines.push(`epoch ${f.ref} stays: ${forecastText(f)}`);
    if (plan.closableAt !== undefined)
      lines.push(
        `the live chain holds snapshots beyond keep; a prune from ${new Date(plan.closableAt * 1000).toISOString()} on closes it into an epoch (snapshots.epoch)`,
      );
    if (lines.length === 0) lines.push("no snapshots");
    const json = {
      prune: {
        dry_run: dry,
        keep: [...plan.retention.keep],
        drop: [...plan.retention.drop].filter((id) => !plan.deferred.includes(id)),
        deferred: plan.deferred,
        closed_epoch: plan.closeLiveAs?.ref ?? null,
        deleted_epochs: plan.dropEpochs.map((e) => e.ref),
        epochs_pending: plan.forecast,
        live_closable_at: plan.closableAt !== undefined ? new Date(plan.closableAt * 1000).toISOString() : null,
      },
    };
    return {
      findings: [],
      text: lines.join("\n"),
      json,
      summary: { kept: plan.retention.keep.size, dropped: json.prune.drop.length, deferred: plan.deferred.length },
    };
  },
};

/** "deleted by the first prune after 3 more snapshot(s) of set hourly", or why never. */
function forecastText(f: EpochForecast): string {
  if ("never" in f) return `never deleted while set ${f.never} has no keep (it holds a kept snapshot of that set)`;
  const parts = Object.entries(f.after).map(([set, n]) => `${n} more snapshot(s) of set ${set}`);
  return `deleted by the first prune after ${parts.join(" and ")}`;
}
