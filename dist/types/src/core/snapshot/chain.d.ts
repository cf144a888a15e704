/**
 * Date checks along a snapshot chain. A signature proves who signed a commit, not when; a
 * replayed or back-dated commit shows up as a date in the future or a child older than its
 * parent, and either one rejects the chain.
 */
import type { Finding } from "../finding.js";
interface ChainCommit {
    id: string;
    /** Committer time, seconds since the epoch. */
    time: number;
}
/**
 * Check a first-parent chain given newest first. `now` in seconds. Returns snapshot/chain
 * findings (empty when the dates are in order and none is in the future).
 */
export declare function checkChainDates(chain: readonly ChainCommit[], now: number, ref: string): Finding[];
export {};
