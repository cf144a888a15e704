import type { Git } from "./git.js";
import type { ReadResult } from "./file-source.js";
/** Adjust `out` (work-tree reads of `paths`) for the checkout forms above. */
export declare function asCommitted(git: Git, paths: readonly string[], out: Map<string, ReadResult>): Promise<void>;
