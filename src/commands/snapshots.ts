import { resolvePin } from "../io/signing.js";
import { listAllSnapshots, uniqueRecords, type SnapshotRecord } from "../io/snapshot/list.js";
import { fetchUnlessOffline, NO_FETCH_OPTION } from "../io/snapshot/remote.js";
import { signatureOf } from "../io/snapshot/verify.js";
import type { CommandSpec } from "./types.js";
import { maxOf } from "../core/append.js";

export const command: CommandSpec = {
  name: "snapshots",
  usage: "integrity-guard snapshots [--set NAME] [--no-fetch] [--format json]",
  description:
    "Lists the snapshots on the snapshot branch (newest first), then those in closed epochs (refs/integrity-snapshots/epochs/*), then any on the remote's branch that the local one lacks: id, set, time, number of files, total size, and the signature status checked against the pinned key (good, unsigned, bad, untrusted = another key, wrong-type = e.g. a gpg signature under an ssh pin, unverified = sign.format none). With --format json the list is the `snapshots` array. Snapshots pushed from another clone are fetched first from snapshots.remote (default origin) when the local refs are missing or behind; --no-fetch stays offline.",
  examples: ["integrity-guard snapshots", "integrity-guard snapshots --set hourly --format json"],
  options: {
    set: { type: "string", short: "s", valueName: "NAME", description: "only snapshots of this set" },
    ...NO_FETCH_OPTION,
  },
  async run(ctx) {
    const config = ctx.loaded.config.snapshots;
    const pin = config?.sign ? await resolvePin(config.sign, ctx.root).catch(() => undefined) : undefined;
    const sync = await fetchUnlessOffline(ctx.git, config, ctx.options, ctx.log);
    const records: SnapshotRecord[] = uniqueRecords(await listAllSnapshots(ctx.git, config)).filter(
      (r) => r.info && (!ctx.options.set || r.info.set === ctx.options.set),
    );
    const rows = [];
    for (const r of records) {
      const sig = await signatureOf(ctx.git, r.id, pin, ctx.env);
      rows.push({
        id: r.id,
        set: r.info!.set,
        time: r.info!.time,
        committed: new Date(r.time * 1000).toISOString(),
        files: r.info!.files,
        size: r.info!.size,
        signature: sig.status,
        ...(sig.fingerprint ? { key: sig.fingerprint } : {}),
        ref: r.ref,
        source_commit: r.info!.sourceCommit ?? null,
        repository: r.info!.repository ?? null,
        manifest_digest: r.info!.manifestDigest,
      });
    }
    const header = ["ID", "SET", "TIME", "FILES", "SIZE", "SIGNATURE", "REF"];
    const table = [
      header,
      ...rows.map((r) => [
        r.id.slice(0, 12),
        r.set,
        r.time,
        String(r.files),
        String(r.size),
        r.signature,
        r.ref.replace(/^refs\/(heads\/|integrity-snapshots\/)/, ""),
      ]),
    ];
    const widths = header.map((_, i) => maxOf(table.map((row) => row[i]!.length)));
    const text =
      rows.length === 0
        ? `no snapshots yet (take one with integrity-guard snapshot --set NAME${sync?.failed ? `; the remote's could not be read: ${sync.failed}` : ""})`
        : table
            .map((row) =>
              row
                .map((c, i) => c.padEnd(widths[i]!))
                .join("  ")
                .trimEnd(),
            )
            .join("\n");
    const untrusted = rows.filter((r) => r.signature !== "good" && r.signature !== "unverified").length;
    return { findings: [], text, json: { snapshots: rows }, summary: { snapshots: rows.length, untrusted } };
  },
};
