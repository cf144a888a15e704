/**
 * The one class that runs git. Argv arrays only (no shell), output read in -z/porcelain form,
 * exit codes checked explicitly. We spawn git directly rather than through simple-git: the hook
 * and snapshots need stdin streaming (cat-file --batch, mktree, commit-tree, update-index
 * --index-info), the inherited GIT_INDEX_FILE must reach git untouched (git sets it for
 * `commit -a` / `commit <path>`), and every extra module costs the hook start-up time.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvironmentError, GitError } from "../errors.js";

export interface ExecOptions {
  /** Bytes written to git's stdin. */
  input?: string | Buffer;
  /** Extra environment (merged over process.env, which is inherited as is). */
  env?: NodeJS.ProcessEnv;
  /** Exit codes that are not failures (default [0]). */
  okCodes?: number[];
  cwd?: string;
}

export interface ExecResult {
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

/** Split NUL-terminated output: "a\0b\0" -> ["a", "b"]. */
export function splitZ(out: Buffer | string): string[] {
  const s = typeof out === "string" ? out : out.toString("utf8");
  const parts = s.split("\0");
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  return parts;
}

/**
 * Parse `git ls-files -s -z`: "<mode> <oid> <stage>\t<path>\0".
 * Sample: "100644 e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 0\tdata/a.json\0"
 */
export function parseLsFilesStage(out: Buffer | string): IndexEntry[] {
  return splitZ(out).map((rec) => {
    const tab = rec.indexOf("\t");
    const [mode, oid, stage] = rec.slice(0, tab).split(" ");
    return { mode: mode!, oid: oid!, stage: Number(stage), path: rec.slice(tab + 1) };
  });
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
      throw new EnvironmentError(`${cwd} is not inside a git work tree`, {
        fix: "run integrity-guard from inside a git repository (git init, or cd into one)",
      });
    }
    const [root, gitDir, common] = res.stdout.toString("utf8").trim().split("\n");
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

  /**
   * Read many blobs in one `git cat-file --batch` process. Returns oid -> content; an oid git
   * reports missing is absent from the map.
   */
  async readBlobs(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const result = new Map<string, Buffer>();
    const unique = [...new Set(oids)];
    if (unique.length === 0) return result;
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

  // --- manifest (issue 3): intent methods go below this line ---

  // --- snapshots and restore (issue 6): intent methods go below this line ---

  // --- action and workflows (issue 5): intent methods go below this line ---

  // --- validate and hook (issue 2): intent methods go below this line ---
}

/** Turn paths into literal pathspecs so `*`, `:` and `[` in file names are never globbed. */
export function literal(paths: readonly string[]): string[] {
  return paths.map((p) => ":(literal)" + p);
}

function execGit(args: readonly string[], options: ExecOptions & { cwd: string }): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: options.env ? { ...process.env, ...options.env } : process.env,
      stdio: ["pipe", "pipe", "pipe"],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", reject);
    child.stdin.on("error", () => {
      /* git may exit before reading all input; its exit code tells what happened */
    });
    child.on("close", (code) => {
      const res: ExecResult = { stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8"), code: code ?? -1 };
      if (!(options.okCodes ?? [0]).includes(res.code)) reject(new GitError(args, code, res.stderr));
      else resolve(res);
    });
    child.stdin.end(options.input ?? undefined);
  });
}
