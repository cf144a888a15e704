/**
 * The one class that runs git. Argv arrays only (no shell), output read in -z/porcelain form,
 * exit codes checked explicitly. A remote (snapshots.remote is the repository's text) always
 * follows `--end-of-options`: `--upload-pack=CMD` as a remote would run CMD. We spawn git directly rather than through simple-git: the hook
 * and snapshots need stdin streaming (cat-file --batch, mktree, commit-tree, update-index
 * --index-info), the inherited GIT_INDEX_FILE must reach git untouched (git sets it for
 * `commit -a` / `commit <path>`), and every extra module costs the hook start-up time.
 */
import { isUtf8 } from "node:buffer";
import { spawn, type ChildProcessByStdio } from "node:child_process";
import fsp from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import path from "node:path";
import { decodeName, hasRawBytes, nameBytes } from "../core/names.js";
import { EnvironmentError, GitError, NotARepositoryError } from "../errors.js";
import { appendAll } from "../core/append.js";
import { childEnv } from "./child-env.js";
import { CatFileSession, SessionUnavailableError } from "./cat-file-session.js";

interface ExecOptions {
  /** Bytes written to git's stdin. */
  input?: string | Buffer;
  /** Extra environment (merged over process.env less what children must not see: child-env.ts). */
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are not failures (default [0]). */
  okCodes?: number[];
  cwd?: string;
  /** git's stdout goes nowhere (stdout of the result is empty): output only git's own work needs. */
  discardStdout?: boolean;
  /**
   * Expected bytes of stdout: it is gathered into one buffer of this size (grown when short)
   * instead of a list of pipe chunks joined at the end, which held the output twice at once.
   */
  stdoutSizeHint?: number;
}

interface ExecResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export interface IndexEntry {
  mode: string;
  oid: string;
  /** 0 normally; 1-3 for an unresolved merge conflict. */
  stage: number;
  path: string;
}

/**
 * Split NUL-terminated output: "a\0b\0" -> ["a", "b"]. Names that are not valid UTF-8 are
 * decoded losslessly (core/names.ts decodeName), never into U+FFFD: a lossy name would read
 * another file, or none, and the file would be skipped silently (issue 14).
 */
export function splitZ(out: Buffer | string): string[] {
  if (typeof out !== "string" && !isUtf8(out)) {
    const parts: string[] = [];
    let start = 0;
    for (let nul = out.indexOf(0); nul !== -1; nul = out.indexOf(0, start)) {
      parts.push(decodeName(out.subarray(start, nul)));
      start = nul + 1;
    }
    if (start < out.length) parts.push(decodeName(out.subarray(start)));
    return parts;
  }
  const s = typeof out === "string" ? out : out.toString("utf8");
  const parts = s.split("\0");
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/**
 * The records of `git ls-tree -r -z` output one at a time, as lsTreeBlobs parses them (each name
 * decoded as splitZ decodes it).
 */
function* treeRecords(out: Buffer): Generator<{ mode: string; type: string; oid: string; path: string }> {
  let start = 0;
  while (start < out.length) {
    let nul = out.indexOf(0, start);
    if (nul < 0) nul = out.length;
    const tab = out.indexOf(9, start);
    if (tab < 0 || tab > nul) {
      start = nul + 1;
      continue;
    }
    const [mode, type, oid] = out.toString("latin1", start, tab).split(" ");
    yield { mode: mode!, type: type!, oid: oid!, path: decodeName(out.subarray(tab + 1, nul)) };
    start = nul + 1;
  }
}

/**
 * Parse `git ls-files -s -z`: "<mode> <oid> <stage>\t<path>\0".
 * Sample: "100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tdata/a.json\0"
 */
function parseLsFilesStage(out: Buffer | string): IndexEntry[] {
  return splitZ(out).map((rec) => {
    const tab = rec.indexOf("\t");
    const [mode, oid, stage] = rec.slice(0, tab).split(" ");
    return { mode: mode!, oid: oid!, stage: Number(stage), path: rec.slice(tab + 1) };
  });
}

/** The empty blob and the empty tree, in SHA-1 and SHA-256 repositories. */
const EMPTY_BLOB = new Set([
  "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
  "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
]);
const EMPTY_TREE_SHA1 = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
const EMPTY_TREE_SHA256 = "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321";

/**
 * git's refusal of a repository owned by another user (git 2.35.2+, CVE-2022-24765), from its
 * stderr. Samples: "fatal: detected dubious ownership in repository at '/srv/repo'\nTo add an
 * exception for this directory, call:\n\n\tgit config --global --add safe.directory /srv/repo"
 * (2.36+) and "fatal: unsafe repository ('/srv/repo' is owned by someone else)" (2.35.2).
 */
function ownershipRefusal(stderr: string): { at: string; reason: string; fix: string } | undefined {
  const m =
    /dubious ownership in repository at '([^\n]*)'/.exec(stderr) ??
    /unsafe repository \('([^\n]*)' is owned by someone else\)/.exec(stderr);
  if (!m) return undefined;
  const suggested = /git config --global --add safe\.directory [^\n]+/.exec(stderr)?.[0];
  return {
    at: m[1]!,
    reason: "detected dubious ownership (the repository belongs to another user than the one running git)",
    fix: `if you trust this repository, allow it: ${suggested ?? `git config --global --add safe.directory ${m[1]!}`} (in CI, run that step before integrity-guard; or run as the repository's owner)`,
  };
}

/**
 * git's refusal of a bare repository it found by walking up from the cwd (HARDENING below).
 * Sample: "fatal: cannot use bare repository '/w/app/evil' (safe.bareRepository is 'explicit')".
 */
function bareRefusal(stderr: string): { at: string; reason: string; fix: string } | undefined {
  const m = /cannot use bare repository '([^\n]*)' \(safe\.bareRepository/.exec(stderr);
  if (!m) return undefined;
  return {
    at: m[1]!,
    reason:
      "it is a bare repository (or a folder shaped like one: HEAD, objects/, refs/, config) found at or above the folder integrity-guard runs in, and a committed folder of that shape could run commands through its config",
    fix: "run integrity-guard from the work tree's own folder (the Action's `working-directory`, the CLI's -C), not from inside that folder; to check a bare repository's files, check out a work tree of it",
  };
}

export class Git {
  private constructor(
    /** Absolute path of the work tree's top level. */
    readonly root: string,
    /** Absolute path of this work tree's git dir (.git, or .git/worktrees/x). */
    readonly gitDir: string,
    /** Absolute path of the common git dir (shared by worktrees). */
    readonly commonDir: string,
  ) {}

  /** Open the repository containing `cwd`; EnvironmentError (exit 2) when there is none. */
  static async open(cwd: string): Promise<Git> {
    let res: ExecResult;
    try {
      res = await execGit(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir"], { cwd, okCodes: [0, 128] });
    } catch (error) {
      throw new EnvironmentError(`could not run git: ${(error as Error).message}`, {
        fix: "install git 2.30 or newer and make sure it is on PATH",
      });
    }
    if (res.code !== 0) {
      const refused = ownershipRefusal(res.stderr) ?? bareRefusal(res.stderr);
      // A repository git will not open for its owner (safe.directory) is no "not a repository":
      // its fix is not `git init`, and validate must not fall back to reading it as plain folders.
      if (refused)
        throw new EnvironmentError(`git refuses to open the repository at ${refused.at}: ${refused.reason}`, { fix: refused.fix });
      throw new NotARepositoryError(`${cwd} is not inside a git work tree`, {
        fix: "run integrity-guard from inside a git repository (git init, or cd into one)",
      });
    }
    let [root, gitDir, common] = res.stdout.toString("utf8").replace(/\n$/, "").split("\n");
    if (common === undefined || res.stdout.toString("utf8").split("\n").length !== 4) {
      // git prints these paths raw, one per line: a newline in the repository's path (rare) makes
      // the lines ambiguous, so each is asked on its own (its output is then the whole path).
      [root, gitDir, common] = await Promise.all(
        ["--show-toplevel", "--absolute-git-dir", "--git-common-dir"].map((o) => revParseRaw(cwd, o)),
      );
    }
    if (!root) throw new EnvironmentError(`${cwd} is inside a bare repository or a git dir; integrity-guard needs a work tree`);
    return new Git(root, gitDir!, path.resolve(root, common!));
  }

  /** Run git in the work tree; throws GitError on an exit code not in okCodes. */
  exec(args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    return execGit(args, { cwd: this.root, ...options });
  }

  /** Folder for machine-local state (stat cache, locks, compiled schemas), never committed. */
  stateDir(): string {
    return path.join(this.commonDir, "integrity-guard");
  }

  /** Entries of the index that GIT_INDEX_FILE (or .git/index) names. */
  async lsStaged(pathspecs: readonly string[] = []): Promise<IndexEntry[]> {
    const { stdout } = await this.exec(["ls-files", "-s", "-z", "--", ...literal(pathspecs)]);
    return parseLsFilesStage(stdout);
  }

  /**
   * lsStaged without intent-to-add entries (`git add -N`): what a commit of this index holds.
   * Costs a second git process only when an entry holds the empty blob.
   */
  async lsCommitted(pathspecs: readonly string[] = []): Promise<IndexEntry[]> {
    const all = await this.lsStaged(pathspecs);
    const ita = await this.intentToAdd(all);
    return ita.size ? all.filter((e) => !ita.has(e.path)) : all;
  }

  /**
   * Paths with an unresolved merge conflict: index entries at stage 1-3 (a merge, cherry-pick,
   * revert, rebase, `stash pop`, `checkout -m` or `am -3` that stopped), each path once.
   * Sample `ls-files -u -z` record: "100644 <oid> 2\tdata/a.json\0".
   */
  async unmergedPaths(): Promise<string[]> {
    const { stdout } = await this.exec(["ls-files", "-u", "-z"]);
    return [...new Set(parseLsFilesStage(stdout).map((e) => e.path))];
  }

  /** Tracked and untracked-but-not-ignored files of the work tree (repo-relative). */
  async lsWorktree(): Promise<string[]> {
    const { stdout } = await this.exec(["ls-files", "-z", "-c", "-o", "--exclude-standard", "--deduplicate"]);
    return splitZ(stdout);
  }

  /**
   * Paths whose staged content differs from HEAD (added, copied, modified, renamed, type-changed).
   * On an unborn branch every staged path counts.
   */
  async stagedChanges(): Promise<string[]> {
    const head = await this.tryRevParse("HEAD");
    if (!head) return (await this.lsStaged()).map((e) => e.path);
    const { stdout } = await this.exec(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=ACMRT", "HEAD"]);
    return splitZ(stdout);
  }

  /** The object id a revision names, or undefined when it does not exist. Never throws. */
  async tryRevParse(rev: string): Promise<string | undefined> {
    try {
      const res = await this.exec(["rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{}"], { okCodes: [0, 1, 128] });
      return res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
    } catch {
      return undefined;
    }
  }

  /** The shared `cat-file --batch-command` of withCatFileSession, while one is open. */
  private session: CatFileSession | undefined;

  /**
   * Run `fn` with one `git cat-file --batch-command` process (started on the first read, if any)
   * answering its readBlobs, catFileBatch and catFileLimited calls: the hook's manifest check
   * reads in four or five dependent rounds, each a process of its own before (cat-file-session.ts).
   */
  async withCatFileSession<T>(fn: () => Promise<T>): Promise<T> {
    if (this.session) return fn();
    const session = new CatFileSession((args) => this.spawnStreaming(args));
    this.session = session;
    try {
      return await fn();
    } finally {
      if (this.session === session) this.session = undefined;
      await session.close();
    }
  }

  /**
   * `ask` through the open session; undefined when none is open, it was closed meanwhile, or this
   * git has no --batch-command (the session is then dropped): the caller asks a process of its own.
   */
  async viaSession<T>(ask: (s: CatFileSession) => Promise<T>): Promise<T | undefined> {
    const session = this.session;
    if (!session) return undefined;
    try {
      return await ask(session);
    } catch (error) {
      if (!(error instanceof SessionUnavailableError)) throw error;
      if (this.session === session) this.session = undefined;
      return undefined;
    }
  }

  /**
   * Read many blobs in one `git cat-file --batch` process. Returns oid -> content; an oid git
   * reports missing is absent from the map.
   */
  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const result = new Map<string, Buffer>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return result;
    const shared = await this.viaSession((s) => s.contents(unique));
    if (shared) {
      unique.forEach((oid, k) => {
        const c = shared[k];
        if (c) result.set(oid, c.data);
      });
      return result;
    }
    const { stdout } = await this.exec(["cat-file", "--batch"], { input: unique.join("\n") + "\n" });
    // Output per object: "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
    let pos = 0;
    while (pos < stdout.length) {
      const nl = stdout.indexOf(10, pos);
      if (nl < 0) break;
      const header = stdout.toString("utf8", pos, nl).split(" ");
      pos = nl + 1;
      if (header[1] === "missing" || header.length < 3) continue;
      const size = Number(header[2]);
      result.set(header[0]!, stdout.subarray(pos, pos + size));
      pos += size + 1;
    }
    return result;
  }

  /**
   * Index entries with their `ls-files -v` tag: "H" is a normal cached file; a lower-case tag
   * (assume-unchanged) or "S" (skip-worktree) means git will not notice worktree edits, so the
   * manifest must not trust git for that file.
   * Sample: "H 100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tdata/a.json\0"
   */
  async lsIndexTagged(pathspecs: readonly string[] = []): Promise<(IndexEntry & { tag: string })[]> {
    const stdout = pathspecs.length
      ? (await this.exec(["ls-files", "-s", "-v", "-z", "--", ...literal(pathspecs)])).stdout
      : await this.lsIndexRaw();
    // Fixed layout "T MMMMMM <oid> S\t<path>": offsets instead of split() (20,000+ records on the
    // warm verify path). The oid is 40 (SHA-1) or 64 (SHA-256) hex digits.
    return splitZ(stdout).map((rec) => {
      const tab = rec.indexOf("\t");
      return {
        tag: rec[0]!,
        mode: rec.slice(2, 8),
        oid: rec.slice(9, tab - 2),
        stage: rec.charCodeAt(tab - 1) - 48,
        path: rec.slice(tab + 1),
      };
    });
  }

  /** The index file git reads here: GIT_INDEX_FILE (relative to the work tree, where git runs) or the repository's. */
  indexFile(): string {
    return process.env.GIT_INDEX_FILE ? path.resolve(this.root, process.env.GIT_INDEX_FILE) : path.join(this.gitDir, "index");
  }

  /**
   * The raw bytes of `git ls-files -s -v -z` (the layout lsIndexTagged parses), for a reader that
   * keeps them packed instead of one object per entry (io/hash/tracked.ts).
   */
  async lsIndexRaw(): Promise<Buffer> {
    // The listing is about the index file's size (an entry there is 62 bytes and its path, here
    // 53 and its path): read into one buffer of that size (issue 20: 38 MB at 500,000 files,
    // held twice while the pipe's chunks were joined).
    let hint = 0;
    try {
      hint = (await fsp.stat(this.indexFile())).size;
    } catch {
      /* no index yet: an empty listing */
    }
    const { stdout } = await this.exec(["ls-files", "-s", "-v", "-z"], { stdoutSizeHint: hint });
    return stdout;
  }

  /**
   * Tracked paths whose work-tree file may differ from the index (content, mode, type, or just
   * stale stat info: git does not refresh the index here, so this can over-report, never
   * under-report). Read-only: unlike `git status`, it never writes the index.
   * Every stat field is compared whatever the repository's config says: with
   * `core.trustctime=false` or `core.checkStat=minimal`, a file rewritten with its old size and
   * `touch -d` back to its old mtime looked clean to git, and verify, seal and check took its
   * old hash from the cache (test/adversarial/racy-stat-cache.test.ts). A ctime that changes
   * without an edit then only costs a re-hash. `core.fsmonitor` is off for the same reason: git
   * then skips the stat of every file its monitor calls unchanged, and a write the monitor never
   * saw (another host on NFS, a container's bind mount, a daemon that missed an event) passed
   * verify (test/adversarial/git-index-states.test.ts).
   */
  async worktreeChangedPaths(): Promise<string[]> {
    const strict = ["-c", "core.trustctime=true", "-c", "core.checkStat=default", "-c", "core.fsmonitor=false"];
    const { stdout } = await this.exec([...strict, "diff-files", "--name-only", "-z", "--no-renames"]);
    return splitZ(stdout);
  }

  /**
   * The blob id each work-tree file at `paths` would be stored as by `git add` (its bytes read
   * now, through the checkout conversion its path has: eol, autocrlf, clean filters), written
   * nowhere. Content, not stat info: a file rewritten with its old stat is seen. Names that
   * `--stdin-paths` cannot carry (CR, newline, a leading `"`) and names that are not UTF-8 are
   * left out, as are files git could not read.
   */
  async cleanedBlobIds(paths: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const asked = paths.filter((p) => !/[\n\r]/.test(p) && !p.startsWith('"') && !hasRawBytes(p));
    if (asked.length === 0) return out;
    const res = await this.exec(["hash-object", "--stdin-paths"], { input: asked.join("\n") + "\n", okCodes: [0, 128] });
    const ids = res.stdout.toString("utf8").split("\n").filter(Boolean);
    if (res.code !== 0 || ids.length !== asked.length) return out; // a file vanished or is unreadable: vouch for none
    asked.forEach((p, i) => out.set(p, ids[i]!));
    return out;
  }

  /**
   * Sizes of blobs (one `cat-file --batch-check`), so callers can read big blobs a few at a time.
   * Sample line: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 blob 0"; a missing object is absent.
   */
  async blobSizes(oids: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return out;
    const { stdout } = await this.exec(["cat-file", "--batch-check"], { input: unique.join("\n") + "\n" });
    for (const line of stdout.toString("utf8").split("\n")) {
      const [oid, type, size] = line.split(" ");
      if (oid && type === "blob" && size !== undefined) out.set(oid, Number(size));
    }
    return out;
  }

  /**
   * Type and size of each name (`:path` for a stage-0 index entry), in order, from one
   * `git cat-file --batch-check`; undefined where git says missing (a folder is no index
   * entry). Names with a newline are reported missing without asking git.
   * Sample output: "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 blob 0\n:data missing\n".
   */
  async batchCheck(names: readonly string[]): Promise<({ oid: string; type: string; size: number } | undefined)[]> {
    const out: ({ oid: string; type: string; size: number } | undefined)[] = names.map(() => undefined);
    const asked = names.map((n, i) => [n, i] as const).filter(([n]) => !n.includes("\n"));
    if (asked.length === 0) return out;
    const { stdout } = await this.exec(["cat-file", "--batch-check"], { input: asked.map(([n]) => n).join("\n") + "\n" });
    const lines = stdout.toString("utf8").split("\n");
    asked.forEach(([, i], k) => {
      const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(lines[k] ?? "");
      if (m) out[i] = { oid: m[1]!, type: m[2]!, size: Number(m[3]) };
    });
    return out;
  }

  /**
   * The value of attribute `name` for each of `paths` (`set`, `unset`, `unspecified` or its
   * value), from one `git check-attr`: the work tree's .gitattributes, or the index's with
   * `cached` (what a commit of the index holds). Names git cannot take on stdin are left out.
   * Sample output (-z): "data/a.json\0filter\0lfs\0".
   */
  async attribute(name: string, paths: readonly string[], cached: boolean): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const asked = paths.filter((p) => !p.includes("\0"));
    if (asked.length === 0) return out;
    const input = Buffer.concat(asked.flatMap((p) => [nameBytes(p), Buffer.from([0])]));
    const { stdout } = await this.exec(["check-attr", "-z", "--stdin", ...(cached ? ["--cached"] : []), name], { input });
    const parts = splitZ(stdout);
    for (let i = 0; i + 2 < parts.length; i += 3) out.set(parts[i]!, parts[i + 2]!);
    return out;
  }

  /**
   * The value of attribute `name` for each of `paths` as `commit`'s own .gitattributes files set
   * it (git 2.39 has no `check-attr --source`): the commit's .gitattributes on each path's
   * folders (symlinked ones are ignored, as git does) go into a temporary index at `indexFile`
   * (never the user's index), which `check-attr --cached` reads. $GIT_DIR/info/attributes and
   * core.attributesFile apply as for any check-attr.
   */
  async attributeAt(commit: string, name: string, paths: readonly string[], indexFile: string): Promise<Map<string, string>> {
    const asked = paths.filter((p) => !p.includes("\0"));
    if (asked.length === 0) return new Map();
    const files = new Set<string>([".gitattributes"]);
    for (const p of asked) for (let i = p.indexOf("/"); i !== -1; i = p.indexOf("/", i + 1)) files.add(`${p.slice(0, i)}/.gitattributes`);
    const entries = (await this.lsTreeAt(commit, [...files])).filter((e) => e.type === "blob" && e.mode !== "120000");
    const env = { GIT_INDEX_FILE: indexFile };
    try {
      const info = Buffer.concat(entries.flatMap((e) => [Buffer.from(`100644 ${e.oid}\t`), nameBytes(e.path), Buffer.from("\0")]));
      if (entries.length) await this.exec(["update-index", "-z", "--index-info"], { input: info, env });
      const input = Buffer.concat(asked.flatMap((p) => [nameBytes(p), Buffer.from([0])]));
      const { stdout } = await this.exec(["check-attr", "-z", "--stdin", "--cached", name], { input, env });
      const parts = splitZ(stdout);
      const out = new Map<string, string>();
      for (let i = 0; i + 2 < parts.length; i += 3) out.set(parts[i]!, parts[i + 2]!);
      return out;
    } finally {
      await fsp.rm(indexFile, { force: true });
      await fsp.rm(indexFile + ".lock", { force: true });
    }
  }

  /** Paths deleted in the index relative to HEAD (none on an unborn branch). */
  async stagedDeletions(): Promise<string[]> {
    const head = await this.tryRevParse("HEAD");
    if (!head) return [];
    const { stdout } = await this.exec(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=D", "HEAD"]);
    return splitZ(stdout);
  }

  // --- snapshots and restore ---

  /**
   * Which of `paths` (repo-relative work-tree files) git ignores (.gitignore, info/exclude,
   * core.excludesFile). Tracked files are never ignored. One `ls-files --others --ignored`
   * limited to the top-level entries that hold `paths` (check-ignore of every path cost 1 s of
   * CPU for 10,000 files; `--directory` would be cheaper still, but it reports a folder that
   * holds only ignored files as ignored as a whole, which is not what .gitignore says).
   */
  async ignoredPaths(paths: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    if (paths.length === 0) return out;
    const tops = new Set(paths.map((p) => p.split("/")[0]!));
    // Many files at the top level: the whole work tree, rather than an argv of thousands.
    const scope = tops.size > 256 ? [] : ["--", ...literal([...tops])];
    const { stdout } = await this.exec(["ls-files", "-z", "--others", "--ignored", "--exclude-standard", ...scope]);
    const ignored = new Set(splitZ(stdout));
    for (const p of paths) if (ignored.has(p)) out.add(p);
    return out;
  }

  /**
   * Write the files at `paths` (repo-relative) as blobs, byte for byte: `--no-filters` keeps
   * eol/clean filters from changing what is stored. Returns the oids in input order.
   */
  async hashFilesAsBlobs(paths: readonly string[]): Promise<string[]> {
    if (paths.length === 0) return [];
    // --stdin-paths reads lines: it strips a final CR and unquotes a line that starts with `"`,
    // so such names (and names with a newline) are hashed one by one, named in argv instead.
    const odd = (p: string) => /[\n\r]/.test(p) || p.startsWith('"');
    const plain = paths.filter((p) => !odd(p));
    const oids = new Map<string, string>();
    if (plain.length > 0) {
      const input = Buffer.concat(plain.flatMap((p) => [nameBytes(p), Buffer.from("\n")]));
      const { stdout } = await this.exec(["hash-object", "-w", "--no-filters", "--stdin-paths"], { input });
      const ids = stdout.toString("utf8").split("\n").filter(Boolean);
      if (ids.length !== plain.length) throw new EnvironmentError(`git hash-object returned ${ids.length} ids for ${plain.length} files`);
      plain.forEach((p, i) => oids.set(p, ids[i]!));
    }
    for (const p of paths.filter(odd)) {
      const { stdout } = await this.exec(["hash-object", "-w", "--no-filters", "--", p]);
      oids.set(p, stdout.toString("utf8").trim());
    }
    return paths.map((p) => oids.get(p)!);
  }

  /**
   * Write many blobs in one pack with `git fast-import` (one pack file instead of thousands of
   * loose objects, and the bytes are exactly those we hashed: no second read of the file).
   * Returns the oids in input order, read from the exported marks. `marksFile` is a scratch path.
   */
  async writeBlobsPacked(contents: readonly Buffer[], marksFile: string): Promise<string[]> {
    if (contents.length === 0) return [];
    const parts: Buffer[] = [];
    contents.forEach((data, i) => {
      parts.push(Buffer.from(`blob\nmark :${i + 1}\ndata ${data.length}\n`), data, Buffer.from("\n"));
    });
    parts.push(Buffer.from("done\n"));
    await this.exec(["fast-import", "--quiet", "--done", `--export-marks=${marksFile}`], { input: Buffer.concat(parts) });
    const { readFile, rm } = await import("node:fs/promises");
    const marks = new Map<number, string>();
    for (const line of (await readFile(marksFile, "utf8")).split("\n")) {
      const m = /^:(\d+) ([0-9a-f]+)$/.exec(line);
      if (m) marks.set(Number(m[1]), m[2]!);
    }
    await rm(marksFile, { force: true });
    return contents.map((_, i) => {
      const oid = marks.get(i + 1);
      if (!oid) throw new EnvironmentError(`git fast-import did not report blob ${i + 1} of ${contents.length}`);
      return oid;
    });
  }

  /**
   * Store a pack stream with `git index-pack --stdin`: git checks the stream, computes every
   * object's id itself and writes the .pack and .idx (a blob we named wrongly is then simply
   * absent, which write-tree and the read-back report).
   */
  async storePack(pack: Buffer): Promise<void> {
    await this.exec(["index-pack", "--stdin"], { input: pack });
  }

  /**
   * The repository's object format: "sha1" or "sha256". Only extensions.objectFormat in the
   * repository's own config file can make it other than sha1 (git reads repository extensions
   * from no other file), so git is asked only when that file names it.
   */
  async objectFormat(): Promise<string> {
    const { readFile } = await import("node:fs/promises");
    const config = await readFile(path.join(this.commonDir, "config"), "utf8").catch(() => "objectformat?");
    if (!/objectformat/i.test(config)) return "sha1";
    const { stdout } = await this.exec(["rev-parse", "--show-object-format"]);
    return stdout.toString("utf8").trim();
  }

  /**
   * readBlobs with `cat-file --batch --buffer`: git fills its output buffer instead of flushing
   * after every object, so thousands of small blobs arrive in far fewer pipe reads.
   * Output per object: "<oid> <type> <size>\n<content>\n", or "<oid> missing\n".
   */
  async readBlobsBuffered(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const result = new Map<string, Buffer>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return result;
    const { stdout } = await this.exec(["cat-file", "--batch", "--buffer"], { input: unique.join("\n") + "\n" });
    let pos = 0;
    while (pos < stdout.length) {
      const nl = stdout.indexOf(10, pos);
      if (nl < 0) break;
      const sp1 = stdout.indexOf(32, pos);
      const sp2 = sp1 < 0 || sp1 > nl ? -1 : stdout.indexOf(32, sp1 + 1);
      const oid = stdout.toString("latin1", pos, sp1 < 0 || sp1 > nl ? nl : sp1);
      pos = nl + 1;
      if (sp2 < 0 || sp2 > nl) continue; // "<oid> missing"
      const size = Number(stdout.toString("latin1", sp2 + 1, nl));
      result.set(oid, stdout.subarray(pos, pos + size));
      pos += size + 1;
    }
    return result;
  }

  /** Write `content` as an object of `type` (default blob) and return its oid. */
  async hashObject(content: string | Buffer, type: "blob" | "commit" = "blob"): Promise<string> {
    const { stdout } = await this.exec(["hash-object", "-w", "-t", type, "--stdin"], { input: content });
    return stdout.toString("utf8").trim();
  }

  /**
   * Build a tree from entries through a temporary index (`GIT_INDEX_FILE` = `indexFile`, which
   * must not be the user's index): update-index --index-info, then write-tree.
   */
  async writeTreeFromEntries(entries: readonly { mode: string; oid: string; path: string }[], indexFile: string): Promise<string> {
    const env = { GIT_INDEX_FILE: indexFile };
    const input = Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.oid}\t`), nameBytes(e.path), Buffer.from("\0")]));
    await this.exec(["update-index", "-z", "--index-info"], { input, env });
    const { stdout } = await this.exec(["write-tree"], { env });
    return stdout.toString("utf8").trim();
  }

  /**
   * `git commit-tree`; `configArgs` are `-c k=v` pairs placed before the verb (signing setup),
   * `sign` adds -S (signing key from user.signingkey) or --no-gpg-sign.
   */
  async commitTree(options: {
    tree: string;
    parents: readonly string[];
    message: string;
    sign: boolean;
    configArgs?: readonly string[];
    env?: NodeJS.ProcessEnv;
  }): Promise<string> {
    const args = [
      ...(options.configArgs ?? []),
      "commit-tree",
      options.tree,
      ...options.parents.flatMap((p) => ["-p", p]),
      options.sign ? "-S" : "--no-gpg-sign",
    ];
    const { stdout } = await this.exec(args, { input: options.message, env: options.env });
    return stdout.toString("utf8").trim();
  }

  /**
   * Move `ref` to `next` only if it still points at `expected` (40 zeros: must not exist yet).
   * Returns false when someone else moved it first; throws on any other failure.
   */
  async updateRefCas(ref: string, next: string, expected: string, reason: string): Promise<boolean> {
    const res = await this.exec(["update-ref", "-m", reason, ref, next, expected], { okCodes: [0, 1, 128] });
    if (res.code === 0) return true;
    if (/cannot lock ref|is at .* but expected|reference already exists|unable to resolve reference/.test(res.stderr)) return false;
    throw new GitError(["update-ref", ref, next, expected], res.code, res.stderr);
  }

  /** Delete `ref` only if it still points at `expected`. */
  async deleteRefCas(ref: string, expected: string): Promise<boolean> {
    const res = await this.exec(["update-ref", "-d", ref, expected], { okCodes: [0, 1, 128] });
    return res.code === 0;
  }

  /** Refs under `prefix` with their oids. Sample line: "refs/x/y\0<oid>\n" (format with %00). */
  async listRefs(prefix: string): Promise<{ ref: string; oid: string }[]> {
    const { stdout } = await this.exec(["for-each-ref", "--format=%(refname)%00%(objectname)", prefix]);
    return stdout
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [ref, oid] = line.split("\0");
        return { ref: ref!, oid: oid! };
      });
  }

  /**
   * Every blob of a commit's tree, recursively. Sample: "100644 blob <oid>\t<path>\0".
   * Trees git itself would refuse (".." entries) are reported as they are; callers check paths.
   */
  async lsTreeBlobs(treeish: string): Promise<{ mode: string; type: string; oid: string; path: string }[]> {
    const { stdout } = await this.exec(["ls-tree", "-r", "-z", "--full-tree", treeish]);
    return splitZ(stdout).map((rec) => {
      const tab = rec.indexOf("\t");
      const [mode, type, oid] = rec.slice(0, tab).split(" ");
      return { mode: mode!, type: type!, oid: oid!, path: rec.slice(tab + 1) };
    });
  }

  /**
   * lsTreeBlobs's records one at a time as git writes them, never the whole listing in memory (a
   * restore of 500,000 files walks it twice). Throws GitError as exec does when git fails.
   */
  async *lsTreeStream(treeish: string): AsyncGenerator<{ mode: string; type: string; oid: string; path: string }> {
    const args = ["ls-tree", "-r", "-z", "--full-tree", treeish];
    const child = this.spawnStreaming(args);
    child.stdin.end();
    const err: Buffer[] = [];
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const closed = new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    closed.catch(() => undefined);
    let rest: Buffer = Buffer.alloc(0);
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        const data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
        const end = data.lastIndexOf(0) + 1;
        yield* treeRecords(data.subarray(0, end));
        rest = Buffer.from(data.subarray(end));
      }
      if (rest.length > 0) yield* treeRecords(rest);
    } finally {
      if (child.exitCode === null) child.kill();
    }
    const code = await closed;
    if (code !== 0) throw new GitError(args, code, Buffer.concat(err).toString("utf8"));
  }

  /**
   * One blob's bytes in a buffer of their size (`cat-file -s`, then `cat-file blob`): a 70 MB
   * manifest is not gathered in pieces and copied into one at the end. Undefined when git cannot
   * give it (the caller's batch reader then names why).
   */
  async readBlobExact(oid: string): Promise<Buffer | undefined> {
    const size = await this.exec(["cat-file", "-s", oid], { okCodes: [0, 1, 128] });
    if (size.code !== 0) return undefined;
    const n = Number(size.stdout.toString("latin1").trim());
    if (!Number.isSafeInteger(n)) return undefined;
    const res = await this.exec(["cat-file", "blob", oid], { okCodes: [0, 1, 128], stdoutSizeHint: n });
    return res.code === 0 && res.stdout.length === n ? res.stdout : undefined;
  }

  /**
   * The first-parent chain from `rev`, newest first: id, parents, committer time (s), message.
   * Read with `--format=%H%x1f%P%x1f%ct%x1f%B` and -z (records end in NUL).
   */
  async logChain(rev: string, max?: number): Promise<{ id: string; parents: string[]; time: number; message: string }[]> {
    const args = [
      "log",
      ...LOG_AS_IS,
      "-z",
      "--first-parent",
      "--format=%H%x1f%P%x1f%ct%x1f%B",
      ...(max ? [`--max-count=${max}`] : []),
      rev,
      "--",
    ];
    const { stdout } = await this.exec(args);
    return splitZ(stdout).map((rec) => {
      const [id, parents, time, ...rest] = rec.split("\x1f");
      return { id: id!, parents: parents ? parents.split(" ") : [], time: Number(time), message: rest.join("\x1f") };
    });
  }

  /** The raw bytes of a commit object (to read the signature header). */
  async readCommitObject(oid: string): Promise<Buffer> {
    const { stdout } = await this.exec(["cat-file", "commit", oid]);
    return stdout;
  }

  /** `git verify-commit --raw`: never throws for a bad signature; the caller reads code and output. */
  async verifyCommitRaw(oid: string, configArgs: readonly string[], env?: NodeJS.ProcessEnv): Promise<ExecResult> {
    return this.exec([...configArgs, "verify-commit", "--raw", oid], { okCodes: [0, 1, 128], env });
  }

  /** Fetch `remoteRef` from `remote` into the local ref `localRef` (forced: it is our private tracking ref). Returns false when the remote has no such ref. */
  async fetchRef(remote: string, remoteRef: string, localRef: string): Promise<boolean> {
    const res = await this.exec(
      ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--end-of-options", remote, `+${remoteRef}:${localRef}`],
      {
        okCodes: [0, 1, 128],
      },
    );
    if (res.code === 0) return true;
    if (/couldn't find remote ref|no such ref/i.test(res.stderr)) return false;
    throw new GitError(["fetch", remote, remoteRef], res.code, res.stderr);
  }

  /** The URL of remote `name`, or undefined when no such remote is configured. Never throws. */
  async tryRemoteUrl(name: string): Promise<string | undefined> {
    const res = await this.exec(["remote", "get-url", "--", name], { okCodes: [0, 1, 2, 128] }).catch(() => undefined);
    return res && res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
  }

  /**
   * The remote's refs matching `patterns` (ls-remote's tail match, globs allowed), without
   * fetching anything (`remote` must not start with "-"). Throws GitError when the remote cannot be read (offline, no access).
   * Sample line: "<oid>\trefs/heads/integrity-snapshots\n". Never prompts for credentials.
   */
  async lsRemote(remote: string, patterns: readonly string[]): Promise<{ ref: string; oid: string }[]> {
    const { stdout } = await this.exec(["ls-remote", "--refs", "--end-of-options", remote, ...patterns], { env: NO_PROMPT });
    return stdout
      .toString("utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [oid, ref] = line.split("\t");
        return { ref: ref!, oid: oid! };
      });
  }

  /** Fetch exactly these refspecs from `remote` (no tags, no FETCH_HEAD); throws GitError on failure. */
  async fetchRefspecs(remote: string, refspecs: readonly string[]): Promise<void> {
    await this.exec(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--end-of-options", remote, ...refspecs], {
      env: NO_PROMPT,
    });
  }

  /** True when commit `a` is `b` or an ancestor of it (`merge-base --is-ancestor`). Never throws. */
  async isAncestor(a: string, b: string): Promise<boolean> {
    const res = await this.exec(["merge-base", "--is-ancestor", a, b], { okCodes: [0, 1, 128] }).catch(() => undefined);
    return res?.code === 0;
  }

  /**
   * Push refspecs without force (a `+` is never added). Extra args (e.g. --force-with-lease=ref:oid
   * for an epoch rollover) are passed through. Returns rejected=true when the remote refused an
   * update (someone else pushed first); throws on anything else.
   */
  async pushRefs(
    remote: string,
    refspecs: readonly string[],
    extraArgs: readonly string[] = [],
  ): Promise<{ ok: boolean; rejected: boolean; message: string }> {
    const res = await this.exec(["push", "--porcelain", "--quiet", ...extraArgs, "--end-of-options", remote, ...refspecs], {
      okCodes: [0, 1, 128],
    });
    const out = res.stdout.toString("utf8");
    if (res.code === 0) return { ok: true, rejected: false, message: out };
    if (/^!\t/m.test(out)) return { ok: false, rejected: true, message: out + res.stderr };
    throw new GitError(["push", remote, ...refspecs], res.code, res.stderr || out);
  }

  /** The committer identity git would use, or undefined when none is configured. Never throws. */
  async tryCommitterIdent(): Promise<string | undefined> {
    const res = await this.exec(["var", "GIT_COMMITTER_IDENT"], { okCodes: [0, 1, 128] }).catch(() => undefined);
    return res && res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
  }

  // --- health ---

  /**
   * Commits reachable from `branchRef` and the refs under `extraPrefix` (closed snapshot epochs),
   * newest first, at most `max`: id, committer time (ISO) and message. Empty when none exist.
   * Read with `--format=%H%x1f%cI%x1f%B` and -z. Sample record: "<oid>\x1f2026-11-26T13:40:00+00:00\x1fsnapshot hourly…\0".
   */
  async snapshotCommitLog(branchRef: string, extraPrefix: string, max = 5000): Promise<{ id: string; time: string; message: string }[]> {
    const refs = (await this.tryRevParse(branchRef)) ? [branchRef] : [];
    const { stdout: listed } = await this.exec(["for-each-ref", "--format=%(refname)", extraPrefix]);
    appendAll(refs, listed.toString("utf8").split("\n").filter(Boolean));
    if (refs.length === 0) return [];
    const { stdout } = await this.exec(["log", ...LOG_AS_IS, "-z", "--format=%H%x1f%cI%x1f%B", `--max-count=${max}`, ...refs, "--"]);
    return splitZ(stdout).map((rec) => {
      const [id, time, ...rest] = rec.split("\x1f");
      return { id: id!, time: time!, message: rest.join("\x1f") };
    });
  }

  // --- action and workflows ---

  /** Work-tree paths that differ from HEAD or are untracked (not ignored), repo-relative. */
  async changedPaths(): Promise<{ path: string; untracked: boolean }[]> {
    // Porcelain v1 -z: "XY path\0" ("?? path" when untracked); --no-renames: no "new\0old" pairs.
    const { stdout } = await this.exec(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]);
    return splitZ(stdout).map((rec) => ({ path: rec.slice(3), untracked: rec.startsWith("??") }));
  }

  /** Create branch `name` at HEAD and switch to it (fails if it exists: never clobber a branch). */
  async createBranch(name: string): Promise<void> {
    await this.exec(["switch", "-c", name]);
  }

  /** Stage exactly `paths` (additions, changes, deletions) and commit them; returns the commit id. */
  async commitPaths(paths: readonly string[], message: string, env?: NodeJS.ProcessEnv): Promise<string> {
    await this.exec(["add", "-A", "--", ...literal(paths)]);
    await this.exec(["commit", "--no-verify", "-q", "-m", message, "--", ...literal(paths)], env ? { env } : {});
    return (await this.exec(["rev-parse", "HEAD"])).stdout.toString("utf8").trim();
  }

  /** Push `ref` (a branch name) to `remote` under the same name; never forces. */
  async pushBranch(remote: string, branch: string): Promise<void> {
    await this.exec(["push", "--quiet", "--end-of-options", remote, `refs/heads/${branch}:refs/heads/${branch}`]);
  }

  /** The current branch name, or undefined on a detached HEAD. */
  async currentBranch(): Promise<string | undefined> {
    const res = await this.exec(["symbolic-ref", "--quiet", "--short", "HEAD"], { okCodes: [0, 1, 128] });
    return res.code === 0 ? res.stdout.toString("utf8").trim() : undefined;
  }

  // --- validate and hook ---

  /**
   * What a commit would change, in one git process: staged entries that differ from HEAD
   * (with their staged mode and blob id), unmerged paths and deleted paths. Lets the hook read only the
   * staged blobs instead of listing the whole index. Undefined on an unborn branch (no HEAD).
   * Sample `diff-index --cached -z` record: ":100644 100644 <old> <new> M\0data/a.json\0".
   */
  async stagedIndexChanges(): Promise<{ entries: IndexEntry[]; unmerged: string[]; deleted: string[] } | undefined> {
    // An intent-to-add entry (`git add -N`) is no change: git commit leaves it out (as the empty blob it would read as a truncated file).
    const res = await this.exec(
      ["diff-index", "--cached", "--ita-invisible-in-index", "-z", "--no-renames", "--diff-filter=ACDMRTU", "HEAD", "--"],
      {
        okCodes: [0, 128],
      },
    );
    if (res.code !== 0) {
      if (await this.tryRevParse("HEAD")) throw new GitError(["diff-index", "--cached", "HEAD"], res.code, res.stderr);
      return undefined;
    }
    const parts = splitZ(res.stdout);
    const entries: IndexEntry[] = [];
    const unmerged: string[] = [];
    const deleted: string[] = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const [, dstMode, , dstOid, status] = parts[i]!.slice(1).split(" ");
      const p = parts[i + 1]!;
      if (status === "U") unmerged.push(p);
      else if (status === "D") deleted.push(p);
      else entries.push({ mode: dstMode!, oid: dstOid!, stage: 0, path: p });
    }
    return { entries, unmerged, deleted };
  }

  /**
   * Which of `entries` (index entries holding the empty blob) are intent-to-add (`git add -N`):
   * git commit leaves those out. Asked where the hook lists the whole index (an unborn branch, a
   * reseal): one `git diff-index` against the empty tree, which does not list them.
   */
  async intentToAdd(entries: readonly IndexEntry[]): Promise<Set<string>> {
    const empty = entries.filter((e) => e.stage === 0 && EMPTY_BLOB.has(e.oid));
    if (empty.length === 0) return new Set();
    const tree = empty[0]!.oid.length === 64 ? EMPTY_TREE_SHA256 : EMPTY_TREE_SHA1;
    const { stdout } = await this.exec([
      "diff-index",
      "--cached",
      "--ita-invisible-in-index",
      "-z",
      "--name-only",
      tree,
      "--",
      ...literal(empty.map((e) => e.path)),
    ]);
    const listed = new Set(splitZ(stdout));
    return new Set(empty.filter((e) => !listed.has(e.path)).map((e) => e.path));
  }

  /**
   * Read objects by name in one `git cat-file --batch`, in order: blob ids, or `:path` for the
   * stage-0 index entry of a path (GIT_INDEX_FILE honoured). Undefined where git says "missing"
   * (no such entry, or an unmerged path). Names must not contain a newline (batch input is
   * line-based); such names are reported missing without asking git.
   */
  async catFileBatch(names: readonly string[]): Promise<(Buffer | undefined)[]> {
    const out: (Buffer | undefined)[] = names.map(() => undefined);
    const asked = names.map((n, i) => [n, i] as const).filter(([n]) => !n.includes("\n"));
    if (asked.length === 0) return out;
    const shared = await this.viaSession((s) => s.contents(names));
    if (shared) return shared.map((c) => (c?.type === "blob" ? c.data : undefined));
    const { stdout } = await this.exec(["cat-file", "--batch"], { input: asked.map(([n]) => n).join("\n") + "\n" });
    // Per request: "<oid> <type> <size>\n<content>\n", or "<name> missing\n" / "<name> ambiguous\n".
    let pos = 0;
    for (const [, i] of asked) {
      const nl = stdout.indexOf(10, pos);
      if (nl < 0) break;
      const header = stdout.toString("utf8", pos, nl);
      pos = nl + 1;
      const m = / (blob|tree|commit|tag) (\d+)$/.exec(header);
      if (!m) continue;
      const size = Number(m[2]);
      if (m[1] === "blob") out[i] = stdout.subarray(pos, pos + size);
      pos += size + 1;
    }
    return out;
  }

  /**
   * A git process whose output the caller reads as a stream and may stop (cat-file-limited.ts);
   * environment and folder as exec's.
   */
  spawnStreaming(args: readonly string[]): ChildProcessByStdio<Writable, Readable, Readable> {
    return spawn("git", [...HARDENING, ...args], { cwd: this.root, env: childEnv(), stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
  }

  /**
   * core.hooksPath and the scope that sets it (local, worktree, global, system, command), or
   * undefined when unset. Output of `git config --show-scope --null --get`: "local\0.husky/_\0".
   */
  async hooksPathSetting(): Promise<{ value: string; scope: string } | undefined> {
    const res = await this.exec(["config", "--show-scope", "--null", "--get", "core.hooksPath"], { okCodes: [0, 1] });
    if (res.code !== 0) return undefined;
    const [scope, value] = splitZ(res.stdout);
    return value === undefined ? undefined : { scope: scope!, value };
  }

  /** True when `rev` names a commit present in the object database (no fetch). Never throws. */
  async hasCommit(rev: string): Promise<boolean> {
    try {
      const res = await this.exec(["cat-file", "-e", "--end-of-options", `${rev}^{commit}`], { okCodes: [0, 1, 128] });
      return res.code === 0;
    } catch {
      return false;
    }
  }

  /**
   * `git fetch --no-tags --depth=1 <remote> <sha>`: one commit (a pull request's base, absent
   * from a shallow checkout). Returns undefined on success, else git's message. Never throws.
   */
  async tryFetchCommit(remote: string, sha: string): Promise<string | undefined> {
    try {
      const res = await this.exec(["fetch", "--quiet", "--no-tags", "--depth=1", "--end-of-options", remote, sha], {
        okCodes: [0, 1, 128],
      });
      return res.code === 0 ? undefined : res.stderr.trim() || `git fetch exited with ${res.code}`;
    } catch (error) {
      return (error as Error).message;
    }
  }

  /**
   * The entries of `commit`'s tree at exactly these paths (literal; a path below a symlink or
   * absent is not listed). Sample of `git ls-tree -z --full-tree`: "120000 blob <oid>\tcfg.yml\0".
   */
  async lsTreeAt(commit: string, paths: readonly string[]): Promise<{ mode: string; type: string; oid: string; path: string }[]> {
    if (paths.length === 0) return [];
    const { stdout } = await this.exec(["ls-tree", "-z", "--full-tree", commit, "--", ...literal(paths)]);
    return splitZ(stdout).map((rec) => {
      const tab = rec.indexOf("\t");
      const [mode, type, oid] = rec.slice(0, tab).split(" ");
      return { mode: mode!, type: type!, oid: oid!, path: rec.slice(tab + 1) };
    });
  }

  /** Absolute folder git runs hooks from (honours core.hooksPath, relative to the work tree top). */
  async hooksDir(): Promise<string> {
    const { stdout } = await this.exec(["rev-parse", "--git-path", "hooks"]);
    return path.resolve(this.root, stdout.toString("utf8").replace(/\n$/, ""));
  }
}

/** One `git rev-parse OPTION` value as printed (only its final newline removed); "" on failure. */
async function revParseRaw(cwd: string, option: string): Promise<string> {
  const res = await execGit(["rev-parse", option], { cwd, okCodes: [0, 128] });
  return res.code === 0 ? res.stdout.toString("utf8").replace(/\n$/, "") : "";
}

/**
 * `git log` as the format says, whatever the user's config: log.showSignature=true (common with
 * signed commits) printed "Good "git" signature for ..." before each record, which became the
 * snapshot's id (the next snapshot failed: "not a valid object name"). Our messages are ASCII
 * (set names, times, digests), so i18n.logOutputEncoding leaves them as they are.
 */
const LOG_AS_IS = ["--no-show-signature"] as const;

/** Network commands must fail, never wait for a password nobody will type. */
const NO_PROMPT: NodeJS.ProcessEnv = { GIT_TERMINAL_PROMPT: "0" };

/** Turn paths into literal pathspecs so `*`, `:` and `[` in file names are never globbed. */
function literal(paths: readonly string[]): string[] {
  return paths.map((p) => ":(literal)" + p);
}

/**
 * Put before every git verb we run. A folder that looks like a bare repository (HEAD, objects/,
 * refs/, config: files any commit can add) is otherwise found by git's walk up from the cwd and
 * used as the repository, its config included: `core.worktree = .` plus `core.fsmonitor = CMD`
 * ran CMD on the first index read, with the CI job's secrets (test/adversarial/
 * git-embedded-bare-repo.test.ts). `explicit` (git 2.38+; older gits ignore the key) uses a bare
 * repository only when named (GIT_DIR, --git-dir). Command-line config is protected config, so
 * no repository can turn it back off, and git passes it on to the git processes it starts.
 */
const HARDENING = ["-c", "safe.bareRepository=explicit"] as const;

function execGit(args: readonly string[], options: ExecOptions & { cwd: string }): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [...HARDENING, ...args], {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ["pipe", options.discardStdout ? "ignore" : "pipe", "pipe"],
      windowsHide: true,
    }) as ChildProcessByStdio<Writable, Readable | null, Readable>;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    // With a size hint: one buffer, filled as the chunks come (grown by doubling when short).
    let into = options.stdoutSizeHint !== undefined ? Buffer.allocUnsafe(Math.max(options.stdoutSizeHint, 1 << 16)) : undefined;
    let filled = 0;
    child.stdout?.on("data", (b: Buffer) => {
      if (!into) return out.push(b);
      if (filled + b.length > into.length) {
        const grown = Buffer.allocUnsafe(Math.max(into.length * 2, filled + b.length));
        into.copy(grown, 0, 0, filled);
        into = grown;
      }
      b.copy(into, filled);
      filled += b.length;
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.stdin.on("error", () => {
      /* git may exit before reading all input; its exit code tells what happened */
    });
    child.on("close", (code) => {
      const res: ExecResult = {
        stdout: into ? into.subarray(0, filled) : Buffer.concat(out),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? -1,
      };
      if (!(options.okCodes ?? [0]).includes(res.code)) reject(new GitError(args, code, res.stderr));
      else resolve(res);
    });
    child.stdin.end(options.input ?? undefined);
  });
}
