/**
 * Session 30, red team (rt-data25): `recover` (a procedure restoring a set, then verifying it)
 * killed (SIGKILL) after each of its file-system steps under the repository, in turn
 * (test/helpers/kill-after-step.mjs). Whenever the kill lands: every file of the set is whole,
 * as it was or as the snapshot has it (never cut, never missing); the user's index, HEAD and
 * branches are untouched; and running the same procedure again (at once, or after the next
 * kill) finishes the restore (the journal's resume), leaving the snapshot's files, no journal
 * and no temporary behind. Probed in session 30: it held (no fix); kept as a guard.
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
const JOURNAL = ".git/integrity-guard/restore-journal.json";
const FILES = 3;

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

/** A name in data/ that is none of the set's files (a restore's temporary file, or anything else). */
const leftOver = (n: string) => !/^f\d+\.json$/.test(n);
const sha = (b: Buffer) => crypto.createHash("sha256").update(b).digest("hex");
const content = (i: number, tag: string) => JSON.stringify({ i, tag, pad: "x".repeat(4096) }) + "\n";

/** The user's own state a recover must never touch (the work tree outside data/ included). */
function userState(r: TestRepo): Record<string, string> {
  return {
    index: sha(fs.readFileSync(path.join(r.dir, ".git/index"))),
    head: r.git("rev-parse", "HEAD").trim(),
    headRef: fs.readFileSync(path.join(r.dir, ".git/HEAD"), "utf8"),
    branches: r.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/main", "refs/heads/feature"),
    notes: sha(fs.readFileSync(path.join(r.dir, "notes.txt"))),
  };
}

/**
 * The set's files as they are: each name, and its tag ("old" from the snapshot, "new" the edit)
 * or what is wrong with it. A restore's temporary files (`.f1.json.ig-restore.*.tmp`) a kill
 * leaves beside them are not the user's files: the journal's resume removes them, which the runs
 * after a kill check (`leftOver`).
 */
function dataState(r: TestRepo): string[] {
  return fs
    .readdirSync(path.join(r.dir, "data"))
    .filter((n) => !leftOver(n))
    .sort()
    .map((n) => {
      const text = fs.readFileSync(path.join(r.dir, "data", n), "utf8");
      const i = Number(/^f(\d+)\.json$/.exec(n)?.[1] ?? -1);
      for (const tag of ["old", "new"]) if (text === content(i, tag)) return `${n}:${tag}`;
      return `${n}:CUT(${text.length} bytes)`;
    });
}

it("killed at every step: each file old or new and whole, the user's state untouched; the same procedure again ends restored", () => {
  const r = createRepo();
  try {
    r.write(
      ".integrity-guard/config.yml",
      snapshotConfig({
        sets: '    hourly: { paths: ["data/"], keep: 50 }',
        extra: 'recovery:\n  meeting:\n    - restore: { set: hourly }\n    - verify: ["data/"]',
      }),
    );
    r.write(".integrity-guard/allowed_signers", key.allowedSignersLine());
    for (let i = 0; i < FILES; i++) r.write(`data/f${i}.json`, content(i, "old"));
    r.write("notes.txt", "mine\n");
    r.commitAll("base");
    r.git("branch", "feature");
    const snap = run(r, ["snapshot", "--set", "hourly"]);
    expect(snap.status, snap.out).toBe(0);
    // The user's uncommitted edit of notes.txt, staged: the index is the user's work too.
    r.write("notes.txt", "mine, staged\n");
    r.git("add", "notes.txt");

    const oldData = Array.from({ length: FILES }, (_, i) => `f${i}.json:old`);
    let killed = 0;
    let journalLeft = 0;
    let finished = false;
    for (let at = 1; at < 300 && !finished; at++) {
      // The damage recover repairs: every file of the set edited (uncommitted), one of them removed.
      for (let i = 0; i < FILES; i++) r.write(`data/f${i}.json`, content(i, "new"));
      fs.rmSync(path.join(r.dir, `data/f${FILES - 1}.json`));
      r.write(`data/f${FILES - 1}.json`, content(FILES - 1, "new"));
      const before = userState(r);
      const w = run(r, ["recover", "meeting", "--no-fetch"], at);
      const what = `recover killed at step ${at}: ${w.out}`;
      expect(userState(r), what).toEqual(before);
      const data = dataState(r);
      for (const f of data) expect(f, what).toMatch(/:(old|new)$/);
      expect(data.length, `${what}\n${data.join(" ")}`).toBe(FILES);
      if (w.signal !== "SIGKILL") {
        expect(w.status, what).toBe(0);
        expect(data, what).toEqual(oldData);
        expect(fs.readdirSync(path.join(r.dir, "data")).filter(leftOver), what).toEqual([]);
        finished = true;
        continue;
      }
      killed++;
      if (fs.existsSync(path.join(r.dir, JOURNAL))) journalLeft++;
      // Every third kill (each run costs a tsx start): the same procedure again, the journal's
      // resume when a restore was under way, else a whole restore. Otherwise the next round's
      // recover meets what this kill left, as a user's next attempt would.
      if (at % 3 !== 0) continue;
      const again = run(r, ["recover", "meeting", "--no-fetch"]);
      expect(again.status, `the run after ${what}\n${again.out}`).toBe(0);
      expect(dataState(r), `the run after ${what}`).toEqual(oldData);
      expect(fs.existsSync(path.join(r.dir, JOURNAL)), `the run after ${what}`).toBe(false);
      const left = fs.readdirSync(path.join(r.dir, "data")).filter(leftOver);
      expect(left, `the run after ${what}`).toEqual([]);
      expect(userState(r), what).toEqual(before);
    }
    expect(finished, "recover never finished").toBe(true);
    expect(killed).toBeGreaterThan(4);
    expect(journalLeft, "no kill landed while the journal was recorded").toBeGreaterThan(0);
  } finally {
    r.cleanup();
  }
}, 1_800_000);
