/**
 * What a backup set takes and how it stores it, from its config (`ignored`, `allow_secrets`,
 * `encrypt`) for a snapshot, or from a snapshot's signed manifest for a restore:
 *
 * - git-ignored files under the set's paths are left out unless `ignored: include`;
 * - secret-looking names (core/snapshot/secrets.ts) are refused in a pushed snapshot and left
 *   out of a local one (with a warning), unless the set is encrypted or `allow_secrets` admits
 *   them. Local snapshots leave them out rather than keep them because every local snapshot
 *   sits on the one snapshot branch that the next `snapshot --push` (of any set) publishes;
 * - an encrypted set's file contents become age ciphertext before they are blobs (encrypt.ts).
 *
 * The manifest records what was left out (`excludes`), so a restore neither removes nor
 * expects those files, and whether blobs are encrypted (`encryption`).
 */
import type { SnapshotSet } from "../../config/types.js";
import type { Finding } from "../../core/finding.js";
import type { SnapshotManifest } from "../../core/snapshot/manifest.js";
import type { Git } from "../git.js";
import { openRecipients, type SetEncrypter } from "./encrypt.js";
import { collectSetFiles, type CollectResult, type LeftOut, type SetSelection } from "./files.js";
import { SnapshotRefused } from "./refused.js";

export interface SetPolicy {
  set: string;
  selection: SetSelection;
  /** Recorded in the manifest (undefined: nothing is left out). */
  excludes?: SnapshotManifest["excludes"];
  encrypter?: SetEncrypter;
  /** A pushed snapshot: secret-looking names are refused instead of left out. */
  refuseSecrets: boolean;
}

/** The policy of a configured set for a snapshot (push: `snapshot --push`). */
export async function policyForSet(git: Git, set: string, def: SnapshotSet, push: boolean): Promise<SetPolicy> {
  const encrypter = def.encrypt ? await openRecipients(def.encrypt, git.root, set) : undefined;
  const excludeIgnored = def.ignored !== "include";
  const allow = def.allow_secrets;
  const secrets = encrypter || allow === true ? undefined : { allow: Array.isArray(allow) ? allow : [] };
  return policyOf(git, set, excludeIgnored, secrets, encrypter, push);
}

/**
 * The policy a restore of `manifest` plans with (and its pre-restore snapshot takes): what the
 * snapshot left out is neither removed nor recorded; encrypted with `encrypter` when given.
 */
export function policyFromManifest(
  git: Git,
  set: string,
  manifest: Pick<SnapshotManifest, "excludes">,
  encrypter?: SetEncrypter,
): SetPolicy {
  const x = manifest.excludes;
  return policyOf(git, set, Boolean(x?.ignored), x?.secrets ? { allow: x.secrets } : undefined, encrypter, false);
}

function policyOf(
  git: Git,
  set: string,
  excludeIgnored: boolean,
  secrets: { allow: readonly string[] } | undefined,
  encrypter: SetEncrypter | undefined,
  refuseSecrets: boolean,
): SetPolicy {
  const selection: SetSelection = {
    excludeIgnored,
    ...(secrets ? { secrets } : {}),
    ignoredOf: (files) => git.ignoredPaths(files),
  };
  const excludes =
    excludeIgnored || secrets
      ? { ...(excludeIgnored ? { ignored: true as const } : {}), ...(secrets ? { secrets: [...secrets.allow] } : {}) }
      : undefined;
  return { set, selection, ...(excludes ? { excludes } : {}), ...(encrypter ? { encrypter } : {}), refuseSecrets };
}

/**
 * The files a set takes under its policy; a pushed snapshot with secret-looking names it does
 * not allow is refused here, before anything is read or written.
 */
export async function selectFiles(
  root: string,
  paths: readonly string[],
  policy: SetPolicy,
): Promise<CollectResult & { leftOut: LeftOut }> {
  const r = await collectSetFiles(root, paths, policy.selection);
  const leftOut = r.leftOut ?? { ignored: [], secrets: [] };
  if (policy.refuseSecrets && leftOut.secrets.length > 0) {
    const fix = secretsFix(
      policy.set,
      leftOut.secrets.map((s) => s.path),
    );
    const findings: Finding[] = leftOut.secrets.map((s) => ({
      rule: "snapshot/secret",
      level: "error",
      file: s.path,
      message: `${s.path} looks like a secret (name matches ${s.pattern}) and set ${policy.set} is neither encrypted nor allows it, so it may not be pushed`,
      expected: "no secret-looking file in a pushed, unencrypted snapshot",
      found: s.path,
      fix,
    }));
    const names = leftOut.secrets.map((s) => s.path);
    throw new SnapshotRefused(
      `snapshot/secret: set ${policy.set} holds ${names.length} secret-looking file(s) that would be pushed in clear: ${list(names)}; nothing was written or pushed`,
      findings,
      { fix },
    );
  }
  return { ...r, leftOut };
}

function secretsFix(set: string, paths: readonly string[]): string {
  return `keep them out of the set's paths, or encrypt the set (snapshots.sets.${set}.encrypt: { recipients: [...] }), or allow them in clear (snapshots.sets.${set}.allow_secrets: [${paths
    .slice(0, 3)
    .map((p) => JSON.stringify(p))
    .join(", ")}] or true)`;
}

function list(paths: readonly string[]): string {
  return paths.length > 8 ? `${paths.slice(0, 8).join(", ")}, ... (${paths.length - 8} more)` : paths.join(", ");
}

/** The lines a snapshot prints about what it left out (empty when nothing was). */
export function leftOutNotice(set: string, leftOut: LeftOut | undefined): string[] {
  const lines: string[] = [];
  if (!leftOut) return lines;
  if (leftOut.ignored.length > 0)
    lines.push(
      `notice: left out ${leftOut.ignored.length} git-ignored file(s) of set ${set}: ${list(leftOut.ignored)}; to include them, add \`ignored: include\` to snapshots.sets.${set} (with \`encrypt\` too if they hold secrets)`,
    );
  if (leftOut.secrets.length > 0)
    lines.push(
      `warning: left out ${leftOut.secrets.length} secret-looking file(s) of set ${set}: ${list(leftOut.secrets.map((s) => s.path))}; ${secretsFix(
        set,
        leftOut.secrets.map((s) => s.path),
      )}`,
    );
  return lines;
}
