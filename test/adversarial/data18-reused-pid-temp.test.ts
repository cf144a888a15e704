/**
 * Temporary files left by a killed writer, whose pid then comes back. The names held the writer's
 * pid alone, and the sweeps kept a file whenever that pid was alive or was their own:
 * - an app in a container is pid 1 (or another small fixed pid) again after every restart, so the
 *   `.state.json.<pid>.<random>.tmp` its killed incarnation left beside its state file looked like
 *   its own and was never removed: cut short, in the work tree, where `git add -A` commits it;
 * - any reused pid (another live process) kept snapshot's temporary index and marks (as big as
 *   the set's index) under .git/integrity-guard for good.
 * The names now carry the writer's start time too (process-start.ts writerTag), as locks do since
 * session 22. Real processes, real SIGKILLs; the pid reuse is made by renaming the leftover to the
 * pid of a live process (its start time, in the name, stays the killed writer's). The snapshot
 * case plants leftovers named as this version names them (a snapshot of a small set holds its
 * temporary index for a few milliseconds: too short to kill it there reliably).
 * A writer that is alive (stopped mid-write) keeps its temporary file, with either version.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { createRepo, DIST_DIR, type TestRepo } from "../helpers/repo.js";

const LIB = path.join(DIST_DIR, "lib/index.js");

let repo: TestRepo | undefined;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  repo?.cleanup();
  repo = undefined;
});

function node(script: string, cwd: string): ChildProcess {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd, stdio: ["pipe", "pipe", "inherit"] });
  children.push(child);
  return child;
}

const exited = (c: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) resolve({ code: c.exitCode, signal: c.signalCode });
    else c.on("close", (code, signal) => resolve({ code, signal }));
  });

/** A live process that is not the writer: the pid it had, now someone else's. */
function liveStranger(): number {
  const c = spawn("sleep", ["60"], { stdio: "ignore" });
  children.push(c);
  return c.pid!;
}

/** Names in `dir` matching `re`. */
const leftovers = (dir: string, re: RegExp) => fs.readdirSync(dir).filter((n) => re.test(n));

/**
 * Start `start()` again until `signal(child)` is sent while a file matching `re` exists in `dir`
 * (fs.watch: sent as the file appears). Returns the child, which is stopped or killed.
 */
async function catchWithFile(dir: string, re: RegExp, start: () => ChildProcess, signal: NodeJS.Signals): Promise<ChildProcess> {
  for (let tries = 0; tries < 20; tries++) {
    const child = start();
    const caught = new Promise<boolean>((resolve) => {
      // Stopped at each such name as it appears, then looked at: killed while one exists, else let go on.
      const w = fs.watch(dir, (_e, name) => {
        if (!name || !re.test(name) || child.exitCode !== null || child.signalCode !== null) return;
        child.kill("SIGSTOP");
        if (leftovers(dir, re).length === 0) {
          child.kill("SIGCONT");
          return;
        }
        if (signal !== "SIGSTOP") child.kill(signal);
        w.close();
        resolve(true);
      });
      child.on("close", () => {
        w.close();
        resolve(false);
      });
    });
    if ((await caught) && leftovers(dir, re).length > 0) return child;
    if (signal === "SIGSTOP") child.kill("SIGKILL");
    await exited(child);
    for (const n of leftovers(dir, re)) fs.rmSync(path.join(dir, n), { force: true });
  }
  throw new Error(`no ${re} caught in ${dir}`);
}

/** A writer of state.json that keeps writing (2 MB each time, so each write takes a while). */
const WRITER = `
import { writeJson } from ${JSON.stringify(LIB)};
const big = { pad: "x".repeat(2 << 20) };
for (let i = 0; ; i++) await writeJson("state.json", { i, ...big }, { schema: false });
`;

/** An app that waits for a line on stdin, then does one updateJson of state.json (as it would after a restart). */
const APP = `
import { updateJson } from ${JSON.stringify(LIB)};
process.stdin.once("data", async () => {
  await updateJson("state.json", (s) => ({ i: -1, restarted: true }), { schema: false });
  process.stdout.write("done\\n");
  process.exit(0);
});
`;

const STATE_TEMP = /^\.state\.json\..*\.tmp$/;

/** Rename the leftover so that it names `pid` (what follows `.state.json.` up to the first `.` or `s`). */
function renameToPid(dir: string, name: string, pid: number): string {
  const renamed = name.replace(/^(\.state\.json\.)\d+/, `$1${pid}`);
  fs.renameSync(path.join(dir, name), path.join(dir, renamed));
  return renamed;
}

async function runApp(dir: string, beforeGo: (pid: number) => void): Promise<void> {
  const app = node(APP, dir);
  let out = "";
  app.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  beforeGo(app.pid!);
  app.stdin!.write("go\n");
  expect((await exited(app)).code).toBe(0);
  expect(out).toContain("done");
}

async function killedWriterLeftover(dir: string): Promise<string> {
  const child = await catchWithFile(dir, STATE_TEMP, () => node(WRITER, dir), "SIGKILL");
  await exited(child);
  const left = leftovers(dir, STATE_TEMP);
  expect(left).toHaveLength(1);
  return left[0]!;
}

it("a killed writer's temporary file beside the state file is removed when the restarted app gets the same pid", async () => {
  const r = (repo = createRepo());
  r.write("state.json", "{}\n");
  r.commitAll("init");
  const left = await killedWriterLeftover(r.dir);
  // The app restarts with the killed writer's pid (a container's pid 1): the leftover names it.
  await runApp(r.dir, (pid) => renameToPid(r.dir, left, pid));
  expect(JSON.parse(r.read("state.json"))).toEqual({ i: -1, restarted: true });
  expect(leftovers(r.dir, STATE_TEMP)).toEqual([]);
  expect(r.git("status", "--porcelain", "--untracked-files=all")).not.toMatch(/\.tmp/);
}, 120_000);

it("a killed writer's temporary file is removed when another live process has its pid now", async () => {
  const r = (repo = createRepo());
  r.write("state.json", "{}\n");
  const left = await killedWriterLeftover(r.dir);
  renameToPid(r.dir, left, liveStranger());
  await runApp(r.dir, () => undefined);
  expect(leftovers(r.dir, STATE_TEMP)).toEqual([]);
}, 120_000);

it("a live writer's temporary file (its process stopped mid-write) is kept, and its write completes", async () => {
  const r = (repo = createRepo());
  r.write("state.json", "{}\n");
  const writer = await catchWithFile(r.dir, STATE_TEMP, () => node(WRITER, r.dir), "SIGSTOP");
  const mine = leftovers(r.dir, STATE_TEMP);
  expect(mine).toHaveLength(1);
  await runApp(r.dir, () => undefined);
  expect(leftovers(r.dir, STATE_TEMP)).toEqual(mine);
  writer.kill("SIGCONT");
  // It goes on: the stopped write is renamed into place (and the next ones follow).
  for (let i = 0; i < 200 && fs.existsSync(path.join(r.dir, mine[0]!)); i++) await new Promise((res) => setTimeout(res, 25));
  expect(fs.existsSync(path.join(r.dir, mine[0]!))).toBe(false);
  writer.kill("SIGKILL");
  await exited(writer);
}, 120_000);

/** Start ticks of `pid` (field 22 of /proc/<pid>/stat), what the names record on Linux. */
function startTicks(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
}

it("snapshot sweeps a killed snapshot's temporary index and marks whose pid a live process has now, and keeps a live writer's", async () => {
  const r = (repo = createRepo());
  r.write(".integrity-guard/config.yml", 'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    s: { paths: ["data/"] }\n');
  r.write("data/a.json", '{"a":1}\n');
  r.commitAll("init");
  const state = path.join(r.dir, ".git/integrity-guard");
  fs.mkdirSync(state, { recursive: true });
  const stranger = liveStranger();
  const ticks = startTicks(stranger);
  // Left by a snapshot killed earlier (it started before the process that has its pid now).
  const killed = [
    `snapshot-${stranger}s${ticks - 100}-1796448361886-vkedfx10cy.index`,
    `snapshot-${stranger}s${ticks - 100}-1796448361886.marks`,
  ];
  // Being written by the live process itself.
  const live = `snapshot-${stranger}s${ticks}-1796448361886-abc.index`;
  for (const n of [...killed, live]) fs.writeFileSync(path.join(state, n), "x");
  const run = r.cliBundle(["snapshot", "--set", "s"]);
  expect(run.code, run.stderr).toBe(0);
  expect(fs.readdirSync(state).filter((n) => /^snapshot-\d/.test(n))).toEqual([live]);
}, 120_000);
