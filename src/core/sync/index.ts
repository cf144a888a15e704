/** Sync rules between state files: drift findings and the fix as edits. */
export { evaluateSyncRule, ruleLabel, type SyncResult, type SyncSide } from "./evaluate.js";
