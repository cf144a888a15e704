/**
 * Session 30, red team (rt-data25): `snapshot` and `restore` on a disk that fills up at every
 * point in turn (a 3 MiB tmpfs filled to leave 0, 4, 8, ... KiB). The objects of a snapshot can
 * fit while the ref's lock file (`git update-ref`) no longer does; git then says only "couldn't
 * write '.git/refs/heads/integrity-snapshots.lock'", and both commands printed that raw git
 * failure: not that the disk is full, nor that nothing changed (restore: no file written). Each
 * run now finishes, or stops with exit 2 saying the disk is full; the snapshot branch and the
 * work tree are as they were or whole; and the next run, with space back, succeeds.
 * A real tmpfs, so root only (as the other disk-full tests).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUNDLE, createRepo, GIT_ENV, makeTempDir, type TestRepo } from "../helpers/repo.js";

const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;
const FILES = 10;
const content = (i: number, tag: string) => JSON.stringify({ i, tag, pad: (tag === "old" ? "x" : "y").repeat(20_000) }) + "\n";

function cli(r: TestRepo, args: string[]): { status: number | null; out: string } {
  const p = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd: r.dir, env: { ...process.env, ...GIT_ENV }, encoding: "utf8" });
  return { status: p.status, out: `${p.stdout}${p.stderr}` };
}

/** data/: each file's tag, or CUT when it is neither whole version. */
function tags(r: TestRepo): string[] {
  return Array.from({ length: FILES }, (_, i) => {
    const text = fs.readFileSync(path.join(r.dir, `data/f${i}.json`), "utf8");
    return text === content(i, "old") ? "old" : text === content(i, "new") ? "new" : "CUT";
  });
}

/** A repository on a fresh 3 MiB tmpfs with one snapshot of data/ ("old"), data/ then edited ("new"). */
function withFullDisk(free: number, fn: (r: TestRepo, unfill: () => void) => void): void {
  const mnt = makeTempDir("ig-full-ref-");
  expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=3m", "tmpfs", mnt]).status).toBe(0);
  try {
    const r = createRepo({ dir: mnt });
    r.write(
      ".integrity-guard/config.yml",
      'version: 1\nsnapshots:\n  sign: { format: none }\n  sets:\n    hourly: { paths: ["data/"], keep: 5 }\n',
    );
    for (let i = 0; i < FILES; i++) r.write(`data/f${i}.json`, content(i, "old"));
    r.commitAll("base");
    const first = cli(r, ["snapshot", "--set", "hourly"]);
    expect(first.status, first.out).toBe(0);
    for (let i = 0; i < FILES; i++) r.write(`data/f${i}.json`, content(i, "new"));
    const fill = path.join(mnt, "fill");
    spawnSync("sh", ["-c", `dd if=/dev/zero of=${fill} bs=4k 2>/dev/null; truncate -s -${free}K ${fill}`]);
    fn(r, () => fs.rmSync(fill));
  } finally {
    spawnSync("umount", [mnt]);
    fs.rmSync(mnt, { recursive: true, force: true });
  }
}

const tip = (r: TestRepo) => r.git("rev-parse", "refs/heads/integrity-snapshots").trim();

describe("snapshot and restore when the disk fills up at the ref update", () => {
  it.skipIf(!canMount)(
    "snapshot: finishes, or exit 2 saying the disk is full and the branch is where it was",
    () => {
      const seen = new Set<number | null>();
      for (let free = 0; free <= 48; free += 4) {
        withFullDisk(free, (r, unfill) => {
          const before = tip(r);
          const s = cli(r, ["snapshot", "--set", "hourly"]);
          const what = `snapshot with ${free} KiB free: ${s.out}`;
          seen.add(s.status);
          if (s.status !== 0) {
            expect(s.status, what).toBe(2);
            expect(s.out, what).toMatch(/snapshot of set hourly stopped: the disk is full/);
            expect(s.out, what).toMatch(/nothing was changed \(integrity-snapshots is where it was/);
            expect(s.out, what).toMatch(/fix: free disk space/);
            expect(tip(r), what).toBe(before);
          } else expect(tip(r), what).not.toBe(before);
          expect(tags(r), what).toEqual(Array(FILES).fill("new"));
          unfill();
          const again = cli(r, ["snapshot", "--set", "hourly"]);
          expect(again.status, `the snapshot after ${what}\n${again.out}`).toBe(0);
        });
      }
      expect([...seen].sort()).toEqual([0, 2]);
    },
    900_000,
  );

  it.skipIf(!canMount)(
    "restore: finishes, or exit 2 saying the disk is full; each file old or new, the next run restores",
    () => {
      const seen = new Set<number | null>();
      // The ref update fails near 30 KiB; the restore's own files need about 240 KiB more to finish.
      for (const free of [...Array.from({ length: 13 }, (_, k) => 4 * k), 400]) {
        withFullDisk(free, (r, unfill) => {
          const snap = tip(r);
          const s = cli(r, ["restore", snap, "--allow-unsigned", "--no-fetch"]);
          const what = `restore with ${free} KiB free: ${s.out}`;
          seen.add(s.status);
          const now = tags(r);
          if (s.status === 0) expect(now, what).toEqual(Array(FILES).fill("old"));
          else {
            expect(s.status, what).toBe(2);
            expect(s.out, what).toMatch(/the disk is full|and it is full; no file was written/);
            expect(s.out, what).not.toMatch(/git update-ref/);
            for (const t of now) expect(t, what).toMatch(/^(old|new)$/);
          }
          unfill();
          const again = cli(r, ["restore", snap, "--allow-unsigned", "--no-fetch"]);
          expect(again.status, `the restore after ${what}\n${again.out}`).toBe(0);
          expect(tags(r), `the restore after ${what}`).toEqual(Array(FILES).fill("old"));
        });
      }
      expect([...seen].sort()).toEqual([0, 2]);
    },
    900_000,
  );
});
