/**
 * The symlinks of HEAD's tree and their link texts, for the pre-commit hook: a link committed
 * earlier (`data/state.json -> ../other/t.json`, `data/lnk -> ../real`) is no staged change, yet
 * a commit that changes only its target changes what readers get through it, and the target
 * must be judged under the link's name (data/*.json's schema) as the working-tree check judges
 * it. Listing HEAD's tree costs a quarter second at 500,000 files, so the list is kept in
 * `.git/integrity-guard/head-links.json` by HEAD's commit id and brought up to date with one
 * `git diff-tree` when HEAD moves; HEAD is read from its files, so a warm cache costs no git process.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Git } from "./git.js";
import { writeFileAtomic } from "./atomic.js";
import { makeStateFolder } from "./state-folder.js";

const SYMLINK = "120000";
const CACHE_VERSION = 1;
const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

interface CacheFile {
  version: number;
  /** The commit (HEAD) whose tree these are. */
  commit: string;
  /** path -> link text (base64). */
  links: Record<string, string>;
}

function cacheFile(git: Git): string {
  return path.join(git.stateDir(), "head-links.json");
}

async function readCache(git: Git): Promise<{ commit: string; links: Map<string, Buffer> } | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(cacheFile(git), "utf8")) as CacheFile;
    if (data.version !== CACHE_VERSION || typeof data.commit !== "string" || !OID.test(data.commit)) return undefined;
    if (typeof data.links !== "object" || data.links === null) return undefined;
    const links = new Map<string, Buffer>();
    for (const [p, t] of Object.entries(data.links)) {
      if (typeof t !== "string") return undefined;
      links.set(p, Buffer.from(t, "base64"));
    }
    return { commit: data.commit, links };
  } catch {
    return undefined; // absent, unreadable or damaged: listed again
  }
}

/** Best effort: a cache that cannot be written is listed again next time. */
async function writeCache(git: Git, commit: string, links: Map<string, Buffer>): Promise<void> {
  const data: CacheFile = { version: CACHE_VERSION, commit, links: {} };
  for (const [p, t] of links) data.links[p] = t.toString("base64");
  try {
    await makeStateFolder(git.stateDir());
    await writeFileAtomic(cacheFile(git), JSON.stringify(data));
  } catch {
    /* read-only .git, full disk: correct without the cache, only slower */
  }
}

/**
 * HEAD's commit id read from the files git keeps it in (HEAD, a loose ref), so that a warm
 * cache costs no git process; undefined (ask git) for anything else: reftable refs, an unborn
 * branch, a chain of symbolic refs, a packed-refs file too big to scan. A fresh clone and every
 * `git gc` leave the branch in packed-refs only, so that file is read too (git's own order: the
 * loose ref first, then packed-refs).
 */
async function headFromFiles(git: Git): Promise<string | undefined> {
  try {
    const head = (await fs.readFile(path.join(git.gitDir, "HEAD"), "utf8")).trim();
    if (OID.test(head)) return head;
    const ref = /^ref: (refs\/heads\/[^\0\n]+)$/.exec(head)?.[1];
    if (!ref || ref.split("/").includes("..")) return undefined;
    let loose: string;
    try {
      loose = (await fs.readFile(path.join(git.commonDir, ref), "utf8")).trim();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") return undefined;
      return await packedRef(git, ref);
    }
    return OID.test(loose) ? loose : undefined;
  } catch {
    return undefined;
  }
}

/** packed-refs bigger than this are left to git (a scan would cost more than its process). */
const PACKED_REFS_MAX = 8 * 1024 * 1024;

/** A ref's id in packed-refs ("<oid> <ref>" lines, "^<peeled>" lines after tags), or undefined. */
async function packedRef(git: Git, ref: string): Promise<string | undefined> {
  const file = path.join(git.commonDir, "packed-refs");
  const st = await fs.stat(file);
  if (!st.isFile() || st.size > PACKED_REFS_MAX) return undefined;
  const text = await fs.readFile(file, "utf8");
  const at = text.indexOf(` ${ref}\n`);
  if (at < 0) return undefined;
  const start = text.lastIndexOf("\n", at) + 1;
  const oid = text.slice(start, at);
  return OID.test(oid) ? oid : undefined;
}

/** NUL-separated records of git's -z output. */
function records(out: Buffer): string[] {
  const s = out.toString("utf8");
  const parts = s.split("\0");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/**
 * Every symlink of the tree of commit `tree` (a full `git ls-tree -r`). Only the records of
 * links are decoded: at 500,000 files the listing is 38 MB, and a string per record would cost
 * more than git's own work.
 */
async function listLinks(git: Git, tree: string): Promise<Map<string, Buffer>> {
  const { stdout } = await git.exec(["ls-tree", "-r", "-z", "--full-tree", tree]);
  const oids = new Map<string, string>();
  const mark = Buffer.from(SYMLINK + " ");
  for (let pos = 0; pos < stdout.length;) {
    const nul = stdout.indexOf(0, pos);
    const end = nul < 0 ? stdout.length : nul;
    if (stdout.compare(mark, 0, mark.length, pos, pos + mark.length) === 0) {
      // "<mode> <type> <oid>\t<path>"
      const rec = stdout.toString("utf8", pos, end);
      const tab = rec.indexOf("\t");
      oids.set(rec.slice(tab + 1), rec.slice(0, tab).split(" ")[2]!);
    }
    pos = end + 1;
  }
  return withTexts(git, oids);
}

async function withTexts(git: Git, oids: Map<string, string>): Promise<Map<string, Buffer>> {
  const texts = oids.size ? await git.readBlobs([...oids.values()]) : new Map<string, Buffer>();
  const out = new Map<string, Buffer>();
  for (const [p, oid] of oids) {
    const t = texts.get(oid);
    if (t) out.set(p, t);
  }
  return out;
}

/**
 * GIT_INDEX_FILE for a git command whose output never depends on the index: a path in our state
 * folder that does not exist (git reads an absent index as empty). `git diff-tree` loads the whole
 * index before comparing two trees (builtin/diff-tree.c), which it then never uses for a raw diff:
 * at 500,000 files that was 0.35 s of CPU and 118 MB on every hook after HEAD moved (issue 20).
 * Were a file ever put there, a raw diff of two trees would still not change: git would at most
 * refuse it as a corrupt index (exit 128), and the links are then listed from the tree instead.
 */
function noIndex(git: Git): NodeJS.ProcessEnv {
  return { GIT_INDEX_FILE: path.join(git.stateDir(), "no-index") };
}

/** `links` of tree `from` brought to tree `to` with one `git diff-tree`; undefined when git cannot diff them (an object pruned). */
async function updateLinks(git: Git, from: string, to: string, links: Map<string, Buffer>): Promise<Map<string, Buffer> | undefined> {
  const res = await git.exec(["diff-tree", "-r", "-z", "--no-renames", from, to], { okCodes: [0, 128], env: noIndex(git) });
  if (res.code !== 0) return undefined;
  const parts = records(res.stdout);
  const out = new Map(links);
  const added = new Map<string, string>();
  for (let i = 0; i + 1 < parts.length; i += 2) {
    // ":<old mode> <new mode> <old oid> <new oid> <status>" then the path.
    const [, newMode, , newOid] = parts[i]!.slice(1).split(" ");
    const p = parts[i + 1]!;
    out.delete(p);
    if (newMode === SYMLINK) added.set(p, newOid!);
  }
  for (const [p, t] of await withTexts(git, added)) out.set(p, t);
  return out;
}

/**
 * The symlinks of HEAD's tree: path -> link text. Undefined on an unborn branch (every index
 * entry is then a staged change). Reads and refreshes the cache described above.
 */
export async function headLinks(git: Git): Promise<Map<string, Buffer> | undefined> {
  let commit = await headFromFiles(git);
  if (!commit) {
    const res = await git.exec(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], { okCodes: [0, 1, 128] });
    commit = res.code === 0 ? res.stdout.toString("utf8").trim() : "";
  }
  if (!commit) return undefined;
  const cached = await readCache(git);
  if (cached?.commit === commit) return cached.links;
  const links = (cached && (await updateLinks(git, cached.commit, commit, cached.links))) ?? (await listLinks(git, commit));
  await writeCache(git, commit, links);
  return links;
}
