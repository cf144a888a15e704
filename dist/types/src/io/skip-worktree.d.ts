import type { Finding } from "../core/finding.js";
import type { Observation } from "../core/manifest/model.js";
import type { FileSource, ReadOptions, ReadResult } from "./file-source.js";
import type { Git } from "./git.js";
/**
 * The regular files and links of the index that carry the skip-worktree bit, that `want` takes
 * and that are absent from the work tree (`present`: present in it), with their index blobs, 128
 * at a time (bounded memory). `pathspecs` narrows git's listing (none: the whole index).
 */
export declare function skippedBlobs(git: Git, want: (p: string) => boolean, pathspecs?: readonly string[], present?: boolean, listing?: IndexListing): AsyncGenerator<{
    path: string;
    mode: string;
    blob: Buffer;
}[]>;
/** The index's entries with their `ls-files -v` tags, as Git.lsIndexTagged gives them. */
type IndexListing = () => Promise<Awaited<ReturnType<Git["lsIndexTagged"]>>>;
/**
 * The index's skip-worktree entries (tag "S"), asked of git once however often it is called:
 * seal's two readings (presentSkipWorktree, absentSkipWorktree) share it, instead of each listing
 * a large monorepo's whole index. Only those entries are kept between the two (the whole listing,
 * an object per file, is not held across seal's tree walk). Nothing is asked until the first call.
 */
export declare function sharedIndexListing(git: Git): IndexListing;
/** What `seal` and `verify` observe for an index blob of mode `mode` (a link, or a file with its digest). */
export declare function blobObservation(mode: string, blob: Buffer): Observation;
/**
 * Observations, from their index blobs, of the regular files and links that `accept` takes, that
 * carry the skip-worktree bit, are absent from the work tree and are not in `known`. Only in a
 * sparse checkout (core.sparseCheckout in the repository's or work tree's config file, or a
 * sparse-checkout pattern file): no git process otherwise.
 */
export declare function absentSkipWorktree(git: Git, accept: (p: string) => boolean, known: ReadonlyMap<string, unknown>, listing?: IndexListing): Promise<Map<string, Observation>>;
/**
 * Observations, from their index blobs, of the regular files and links that `accept` takes, that
 * carry the skip-worktree bit and are present in the work tree: a file kept with local edits
 * (`git update-index --skip-worktree`, the common way to keep a machine's settings out of
 * commits). git commits its index copy, never the work tree's, so that is the content a
 * manifest sealed for a commit must hold: sealing the local copy made every commit of the
 * manifest fail the hook (the staged blob is git's copy) with a fix, reseal, that sealed the
 * local copy again. No git process unless the index can carry the bit (index format 3 or 4).
 */
export declare function presentSkipWorktree(git: Git, accept: (p: string) => boolean, listing?: IndexListing): Promise<Map<string, Observation>>;
/**
 * The index blob of `rel` when a sparse checkout left it out of the work tree (skip-worktree bit,
 * absent on disk), else undefined. For the config and what it names: a cone that leaves out
 * `.integrity-guard/` must not turn the checks into the defaults (the index still holds them,
 * and the hook reads them from there).
 */
export declare function skippedBlobAt(git: Git, rel: string): Promise<Buffer | undefined>;
/**
 * Findings whose fix says `git add ...`, for this checkout: in a sparse checkout `git add
 * --sparse`. seal writes the manifest even where the cone leaves `.integrity-guard/` out, but git
 * refuses to stage a path outside the cone without `--sparse` (exit 1, "outside of your
 * sparse-checkout definition"), so the fix as printed failed; inside the cone `--sparse` changes
 * nothing. Reads two small files, and only when a fix names `git add`.
 */
export declare function withSparseAdd(git: Git, findings: Finding[]): Finding[];
/** What messages about a file read from its index blob say (the config, a schema, the manifest). */
export declare const FROM_INDEX = "from the index: outside the sparse checkout";
/**
 * A work-tree source whose absent paths are read from their index blobs when a sparse checkout
 * left them out (skip-worktree, absent on disk): for what the checks are judged by (schemas),
 * never for the data they judge. `fromIndex` says which paths were read so, for messages.
 */
export declare class WithSkippedBlobs implements FileSource {
    private readonly source;
    private readonly git;
    readonly kind: "worktree";
    readonly fromIndex: Set<string>;
    constructor(source: FileSource, git: Git);
    list(): Promise<string[]>;
    read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>>;
}
/**
 * Tracked files `accept` takes that a sparse checkout left out of the work tree (skip-worktree
 * bit, absent on disk), sorted. No git process outside a sparse checkout.
 */
export declare function absentFromSparseCheckout(git: Git, accept: (p: string) => boolean): Promise<string[]>;
/**
 * How a refusal names tracked files a sparse checkout left out: the first five (escaped for
 * display, "..." when there are more) and the `git sparse-checkout add` arguments that bring
 * back their folders.
 */
export declare function outsideConeText(outside: readonly string[]): {
    files: string;
    folders: string;
};
/**
 * Findings of drift on a file kept with local edits (skip-worktree bit, present in the work tree),
 * with a fix that helps. `seal` seals git's copy of such a file (the one a commit holds), so the
 * usual fix, reseal, changed nothing and verify kept failing: the local copy is what differs, and
 * only the bit decides which copy git commits. One git process, and only when a finding names a
 * modified file and the index can carry the bit (format 3 or 4).
 */
export declare function withLocalEditsFix(git: Git, findings: Finding[]): Promise<Finding[]>;
export {};
