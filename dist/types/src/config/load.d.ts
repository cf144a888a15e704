import { type LoadedConfig } from "./types.js";
import type { Git } from "../io/git.js";
/**
 * Load the config of the repository at `root`. `explicitPath` (from --config) must exist;
 * the default path may be absent, and then the defaults apply, unless `git` shows a sparse
 * checkout left it out of the work tree (then the index's copy is read).
 */
export declare function loadConfig(root: string, explicitPath?: string, git?: Git): Promise<LoadedConfig>;
/**
 * The config from given bytes (the file's, or the staged blob's for the pre-commit hook):
 * validated, or served from the cache of configs that validated. `where` qualifies the path in
 * error messages (for example "as staged").
 */
export declare function loadConfigText(root: string, text: Buffer, rel: string, where?: string): Promise<LoadedConfig>;
