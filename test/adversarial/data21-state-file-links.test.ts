/**
 * What integrity-guard keeps under .git/integrity-guard/ is never *read* through a link at one of
 * its file names either (session 25 made the writes refuse them): a link there to a file outside
 * would have that file read, and copied into the cache file that replaces the link; a FIFO
 * there (or a link to one, or to a device) would make the read wait forever, so every later
 * seal, verify, health or snapshot hung. Before: the health history was read through a link
 * before being rewritten (the outside file's lines were copied in), and every cache, the lock
 * files and the restore journal were opened without O_NOFOLLOW or O_NONBLOCK. Now each reads a
 * regular file only (read-regular.ts readStateFile): a cache that is not one is a miss, the
 * history starts over, a lock is not taken over (its timeout names the lock), and the restore
 * journal stops the run naming the file. The built CLI, real repositories, real FIFOs.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { outsideDir, removeOutsideDirs } from "../helpers/outside-links.js";
import { CLI_BUNDLE, createRepo, GIT_ENV, type TestRepo } from "../helpers/repo.js";

let repo: TestRepo | undefined;
afterEach(() => {
  repo?.cleanup();
  repo = undefined;
  removeOutsideDirs();
});

/** The built CLI with a time limit: a read that waits on a FIFO shows as a timeout, not a hung suite. */
function run(r: TestRepo, args: string[], timeoutMs = 90_000): { code: number | null; out: string; timedOut: boolean } {
  const p = spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
    cwd: r.dir,
    env: { ...process.env, ...GIT_ENV },
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
  });
  return { code: p.status, out: `${p.stdout}${p.stderr}`, timedOut: p.error !== undefined || p.signal !== null };
}

const VERBS = ["seal", "verify", "check", "health"] as const;
/** Each verb's exit code on this repository (health: 1, a repository without snapshots is DEGRADED). */
const EXPECTED: Record<(typeof VERBS)[number], number> = { seal: 0, verify: 0, check: 0, health: 1 };

function sealedRepo(): TestRepo {
  const r = (repo = createRepo());
  r.write(
    "ci/ig.yml",
    'version: 1\nmanifest: { include: ["data/**"] }\nsnapshots: { sign: { format: none }, sets: { hourly: { paths: ["data/"] } } }\n',
  );
  for (let i = 0; i < 20; i++) r.write(`data/${i}.json`, `{"x":${i}}\n`);
  r.commitAll("init");
  for (const verb of VERBS) {
    const done = run(r, [verb, "--config", "ci/ig.yml"]);
    expect(done.timedOut, done.out).toBe(false);
    expect(done.code, `${verb}: ${done.out}`).toBe(EXPECTED[verb]);
  }
  return r;
}

/** Every regular file under the state folder (repo-relative to it), but the restore journal. */
function stateFiles(state: string): string[] {
  return (fs.readdirSync(state, { recursive: true }) as string[])
    .map(String)
    .filter((n) => fs.lstatSync(path.join(state, n)).isFile())
    .sort();
}

it("health does not read its history through a link to a file outside: that file's lines are not copied in", { timeout: 300_000 }, () => {
  const r = sealedRepo();
  const state = path.join(r.dir, ".git/integrity-guard");
  const history = path.join(state, "health-history.jsonl");
  const outside = path.join(outsideDir(), "other.jsonl");
  const foreign = '{"time":"2020-01-01T00:00:00.000Z","score":7,"status":"CRITICAL"}\n';
  fs.writeFileSync(outside, foreign);
  fs.rmSync(history);
  fs.symlinkSync(outside, history);
  const done = run(r, ["health", "--config", "ci/ig.yml"]);
  expect(done.timedOut, done.out).toBe(false);
  expect(fs.readFileSync(outside, "utf8")).toBe(foreign);
  expect(fs.lstatSync(history).isFile()).toBe(true);
  const text = fs.readFileSync(history, "utf8");
  expect(text).toMatch(/"score":/);
  expect(text).not.toContain("2020-01-01");
});

it("a FIFO at every cache file's name (and at the history's) costs a cache miss, never a hang", { timeout: 300_000 }, () => {
  const r = sealedRepo();
  const state = path.join(r.dir, ".git/integrity-guard");
  const files = stateFiles(state);
  expect(files).toContain("health-history.jsonl");
  expect(
    files.some((f) => /^manifest-cache-/.test(f)),
    files.join(" "),
  ).toBe(true);
  for (const f of files) {
    fs.rmSync(path.join(state, f));
    expect(spawnSync("mkfifo", [path.join(state, f)]).status).toBe(0);
  }
  for (const verb of ["verify", "check", "health", "seal"] as const) {
    const done = run(r, [verb, "--config", "ci/ig.yml"], 30_000);
    expect(done.timedOut, `${verb} waited on a FIFO: ${done.out}`).toBe(false);
    expect(done.code, `${verb}: ${done.out}`).toBe(EXPECTED[verb]);
  }
});

it("a FIFO at a lock's name is not read: the lock times out naming the file, instead of hanging", { timeout: 300_000 }, () => {
  const r = sealedRepo();
  const lock = path.join(r.dir, ".git/integrity-guard/health-history.lock");
  expect(spawnSync("mkfifo", [lock]).status).toBe(0);
  const done = run(r, ["health", "--config", "ci/ig.yml"]);
  expect(done.timedOut, done.out).toBe(false);
  // health goes on without recording its score, and says why; the FIFO is left as it was.
  expect(done.out).toContain(`could not take the lock ${lock} within`);
  expect(fs.lstatSync(lock).isFIFO()).toBe(true);
});

it("a FIFO at the restore journal's name stops snapshot naming it, instead of hanging", { timeout: 300_000 }, () => {
  const r = sealedRepo();
  const journal = path.join(r.dir, ".git/integrity-guard/restore-journal.json");
  expect(spawnSync("mkfifo", [journal]).status).toBe(0);
  const done = run(r, ["snapshot", "--set", "hourly", "--config", "ci/ig.yml"]);
  expect(done.timedOut, done.out).toBe(false);
  expect(done.code, done.out).toBe(2);
  expect(done.out).toContain(`the restore journal ${journal} is a symlink or not a regular file`);
});
