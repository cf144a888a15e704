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

const GITLINK = "160000";
const SYMLINK = "120000";

/** Adjust `out` (work-tree reads of `paths`) for the checkout forms above. */
export async function asCommitted(git: Git, paths: readonly string[], out: Map<string, ReadResult>): Promise<void> {
  const folders = paths.filter((p) => {
    const r = out.get(p);
    return r !== undefined && !Buffer.isBuffer(r) && r.code === "EISDIR";
  });
  const encoded = paths.filter((p) => {
    const r = out.get(p);
    return Buffer.isBuffer(r) && maybeEncoded(r);
  });
  const linkLike = paths.filter((p) => {
    const r = out.get(p);
    return Buffer.isBuffer(r) && maybeLinkTarget(r);
  });
  const asked = [...folders, ...linkLike];
  if (asked.length > 0) {
    // Past a few thousand names the whole index is listed: no argv near the system's limit.
    const entries = (await git.lsStaged(asked.length > 2000 ? [] : asked)).filter((e) => e.stage === 0);
    const linkSet = new Set(linkLike);
    const folderSet = new Set(folders);
    const links = entries.filter((e) => e.mode === SYMLINK && linkSet.has(e.path));
    if (links.length > 0 && (await symlinksOff(git)))
      for (const e of links)
        out.set(e.path, {
          error: "is a symlink (checked out as a plain file holding its target: core.symlinks=false; not followed)",
          code: "ELOOP",
        });
    for (const e of entries) if (e.mode === GITLINK && folderSet.has(e.path)) out.delete(e.path);
  }
  const stored = await identExpanded(git, paths, out);
  if (encoded.length === 0) return;
  const encodings = await git.attribute("working-tree-encoding", encoded, false);
  for (const p of encoded) {
    if (stored.has(p)) continue; // already git's stored form
    const enc = encodings.get(p);
    const bytes = out.get(p);
    if (!enc || enc === "unspecified" || enc === "set" || enc === "unset" || !Buffer.isBuffer(bytes)) continue;
    const decoded = decode(bytes, enc);
    if (decoded) out.set(p, decoded);
  }
}

/** What git's `ident` writes into a checkout: `$Id$` (and any `$Id:...$` on one line) expanded. */
const ID_EXPANDED = Buffer.from("$Id:");

/**
 * Files with the `ident` attribute, checked out from their index blob unchanged, are read as that
 * blob: git expands `$Id$`, and any `$Id:...$` without a space inside on one line, to
 * `$Id: <blob id> $` on checkout and collapses it on `git add`, so a blob its readers refuse
 * (`{"a": "$Id:",broken"$"}`) has a valid checkout. GitHub reads workflows, action.yml and
 * dependabot.yml from the blob, as do raw URLs, the contents API and programs reading git objects.
 * A file edited since (not what checking the blob out writes) is read as it is. Returns
 * the paths replaced.
 */
async function identExpanded(git: Git, paths: readonly string[], out: Map<string, ReadResult>): Promise<Set<string>> {
  const replaced = new Set<string>();
  const expanded = paths.filter((p) => {
    const r = out.get(p);
    return Buffer.isBuffer(r) && r.includes(ID_EXPANDED);
  });
  if (expanded.length === 0) return replaced;
  const ident = await git.attribute("ident", expanded, false);
  const marked = new Set(expanded.filter((p) => ident.get(p) === "set"));
  if (marked.size === 0) return replaced;
  const entries = (await git.lsStaged(marked.size > 2000 ? [] : [...marked])).filter((e) => e.stage === 0 && marked.has(e.path));
  const blobs = await git.readBlobs(entries.map((e) => e.oid));
  for (const e of entries) {
    const blob = blobs.get(e.oid);
    const read = out.get(e.path);
    if (blob === undefined || !Buffer.isBuffer(read) || blob.equals(read)) continue;
    // The checkout of the blob, as git writes it (one process per such file: they are rare).
    const smudged = await git.exec(["cat-file", "--filters", `--path=${e.path}`, e.oid], { okCodes: [0, 128] });
    if (smudged.code !== 0 || !smudged.stdout.equals(read)) continue; // edited since: read as it is
    out.set(e.path, blob);
    replaced.add(e.path);
  }
  return replaced;
}

/** UTF-16/32 text: a BOM, or a NUL byte among the first two (ASCII text in UTF-16 without a BOM). */
function maybeEncoded(b: Buffer): boolean {
  if (b.length < 2) return false;
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || b[0] === 0 || b[1] === 0;
}

/** The bytes as UTF-8, decoded from git's encoding name (`UTF-16LE-BOM` = UTF-16LE with a BOM); undefined when unknown or not decodable. */
function decode(bytes: Buffer, encoding: string): Buffer | undefined {
  const name = encoding.toLowerCase().replace(/-bom$/, "");
  try {
    // fatal: a file that is not in its declared encoding is read as it is (and reported so).
    const text = new TextDecoder(name, { fatal: true }).decode(bytes); // drops a BOM of this encoding
    return Buffer.from(text, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Bytes that may be a symlink's target checked out as a plain file: one line of at most PATH_MAX
 * bytes, no NUL, and not a one-line JSON object or array (which would cost a git process for
 * every minified JSON file). Only such files are looked up in the index: the setting may come
 * from any of git's config scopes (system, as Git for Windows sets it, global, `-c`, includes),
 * which only git reads right.
 */
function maybeLinkTarget(b: Buffer): boolean {
  if (b.length === 0 || b.length > 4096 || b.includes(0) || b.includes(10)) return false;
  const first = b[0];
  const last = b[b.length - 1];
  return !((first === 0x7b && last === 0x7d) || (first === 0x5b && last === 0x5d)); // {...} or [...]
}

/** Per repository, asked once per run. */
const symlinksOffOf = new WeakMap<Git, Promise<boolean>>();

/** Whether git checks symlinks out as plain files (core.symlinks=false, from any config scope). */
export function symlinksOff(git: Git): Promise<boolean> {
  let off = symlinksOffOf.get(git);
  if (!off) {
    off = git
      .exec(["config", "--bool", "core.symlinks"], { okCodes: [0, 1] })
      .then((res) => res.stdout.toString("utf8").trim() === "false");
    symlinksOffOf.set(git, off);
  }
  return off;
}
