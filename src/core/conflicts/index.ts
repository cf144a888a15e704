/** Configuration conflicts: detection, single source of truth, resolution, and safe text edits. */
export { detectConflicts } from "./detect.js";
export { resolveConfig, maskValue, planConflictWrites } from "./resolve.js";
export { orderByPrecedence } from "./order.js";
export { editText } from "./edit-text.js";
export { secretTest } from "./secrets.js";
export type { Change, ConfigFile, ConflictRules } from "./types.js";
