/**
 * Tracked files git leaves out of the work tree (the skip-worktree bit of a sparse checkout):
 * `seal` walks the work tree, so without these it would drop them from the manifest. Their
 * content is git's copy, the index blob.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Finding } from "../core/finding.js";
import type { Observation } from "../core/manifest/model.js";
import { displayText, hasRawBytes } from "../core/names.js";
import type { FileSource, ReadOptions, ReadResult } from "./file-source.js";
import type { Git } from "./git.js";

/**
 * The regular files and links of the index that carry the skip-worktree bit, that `want` takes
 * and that are absent from the work tree (`present`: present in it), with their index blobs, 128
 * at a time (bounded memory). `pathspecs` narrows git's listing (none: the whole index).
 */
export async function* skippedBlobs(
  git: Git,
  want: (p: string) => boolean,
  pathspecs: readonly string[] = [],
  present = false,
  listing: IndexListing = () => git.lsIndexTagged(pathspecs),
): AsyncGenerator<{ path: string; mode: string; blob: Buffer }[]> {
  const skipped = (await listing()).filter(
    (e) =>
      e.tag === "S" &&
      e.stage === 0 &&
      (e.mode === "100644" || e.mode === "100755" || e.mode === "120000") &&
      want(e.path) &&
      (present ? isPresent(path.join(git.root, e.path)) : !fs.existsSync(path.join(git.root, e.path))),
  );
  for (let at = 0; at < skipped.length; at += 128) {
    const chunk = skipped.slice(at, at + 128);
    const blobs = await git.readBlobs(chunk.map((e) => e.oid));
    const out: { path: string; mode: string; blob: Buffer }[] = [];
    for (const e of chunk) {
      const blob = blobs.get(e.oid);
      if (blob) out.push({ path: e.path, mode: e.mode, blob });
    }
    yield out;
  }
}

/** The index's entries with their `ls-files -v` tags, as Git.lsIndexTagged gives them. */
type IndexListing = () => Promise<Awaited<ReturnType<Git["lsIndexTagged"]>>>;

/**
 * The index's skip-worktree entries (tag "S"), asked of git once however often it is called:
 * seal's two readings (presentSkipWorktree, absentSkipWorktree) share it, instead of each listing
 * a large monorepo's whole index. Only those entries are kept between the two (the whole listing,
 * an object per file, is not held across seal's tree walk). Nothing is asked until the first call.
 */
export function sharedIndexListing(git: Git): IndexListing {
  let listed: ReturnType<IndexListing> | undefined;
  return () => (listed ??= git.lsIndexTagged().then((entries) => entries.filter((e) => e.tag === "S")));
}

/** Whether something is at `abs` (a dangling symlink counts: lstat, as the walk sees it). */
function isPresent(abs: string): boolean {
  try {
    fs.lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** What `seal` and `verify` observe for an index blob of mode `mode` (a link, or a file with its digest). */
export function blobObservation(mode: string, blob: Buffer): Observation {
  const sha256 = crypto.createHash("sha256").update(blob).digest("hex");
  return mode === "120000"
    ? { kind: "link", sha256, size: blob.length, link: blob.toString("utf8") }
    : { kind: "file", sha256, size: blob.length, ...(mode === "100755" ? { mode: "755" } : {}) };
}

/**
 * Observations, from their index blobs, of the regular files and links that `accept` takes, that
 * carry the skip-worktree bit, are absent from the work tree and are not in `known`. Only in a
 * sparse checkout (core.sparseCheckout in the repository's or work tree's config file, or a
 * sparse-checkout pattern file): no git process otherwise.
 */
export async function absentSkipWorktree(
  git: Git,
  accept: (p: string) => boolean,
  known: ReadonlyMap<string, unknown>,
  listing: IndexListing = sharedIndexListing(git),
): Promise<Map<string, Observation>> {
  const out = new Map<string, Observation>();
  if (!isSparseCheckout(git)) return out;
  const want = (p: string) => !known.has(p) && !hasRawBytes(p) && accept(p);
  for await (const chunk of skippedBlobs(git, want, [], false, listing))
    for (const b of chunk) out.set(b.path, blobObservation(b.mode, b.blob));
  return out;
}

/**
 * Observations, from their index blobs, of the regular files and links that `accept` takes, that
 * carry the skip-worktree bit and are present in the work tree: a file kept with local edits
 * (`git update-index --skip-worktree`, the common way to keep a machine's settings out of
 * commits). git commits its index copy, never the work tree's, so that is the content a
 * manifest sealed for a commit must hold: sealing the local copy made every commit of the
 * manifest fail the hook (the staged blob is git's copy) with a fix, reseal, that sealed the
 * local copy again. No git process unless the index can carry the bit (index format 3 or 4).
 */
export async function presentSkipWorktree(
  git: Git,
  accept: (p: string) => boolean,
  listing: IndexListing = sharedIndexListing(git),
): Promise<Map<string, Observation>> {
  const out = new Map<string, Observation>();
  if (!mayCarrySkipWorktree(git.indexFile())) return out;
  const want = (p: string) => !hasRawBytes(p) && accept(p);
  for await (const chunk of skippedBlobs(git, want, [], true, listing))
    for (const b of chunk) out.set(b.path, blobObservation(b.mode, b.blob));
  return out;
}

/**
 * Whether the index file may hold skip-worktree entries: git writes such a bit (an extended
 * flag) only in index format 3 or 4; format 2 has none. Unreadable or split: assume it may.
 */
function mayCarrySkipWorktree(indexFile: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(indexFile, "r");
    const head = Buffer.alloc(12);
    if (fs.readSync(fd, head, 0, 12, 0) < 12 || head.toString("latin1", 0, 4) !== "DIRC") return true;
    return head.readUInt32BE(4) !== 2;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT"; // no index: nothing tracked
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Whether this work tree may be a sparse checkout: core.sparseCheckout in the repository's or
 * work tree's config file, or a sparse-checkout pattern file. Reads two small files, starts no
 * git process, so callers can ask on every run.
 */
function isSparseCheckout(git: Git): boolean {
  // `git sparse-checkout` writes it to config.worktree where per-worktree config is on.
  const config = [path.join(git.commonDir, "config"), path.join(git.gitDir, "config.worktree")]
    .map((f) => {
      try {
        return fs.readFileSync(f, "utf8");
      } catch {
        return "";
      }
    })
    .join("\n");
  // The pattern file too: core.sparseCheckout may come from a scope not read here (global, `-c`).
  const patterns = [git.gitDir, git.commonDir].some((d) => fs.existsSync(path.join(d, "info", "sparse-checkout")));
  return patterns || /sparsecheckout\s*=\s*true/i.test(config);
}

/**
 * The index blob of `rel` when a sparse checkout left it out of the work tree (skip-worktree bit,
 * absent on disk), else undefined. For the config and what it names: a cone that leaves out
 * `.integrity-guard/` must not turn the checks into the defaults (the index still holds them,
 * and the hook reads them from there).
 */
export async function skippedBlobAt(git: Git, rel: string): Promise<Buffer | undefined> {
  if (!isSparseCheckout(git)) return undefined;
  for await (const chunk of skippedBlobs(git, (p) => p === rel, [rel])) for (const b of chunk) if (b.mode !== "120000") return b.blob;
  return undefined;
}

/**
 * Findings whose fix says `git add ...`, for this checkout: in a sparse checkout `git add
 * --sparse`. seal writes the manifest even where the cone leaves `.integrity-guard/` out, but git
 * refuses to stage a path outside the cone without `--sparse` (exit 1, "outside of your
 * sparse-checkout definition"), so the fix as printed failed; inside the cone `--sparse` changes
 * nothing. Reads two small files, and only when a fix names `git add`.
 */
export function withSparseAdd(git: Git, findings: Finding[]): Finding[] {
  if (!findings.some((f) => f.fix?.includes("git add ")) || !isSparseCheckout(git)) return findings;
  return findings.map((f) => (f.fix?.includes("git add ") ? { ...f, fix: f.fix.replaceAll("git add ", "git add --sparse ") } : f));
}

/** What messages about a file read from its index blob say (the config, a schema, the manifest). */
export const FROM_INDEX = "from the index: outside the sparse checkout";

/**
 * A work-tree source whose absent paths are read from their index blobs when a sparse checkout
 * left them out (skip-worktree, absent on disk): for what the checks are judged by (schemas),
 * never for the data they judge. `fromIndex` says which paths were read so, for messages.
 */
export class WithSkippedBlobs implements FileSource {
  readonly kind = "worktree" as const;
  readonly fromIndex = new Set<string>();
  constructor(
    private readonly source: FileSource,
    private readonly git: Git,
  ) {}

  list(): Promise<string[]> {
    return this.source.list();
  }

  async read(paths: readonly string[], options?: ReadOptions): Promise<Map<string, ReadResult>> {
    const out = await this.source.read(paths, options);
    const absent = paths.filter((p) => !out.has(p));
    if (absent.length === 0 || !isSparseCheckout(this.git)) return out;
    const want = new Set(absent);
    for await (const chunk of skippedBlobs(this.git, (p) => want.has(p), absent))
      for (const b of chunk) {
        if (b.mode === "120000") continue; // a link's blob is its target's name, not the schema
        out.set(b.path, b.blob);
        this.fromIndex.add(b.path);
      }
    return out;
  }
}

/**
 * Tracked files `accept` takes that a sparse checkout left out of the work tree (skip-worktree
 * bit, absent on disk), sorted. No git process outside a sparse checkout.
 */
export async function absentFromSparseCheckout(git: Git, accept: (p: string) => boolean): Promise<string[]> {
  if (!isSparseCheckout(git)) return [];
  return (await git.lsIndexTagged())
    .filter((e) => e.tag === "S" && e.stage === 0 && accept(e.path) && !fs.existsSync(path.join(git.root, e.path)))
    .map((e) => e.path)
    .sort();
}

/**
 * How a refusal names tracked files a sparse checkout left out: the first five (escaped for
 * display, "..." when there are more) and the `git sparse-checkout add` arguments that bring
 * back their folders.
 */
export function outsideConeText(outside: readonly string[]): { files: string; folders: string } {
  const shown = outside.slice(0, 5).map((p) => displayText(p));
  const folders = [...new Set(outside.map((p) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : p)))].slice(0, 5);
  return {
    files: shown.join(", ") + (outside.length > shown.length ? ", ..." : ""),
    folders: folders.map((f) => displayText(f)).join(" "),
  };
}

/**
 * Findings of drift on a file kept with local edits (skip-worktree bit, present in the work tree),
 * with a fix that helps. `seal` seals git's copy of such a file (the one a commit holds), so the
 * usual fix, reseal, changed nothing and verify kept failing: the local copy is what differs, and
 * only the bit decides which copy git commits. One git process, and only when a finding names a
 * modified file and the index can carry the bit (format 3 or 4).
 */
export async function withLocalEditsFix(git: Git, findings: Finding[]): Promise<Finding[]> {
  const modified = [...new Set(findings.filter((f) => f.rule === "manifest/modified" && f.file).map((f) => f.file!))];
  if (modified.length === 0 || !mayCarrySkipWorktree(git.indexFile())) return findings;
  const kept = new Set(
    (await git.lsIndexTagged(modified))
      .filter((e) => e.tag === "S" && e.stage === 0 && isPresent(path.join(git.root, e.path)))
      .map((e) => e.path),
  );
  if (kept.size === 0) return findings;
  return findings.map((f) => (f.rule === "manifest/modified" && kept.has(f.file!) ? { ...f, fix: localEditsFix(f.file!) } : f));
}

/** The fix for a sealed file whose work-tree copy holds local edits git does not commit. */
function localEditsFix(file: string): string {
  const q = shellQuote(file);
  return (
    `${file} is marked skip-worktree: the manifest seals git's copy (the one commits hold) and the work tree keeps local edits, so resealing changes nothing. ` +
    `If the edits are this machine's own settings, this drift is expected here only (other clones verify clean); to drop them: \`git update-index --no-skip-worktree ${q} && git checkout -- ${q}\`; ` +
    `to commit them instead: \`git update-index --no-skip-worktree ${q}\`, then \`integrity-guard seal\` and commit ${file} with the manifest; ` +
    `or leave the file out of the manifest (manifest.exclude)`
  );
}

/** `s` quoted for a POSIX shell when it holds anything but safe characters. */
function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replaceAll("'", "'\\''")}'`;
}
