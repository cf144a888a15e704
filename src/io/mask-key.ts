/**
 * The repository's key for the tags of masked values (`*** (12 chars, #a1b2c3)`): 32 random
 * bytes in .git/integrity-guard/mask-key, mode 0600, created on first use and never committed
 * (it lives in git's own folder). A repository-wide key keeps tags equal from run to run, so a
 * user can compare them; a key per repository keeps tags from being compared across them.
 */
import { randomBytes } from "node:crypto";
import { lstatSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { makeStateFolderSync } from "./state-folder.js";

const KEY_BYTES = 32;

/** The key in `stateDir`, created there when missing; undefined when it cannot be read or made. */
function loadOrCreate(stateDir: string): Uint8Array | undefined {
  const file = path.join(stateDir, "mask-key");
  const read = (): Uint8Array | undefined => {
    // Only a regular file of the right size: a symlink or a truncated file is not our key.
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size !== KEY_BYTES) return undefined;
    const bytes = readFileSync(file);
    return bytes.length === KEY_BYTES ? bytes : undefined;
  };
  try {
    const existing = read();
    if (existing) return existing;
    // The folder takes git's shared mode (a group-shared repository's members all write there);
    // the key itself stays private to its creator: mode 0600.
    makeStateFolderSync(stateDir);
    const key = randomBytes(KEY_BYTES);
    // "wx": O_EXCL, so a file (or symlink) put there first is never written through.
    writeFileSync(file, key, { mode: 0o600, flag: "wx" });
    return key;
  } catch {
    try {
      return read(); // another process made it first
    } catch {
      return undefined;
    }
  }
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
