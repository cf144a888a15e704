/**
 * The repo-relative path of the first symlink along `rel` (a repo-relative path) that leads
 * outside `root`, or undefined when every component stays inside (or does not exist). A
 * dangling link is judged by where its text points.
 */
export declare function outsideLink(root: string, rel: string): string | undefined;
/**
 * True for a repo path inside the `.git` folder (any case: case-insensitive file systems). Git
 * never tracks such paths; a `$schema` or `$ref` that names one (`../.git/config`) would read
 * git's own files, the token header actions/checkout writes among them.
 */
export declare function inGitDir(rel: string): boolean;
/** The words every report of such a link uses: `what` names the kind of file ("schema"), `rel` the path asked for. */
export declare function outsideMessage(rel: string, link: string, what?: string): {
    message: string;
    fix: string;
};
/**
 * The repo-relative path a symlink at `rel` resolves to, when every link on the way stays
 * inside the repository (outside `.git/`) and the end is a regular file; else undefined.
 * A data file turned into a link to another file of the repository is what its readers get
 * through it, so it is checked as that content under the link's name (a schema-mapped file
 * linked to an unmapped one must not escape its schema).
 */
export declare function insideLinkTarget(root: string, rel: string): string | undefined;
/** Why a symlink that loops is unreadable (validate's parse/unreadable, code ESYMLINKLOOP). */
export declare const LINK_LOOP = "is a symlink whose links lead round in a loop (or through more than 40 links), so no reader can open it (ELOOP)";
/**
 * Whether `rel` is a symlink the system cannot resolve because its links go round (or pass more
 * than the kernel's 40): every reader of the name gets ELOOP, as if the file were cut to nothing.
 * A dangling link is not this (a generated file's link, `compile_commands.json -> build/...`).
 */
export declare function linkLoops(root: string, rel: string): boolean;
