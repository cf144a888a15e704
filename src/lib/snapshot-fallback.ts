/**
 * readJson's `fallback: "snapshot"`: the newest snapshot that holds the file, is trusted
 * (signature good against the pinned key, or signing explicitly `none`), reads back with the
 * checksum its manifest records, and whose copy the caller accepts (parses and validates).
 * Untrusted or damaged snapshots are passed over, never used.
 */
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "../config/load.js";
import { Git } from "../io/git.js";
import { toRepoPath } from "../io/paths.js";
import { resolvePin } from "../io/signing.js";
import { sha256 } from "../io/snapshot/files.js";
import { listAllSnapshots, PRE_RESTORE_SET } from "../io/snapshot/list.js";
import { loadSnapshot, trustFindings } from "../io/snapshot/verify.js";

export interface FallbackHit {
  snapshot: string;
  content: Buffer;
  /** "good" (signed by the pinned key) or "unverified" (sign.format none). */
  signature: string;
}

export async function readFromNewestSnapshot(file: string, accept: (content: Buffer) => boolean): Promise<FallbackHit | undefined> {
  let git: Git;
  try {
    git = await Git.open(path.dirname(path.resolve(file)));
  } catch {
    return undefined; // not in a repository: there are no snapshots
  }
  const abs = path.join(fs.realpathSync.native(path.dirname(path.resolve(file))), path.basename(file));
  const rel = toRepoPath(fs.realpathSync.native(git.root), abs);
  const config = (await loadConfig(git.root, undefined, git)).config.snapshots;
  const sign = config?.sign;
  if (!sign) return undefined; // no signing decision made: nothing can be trusted
  const pin = await resolvePin(sign, git.root);
  const { live, epochs } = await listAllSnapshots(git, config);
  const candidates = [...live, ...epochs.flatMap((e) => e.chain)]
    .filter((r) => r.info && r.info.set !== PRE_RESTORE_SET)
    .sort((a, b) => b.time - a.time);
  for (const record of candidates) {
    // Never named: a snapshot of another repository, or one not bound to this one, is passed over.
    const trust = await trustFindings(git, record, pin, process.env, { repository: config?.repository, named: false });
    const unsignedByChoice = sign.format === "none" && trust.findings.every((f) => f.rule === "snapshot/signature");
    if (trust.findings.length > 0 && !unsignedByChoice) continue;
    let loaded;
    try {
      loaded = await loadSnapshot(git, record);
    } catch {
      continue; // tampered or damaged: try an older one
    }
    const expected = loaded.manifest.files.get(rel);
    const oid = loaded.manifest.files.oidOf(rel);
    // loadSnapshot reads only the manifest's blob: this file's is read here.
    const content = oid && (await git.readBlobs([oid]).catch(() => new Map<string, Buffer>())).get(oid);
    if (!expected || !content || sha256(content) !== expected.sha256) continue;
    if (!accept(content)) continue;
    return { snapshot: record.id, content, signature: trust.signature.status };
  }
  return undefined;
}
