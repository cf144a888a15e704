/** Configuration conflicts: detection, single source of truth, resolution, and safe text edits. */
export { detectConflicts, compileSecretTest, ownerOf, underAny, type ConflictAnalysis } from "./detect.js";
export { resolveConfig, maskValue, planConflictWrites } from "./resolve.js";
export { orderByPrecedence } from "./order.js";
export { editText, type EditFormat } from "./edit-text.js";
export { MASK, secretTest, type SecretTest } from "./secrets.js";
export type { Change, Conflict, ConfigFile, ConflictRules, MergeStrategy, TextEdit } from "./types.js";
