/**
 * Tracked files git leaves out of the work tree (the skip-worktree bit of a sparse checkout):
 * `seal` walks the work tree, so without these it would drop them from the manifest. Their
 * content is git's copy, the index blob.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Observation } from "../core/manifest/model.js";
import { hasRawBytes } from "../core/names.js";
import type { Git } from "./git.js";

/**
 * Observations, from their index blobs, of the regular files and links that `accept` takes, that
 * carry the skip-worktree bit, are absent from the work tree and are not in `known`. Only in a
 * sparse checkout (core.sparseCheckout in the repository's or work tree's config file): no git process otherwise.
 */
export async function absentSkipWorktree(
  git: Git,
  accept: (p: string) => boolean,
  known: ReadonlyMap<string, unknown>,
): Promise<Map<string, Observation>> {
  const out = new Map<string, Observation>();
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
  if (!/sparsecheckout\s*=\s*true/i.test(config)) return out;
  const skipped = (await git.lsIndexTagged()).filter(
    (e) =>
      e.tag === "S" &&
      e.stage === 0 &&
      (e.mode === "100644" || e.mode === "100755" || e.mode === "120000") &&
      !known.has(e.path) &&
      !hasRawBytes(e.path) &&
      accept(e.path) &&
      !fs.existsSync(path.join(git.root, e.path)),
  );
  for (let at = 0; at < skipped.length; at += 128) {
    const chunk = skipped.slice(at, at + 128); // bounded memory
    const blobs = await git.readBlobs(chunk.map((e) => e.oid));
    for (const e of chunk) {
      const blob = blobs.get(e.oid);
      if (!blob) continue;
      const sha256 = crypto.createHash("sha256").update(blob).digest("hex");
      out.set(
        e.path,
        e.mode === "120000"
          ? { kind: "link", sha256, size: blob.length, link: blob.toString("utf8") }
          : { kind: "file", sha256, size: blob.length, ...(e.mode === "100755" ? { mode: "755" } : {}) },
      );
    }
  }
  return out;
}
