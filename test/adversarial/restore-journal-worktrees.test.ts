/**
 * Linked worktrees (`git worktree add`) share .git/integrity-guard/, and the restore journal
 * lived there. A restore killed in worktree B left B half-restored with its journal; a restore
 * in worktree A then read B's journal: it printed B's undo (a pre-restore snapshot of B's files,
 * wrong for A) as A's way back, and, restoring the same snapshot, took itself for the resume and
 * removed the journal, so B's half-restored state was no longer flagged. Now each work tree has
 * its own journal (under its own git dir); the main worktree's path is unchanged.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATA_FILES, fillData, hourlyDataConfig, restoreKilled } from "../helpers/killed-restore.js";
import { createRepo, makeTempDir, type TestRepo } from "../helpers/repo.js";

const CONFIG = hourlyDataConfig(5);

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

describe("the restore journal belongs to one work tree", () => {
  it("a restore killed in a linked worktree is neither resumed nor undone from another worktree", async () => {
    const a: TestRepo = createRepo();
    cleanup.push(() => a.cleanup());
    a.write(".integrity-guard/config.yml", CONFIG);
    fs.mkdirSync(path.join(a.dir, "data"));
    fillData(a.dir, "snap");
    a.commitAll("init");
    const snap = await a.cli(["snapshot", "--set", "hourly"]);
    expect(snap.code, snap.stderr).toBe(0);
    const id = a.git("rev-parse", "integrity-snapshots").trim();

    const bDir = path.join(makeTempDir("ig-wt-"), "b");
    cleanup.push(() => fs.rmSync(path.dirname(bDir), { recursive: true, force: true }));
    a.git("worktree", "add", "-q", "-b", "side", bDir);
    fillData(bDir, "b-work");
    fillData(a.dir, "a-work");

    let signal: NodeJS.Signals | null = null;
    for (let tries = 0; tries < 3 && signal !== "SIGKILL"; tries++) {
      fillData(bDir, "b-work");
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
    expect(JSON.parse(fs.readFileSync(path.join(bDir, `data/f${DATA_FILES - 1}.json`), "utf8")).tag).toBe("b-work");
    expect(fs.existsSync(bJournal!)).toBe(false);
  });
});
