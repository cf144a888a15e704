/**
 * The snapshot commit message: a subject line and git trailers. The trailers are part of the
 * signed commit, so a restore can trust them once the signature is verified.
 *
 * Sample:
 *   snapshot hourly: 12 files, 3456 bytes
 *
 *   Snapshot-Set: hourly
 *   Snapshot-Time: 2026-11-26T13:40:00.000Z
 *   Source-Commit: 0123abcd... (or "none" on an unborn branch)
 *   Snapshot-Repository: 6f1c... (only when snapshots.repository is set)
 *   Manifest-Digest: sha256:89ab...
 *   Snapshot-Files: 12
 *   Snapshot-Size: 3456
 */

/** What the trailers of one snapshot commit say. */
export interface SnapshotInfo {
  set: string;
  /** ISO 8601 UTC. */
  time: string;
  /** The HEAD commit of the repository when the snapshot was taken, or undefined on an unborn branch. */
  sourceCommit?: string;
  /** snapshots.repository of the repository it was taken in (absent in snapshots taken without one). */
  repository?: string;
  /** `sha256:<hex>` of the manifest file in the snapshot's tree. */
  manifestDigest: string;
  files: number;
  size: number;
}

const TRAILER = {
  set: "Snapshot-Set",
  time: "Snapshot-Time",
  source: "Source-Commit",
  repository: "Snapshot-Repository",
  digest: "Manifest-Digest",
  files: "Snapshot-Files",
  size: "Snapshot-Size",
} as const;

/** Format the commit message of a snapshot. */
export function formatSnapshotMessage(info: SnapshotInfo): string {
  return [
    `snapshot ${info.set}: ${info.files} files, ${info.size} bytes`,
    "",
    `${TRAILER.set}: ${info.set}`,
    `${TRAILER.time}: ${info.time}`,
    `${TRAILER.source}: ${info.sourceCommit ?? "none"}`,
    // Only when set: snapshots of repositories without an identity keep their old message.
    ...(info.repository !== undefined ? [`${TRAILER.repository}: ${info.repository}`] : []),
    `${TRAILER.digest}: ${info.manifestDigest}`,
    `${TRAILER.files}: ${info.files}`,
    `${TRAILER.size}: ${info.size}`,
    "",
  ].join("\n");
}

/** Read the trailers back; undefined when the message is not a snapshot message (missing or malformed trailers). */
export function parseSnapshotMessage(message: string): SnapshotInfo | undefined {
  const trailers = new Map<string, string>();
  for (const line of message.replace(/\r\n/g, "\n").split("\n")) {
    const m = /^([A-Za-z-]+): (.*)$/.exec(line);
    // The first occurrence wins: a later duplicate cannot override what the signer wrote first.
    if (m && !trailers.has(m[1]!)) trailers.set(m[1]!, m[2]!.trim());
  }
  const set = trailers.get(TRAILER.set);
  const time = trailers.get(TRAILER.time);
  const digest = trailers.get(TRAILER.digest);
  const files = Number(trailers.get(TRAILER.files));
  const size = Number(trailers.get(TRAILER.size));
  const source = trailers.get(TRAILER.source);
  if (!set || !isSetName(set) || !time || Number.isNaN(Date.parse(time))) return undefined;
  if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  if (!Number.isSafeInteger(files) || files < 0 || !Number.isSafeInteger(size) || size < 0) return undefined;
  const info: SnapshotInfo = { set, time, manifestDigest: digest, files, size };
  if (source && /^[0-9a-f]{40,64}$/.test(source)) info.sourceCommit = source;
  // Kept as written, even malformed: it can then only fail to match this repository's identity.
  const repository = trailers.get(TRAILER.repository);
  if (repository !== undefined) info.repository = repository;
  return info;
}

/** Set names: what may appear in a trailer and a ref without quoting. */
export function isSetName(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name);
}
