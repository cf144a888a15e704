/**
 * `init` killed (SIGKILL) after each of its file-system steps in the hooks folder, in turn, on a
 * repository with its own pre-commit and prepare-commit-msg hooks. Whenever the kill lands, the
 * next `git commit` still runs the user's hooks (an install that moved a hook aside and died
 * before writing its own left no hook at all: the user's checks silently stopped running), and
 * `init` run again finishes the install: ours in place, the user's hooks kept byte for byte in
 * `<hook>.local` and run first, no temporary file left where git or `git add` would see it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { gitHookScript } from "../../src/core/hook-script.js";
import { CLI_BUNDLE, createRepo, GIT_ENV, makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const KILL = path.join(PROJECT_ROOT, "test/helpers/kill-after-step.mjs");

const USER_PRE_COMMIT = '#!/bin/sh\necho "user pre-commit" >> .git/user-hooks.log\n';
const USER_PREPARE = '#!/bin/sh\necho "user prepare-commit-msg $2" >> .git/user-hooks.log\n';

/** What the user's hooks log for one `git commit -m`: pre-commit runs first. */
const USER_LOG = ["user pre-commit", "user prepare-commit-msg message"];

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A folder with an `integrity-guard` that runs the built CLI, for the hook to find on PATH. */
function binDir(): string {
  const dir = makeTempDir("ig-bin-");
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const bin = path.join(dir, "integrity-guard");
  fs.writeFileSync(bin, `#!/bin/sh\nexec "${process.execPath}" "${CLI_BUNDLE}" "$@"\n`, { mode: 0o755 });
  return dir;
}

function userRepo(): TestRepo {
  const repo = createRepo();
  cleanups.push(() => repo.cleanup());
  repo.write("a.json", '{"a": 1}\n');
  repo.commitAll("first");
  fs.writeFileSync(path.join(repo.dir, ".git/hooks/pre-commit"), USER_PRE_COMMIT, { mode: 0o755 });
  fs.writeFileSync(path.join(repo.dir, ".git/hooks/prepare-commit-msg"), USER_PREPARE, { mode: 0o755 });
  return repo;
}

/** `init --hook-only` from source in a child, SIGKILLed right after its `at`th change in .git/hooks (0: never). */
async function initKilledAt(repo: TestRepo, at: number, extraEnv: NodeJS.ProcessEnv): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ["--import", TSX, "--import", KILL, MAIN, "init", "--hook-only"], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, IG_TEST_KILL_DIR: path.join(repo.dir, ".git/hooks"), IG_TEST_KILL_AT: String(at), ...extraEnv },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on("close", (c, s) => resolve([c, s])),
  );
  if (signal === null) expect(code, stderr).toBe(0);
  return signal;
}

/** `git commit` with the hooks on; returns its status and what the user's hooks logged. */
function commit(repo: TestRepo, bin: string, file: string, content: string): { status: number | null; log: string[]; stderr: string } {
  const logFile = path.join(repo.dir, ".git/user-hooks.log");
  fs.rmSync(logFile, { force: true });
  repo.write(file, content);
  repo.git("add", file);
  const r = spawnSync("git", ["commit", "-q", "-m", `edit ${file}`], {
    cwd: repo.dir,
    env: { ...process.env, ...GIT_ENV, HOME: repo.dir, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}` },
    encoding: "utf8",
  });
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").trim().split("\n") : [];
  return { status: r.status, log, stderr: r.stderr };
}

/** Who holds pre-commit and pre-commit.local now. */
function hookState(repo: TestRepo): string {
  const who = (name: string) => {
    const file = path.join(hooksDir(repo), name);
    if (!fs.existsSync(file)) return "none";
    const text = fs.readFileSync(file, "utf8");
    return text === USER_PRE_COMMIT ? "user's" : text === gitHookScript() ? "ours" : "other";
  };
  return `pre-commit: ${who("pre-commit")}, pre-commit.local: ${who("pre-commit.local")}`;
}

const hooksDir = (repo: TestRepo) => path.join(repo.dir, ".git/hooks");
const read = (repo: TestRepo, name: string) => fs.readFileSync(path.join(hooksDir(repo), name), "utf8");
const mode = (repo: TestRepo, name: string) => fs.statSync(path.join(hooksDir(repo), name)).mode & 0o777;

describe("init killed while it installs the hooks", () => {
  // Without hard links (IG_TEST_NO_HARD_LINKS) the user's hook gets its second name as a copy.
  it.each([
    ["a hard link", {}],
    ["a copy (no hard links on this file system)", { IG_TEST_NO_HARD_LINKS: "1" }],
  ])(
    "leaves the user's hooks running after every step, and the next init finishes the install (.local as %s)",
    async (_name, extraEnv) => {
      const bin = binDir();
      let killed = 0;
      const states = new Set<string>();
      for (let at = 1; at < 60; at++) {
        const repo = userRepo();
        const signal = await initKilledAt(repo, at, extraEnv);
        if (signal !== null) states.add(hookState(repo));
        // Whatever state the kill left: the user's own hooks still run on the next commit.
        const during = commit(repo, bin, "a.json", `{"a": "killed after step ${at}"}\n`);
        expect(during.status, `killed after step ${at}: ${during.stderr}`).toBe(0);
        expect(during.log, `killed after step ${at}`).toEqual(USER_LOG);
        // init again finishes it.
        const again = await repo.cli(["init", "--hook-only"]);
        expect(again.code, `after a kill at step ${at}: ${again.stderr}${again.stdout}`).toBe(0);
        for (const hook of ["pre-commit", "prepare-commit-msg", "pre-merge-commit"] as const) {
          expect(read(repo, hook), `${hook} after a kill at step ${at}`).toBe(gitHookScript(hook));
          expect(mode(repo, hook)).toBe(0o755);
        }
        expect(read(repo, "pre-commit.local")).toBe(USER_PRE_COMMIT);
        expect(read(repo, "prepare-commit-msg.local")).toBe(USER_PREPARE);
        expect(mode(repo, "pre-commit.local")).toBe(0o755);
        expect(fs.readdirSync(hooksDir(repo)).filter((n) => n.endsWith(".tmp") || n.startsWith("."))).toEqual([]);
        // The user's hooks run first, then the check, which blocks a broken file.
        const blocked = commit(repo, bin, "b.json", '{"b": \n');
        expect(blocked.status, blocked.stderr).toBe(1);
        expect(blocked.stderr).toContain("b.json");
        expect(blocked.log).toContain("user pre-commit");
        if (signal === null) {
          // init finished before the kill: every step was covered. A valid commit goes through.
          const passes = commit(repo, bin, "b.json", '{"b": 2}\n');
          expect(passes.status, passes.stderr).toBe(0);
          expect(passes.log).toEqual(USER_LOG);
          break;
        }
        killed++;
      }
      expect(killed).toBeGreaterThan(3);
      // The kills landed in each state the install passes through, the one with the user's hook
      // under both names (init run again must take it for a step done, not refuse) included.
      expect([...states].sort()).toEqual(
        [
          "pre-commit: user's, pre-commit.local: none",
          "pre-commit: user's, pre-commit.local: user's",
          "pre-commit: ours, pre-commit.local: user's",
        ].sort(),
      );
    },
    600_000,
  );
});

describe("the state an install killed before session 20 could leave", () => {
  it("no pre-commit, the user's hook in pre-commit.local: health says neither runs; init --hook-only repairs it", async () => {
    const bin = binDir();
    const repo = userRepo();
    fs.renameSync(path.join(hooksDir(repo), "pre-commit"), path.join(hooksDir(repo), "pre-commit.local"));
    const h = await repo.cli(["health", "--format", "json", "--no-record"], { CI: "", GITHUB_ACTIONS: "" });
    const statuses = (
      JSON.parse(h.stdout) as { hooks: { hook: string; runs: boolean; stopped: boolean; problem?: { message: string; fix: string } }[] }
    ).hooks;
    const pre = statuses.find((s) => s.hook === "pre-commit")!;
    expect(pre).toMatchObject({ runs: false, stopped: true });
    expect(pre.problem!.message).toContain("neither integrity-guard nor your own hook kept in .git/hooks/pre-commit.local runs");
    expect(pre.problem!.fix).toBe("npx integrity-guard init --hook-only (its hook runs .git/hooks/pre-commit.local first)");
    expect((await repo.cli(["init", "--hook-only"])).code).toBe(0);
    expect(read(repo, "pre-commit")).toBe(gitHookScript());
    expect(read(repo, "pre-commit.local")).toBe(USER_PRE_COMMIT);
    expect(commit(repo, bin, "a.json", '{"a": "repaired"}\n').log).toEqual(USER_LOG);
  });
});
