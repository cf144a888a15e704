/**
 * Objects missing from a partial clone are not corruption. A clone made with `--filter=blob:none`
 * (actions/checkout's `filter:` input) holds no blob it did not check out: git fetches each one
 * from the promisor remote when it is read, and `cat-file --batch` reports it "missing" when that
 * fetch fails (no network, the remote moved or needs credentials). Calling that a damaged
 * snapshot, with `git fsck` as the fix, sends the user after a fault they do not have.
 */
import { EnvironmentError } from "../errors.js";
import type { Git } from "./git.js";

/**
 * An EnvironmentError naming the real cause when `oids` (objects git just reported missing) are
 * missing because this repository is a partial clone whose remote could not lend them; undefined
 * when it is no partial clone or git can read them now (the caller's own report stands then).
 * `what` names what was being read ("snapshot 1a2b3c4d5e6f"). Never throws.
 */
export async function unfetchedObjectsError(git: Git, oids: readonly string[], what: string): Promise<EnvironmentError | undefined> {
  if (oids.length === 0) return undefined;
  const remotes = await promisorRemotes(git);
  if (remotes.length === 0) return undefined;
  let reason: string;
  try {
    // One object asked on its own: git tries the promisor fetch again and says why it failed.
    const res = await git.exec(["cat-file", "-e", "--end-of-options", oids[0]!], { okCodes: [0, 1, 128] });
    if (res.code === 0) return undefined;
    reason = gitReason(res.stderr);
  } catch (error) {
    reason = (error as Error).message;
  }
  const names = remotes.join(", ");
  return new EnvironmentError(
    `could not read ${what}: this repository is a partial clone (made with --filter) and ${oids.length} object(s) it needs are not here yet; git could not fetch them from ${names}${reason ? ` (${reason})` : ""}. Nothing was changed`,
    {
      fix: `run the command again where ${names} is reachable (git fetches a partial clone's missing objects on demand), or use a full clone (without --filter); the objects are not damaged`,
    },
  );
}

/**
 * Remotes that lend objects to this clone: `remote.<name>.promisor=true`, a
 * `remote.<name>.partialCloneFilter` (git 2.39 fetches through it even with `promisor` unset),
 * or the older `extensions.partialClone=<name>`. Sample of `git config --null --get-regexp`:
 * "remote.origin.promisor\ntrue\0remote.origin.partialclonefilter\nblob:none\0".
 */
async function promisorRemotes(git: Git): Promise<string[]> {
  try {
    const res = await git.exec(
      ["config", "--null", "--get-regexp", "^(remote\\..*\\.(promisor|partialclonefilter)|extensions\\.partialclone)$"],
      {
        okCodes: [0, 1],
      },
    );
    const out = new Set<string>();
    // --null: "<key>\n<value>\0" per entry (a remote's name may hold dots).
    for (const rec of res.stdout.toString("utf8").split("\0")) {
      const nl = rec.indexOf("\n");
      if (nl < 0) continue;
      const key = rec.slice(0, nl);
      const value = rec.slice(nl + 1);
      if (key.toLowerCase() === "extensions.partialclone") {
        if (value) out.add(value);
      } else if (key.toLowerCase().endsWith(".partialclonefilter")) out.add(key.slice("remote.".length, -".partialclonefilter".length));
      else if (/^(true|yes|on|1)$/i.test(value)) out.add(key.slice("remote.".length, -".promisor".length));
    }
    return [...out];
  } catch {
    return [];
  }
}

/** git's last `fatal:`/`error:` lines, one line ("could not fetch <oid> from promisor remote" alone says little). */
function gitReason(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^(fatal|error):/.test(l))
    .map((l) => l.replace(/^(fatal|error):\s*/, ""));
  return [...new Set(lines)].slice(0, 2).join("; ");
}
