import { displayText } from "../core/names.js";
import { runRestore } from "../io/snapshot/run-restore.js";
import { SnapshotRefused } from "../io/snapshot/refused.js";
import { fetchUnlessOffline, NO_FETCH_OPTION } from "../io/snapshot/remote.js";
import { refused } from "./snapshot.js";
import { sweepStaleTempFiles } from "../io/stale-temp-files.js";
import type { CommandSpec } from "./types.js";
import { readJournal } from "../io/snapshot/restore-journal.js";
import { isDiskFull, restoreDiskFullError } from "./snapshot-disk-full.js";

/** Lines of the file list per piece of the text report. */
const PIECE_LINES = 4096;

export const command: CommandSpec = {
  name: "restore",
  usage: "integrity-guard restore [SNAPSHOT|latest|SET] [PATHS...] [--dry-run] [--allow-unsigned] [--identity FILE] [--no-fetch]",
  positionals: {
    name: "SNAPSHOT [PATHS...]",
    description:
      "a snapshot id (or prefix), latest (with paths: the newest snapshot of any set that holds them all), or a set name (its newest snapshot); then the files or folders to restore, relative to the repository root (default: the whole set)",
  },
  description:
    "Snapshots pushed from another clone are read too: the remote's snapshot branch and closed epochs (snapshots.remote, default origin) are fetched first when the local ones are missing or behind (--no-fetch: stay offline).\n\n" +
    "Verifies the snapshot's signature against the pinned key (snapshots.sign: allowed_signers for ssh, fingerprint for gpg) and the dates along its chain, and refuses an unsigned, forged or other-key snapshot (snapshot/signature, exit 1) unless --allow-unsigned. Every blob is read back and checked against the snapshot's manifest before anything is written.\n\n" +
    "The paths are then made to match the snapshot exactly: its files are written byte for byte from the snapshot's blobs, each to a temporary file in its folder that is then renamed into place (a file becomes a folder or a folder a file where the snapshot says so), and files under those paths that the snapshot does not hold are removed. The index is not changed: stage the result with git add when you want to commit it. Before changing anything the current state of those paths is recorded as a `pre-restore` snapshot, and the command that undoes the restore is printed and recorded in .git/integrity-guard/restore-journal.json: after a restore is killed half-way, every file is either as it was or as the snapshot has it, and the next restore refuses to do anything else until the interrupted one is undone or resumed (it prints both commands, exit 2). Afterwards every restored file is verified against the manifest (snapshot/checksum) and the recovery time is printed.",
  examples: [
    "integrity-guard restore hourly --dry-run",
    "integrity-guard restore latest fsm_state.json",
    "integrity-guard restore 3f2a9c1b agent_workspaces/meeting/",
  ],
  options: {
    "dry-run": { type: "boolean", short: "n", description: "show what would be created, modified and removed; change nothing" },
    "allow-unsigned": { type: "boolean", description: "restore even when the snapshot's signature does not verify against the pinned key" },
    identity: {
      type: "string",
      valueName: "FILE",
      description:
        "for an encrypted set: an age identity file or the ssh private key of a recipient (or env:NAME holding it); default snapshots.sets.SET.encrypt.key",
    },
    ...NO_FETCH_OPTION,
  },
  async run(ctx) {
    const [spec = "latest", ...paths] = ctx.positionals;
    sweepStaleTempFiles(ctx.git.stateDir()); // left by a snapshot (or pre-restore snapshot) killed before its cleanup
    await fetchUnlessOffline(ctx.git, ctx.loaded.config.snapshots, ctx.options, ctx.log);
    let o;
    try {
      o = await runRestore(ctx.git, ctx.loaded.config.snapshots, {
        spec,
        paths,
        allowUnsigned: Boolean(ctx.options["allow-unsigned"]),
        dryRun: Boolean(ctx.options["dry-run"]),
        ...(typeof ctx.options.identity === "string" ? { identity: ctx.options.identity } : {}),
        env: ctx.env,
        log: ctx.log,
      });
    } catch (error) {
      if (error instanceof SnapshotRefused) return refused(error);
      // No journal: the restore stopped before its first write (the journal is written before it).
      if (isDiskFull(error) && !(await readJournal(ctx.git))) throw restoreDiskFullError(error);
      throw error;
    }
    const short = o.snapshot.id.slice(0, 12);
    const { plan } = o;
    const head = `${o.dryRun ? "would restore" : "restore"} from snapshot ${short} (set ${o.snapshot.info!.set}, ${o.snapshot.info!.time}, signature ${o.signature}): ${plan.scopes.map(displayText).join(", ")}`;
    const tail: string[] = [
      `  ${plan.create.length} to create, ${plan.modify.length} to modify, ${plan.remove.length} to remove, ${plan.unchanged.length} unchanged`,
    ];
    if (!o.dryRun) {
      if (o.undo) {
        tail.push(`the previous state is in snapshot ${o.undo.snapshot.slice(0, 12)} (set pre-restore); undo with:`);
        tail.push(`  ${o.undo.command}`);
      } else tail.push("nothing to change: the paths already match the snapshot");
      tail.push(
        o.findings.length === 0
          ? `verified ${plan.target.length} files against the manifest; recovery time ${(o.ms / 1000).toFixed(2)} s`
          : `verification FAILED for ${o.findings.length} file(s); recovery time ${(o.ms / 1000).toFixed(2)} s`,
      );
      tail.push("the index was not changed; `git add` the restored paths to stage them");
    }
    // A line per file, written PIECE_LINES at a time (a whole-set restore lists every file).
    function* pieces(): Generator<string> {
      yield head + "\n";
      let chunk: string[] = [];
      for (const [verb, list] of [
        ["create", plan.create],
        ["modify", plan.modify],
        ["remove", plan.remove],
      ] as const) {
        for (const p of list) {
          chunk.push(`  ${verb}  ${displayText(p)}\n`);
          if (chunk.length >= PIECE_LINES) {
            yield chunk.join("");
            chunk = [];
          }
        }
      }
      if (chunk.length > 0) yield chunk.join("");
      yield tail.join("\n") + "\n";
    }
    const restore = {
      snapshot: o.snapshot.id,
      set: o.snapshot.info!.set,
      signature: o.signature,
      dry_run: o.dryRun,
      scopes: plan.scopes,
      create: plan.create,
      modify: plan.modify,
      remove: plan.remove,
      unchanged: plan.unchanged.length,
      verified: o.dryRun ? 0 : plan.target.length,
      undo: o.undo?.command ?? null,
      pre_restore_snapshot: o.undo?.snapshot ?? null,
      recovery_ms: Math.round(o.ms),
    };
    return {
      findings: o.findings,
      get text() {
        return [...pieces()].join("").replace(/\n$/, "");
      },
      textPieces: pieces,
      json: { restore },
      summary: { snapshot_id: o.snapshot.id, recovery_ms: Math.round(o.ms) },
    };
  },
};
