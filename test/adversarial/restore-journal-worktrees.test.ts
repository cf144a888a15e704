/**
 * Linked worktrees (`git worktree add`) share .git/integrity-guard/, and the restore journal
 * lived there. A restore killed in worktree B left B half-restored with its journal; a restore
 * in worktree A then read B's journal: it printed B's undo (a pre-restore snapshot of B's files,
 * wrong for A) as A's way back, and, restoring the same snapshot, took itself for the resume and
 * removed the journal, so B's half-restored state was no longer flagged. Now each work tree has
 * its own journal (under its own git dir); the main worktree's path is unchanged.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRepo, GIT_ENV, makeTempDir, PROJECT_ROOT, type TestRepo } from "../helpers/repo.js";

const TSX = path.join(PROJECT_ROOT, "node_modules/tsx/dist/esm/index.mjs");
const MAIN = path.join(PROJECT_ROOT, "src/main.ts");
const CONFIG = 'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: ["data/"], keep: 5 }\n';
const FILES = 60;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

function fill(dir: string, tag: string): void {
  for (let i = 0; i < FILES; i++)
    fs.writeFileSync(
      path.join(dir, "data", `f${String(i).padStart(2, "0")}.json`),
      JSON.stringify({ tag, pad: "x".repeat(64 << 10) }) + "\n",
    );
}

/** `restore <id>` in `cwd`, killed with SIGKILL at its first write under data/. */
async function restoreKilled(cwd: string, id: string): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ["--import", TSX, MAIN, "restore", id, "--allow-unsigned", "--no-fetch"], {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    stdio: ["ignore", "ignore", "ignore"],
  });
  const watcher = fs.watch(path.join(cwd, "data"), () => {
    watcher.close();
    child.kill("SIGKILL");
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on("close", (_c, s) => resolve(s)));
  watcher.close();
  return signal;
}

describe("the restore journal belongs to one work tree", () => {
  it("a restore killed in a linked worktree is neither resumed nor undone from another worktree", async () => {
    const a: TestRepo = createRepo();
    cleanup.push(() => a.cleanup());
    a.write(".integrity-guard/config.yml", CONFIG);
    fs.mkdirSync(path.join(a.dir, "data"));
    fill(a.dir, "snap");
    a.commitAll("init");
    const snap = await a.cli(["snapshot", "--set", "hourly"]);
    expect(snap.code, snap.stderr).toBe(0);
    const id = a.git("rev-parse", "integrity-snapshots").trim();

    const bDir = path.join(makeTempDir("ig-wt-"), "b");
    cleanup.push(() => fs.rmSync(path.dirname(bDir), { recursive: true, force: true }));
    a.git("worktree", "add", "-q", "-b", "side", bDir);
    fill(bDir, "b-work");
    fill(a.dir, "a-work");

    let signal: NodeJS.Signals | null = null;
    for (let tries = 0; tries < 3 && signal !== "SIGKILL"; tries++) {
      fill(bDir, "b-work");
      signal = await restoreKilled(bDir, id);
    }
    expect(signal).toBe("SIGKILL");
    const bGitDir = a.git("-C", bDir, "rev-parse", "--absolute-git-dir").trim();
    // Where B's journal is found (the shared folder before the fix) does not matter to the checks below.
    const bJournal = [path.join(bGitDir, "integrity-guard"), path.join(a.dir, ".git/integrity-guard")]
      .map((d) => path.join(d, "restore-journal.json"))
      .find((f) => fs.existsSync(f));
    expect(bJournal).toBeDefined();
    const bUndo = (JSON.parse(fs.readFileSync(bJournal!, "utf8")) as { pre: string }).pre;

    // Worktree A restores the same snapshot: its own restore, with its own undo.
    const r = await a.cli(["restore", id, "--allow-unsigned", "--no-fetch"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain(bUndo);
    // B's journal survives: B is still flagged, and its own undo still brings back its work.
    expect(fs.existsSync(bJournal!)).toBe(true);
    const undo = await a.cli(["-C", bDir, "restore", bUndo, "--allow-unsigned", "--no-fetch"]);
    expect(undo.code, undo.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(bDir, "data/f00.json"), "utf8")).tag).toBe("b-work");
    expect(JSON.parse(fs.readFileSync(path.join(bDir, `data/f${FILES - 1}.json`), "utf8")).tag).toBe("b-work");
    expect(fs.existsSync(bJournal!)).toBe(false);
  });
});
