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
export declare function unfetchedObjectsError(git: Git, oids: readonly string[], what: string): Promise<EnvironmentError | undefined>;
