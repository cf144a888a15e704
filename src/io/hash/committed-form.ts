/**
 * The committed form of files behind a git clean filter that rewrites them (`.gitattributes`
 * `filter=NAME` with `filter.NAME.clean = jq -S .`, or a `sed` that redacts): git stores clean's
 * output, not the work-tree bytes. A manifest sealing the work-tree bytes would seal content git
 * never holds: a fresh clone checks out smudge(blob) and fails `verify`, and a commit staged
 * before a later edit fails the hook. For such a path the manifest holds the SHA-256 and size of
 * the bytes `git add` would store (hash-object through the path's filters), which is what the
 * hook reads from the index and what any clone's file cleans back to.
 *
 * Left as the work-tree form, as before: Git LFS (its pointer names the content; the content is
 * what is sealed and what LFS checks out again), git-crypt and transcrypt (the plaintext is
 * sealed; the ciphertext changes with the key). Without any other clean filter configured, none
 * of this runs: one `git config` process, and seal's output is the same bytes as before.
 */
import crypto from "node:crypto";
import fsp from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Git } from "../git.js";
import type { Observation } from "../../core/manifest/model.js";
import { makeStateFolder } from "../state-folder.js";

/** Filter drivers whose checked-out content is what is sealed (see the module comment). */
const WORK_TREE_FORM = /^(?:lfs|crypt|git-crypt(?:-.*)?)$/;

/** Names of the filter drivers with a clean (or long-running process) command that are sealed in their committed form. */
export async function committedFormDrivers(git: Git): Promise<Set<string>> {
  const r = await git.exec(["config", "-z", "--get-regexp", "^filter\\..+\\.(clean|process)$"], { okCodes: [0, 1] });
  const out = new Set<string>();
  for (const item of r.stdout.toString("utf8").split("\0")) {
    const key = item.slice(0, item.indexOf("\n") < 0 ? item.length : item.indexOf("\n"));
    const m = /^filter\.(.+)\.(?:clean|process)$/.exec(key);
    if (m && !WORK_TREE_FORM.test(m[1]!)) out.add(m[1]!);
  }
  return out;
}

/** Of `paths`, those whose `filter` attribute names one of `drivers` (the work tree's .gitattributes). */
export async function committedFormPaths(git: Git, paths: readonly string[], drivers: ReadonlySet<string>): Promise<string[]> {
  if (drivers.size === 0 || paths.length === 0) return [];
  const asked = paths.filter((p) => !/[\n\r]/.test(p) && !p.startsWith('"'));
  const values = await git.attribute("filter", asked, false);
  return asked.filter((p) => drivers.has(values.get(p) ?? ""));
}

/**
 * SHA-256 and size of what `git add` would store for each of `paths` (work-tree files, through
 * their filters). The objects are written to a temporary object folder, never the repository's.
 * A path git cannot hash (gone, unreadable, a failing filter) is absent.
 */
export async function committedForms(git: Git, paths: readonly string[]): Promise<Map<string, { sha256: string; size: number }>> {
  const out = new Map<string, { sha256: string; size: number }>();
  if (paths.length === 0) return out;
  const dir = path.join(git.stateDir(), `clean-${process.pid}-${randomUUID()}`);
  await makeStateFolder(dir);
  try {
    const env = { GIT_OBJECT_DIRECTORY: dir };
    const res = await git.exec(["hash-object", "-w", "--stdin-paths"], { input: paths.join("\n") + "\n", env, okCodes: [0, 128] });
    const ids = res.stdout.toString("utf8").split("\n").filter(Boolean);
    if (res.code !== 0 || ids.length !== paths.length) return out;
    const { stdout } = await git.exec(["cat-file", "--batch"], { input: ids.join("\n") + "\n", env });
    const byId = new Map<string, { sha256: string; size: number }>();
    for (let pos = 0; pos < stdout.length;) {
      const nl = stdout.indexOf(10, pos);
      if (nl < 0) break;
      const [oid, type, size] = stdout.toString("utf8", pos, nl).split(" ");
      pos = nl + 1;
      if (type !== "blob" || size === undefined) continue;
      const body = stdout.subarray(pos, pos + Number(size));
      byId.set(oid!, { sha256: crypto.createHash("sha256").update(body).digest("hex"), size: body.length });
      pos += Number(size) + 1;
    }
    paths.forEach((p, i) => {
      const form = byId.get(ids[i]!);
      if (form) out.set(p, form);
    });
    return out;
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Observations of `observed` (work-tree files) whose path a committed-form driver filters,
 * replaced by their committed form (seal and verify). Call before git's own copies of absent
 * files are added: hash-object needs the work-tree file.
 */
export async function toCommittedForms(git: Git, observed: Map<string, Observation>, drivers: ReadonlySet<string>): Promise<void> {
  if (drivers.size === 0) return;
  const files = [...observed].filter(([, o]) => o.kind === "file" && !o.bitrot).map(([p]) => p);
  const forms = await committedForms(git, await committedFormPaths(git, files, drivers));
  for (const [p, f] of forms) {
    const o = observed.get(p);
    if (o?.kind === "file") observed.set(p, { ...o, sha256: f.sha256, size: f.size });
  }
}
