/**
 * Session 28, red team (rt-data23): `snapshot` killed (SIGKILL) after each of its file-system
 * steps under the repository (work tree and .git), in turn (test/helpers/kill-after-step.mjs),
 * the first snapshot of a set (the orphan branch created) and a later one (the branch moved).
 * Whenever the kill lands: the user's index, HEAD, branches, work tree and hooks are exactly as
 * they were; the snapshot branch is where it was or on a whole new snapshot (every object
 * there, git fsck clean); and the next snapshot succeeds and leaves no temporary behind.
 * Runs src through tsx.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRepo, GIT_ENV, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";
import { makeSshKey, snapshotConfig, type SshKey } from "../helpers/keys.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const KILL = path.join(PROJECT_ROOT, "test/helpers/kill-after-step.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const BRANCH = "refs/heads/integrity-snapshots";

let key: SshKey;
beforeAll(() => {
  key = makeSshKey();
});
afterAll(() => key.cleanup());

function run(r: TestRepo, args: string[], at = 0): { status: number | null; signal: NodeJS.Signals | null; out: string } {
  const p = spawnSync(process.execPath, ["--import", TSX, "--import", KILL, MAIN, ...args], {
    cwd: r.dir,
    env: { ...process.env, ...GIT_ENV, IG_TEST_SIGNING_KEY: key.privateKey, IG_TEST_KILL_DIR: r.dir, IG_TEST_KILL_AT: String(at) },
    encoding: "utf8",
  });
  return { status: p.status, signal: p.signal, out: `${p.stdout}${p.stderr}` };
}

const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");

/** Everything of the user's that a snapshot must never touch. */
function userState(r: TestRepo): Record<string, string> {
  const out: Record<string, string> = {
    index: sha(fs.readFileSync(path.join(r.dir, ".git/index"))),
    head: r.git("rev-parse", "HEAD").trim(),
    headRef: fs.readFileSync(path.join(r.dir, ".git/HEAD"), "utf8"),
    branches: r.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/main", "refs/heads/feature"),
    status: r.git("status", "--porcelain=v2", "--untracked-files=all"),
  };
  for (const dir of ["data", ".git/hooks"])
    for (const n of fs.readdirSync(path.join(r.dir, dir)).sort()) out[`${dir}/${n}`] = sha(fs.readFileSync(path.join(r.dir, dir, n)));
  return out;
}

function tip(r: TestRepo): string | undefined {
  const t = r.tryGit("rev-parse", "--verify", "-q", BRANCH);
  return t.status === 0 ? t.stdout.trim() : undefined;
}

function stateTemporaries(r: TestRepo): string[] {
  const dir = path.join(r.dir, ".git/integrity-guard");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.endsWith(".tmp") || n.startsWith("tmp")) : [];
}

it("killed at every step, first snapshot and a later one: the user's state untouched, the branch old or whole, the next run succeeds", () => {
  const r = createRepo();
  try {
    r.write(".integrity-guard/config.yml", snapshotConfig({ sets: '    hourly: { paths: ["data/"], keep: 5 }' }));
    r.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    for (let i = 0; i < 6; i++) r.write(`data/f${i}.json`, JSON.stringify({ i }) + "\n");
    r.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n");
    fs.chmodSync(path.join(r.dir, ".git/hooks/pre-commit"), 0o755);
    r.commitAll("base");
    r.git("branch", "feature");
    // A staged change and an unstaged one: the index is the user's work too.
    r.write("data/f1.json", '{"i":"staged"}\n');
    r.git("add", "data/f1.json");
    r.write("data/f2.json", '{"i":"unstaged"}\n');

    let killed = 0;
    let moved = 0;
    for (const phase of ["first", "later"] as const) {
      let finished = false;
      for (let at = 1; at < 200 && !finished; at++) {
        if (phase === "first") r.tryGit("update-ref", "-d", BRANCH);
        else if (tip(r) === undefined) expect(run(r, ["snapshot", "--set", "hourly"]).status).toBe(0);
        // A change in the set each round, so that a later snapshot has something to write.
        r.write("data/f3.json", JSON.stringify({ phase, at }) + "\n");
        const before = userState(r);
        const tipBefore = tip(r);
        const w = run(r, ["snapshot", "--set", "hourly"], at);
        const what = `${phase} snapshot, killed at step ${at}: ${w.out}`;
        expect(userState(r), what).toEqual(before);
        const tipAfter = tip(r);
        if (w.signal !== "SIGKILL") {
          expect(w.status, what).toBe(0);
          expect(tipAfter, what).not.toBe(tipBefore);
          finished = true;
        } else {
          killed++;
        }
        if (tipAfter !== tipBefore) {
          moved++;
          // The branch moved: onto a whole snapshot commit (its parent the old tip, every object there).
          expect(r.git("rev-list", "--parents", "-n", "1", tipAfter!).trim().split(" ").slice(1), what).toEqual(
            tipBefore ? [tipBefore] : [],
          );
          expect(r.git("show", `${tipAfter}:data/f3.json`), what).toBe(JSON.stringify({ phase, at }) + "\n");
          expect(r.tryGit("fsck", "--no-dangling", "--connectivity-only").status, what).toBe(0);
        }
        // The next run after a kill succeeds and sweeps what the killed one left (every few steps: slow).
        if (w.signal === "SIGKILL" && (at % 3 === 0 || tipAfter !== tipBefore)) {
          const next = run(r, ["snapshot", "--set", "hourly"]);
          expect(next.status, `the run after ${what}\n${next.out}`).toBe(0);
          expect(stateTemporaries(r), `after the run after ${what}`).toEqual([]);
          expect(userState(r), what).toEqual(before);
        }
      }
      expect(finished, `${phase}: never finished`).toBe(true);
    }
    expect(killed).toBeGreaterThan(4);
    expect(moved).toBeGreaterThan(0);
  } finally {
    r.cleanup();
  }
}, 1_800_000);
