/**
 * The repository's key for the tags of masked values (`*** (12 chars, #a1b2c3)`): 32 random
 * bytes in .git/integrity-guard/mask-key, mode 0600, created on first use and never committed
 * (it lives in git's own folder). A repository-wide key keeps tags equal from run to run, so a
 * user can compare them; a key per repository keeps tags from being compared across them.
 */
import { randomBytes } from "node:crypto";
import { linkSync, lstatSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { readStateFileSync } from "./read-regular.js";
import path from "node:path";
import { WRITER_TAG, writerTag } from "./process-start.js";
import { sweepDeadWriters } from "./sweep-dead-writers.js";
import { makeStateFolderSync } from "./state-folder.js";

const KEY_BYTES = 32;
/**
 * A regular file of another size older than this is a key cut short, not one being written.
 * Versions before 0.x created the file (O_EXCL) and then wrote it: a kill, or a full disk, in
 * between left it empty for good, and every later run fell back to a key of its own, so tags
 * changed from run to run and could not be compared. Keys are now written whole to a temporary
 * file and linked into place, so the name never shows a part of one.
 */
const CUT_SHORT_AFTER_MS = 10_000;
const TEMP_NAME = new RegExp(String.raw`^mask-key\.(${WRITER_TAG})\.tmp$`);

/** The key in `stateDir`, created there when missing; undefined when it cannot be read or made. */
function loadOrCreate(stateDir: string): Uint8Array | undefined {
  const file = path.join(stateDir, "mask-key");
  const read = (): Uint8Array | undefined => {
    // Only a regular file of the right size: a symlink or a truncated file is not our key.
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size !== KEY_BYTES) return undefined;
    const bytes = readStateFileSync(file); // not through a link put there since the lstat
    return bytes?.length === KEY_BYTES ? bytes : undefined;
  };
  try {
    const existing = read();
    if (existing) return existing;
    // The folder takes git's shared mode (a group-shared repository's members all write there);
    // the key itself stays private to its creator: mode 0600.
    makeStateFolderSync(stateDir);
    sweepDeadTemps(stateDir);
    const key = randomBytes(KEY_BYTES);
    const tmp = path.join(stateDir, `mask-key.${writerTag()}.tmp`);
    try {
      // "wx": O_EXCL, so a file (or symlink) put there first is never written through.
      writeFileSync(tmp, key, { mode: 0o600, flag: "wx" });
      const st = lstatSync(file, { throwIfNoEntry: false });
      if (st?.isFile() && st.size !== KEY_BYTES && Date.now() - st.mtimeMs > CUT_SHORT_AFTER_MS) renameSync(tmp, file);
      else linkSync(tmp, file); // fails when a key (or a symlink) is there: never replaced
    } finally {
      rmSync(tmp, { force: true });
    }
    return key;
  } catch {
    try {
      return read(); // another process made it first
    } catch {
      return undefined;
    }
  }
}

/** Remove key temporaries (`mask-key.<writer>.tmp`) whose writer no longer runs. Never throws. */
function sweepDeadTemps(stateDir: string): void {
  sweepDeadWriters(stateDir, (name) => TEMP_NAME.exec(name)?.[1]);
}

/**
 * A key source for `useMaskKey`: reads (or creates) the key the first time a masked value is
 * shown, so a check that shows no secret touches no file. Falls back to a random key of this
 * process when the folder cannot be written (tags then hold for this run only).
 */
export function repositoryMaskKey(stateDir: string): () => Uint8Array {
  let key: Uint8Array | undefined;
  return () => (key ??= loadOrCreate(stateDir) ?? randomBytes(KEY_BYTES));
}
