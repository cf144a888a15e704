/**
 * Work-tree files that git checked out as something other than what the commit holds, so that
 * reading their bytes as data would judge the wrong thing (a false block):
 * - a symlink in a checkout with `core.symlinks=false` (Git for Windows' default, file systems
 *   without links) is a plain file holding the link's target path: reported as a link;
 * - a submodule named like a data file (`vendor/x.json`) is a folder: left out, as in the index;
 * - a file with a `working-tree-encoding` attribute (UTF-16 for Windows tools) is stored in git
 *   as UTF-8: read as git would store it (decoded), so its JSON/YAML is checked, not its BOM.
 * Each costs a git process only when such a file is among those read.
 */
import fs from "node:fs";
import path from "node:path";
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
  const links = (await plainFileLinks(git)) ?? new Set<string>();
  const asked = [...folders, ...paths.filter((p) => links.has(p) && Buffer.isBuffer(out.get(p)))];
  if (asked.length > 0) {
    for (const e of await git.lsStaged(asked)) {
      if (e.stage !== 0) continue;
      if (e.mode === GITLINK && folders.includes(e.path)) out.delete(e.path);
      else if (e.mode === SYMLINK && links.has(e.path))
        out.set(e.path, {
          error: "is a symlink (checked out as a plain file holding its target: core.symlinks=false; not followed)",
          code: "ELOOP",
        });
    }
  }
  if (encoded.length === 0) return;
  const encodings = await git.attribute("working-tree-encoding", encoded, false);
  for (const p of encoded) {
    const enc = encodings.get(p);
    const bytes = out.get(p);
    if (!enc || enc === "unspecified" || enc === "set" || enc === "unset" || !Buffer.isBuffer(bytes)) continue;
    const decoded = decode(bytes, enc);
    if (decoded) out.set(p, decoded);
  }
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

/** Per repository, asked once per run. */
const linksOf = new WeakMap<Git, Promise<Set<string> | undefined>>();

/**
 * The tracked symlinks, when git checks them out as plain files (core.symlinks=false); else
 * undefined. The repository's config file is read first: git writes `symlinks = false` there
 * when it finds links unsupported (and Git for Windows at every clone), so git is asked only
 * when that file names the setting (a setting made only in a global config is not seen).
 */
function plainFileLinks(git: Git): Promise<Set<string> | undefined> {
  let links = linksOf.get(git);
  if (!links) {
    links = (async () => {
      let text: string;
      try {
        text = fs.readFileSync(path.join(git.commonDir, "config"), "utf8");
      } catch {
        return undefined;
      }
      if (!/symlinks/i.test(text)) return undefined;
      const res = await git.exec(["config", "--bool", "core.symlinks"], { okCodes: [0, 1] });
      if (res.stdout.toString("utf8").trim() !== "false") return undefined;
      return new Set((await git.lsStaged()).filter((e) => e.mode === SYMLINK && e.stage === 0).map((e) => e.path));
    })();
    linksOf.set(git, links);
  }
  return links;
}
