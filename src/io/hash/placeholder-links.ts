/**
 * Symlinks that git checked out as plain files (`core.symlinks=false`: Git for Windows' default,
 * file systems without links). git still records each as a link (mode 120000) whose target is
 * the file's text, and `git add` keeps it one; so seal and verify record such a file as that
 * link, as a checkout with real links reads it (before, it was sealed as a plain file: a clone
 * with links then disagreed, and the hook refused every reseal).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import type { Git } from "../git.js";
import type { Observation } from "../../core/manifest/model.js";
import { symlinksOff } from "../checkout-forms.js";

const SYMLINK_MODE = Buffer.from("120000");

/**
 * Index paths of symlinks when git checks links out as plain files, else an empty set (one
 * `git config` process). `listing` is `git ls-files -s -v -z` when the caller has it already.
 */
export async function placeholderLinks(git: Git, listing?: Promise<Buffer | undefined>): Promise<Set<string>> {
  const out = new Set<string>();
  if (!(await symlinksOff(git))) return out;
  const bytes = (await listing) ?? (await git.lsIndexRaw());
  // Record layout: "T MMMMMM <oid> S\t<path>\0" (tracked.ts).
  for (let start = 0; start < bytes.length;) {
    let end = bytes.indexOf(0, start);
    if (end < 0) end = bytes.length;
    if (bytes.compare(SYMLINK_MODE, 0, 6, start + 2, start + 8) === 0) {
      const tab = bytes.indexOf(9, start);
      if (tab > 0 && tab < end) out.add(bytes.toString("utf8", tab + 1, end));
    }
    start = end + 1;
  }
  return out;
}

/** The placeholder at `rel` as the link git records: its bytes are the target. */
export function readPlaceholder(root: string, rel: string): Observation {
  try {
    const target = fs.readFileSync(`${root}/${rel}`);
    const sha256 = crypto.createHash("sha256").update(target).digest("hex");
    return { kind: "link", sha256, size: target.length, link: target.toString("utf8") };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    return { kind: "error", message: e.message, code: e.code ?? "EIO" };
  }
}
