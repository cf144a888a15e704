/**
 * Real git repositories in temporary folders for integration tests: `git init -b main`, a local
 * user, signing off (unless a test turns it on), removed afterwards.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { main } from "../../src/cli.js";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
/** IG_DIST points tests at a privately built dist (parallel work in one tree). */
export const DIST_DIR = process.env.IG_DIST ? path.resolve(process.env.IG_DIST) : path.join(PROJECT_ROOT, "dist");
export const CLI_BUNDLE = path.join(DIST_DIR, "cli/index.js");
export const ACTION_BUNDLE = path.join(DIST_DIR, "action/index.js");

/** Environment for git in tests: no user/system config, fixed identity. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_AUTHOR_NAME: "Test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "Test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

export interface TestRepo {
  dir: string;
  /** Write a file (creating folders); content string or bytes. */
  write(rel: string, content: string | Buffer): string;
  read(rel: string): string;
  /** Run git; returns stdout (throws on failure). */
  git(...args: string[]): string;
  /** Run git without throwing: {status, stdout, stderr}. */
  tryGit(...args: string[]): { status: number | null; stdout: string; stderr: string };
  /** Stage everything and commit. */
  commitAll(message?: string): void;
  /** Run the CLI in-process (src); returns exit code and captured output. */
  cli(args: string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** Run the built CLI bundle as a child process. */
  cliBundle(args: string[], env?: NodeJS.ProcessEnv): CliRun;
  cleanup(): void;
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function makeTempDir(prefix = "ig-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function createRepo(options: { bare?: boolean; dir?: string } = {}): TestRepo {
  const dir = options.dir ?? makeTempDir();
  const env = { ...process.env, ...GIT_ENV, HOME: dir };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
  git("init", "-q", "-b", "main", ...(options.bare ? ["--bare"] : []));
  const settings: [section: string, key: string, value: string][] = [
    ["user", "name", "Test"],
    ["user", "email", "test@example.com"],
    ["commit", "gpgsign", "false"],
    ["core", "autocrlf", "false"],
  ];
  if (options.dir === undefined) {
    // A fresh repository's config holds none of these keys, so one append does what four `git
    // config` processes would (createRepo runs thousands of times in CI). A given folder may be
    // a clone whose config already sets them: `git config` replaces a value, an append would not.
    const text = settings.map(([section, key, value]) => `[${section}]\n\t${key} = ${value}\n`).join("");
    fs.appendFileSync(path.join(dir, options.bare ? "" : ".git", "config"), text);
  } else {
    for (const [section, key, value] of settings) git("config", `${section}.${key}`, value);
  }
  const repo: TestRepo = {
    dir,
    write(rel, content) {
      const abs = path.join(dir, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, content);
      return abs;
    },
    read: (rel) => fs.readFileSync(path.join(dir, rel), "utf8"),
    git,
    tryGit(...args) {
      const r = spawnSync("git", args, { cwd: dir, env, encoding: "utf8" });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    commitAll(message = "commit") {
      git("add", "-A");
      git("commit", "-q", "--no-verify", "-m", message);
    },
    async cli(args, extraEnv = {}) {
      let stdout = "";
      let stderr = "";
      const code = await main(args, {
        cwd: dir,
        env: { ...process.env, ...GIT_ENV, ...extraEnv },
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        stdoutIsTTY: false,
        stderrIsTTY: false,
      });
      return { code, stdout, stderr };
    },
    cliBundle(args, extraEnv = {}) {
      const r = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
        cwd: dir,
        env: { ...process.env, ...GIT_ENV, ...extraEnv },
        encoding: "utf8",
      });
      return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
  return repo;
}

/** Run `fn` with a fresh repository, removed afterwards whatever happens. */
export async function withRepo<T>(fn: (repo: TestRepo) => Promise<T> | T): Promise<T> {
  const repo = createRepo();
  try {
    return await fn(repo);
  } finally {
    repo.cleanup();
  }
}

/** Path of ../shared/corpora/NAME, or undefined when shared/ is not beside the checkout. */
export function corpusDir(name: string): string | undefined {
  const dir = path.resolve(PROJECT_ROOT, "../shared/corpora", name);
  return fs.existsSync(dir) ? dir : undefined;
}
