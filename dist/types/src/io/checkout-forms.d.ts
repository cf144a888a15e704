/**
 * Work-tree files that git checked out as something other than what the commit holds, so that
 * reading their bytes as data would judge the wrong thing (a false block):
 * - a symlink in a checkout with `core.symlinks=false` (Git for Windows' default, file systems
 *   without links) is a plain file holding the link's target path: reported as a link;
 * - a submodule named like a data file (`vendor/x.json`) is a folder: left out, as in the index;
 * - a file with a `working-tree-encoding` attribute (UTF-16 for Windows tools) is stored in git
 *   as UTF-8: read as git would store it (decoded), so its JSON/YAML is checked, not its BOM;
 * - a file with the `ident` attribute holding an expanded `$Id: <blob id> $`: read as its blob.
 * Each costs a git process only when a file that may be in such a form is among those read.
 */
import type { Git } from "./git.js";
import type { ReadResult } from "./file-source.js";
/** Adjust `out` (work-tree reads of `paths`) for the checkout forms above. */
export declare function asCommitted(git: Git, paths: readonly string[], out: Map<string, ReadResult>): Promise<void>;
/** Whether git checks symlinks out as plain files (core.symlinks=false, from any config scope). */
export declare function symlinksOff(git: Git): Promise<boolean>;
